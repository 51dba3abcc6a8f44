/* editor layout — rows by display width, the cursor's place in them,
 * Up/Down with a goal column, and scrolling.  Each line keeps its rows at
 * the last width; an edit re-wraps only the lines it changed (text.c), a
 * new width re-wraps them all once. */
#include "internal.h"

#include <limits.h>

#include "todoke/strbuf.h"

static void push_row(struct line *ln, size_t start, size_t end, int width, bool eol)
{
	if (ln->nrows == ln->rowcap) {
		ln->rowcap = ln->rowcap ? ln->rowcap * 2 : 2;
		ln->rows = xrealloc(ln->rows, ln->rowcap * sizeof *ln->rows);
	}
	ln->rows[ln->nrows++] = (struct lrow){ start, end, width, eol };
}

void ed_line_rows(struct editor *ed, size_t l, int width)
{
	struct line *ln = ed->ln[l];
	if (ln->rw == width)
		return;
	ln->nrows = 0;
	size_t stop = ln->ncl;
	if (stop && ln->wc[ln->cl[stop - 1].at] == L'\n')
		stop--; /* the newline ends the last row */
	size_t i = 0;
	for (;;) {
		size_t start = i;
		int w = 0;
		while (i < stop) {
			int cw = ln->cl[i].width;
			if (w + cw > width && i > start)
				break;
			w += cw;
			i++;
		}
		if (i < stop) {
			push_row(ln, start, i, w, false); /* soft wrap */
			continue;
		}
		if (w >= width && i > start) {
			/* The line fills its last row: the cursor at its end needs one more. */
			push_row(ln, start, i, w, false);
			push_row(ln, i, i, 0, true);
		} else {
			push_row(ln, start, i, w, true);
		}
		break;
	}
	ln->rw = width;
}

static int clamp_width(int width)
{
	return width < 1 ? 1 : width;
}

/* Every line's rows at this width (once per width). */
static void relayout(struct editor *ed, int width)
{
	if (ed->lay_width == width)
		return;
	for (size_t l = 0; l < ed->nln; l++)
		ed_line_rows(ed, l, width);
	ed->lay_width = width;
	ed_rows_rebuild(ed);
}

/* Row r (< nrows) of the layout. */
static struct ed_row row_at(const struct editor *ed, size_t r)
{
	size_t pos = 0, step = 1, k = r;
	while (step * 2 <= ed->nln)
		step *= 2;
	for (; step; step /= 2)
		if (pos + step <= ed->nln && ed->frow[pos + step] <= k) {
			pos += step;
			k -= ed->frow[pos];
		}
	size_t first = ed_line_first(ed, pos);
	const struct lrow *lr = &ed->ln[pos]->rows[k];
	return (struct ed_row){ first + lr->start, first + lr->end, lr->width, lr->eol };
}

static size_t rows_before(const struct editor *ed, size_t l)
{
	size_t s = 0;
	for (size_t i = l; i > 0; i -= i & -i)
		s += ed->frow[i];
	return s;
}

size_t ed_nrows(struct editor *ed, int width)
{
	relayout(ed, clamp_width(width));
	return ed->nrows;
}

struct ed_row ed_row(struct editor *ed, int width, size_t r)
{
	relayout(ed, clamp_width(width));
	if (r >= ed->nrows)
		r = ed->nrows - 1;
	return row_at(ed, r);
}

const struct ed_row *ed_layout(struct editor *ed, int width, size_t *nrows)
{
	relayout(ed, clamp_width(width));
	if (ed->rowcap < ed->nrows) {
		ed->rowcap = ed->nrows;
		ed->rows = xrealloc(ed->rows, ed->rowcap * sizeof *ed->rows);
	}
	size_t k = 0;
	for (size_t l = 0; l < ed->nln; l++) {
		size_t first = ed_line_first(ed, l);
		const struct line *ln = ed->ln[l];
		for (size_t j = 0; j < ln->nrows; j++)
			ed->rows[k++] = (struct ed_row){ first + ln->rows[j].start, first + ln->rows[j].end,
			                                 ln->rows[j].width, ln->rows[j].eol };
	}
	*nrows = ed->nrows;
	return ed->rows;
}

/* The row of position p: the last one starting at or before it (a soft
 * wrap position belongs to the row it starts, the end of a line to the
 * row it ends); *rowstart gets that row's first cluster. */
static size_t row_of(const struct editor *ed, size_t p, size_t *rowstart)
{
	size_t local, l = ed_line_of(ed, p, &local);
	const struct line *ln = ed->ln[l];
	size_t lo = 0, hi = ln->nrows - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		if (ln->rows[mid].start <= local)
			lo = mid;
		else
			hi = mid - 1;
	}
	*rowstart = p - local + ln->rows[lo].start;
	return rows_before(ed, l) + lo;
}

void ed_cursor_rc(struct editor *ed, int width, size_t *row, int *col)
{
	relayout(ed, clamp_width(width));
	size_t start;
	*row = row_of(ed, ed->cur, &start);
	*col = ed_span_width(ed, start, ed->cur);
}

/* The place in row r at or left of column goal, never past the row's last
 * cursor position (before `end` unless the row ends a line). */
static size_t place_in_row(const struct editor *ed, const struct ed_row *r, int goal)
{
	size_t p = r->start, last = r->eol ? r->end : r->end - 1;
	int col = 0;
	if (p >= last)
		return p;
	size_t local, l = ed_line_of(ed, p, &local);
	const struct line *ln = ed->ln[l];
	while (p < last && col + ln->cl[local].width <= goal) {
		col += ln->cl[local++].width;
		p++;
	}
	return p;
}

/* Moves delta rows (clamped to the text); returns how many it went. */
static size_t vmove(struct editor *ed, int width, long delta)
{
	ed_act(ed, true, false);
	width = clamp_width(width);
	relayout(ed, width);
	size_t start, r = row_of(ed, ed->cur, &start);
	if (ed->goal < 0)
		ed->goal = ed_span_width(ed, start, ed->cur);
	size_t t;
	if (delta < 0)
		t = (size_t)-delta > r ? 0 : r - (size_t)-delta;
	else
		t = (size_t)delta >= ed->nrows - r ? ed->nrows - 1 : r + (size_t)delta;
	if (t == r)
		return 0;
	struct ed_row tr = row_at(ed, t);
	ed->cur = place_in_row(ed, &tr, ed->goal);
	return t > r ? t - r : r - t;
}

bool ed_up(struct editor *ed, int width)
{
	return vmove(ed, width, -1) != 0;
}

bool ed_down(struct editor *ed, int width)
{
	return vmove(ed, width, 1) != 0;
}

size_t ed_page_up(struct editor *ed, int width, size_t n)
{
	return vmove(ed, width, n > (size_t)LONG_MAX ? LONG_MIN + 1 : -(long)n);
}

size_t ed_page_down(struct editor *ed, int width, size_t n)
{
	return vmove(ed, width, n > (size_t)LONG_MAX ? LONG_MAX : (long)n);
}

static int cl_width(const struct editor *ed, size_t i)
{
	const struct line *ln;
	return ed_clu(ed, i, &ln)->width;
}

size_t ed_scroll(struct editor *ed, int width)
{
	width = clamp_width(width);
	size_t cur = ed->cur, b = ed->hscroll;
	if (b > ed->ncl)
		b = ed->ncl; /* the text got shorter */
	/* The cell under the cursor: the whole cluster there, or one column. */
	int cw = cur < ed->ncl && cl_width(ed, cur) > 0 ? cl_width(ed, cur) : 1;
	if (cur < b || ed_span_width(ed, b, cur) + cw > width) {
		/* Out of sight: show it near the middle (left of it if the cell is wide). */
		int t = width / 2;
		if (t > width - cw)
			t = width - cw;
		int w = 0;
		b = cur;
		while (b > 0 && w + cl_width(ed, b - 1) <= t)
			w += cl_width(ed, --b);
	}
	/* Pull in hidden text from the left while everything from b to the end,
	 * and a cell for a cursor there, fits. */
	int tail = ed_span_width(ed, b, ed->ncl) + 1;
	while (b > 0 && tail + cl_width(ed, b - 1) <= width)
		tail += cl_width(ed, --b);
	ed->hscroll = b;
	return b;
}

size_t ed_vscroll(struct editor *ed, int width, int height)
{
	size_t r, h = height < 1 ? 1 : (size_t)height;
	int col;
	ed_cursor_rc(ed, width, &r, &col);
	size_t top = ed->vtop;
	if (top > r)
		top = r;
	if (r >= top + h)
		top = r - h + 1;
	/* No empty rows at the bottom while rows are hidden at the top. */
	if (ed->nrows <= h)
		top = 0;
	else if (top > ed->nrows - h)
		top = ed->nrows - h;
	ed->vtop = top;
	return top;
}
