/* The width module against independent implementations, for every code
 * point: the screen rule against glibc's wcwidth() in C.UTF-8 and
 * ja_JP.UTF-8, the document rule against libunistring's uc_width(c,
 * "EUC-JP"), the file-message rule against uc_width(c, "UTF-8"), and the
 * editor and the notice's wrapper measuring through them; clusters against
 * libunistring's u32_grapheme_breaks() over whole strings; the cells a
 * cluster is drawn in, written down by hand. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uniwidth.h>
#include <wchar.h>

#include "suite.h"
#include "todoke/editor.h"
#include "todoke/notice.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

/* Check's ck_assert records every passing check through a pipe: far too
 * slow for a million code points.  This one speaks only on failure. */
#define EXPECT(cond, ...) do { if (!(cond)) ck_abort_msg(__VA_ARGS__); } while (0)

static void put_utf8(struct strbuf *sb, uint32_t c)
{
	char b[4];
	size_t n;
	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | c >> 6);
		b[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | c >> 12);
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | c >> 18);
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	sb_addn(sb, b, n);
}

static bool surrogate(uint32_t c)
{
	return c >= 0xD800 && c <= 0xDFFF;
}

/* What the editor keeps as it is (its input filter turns the rest into
 * line breaks, spaces, U+FFFD or nothing). */
static bool editor_keeps(uint32_t c)
{
	return c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && !surrogate(c) &&
	       c != 0x2028 && c != 0x2029;
}

/* ---- every code point -------------------------------------------------- */

static void screen_rule_in(const char *locale)
{
	char *old = strdup(setlocale(LC_CTYPE, NULL));
	if (!setlocale(LC_CTYPE, locale)) {
		free(old);
		ck_abort_msg("locale %s is missing (make check installs it)", locale);
	}
	/* The rule itself. */
	size_t zero = 0, wide = 0, bad = 0;
	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		if (surrogate(c))
			continue;
		int w = wcwidth((wchar_t)c);
		EXPECT(tw_char(c, TW_SCREEN) == (w < 0 ? 1 : w),
		              "%s: U+%04X: %d, wcwidth %d", locale, (unsigned)c,
		              tw_char(c, TW_SCREEN), w);
		zero += w == 0;
		wide += w == 2;
		bad += w < 0;
	}
	/* glibc really answered (a C locale would say -1 for all but ASCII). */
	ck_assert_uint_gt(wide, 100000);
	ck_assert_uint_gt(zero, 2000);

	/* The editor: each code point on a line of its own is a cluster of its
	 * width, or 1 column when it has none (drawn over a space) or is
	 * unprintable (drawn as U+FFFD). */
	struct strbuf sb;
	sb_init(&sb);
	size_t lines = 0;
	for (uint32_t c = 0; c <= 0x10FFFF; c++)
		if (editor_keeps(c)) {
			put_utf8(&sb, c);
			sb_addc(&sb, '\n');
			lines++;
		}
	struct editor *ed = ed_new(true);
	ck_assert_uint_eq(ed_set_text(ed, sb.buf), 0);
	ck_assert_uint_eq(ed_len(ed), 2 * lines);
	size_t i = 0;
	for (uint32_t c = 0; c <= 0x10FFFF; c++) {
		if (!editor_keeps(c))
			continue;
		size_t n;
		int w;
		const wchar_t *wc = ed_cluster(ed, i, &n, &w);
		int want = wcwidth((wchar_t)c);
		EXPECT(n == 1 && (uint32_t)wc[0] == c, "U+%04X: not a cluster of its own",
		              (unsigned)c);
		EXPECT(w == (want > 0 ? want : 1), "%s: editor: U+%04X is %d columns, wcwidth %d",
		              locale, (unsigned)c, w, want);
		EXPECT(ed_is_newline(ed, i + 1), "U+%04X: no newline after it", (unsigned)c);
		i += 2;
	}
	ed_free(&ed);
	sb_release(&sb);
	setlocale(LC_CTYPE, old);
	free(old);
	(void)bad;
}

START_TEST(screen_rule_c_utf8)
{
	screen_rule_in("C.UTF-8");
}
END_TEST

START_TEST(screen_rule_ja_jp_utf8)
{
	screen_rule_in("ja_JP.UTF-8");
}
END_TEST

static int doc_width(uint32_t c)
{
	int w = uc_width(c, "EUC-JP");
	return w < 0 ? 1 : w;
}

START_TEST(document_rule_every_code_point)
{
	/* The rule does not follow the locale: checked in C as well. */
	char *old = strdup(setlocale(LC_CTYPE, NULL));
	for (int pass = 0; pass < 2; pass++) {
		setlocale(LC_CTYPE, pass ? "C" : "C.UTF-8");
		for (uint32_t c = 0; c <= 0x10FFFF; c++) {
			if (surrogate(c))
				continue;
			EXPECT(tw_char(c, TW_DOC) == doc_width(c), "U+%04X: %d, uc_width %d",
			       (unsigned)c, tw_char(c, TW_DOC), uc_width(c, "EUC-JP"));
			/* Columns in messages about files: libunistring's for UTF-8. */
			int w = uc_width(c, "UTF-8");
			EXPECT(tw_char(c, TW_FILE) == (w < 0 ? 1 : w), "file rule: U+%04X", (unsigned)c);
		}
	}
	setlocale(LC_CTYPE, old);
	free(old);
	EXPECT(tw_char(0xD7, TW_FILE) == 1 && tw_char(0x6F22, TW_FILE) == 2, "× or 漢 in messages");
	/* The characters of the issue, written down. */
	static const struct { uint32_t c; int w; } want[] = {
		{ 0xD7, 2 }, { 0xB0, 2 }, { 0xA7, 2 }, { 0xB1, 2 }, { 0x3B1, 2 }, { 0x416, 2 },
		{ 0xE9, 2 }, { 0x301, 0 }, { 0x483, 0 }, { 0x3099, 0 }, { 0x1160, 0 },
		{ 0x11A8, 0 }, { 0x1100, 2 }, { 0x200E, 0 }, { 0xFEFF, 0 }, { 0x200D, 0 },
		{ 0xFF76, 1 }, { 0xFF9E, 1 }, { 0x20A9, 1 }, { 0x20BB7, 2 }, { 0x32FF, 2 },
		{ 'a', 1 },
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
		EXPECT(tw_char(want[k].c, TW_DOC) == want[k].w, "U+%04X", (unsigned)want[k].c);
}
END_TEST

/* The notice's wrapper measures every code point by the document rule: a
 * right-aligned line of one character is padded to 70 columns. */
START_TEST(notice_measures_every_code_point)
{
	struct strbuf sb;
	sb_init(&sb);
	for (uint32_t c = 0x21; c <= 0x10FFFF; c++) {
		if (surrogate(c))
			continue;
		if (sb.len)
			sb_addc(&sb, '\n');
		put_utf8(&sb, c);
	}
	struct nblock b = { .kind = NB_RIGHT, .text = sb.buf };
	struct notice n = { .v = &b, .n = 1 };
	struct strbuf out;
	sb_init(&out);
	notice_text(&n, 70, &out);
	const char *p = out.buf;
	for (uint32_t c = 0x21; c <= 0x10FFFF; c++) {
		if (surrogate(c))
			continue;
		size_t pad = strspn(p, " ");
		EXPECT((int)pad == 70 - doc_width(c), "notice: U+%04X padded %zu, want %d",
		              (unsigned)c, pad, 70 - doc_width(c));
		p = strchr(p, '\n');
		EXPECT(p, "notice: the output ends before U+%04X", (unsigned)c);
		p++;
	}
	ck_assert_str_eq(p, "");
	sb_release(&out);
	sb_release(&sb);
}
END_TEST

/* ---- clusters ---------------------------------------------------------- */

/* Code points whose grapheme cluster rules differ: every class of UAX #29. */
static const uint32_t ALPHABET[] = {
	'a', ' ', '\r', '\n', 0x301, 0x3099, 0x304B, 0xFF76, 0xFF9E, 0x200D, 0x1F468,
	0x1F469, 0x1F3FD, 0x1F1EF, 0x1F1F5, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01,
	0x600, 0x903, 0xFE0F, 0x200E, 0xA9, 0x2764, 0xE33, 0x6F22, 0x20BB7, 0x378, 0x85,
	0x3030, 0x302A, 0x3001, 0xFF9F, 0xFF9D, 0x309A, 0x309B,
};

/* The ranges textwidth.c decides without libunistring (its simple()):
 * every character there is Grapheme_Cluster_Break=Other and no
 * pictograph, so two of them always have a boundary between them. */
START_TEST(quick_ranges_are_other)
{
	static const uint32_t ranges[][2] = {
		{ 0x20, 0x7E }, { 0x3000, 0x3029 }, { 0x3041, 0x3096 }, { 0x309B, 0x30FF },
		{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xFF01, 0xFF9D },
	};
	for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)
		for (uint32_t c = ranges[r][0]; c <= ranges[r][1]; c++)
			EXPECT(uc_graphemeclusterbreak_property(c) == GBP_OTHER &&
			       !uc_is_property_extended_pictographic(c), "U+%04X is not plain", (unsigned)c);
}
END_TEST

START_TEST(clusters_as_libunistring)
{
	uint32_t s[64];
	wchar_t w[64];
	char brk[64];
	unsigned long seed = 12345;
	for (int t = 0; t < 30000; t++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		size_t n = 1 + (seed >> 33) % 40;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			s[i] = ALPHABET[(seed >> 33) % (sizeof ALPHABET / sizeof ALPHABET[0])];
			w[i] = (wchar_t)s[i];
		}
		u32_grapheme_breaks(s, n, brk);
		struct strbuf u8;
		sb_init(&u8);
		size_t offs[65];
		for (size_t i = 0; i < n; i++) {
			offs[i] = u8.len;
			put_utf8(&u8, s[i]);
		}
		offs[n] = u8.len;
		for (size_t i = 0, j = 0; i < n;) {
			int cols, sum = 0;
			size_t k = tw_cluster_wcs(w + i, n - i, TW_SCREEN, &cols);
			EXPECT(k > 0, "string %d: an empty cluster", t);
			for (size_t c = i; c < i + k;) {
				struct tw_cell cell;
				c += tw_cell_wcs(w + c, i + k - c, &cell);
				sum += cell.cols;
			}
			EXPECT(sum == cols, "string %d: cells of %d columns in a cluster of %d", t, sum, cols);
			for (size_t m = i + 1; m < i + k; m++)
				EXPECT(!brk[m], "string %d: a break at %zu inside [%zu,%zu)", t, m, i, i + k);
			EXPECT(i + k == n || brk[i + k], "string %d: no break at %zu", t, i + k);
			size_t bytes = tw_cluster_u8(u8.buf + j, u8.len - j, TW_DOC, NULL);
			EXPECT(j + bytes == offs[i + k], "string %d: UTF-8 cluster at %zu differs", t, j);
			i += k;
			j += bytes;
		}
		sb_release(&u8);
	}
}
END_TEST

/* A cluster of many marks is measured whole, however long. */
START_TEST(long_cluster)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "か");
	for (int i = 0; i < 1000; i++)
		sb_add(&sb, "\xE3\x82\x99"); /* U+3099 */
	sb_add(&sb, "x");
	int cols;
	ck_assert_uint_eq(tw_cluster_u8(sb.buf, sb.len, TW_SCREEN, &cols), sb.len - 1);
	ck_assert_int_eq(cols, 2);
	ck_assert_int_eq(tw_width(sb.buf, sb.len, TW_DOC), 3);
	sb_release(&sb);
	/* An invalid byte is a cluster of its own, 1 column. */
	ck_assert_uint_eq(tw_cluster_u8("\xFF\xCC\x81", 3, TW_SCREEN, &cols), 1);
	ck_assert_int_eq(cols, 1);
	/* So is each byte of an overlong form, before ASCII or kana too (the
	 * quick path for kana and kanji decodes three bytes itself). */
	static const char *const overlong[] = { "\xE0\x80\xA0x", "\xE0\x81\x81",
		                                "\xE0\x80\xA0\xE3\x81\x82" };
	for (size_t i = 0; i < sizeof overlong / sizeof *overlong; i++) {
		for (int r = TW_SCREEN; r <= TW_FILE; r++) {
			ck_assert_uint_eq(tw_cluster_u8(overlong[i], strlen(overlong[i]),
			                                (enum tw_rule)r, &cols), 1);
			ck_assert_int_eq(cols, 1);
		}
		ck_assert_int_eq(tw_width(overlong[i], 3, TW_DOC), 3);
	}
	ck_assert_uint_eq(tw_cluster_u8("a", 0, TW_SCREEN, &cols), 0);
	ck_assert_int_eq(cols, 0);
	ck_assert_uint_eq(tw_cluster_u8("\r\n", 2, TW_SCREEN, &cols), 2);
}
END_TEST

/* ---- cells ------------------------------------------------------------- */

/* The text as clusters and cells: "[2 1]" is one cluster of two cells, 2
 * and 1 columns; a cell's code points follow its width after ':' when
 * there are more than one, "~" marks a lone cell, "!" an unprintable. */
static char *cells_of(const char *utf8)
{
	struct strbuf sb;
	sb_init(&sb);
	wchar_t w[256];
	size_t n = mbstowcs(w, utf8, 256);
	ck_assert(n != (size_t)-1);
	for (size_t i = 0; i < n;) {
		int cols;
		size_t k = tw_cluster_wcs(w + i, n - i, TW_SCREEN, &cols);
		int sum = 0;
		sb_addc(&sb, '[');
		for (size_t j = 0; j < k;) {
			struct tw_cell c;
			size_t len = tw_cell_wcs(w + i + j, k - j, &c);
			ck_assert_uint_eq(len, c.len);
			sb_addf(&sb, "%s%s%s%d", j ? " " : "", c.lone ? "~" : "", c.bad ? "!" : "", c.cols);
			if (c.len > 1)
				sb_addf(&sb, ":%zu", c.len);
			sum += c.cols;
			j += len;
		}
		sb_addc(&sb, ']');
		ck_assert_int_eq(sum, cols); /* a cluster is as wide as its cells */
		i += k;
	}
	return sb_detach(&sb);
}

static void assert_cells(const char *utf8, const char *want)
{
	char *got = cells_of(utf8);
	EXPECT(strcmp(got, want) == 0, "\"%s\": %s, want %s", utf8, got, want);
	free(got);
}

START_TEST(cells)
{
	assert_cells("漢字", "[2][2]");
	assert_cells("かな", "[2][2]");
	assert_cells("か\u3099", "[2:2]");                     /* が, one cchar_t */
	assert_cells("\uff76\uff9e", "[1 1]");                 /* ｶﾞ: one cluster, two cells */
	assert_cells("\U0001F600", "[2]");
	assert_cells("\U0001F468\u200D\U0001F469\u200D\U0001F467",
	             "[2:2 2:2 2]");                          /* 👨‍👩‍👧: ZWJs ride on 👨 👩 */
	assert_cells("\U0001F44D\U0001F3FD", "[2 2]");         /* 👍🏽 */
	assert_cells("\U0001F1EF\U0001F1F5", "[1 1]");         /* 🇯🇵 */
	assert_cells("e\u0301\u0302\u0303\u0304\u0305", "[1:6]"); /* more marks than a cchar_t holds */
	assert_cells("\u0301a", "[~1][1]");                    /* a mark with no base */
	assert_cells("a\u200Eb", "[1][~1][1]");                /* LRM: a cluster of its own */
	assert_cells("\u0378", "[!1]");                        /* unassigned */
	assert_cells("\U00020BB7", "[2]");                     /* 𠮷 (JIS X 0213) */
	assert_cells("\u32FF", "[2]");                         /* ㋿ */
	assert_cells("\u1100\u1161\u11A8", "[2:3]");           /* 각 in jamo */
	assert_cells("\u270C\uFE0F", "[1:2]");                 /* ✌️ as glibc measures it */
	assert_cells("a\u200Db", "[1:2][1]");                  /* a ZWJ after a letter joins nothing */
}
END_TEST

/* Wrapping and fitting never split a cluster (and a cluster wider than
 * the row gets a row of its own). */
START_TEST(fit_and_wrap)
{
	int used;
	const char *s = "\uff76\uff9e\U0001F468\u200D\U0001F469x";
	ck_assert_uint_eq(tw_fit(s, strlen(s), 1, TW_SCREEN, &used), 0);
	ck_assert_uint_eq(tw_fit(s, strlen(s), 3, TW_SCREEN, &used), 6);
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(tw_fit(s, strlen(s), 6, TW_SCREEN, &used), 17);
	ck_assert_int_eq(used, 6);
	size_t starts[8];
	ck_assert_uint_eq(tw_wrap(s, strlen(s), 3, starts, 8), 3);
	ck_assert_uint_eq(starts[1], 6);
	ck_assert_uint_eq(starts[2], 17);
	ck_assert_int_eq(tw_swidth(s), 7);
	ck_assert_int_eq(tw_width("×é", 4, TW_SCREEN), 2);
	ck_assert_int_eq(tw_width("×é", 4, TW_DOC), 4);
}
END_TEST

/* What tw_fit_plain measures by itself, written out apart from it. */
static bool plain_cp(uint32_t c)
{
	return (c >= 0x20 && c <= 0x7E) || (c >= 0x3000 && c <= 0x3029) ||
	       (c >= 0x3041 && c <= 0x3096) || (c >= 0x309B && c <= 0x30FF) ||
	       (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xFF01 && c <= 0xFF9D);
}

/* The first code point of s (n > 0 bytes), or U+FFFFFFFF when the bytes
 * are not UTF-8 put_utf8 would write. */
static uint32_t first_cp(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	*len = u[0] < 0x80 ? 1 : u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
	if (*len > n)
		return 0xFFFFFFFF;
	uint32_t c = *len == 1 ? u[0] : (uint32_t)(u[0] & (0x7F >> *len));
	for (size_t i = 1; i < *len; i++)
		c = c << 6 | (u[i] & 0x3F);
	return c;
}

/* tw_fit_plain's contract, from tw_cluster_u8 one cluster at a time: the
 * clusters from s that are one plain character each, followed by the end,
 * by ASCII or by another plain character (nothing that could join them),
 * while they fit. */
static size_t fit_plain_ref(const char *s, size_t n, int cols, enum tw_rule rule, int *used)
{
	size_t i = 0;
	int w = 0;
	while (i < n) {
		int cw;
		size_t k = tw_cluster_u8(s + i, n - i, rule, &cw), len, nlen;
		uint32_t c = first_cp(s + i, n - i, &len);
		if (k != len || !plain_cp(c) || w + cw > cols)
			break;
		if (i + k < n && (unsigned char)s[i + k] >= 0x80 &&
		    !plain_cp(first_cp(s + i + k, n - i - k, &nlen)))
			break;
		i += k;
		w += cw;
	}
	*used = w;
	return i;
}

/* Every code point before an ASCII letter: a plain one and the letter are
 * measured, anything else is left to tw_cluster_u8; then runs of code
 * points at the edges of the ranges and of what joins them, from every
 * cluster boundary, at widths from nothing to everything, by each rule. */
START_TEST(fit_plain_as_clusters)
{
	static const enum tw_rule rules[] = { TW_DOC, TW_SCREEN, TW_FILE };
	struct strbuf sb;
	sb_init(&sb);
	for (uint32_t c = 0x01; c <= 0x10FFFF; c++) {
		if (surrogate(c))
			continue;
		sb.len = 0;
		put_utf8(&sb, c);
		sb_addc(&sb, 'x');
		int used;
		size_t k = tw_fit_plain(sb.buf, sb.len, 100, TW_DOC, &used);
		if (plain_cp(c)) {
			EXPECT(k == sb.len && used == tw_width(sb.buf, sb.len, TW_DOC),
			       "U+%04X x: %zu bytes, %d columns", (unsigned)c, k, used);
		} else {
			EXPECT(k == 0 && used == 0, "U+%04X x: %zu bytes, not plain", (unsigned)c, k);
		}
	}
	static const uint32_t edge[] = {
		0x09, 0x0A, 0x0D, 0x1F, 0x20, 'a', 'Z', 0x7E, 0x7F, 0xE9, 0x301, 0x600,
		0x1100, 0x1161, 0x200B, 0x200D, 0x2FFF, 0x3000, 0x3029, 0x302A, 0x3040,
		0x3041, 0x304B, 0x3096, 0x3097, 0x3099, 0x309A, 0x309B, 0x30FF, 0x3100,
		0x31F0, 0x32D0, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4E00, 0x9FFF, 0xA000,
		0xFE0E, 0xFE0F, 0xFF00, 0xFF01, 0xFF21, 0xFF60, 0xFF61, 0xFF76, 0xFF9D,
		0xFF9E, 0xFF9F, 0xFFA0, 0x1F1EF, 0x1F1F5, 0x1F3FD, 0x1F44D, 0x1F468,
		0x2000B, 0xE0100,
	};
	uint32_t st = 12345;
	for (int t = 0; t < 3000; t++) {
		sb.len = 0;
		int len = 1 + (int)(st % 24);
		for (int j = 0; j < len; j++) {
			st = st * 1103515245u + 12345u;
			uint32_t r = st >> 8;
			if (r % 7 == 0)
				sb_addc(&sb, (char)0xFF);   /* not UTF-8 */
			else
				put_utf8(&sb, edge[r % (sizeof edge / sizeof edge[0])]);
		}
		enum tw_rule rule = rules[t % 3];
		for (size_t i = 0; i < sb.len;) {
			for (int cols = 0; cols <= 14; cols++) {
				int used, want_used;
				int c = cols == 14 ? 1000 : cols;
				size_t k = tw_fit_plain(sb.buf + i, sb.len - i, c, rule, &used);
				size_t want = fit_plain_ref(sb.buf + i, sb.len - i, c, rule, &want_used);
				EXPECT(k == want && used == want_used,
				       "string %d from byte %zu, %d columns, rule %d: %zu bytes %d columns,"
				       " want %zu %d", t, i, c, (int)rule, k, used, want, want_used);
			}
			i += tw_cluster_u8(sb.buf + i, sb.len - i, rule, NULL);
		}
	}
	sb_release(&sb);
}
END_TEST

/* Documents are written in NFC: a cluster counts as its NFC form does, so
 * that e + U+0301, written as é, wraps as é (2 columns in a Japanese font,
 * uc_width of U+00E9), not as e.  On screen the terminal draws e and its
 * mark in e's one column. */
START_TEST(doc_cluster_as_written)
{
	static const struct { const char *s; int doc, screen; } t[] = {
		{ "e\u0301", 2, 1 },          /* é */
		{ "e\u0301x", 3, 2 },
		{ "A\u030A", 2, 1 },          /* Å */
		{ "\u03B1\u0301", 2, 1 },     /* ά */
		{ "\u304B\u3099", 2, 2 },     /* が */
		{ "\u1100\u1161\u11A8", 2, 2 }, /* 각 in jamo */
		{ "e\u0301\u0302\u0303", 2, 1 },
		{ "\uFA11\u0301", 2, 2 },     /* a compatibility ideograph, a mark */
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		size_t n = strlen(t[i].s);
		ck_assert_msg(tw_width(t[i].s, n, TW_DOC) == t[i].doc, "case %zu: TW_DOC %d, want %d",
		              i, tw_width(t[i].s, n, TW_DOC), t[i].doc);
		ck_assert_msg(tw_width(t[i].s, n, TW_SCREEN) == t[i].screen,
		              "case %zu: TW_SCREEN %d, want %d", i, tw_width(t[i].s, n, TW_SCREEN),
		              t[i].screen);
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("textwidth");
	TCase *tc = tcase_create("textwidth");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, screen_rule_c_utf8);
	tcase_add_test(tc, doc_cluster_as_written);
	tcase_add_test(tc, screen_rule_ja_jp_utf8);
	tcase_add_test(tc, document_rule_every_code_point);
	tcase_add_test(tc, notice_measures_every_code_point);
	tcase_add_test(tc, quick_ranges_are_other);
	tcase_add_test(tc, clusters_as_libunistring);
	tcase_add_test(tc, long_cluster);
	tcase_add_test(tc, cells);
	tcase_add_test(tc, fit_and_wrap);
	tcase_add_test(tc, fit_plain_as_clusters);
	suite_add_tcase(s, tc);
	return s;
}
