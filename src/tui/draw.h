/* draw — text into a curses window cell by cell, as textwidth.h measures
 * it (internal to tui).  A base character and its zero-width marks go into
 * one cchar_t (setcchar), so that a mark after a double-width character
 * (か+U+3099) or a ZWJ is not dropped, as waddstr() drops it; a cluster of
 * several cells (ｶﾞ, 👨‍👩‍👧) is drawn as its cells, so that the columns are
 * those the editor counts; a cell that ends in a ZWJ is followed by a ZWNJ
 * on screen, so that no terminal joins the next cell into it (tmux 3.3
 * merges whatever follows a ZWJ).  A cell with more marks than a cchar_t
 * holds (CCHARW_MAX − 1) is shown as U+FFFD, padded to its width; so is
 * an unprintable character.  Work is proportional to what is drawn. */
#ifndef TODOKE_TUI_DRAW_H
#define TODOKE_TUI_DRAW_H

#include <stddef.h>
#include <wchar.h>

#include "term.h"

/* One cluster (n code points, as tw_cluster_wcs() ends it) at the window's
 * cursor; returns its columns. */
int draw_cluster(WINDOW *win, const wchar_t *s, size_t n);
/* The clusters of UTF-8 text s (n bytes, one line) at the cursor while
 * they fit in cols columns; returns the columns drawn. */
int draw_u8(WINDOW *win, const char *s, size_t n, int cols);
/* A whole string at y,x (labels and other text of one line). */
int draw_str(WINDOW *win, int y, int x, const char *s);

#endif
