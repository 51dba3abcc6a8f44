/* update — doupdate() with the terminal's insert-character for a
 * character typed at the start of a row (see update.h). */
#include "update.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>


#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>

#include "todoke/fileio.h"
#include "todoke/textwidth.h"

#define MAXW 512

/* Row y of w as curses holds it, a cell per column (win_wchnstr would
 * skip the second column of a wide character); the window's cursor is
 * left where it was (curses' cursor of newscr and curscr is the
 * screen's).  Cells are compared as read, and through getcchar only when
 * their bytes differ (see same). */
static void read_row(WINDOW *w, int y, int cols, cchar_t *out)
{
	int cy, cx;
	getyx(w, cy, cx);
	for (int x = 0; x < cols; x++)
		if (mvwin_wch(w, y, x, &out[x]) == ERR)
			memset(&out[x], 0, sizeof out[x]);
	wmove(w, cy, cx);
}

/* The same character, attributes and colour: the bytes, mostly; else as
 * getcchar reads them (curses may hold one cell two ways). */
static bool same(const cchar_t *a, const cchar_t *b)
{
	if (memcmp(a, b, sizeof *a) == 0)
		return true;
	wchar_t wa[CCHARW_MAX + 1], wb[CCHARW_MAX + 1];
	attr_t aa, ab;
	short pa, pb;
	memset(wa, 0, sizeof wa);
	memset(wb, 0, sizeof wb);
	return getcchar(a, wa, &aa, &pa, NULL) != ERR && getcchar(b, wb, &ab, &pb, NULL) != ERR &&
	       aa == ab && pa == pb && wcscmp(wa, wb) == 0;
}

/* The cell's first character, when it is drawn without attributes or
 * colour; else 0. */
static wchar_t plain_char(const cchar_t *c, bool *second)
{
	wchar_t wc[CCHARW_MAX + 1];
	attr_t attr;
	short pair;
	memset(wc, 0, sizeof wc);
	if (getcchar(c, wc, &attr, &pair, NULL) == ERR || (attr & ~A_CHARTEXT) != 0 ||
	    pair != 0)
		return 0;
	*second = wc[0] && wc[1];
	return wc[0];
}

static bool blank(const cchar_t *c)
{
	bool more;
	return plain_char(c, &more) == L' ' && !more;
}

/* Columns of the new row that are the old row with k columns inserted at
 * f: everything after them the old row shifted right, what falls off the
 * end blank, the inserted cells one plain character of width k. */
static bool inserted(const cchar_t *o, const cchar_t *n, int cols, int f, int k)
{
	bool more;
	wchar_t wc = f + k <= cols ? plain_char(&n[f], &more) : 0;
	if (!wc || tw_char((unsigned long)wc, TW_SCREEN) != k)
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

/* curscr's cursor is the terminal's: the last doupdate moved it there.  A
 * window left with leaveok (a hidden cursor, page.c) has curses leave the
 * cursor where its last character went, and curscr's then says nothing. */
static bool cursor_known;

static void update(void)
{
	bool moves = !is_leaveok(newscr);
	doupdate();
	cursor_known = moves;
}

void update_screen(void)
{
	static cchar_t o[MAXW + 1], n[MAXW + 1];
	int y, cx, cols = COLS;
	getyx(newscr, y, cx);
	if (!ich) {
		char *s = tigetstr("ich");
		ich = s && s != (char *)-1 ? s : (char *)"";
	}
	if (!*ich || cols > MAXW || y < 0 || y >= LINES || cx < 1) {
		update();
		return;
	}
	read_row(curscr, y, cols, o);
	read_row(newscr, y, cols, n);
	int f = 0;
	while (f < cols && same(&o[f], &n[f]))
		f++;
	int k = cx - f;
	if (f == cols || (k != 1 && k != 2) || !inserted(o, n, cols, f, k)) {
		update();
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
	if (!cursor_known || oy != y || ox != f) {
		update();
		return;
	}
	const char *s = tiparm(ich, k);
	file_write_fd(STDOUT_FILENO, s, strlen(s));
	attr_t sa;
	short spair;
	wattr_get(curscr, &sa, &spair, NULL);
	wattr_set(curscr, A_NORMAL, 0, NULL);
	for (int i = 0; i < k; i++)
		mvwinsch(curscr, y, f, ' ');
	wattr_set(curscr, sa, spair, NULL);
	wmove(curscr, oy, ox);
	update();
}
