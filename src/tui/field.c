/* field — draws the line editor in a window and feeds it keys.  Typing
 * that arrives as a burst (a paste, an IME commit) goes in whole before
 * the next redraw. */
#include "field.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"
#include "input.h"
#include "todoke/editor.h"
#include "todoke/strbuf.h"

#define CTRL(c) ((c) & 0x1f)

/* What one row of a multi-line field's box shows: its clusters' code
 * points, each cluster ended by a 0 (a cluster never holds a NUL). */
struct shown_row {
	wchar_t *wc;
	size_t n, cap;
	size_t start, end;   /* the clusters it shows */
};

struct field {
	struct editor *ed;
	unsigned long serial;
	int width, height;   /* as last drawn: Up/Down and paging need them */
	/* The box as last drawn, and what each of its rows shows: so that
	 * field_redraw writes only the rows an edit changed. */
	WINDOW *win;
	int y, x;
	struct shown_row *shown;   /* height rows, when win is set */
	struct shown_row scratch;
	/* Clusters before this one are as last drawn (SIZE_MAX: no edit
	 * since): every edit is at or after the cursor it starts or ends at,
	 * and may change the cluster before (a mark typed joins it). */
	size_t edit_from;
};

struct field *field_new(bool multiline, const char *text)
{
	static unsigned long serials;
	struct field *f = xcalloc(1, sizeof *f);
	f->serial = ++serials;
	f->ed = ed_new(multiline);
	ed_set_text(f->ed, text);
	ed_mark_saved(f->ed);
	ed_mark_lines(f->ed);  /* nothing typed yet: nothing for the journal */
	f->width = 40;
	f->height = 1;
	f->edit_from = 0;
	return f;
}

void field_free(struct field **pf)
{
	if (!pf || !*pf)
		return;
	struct field *f = *pf;
	for (int r = 0; f->shown && r < f->height; r++)
		free(f->shown[r].wc);
	free(f->shown);
	free(f->scratch.wc);
	ed_free(&f->ed);
	free(*pf);
	*pf = NULL;
}

char *field_text(const struct field *f)
{
	return ed_text(f->ed);
}

void field_set_text(struct field *f, const char *text)
{
	ed_set_text(f->ed, text);
	f->edit_from = 0;
}

bool field_multiline(const struct field *f)
{
	return ed_multiline(f->ed);
}

bool field_changed(const struct field *f)
{
	return ed_modified(f->ed);
}

void field_mark_saved(struct field *f)
{
	ed_mark_saved(f->ed);
}

bool field_changed_lines(const struct field *f, size_t *first, size_t *tail)
{
	return ed_changed_lines(f->ed, first, tail);
}

char *field_lines_text(const struct field *f, size_t first, size_t tail)
{
	return ed_lines_text(f->ed, first, ed_nlines(f->ed) - tail);
}

void field_mark_lines(struct field *f)
{
	ed_mark_lines(f->ed);
}

unsigned long field_serial(const struct field *f)
{
	return f->serial;
}

int field_rows(const struct field *f, int width)
{
	size_t n = ed_nrows(f->ed, width);
	return n > INT_MAX ? INT_MAX : (int)n;
}

bool field_cursor_on_first_row(const struct field *f)
{
	size_t row;
	int col;
	ed_cursor_rc(f->ed, f->width, &row, &col);
	return row == 0;
}

bool field_cursor_on_last_row(const struct field *f)
{
	size_t row, n = ed_nrows(f->ed, f->width);
	int col;
	ed_cursor_rc(f->ed, f->width, &row, &col);
	return row + 1 >= n;
}

static bool typable(wint_t ch, bool multi)
{
	return ch >= 0x20 ? ch != 0x7f : (multi && (ch == '\r' || ch == '\n'));
}

/* Takes in what else is already waiting, then inserts it all at once:
 * one edit and one redraw for a whole burst. */
static void insert_burst(struct field *f, wint_t first)
{
	struct strbuf sb;
	sb_init(&sb);
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	/* wchar_t to UTF-8 by the locale (UTF-8: checked at start). */
	size_t k = wcrtomb(mb, (wchar_t)first, &st);
	if (k != (size_t)-1)
		sb_addn(&sb, mb, k);
	input_burst(ed_multiline(f->ed), &sb);
	ed_insert_n(f->ed, sb.buf, sb.len);
	sb_release(&sb);
}

static int key_code(const char *name)
{
	int k = key_defined(name);
	return k > 0 ? k : -1;
}

static bool key(struct field *f, int rc, wint_t ch)
{
	struct editor *ed = f->ed;
	bool multi = ed_multiline(ed);
	if (rc == OK) {
		if (typable(ch, multi)) {
			insert_burst(f, ch);
			return true;
		}
		switch (ch) {
		case 0x7f:
		case CTRL('h'): ed_backspace(ed); return true;
		case CTRL('d'): ed_delete(ed); return true;
		case CTRL('a'): ed_home(ed); return true;
		case CTRL('e'): ed_end(ed); return true;
		case CTRL('b'): ed_left(ed); return true;
		case CTRL('f'): ed_right(ed); return true;
		case CTRL('k'): ed_kill_to_end(ed); return true;
		case CTRL('u'): ed_kill_to_start(ed); return true;
		case CTRL('w'): ed_kill_word(ed); return true;
		case CTRL('y'): ed_yank(ed); return true;
		}
		return false;
	}
	if (rc != KEY_CODE_YES)
		return false;
	int k = (int)ch;
	if (k == INPUT_PASTE) {
		size_t n;
		const char *text = input_paste(&n);
		ed_insert_n(ed, text, n);
		return true;
	}
	if (k == KEY_LEFT)
		ed_left(ed);
	else if (k == KEY_RIGHT)
		ed_right(ed);
	else if (k == KEY_HOME)
		ed_home(ed);
	else if (k == KEY_END)
		ed_end(ed);
	else if (k == KEY_BACKSPACE)
		ed_backspace(ed);
	else if (k == KEY_DC)
		ed_delete(ed);
	else if (k == key_code("kLFT5") || k == key_code("kLFT3"))
		ed_word_left(ed);
	else if (k == key_code("kRIT5") || k == key_code("kRIT3"))
		ed_word_right(ed);
	else if (multi && k == KEY_UP)
		return ed_up(ed, f->width);
	else if (multi && k == KEY_DOWN)
		return ed_down(ed, f->width);
	else if (multi && k == KEY_PPAGE)
		return ed_page_up(ed, f->width, (size_t)(f->height > 1 ? f->height - 1 : 1)) > 0;
	else if (multi && k == KEY_NPAGE)
		return ed_page_down(ed, f->width, (size_t)(f->height > 1 ? f->height - 1 : 1)) > 0;
	else
		return false;
	return true;
}

bool field_key(struct field *f, int rc, wint_t ch)
{
	size_t before = ed_cursor(f->ed);
	unsigned long changes = ed_changes(f->ed);
	bool mine = key(f, rc, ch);
	if (ed_changes(f->ed) != changes) {
		size_t after = ed_cursor(f->ed), at = before < after ? before : after;
		at = at ? at - 1 : 0;
		if (at < f->edit_from)
			f->edit_from = at;
	}
	return mine;
}

/* Clusters [from, to) on one row at y,x; returns the columns drawn. */
static int draw_span(struct field *f, WINDOW *win, int y, int x, size_t from, size_t to)
{
	int col = 0;
	wmove(win, y, x);
	for (size_t i = from; i < to; i++) {
		size_t n;
		int w;
		const wchar_t *wc = ed_cluster(f->ed, i, &n, &w);
		if (!wc || ed_is_newline(f->ed, i))
			continue;
		draw_cluster(win, wc, n);
		col += w;
	}
	return col;
}

static void row_add(struct shown_row *sr, const wchar_t *wc, size_t n)
{
	if (sr->n + n + 1 > sr->cap) {
		sr->cap = (sr->n + n + 1) * 2;
		sr->wc = xrealloc(sr->wc, sr->cap * sizeof *sr->wc);
	}
	memcpy(sr->wc + sr->n, wc, n * sizeof *wc);
	sr->n += n;
	sr->wc[sr->n++] = 0;
}

/* What clusters [from, to) show on a row, into sr. */
static void row_content(struct field *f, size_t from, size_t to, struct shown_row *sr)
{
	sr->n = 0;
	for (size_t i = from; i < to; i++) {
		size_t n;
		int w;
		const wchar_t *wc = ed_cluster(f->ed, i, &n, &w);
		if (wc && !ed_is_newline(f->ed, i))
			row_add(sr, wc, n);
	}
}

/* How many clusters two rows' contents begin with alike. */
static size_t same_clusters(const struct shown_row *a, const struct shown_row *b)
{
	size_t k = 0, n = 0;
	for (size_t i = 0; i < a->n && i < b->n && a->wc[i] == b->wc[i]; i++)
		if (a->wc[i] == 0)
			n = ++k;
	return n;
}

static bool row_same(const struct shown_row *a, const struct shown_row *b)
{
	/* memcmp, not wmemcmp: glibc's AVX2 wmemcmp reads past the end of
	 * short arrays (safely, within the page), which valgrind, having no
	 * replacement for it, reports as invalid reads. */
	return a->n == b->n && (a->n == 0 || memcmp(a->wc, b->wc, a->n * sizeof *a->wc) == 0);
}

/* Forgets what the box showed (another box, or a multi-line one drawn
 * from scratch keeps the rows it draws). */
static void shown_reset(struct field *f, WINDOW *win, int y, int x, int width, int height)
{
	for (int r = 0; f->shown && r < f->height; r++)
		free(f->shown[r].wc);
	free(f->shown);
	f->shown = xcalloc((size_t)height, sizeof *f->shown);
	f->win = win;
	f->y = y;
	f->x = x;
	f->width = width;
	f->height = height;
}

/* Draws the rows of a multi-line field; with only_changed, just those
 * whose content differs from what the box shows, each cleared to the
 * box's right edge first.  Returns the cursor's place in *cy, *cx. */
static void draw_rows(struct field *f, WINDOW *win, int y, int x, int width, int height,
                      bool only_changed, int *cy, int *cx, struct field_damage *dmg)
{
	size_t row;
	int col;
	size_t nrows = ed_nrows(f->ed, width);
	size_t top = ed_vscroll(f->ed, width, height);
	for (int r = 0; r < height; r++) {
		struct shown_row *sr = &f->scratch;
		struct ed_row er = { 0, 0, 0, false };
		if (top + (size_t)r < nrows)
			er = ed_row(f->ed, width, top + (size_t)r);
		/* The same clusters, none edited since: the same row. */
		if (only_changed && er.start == f->shown[r].start && er.end == f->shown[r].end &&
		    er.end <= f->edit_from)
			continue;
		row_content(f, er.start, er.end, sr);
		sr->start = er.start;
		sr->end = er.end;
		if (only_changed && row_same(sr, &f->shown[r]))
			continue;
		if (!only_changed && x >= 2)
			mvwaddch(win, y + r, x - 1, ' ' | term_attr(C_FOCUS));
		/* A row drawn again is drawn from its first cluster that
		 * differs (typing at its end: that character), blanked from
		 * there first: a character written over the left half of a
		 * wide one left there would be blanked by curses when the right
		 * half is written next. */
		size_t same = only_changed ? same_clusters(sr, &f->shown[r]) : 0;
		int at = same ? ed_span_width(f->ed, er.start, er.start + same) : 0;
		if (only_changed && wmove(win, y + r, x + at) == OK)
			whline(win, ' ', width - at);
		draw_span(f, win, y + r, x + at, er.start + same, er.end);
		if (dmg->first > dmg->last)
			dmg->first = r;
		dmg->last = r;
		/* Keep it: swap the buffers. */
		struct shown_row t = f->shown[r];
		f->shown[r] = *sr;
		f->scratch = t;
	}
	ed_cursor_rc(f->ed, width, &row, &col);
	*cy = y + (int)(row - top);
	*cx = x + col;
	dmg->tail = col < ed_row(f->ed, width, row).width;
}

static void draw_box(struct field *f, WINDOW *win, int y, int x, int width, int height,
                     bool focus, bool only_changed, struct field_damage *dmg)
{
	*dmg = (struct field_damage){ 0, -1, false };
	/* The text is drawn plain, so that a character typed at the end of
	 * the text costs the terminal just its bytes (no attribute switched
	 * on and off around it).  A single-line field's extent is marked by
	 * its underlined empty rest; a multi-line field's by a bar left of its
	 * rows, with nothing right of the text: so that curses can insert a
	 * character typed at the start of a line with the terminal's ICH
	 * rather than drawing the row again. */
	attr_t attr = term_attr(C_FIELD);
	int cy = y, cx = x;
	wattrset(win, A_NORMAL);
	if (!ed_multiline(f->ed)) {
		size_t start = ed_scroll(f->ed, width);
		int used;
		size_t end = ed_fit(f->ed, start, width, &used);
		if (only_changed && wmove(win, y, x) == OK)
			whline(win, ' ', width);  /* as draw_rows, for wide characters */
		int drawn = draw_span(f, win, y, x, start, end);
		if (drawn < width)
			whline(win, ' ' | attr, width - drawn);
		cx = x + ed_span_width(f->ed, start, ed_cursor(f->ed));
		*dmg = (struct field_damage){ 0, 0, ed_cursor(f->ed) < end };
	} else {
		draw_rows(f, win, y, x, width, height, only_changed, &cy, &cx, dmg);
	}
	wattrset(win, A_NORMAL);
	if (focus)
		wmove(win, cy, cx);
}

void field_draw(struct field *f, WINDOW *win, int y, int x, int width, int height,
                bool focus)
{
	if (width < 1)
		width = 1;
	if (height < 1)
		height = 1;
	shown_reset(f, win, y, x, width, height);
	struct field_damage dmg;
	draw_box(f, win, y, x, width, height, focus, false, &dmg);
	f->edit_from = SIZE_MAX;
}

bool field_redraw(struct field *f, WINDOW *win, int y, int x, int width, int height,
                  struct field_damage *dmg)
{
	struct field_damage none;
	if (!dmg)
		dmg = &none;
	if (width < 1)
		width = 1;
	if (height < 1)
		height = 1;
	if (!f->shown || f->win != win || f->y != y || f->x != x || f->width != width ||
	    f->height != height)
		return false;
	draw_box(f, win, y, x, width, height, true, true, dmg);
	f->edit_from = SIZE_MAX;
	return true;
}
