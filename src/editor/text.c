/* editor text — logical lines with their own clusters, two Fenwick trees
 * that map global cluster and row indices to lines, and the one edit that
 * every change goes through (ed_replace), whose work is proportional to
 * the lines it touches (plus O(log lines), or O(lines) of plain integer
 * sums when it adds or removes lines). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

/* ---- clusters ---------------------------------------------------------- */

/* The end of the cluster that starts at a[i] (i < n); *width its columns.
 * Clusters and widths are the screen rule of textwidth.h; a line break is
 * a cluster of its own and ends the one before. */
size_t ed_scan_cluster(const wchar_t *a, size_t n, size_t i, int *width)
{
	if (a[i] == L'\n') {
		*width = 0; /* a line break is never drawn */
		return i + 1;
	}
	return i + tw_cluster_wcs(a + i, n - i, TW_SCREEN, width);
}

static void recluster(struct line *l)
{
	size_t k = 0, i = 0;
	while (i < l->n) {
		if (k + 1 >= l->clcap) {
			l->clcap = l->clcap ? l->clcap * 2 : 8;
			l->cl = xrealloc(l->cl, l->clcap * sizeof *l->cl);
		}
		l->cl[k].at = i;
		i = ed_scan_cluster(l->wc, l->n, i, &l->cl[k].width);
		k++;
	}
	if (k + 1 > l->clcap) {
		l->clcap = k + 1;
		l->cl = xrealloc(l->cl, l->clcap * sizeof *l->cl);
	}
	l->cl[k].at = l->n;
	l->cl[k].width = 0;
	l->ncl = k;
	l->rw = 0;
}

static struct line *line_new(const wchar_t *w, size_t n)
{
	struct line *l = xcalloc(1, sizeof *l);
	l->cap = n ? n : 1;
	l->wc = xmalloc(l->cap * sizeof *l->wc);
	if (n)
		memcpy(l->wc, w, n * sizeof *w);
	l->n = n;
	recluster(l);
	return l;
}

static void line_free(struct line *l)
{
	if (!l)
		return;
	free(l->wc);
	free(l->cl);
	free(l->rows);
	free(l);
}

/* ---- Fenwick trees ----------------------------------------------------- */

static void fw_build(size_t *t, size_t n, struct line *const *ln, bool rows)
{
	for (size_t i = 1; i <= n; i++)
		t[i] = rows ? ln[i - 1]->nrows : ln[i - 1]->ncl;
	for (size_t i = 1; i <= n; i++) {
		size_t j = i + (i & -i);
		if (j <= n)
			t[j] += t[i];
	}
}

static void fw_add(size_t *t, size_t n, size_t line, size_t plus, size_t minus)
{
	for (size_t i = line + 1; i <= n; i += i & -i)
		t[i] = t[i] + plus - minus;
}

static size_t fw_prefix(const size_t *t, size_t lines)
{
	size_t s = 0;
	for (size_t i = lines; i > 0; i -= i & -i)
		s += t[i];
	return s;
}

/* How many whole lines fit in k (the line k falls in); *rest what is left. */
static size_t fw_find(const size_t *t, size_t n, size_t k, size_t *rest)
{
	size_t pos = 0, step = 1;
	while (step * 2 <= n)
		step *= 2;
	for (; step; step /= 2)
		if (pos + step <= n && t[pos + step] <= k) {
			pos += step;
			k -= t[pos];
		}
	*rest = k;
	return pos;
}

static void trees_rebuild(struct editor *ed)
{
	if (ed->fcap < ed->nln + 1) {
		ed->fcap = (ed->nln + 1) * 2;
		ed->fcl = xrealloc(ed->fcl, ed->fcap * sizeof *ed->fcl);
		ed->frow = xrealloc(ed->frow, ed->fcap * sizeof *ed->frow);
	}
	fw_build(ed->fcl, ed->nln, ed->ln, false);
}

void ed_rows_rebuild(struct editor *ed)
{
	fw_build(ed->frow, ed->nln, ed->ln, true);
	ed->nrows = fw_prefix(ed->frow, ed->nln);
}

void ed_rows_changed(struct editor *ed, size_t l, size_t before)
{
	fw_add(ed->frow, ed->nln, l, ed->ln[l]->nrows, before);
	ed->nrows = ed->nrows + ed->ln[l]->nrows - before;
}

/* ---- positions --------------------------------------------------------- */

size_t ed_line_of(const struct editor *ed, size_t p, size_t *local)
{
	struct lookup *c = ed->look;
	if (c->ok && p >= c->first && p - c->first < ed->ln[c->line]->ncl) {
		*local = p - c->first;
		return c->line;
	}
	size_t rest, l = fw_find(ed->fcl, ed->nln, p, &rest);
	if (l >= ed->nln) { /* the end of the text */
		l = ed->nln - 1;
		rest = ed->ln[l]->ncl;
	}
	c->line = l;
	c->first = p - rest;
	c->ok = true;
	*local = rest;
	return l;
}

size_t ed_line_first(const struct editor *ed, size_t l)
{
	return fw_prefix(ed->fcl, l);
}

const struct clu *ed_clu(const struct editor *ed, size_t i, const struct line **line)
{
	size_t local, l = ed_line_of(ed, i, &local);
	*line = ed->ln[l];
	return &ed->ln[l]->cl[local];
}

/* The cluster of line ln at code point offset off; inside a cluster, its
 * end, or with back its start. */
static size_t local_of(const struct line *ln, size_t off, bool back)
{
	size_t lo = 0, hi = ln->ncl; /* last i with cl[i].at <= off */
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		if (ln->cl[mid].at <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	if (ln->cl[lo].at == off || back)
		return lo;
	return lo + 1;
}

/* ---- the edit ---------------------------------------------------------- */

struct span {
	size_t la, lb;       /* lines la..lb are replaced */
	wchar_t *buf;        /* by these code points */
	size_t n, target;    /* and the cursor offset in them */
};

static void make_span(const struct editor *ed, size_t from, size_t to, const wchar_t *w,
                      size_t k, struct span *s)
{
	size_t fa, fb;
	s->la = ed_line_of(ed, from, &fa);
	s->lb = ed_line_of(ed, to, &fb);
	const struct line *a = ed->ln[s->la], *b = ed->ln[s->lb];
	size_t aoff = a->cl[fa].at, boff = b->cl[fb].at;
	s->n = aoff + k + (b->n - boff);
	s->buf = xmalloc((s->n ? s->n : 1) * sizeof *s->buf);
	memcpy(s->buf, a->wc, aoff * sizeof *s->buf);
	if (k)
		memcpy(s->buf + aoff, w, k * sizeof *s->buf);
	memcpy(s->buf + aoff + k, b->wc + boff, (b->n - boff) * sizeof *s->buf);
	s->target = aoff + k;
}

size_t ed_count_after(const struct editor *ed, size_t from, size_t to, const wchar_t *w,
                      size_t k)
{
	struct span s;
	make_span(ed, from, to, w, k, &s);
	size_t old = 0, now = 0;
	for (size_t l = s.la; l <= s.lb; l++)
		old += ed->ln[l]->ncl;
	int wd;
	for (size_t i = 0; i < s.n; now++)
		i = ed_scan_cluster(s.buf, s.n, i, &wd);
	free(s.buf);
	return ed->ncl - old + now;
}

void ed_replace(struct editor *ed, size_t from, size_t to, const wchar_t *w, size_t k,
                bool back)
{
	struct span s;
	make_span(ed, from, to, w, k, &s);
	ed->look->ok = false;
	bool last = s.lb == ed->nln - 1;
	if (s.la < ed->jfirst)
		ed->jfirst = s.la;
	if (ed->nln - s.lb - 1 < ed->jtail)
		ed->jtail = ed->nln - s.lb - 1;
	/* The new lines: each up to and with its '\n'; what follows the last
	 * '\n' is a line only at the end of the text (else it is empty). */
	size_t m = 0;
	for (size_t i = 0; i < s.n; i++)
		m += s.buf[i] == L'\n';
	if (last)
		m++;
	size_t old = s.lb - s.la + 1, oldcl = 0, oldrows = 0;
	for (size_t l = s.la; l <= s.lb; l++) {
		oldcl += ed->ln[l]->ncl;
		oldrows += ed->ln[l]->nrows;
		line_free(ed->ln[l]);
	}
	if (ed->nln - old + m > ed->lncap) {
		ed->lncap = (ed->nln - old + m) * 2;
		ed->ln = xrealloc(ed->ln, ed->lncap * sizeof *ed->ln);
	}
	memmove(ed->ln + s.la + m, ed->ln + s.lb + 1, (ed->nln - s.lb - 1) * sizeof *ed->ln);
	ed->nln = ed->nln - old + m;
	size_t newcl = 0, start = 0, tl = s.la, tlocal = 0;
	bool found = false;
	for (size_t j = 0; j < m; j++) {
		size_t end = start;
		while (end < s.n && s.buf[end] != L'\n')
			end++;
		if (end < s.n)
			end++; /* with its newline */
		struct line *ln = line_new(s.buf + start, end - start);
		ed->ln[s.la + j] = ln;
		newcl += ln->ncl;
		if (!found && (s.target < end || j + 1 == m)) {
			found = true;
			tl = s.la + j;
			tlocal = local_of(ln, s.target - start, back);
		}
		start = end;
	}
	free(s.buf);
	ed->ncl = ed->ncl - oldcl + newcl;
	if (m != old) {
		trees_rebuild(ed);
		if (ed->lay_width > 0)
			for (size_t j = 0; j < m; j++)
				ed_line_rows(ed, s.la + j, ed->lay_width);
		if (ed->lay_width > 0)
			ed_rows_rebuild(ed);
	} else {
		fw_add(ed->fcl, ed->nln, s.la, ed->ln[s.la]->ncl, oldcl);
		if (ed->lay_width > 0) {
			ed_line_rows(ed, s.la, ed->lay_width);
			fw_add(ed->frow, ed->nln, s.la, ed->ln[s.la]->nrows, oldrows);
			ed->nrows = ed->nrows + ed->ln[s.la]->nrows - oldrows;
		}
	}
	ed->cur = ed_line_first(ed, tl) + tlocal;
}

void ed_copy(const struct editor *ed, size_t from, size_t to, wchar_t **buf, size_t *n,
             size_t *cap)
{
	if (to > ed->ncl)
		to = ed->ncl;
	if (from >= to)
		return;
	size_t fa, fb;
	size_t la = ed_line_of(ed, from, &fa), lb = ed_line_of(ed, to, &fb);
	for (size_t l = la; l <= lb; l++) {
		const struct line *ln = ed->ln[l];
		size_t a = l == la ? ln->cl[fa].at : 0, b = l == lb ? ln->cl[fb].at : ln->n;
		if (*n + (b - a) > *cap) {
			*cap = (*n + (b - a)) * 2;
			*buf = xrealloc(*buf, *cap * sizeof **buf);
		}
		memcpy(*buf + *n, ln->wc + a, (b - a) * sizeof **buf);
		*n += b - a;
	}
}

void ed_free_lines(struct editor *ed)
{
	for (size_t l = 0; l < ed->nln; l++)
		line_free(ed->ln[l]);
	ed->nln = 0;
}

void ed_load(struct editor *ed, const wchar_t *w, size_t k)
{
	if (!ed->look)
		ed->look = xcalloc(1, sizeof *ed->look);
	ed->look->ok = false;
	ed_free_lines(ed);
	if (!ed->lncap) {
		ed->lncap = 4;
		ed->ln = xmalloc(ed->lncap * sizeof *ed->ln);
	}
	ed->ln[0] = line_new(NULL, 0);
	ed->nln = 1;
	ed->ncl = 0;
	ed->jfirst = ed->jtail = 0;  /* every line is new */
	trees_rebuild(ed);
	if (ed->lay_width > 0) {
		ed_line_rows(ed, 0, ed->lay_width);
		ed_rows_rebuild(ed);
	}
	if (k)
		ed_replace(ed, 0, 0, w, k, false);
	ed->cur = ed->ncl;
}
