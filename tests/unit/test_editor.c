/* The line editor: clusters, edits and moves at every position of a mixed
 * Japanese string, layout at odd widths, Up/Down, kills, words, input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/editor.h"
#include "todoke/strbuf.h"

/* The test string as its clusters, with widths written down by hand (not
 * from wcwidth) so that the editor is checked against them. */
struct tcl {
	const char *s;
	int w;
};
static const struct tcl MIX[] = {
	{ "a", 1 },  { "B", 1 },  { "1", 1 },  { " ", 1 },
	{ "あ", 2 }, { "い", 2 }, { "カ", 2 }, { "ナ", 2 }, { "漢", 2 }, { "字", 2 },
	{ "ｶ", 1 },  { "ﾀ", 1 },  { "ｶ", 1 },  { "ﾅ", 1 },
	{ "\xF0\x9F\x98\x80", 2 },  /* 😀 U+1F600 */
	{ "か\xE3\x82\x99", 2 },    /* か + U+3099 (dakuten) */
	{ "e\xCC\x81", 1 },         /* e + U+0301 */
	{ "、", 2 }, { "x", 1 },
};
#define N (sizeof MIX / sizeof MIX[0])

/* MIX[from..to) joined, with `ins` put before MIX[at] (at may be to). */
static char *mix_join(size_t from, size_t to, size_t at, const char *ins)
{
	static char buf[4][512];
	static int slot;
	char *b = buf[slot++ % 4];
	b[0] = '\0';
	for (size_t i = from; i <= to; i++) {
		if (i == at && ins)
			strcat(b, ins);
		if (i < to)
			strcat(b, MIX[i].s);
	}
	return b;
}

static const char *mix(void)
{
	return mix_join(0, N, N, NULL);
}

/* MIX without cluster i. */
static char *mix_without(size_t i)
{
	static char b[512];
	b[0] = '\0';
	for (size_t k = 0; k < N; k++)
		if (k != i)
			strcat(b, MIX[k].s);
	return b;
}

static int mix_width(size_t from, size_t to)
{
	int w = 0;
	for (size_t i = from; i < to; i++)
		w += MIX[i].w;
	return w;
}

static void assert_text(const struct editor *ed, const char *want)
{
	char *t = ed_text(ed);
	ck_assert_str_eq(t, want);
	free(t);
}

/* Cursor row and column at a width. */
static void assert_rc(struct editor *ed, int width, size_t row, int col)
{
	size_t r;
	int c;
	ed_cursor_rc(ed, width, &r, &c);
	ck_assert_msg(r == row && c == col, "cursor %zu at width %d: (%zu,%d), want (%zu,%d)",
	              ed_cursor(ed), width, r, c, row, col);
}

static struct editor *mixed(bool multiline)
{
	struct editor *ed = ed_new(multiline);
	ck_assert_uint_eq(ed_set_text(ed, mix()), 0);
	return ed;
}

/* ---- clusters ---------------------------------------------------------- */

START_TEST(clusters_of_mixed_text)
{
	struct editor *ed = mixed(false);
	ck_assert_uint_eq(ed_len(ed), N);
	ck_assert_uint_eq(ed_cursor(ed), N); /* set_text leaves it at the end */
	assert_text(ed, mix());
	for (size_t i = 0; i < N; i++) {
		size_t n;
		int w;
		ck_assert_ptr_nonnull(ed_cluster(ed, i, &n, &w));
		ck_assert_msg(w == MIX[i].w, "cluster %zu width %d", i, w);
		char *t = ed_text_range(ed, i, i + 1);
		ck_assert_str_eq(t, MIX[i].s);
		free(t);
	}
	size_t n;
	int w;
	const wchar_t *ga = ed_cluster(ed, 15, &n, &w);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(ga[0], 0x304B);
	ck_assert_int_eq(ga[1], 0x3099);
	ck_assert_ptr_null(ed_cluster(ed, N, &n, &w));
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(ed_span_width(ed, 0, N), 28);
	ck_assert_int_eq(ed_span_width(ed, 4, 10), 12);
	int used;
	ck_assert_uint_eq(ed_fit(ed, 4, 5, &used), 6);
	ck_assert_int_eq(used, 4);
	ck_assert_uint_eq(ed_fit(ed, 14, 3, &used), 15); /* 😀 fits, が does not */
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(ed_fit(ed, 4, 1, &used), 4);   /* nothing: never half a kanji */
	ck_assert_int_eq(used, 0);
	char *t = ed_text_range(ed, 10, 14);
	ck_assert_str_eq(t, "ｶﾀｶﾅ");
	free(t);
	ed_free(&ed);
	ck_assert_ptr_null(ed);
	ed_free(&ed); /* twice is harmless */
	ed_free(NULL);
}
END_TEST

START_TEST(joined_and_orphan_clusters)
{
	struct editor *ed = ed_new(true);
	/* 👨‍👩‍👧: one cluster, as wide as its parts side by side. */
	ed_set_text(ed, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7");
	ck_assert_uint_eq(ed_len(ed), 1);
	ck_assert_int_eq(ed_span_width(ed, 0, 1), 6);
	ck_assert(ed_left(ed));
	ck_assert(!ed_left(ed));
	ck_assert(ed_delete(ed));
	assert_text(ed, "");

	/* ✌️: U+270C and VS16 are one cluster. */
	ed_set_text(ed, "\xE2\x9C\x8C\xEF\xB8\x8F!");
	ck_assert_uint_eq(ed_len(ed), 2);
	ck_assert(ed_backspace(ed) && ed_backspace(ed));
	ck_assert_uint_eq(ed_len(ed), 0);

	/* A mark with no base, at the start and after a newline: 1 column. */
	ed_set_text(ed, "\xCC\x81" "a\n\xE3\x82\x99");
	ck_assert_uint_eq(ed_len(ed), 4);
	ck_assert_int_eq(ed_span_width(ed, 0, 1), 1);
	ck_assert(ed_is_newline(ed, 2));
	ck_assert(!ed_is_newline(ed, 1));
	ck_assert(!ed_is_newline(ed, 9));
	ck_assert_int_eq(ed_span_width(ed, 3, 4), 1);
	assert_rc(ed, 10, 1, 1);

	/* A base typed before an orphan mark takes it: the cursor goes after both. */
	ed_set_text(ed, "\xCC\x81");
	ed_top(ed);
	ed_insert(ed, "e");
	ck_assert_uint_eq(ed_len(ed), 1);
	ck_assert_uint_eq(ed_cursor(ed), 1);
	assert_text(ed, "e\xCC\x81");

	/* Deleting the newline between "👨+ZWJ" and 👩 joins them (UAX #29:
	 * a pictograph, ZWJ, a pictograph); the cursor stays at the start of
	 * the joined cluster.  After a letter a ZWJ joins nothing. */
	ed_set_text(ed, "\xF0\x9F\x91\xA8\xE2\x80\x8D\n\xF0\x9F\x91\xA9");
	ck_assert_uint_eq(ed_len(ed), 3);
	ed_set_cursor(ed, 1);
	ck_assert(ed_delete(ed));
	ck_assert_uint_eq(ed_len(ed), 1);
	ck_assert_uint_eq(ed_cursor(ed), 0);
	ck_assert_int_eq(ed_span_width(ed, 0, 1), 4);
	ed_set_text(ed, "a\xE2\x80\x8D\n\xF0\x9F\x98\x80");
	ed_set_cursor(ed, 1);
	ck_assert(ed_delete(ed));
	ck_assert_uint_eq(ed_len(ed), 2);
	ck_assert_uint_eq(ed_cursor(ed), 1);
	ck_assert_int_eq(ed_span_width(ed, 0, 1), 1);
	ck_assert_int_eq(ed_span_width(ed, 1, 2), 2);

	/* ｶﾞ, 👍🏽 and 🇯🇵 are one cluster each, as wide as their parts. */
	ed_set_text(ed, "\xEF\xBD\xB6\xEF\xBE\x9E\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"
	                "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5");
	ck_assert_uint_eq(ed_len(ed), 3);
	ck_assert_int_eq(ed_span_width(ed, 0, 1), 2);
	ck_assert_int_eq(ed_span_width(ed, 1, 2), 4);
	ck_assert_int_eq(ed_span_width(ed, 2, 3), 2);
	ck_assert(ed_backspace(ed));
	assert_text(ed, "\xEF\xBD\xB6\xEF\xBE\x9E\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");

	/* A dakuten typed after か makes が: still one cluster. */
	ed_set_text(ed, "か");
	ck_assert_uint_eq(ed_insert_char(ed, 0x3099), 0);
	ck_assert_uint_eq(ed_len(ed), 1);
	ck_assert_uint_eq(ed_cursor(ed), 1);
	assert_text(ed, "か\xE3\x82\x99");
	ed_free(&ed);
}
END_TEST

/* ---- moves and edits at every position --------------------------------- */

START_TEST(left_right_every_position)
{
	struct editor *ed = mixed(false);
	ck_assert(ed_top(ed));
	ck_assert(!ed_top(ed));
	for (size_t p = 0; p <= N; p++) {
		ck_assert_uint_eq(ed_cursor(ed), p);
		assert_rc(ed, 1000, 0, mix_width(0, p));
		ck_assert(ed_right(ed) == (p < N));
	}
	ck_assert_uint_eq(ed_cursor(ed), N);
	for (size_t p = N; p != (size_t)-1; p--) {
		ck_assert_uint_eq(ed_cursor(ed), p);
		assert_rc(ed, 1000, 0, mix_width(0, p));
		ck_assert(ed_left(ed) == (p > 0));
	}
	for (size_t p = 0; p <= N; p++) {
		ed_set_cursor(ed, p);
		ed_home(ed);
		ck_assert_uint_eq(ed_cursor(ed), 0);
		ed_set_cursor(ed, p);
		ck_assert(ed_end(ed) == (p < N));
		ck_assert_uint_eq(ed_cursor(ed), N);
		ck_assert(ed_bottom(ed) == false);
	}
	ck_assert(!ed_set_cursor(ed, N + 5)); /* clamped to N, where it is */
	ck_assert_uint_eq(ed_cursor(ed), N);
	ck_assert_uint_eq(ed_changes(ed), 1); /* the set_text; moves are no change */
	ed_free(&ed);
}
END_TEST

START_TEST(insert_every_position)
{
	static const struct tcl ins[] = {
		{ "X", 1 }, { "語", 2 }, { "\xF0\x9F\x98\x80", 2 }, { "ｱ", 1 },
		{ "日本", 4 },
	};
	for (size_t k = 0; k < sizeof ins / sizeof ins[0]; k++) {
		size_t added = k == 4 ? 2 : 1;
		for (size_t p = 0; p <= N; p++) {
			struct editor *ed = mixed(false);
			ed_set_cursor(ed, p);
			ck_assert_uint_eq(ed_insert(ed, ins[k].s), 0);
			assert_text(ed, mix_join(0, N, p, ins[k].s));
			ck_assert_uint_eq(ed_len(ed), N + added);
			ck_assert_uint_eq(ed_cursor(ed), p + added);
			assert_rc(ed, 1000, 0, mix_width(0, p) + ins[k].w);
			ed_free(&ed);
		}
	}
}
END_TEST

START_TEST(combining_mark_every_position)
{
	for (size_t p = 0; p <= N; p++) {
		struct editor *ed = mixed(false);
		ed_set_cursor(ed, p);
		ck_assert_uint_eq(ed_insert(ed, "\xE3\x82\x99"), 0);
		assert_text(ed, mix_join(0, N, p, "\xE3\x82\x99"));
		if (p == 0) { /* no base: a cluster of its own, 1 column */
			ck_assert_uint_eq(ed_len(ed), N + 1);
			ck_assert_uint_eq(ed_cursor(ed), 1);
			assert_rc(ed, 1000, 0, 1);
		} else {      /* joins the cluster before the cursor */
			ck_assert_uint_eq(ed_len(ed), N);
			ck_assert_uint_eq(ed_cursor(ed), p);
			assert_rc(ed, 1000, 0, mix_width(0, p));
		}
		ed_free(&ed);
	}
}
END_TEST

START_TEST(backspace_every_position)
{
	for (size_t p = 0; p <= N; p++) {
		struct editor *ed = mixed(false);
		ed_set_cursor(ed, p);
		unsigned long c0 = ed_changes(ed);
		ck_assert(ed_backspace(ed) == (p > 0));
		if (p == 0) {
			assert_text(ed, mix());
			ck_assert_uint_eq(ed_changes(ed), c0);
			ck_assert_uint_eq(ed_cursor(ed), 0);
		} else {
			assert_text(ed, mix_without(p - 1));
			ck_assert_uint_eq(ed_changes(ed), c0 + 1);
			ck_assert_uint_eq(ed_len(ed), N - 1);
			ck_assert_uint_eq(ed_cursor(ed), p - 1);
			assert_rc(ed, 1000, 0, mix_width(0, p - 1));
		}
		ed_free(&ed);
	}
}
END_TEST

START_TEST(delete_every_position)
{
	for (size_t p = 0; p <= N; p++) {
		struct editor *ed = mixed(false);
		ed_set_cursor(ed, p);
		ck_assert(ed_delete(ed) == (p < N));
		assert_text(ed, p < N ? mix_without(p) : mix());
		ck_assert_uint_eq(ed_len(ed), p < N ? N - 1 : N);
		ck_assert_uint_eq(ed_cursor(ed), p);
		assert_rc(ed, 1000, 0, mix_width(0, p));
		ed_free(&ed);
	}
}
END_TEST

START_TEST(kill_every_position)
{
	for (size_t p = 0; p <= N; p++) {
		struct editor *ed = mixed(false);
		ed_set_cursor(ed, p);
		ck_assert(ed_kill_to_end(ed) == (p < N));
		assert_text(ed, mix_join(0, p, p, NULL));
		ed_top(ed);
		ck_assert(ed_yank(ed) == (p < N));
		assert_text(ed, p < N ? mix_join(p, N, N, mix_join(0, p, p, NULL)) : mix());
		ck_assert_uint_eq(ed_cursor(ed), N - p);

		ed_free(&ed);
		ed = mixed(false);
		ed_set_cursor(ed, p);
		ck_assert(ed_kill_to_start(ed) == (p > 0));
		assert_text(ed, mix_join(p, N, N, NULL));
		ck_assert_uint_eq(ed_cursor(ed), 0);
		ed_bottom(ed);
		ck_assert(ed_yank(ed) == (p > 0));
		assert_text(ed, mix_join(p, N, N, mix_join(0, p, p, NULL)));
		ed_free(&ed);
	}
}
END_TEST

/* ---- layout ------------------------------------------------------------ */

struct xrow {
	size_t start, end;
	int width;
	bool eol;
};

static void assert_rows(struct editor *ed, int width, const struct xrow *want, size_t n)
{
	size_t nr;
	const struct ed_row *r = ed_layout(ed, width, &nr);
	ck_assert_msg(nr == n, "width %d: %zu rows, want %zu", width, nr, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(r[i].start == want[i].start && r[i].end == want[i].end &&
		              r[i].width == want[i].width && r[i].eol == want[i].eol,
		              "width %d row %zu: [%zu,%zu) %d %d, want [%zu,%zu) %d %d", width, i,
		              r[i].start, r[i].end, r[i].width, r[i].eol, want[i].start,
		              want[i].end, want[i].width, want[i].eol);
}

START_TEST(wrap_mixed_at_odd_widths)
{
	struct editor *ed = mixed(false);
	static const struct xrow w5[] = {
		{ 0, 4, 4, false },   /* aB1␣ — あ would need columns 5-6 */
		{ 4, 6, 4, false },   /* あい */
		{ 6, 8, 4, false },   /* カナ */
		{ 8, 11, 5, false },  /* 漢字ｶ */
		{ 11, 15, 5, false }, /* ﾀｶﾅ😀 */
		{ 15, 18, 5, false }, /* がé、 */
		{ 18, 19, 1, true },  /* x */
	};
	static const struct xrow w7[] = {
		{ 0, 5, 6, false }, { 5, 8, 6, false }, { 8, 13, 7, false },
		{ 13, 17, 6, false }, { 17, 19, 3, true },
	};
	static const struct xrow w9[] = {
		{ 0, 6, 8, false }, { 6, 11, 9, false }, { 11, 17, 8, false },
		{ 17, 19, 3, true },
	};
	static const struct xrow w2[] = {
		{ 0, 2, 2, false }, { 2, 4, 2, false }, { 4, 5, 2, false },
		{ 5, 6, 2, false }, { 6, 7, 2, false }, { 7, 8, 2, false },
		{ 8, 9, 2, false }, { 9, 10, 2, false }, { 10, 12, 2, false },
		{ 12, 14, 2, false }, { 14, 15, 2, false }, { 15, 16, 2, false },
		{ 16, 17, 1, false }, /* é alone: 、 does not fit beside it */
		{ 17, 18, 2, false }, { 18, 19, 1, true },
	};
	assert_rows(ed, 5, w5, sizeof w5 / sizeof w5[0]);
	assert_rows(ed, 7, w7, sizeof w7 / sizeof w7[0]);
	assert_rows(ed, 9, w9, sizeof w9 / sizeof w9[0]);
	assert_rows(ed, 2, w2, sizeof w2 / sizeof w2[0]);
	/* Width 1: one cluster a row, wide ones overflowing; x fills the last
	 * row, so the cursor at the end gets a row of its own. */
	size_t nr;
	const struct ed_row *r = ed_layout(ed, 1, &nr);
	ck_assert_uint_eq(nr, N + 1);
	for (size_t i = 0; i < N; i++) {
		ck_assert_uint_eq(r[i].start, i);
		ck_assert_uint_eq(r[i].end, i + 1);
		ck_assert_int_eq(r[i].width, MIX[i].w);
		ck_assert(!r[i].eol);
	}
	ck_assert(r[N].start == N && r[N].end == N && r[N].eol);
	assert_rc(ed, 1, N, 0);
	/* Widths below 1 count as 1. */
	ed_layout(ed, 0, &nr);
	ck_assert_uint_eq(nr, N + 1);
	ed_layout(ed, -3, &nr);
	ck_assert_uint_eq(nr, N + 1);

	/* Cursor places at width 7. */
	ed_set_cursor(ed, 4);  assert_rc(ed, 7, 0, 4);
	ed_set_cursor(ed, 5);  assert_rc(ed, 7, 1, 0); /* a wrap point starts the next row */
	ed_set_cursor(ed, 12); assert_rc(ed, 7, 2, 6);
	ed_set_cursor(ed, 13); assert_rc(ed, 7, 3, 0);
	ed_set_cursor(ed, 19); assert_rc(ed, 7, 4, 3);
	ed_free(&ed);
}
END_TEST

/* At every width and cursor position: the rows cover the text in order,
 * are filled greedily, and the cursor is at a cluster's edge inside the
 * row, at a column the row can show. */
START_TEST(layout_invariants_every_width)
{
	struct editor *ed = mixed(false);
	for (int width = 1; width <= 30; width++) {
		size_t nr;
		const struct ed_row *r = ed_layout(ed, width, &nr);
		size_t next = 0;
		for (size_t i = 0; i < nr; i++) {
			ck_assert_uint_eq(r[i].start, next);
			ck_assert_int_eq(r[i].width, mix_width(r[i].start, r[i].end));
			ck_assert(r[i].width <= width || r[i].end - r[i].start == 1);
			if (!r[i].eol && r[i].end < N)
				ck_assert_msg(r[i].width + MIX[r[i].end].w > width,
				              "width %d row %zu not filled", width, i);
			ck_assert(r[i].eol == (i == nr - 1));
			next = r[i].end;
		}
		ck_assert_uint_eq(next, N);
		for (size_t p = 0; p <= N; p++) {
			ed_set_cursor(ed, p);
			size_t row;
			int col;
			ed_cursor_rc(ed, width, &row, &col);
			r = ed_layout(ed, width, &nr);
			ck_assert(row < nr);
			ck_assert(r[row].start <= p && p <= r[row].end);
			ck_assert(p < r[row].end || r[row].eol);
			ck_assert_int_eq(col, mix_width(r[row].start, p));
			ck_assert_msg(col < width, "width %d pos %zu col %d", width, p, col);
		}
	}
	ed_free(&ed);
}
END_TEST

START_TEST(full_rows_and_hard_newlines)
{
	struct editor *ed = ed_new(true);
	ed_set_text(ed, "あいう");
	static const struct xrow full[] = { { 0, 3, 6, false }, { 3, 3, 0, true } };
	assert_rows(ed, 6, full, 2);
	assert_rc(ed, 6, 1, 0);
	ed_set_cursor(ed, 2);
	assert_rc(ed, 6, 0, 4);

	/* 東京 / (empty) / abc / ｱｲ😀 */
	ck_assert_uint_eq(ed_set_text(ed, "東京\n\nabc\nｱｲ\xF0\x9F\x98\x80"), 0);
	ck_assert_uint_eq(ed_len(ed), 11);
	static const struct xrow w10[] = {
		{ 0, 2, 4, true }, { 3, 3, 0, true }, { 4, 7, 3, true }, { 8, 11, 4, true },
	};
	assert_rows(ed, 10, w10, 4);
	static const struct xrow w3[] = {
		{ 0, 1, 2, false }, { 1, 2, 2, true }, { 3, 3, 0, true },
		{ 4, 7, 3, false }, { 7, 7, 0, true }, { 8, 10, 2, false }, { 10, 11, 2, true },
	};
	assert_rows(ed, 3, w3, 7);
	static const struct { size_t pos, r10; int c10; size_t r3; int c3; } at[] = {
		{ 0, 0, 0, 0, 0 }, { 1, 0, 2, 1, 0 }, { 2, 0, 4, 1, 2 }, { 3, 1, 0, 2, 0 },
		{ 4, 2, 0, 3, 0 }, { 6, 2, 2, 3, 2 }, { 7, 2, 3, 4, 0 }, { 8, 3, 0, 5, 0 },
		{ 10, 3, 2, 6, 0 }, { 11, 3, 4, 6, 2 },
	};
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
		ed_set_cursor(ed, at[i].pos);
		assert_rc(ed, 10, at[i].r10, at[i].c10);
		assert_rc(ed, 3, at[i].r3, at[i].c3);
	}
	/* Home and End are those of the logical line. */
	ed_set_cursor(ed, 5);
	ck_assert(ed_home(ed));
	ck_assert_uint_eq(ed_cursor(ed), 4);
	ck_assert(!ed_home(ed));
	ck_assert(ed_end(ed));
	ck_assert_uint_eq(ed_cursor(ed), 7);
	ck_assert(!ed_end(ed));
	ed_set_cursor(ed, 3); /* the empty line */
	ck_assert(!ed_home(ed) && !ed_end(ed));
	ed_set_cursor(ed, 9);
	ed_end(ed);
	ck_assert_uint_eq(ed_cursor(ed), 11);
	ed_home(ed);
	ck_assert_uint_eq(ed_cursor(ed), 8);
	/* A trailing newline ends in an empty row. */
	ed_set_text(ed, "ab\n");
	static const struct xrow tail[] = { { 0, 2, 2, true }, { 3, 3, 0, true } };
	assert_rows(ed, 5, tail, 2);
	assert_rc(ed, 5, 1, 0);
	ed_free(&ed);
}
END_TEST

/* ---- Up and Down ------------------------------------------------------- */

START_TEST(up_down_goal_column)
{
	struct editor *ed = ed_new(true);
	/* Clusters: line 0 is 0-7, 1 is 9-12, 2 is 14-21, 3 is 23-25. */
	ed_set_text(ed, "abcdefgh\nあいうえ\nｱｲｳｴｵｶｷｸ\n漢a字");
	ck_assert_uint_eq(ed_len(ed), 26);
	ed_set_cursor(ed, 3);
	ck_assert(!ed_up(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 3);
	static const struct { size_t pos; size_t row; int col; } down3[] = {
		{ 10, 1, 2 }, /* column 3 is inside い: left of it */
		{ 17, 2, 3 }, { 25, 3, 3 },
	};
	for (size_t i = 0; i < 3; i++) {
		ck_assert(ed_down(ed, 20));
		ck_assert_uint_eq(ed_cursor(ed), down3[i].pos);
		assert_rc(ed, 20, down3[i].row, down3[i].col);
	}
	ck_assert(!ed_down(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 25);
	ck_assert(ed_up(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 17);
	ck_assert(ed_up(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 10);
	ck_assert(ed_up(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 3); /* back to column 3, not 2 */

	/* Goal 7: past the end of the short line, then back. */
	ed_set_cursor(ed, 7);
	ck_assert(ed_down(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 12);
	assert_rc(ed, 20, 1, 6);
	ck_assert(ed_down(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 21);
	ck_assert(ed_down(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 26);
	assert_rc(ed, 20, 3, 5);
	ck_assert(ed_up(ed, 20) && ed_up(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 12);
	ck_assert(ed_up(ed, 20));
	ck_assert_uint_eq(ed_cursor(ed), 7);

	/* A sideways move sets a new goal. */
	ed_set_cursor(ed, 7);
	ed_down(ed, 20);
	ck_assert_uint_eq(ed_cursor(ed), 12);
	ed_left(ed);
	ck_assert(ed_down(ed, 20));
	assert_rc(ed, 20, 2, 4);
	ck_assert_uint_eq(ed_cursor(ed), 18);
	ed_free(&ed);
}
END_TEST

START_TEST(up_down_across_wrapped_rows)
{
	struct editor *ed = mixed(false);
	/* Width 7: [aB1␣あ] [いカナ] [漢字ｶﾀｶ] [ﾅ😀がé] [、x] */
	ed_set_cursor(ed, 2);
	static const struct { size_t pos; size_t row; int col; } d[] = {
		{ 6, 1, 2 }, { 9, 2, 2 }, { 14, 3, 1 }, { 18, 4, 2 },
	};
	for (size_t i = 0; i < 4; i++) {
		ck_assert(ed_down(ed, 7));
		ck_assert_uint_eq(ed_cursor(ed), d[i].pos);
		assert_rc(ed, 7, d[i].row, d[i].col);
	}
	ck_assert(!ed_down(ed, 7));
	for (size_t i = 3; i-- > 0;) {
		ck_assert(ed_up(ed, 7));
		ck_assert_uint_eq(ed_cursor(ed), d[i].pos);
	}
	ck_assert(ed_up(ed, 7));
	ck_assert_uint_eq(ed_cursor(ed), 2);
	ck_assert(!ed_up(ed, 7));

	/* From column 6 of row 2 up: row 1's end is row 2's start, so the
	 * nearest place in row 1 is before ナ, column 4. */
	ed_set_cursor(ed, 12);
	ck_assert(ed_up(ed, 7));
	ck_assert_uint_eq(ed_cursor(ed), 7);
	assert_rc(ed, 7, 1, 4);
	ck_assert(ed_down(ed, 7));
	ck_assert_uint_eq(ed_cursor(ed), 12);
	ck_assert(ed_down(ed, 7));
	ck_assert_uint_eq(ed_cursor(ed), 16); /* before é, not at row 4's start */
	assert_rc(ed, 7, 3, 5);
	ed_free(&ed);
}
END_TEST

/* From every row and column at every width, Up and Down land on the
 * rightmost cluster edge at or left of the goal column. */
START_TEST(up_down_every_position)
{
	struct editor *ed = mixed(true);
	for (int width = 2; width <= 12; width++) {
		for (size_t p = 0; p <= N; p++) {
			for (int dir = -1; dir <= 1; dir += 2) {
				ed_set_cursor(ed, p);
				size_t r0, r1;
				int goal, col;
				ed_cursor_rc(ed, width, &r0, &goal);
				bool moved = dir < 0 ? ed_up(ed, width) : ed_down(ed, width);
				size_t nr;
				const struct ed_row *rows = ed_layout(ed, width, &nr);
				ed_cursor_rc(ed, width, &r1, &col);
				if (!moved) {
					ck_assert(dir < 0 ? r0 == 0 : r0 == nr - 1);
					ck_assert_uint_eq(ed_cursor(ed), p);
					continue;
				}
				ck_assert_uint_eq(r1, dir < 0 ? r0 - 1 : r0 + 1);
				size_t q = ed_cursor(ed);
				const struct ed_row *t = &rows[r1];
				ck_assert_int_eq(col, mix_width(t->start, q));
				ck_assert(col <= goal || q == t->start);
				/* The next place in the row would pass the goal, or there is none. */
				size_t last = t->eol ? t->end : t->end - 1;
				ck_assert(q == last || col + MIX[q].w > goal);
			}
		}
	}
	ed_free(&ed);
}
END_TEST

START_TEST(page_up_down)
{
	struct editor *ed = mixed(false);
	/* Width 2 has 15 rows; row 5 is ナ (7), row 14 is x (18). */
	ed_top(ed);
	ck_assert_uint_eq(ed_page_down(ed, 2, 5), 5);
	ck_assert_uint_eq(ed_cursor(ed), 7);
	ck_assert_uint_eq(ed_page_down(ed, 2, 100), 9);
	ck_assert_uint_eq(ed_cursor(ed), 18);
	ck_assert_uint_eq(ed_page_down(ed, 2, 3), 0);
	ck_assert_uint_eq(ed_page_up(ed, 2, 3), 3);
	ck_assert_uint_eq(ed_cursor(ed), 15);
	ck_assert_uint_eq(ed_page_up(ed, 2, (size_t)-1), 11);
	ck_assert_uint_eq(ed_cursor(ed), 0);
	ck_assert_uint_eq(ed_page_up(ed, 2, 1), 0);
	/* Goal column 1 (after a), kept over the pages. */
	ed_set_cursor(ed, 1);
	ck_assert_uint_eq(ed_page_down(ed, 2, 1), 1);
	ck_assert_uint_eq(ed_cursor(ed), 3);
	ck_assert_uint_eq(ed_page_down(ed, 2, 7), 7);
	ck_assert_uint_eq(ed_cursor(ed), 11); /* row 8: ｶ|ﾀ */
	ck_assert_uint_eq(ed_page_down(ed, 2, 1), 1);
	ck_assert_uint_eq(ed_cursor(ed), 13);
	ed_free(&ed);
}
END_TEST

/* ---- scrolling --------------------------------------------------------- */

static void assert_visible(struct editor *ed, int width, size_t b)
{
	size_t cur = ed_cursor(ed);
	int cw = cur < N ? MIX[cur].w : 1;
	ck_assert_msg(b <= cur, "width %d: first %zu after cursor %zu", width, b, cur);
	if (cw <= width)
		ck_assert_msg(mix_width(b, cur) + cw <= width, "width %d cursor %zu first %zu",
		              width, cur, b);
	else
		ck_assert_uint_eq(b, cur);
	int used;
	size_t e = ed_fit(ed, b, width, &used);
	ck_assert(e >= cur && used <= width);
	if (cur < N && cw <= width)
		ck_assert(e > cur); /* the cluster under the cursor is drawn whole */
}

START_TEST(horizontal_scroll)
{
	struct editor *ed = mixed(false);
	/* At the end of the text, width 7: が é 、 x and the cursor. */
	ck_assert_uint_eq(ed_scroll(ed, 7), 15);
	ed_top(ed);
	ck_assert_uint_eq(ed_scroll(ed, 7), 0);
	/* Moving right it stays put while the cursor is in sight… */
	for (size_t p = 1; p <= 4; p++) {
		ed_right(ed);
		ck_assert_uint_eq(ed_scroll(ed, 7), 0);
	}
	/* …and at い (columns 6-7, one too many) puts it near the middle. */
	ed_right(ed);
	ck_assert_uint_eq(ed_scroll(ed, 7), 3);
	/* Short text: everything from 0. */
	struct editor *s = ed_new(false);
	ed_set_text(s, "あいう");
	ck_assert_uint_eq(ed_scroll(s, 7), 0);
	ck_assert_uint_eq(ed_scroll(s, 6), 1); /* 6 columns plus the cursor cell */
	ck_assert_uint_eq(ed_backspace(s), true);
	ck_assert_uint_eq(ed_scroll(s, 6), 0); /* room again: no hidden text */
	ed_free(&s);

	/* Every width, walking right and back: the cursor is always in sight. */
	for (int width = 1; width <= 14; width++) {
		ed_top(ed);
		for (size_t p = 0; p <= N; p++) {
			ck_assert_uint_eq(ed_cursor(ed), p);
			assert_visible(ed, width, ed_scroll(ed, width));
			ed_right(ed);
		}
		for (size_t p = N; p != (size_t)-1; p--) {
			ck_assert_uint_eq(ed_cursor(ed), p);
			assert_visible(ed, width, ed_scroll(ed, width));
			ed_left(ed);
		}
		/* Jumps too. */
		for (size_t p = 0; p <= N; p++) {
			ed_set_cursor(ed, (p * 7) % (N + 1));
			assert_visible(ed, width, ed_scroll(ed, width));
		}
	}
	ed_free(&ed);
}
END_TEST

START_TEST(vertical_scroll)
{
	struct editor *ed = mixed(true); /* width 5: 7 rows */
	ck_assert_uint_eq(ed_vscroll(ed, 5, 3), 4);
	ed_set_cursor(ed, 8); /* row 3 */
	ck_assert_uint_eq(ed_vscroll(ed, 5, 3), 3);
	ed_set_cursor(ed, 11); /* row 4 */
	ck_assert_uint_eq(ed_vscroll(ed, 5, 3), 3);
	ed_top(ed);
	ck_assert_uint_eq(ed_vscroll(ed, 5, 3), 0);
	ck_assert_uint_eq(ed_vscroll(ed, 5, 10), 0);
	ed_bottom(ed);
	ck_assert_uint_eq(ed_vscroll(ed, 5, 0), 6);
	ed_set_text(ed, "a");
	ck_assert_uint_eq(ed_vscroll(ed, 5, 3), 0); /* text got shorter */
	ed_free(&ed);
}
END_TEST

/* ---- kills, yank, words ------------------------------------------------ */

START_TEST(kill_and_yank)
{
	struct editor *ed = ed_new(false);
	ed_set_text(ed, "東京都の会社です");
	ed_set_cursor(ed, 3);
	ck_assert(ed_kill_to_end(ed));
	assert_text(ed, "東京都");
	ck_assert_uint_eq(ed_cursor(ed), 3);
	ck_assert(!ed_kill_to_end(ed));
	ed_top(ed);
	ck_assert(ed_yank(ed));
	assert_text(ed, "の会社です東京都");
	ck_assert_uint_eq(ed_cursor(ed), 5);
	ck_assert(ed_kill_to_start(ed));
	assert_text(ed, "東京都");
	ck_assert_uint_eq(ed_cursor(ed), 0);
	ck_assert(!ed_kill_to_start(ed));
	ed_bottom(ed);
	ck_assert(ed_yank(ed) && ed_yank(ed));
	assert_text(ed, "東京都の会社ですの会社です");

	/* Kills in a row gather; anything else between starts afresh. */
	ed_set_text(ed, "alpha beta gamma");
	ck_assert(ed_kill_word(ed));
	assert_text(ed, "alpha beta ");
	ck_assert(ed_kill_word(ed));
	assert_text(ed, "alpha ");
	ck_assert(ed_yank(ed));
	assert_text(ed, "alpha beta gamma");
	ck_assert(ed_kill_word(ed));
	ed_left(ed);
	ed_right(ed);
	ck_assert(ed_kill_word(ed));
	assert_text(ed, "alpha ");
	ed_bottom(ed);
	ck_assert(ed_yank(ed));
	assert_text(ed, "alpha beta ");
	/* Ctrl-U then Ctrl-K in a row: one piece, in text order. */
	ed_set_text(ed, "ab|cd");
	ed_set_cursor(ed, 2);
	ck_assert(ed_kill_to_start(ed) && ed_kill_to_end(ed));
	assert_text(ed, "");
	ck_assert(ed_yank(ed));
	assert_text(ed, "ab|cd");

	/* Ctrl-W over Japanese: word by word, punctuation with the word after. */
	ed_set_text(ed, "東京都の会社です。");
	static const char *const left[] = { "東京都の会社", "東京都の", "東京都", "" };
	for (size_t i = 0; i < 4; i++) {
		ck_assert(ed_kill_word(ed));
		assert_text(ed, left[i]);
	}
	ck_assert(!ed_kill_word(ed));
	ck_assert(ed_yank(ed));
	assert_text(ed, "東京都の会社です。");
	ed_free(&ed);

	/* Multi-line: Ctrl-K at a line's end and Ctrl-U at its start take the
	 * newline. */
	ed = ed_new(true);
	ed_set_text(ed, "ab\ncd");
	ed_set_cursor(ed, 2);
	ck_assert(ed_kill_to_end(ed));
	assert_text(ed, "abcd");
	ed_set_text(ed, "ab\ncd\nef");
	ed_set_cursor(ed, 4);
	ck_assert(ed_kill_to_end(ed));
	assert_text(ed, "ab\nc\nef");
	ck_assert(ed_kill_to_end(ed)); /* joins the next line, gathering "d\n" */
	assert_text(ed, "ab\ncef");
	ed_top(ed);
	ck_assert(ed_yank(ed));
	assert_text(ed, "d\nab\ncef");
	ed_set_text(ed, "ab\ncd");
	ed_set_cursor(ed, 3);
	ck_assert(ed_kill_to_start(ed));
	assert_text(ed, "abcd");
	ck_assert_uint_eq(ed_cursor(ed), 2);
	ed_free(&ed);
}
END_TEST

START_TEST(word_moves)
{
	struct editor *ed = ed_new(false);
	ed_set_text(ed, "東京都の会社です。データを送信 hello,world  ｶﾀｶﾅ"
	                "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 すごーい");
	ck_assert_uint_eq(ed_len(ed), 40);
	static const size_t right[] = { 3, 4, 6, 8, 12, 13, 15, 21, 27, 33, 35, 40 };
	static const size_t left[] = { 36, 33, 29, 22, 16, 13, 12, 9, 6, 4, 3, 0 };
	ed_top(ed);
	for (size_t i = 0; i < sizeof right / sizeof right[0]; i++) {
		ck_assert(ed_word_right(ed));
		ck_assert_msg(ed_cursor(ed) == right[i], "step %zu at %zu", i, ed_cursor(ed));
	}
	ck_assert(!ed_word_right(ed));
	for (size_t i = 0; i < sizeof left / sizeof left[0]; i++) {
		ck_assert(ed_word_left(ed));
		ck_assert_msg(ed_cursor(ed) == left[i], "step %zu at %zu", i, ed_cursor(ed));
	}
	ck_assert(!ed_word_left(ed));
	/* From inside a word: to its ends. */
	ed_set_cursor(ed, 18);
	ed_word_left(ed);
	ck_assert_uint_eq(ed_cursor(ed), 16);
	ed_set_cursor(ed, 18);
	ed_word_right(ed);
	ck_assert_uint_eq(ed_cursor(ed), 21);
	/* Full-width letters and digits, ideographic space, 々, 「」. */
	ed_set_text(ed, "ＰＣ１台　人々「ｘ」");
	ed_top(ed);
	static const size_t r2[] = { 3, 4, 7, 9 };
	for (size_t i = 0; i < 4; i++) {
		ed_word_right(ed);
		ck_assert_uint_eq(ed_cursor(ed), r2[i]);
	}
	ed_free(&ed);

	/* Newlines separate words too. */
	ed = ed_new(true);
	ed_set_text(ed, "abc\n\ndef");
	ed_word_left(ed);
	ck_assert_uint_eq(ed_cursor(ed), 5);
	ed_word_left(ed);
	ck_assert_uint_eq(ed_cursor(ed), 0);
	ed_free(&ed);
}
END_TEST

/* ---- input ------------------------------------------------------------- */

START_TEST(long_paste)
{
	/* 17 clusters, 24 columns, a unit; 600 of them is 10,200 clusters. */
	const char *unit = "あいうえおabcdeｱｲｳｴｵ漢\xF0\x9F\x98\x80";
	size_t ul = strlen(unit), reps = 600;
	char *big = malloc(ul * reps + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * ul, unit, ul);
	big[ul * reps] = '\0';

	struct editor *ed = ed_new(false);
	ed_set_text(ed, "[]");
	ed_set_cursor(ed, 1);
	unsigned long c0 = ed_changes(ed);
	ck_assert_uint_eq(ed_insert(ed, big), 0);
	ck_assert_uint_eq(ed_changes(ed), c0 + 1); /* one edit */
	ck_assert_uint_eq(ed_len(ed), 17 * reps + 2);
	ck_assert_uint_eq(ed_cursor(ed), 17 * reps + 1);
	char *t = ed_text(ed);
	ck_assert_uint_eq(strlen(t), ul * reps + 2);
	ck_assert(t[0] == '[' && t[ul * reps + 1] == ']');
	ck_assert(memcmp(t + 1, big, ul * reps) == 0);
	free(t);

	size_t nr;
	const struct ed_row *r = ed_layout(ed, 79, &nr);
	size_t next = 0;
	long total = 0;
	for (size_t i = 0; i < nr; i++) {
		ck_assert_uint_eq(r[i].start, next);
		ck_assert(r[i].width <= 79);
		if (i + 1 < nr)
			ck_assert(r[i].width >= 78); /* widths 1 and 2 only */
		total += r[i].width;
		next = r[i].end;
	}
	ck_assert_uint_eq(next, ed_len(ed));
	ck_assert_int_eq(total, 24 * (long)reps + 2);
	size_t row;
	int col;
	ed_cursor_rc(ed, 79, &row, &col);
	/* Before the "]" that ends its row: the last, or the one before the
	 * cursor row of a full last row. */
	ck_assert(r[row].start <= ed_cursor(ed) && r[row].end == ed_len(ed));
	ck_assert(row == nr - 1 || (row == nr - 2 && r[nr - 1].start == ed_len(ed)));
	ck_assert_int_eq(col, r[row].width - 1);
	size_t b = ed_scroll(ed, 40);
	ck_assert_int_le(ed_span_width(ed, b, ed_cursor(ed)) + 1, 40);
	/* Typing in the middle of it and deleting it all. */
	ed_set_cursor(ed, 5000);
	ck_assert_uint_eq(ed_insert(ed, "語"), 0);
	ck_assert_uint_eq(ed_len(ed), 17 * reps + 3);
	ed_top(ed);
	ck_assert(ed_kill_to_end(ed));
	ck_assert_uint_eq(ed_len(ed), 0);

	/* Multi-line: the same with a newline after every 50 units. */
	ed_free(&ed);
	ed = ed_new(true);
	for (size_t i = 0; i < reps; i++) {
		ed_insert(ed, unit);
		if (i % 50 == 49)
			ed_insert(ed, "\n");
	}
	ck_assert_uint_eq(ed_len(ed), 17 * reps + 12);
	r = ed_layout(ed, 80, &nr);
	/* 50 units are 1200 columns: 15 full rows of 80, and a cursor row
	 * after each line. */
	ck_assert_uint_eq(nr, 12 * 16 + 1);
	ck_assert(r[15].eol && r[15].start == r[15].end);
	free(big);
	ed_free(&ed);
}
END_TEST

START_TEST(invalid_utf8)
{
	struct editor *ed = ed_new(false);
	/* Stray byte, cut-short sequence, overlong, surrogate: one U+FFFD a byte. */
	unsigned f = ed_insert(ed, "ab\xFF" "c\xE3\x81" "d\xC0\xAF" "e\xED\xA0\x80" "f");
	ck_assert_uint_eq(f, ED_REPLACED);
	assert_text(ed, "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD" "d\xEF\xBF\xBD\xEF\xBF\xBD"
	                "e\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "f");
	ck_assert_uint_eq(ed_len(ed), 14);
	ck_assert_int_eq(ed_span_width(ed, 0, 14), 14);
	/* Cut short at the end of the input. */
	ck_assert_uint_eq(ed_set_text(ed, "\xF0\x9F\x98"), ED_REPLACED);
	ck_assert_uint_eq(ed_len(ed), 3);
	/* Code points out of range. */
	ed_set_text(ed, "");
	ck_assert_uint_eq(ed_insert_char(ed, (wchar_t)0xD800), ED_REPLACED);
	ck_assert_uint_eq(ed_insert_char(ed, (wchar_t)0x110000), ED_REPLACED);
	ck_assert_uint_eq(ed_insert_char(ed, (wchar_t)-1), ED_REPLACED);
	assert_text(ed, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	/* NUL inside a counted burst is dropped. */
	ed_set_text(ed, "");
	ck_assert_uint_eq(ed_insert_n(ed, "a\0b", 3), ED_DROPPED);
	assert_text(ed, "ab");
	ck_assert_uint_eq(ed_insert(ed, NULL), 0);
	ck_assert_uint_eq(ed_insert_n(ed, "あ", 2), ED_REPLACED); /* half of あ */
	ed_free(&ed);
}
END_TEST

START_TEST(newlines_tabs_controls)
{
	const char *in = "a\nb\r\nc\rd\n\n e\tf\x1B[0m\n\n";
	struct editor *ed = ed_new(false);
	ck_assert_uint_eq(ed_insert(ed, in), ED_DROPPED);
	assert_text(ed, "a b c d  e f[0m");
	/* Enter in a single-line field inserts nothing. */
	unsigned long c = ed_changes(ed);
	ck_assert_uint_eq(ed_insert_char(ed, L'\n'), 0);
	ck_assert_uint_eq(ed_changes(ed), c);
	ck_assert_uint_eq(ed_insert(ed, "山田太郎\r\n"), 0); /* a copied cell */
	assert_text(ed, "a b c d  e f[0m山田太郎");
	ed_set_text(ed, "x\ny");
	assert_text(ed, "x y");
	ck_assert_uint_eq(ed_insert_char(ed, 0x7F), ED_DROPPED);
	ck_assert_uint_eq(ed_insert_char(ed, 0x85), ED_DROPPED); /* C1 NEL */
	ed_free(&ed);

	ed = ed_new(true);
	ck_assert_uint_eq(ed_insert(ed, in), ED_DROPPED);
	assert_text(ed, "a\nb\nc\nd\n\n e f[0m\n\n");
	ed_set_text(ed, "");
	ed_insert_char(ed, L'\r');
	ed_insert(ed, "\xE2\x80\xA8"); /* U+2028 */
	assert_text(ed, "\n\n");
	ck_assert_uint_eq(ed_len(ed), 2);
	assert_rc(ed, 10, 2, 0);
	ed_free(&ed);
}
END_TEST

START_TEST(max_length)
{
	struct editor *ed = ed_new(false);
	ed_set_max(ed, 5);
	ck_assert_uint_eq(ed_insert(ed, "あいうえおかき"), ED_TRUNCATED);
	assert_text(ed, "あいうえお");
	ck_assert_uint_eq(ed_cursor(ed), 5);
	ck_assert_uint_eq(ed_insert(ed, "x"), ED_TRUNCATED);
	ck_assert_uint_eq(ed_insert_char(ed, 0x3099), 0); /* joins お: still 5 */
	assert_text(ed, "あいうえお\xE3\x82\x99");
	ed_top(ed);
	ck_assert_uint_eq(ed_insert(ed, "z"), ED_TRUNCATED);
	ck_assert(ed_delete(ed));
	ck_assert_uint_eq(ed_insert(ed, "ab"), ED_TRUNCATED);
	assert_text(ed, "aいうえお\xE3\x82\x99");
	ck_assert_uint_eq(ed_set_text(ed, "か\xE3\x82\x99きくけこさし"), ED_TRUNCATED);
	assert_text(ed, "か\xE3\x82\x99きくけこ");
	ed_set_max(ed, 0);
	ck_assert_uint_eq(ed_insert(ed, "さし"), 0);
	ck_assert_uint_eq(ed_len(ed), 7);
	/* Yank is held to it too. */
	ed_set_max(ed, 8);
	ed_kill_word(ed);
	ed_set_text(ed, "ab");
	ck_assert(ed_yank(ed)); /* 7 clusters killed, room for 6 */
	ck_assert_uint_eq(ed_len(ed), 8);
	ck_assert(!ed_yank(ed));
	ed_free(&ed);
}
END_TEST

START_TEST(modified_flag)
{
	struct editor *ed = ed_new(false);
	ck_assert(!ed_modified(ed));
	ck_assert_uint_eq(ed_changes(ed), 0);
	ed_insert(ed, "あ");
	ck_assert(ed_modified(ed));
	ck_assert_uint_eq(ed_changes(ed), 1);
	ed_mark_saved(ed);
	ck_assert(!ed_modified(ed));
	ck_assert(ed_left(ed) && ed_right(ed));
	ck_assert(!ed_down(ed, 10));
	ed_layout(ed, 3, &(size_t){ 0 });
	ed_scroll(ed, 3);
	ck_assert(!ed_modified(ed)); /* moves and layout change nothing */
	ck_assert(ed_backspace(ed));
	ck_assert(ed_modified(ed));
	ck_assert_uint_eq(ed_changes(ed), 2);
	ed_mark_saved(ed);
	ck_assert(!ed_backspace(ed) && !ed_delete(ed) && !ed_kill_word(ed));
	ck_assert(!ed_modified(ed));
	ed_set_text(ed, "");
	ck_assert(!ed_modified(ed)); /* same text */
	ed_set_text(ed, "い");
	ck_assert(ed_modified(ed));
	ck_assert_uint_eq(ed_changes(ed), 3);
	ed_mark_saved(ed);
	ed_set_text(ed, "い");
	ck_assert(!ed_modified(ed));
	ed_insert(ed, "");
	ck_assert(!ed_modified(ed));
	ed_free(&ed);
}
END_TEST

START_TEST(empty_buffer)
{
	for (int ml = 0; ml <= 1; ml++) {
		struct editor *ed = ed_new(ml);
		ck_assert(ed_multiline(ed) == ml);
		ck_assert_uint_eq(ed_len(ed), 0);
		ck_assert_uint_eq(ed_cursor(ed), 0);
		assert_text(ed, "");
		char *t = ed_text_range(ed, 3, 9);
		ck_assert_str_eq(t, "");
		free(t);
		ck_assert(!ed_left(ed) && !ed_right(ed) && !ed_home(ed) && !ed_end(ed));
		ck_assert(!ed_word_left(ed) && !ed_word_right(ed) && !ed_top(ed) && !ed_bottom(ed));
		ck_assert(!ed_set_cursor(ed, 4));
		ck_assert(!ed_backspace(ed) && !ed_delete(ed));
		ck_assert(!ed_kill_to_end(ed) && !ed_kill_to_start(ed) && !ed_kill_word(ed));
		ck_assert(!ed_yank(ed));
		ck_assert(!ed_up(ed, 5) && !ed_down(ed, 5));
		ck_assert_uint_eq(ed_page_up(ed, 5, 10), 0);
		ck_assert_uint_eq(ed_page_down(ed, 5, 10), 0);
		for (int w = -1; w <= 3; w++) {
			size_t nr;
			const struct ed_row *r = ed_layout(ed, w, &nr);
			ck_assert_uint_eq(nr, 1);
			ck_assert(r[0].start == 0 && r[0].end == 0 && r[0].width == 0 && r[0].eol);
			assert_rc(ed, w, 0, 0);
			ck_assert_uint_eq(ed_scroll(ed, w), 0);
			ck_assert_uint_eq(ed_vscroll(ed, w, w), 0);
		}
		int used = 7;
		ck_assert_uint_eq(ed_fit(ed, 0, 5, &used), 0);
		ck_assert_int_eq(used, 0);
		ck_assert_uint_eq(ed_fit(ed, 4, 5, NULL), 0);
		ck_assert_int_eq(ed_span_width(ed, 0, 9), 0);
		ck_assert_uint_eq(ed_set_text(ed, NULL), 0);
		ck_assert_uint_eq(ed_set_text(ed, ""), 0);
		ck_assert(!ed_modified(ed));
		/* Emptied by editing, it behaves the same. */
		ed_insert(ed, "あ");
		ck_assert(ed_backspace(ed));
		ck_assert_uint_eq(ed_len(ed), 0);
		assert_rc(ed, 4, 0, 0);
		ck_assert(!ed_left(ed));
		ed_free(&ed);
	}
}
END_TEST

/* ---- incremental layout ------------------------------------------------ */

/* The editor keeps each line's clusters and rows and redoes only the
 * lines an edit touches: after every one of many random edits and moves
 * (newlines, marks that join the cluster before, wide characters, kills
 * across lines), its clusters, rows and cursor are those of an editor
 * given the same text from scratch. */
static void same_as_fresh(struct editor *ed, int width)
{
	char *text = ed_text(ed);
	struct editor *f = ed_new(true);
	ed_set_text(f, text);
	ck_assert_uint_eq(ed_len(ed), ed_len(f));
	ck_assert(ed_set_cursor(f, ed_cursor(ed)) || ed_cursor(f) == ed_cursor(ed));
	for (size_t i = 0; i < ed_len(f); i++) {
		size_t n1, n2;
		int w1, w2;
		const wchar_t *a = ed_cluster(ed, i, &n1, &w1), *b = ed_cluster(f, i, &n2, &w2);
		ck_assert_uint_eq(n1, n2);
		ck_assert_int_eq(w1, w2);
		ck_assert(memcmp(a, b, n1 * sizeof *a) == 0);
	}
	size_t nr = ed_nrows(ed, width), nf;
	const struct ed_row *rf = ed_layout(f, width, &nf);
	ck_assert_uint_eq(nr, nf);
	for (size_t r = 0; r < nr; r++) {
		struct ed_row er = ed_row(ed, width, r);
		ck_assert_uint_eq(er.start, rf[r].start);
		ck_assert_uint_eq(er.end, rf[r].end);
		ck_assert_int_eq(er.width, rf[r].width);
		ck_assert_int_eq(er.eol, rf[r].eol);
	}
	size_t r1, r2;
	int c1, c2;
	ed_cursor_rc(ed, width, &r1, &c1);
	ed_cursor_rc(f, width, &r2, &c2);
	ck_assert_uint_eq(r1, r2);
	ck_assert_int_eq(c1, c2);
	ed_free(&f);
	free(text);
}

START_TEST(incremental_matches_fresh)
{
	static const char *const bits[] = {
		"a", "漢字", "\n", "\n\n", "か", "\xE3\x82\x99", "\xCC\x81", "😀",
		"ｶﾞ", "\xE2\x80\x8D", "👍", "\xF0\x9F\x8F\xBD", "long line of ascii text ",
		"日本語の文章が続きます。", "x\ny\nz",
	};
	struct editor *ed = ed_new(true);
	unsigned seed = 14;
	int width = 7;
	for (int step = 0; step < 3000; step++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = (seed >> 16) % 16;
		switch (r) {
		case 0: case 1: case 2: case 3: case 4:
			ed_insert(ed, bits[(seed >> 8) % (sizeof bits / sizeof *bits)]);
			break;
		case 5: ed_backspace(ed); break;
		case 6: ed_delete(ed); break;
		case 7: ed_kill_to_end(ed); break;
		case 8: ed_kill_to_start(ed); break;
		case 9: ed_kill_word(ed); break;
		case 10: ed_yank(ed); break;
		case 11: ed_set_cursor(ed, (seed >> 4) % (ed_len(ed) + 1)); break;
		case 12: ed_up(ed, width); break;
		case 13: ed_down(ed, width); break;
		case 14: ed_page_down(ed, width, 3); break;
		default:
			width = 1 + (int)((seed >> 6) % 12);
			break;
		}
		if (step % 7 == 0 || ed_len(ed) < 40)
			same_as_fresh(ed, width);
		if (ed_len(ed) > 400)
			ed_set_text(ed, "再び\n短く");
	}
	same_as_fresh(ed, width);
	ed_free(&ed);
}
END_TEST

/* The text `base` with its first `first` lines and last `tail` lines kept
 * and `mid` between them, lines as ed_changed_lines counts them (each up
 * to and with its '\n'; the last, what follows the last '\n').  Written
 * here from that definition, apart from the journal's own splice. */
static char *splice(const char *base, size_t first, size_t tail, const char *mid)
{
	size_t starts[2048], lines = 1;
	starts[0] = 0;
	for (size_t i = 0; base[i]; i++)
		if (base[i] == '\n') {
			ck_assert_uint_lt(lines, 2048);
			starts[lines++] = i + 1;
		}
	ck_assert_msg(first + tail <= lines, "first %zu + tail %zu > %zu lines", first, tail,
	              lines);
	size_t a = first < lines ? starts[first] : strlen(base);
	size_t b = tail ? starts[lines - tail] : strlen(base);
	ck_assert_uint_le(a, b);
	size_t n = a + strlen(mid) + strlen(base + b);
	char *out = malloc(n + 1);
	memcpy(out, base, a);
	strcpy(out + a, mid);
	strcat(out, base + b);
	return out;
}

/* After any run of edits, the text before it with the lines
 * ed_changed_lines names replaced by ed_lines_text of them is the text
 * now: what the journal writes per burst puts the text back exactly.  And
 * the lines it names are few when an edit is in one line of many. */
START_TEST(changed_lines_rebuild_the_text)
{
	static const char *const bits[] = {
		"a", "漢字", "\n", "\n\n", "か", "\xE3\x82\x99", "\xCC\x81", "😀",
		"ｶﾞ", "\xE2\x80\x8D", "👍", "\xF0\x9F\x8F\xBD", "𠮷", "x\ny\nz",
		"\r\n", "行末\n",
	};
	struct editor *ed = ed_new(true);
	ed_set_text(ed, "一行目\n二行目\n三行目");
	size_t first, tail;
	ck_assert(ed_changed_lines(ed, &first, &tail));  /* never marked: all of it */
	ck_assert_uint_eq(first, 0);
	ck_assert_uint_eq(tail, 0);
	ed_mark_lines(ed);
	ck_assert(!ed_changed_lines(ed, &first, &tail));
	char *before = ed_text(ed);
	unsigned seed = 2026;
	for (int step = 0; step < 4000; step++) {
		int burst = 1 + (int)(seed % 4);
		for (int k = 0; k < burst; k++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 12;
			switch (r) {
			case 0: case 1: case 2: case 3:
				ed_insert(ed, bits[(seed >> 8) % (sizeof bits / sizeof *bits)]);
				break;
			case 4: ed_backspace(ed); break;
			case 5: ed_delete(ed); break;
			case 6: ed_kill_to_end(ed); break;
			case 7: ed_kill_to_start(ed); break;
			case 8: ed_kill_word(ed); break;
			case 9: ed_yank(ed); break;
			case 10: ed_set_cursor(ed, (seed >> 4) % (ed_len(ed) + 1)); break;
			default:
				if ((seed >> 5) % 8 == 0)
					ed_set_text(ed, (seed >> 9) % 2 ? "置き換え\n" : "");
				else
					ed_set_cursor(ed, 0);
				break;
			}
		}
		char *now = ed_text(ed);
		if (ed_changed_lines(ed, &first, &tail)) {
			ck_assert_uint_le(first + tail, ed_nlines(ed));
			char *mid = ed_lines_text(ed, first, ed_nlines(ed) - tail);
			char *back = splice(before, first, tail, mid);
			ck_assert_msg(strcmp(back, now) == 0, "step %d: [%s] + (%zu, %zu, [%s]) gave [%s], "
			              "not [%s]", step, before, first, tail, mid, back, now);
			free(mid);
			free(back);
		} else {
			ck_assert_str_eq(before, now);
		}
		ed_mark_lines(ed);
		free(before);
		before = now;
		if (ed_len(ed) > 300)
			ed_set_text(ed, "再び\n短く");
	}
	free(before);

	/* One character typed into line 500 of 1,000: that line alone. */
	struct strbuf sb;
	sb_init(&sb);
	for (int i = 0; i < 1000; i++)
		sb_addf(&sb, "%04d 行のテキスト\n", i);
	ed_set_text(ed, sb.buf);
	sb_release(&sb);
	ed_mark_lines(ed);
	ed_set_cursor(ed, 0);
	for (int i = 0; i < 500; i++)
		ed_down(ed, 80);
	ed_insert(ed, "あ");
	ck_assert(ed_changed_lines(ed, &first, &tail));
	ck_assert_uint_eq(first, 500);
	ck_assert_uint_eq(ed_nlines(ed) - tail - first, 1);
	char *mid = ed_lines_text(ed, first, first + 1);
	ck_assert_str_eq(mid, "あ0500 行のテキスト\n");
	free(mid);
	ed_free(&ed);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("editor");
	TCase *tc = tcase_create("editor");
	tcase_add_test(tc, clusters_of_mixed_text);
	tcase_add_test(tc, joined_and_orphan_clusters);
	tcase_add_test(tc, left_right_every_position);
	tcase_add_test(tc, insert_every_position);
	tcase_add_test(tc, combining_mark_every_position);
	tcase_add_test(tc, backspace_every_position);
	tcase_add_test(tc, delete_every_position);
	tcase_add_test(tc, kill_every_position);
	tcase_add_test(tc, wrap_mixed_at_odd_widths);
	tcase_add_test(tc, layout_invariants_every_width);
	tcase_add_test(tc, full_rows_and_hard_newlines);
	tcase_add_test(tc, up_down_goal_column);
	tcase_add_test(tc, up_down_across_wrapped_rows);
	tcase_add_test(tc, up_down_every_position);
	tcase_add_test(tc, page_up_down);
	tcase_add_test(tc, horizontal_scroll);
	tcase_add_test(tc, vertical_scroll);
	tcase_add_test(tc, kill_and_yank);
	tcase_add_test(tc, word_moves);
	tcase_add_test(tc, long_paste);
	tcase_add_test(tc, invalid_utf8);
	tcase_add_test(tc, newlines_tabs_controls);
	tcase_add_test(tc, max_length);
	tcase_add_test(tc, modified_flag);
	tcase_add_test(tc, changed_lines_rebuild_the_text);
	tcase_add_test(tc, empty_buffer);
	tcase_add_test(tc, incremental_matches_fresh);
	suite_add_tcase(s, tc);
	return s;
}
