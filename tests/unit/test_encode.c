/* Encodings: every character that will not convert is found with its
 * place; substitutions only when asked; output whole or nothing. */
#include <iconv.h>
#include <string.h>

#include "suite.h"
#include "todoke/encode.h"

static bool enc(const char *text, const char *e, bool crlf, bool subst,
                struct strbuf *out, struct enc_report *rep)
{
	struct diag d;
	sb_init(out);
	return encode_document(text, strlen(text), e, crlf, subst, out, rep, &d);
}

START_TEST(utf8_and_crlf)
{
	struct strbuf out;
	struct enc_report rep;
	ck_assert(enc("髙橋😀\n二行目\n", "utf-8", true, false, &out, &rep));
	ck_assert_str_eq(out.buf, "髙橋😀\r\n二行目\r\n");
	ck_assert_uint_eq(rep.n, 0);
	sb_release(&out);
}
END_TEST

START_TEST(cp932_windows_forms)
{
	struct strbuf out;
	struct enc_report rep;
	/* 〜 and − typed on Linux land where Windows users expect them. */
	ck_assert(enc("〜−①㈱髙﨑ｱ\n", "cp932", true, false, &out, &rep));
	ck_assert_uint_eq(out.len, 15);
	ck_assert(memcmp(out.buf, "\x81\x60\x81\x7c\x87\x40\x87\x8a\xfb\xfc\xfa\xb1\xb1\r\n", 15) == 0);
	sb_release(&out);
}
END_TEST

START_TEST(iso2022jp_lists_every_character)
{
	struct strbuf out;
	struct enc_report rep;
	ck_assert(!enc("株式会社\n髙橋 ①\nｱ😀\n", "iso-2022-jp", false, false, &out, &rep));
	ck_assert_uint_eq(out.len, 0);
	ck_assert_uint_eq(rep.n, 4);
	ck_assert(rep.v[0].cp == 0x9AD9 && rep.v[0].line == 2 && rep.v[0].col == 1);
	ck_assert_str_eq(rep.v[0].subst, "高");
	ck_assert(rep.v[1].cp == 0x2460 && rep.v[1].line == 2 && rep.v[1].col == 4);
	ck_assert(rep.v[2].cp == 0xFF71 && rep.v[2].line == 3);
	ck_assert(rep.v[3].cp == 0x1F600 && rep.v[3].subst == NULL);
	enc_report_release(&rep);
	sb_release(&out);
}
END_TEST

/* The bytes back to UTF-8, as a mail client would read them. */
static void decode(const char *from, const struct strbuf *in, char *buf, size_t size)
{
	iconv_t cd = iconv_open("UTF-8", from);
	ck_assert(cd != (iconv_t)-1);
	char src[512];
	memcpy(src, in->buf, in->len);
	char *i = src, *o = buf;
	size_t il = in->len, ol = size - 1;
	ck_assert(iconv(cd, &i, &il, &o, &ol) != (size_t)-1);
	*o = '\0';
	iconv_close(cd);
}

START_TEST(substitutions_on_request)
{
	struct strbuf out;
	struct enc_report rep;
	char back[256];
	ck_assert(enc("髙橋 ①㈱ ｱ ～\n", "iso-2022-jp", false, true, &out, &rep));
	/* 7-bit, and back in ASCII at the end. */
	for (size_t i = 0; i < out.len; i++)
		ck_assert((unsigned char)out.buf[i] < 0x80);
	ck_assert(out.len > 4 && memcmp(out.buf + out.len - 4, "\x1b(B\n", 4) == 0);
	decode("ISO-2022-JP", &out, back, sizeof back);
	ck_assert_str_eq(back, "高橋 (1)(株) ア 〜\n");
	sb_release(&out);
	/* No stand-in for an emoji: still refused, nothing dropped. */
	ck_assert(!enc("😀\n", "iso-2022-jp", false, true, &out, &rep));
	ck_assert_uint_eq(rep.n, 1);
	ck_assert_uint_eq(out.len, 0);
	enc_report_release(&rep);
	sb_release(&out);
	/* か + U+3099 (a combining mark ISO-2022-JP lacks) becomes が. */
	ck_assert(!enc("か\xe3\x82\x99き\n", "iso-2022-jp", false, false, &out, &rep));
	ck_assert_uint_eq(rep.n, 1);
	ck_assert(rep.v[0].cp == 0x3099 && rep.v[0].col == 2);
	ck_assert_str_eq(rep.v[0].subst, "が");
	enc_report_release(&rep);
	sb_release(&out);
	ck_assert(enc("か\xe3\x82\x99きハ\xe3\x82\x9a\n", "iso-2022-jp", false, true, &out, &rep));
	decode("ISO-2022-JP", &out, back, sizeof back);
	ck_assert_str_eq(back, "がきパ\n");
	sb_release(&out);
	/* Half-width kana with their half-width marks: one full-width letter
	 * each (ガ, not カ゛); a mark that composes with nothing stays ゛. */
	ck_assert(enc("ﾌﾘｶﾞﾅ ﾊﾟｿｺﾝ ｳﾞｧ ｱﾞ\n", "iso-2022-jp", false, true, &out, &rep));
	decode("ISO-2022-JP", &out, back, sizeof back);
	ck_assert_str_eq(back, "フリガナ パソコン ヴァ ア゛\n");
	sb_release(&out);
	/* CP932 has half-width kana: they are written as they are. */
	ck_assert(enc("ｶﾞ\n", "cp932", false, true, &out, &rep));
	ck_assert_uint_eq(out.len, 3);
	sb_release(&out);
	/* Without asking, ① is not replaced even where a stand-in exists. */
	ck_assert(!enc("①\n", "euc-jp", false, false, &out, &rep));
	ck_assert_uint_eq(rep.n, 1);
	enc_report_release(&rep);
	sb_release(&out);
}
END_TEST

START_TEST(names)
{
	ck_assert_str_eq(encode_iconv_name("cp932"), "CP932");
	ck_assert_str_eq(encode_iconv_name("Shift_JIS"), "SHIFT_JIS");
	ck_assert_str_eq(encode_iconv_name("ISO-2022-JP"), "ISO-2022-JP");
	ck_assert_str_eq(encode_iconv_name("euc-jp"), "EUC-JP");
	ck_assert_ptr_null(encode_iconv_name("latin1"));
	ck_assert_str_eq(encode_substitution(0x2460), "(1)");
	ck_assert_str_eq(encode_substitution(0x3231), "(株)");
	ck_assert_str_eq(encode_substitution(0xFA11), "崎");
	ck_assert_str_eq(encode_substitution(0xFF71), "ア");
	ck_assert_ptr_null(encode_substitution(0x1F600));
	struct strbuf out;
	struct enc_report rep;
	ck_assert(!enc("x", "latin1", false, false, &out, &rep));
	sb_release(&out);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("encode");
	TCase *tc = tcase_create("encode");
	tcase_add_test(tc, utf8_and_crlf);
	tcase_add_test(tc, cp932_windows_forms);
	tcase_add_test(tc, iso2022jp_lists_every_character);
	tcase_add_test(tc, substitutions_on_request);
	tcase_add_test(tc, names);
	suite_add_tcase(s, tc);
	return s;
}
