/* textwidth — columns and grapheme clusters (see the header for the rules). */
#include "todoke/textwidth.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <uniwidth.h>

#include "todoke/strbuf.h"
#include "todoke/utf8.h"

/* The encoding name that makes uc_width() count as legacy CJK fonts do. */
static const char DOC_ENCODING[] = "EUC-JP";

/* uc_width of the BMP per rule, width + 2 (0: not asked yet): it
 * compares the encoding's name at every call, and a notice of 1 MB asks
 * for a million widths (issue 14).  Only the pages asked for are touched. */
static signed char bmp_width[2][0x10000];

static int raw_width(unsigned long c, enum tw_rule rule)
{
	if (c > 0x10FFFF)
		return -1;
	if (rule == TW_DOC || rule == TW_FILE) {
		signed char *w = c < 0x10000 ? &bmp_width[rule == TW_FILE][c] : NULL;
		if (w && *w)
			return *w - 2;
		int r = uc_width((ucs4_t)c, rule == TW_DOC ? DOC_ENCODING : "UTF-8");
		if (w)
			*w = (signed char)(r + 2);
		return r;
	}
	return wcwidth((wchar_t)c);
}

int tw_char(unsigned long c, enum tw_rule rule)
{
	int w = raw_width(c, rule);
	return w < 0 ? 1 : w;
}

/* ---- clusters ---------------------------------------------------------- */

static int sum_cols(const uint32_t *cp, size_t k, enum tw_rule rule)
{
	int w = raw_width(cp[0], rule);
	if (w < 0 || (w == 0 && rule == TW_SCREEN))
		w = 1; /* unprintable, or no base: drawn as U+FFFD, over a space */
	for (size_t i = 1; i < k; i++)
		w += tw_char(cp[i], rule);
	return w;
}

/* Columns of the cluster cp[0..k).  Documents are written in NFC, so a
 * document's cluster is measured as it will be written: e + U+0301 is é,
 * 2 columns in a Japanese font, not the 1 of its e. */
static int cluster_cols(const uint32_t *cp, size_t k, enum tw_rule rule)
{
	if (k == 1 && cp[0] >= 0x20 && cp[0] < 0x7F)
		return 1;  /* printable ASCII: one column by every rule, in every locale */
	if (rule != TW_DOC || k < 2)
		return sum_cols(cp, k, rule);
	uint32_t small[16];
	size_t len = sizeof small / sizeof small[0];
	uint32_t *nfc = u32_normalize(UNINORM_NFC, cp, k, small, &len);
	if (!nfc || !len)
		return sum_cols(cp, k, rule);
	int w = sum_cols(nfc, len, rule);
	if (nfc != small)
		free(nfc);
	return w;
}

/* Characters of Grapheme_Cluster_Break=Other that are not pictographs:
 * between two of them there is always a boundary (UAX #29 GB999).  The
 * common case of Japanese text, decided without libunistring's tables
 * (test_textwidth checks these ranges against them). */
static bool simple(uint32_t c)
{
	return (c >= 0x20 && c < 0x7F) || (c >= 0x3000 && c <= 0x3029) ||
	       (c >= 0x3041 && c <= 0x3096) || (c >= 0x309B && c <= 0x30FF) ||
	       (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xFF01 && c <= 0xFF9D);
}

static bool is_ri(uint32_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Where the cluster that starts at cp[0] ends, given m >= 1 code points of
 * which the last may not be the end of the text (more): 0 when it might
 * go on past m.  UAX #29 decides a boundary from what comes before it and
 * the one code point after, so the breaks inside the window are exact. */
static size_t first_break(const uint32_t *cp, size_t m, bool more)
{
	/* The pairwise rules give the full ones' answer except after a ZWJ
	 * (pictograph ZWJ pictograph) and between two regional indicators
	 * (flags pair them): a quick answer for all the rest. */
	if (m >= 2 && cp[0] != 0x200D &&
	    !(is_ri(cp[0]) && is_ri(cp[1])) && uc_is_grapheme_break(cp[0], cp[1]))
		return 1;
	char small[16];
	char *brk = m <= sizeof small ? small : xmalloc(m);
	u32_grapheme_breaks(cp, m, brk);
	size_t k = 0;
	for (size_t i = 1; i < m && !k; i++)
		if (brk[i])
			k = i;
	if (brk != small)
		free(brk);
	if (!k && !more)
		k = m;
	return k;
}

/* Decodes code points of s from *at into cp (up to cap) and offs (their
 * byte offsets, offs[k] after the last); stops at an invalid byte.
 * Returns how many; *more when it stopped for room, not for the end. */
static size_t decode_u8(const unsigned char *s, size_t n, uint32_t *cp, size_t *offs,
                        size_t cap, bool *more)
{
	size_t k = 0, i = 0;
	while (k < cap && i < n) {
		size_t len = utf8_seqlen(s + i, n - i);
		if (!len)
			break;
		offs[k] = i;
		cp[k++] = (uint32_t)utf8_decode(s + i, len);
		i += len;
	}
	offs[k] = i;
	*more = k == cap && i < n;
	return k;
}

size_t tw_cluster_u8(const char *s, size_t n, enum tw_rule rule, int *cols)
{
	const unsigned char *u = (const unsigned char *)s;
	int dummy;
	if (!cols)
		cols = &dummy;
	*cols = 0;
	if (!n)
		return 0;
	/* ASCII before ASCII: always a boundary, except CR LF. */
	if (u[0] < 0x80 && (n == 1 || (u[1] < 0x80 && !(u[0] == '\r' && u[1] == '\n')))) {
		uint32_t c = u[0];
		*cols = cluster_cols(&c, 1, rule);
		return 1;
	}
	/* A kana, kanji or full-width form (3 bytes) before the end, ASCII or
	 * another such: one character, decoded here (a notice of 1 MB is a
	 * million of them, issue 14).  The ranges of simple() are all
	 * valid UTF-8 above U+0800 and outside the surrogates. */
	if ((u[0] & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		uint32_t c = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
		             (u[2] & 0x3F);
		/* c >= U+0800: E0 80 A0 is an overlong space, not UTF-8. */
		if (c >= 0x800 && simple(c) && (n == 3 || u[3] < 0x80 ||
		                  ((u[3] & 0xF0) == 0xE0 && n >= 6 && (u[4] & 0xC0) == 0x80 &&
		                   (u[5] & 0xC0) == 0x80 &&
		                   simple(((uint32_t)(u[3] & 0x0F) << 12) |
		                          ((uint32_t)(u[4] & 0x3F) << 6) | (u[5] & 0x3F))))) {
			/* Before ASCII: a printable one is simple, a control
			 * always breaks (UAX #29 GB4, GB5). */
			*cols = cluster_cols(&c, 1, rule);
			return 3;
		}
	}
	size_t k0 = utf8_seqlen(u, n);
	if (!k0) {
		*cols = 1;
		return 1;
	}
	uint32_t c0 = (uint32_t)utf8_decode(u, k0);
	size_t k1 = k0 < n ? utf8_seqlen(u + k0, n - k0) : 0;
	if (k0 == n || !k1 || (simple(c0) && simple((uint32_t)utf8_decode(u + k0, k1)))) {
		*cols = cluster_cols(&c0, 1, rule);
		return k0;
	}
	uint32_t cp_small[16];
	size_t off_small[17];
	uint32_t *cp = cp_small;
	size_t *offs = off_small, cap = 4;
	for (;;) {
		bool more;
		size_t m = decode_u8(u, n, cp, offs, cap, &more);
		size_t k = first_break(cp, m, more);
		if (k) {
			*cols = cluster_cols(cp, k, rule);
			size_t len = offs[k];
			if (cp != cp_small) {
				free(cp);
				free(offs);
			}
			return len;
		}
		/* A long cluster (a base with many marks): a bigger window. */
		cap *= 4;
		if (cap <= sizeof cp_small / sizeof cp_small[0]) {
			continue;
		} else if (cp == cp_small) {
			cp = xmalloc(cap * sizeof *cp);
			offs = xmalloc((cap + 1) * sizeof *offs);
		} else {
			cp = xrealloc(cp, cap * sizeof *cp);
			offs = xrealloc(offs, (cap + 1) * sizeof *offs);
		}
	}
}

size_t tw_cluster_wcs(const wchar_t *s, size_t n, enum tw_rule rule, int *cols)
{
	int dummy;
	if (!cols)
		cols = &dummy;
	*cols = 0;
	if (!n)
		return 0;
	if (n == 1 || ((uint32_t)s[0] < 0x80 && (uint32_t)s[1] < 0x80 &&
	               !(s[0] == L'\r' && s[1] == L'\n')) ||
	    (simple((uint32_t)s[0]) && simple((uint32_t)s[1]))) {
		uint32_t c = (uint32_t)s[0];
		*cols = cluster_cols(&c, 1, rule);
		return 1;
	}
	uint32_t small[16];
	uint32_t *cp = small;
	size_t cap = 4;
	for (;;) {
		size_t m = n < cap ? n : cap;
		for (size_t i = 0; i < m; i++)
			cp[i] = (uint32_t)s[i];
		size_t k = first_break(cp, m, m < n);
		if (k) {
			*cols = cluster_cols(cp, k, rule);
			if (cp != small)
				free(cp);
			return k;
		}
		cap *= 4;
		if (cap > sizeof small / sizeof small[0])
			cp = cp == small ? xmalloc(cap * sizeof *cp) : xrealloc(cp, cap * sizeof *cp);
	}
}

size_t tw_cell_wcs(const wchar_t *s, size_t n, struct tw_cell *c)
{
	int w = raw_width((uint32_t)s[0], TW_SCREEN);
	c->lone = w == 0;
	c->bad = w < 0;
	c->cols = w <= 0 ? 1 : w;
	size_t i = 1;
	while (i < n && raw_width((uint32_t)s[i], TW_SCREEN) == 0)
		i++;
	c->len = i;
	return i;
}

/* ---- UTF-8 lines ------------------------------------------------------- */

int tw_width(const char *s, size_t n, enum tw_rule rule)
{
	int w = 0, cw;
	size_t i = 0;
	while (i < n) {
		i += tw_cluster_u8(s + i, n - i, rule, &cw);
		w += cw;
	}
	return w;
}

size_t tw_fit(const char *s, size_t n, int cols, enum tw_rule rule, int *used)
{
	size_t i = 0;
	int w = 0, cw;
	while (i < n) {
		size_t k = tw_cluster_u8(s + i, n - i, rule, &cw);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (used)
		*used = w;
	return i;
}

/* A character of simple() at u[0] (n > 0 bytes): its length, 1 or 3,
 * with the code point in *c; else 0.  Three bytes only for the ranges of
 * simple() above U+3000 (written out: this is the inner loop of a run), so
 * a sequence that utf8.h would refuse (an overlong ASCII) is left to
 * tw_cluster_u8. */
static inline size_t plain_at(const unsigned char *u, size_t n, uint32_t *c)
{
	if (u[0] >= 0x20 && u[0] < 0x7F) {
		*c = u[0];
		return 1;
	}
	if ((u[0] & 0xF0) == 0xE0 && n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		uint32_t v = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
		             (u[2] & 0x3F);
		/* Kanji, then kana (less U+3097–309A), first. */
		if ((v >= 0x4E00 && v <= 0x9FFF) ||
		    (v >= 0x3041 && v <= 0x30FF && (v <= 0x3096 || v >= 0x309B)) ||
		    (v >= 0x3000 && v <= 0x3029) || (v >= 0xFF01 && v <= 0xFF9D) ||
		    (v >= 0x3400 && v <= 0x4DBF)) {
			*c = v;
			return 3;
		}
	}
	return 0;
}

/* cluster_cols of the one code point c of plain_at above U+3000, from
 * raw_width's table (tab, NULL on screen) once asked (a run of a million
 * kana, issue 14). */
static inline int plain_cols(uint32_t c, const signed char *tab, enum tw_rule rule)
{
	if (tab && tab[c])
		return tab[c] < 2 ? 1 : tab[c] - 2;
	return cluster_cols(&c, 1, rule);
}

size_t tw_fit_plain(const char *s, size_t n, int cols, enum tw_rule rule, int *used)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int w = 0;
	uint32_t c = 0, d = 0;
	const signed char *tab = rule == TW_SCREEN ? NULL : bmp_width[rule == TW_FILE];
	size_t k = n ? plain_at(u, n, &c) : 0;
	while (k) {
		size_t j = i + k, k2 = 0;
		/* The character (at a boundary: the start, or after another
		 * such) ends its cluster when the text ends or what
		 * follows is ASCII (a control breaks, GB4/GB5; a printable one
		 * is simple) or another simple() character; anything else (a
		 * mark, a voicing sign, ZWJ, a variation selector) might join
		 * it: tw_cluster_u8 decides. */
		if (j < n) {
			k2 = plain_at(u + j, n - j, &d);
			if (u[j] >= 0x80 && !k2)
				break;
		}
		int cw = k == 1 ? 1 : plain_cols(c, tab, rule);
		if (w + cw > cols)
			break;
		w += cw;
		i = j;
		k = k2;
		c = d;
	}
	if (used)
		*used = w;
	return i;
}

int tw_swidth(const char *s)
{
	return tw_width(s, strlen(s), TW_SCREEN);
}

size_t tw_wrap(const char *s, size_t n, int width, size_t *starts, size_t max)
{
	size_t rows = 0, i = 0;
	if (width < 2)
		width = 2;
	do {
		if (rows < max)
			starts[rows] = i;
		rows++;
		size_t k = tw_fit(s + i, n - i, width, TW_SCREEN, NULL);
		if (k == 0 && i < n) /* a cluster wider than the row: a row of its own */
			k = tw_cluster_u8(s + i, n - i, TW_SCREEN, NULL);
		i += k;
	} while (i < n);
	return rows;
}
