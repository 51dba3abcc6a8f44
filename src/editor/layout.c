/* editor layout — rows by display width, the cursor's place in them,
 * Up/Down with a goal column, and scrolling.  Pure arithmetic on widths. */
#include "internal.h"

#include <limits.h>

#include "todoke/strbuf.h"

static void push_row(struct editor *ed, size_t start, size_t end, int width, bool eol)
{
	if (ed->nrows == ed->rowcap) {
		ed->rowcap = ed->rowcap ? ed->rowcap * 2 : 16;
		ed->rows = xrealloc(ed->rows, ed->rowcap * sizeof *ed->rows);
	}
	ed->rows[ed->nrows++] = (struct ed_row){ start, end, width, eol };
}

/* Recomputes the rows unless the text and the width are those of last
 * time: the widget asks for them several times per key. */
static void relayout(struct editor *ed, int width)
{
	if (ed->lay_ok && ed->lay_width == width && ed->lay_version == ed->version)
		return;
	ed->nrows = 0;
	size_t i = 0;
	for (;;) {
		size_t start = i;
		int w = 0;
		while (i < ed->ncl && !ed_nl(ed, i)) {
			int cw = ed->cl[i].width;
			if (w + cw > width && i > start)
				break;
			w += cw;
			i++;
		}
		if (i < ed->ncl && !ed_nl(ed, i)) {
			push_row(ed, start, i, w, false); /* soft wrap */
			continue;
		}
		if (w >= width && i > start) {
			/* The line fills its last row: the cursor at its end needs one more. */
			push_row(ed, start, i, w, false);
			push_row(ed, i, i, 0, true);
		} else {
			push_row(ed, start, i, w, true);
		}
		if (i == ed->ncl)
			break;
		i++; /* the newline */
	}
	ed->lay_ok = true;
	ed->lay_width = width;
	ed->lay_version = ed->version;
}

static int clamp_width(int width)
{
	return width < 1 ? 1 : width;
}

const struct ed_row *ed_layout(struct editor *ed, int width, size_t *nrows)
{
	relayout(ed, clamp_width(width));
	*nrows = ed->nrows;
	return ed->rows;
}

/* The row of position p: the last one starting at or before it (a soft
 * wrap position belongs to the row it starts, the end of a line to the
 * row it ends). */
static size_t row_of(const struct editor *ed, size_t p)
{
	size_t lo = 0, hi = ed->nrows - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;
		if (ed->rows[mid].start <= p)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

void ed_cursor_rc(struct editor *ed, int width, size_t *row, int *col)
{
	relayout(ed, clamp_width(width));
	size_t r = row_of(ed, ed->cur);
	*row = r;
	*col = ed_span_width(ed, ed->rows[r].start, ed->cur);
}

/* The place in row r at or left of column goal, never past the row's last
 * cursor position (before `end` unless the row ends a line). */
static size_t place_in_row(const struct editor *ed, const struct ed_row *r, int goal)
{
	size_t p = r->start, last = r->eol ? r->end : r->end - 1;
	int col = 0;
	while (p < last && col + ed->cl[p].width <= goal)
		col += ed->cl[p++].width;
	return p;
}

/* Moves delta rows (clamped to the text); returns how many it went. */
static size_t vmove(struct editor *ed, int width, long delta)
{
	ed_act(ed, true, false);
	width = clamp_width(width);
	relayout(ed, width);
	size_t r = row_of(ed, ed->cur);
	if (ed->goal < 0)
		ed->goal = ed_span_width(ed, ed->rows[r].start, ed->cur);
	size_t t;
	if (delta < 0)
		t = (size_t)-delta > r ? 0 : r - (size_t)-delta;
	else
		t = (size_t)delta >= ed->nrows - r ? ed->nrows - 1 : r + (size_t)delta;
	if (t == r)
		return 0;
	ed->cur = place_in_row(ed, &ed->rows[t], ed->goal);
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

size_t ed_scroll(struct editor *ed, int width)
{
	width = clamp_width(width);
	size_t cur = ed->cur, b = ed->hscroll;
	if (b > ed->ncl)
		b = ed->ncl; /* the text got shorter */
	/* The cell under the cursor: the whole cluster there, or one column. */
	int cw = cur < ed->ncl && ed->cl[cur].width > 0 ? ed->cl[cur].width : 1;
	if (cur < b || ed_span_width(ed, b, cur) + cw > width) {
		/* Out of sight: show it near the middle (left of it if the cell is wide). */
		int t = width / 2;
		if (t > width - cw)
			t = width - cw;
		int w = 0;
		b = cur;
		while (b > 0 && w + ed->cl[b - 1].width <= t)
			w += ed->cl[--b].width;
	}
	/* Pull in hidden text from the left while everything from b to the end,
	 * and a cell for a cursor there, fits. */
	int tail = ed_span_width(ed, b, ed->ncl) + 1;
	while (b > 0 && tail + ed->cl[b - 1].width <= width)
		tail += ed->cl[--b].width;
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
