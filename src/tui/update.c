/* update — doupdate() with the terminal's insert-character for a
 * character typed at the start of a row (see update.h). */
#include "update.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>


#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>

#include "todoke/textwidth.h"

#define MAXW 512

struct cell {
	wchar_t wc[CCHARW_MAX + 1];
	attr_t attr;
	short pair;
};

/* Reads row y of w; the window's cursor is left where it was (curses'
 * cursor of newscr and curscr is the screen's). */
static void read_row(WINDOW *w, int y, int cols, struct cell *out)
{
	int cy, cx;
	getyx(w, cy, cx);
	for (int x = 0; x < cols; x++) {
		cchar_t cc;
		memset(&out[x], 0, sizeof out[x]);
		if (mvwin_wch(w, y, x, &cc) == OK)
			getcchar(&cc, out[x].wc, &out[x].attr, &out[x].pair, NULL);
	}
	wmove(w, cy, cx);
}

static bool same(const struct cell *a, const struct cell *b)
{
	return a->attr == b->attr && a->pair == b->pair && wcscmp(a->wc, b->wc) == 0;
}

static bool plain(const struct cell *c)
{
	return (c->attr & ~A_CHARTEXT) == 0 && c->pair == 0;
}

static bool blank(const struct cell *c)
{
	return plain(c) && c->wc[0] == L' ' && c->wc[1] == 0;
}

/* Columns of the new row that are the old row with k columns inserted at
 * f: everything after them the old row shifted right, what falls off the
 * end blank, the inserted cells one plain character of width k. */
static bool inserted(const struct cell *o, const struct cell *n, int cols, int f, int k)
{
	if (f + k > cols || tw_char((unsigned long)n[f].wc[0], TW_SCREEN) != k || !plain(&n[f]))
		return false;
	if (k == 2 && !same(&n[f], &n[f + 1]))
		return false; /* the second column of the same wide character */
	for (int x = cols - k; x < cols; x++)
		if (!blank(&o[x]))
			return false;
	bool shifted = false; /* else there is nothing to push: just write it */
	for (int x = f + k; x < cols; x++) {
		if (!same(&n[x], &o[x - k]))
			return false;
		shifted = shifted || !blank(&n[x]);
	}
	return shifted;
}

static char *ich;

static void put_all(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void update_screen(void)
{
	static struct cell o[MAXW], n[MAXW];
	int y, cx, cols = COLS;
	getyx(newscr, y, cx);
	if (!ich) {
		char *s = tigetstr("ich");
		ich = s && s != (char *)-1 ? s : (char *)"";
	}
	if (!*ich || cols > MAXW || y < 0 || y >= LINES || cx < 1) {
		doupdate();
		return;
	}
	read_row(curscr, y, cols, o);
	read_row(newscr, y, cols, n);
	int f = 0;
	while (f < cols && same(&o[f], &n[f]))
		f++;
	int k = cx - f;
	if (f == cols || (k != 1 && k != 2) || !inserted(o, n, cols, f, k)) {
		doupdate();
		return;
	}
	/* ICH with the cursor already there (curses put it there, and it
	 * knows); curses' picture of the screen gets the same k blanks, so
	 * that doupdate writes just the character into them (plain: after
	 * each doupdate the terminal has no attributes on) and no more of
	 * the row.  Written at once: curses flushed its own output at the end
	 * of the last doupdate, and putp() would go through stdio's buffer. */
	int oy, ox;
	getyx(curscr, oy, ox);
	if (oy != y || ox != f) {
		doupdate();
		return;
	}
	const char *s = tiparm(ich, k);
	put_all(s, strlen(s));
	attr_t sa;
	short spair;
	wattr_get(curscr, &sa, &spair, NULL);
	wattr_set(curscr, A_NORMAL, 0, NULL);
	for (int i = 0; i < k; i++)
		mvwinsch(curscr, y, f, ' ');
	wattr_set(curscr, sa, spair, NULL);
	wmove(curscr, oy, ox);
	doupdate();
}
