/* textwidth — the one place that says how many columns text takes, and
 * where its grapheme clusters begin and end.  Every width in todoke comes
 * from here: the editor, the wizard's drawing, the notice's wrapping.
 *
 * Two rules, one for each place text is read, and a third for messages:
 *
 *  TW_SCREEN  what the terminal does: wcwidth() of the C library in the
 *             current LC_CTYPE, which must be UTF-8 (main() sees to it).
 *             East Asian Ambiguous characters (× ° § ± Greek, Cyrillic)
 *             are 1 column, as terminals in a UTF-8 locale draw them.
 *  TW_DOC     documents read in Japanese fixed-width fonts (the text
 *             notice): libunistring's uc_width(c, "EUC-JP"), whatever the
 *             locale of whoever exports.  Every character from U+00A1 to
 *             U+FF60 that takes a column takes 2 (× ° § ± Greek, Cyrillic,
 *             é, ①, ※, —), except ₩ (U+20A9); half-width katakana take 1.
 *  TW_FILE    the column a message gives for a place in a line of a file
 *             (file:line:column): what a UTF-8 terminal shows, but the
 *             same in every locale, so libunistring's uc_width(c, "UTF-8")
 *             (ambiguous characters 1).
 *
 * Under both rules combining marks (U+0300…, U+3099, U+0483…), ZWJ/ZWNJ,
 * variation selectors, U+200B, U+200E, U+FEFF and Hangul medial vowels and
 * final consonants (U+1160–11FF) take 0 columns, and a character the rule
 * calls unprintable (wcwidth() < 0: controls, unassigned code points,
 * U+2028) counts 1: it is shown as U+FFFD.
 *
 * Clusters are extended grapheme clusters (UAX #29, libunistring's
 * u*_grapheme_breaks): が as か+U+3099, ｶﾞ, 👍🏽, 🇯🇵, 👨‍👩‍👧 and a Hangul
 * syllable written in jamo are one cluster each; a line break always ends
 * one.  Nothing that wraps or cuts text may split a cluster.  A cluster's
 * width is the sum of its code points' widths, except that on screen a
 * cluster that starts with a zero-width character (a mark with no base,
 * a lone U+200E) is one column: it is drawn over a space so that it can be
 * seen and the cursor can sit on it, and that in documents, which are
 * written in NFC, a cluster counts as its NFC form (e + U+0301 is é: 2).
 *
 * Cells (TW_SCREEN only): a terminal draws a cluster as one or more cells
 * (curses cchar_t): each code point of non-zero width starts one, the
 * zero-width ones after it belong to it.  か+U+3099 is one cell, ｶﾞ two,
 * 👨‍👩‍👧 three (👨+ZWJ, 👩+ZWJ, 👧): so columns agree with the terminal.
 *
 * All functions are pure: no allocation that outlives a call, no state. */
#ifndef TODOKE_TEXTWIDTH_H
#define TODOKE_TEXTWIDTH_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

enum tw_rule {
	TW_SCREEN, /* the terminal: wcwidth() */
	TW_DOC,    /* documents in Japanese fonts: uc_width(c, "EUC-JP") */
	TW_FILE,   /* columns in messages about files: uc_width(c, "UTF-8") */
};

/* Columns of one code point: 0, 1 or 2 (unprintable: 1, see above). */
int tw_char(unsigned long c, enum tw_rule rule);

/* The cluster at the start of s (n code points or bytes, n > 0; s must
 * start at a cluster boundary: the start of a line or the end of the
 * cluster before): returns its length and puts its columns in *cols (may
 * be NULL).  Returns 0 only when n is 0.  UTF-8: a byte that does not
 * begin a valid sequence is a cluster of its own, 1 column (shown as
 * U+FFFD).  Work is proportional to the cluster's length. */
size_t tw_cluster_u8(const char *s, size_t n, enum tw_rule rule, int *cols);
size_t tw_cluster_wcs(const wchar_t *s, size_t n, enum tw_rule rule, int *cols);

/* One screen cell: its code points are s[0..len) of what was given. */
struct tw_cell {
	size_t len;  /* code points (>= 1) */
	int cols;    /* 1 or 2 */
	bool lone;   /* starts with a zero-width character: draw a space under it */
	bool bad;    /* the first code point is unprintable: draw U+FFFD for it */
};
/* The cell at the start of the cluster s[0..n) (n > 0, what
 * tw_cluster_wcs measured, or the rest of it after earlier cells).
 * Returns its length, as c->len. */
size_t tw_cell_wcs(const wchar_t *s, size_t n, struct tw_cell *c);

/* ---- UTF-8 text on one line, by clusters ------------------------------- */

/* Columns of s (n bytes). */
int tw_width(const char *s, size_t n, enum tw_rule rule);
/* Bytes of the longest run of whole clusters from the start of s (n
 * bytes) that fits in cols columns; *used gets its columns (may be NULL). */
size_t tw_fit(const char *s, size_t n, int cols, enum tw_rule rule, int *used);

/* tw_fit over the common case of Japanese text, in one pass: stops also
 * before the first cluster that is not one character of printable ASCII,
 * CJK punctuation (U+3000–3029), kana, kanji or full-width and half-width
 * forms (U+FF01–FF9D) standing alone (a voicing sign, a mark, ZWJ or a
 * variation selector after it would join it).  Clusters and columns are
 * tw_cluster_u8's; the caller measures the rest with it (issue 14). */
size_t tw_fit_plain(const char *s, size_t n, int cols, enum tw_rule rule, int *used);

/* Screen columns of a string (the wizard's labels and messages). */
int tw_swidth(const char *s);
/* Breaks s (n bytes, no newlines) into rows of at most width columns on
 * screen, between clusters; stores up to max row start offsets; returns
 * the number of rows (>= 1).  A cluster wider than the row gets a row of
 * its own. */
size_t tw_wrap(const char *s, size_t n, int width, size_t *starts, size_t max);

#endif
