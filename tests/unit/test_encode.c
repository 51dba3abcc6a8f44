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

/* Every character reads back as written, or as its Windows form (CP932
 * only); ¥ ‾ would come back as \ ~, and in Shift_JIS \ ~ as ¥ ‾. */
START_TEST(round_trip_rule)
{
	struct strbuf out;
	struct enc_report rep;
	static const char *const three[] = { "cp932", "shift_jis", "euc-jp" };
	for (size_t e = 0; e < 3; e++) {
		ck_assert_msg(!enc("100¥ ‾\n", three[e], false, false, &out, &rep), "%s", three[e]);
		ck_assert_uint_eq(out.len, 0);
		ck_assert_uint_eq(rep.n, 2);
		ck_assert(rep.v[0].cp == 0xA5 && rep.v[0].col == 4);
		ck_assert_str_eq(rep.v[0].subst, "￥");
		ck_assert(rep.v[1].cp == 0x203E && rep.v[1].col == 6);
		ck_assert_str_eq(rep.v[1].subst, "￣");
		enc_report_release(&rep);
		sb_release(&out);
		ck_assert(enc("100¥ ‾\n", three[e], false, true, &out, &rep));
		ck_assert_str_eq(out.buf, strcmp(three[e], "euc-jp") == 0 ? "100\xa1\xef \xa1\xb1\n"
		                                                          : "100\x81\x8f \x81\x50\n");
		sb_release(&out);
	}
	/* ASCII \ and ~ are plain bytes in CP932 and EUC-JP... */
	ck_assert(enc("C:\\temp ~user\n", "cp932", false, false, &out, &rep));
	ck_assert_str_eq(out.buf, "C:\\temp ~user\n");
	sb_release(&out);
	ck_assert(enc("C:\\temp ~user\n", "euc-jp", false, false, &out, &rep));
	ck_assert_str_eq(out.buf, "C:\\temp ~user\n");
	sb_release(&out);
	/* ...but Shift_JIS 0x5C 0x7E are ¥ ‾ to glibc and \ ~ to Windows. */
	ck_assert(!enc("C:\\temp ~user\n", "shift_jis", false, false, &out, &rep));
	ck_assert_uint_eq(rep.n, 2);
	ck_assert(rep.v[0].cp == '\\' && rep.v[0].col == 3);
	ck_assert_str_eq(rep.v[0].subst, "＼");
	ck_assert(rep.v[1].cp == '~' && rep.v[1].col == 9);
	ck_assert_str_eq(rep.v[1].subst, "〜");
	enc_report_release(&rep);
	sb_release(&out);
	ck_assert(enc("C:\\temp ~user\n", "shift_jis", false, true, &out, &rep));
	ck_assert_str_eq(out.buf, "C:\x81\x5ftemp \x81\x60user\n");
	sb_release(&out);
	/* EUC-JP's JIS X 0212 tilde (0x8FA2B7) is ~ to Python: ～ is refused. */
	ck_assert(!enc("～\n", "euc-jp", false, false, &out, &rep));
	ck_assert(rep.n == 1 && rep.v[0].cp == 0xFF5E);
	ck_assert_str_eq(rep.v[0].subst, "〜");
	enc_report_release(&rep);
	sb_release(&out);
	/* — is written as ― in CP932 (the table); elsewhere only substituted. */
	ck_assert(enc("A—B\n", "cp932", false, false, &out, &rep));
	ck_assert_str_eq(out.buf, "A\x81\x5c" "B\n");
	sb_release(&out);
	ck_assert(!enc("A—B\n", "iso-2022-jp", false, false, &out, &rep));
	ck_assert(rep.n == 1 && rep.v[0].cp == 0x2014);
	ck_assert_str_eq(rep.v[0].subst, "―");
	enc_report_release(&rep);
	sb_release(&out);
	ck_assert(enc("A—B\n", "shift_jis", false, true, &out, &rep));
	ck_assert_str_eq(out.buf, "A\x81\x5c" "B\n");
	sb_release(&out);
	/* A C1 control would be a raw byte (in EUC-JP, SS2): refused. */
	ck_assert(!enc("a\xc2\x8e" "b\n", "euc-jp", false, true, &out, &rep));
	ck_assert(rep.n == 1 && rep.v[0].cp == 0x8E);
	enc_report_release(&rep);
	sb_release(&out);
}
END_TEST

/* The one table: which characters, which encoding, which form. */
START_TEST(windows_table)
{
	static const unsigned long from[] = { 0x301C, 0x2212, 0x2016, 0x2014, 0xA2, 0xA3, 0xAC };
	static const unsigned long to[] = { 0xFF5E, 0xFF0D, 0x2225, 0x2015, 0xFFE0, 0xFFE1, 0xFFE2 };
	for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
		ck_assert_uint_eq(encode_windows_form("cp932", from[i]), to[i]);
		for (size_t e = 0; encode_offered(e); e++)
			if (strcmp(encode_offered(e), "cp932") != 0)
				ck_assert_uint_eq(encode_windows_form(encode_offered(e), from[i]), 0);
	}
	ck_assert_uint_eq(encode_windows_form("cp932", 0xA5), 0);
	ck_assert_str_eq(encode_offered(0), "utf-8");
	ck_assert_ptr_null(encode_offered(5));
	/* ¢ £ ¬ typed on Linux: in CP932 the codes Windows reads as ￠ ￡ ￢. */
	struct strbuf out;
	struct enc_report rep;
	ck_assert(enc("¢£¬‖\n", "cp932", false, false, &out, &rep));
	ck_assert_str_eq(out.buf, "\x81\x91\x81\x92\x81\xca\x81\x61\n");
	sb_release(&out);
	/* In Shift_JIS they are themselves. */
	ck_assert(enc("¢£¬‖〜−\n", "shift_jis", false, false, &out, &rep));
	ck_assert_str_eq(out.buf, "\x81\x91\x81\x92\x81\xca\x81\x61\x81\x60\x81\x7c\n");
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
	tcase_add_test(tc, round_trip_rule);
	tcase_add_test(tc, windows_table);
	suite_add_tcase(s, tc);
	return s;
}
