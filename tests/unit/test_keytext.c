/* keytext: terminal input cut into pieces anywhere — inside a UTF-8
 * character of 2, 3 or 4 bytes, inside the paste's end marker — comes out
 * whole and unchanged, fed byte by byte and in every split into two and
 * three pieces; a paste's controls are text; a typed burst stops at a key. */
#include <string.h>

#include "suite.h"
#include "todoke/keytext.h"

/* Japanese of every kind, a 2-byte é, a 4-byte emoji and kanji (𠮷), a
 * combining mark, CR LF and a tab, and a BEL and ESC that are not the end. */
static const char sample[] =
	"届出\xe3\x81\x8b\xe3\x82\x99 caf\xc3\xa9 \xf0\x9f\x98\x80\xf0\xa0\xae\xb7"
	"ｶﾞ\r\n二行目\t\a\033[A\033[201x末尾";

/* Feeds text+marker in the pieces cut at the offsets cuts[0..ncut); the
 * output must be the text and the paste must end exactly at the marker. */
static void feed_pieces(const char *in, size_t n, const size_t *cuts, size_t ncut,
                        bool paste, const char *want, size_t wantlen, size_t want_end)
{
	struct keytext kt;
	struct strbuf out;
	sb_init(&out);
	kt_begin(&kt, paste, true);
	size_t from = 0, ended = (size_t)-1;
	for (size_t c = 0; c <= ncut && ended == (size_t)-1; c++) {
		size_t to = c < ncut ? cuts[c] : n, used = 0;
		if (kt_feed(&kt, in + from, to - from, &used, &out) == KT_END)
			ended = from + used;
		else
			ck_assert_uint_eq(used, to - from);
		from = to;
	}
	if (ended == (size_t)-1)
		kt_flush(&kt, &out);
	ck_assert_uint_eq(ended, want_end);
	ck_assert_uint_eq(out.len, wantlen);
	ck_assert(memcmp(out.buf, want, wantlen) == 0);
	sb_release(&out);
}

static void paste_input(struct strbuf *in)
{
	sb_init(in);
	sb_add(in, sample);
	sb_add(in, KT_PASTE_END);
	sb_add(in, "after");
}

START_TEST(paste_whole_and_byte_by_byte)
{
	struct strbuf in;
	paste_input(&in);
	size_t tl = strlen(sample), end = tl + 6;
	feed_pieces(in.buf, in.len, NULL, 0, true, sample, tl, end);
	size_t cuts[256];
	size_t k = 0;
	for (size_t i = 1; i < in.len; i++)
		cuts[k++] = i;
	feed_pieces(in.buf, in.len, cuts, k, true, sample, tl, end);
	sb_release(&in);
}
END_TEST

START_TEST(paste_every_split_in_two_and_three)
{
	struct strbuf in;
	paste_input(&in);
	size_t tl = strlen(sample), end = tl + 6;
	for (size_t a = 1; a < in.len; a++) {
		size_t one[1] = { a };
		feed_pieces(in.buf, in.len, one, 1, true, sample, tl, end);
		for (size_t b = a + 1; b < in.len; b++) {
			size_t two[2] = { a, b };
			feed_pieces(in.buf, in.len, two, 2, true, sample, tl, end);
		}
	}
	sb_release(&in);
}
END_TEST

/* A character cut is held, and only then: the pending flag says so. */
START_TEST(cut_character_is_held)
{
	static const char *const chars[] = { "\xc3\xa9", "あ", "\xf0\x9f\x98\x80" };
	for (size_t c = 0; c < 3; c++) {
		size_t n = strlen(chars[c]);
		for (size_t cut = 1; cut < n; cut++) {
			struct keytext kt;
			struct strbuf out;
			size_t used;
			sb_init(&out);
			kt_begin(&kt, false, false);
			ck_assert_int_eq(kt_feed(&kt, chars[c], cut, &used, &out), KT_MORE);
			ck_assert_uint_eq(out.len, 0);
			ck_assert(kt_pending(&kt));
			ck_assert_int_eq(kt_feed(&kt, chars[c] + cut, n - cut, &used, &out), KT_MORE);
			ck_assert_str_eq(out.buf, chars[c]);
			ck_assert(!kt_pending(&kt));
			sb_release(&out);
		}
	}
}
END_TEST

/* Bytes that will never make a character go through unchanged (the
 * editor shows them as U+FFFD): nothing is lost, nothing is held. */
START_TEST(invalid_bytes_pass_through)
{
	static const char *const bad[] = {
		"a\xff" "b", "\xe3\x81" "a", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\x80\x80", "\xe3" "\xe3\x81\x82",
	};
	for (size_t c = 0; c < sizeof bad / sizeof *bad; c++) {
		size_t n = strlen(bad[c]);
		size_t cuts[8], k = 0;
		for (size_t i = 1; i < n; i++)
			cuts[k++] = i;
		struct strbuf in;
		sb_init(&in);
		sb_add(&in, bad[c]);
		sb_add(&in, KT_PASTE_END);
		feed_pieces(in.buf, in.len, cuts, k, true, bad[c], n, n + 6);
		feed_pieces(in.buf, in.len, NULL, 0, true, bad[c], n, n + 6);
		sb_release(&in);
	}
}
END_TEST

/* A typed burst ends before the first key that is not text; CR and LF
 * are text in a multi-line field only. */
START_TEST(burst_stops_at_a_key)
{
	struct keytext kt;
	struct strbuf out;
	size_t used;
	sb_init(&out);
	kt_begin(&kt, false, false);
	ck_assert_int_eq(kt_feed(&kt, "あいう\tえ", 12, &used, &out), KT_END);
	ck_assert_uint_eq(used, 9);
	ck_assert_str_eq(out.buf, "あいう");
	sb_release(&out);

	sb_init(&out);
	kt_begin(&kt, false, false);
	ck_assert_int_eq(kt_feed(&kt, "ab\rc", 4, &used, &out), KT_END);
	ck_assert_uint_eq(used, 2);
	sb_release(&out);

	sb_init(&out);
	kt_begin(&kt, false, true);
	ck_assert_int_eq(kt_feed(&kt, "ab\r\nc\033[A", 8, &used, &out), KT_END);
	ck_assert_uint_eq(used, 5);
	ck_assert_str_eq(out.buf, "ab\r\nc");
	sb_release(&out);

	/* A character cut by the key after it goes out as it is. */
	sb_init(&out);
	kt_begin(&kt, false, true);
	ck_assert_int_eq(kt_feed(&kt, "x\xe3\x81", 3, &used, &out), KT_MORE);
	ck_assert_str_eq(out.buf, "x");
	ck_assert_int_eq(kt_feed(&kt, "\x7f", 1, &used, &out), KT_END);
	ck_assert_uint_eq(used, 0);
	ck_assert_str_eq(out.buf, "x\xe3\x81");
	sb_release(&out);
}
END_TEST

/* A typed burst cut at every byte: the same text up to the key. */
START_TEST(burst_every_split)
{
	const char *in = "漢字かな😀é\033OA";
	size_t n = strlen(in), tl = n - 3;
	for (size_t a = 1; a < n; a++) {
		struct keytext kt;
		struct strbuf out;
		sb_init(&out);
		kt_begin(&kt, false, false);
		size_t used, end = (size_t)-1;
		if (kt_feed(&kt, in, a, &used, &out) == KT_END)
			end = used;
		else if (kt_feed(&kt, in + a, n - a, &used, &out) == KT_END)
			end = a + used;
		ck_assert_uint_eq(end, tl);
		ck_assert_uint_eq(out.len, tl);
		ck_assert(memcmp(out.buf, in, tl) == 0);
		sb_release(&out);
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("keytext");
	TCase *tc = tcase_create("keytext");
	tcase_add_test(tc, paste_whole_and_byte_by_byte);
	tcase_add_test(tc, paste_every_split_in_two_and_three);
	tcase_add_test(tc, cut_character_is_held);
	tcase_add_test(tc, invalid_bytes_pass_through);
	tcase_add_test(tc, burst_stops_at_a_key);
	tcase_add_test(tc, burst_every_split);
	suite_add_tcase(s, tc);
	return s;
}
