/* The editor's state, shared by text.c (lines, clusters, the one edit
 * primitive), editor.c (filtering, edits and moves) and layout.c (rows,
 * vertical moves, scrolling).  Not a public header.
 *
 * The text is kept as logical lines, each with its own code points, its
 * own cluster index and its own rows at the last layout width, so that an
 * edit re-clusters and re-wraps only the lines it touches.  Positions in
 * the public API are global cluster indices; two Fenwick trees (clusters
 * and rows per line) turn them into a line and back in O(log lines). */
#ifndef TODOKE_EDITOR_INTERNAL_H
#define TODOKE_EDITOR_INTERNAL_H

#include "todoke/editor.h"

struct clu {
	size_t at; /* offset of its first code point in the line's wc */
	int width;
};

struct lrow {
	size_t start, end; /* clusters of the line */
	int width;
	bool eol;
};

struct line {
	wchar_t *wc; /* the line's code points; all lines but the last end in '\n' */
	size_t n, cap;
	struct clu *cl; /* ncl clusters (the newline is one) and a sentinel at n */
	size_t ncl, clcap;
	int rw;         /* rows below are for this width; 0: not laid out */
	struct lrow *rows;
	size_t nrows, rowcap;
};

struct editor {
	struct line **ln; /* at least one line */
	size_t nln, lncap;
	size_t *fcl;  /* Fenwick tree (1-based) of the lines' cluster counts */
	size_t *frow; /* and of their row counts at lay_width */
	size_t fcap;
	size_t ncl;   /* clusters in all */
	size_t nrows; /* rows in all at lay_width (when lay_width > 0) */
	int lay_width; /* 0: not laid out */

	size_t cur; /* cursor, a cluster index 0..ncl */
	bool multiline;
	size_t max;
	unsigned long changes, saved;
	/* Since ed_mark_lines(): lines before jfirst and the last jtail lines
	 * are as they were (ed_replace narrows them, ed_load clears them). */
	size_t jfirst, jtail;
	unsigned long jmark;

	wchar_t *kill;
	size_t nkill, killcap;
	bool killing; /* the last action was a kill: the next one adds to it */

	int goal; /* goal column of Up/Down; -1 when not moving vertically */

	struct ed_row *rows; /* ed_layout()'s copy of every row */
	size_t rowcap;

	size_t hscroll, vtop;

	/* The line of the last lookup (drawing walks clusters in order),
	 * kept apart so that ed_line_of() can update it for a const editor;
	 * ed_replace and ed_load forget it. */
	struct lookup {
		size_t line, first;
		bool ok;
	} *look;
};

/* Every action but Up/Down ends a run of vertical moves (forgets the goal
 * column), and every action but a kill ends a run of kills. */
void ed_act(struct editor *ed, bool vertical, bool kill);

/* ---- text.c ------------------------------------------------------------ */

/* The line holding position p (0..ncl) and p's index in it. */
size_t ed_line_of(const struct editor *ed, size_t p, size_t *local);
/* The global index of line l's first cluster. */
size_t ed_line_first(const struct editor *ed, size_t l);
/* Cluster i (< ncl): its line and index there. */
const struct clu *ed_clu(const struct editor *ed, size_t i, const struct line **line);
/* Replaces the text of clusters [from, to) with w[0..k); the cursor goes
 * to the end of the new text, or with `back` to its start (an offset that
 * falls inside a cluster the edit made goes to its end, or its start). */
void ed_replace(struct editor *ed, size_t from, size_t to, const wchar_t *w, size_t k,
                bool back);
/* Clusters the text would have after that replacement. */
size_t ed_count_after(const struct editor *ed, size_t from, size_t to, const wchar_t *w,
                      size_t k);
/* Code points of clusters [from, to), appended to *buf (grown as needed). */
void ed_copy(const struct editor *ed, size_t from, size_t to, wchar_t **buf, size_t *n,
             size_t *cap);
/* All of the text as one line of code points (for ed_set_text). */
void ed_load(struct editor *ed, const wchar_t *w, size_t k);
void ed_free_lines(struct editor *ed);
size_t ed_scan_cluster(const wchar_t *a, size_t n, size_t i, int *width);

/* Rows of line l at width (laid out now if need be); layout.c. */
void ed_line_rows(struct editor *ed, size_t l, int width);
/* The Fenwick tree of rows: rebuilt / one line's count changed. */
void ed_rows_rebuild(struct editor *ed);
void ed_rows_changed(struct editor *ed, size_t l, size_t before);

static inline bool ed_nl(const struct editor *ed, size_t i)
{
	const struct line *ln;
	const struct clu *c = ed_clu(ed, i, &ln);
	return ln->wc[c->at] == L'\n';
}

#endif
