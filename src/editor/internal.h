/* The editor's state, shared by editor.c (text, edits, moves) and
 * layout.c (rows, vertical moves, scrolling).  Not a public header. */
#ifndef TODOKE_EDITOR_INTERNAL_H
#define TODOKE_EDITOR_INTERNAL_H

#include "todoke/editor.h"

struct clu {
	size_t at; /* offset of its first code point in wc */
	int width;
};

struct editor {
	wchar_t *wc; /* the text, UTF-32, no NUL */
	size_t n, cap;
	struct clu *cl; /* ncl clusters and a sentinel: cl[ncl].at == n */
	size_t ncl, clcap;
	size_t cur; /* cursor, a cluster index 0..ncl */
	bool multiline;
	size_t max;
	unsigned long changes, saved;
	unsigned long version; /* bumped by every rebuild of cl, for the layout cache */

	wchar_t *kill;
	size_t nkill, killcap;
	bool killing; /* the last action was a kill: the next one adds to it */

	int goal; /* goal column of Up/Down; -1 when not moving vertically */

	struct ed_row *rows;
	size_t nrows, rowcap;
	int lay_width;
	unsigned long lay_version;
	bool lay_ok;

	size_t hscroll, vtop;
};

/* Every action but Up/Down ends a run of vertical moves (forgets the goal
 * column), and every action but a kill ends a run of kills. */
void ed_act(struct editor *ed, bool vertical, bool kill);

static inline bool ed_nl(const struct editor *ed, size_t i)
{
	return ed->wc[ed->cl[i].at] == L'\n';
}

#endif
