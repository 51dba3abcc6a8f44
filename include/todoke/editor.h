/* editor — the line editor behind every text field: a buffer of characters,
 * a cursor, editing and movement keys, and layout by display width.  No
 * curses here: the widget in src/tui/ draws what ed_layout() describes.
 *
 * Text is held as UTF-32 (wchar_t); it enters and leaves as UTF-8.  Widths
 * and clusters are the screen rule of textwidth.h (wcwidth()), so LC_CTYPE
 * must be a UTF-8 locale (main() sets it).
 *
 * Clusters.  The cursor moves over *clusters*, never over single code
 * points: a cluster is an extended grapheme cluster of UAX #29
 * (textwidth.h): a base character with its combining marks (か+U+3099,
 * e+U+0301), variation selectors and half-width (han)dakuten (ｶﾞ), an emoji
 * with its skin tone, a flag's two halves, an emoji ZWJ sequence (👨‍👩‍👧), a
 * Hangul syllable in jamo.  A cluster's width is the sum of its cells'
 * widths (textwidth.h), which is how ncurses draws it: a joined emoji
 * family is as wide as its members side by side, ｶﾞ is two columns.
 * Clusters are indexed 0..ed_len()-1; a position (cursor, row start…) is
 * an index 0..ed_len(), the gap before that cluster.
 *
 * Widths.  A character wcwidth() calls unprintable (< 0) counts 1 column
 * and should be drawn as U+FFFD.  A cluster that starts with a zero-width
 * character (a mark at the start of the text or of a line, a lone U+200E)
 * is 1 column wider: draw it over a space.  A newline is a cluster of
 * width 0 that ends a row and is never drawn.  tw_cell_wcs() splits a
 * cluster into the cells to draw.
 *
 * Input (ed_insert, ed_insert_n, ed_insert_char, ed_set_text) goes through
 * one filter:
 *  - invalid UTF-8 is not rejected: each byte that does not begin a valid
 *    sequence becomes U+FFFD (ED_REPLACED); so do surrogates and values
 *    above U+10FFFF given to ed_insert_char;
 *  - CR LF, lone CR, U+2028 and U+2029 are line breaks, like LF;
 *  - a tab becomes one space (no tab stops: rows wrap by plain widths);
 *  - other C0/C1 control characters, DEL and NUL are dropped (ED_DROPPED);
 *  - single-line mode: each run of line breaks becomes one space, and line
 *    breaks at the end of the inserted text are dropped (a copied cell or
 *    line usually ends in one); so Enter typed there inserts nothing.
 *
 * Words, for word moves and Ctrl-W: a word is a run of clusters of the
 * same class — ASCII and other letters and digits (full-width ones too),
 * hiragana, katakana (with ー, and half-width ｶﾀｶﾅ), kanji (with 々〆〇),
 * or other symbols such as emoji.  Spaces (U+3000 too), newlines and
 * punctuation (ASCII, 、。「」・…, full-width ！（）) separate words.  So
 * 「東京都の会社です。」 has the words 東京都 / の / 会社 / です.
 *
 * Kills (Ctrl-K, Ctrl-U, Ctrl-W) save the text for ed_yank (Ctrl-Y);
 * kills in a row gather into one piece, as in Emacs and readline.
 *
 * Rows.  ed_layout(width) breaks the text into display rows: hard newlines
 * start a row, and a row holds clusters while they fit in width columns; a
 * wide character that does not fit at the end of a row moves whole to the
 * next.  A cluster wider than width (a kanji at width 1) gets a row of its
 * own and overflows it.  The cursor must have a column < width to be seen,
 * so a logical line whose last row is full is followed by an empty row
 * where the cursor at its end is shown.  Widths below 1 count as 1.
 */
#ifndef TODOKE_EDITOR_H
#define TODOKE_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct editor;

/* What ed_insert… did to its input besides inserting it (bits; 0: all of
 * it went in as given, after the newline and tab rules above). */
enum {
	ED_REPLACED = 1,  /* invalid UTF-8 or code point became U+FFFD */
	ED_DROPPED = 2,   /* control characters were dropped */
	ED_TRUNCATED = 4, /* the maximum length cut the end off */
};

/* Single-line mode keeps no newlines (see above); multi-line keeps them. */
struct editor *ed_new(bool multiline);
void ed_free(struct editor **ed); /* sets *ed to NULL; NULL is fine */
bool ed_multiline(const struct editor *ed);

/* Replaces all the text (UTF-8, NULL means "") and puts the cursor at its
 * end.  Counts as a change only when the text differs: after loading a
 * saved answer, call ed_mark_saved().  Returns ED_… bits. */
unsigned ed_set_text(struct editor *ed, const char *utf8);
/* The text as UTF-8, malloc'd; the caller frees it. */
char *ed_text(const struct editor *ed);
/* Clusters [from, to) as UTF-8, malloc'd (indices are clamped). */
char *ed_text_range(const struct editor *ed, size_t from, size_t to);

/* Maximum length in clusters (0, the default: none).  Insertions stop at
 * it (ED_TRUNCATED); text already longer is left alone. */
void ed_set_max(struct editor *ed, size_t max_clusters);

/* Change counter, for autosave: it grows by one on every edit that
 * changes the text.  ed_modified() is true when it moved since the last
 * ed_mark_saved() (or since ed_new). */
unsigned long ed_changes(const struct editor *ed);
bool ed_modified(const struct editor *ed);
void ed_mark_saved(struct editor *ed);

/* Logical lines, for a journal that records what a burst of typing
 * changed, not the whole text again: line i is the text up to and with
 * its i-th '\n', the last line what follows the last '\n' (maybe "").
 * ed_changed_lines() says which lines changed since ed_mark_lines(): the
 * first *first lines and the last *tail lines are as they were then, so
 * the text then was those lines with others between, and the text now is
 * them with ed_lines_text(first, ed_nlines() - tail) between.  It is
 * false (and *first, *tail mean nothing) when no edit happened since.
 * ed_set_text() counts every line as changed.  O(log lines) each, and
 * ed_lines_text() O(the lines it copies). */
size_t ed_nlines(const struct editor *ed);
bool ed_changed_lines(const struct editor *ed, size_t *first, size_t *tail);
void ed_mark_lines(struct editor *ed);
char *ed_lines_text(const struct editor *ed, size_t from, size_t to);

/* ---- clusters ---------------------------------------------------------- */

size_t ed_len(const struct editor *ed);   /* clusters */
size_t ed_cursor(const struct editor *ed); /* 0..ed_len() */
/* Cluster i: its *n code points at the returned pointer (valid until the
 * next edit) and its columns in *width (0 for a newline).  NULL, *n 0 and
 * *width 0 when i >= ed_len(). */
const wchar_t *ed_cluster(const struct editor *ed, size_t i, size_t *n, int *width);
bool ed_is_newline(const struct editor *ed, size_t i);
/* Columns of clusters [from, to) (indices are clamped). */
int ed_span_width(const struct editor *ed, size_t from, size_t to);
/* The end of the longest run of clusters from `from` that fits in width
 * columns on one row (it stops at a newline); *used gets its columns
 * (may be NULL).  A single-line field draws clusters [ed_scroll(), this). */
size_t ed_fit(const struct editor *ed, size_t from, int width, int *used);

/* ---- editing: true when the text changed ------------------------------- */

/* Inserts UTF-8 text at the cursor, which ends after it: a typed key, a
 * paste or an IME commit of any length in one call.  Returns ED_… bits. */
unsigned ed_insert(struct editor *ed, const char *utf8);
unsigned ed_insert_n(struct editor *ed, const char *utf8, size_t n);
/* One character; a combining mark joins the cluster before the cursor. */
unsigned ed_insert_char(struct editor *ed, wchar_t wc);
bool ed_backspace(struct editor *ed);  /* the cluster before the cursor */
bool ed_delete(struct editor *ed);     /* the cluster under the cursor */
/* Ctrl-K: to the end of the logical line; at its end, the newline (joins
 * the next line).  Ctrl-U: to the start of the line; at its start, the
 * newline before it.  Ctrl-W: back to the start of the word (see above). */
bool ed_kill_to_end(struct editor *ed);
bool ed_kill_to_start(struct editor *ed);
bool ed_kill_word(struct editor *ed);
/* Ctrl-Y: inserts the last killed text (up to the maximum length). */
bool ed_yank(struct editor *ed);

/* ---- moves: true when the cursor moved --------------------------------- */

bool ed_set_cursor(struct editor *ed, size_t pos); /* clamped to ed_len() */
bool ed_left(struct editor *ed);
bool ed_right(struct editor *ed);
bool ed_home(struct editor *ed);   /* start of the logical line (Ctrl-A) */
bool ed_end(struct editor *ed);    /* end of the logical line (Ctrl-E) */
bool ed_word_left(struct editor *ed);  /* to the start of this or the last word */
bool ed_word_right(struct editor *ed); /* to the end of this or the next word */
bool ed_top(struct editor *ed);    /* start of the text */
bool ed_bottom(struct editor *ed); /* end of the text */

/* ---- layout ------------------------------------------------------------ */

struct ed_row {
	size_t start, end; /* the clusters [start, end) drawn on this row */
	int width;         /* their columns (> the layout width only for a
	                    * lone cluster wider than it) */
	bool eol;          /* ends a logical line: at `end` is a newline or the
	                    * end of the text, and the cursor may sit there */
};

/* The rows of the text at this width (at least one), and row r of them
 * (r is clamped): these two cost O(log lines), what a widget drawing a
 * few rows of a long text needs.  The editor keeps each logical line's
 * rows: an edit re-wraps only the lines it changed, another width all of
 * them once. */
size_t ed_nrows(struct editor *ed, int width);
struct ed_row ed_row(struct editor *ed, int width, size_t r);
/* All the rows at once, O(rows) (tests, small texts).  The array belongs
 * to the editor and lasts until the next edit or the next call of any
 * layout function (below) with another width. */
const struct ed_row *ed_layout(struct editor *ed, int width, size_t *nrows);
/* The cursor's row and column in that layout; its column is always where
 * a cluster starts, never inside a wide character. */
void ed_cursor_rc(struct editor *ed, int width, size_t *row, int *col);

/* Up and Down move one display row, to the column the cursor had when the
 * vertical moves began (the goal column) or, if that falls inside a wide
 * character or past the row's end, to the nearest place left of it.  They
 * return false, not moving, on the first (last) row: the widget may then
 * move to another field.  Page moves go n rows, fewer near the ends, and
 * return how many they went. */
bool ed_up(struct editor *ed, int width);
bool ed_down(struct editor *ed, int width);
size_t ed_page_up(struct editor *ed, int width, size_t n);
size_t ed_page_down(struct editor *ed, int width, size_t n);

/* Single-line fields: the first cluster to draw in a field of this width so
 * that the cursor and the whole cluster under it are visible (unless it is
 * wider than the field).  It moves only when the cursor would leave the
 * field, then puts the cursor near the middle, and never leaves room unused
 * at the right while text is hidden at the left.  Draw [it, ed_fit()). */
size_t ed_scroll(struct editor *ed, int width);
/* Multi-line fields: the first row to draw in a width x height box, kept
 * so that the cursor's row is visible. */
size_t ed_vscroll(struct editor *ed, int width, int height);

#endif
