/* draw — text into curses windows, one cchar_t per cell (see draw.h). */
#include "draw.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/strbuf.h"
#include "todoke/textwidth.h"
#include "todoke/utf8.h"

#define ZWJ ((wchar_t)0x200D)
#define ZWNJ ((wchar_t)0x200C)

static void put_cell(WINDOW *win, const wchar_t *s, const struct tw_cell *c)
{
	wchar_t buf[CCHARW_MAX + 1];
	size_t k = 0;
	if (c->lone)
		buf[k++] = L' ';
	/* A cell that ends in a ZWJ gets a ZWNJ after it: a terminal that
	 * joins what follows a ZWJ into the cell before it (tmux 3.3 does,
	 * whatever comes next; grapheme-aware terminals join the pictographs)
	 * would otherwise put the next cell's columns away from where curses,
	 * and the editor, count them. */
	bool zwj = s[c->len - 1] == ZWJ;
	bool fits = k + c->len + zwj <= CCHARW_MAX;
	if (fits) {
		for (size_t j = 0; j < c->len; j++)
			buf[k++] = j == 0 && c->bad ? L'\xFFFD' : s[j];
		if (zwj)
			buf[k++] = ZWNJ;
	} else {
		/* More marks than curses keeps: say so rather than drop some. */
		k = 0;
		buf[k++] = L'\xFFFD';
	}
	buf[k] = L'\0';
	cchar_t cc;
	setcchar(&cc, buf, A_NORMAL, 0, NULL);
	wadd_wch(win, &cc);
	for (int pad = fits ? 0 : c->cols - 1; pad > 0; pad--)
		waddch(win, ' ');
}

int draw_cluster(WINDOW *win, const wchar_t *s, size_t n)
{
	int cols = 0;
	for (size_t i = 0; i < n;) {
		struct tw_cell c;
		tw_cell_wcs(s + i, n - i, &c);
		put_cell(win, s + i, &c);
		cols += c.cols;
		i += c.len;
	}
	return cols;
}

int draw_u8(WINDOW *win, const char *s, size_t n, int cols)
{
	const unsigned char *u = (const unsigned char *)s;
	wchar_t small[16];
	int used = 0;
	size_t i = 0;
	while (i < n) {
		/* Printable ASCII followed by ASCII (or the end) is a cluster of
		 * one cell by itself, in every locale: a run of them in one call,
		 * the same cells as one cchar_t each.  The last before a byte
		 * above 0x7F may take a combining mark: it goes the long way. */
		size_t run = 0;
		while (i + run < n && used + (int)run < cols && u[i + run] >= 0x20 &&
		       u[i + run] < 0x7F && (i + run + 1 == n || u[i + run + 1] < 0x80))
			run++;
		if (run) {
			waddnstr(win, s + i, (int)run);
			used += (int)run;
			i += run;
			continue;
		}
		int cw;
		size_t k = tw_cluster_u8(s + i, n - i, TW_SCREEN, &cw);
		if (used + cw > cols)
			break;
		wchar_t *w = k <= sizeof small / sizeof small[0] ? small : xmalloc(k * sizeof *w);
		size_t m = 0;
		for (size_t j = i; j < i + k;) {
			size_t len = utf8_seqlen(u + j, i + k - j);
			w[m++] = len ? (wchar_t)utf8_decode(u + j, len) : L'\xFFFD';
			j += len ? len : 1;
		}
		draw_cluster(win, w, m);
		if (w != small)
			free(w);
		used += cw;
		i += k;
	}
	return used;
}

int draw_str(WINDOW *win, int y, int x, const char *s)
{
	if (wmove(win, y, x) == ERR)
		return 0;  /* outside the window: drawn nowhere, not at the cursor */
	return draw_u8(win, s, strlen(s), INT_MAX);
}
