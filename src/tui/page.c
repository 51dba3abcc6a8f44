/* page — one screen of the wizard: a section of the form, its rows drawn
 * as the form prints them, with boxes, choices and text fields to answer. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "wrap.h"
#include "draw.h"
#include "field.h"
#include "update.h"
#include "todoke/check.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

#define CTRL(c) ((c) & 0x1f)

/* What can take the focus: a row, or one entry of a list (sub). */
struct target {
	int row;
	int sub;   /* ROW_REPEAT: entry index, or nentries for 「追加」 */
};

struct view {
	struct app *a;
	struct page *p;
	struct model *m;          /* the incident's answers, or one entry's */
	struct target *t;
	size_t nt;
	size_t cur;
	int top;                  /* first line shown, of the page's lines */
	int *y;                   /* page line of each row (the pad holds only
	                             the lines shown: y - top) */
	int *h;                   /* rows each row takes */
	int total;                /* the page's lines */
	/* The last full draw, kept so that a key that changed only the text
	 * being typed redraws just that field (draw_typed). */
	WINDOW *pad;              /* the lines shown (y - top), kept */
	bool typed;               /* the last key went to the field alone */
	struct {
		bool valid;           /* pad and screen hold the last full draw */
		int lines, cols, btop, top;
		size_t cur;
		unsigned long gen;    /* the answers then (app.h) */
		bool dirty, save_failed;
		char msg[sizeof ((struct app *)0)->msg];
		int fy, fx, fw, fh;   /* the field's box in the pad */
	} shown;
};

/* A customer draft of this page still a copy of its report answer
 * (incident.h: draft_*): shown, marked, until edited. */
static bool is_copy(const struct view *v, const struct row *r)
{
	return v->m == v->a->inc->answers && draft_is_copy(v->a->inc, r->q);
}

static bool is_text_row(const struct row *r)
{
	return r->kind == ROW_FIELD || r->kind == ROW_DATE || r->kind == ROW_NOTE ||
	       r->kind == ROW_PARA;
}

static void collect_targets(struct view *v)
{
	free(v->t);
	v->t = NULL;
	v->nt = 0;
	for (size_t i = 0; i < v->p->nrows; i++) {
		const struct row *r = &v->p->rows[i];
		if (!row_takes_answer(r) || !row_visible(r, v->m))
			continue;
		int subs = r->kind == ROW_REPEAT ? (int)model_entry_count(v->m, r->q->id) + 1 : 1;
		for (int s = 0; s < subs; s++) {
			v->t = xrealloc(v->t, (v->nt + 1) * sizeof *v->t);
			v->t[v->nt++] = (struct target){ (int)i, s };
		}
	}
	if (v->cur >= v->nt)
		v->cur = v->nt ? v->nt - 1 : 0;
}

/* Collects the targets again after an answer changed, keeping the focus on
 * the same target: a choice or a date may show or hide questions before
 * it (`when` in todoke-form(5)). */
static void recollect_targets(struct view *v)
{
	if (!v->nt) {
		collect_targets(v);
		return;
	}
	struct target was = v->t[v->cur];
	collect_targets(v);
	for (size_t i = 0; i < v->nt; i++)
		if (v->t[i].row == was.row && v->t[i].sub == was.sub)
			v->cur = i;
}

static const struct row *cur_row(const struct view *v)
{
	return v->nt ? &v->p->rows[v->t[v->cur].row] : NULL;
}

/* ---- the field being typed --------------------------------------------
 * Bound in struct app (field, field_row, field_model), so that autosave and
 * the signals commit it through app_commit_field. */

static bool commit(struct app *a)
{
	return app_commit_field(a);
}

static void close_field(struct app *a)
{
	field_free(&a->field);
	a->field_row = NULL;
	a->field_model = NULL;
}

static void open_field(struct view *v)
{
	const struct row *r = cur_row(v);
	if (v->a->field && v->a->field_row == r)
		return;
	close_field(v->a);
	if (!r || !is_text_row(r) || v->t[v->cur].sub != 0)
		return;
	/* A draft opens as its copy, to edit rather than retype. */
	char *text = is_copy(v, r) ? draft_source_text(v->a->inc, r->q) : wizard_value_text(r, v->m);
	v->a->field = field_new(r->kind == ROW_PARA, text);
	v->a->field_saved = time(NULL);
	v->a->field_row = r;
	v->a->field_model = v->m;
	free(text);
}

/* ---- layout ------------------------------------------------------------ */

static int text_rows(const char *s, int width)
{
	size_t starts[1];
	int rows = 0;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		rows += (int)tw_wrap(s, n, width, starts, 0);
		s += n + (nl != NULL);
	}
	return rows ? rows : 1;
}

static int para_height(const struct view *v, const struct row *r, int width, bool focus)
{
	int h;
	int mark = is_copy(v, r);
	if (focus && v->a->field) {
		h = field_rows(v->a->field, width) + 1;
		int maxh = app_body_height() - 4;
		if (h < 4)
			h = 4;
		if (h > maxh)
			h = maxh;
	} else if (mark) {
		char *t = draft_source_text(v->a->inc, r->q);
		h = text_rows(t, width);
		free(t);
		if (h > 6)
			h = 6;
	} else {
		const char *t = model_text(v->m, r->q->id);
		h = question_answered(r->q, v->m) ? text_rows(t, width) : 1;
		if (h > 6)
			h = 6;
	}
	return h + mark;
}

/* A multi-line field's label, unless the page says it already: its title,
 * or the form's heading line just above (「(4) 事案の概要:」). */
static bool show_para_label(const struct view *v, const struct row *r)
{
	if (v->p->title && strcmp(r->q->label, v->p->title) == 0)
		return false;
	size_t i = (size_t)(r - v->p->rows);
	const struct row *above = i > 0 ? &v->p->rows[i - 1] : NULL;
	return !(above && above->kind == ROW_TEXT && strstr(above->text, r->q->label));
}

/* The lines a visible row takes; width is the drawing width. */
static int row_height(const struct view *v, const struct row *r, int width,
                      const struct row *focus)
{
	int w = width - r->indent;
	if (w < 20)
		w = 20;
	switch (r->kind) {
	case ROW_TEXT:
	case ROW_HELP:
		return text_rows(r->text, w);
	case ROW_BOX:
	case ROW_RADIO:
		return text_rows(*r->text ? r->text : " ", w - 4);
	case ROW_NOTE:
	case ROW_FIELD:
	case ROW_DATE:
		return tw_swidth(r->text) + 1 + 16 <= w ? 1 : 2;
	case ROW_PARA:
		return para_height(v, r, w, r == focus) + show_para_label(v, r);
	case ROW_REPEAT:
		return 1 + (int)model_entry_count(v->m, r->q->id) + 1;
	}
	return 0;
}

/* Where each row goes and how tall it is; width is the drawing width. */
static int layout(struct view *v, int width)
{
	int y = 0;
	free(v->y);
	free(v->h);
	v->y = xcalloc(v->p->nrows, sizeof *v->y);
	v->h = xcalloc(v->p->nrows, sizeof *v->h);
	const struct row *focus = cur_row(v);
	for (size_t i = 0; i < v->p->nrows; i++) {
		const struct row *r = &v->p->rows[i];
		v->y[i] = y;
		if (!row_visible(r, v->m))
			continue;
		v->h[i] = row_height(v, r, width, focus);
		y += v->h[i];
	}
	return y;
}

/* ---- drawing ----------------------------------------------------------- */

static void put_wrapped(WINDOW *w, int y, int x, const char *s, int width, attr_t attr)
{
	size_t starts[64];
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		size_t rows = tw_wrap(s, n, width, starts, 64);
		for (size_t k = 0; k < rows && k < 64; k++) {
			size_t end = k + 1 < rows ? starts[k + 1] : n;
			wattrset(w, attr);
			if (wmove(w, y++, x) == ERR)
				continue;  /* a line outside the pad */
			draw_u8(w, s + starts[k], end - starts[k], INT_MAX);
		}
		s += n + (nl != NULL);
	}
	wattrset(w, A_NORMAL);
}

/* A text field's answer as shown when it has no focus. */
static void put_value(WINDOW *w, int y, int x, int width, const char *text, attr_t attr)
{
	if (wmove(w, y, x) == ERR)
		return;  /* outside the pad */
	wattrset(w, attr);
	int used = draw_u8(w, text, strlen(text), width);
	/* The blank rest of the field in one call (a field is mostly blank:
	 * a waddch per column was a third of drawing the page's rows).  The
	 * cells and the cursor are those of the waddch loop: after the row's
	 * last column, the next row's start, or the last column of the last
	 * row (the cursor goes on to the screen when no field has it).  A
	 * blank past the edge, which waddch would carry on to the next row,
	 * keeps the loop. */
	int cy = getcury(w), cx = getcurx(w), n = width - used;
	int maxx = getmaxx(w);
	if (n > 0 && cx + n <= maxx) {
		whline(w, ' ', n);
		if (cx + n < maxx)
			wmove(w, cy, cx + n);
		else if (cy + 1 < getmaxy(w))
			wmove(w, cy + 1, 0);
		else
			wmove(w, cy, maxx - 1);
	} else {
		for (int i = used; i < width; i++)
			waddch(w, ' ');
	}
	wattrset(w, A_NORMAL);
}

/* The field being typed, its box kept for draw_typed. */
static void draw_field(struct view *v, WINDOW *pad, int y, int x, int width, int height)
{
	field_draw(v->a->field, pad, y, x, width, height, true);
	v->shown.fy = y;
	v->shown.fx = x;
	v->shown.fw = width;
	v->shown.fh = height;
}

static void entry_summary(const struct view *v, const struct row *r, size_t i,
                          struct strbuf *sb)
{
	char *t = wizard_entry_summary(r->q, model_entry(v->m, r->q->id, i));
	sb_add(sb, *t ? t : _("(empty entry)"));
	free(t);
}

static void draw_row(struct view *v, WINDOW *pad, size_t i, int width, int *cy, int *cx)
{
	const struct row *r = &v->p->rows[i];
	const struct target *ft = v->nt ? &v->t[v->cur] : NULL;
	bool focus = ft && ft->row == (int)i;
	int x = 1 + r->indent, y = v->y[i] - v->top;  /* in the pad */
	int w = width - r->indent;
	attr_t fa = focus ? term_attr(C_FOCUS) : A_NORMAL;

	if (w < 20)
		w = 20;
	switch (r->kind) {
	case ROW_TEXT:
		put_wrapped(pad, y, x, r->text, w, term_attr(C_HEADING));
		break;
	case ROW_HELP:
		put_wrapped(pad, y, x, r->text, w, term_attr(C_HELP));
		break;
	case ROW_BOX:
	case ROW_RADIO: {
		bool on = r->kind == ROW_BOX ? model_checked(v->m, r->q->id)
		          : strcmp(model_text(v->m, r->q->id), r->q->opts[r->opt].id) == 0;
		wattrset(pad, fa);
		/* ASCII marks: ■ □ ● are drawn wide by some terminals
		 * (ambiguous width), which would shift the line. */
		mvwaddstr(pad, y, x, r->kind == ROW_BOX ? (on ? "[x]" : "[ ]")
		                                        : (on ? "(*)" : "( )"));
		wattrset(pad, A_NORMAL);
		put_wrapped(pad, y, x + 4, r->text, w - 4, focus ? term_attr(C_FOCUS) : A_NORMAL);
		if (focus) {
			*cy = y;
			*cx = x + 1;
		}
		break;
	}
	case ROW_NOTE:
	case ROW_FIELD:
	case ROW_DATE: {
		int lw = tw_swidth(r->text);
		int fy = y, fx = x + lw + 1;
		wattrset(pad, focus ? term_attr(C_HEADING) : A_NORMAL);
		draw_str(pad, y, x, r->text);
		wattrset(pad, A_NORMAL);
		if (v->h[i] == 2) {
			fy = y + 1;
			fx = x + 2;
		}
		int tw = tw_swidth(r->tail);
		int fw = 1 + width - (fx - 1) - tw;
		if (r->kind == ROW_DATE && fw > 24)
			fw = 24;
		if (tw)
			draw_str(pad, fy, fx + fw, r->tail);
		if (focus && v->a->field) {
			draw_field(v, pad, fy, fx, fw, 1);
			getyx(pad, *cy, *cx);
		} else {
			char *t = wizard_value_text(r, v->m);
			put_value(pad, fy, fx, fw, t, term_attr(C_FIELD));
			free(t);
		}
		if (r->kind == ROW_DATE && fx + fw + tw + 2 < width)
			mvwaddstr(pad, fy, fx + fw + tw + 1, _("(e.g. 2022-10-24)"));
		break;
	}
	case ROW_PARA: {
		int fy = y;
		if (show_para_label(v, r)) {
			wattrset(pad, focus ? term_attr(C_HEADING) : A_NORMAL);
			draw_str(pad, y, x, r->q->label);
			wattrset(pad, A_NORMAL);
			fy++;
		}
		bool copy = is_copy(v, r);
		if (copy) {
			/* Marked until the user makes it their own. */
			char *src = question_place(v->a->inc, r->q->draft);
			char mark[512];
			snprintf(mark, sizeof mark, _("[copied from %s: edit it for customers; "
			                              "not saved until edited]"), src);
			free(src);
			put_value(pad, fy, x, w, mark, term_attr(C_HELP));
			fy++;
		}
		int fh = v->h[i] - (fy - y);
		if (focus && v->a->field) {
			draw_field(v, pad, fy, x, w, fh);
			getyx(pad, *cy, *cx);
		} else if (copy) {
			char *t = draft_source_text(v->a->inc, r->q);
			put_wrapped(pad, fy, x, t, w, term_attr(C_DIM));
			free(t);
		} else {
			const char *t = model_text(v->m, r->q->id);
			if (question_answered(r->q, v->m)) {
				put_wrapped(pad, fy, x, t, w, A_NORMAL);
			} else {
				wattrset(pad, term_attr(C_DIM));
				mvwaddstr(pad, fy, x, _("(not answered: Tab here and type)"));
				wattrset(pad, A_NORMAL);
			}
		}
		break;
	}
	case ROW_REPEAT: {
		size_t n = model_entry_count(v->m, r->q->id);
		wattrset(pad, term_attr(C_HEADING));
		draw_str(pad, y, x, r->text);
		wattrset(pad, A_NORMAL);
		/* Only the entries in view: a timeline of 40,000 entries costs
		 * the lines shown, not one summary per entry. */
		size_t from = y + 1 < 0 ? (size_t)-(y + 1) : 0;
		int bh = app_body_height();
		for (size_t k = from; k <= n && y + 1 + (int)k < bh; k++) {
			bool f = focus && ft->sub == (int)k;
			struct strbuf sb;
			sb_init(&sb);
			if (k < n) {
				sb_addf(&sb, "%zu. ", k + 1);
				entry_summary(v, r, k, &sb);
			} else {
				sb_add(&sb, _("[+ add an entry]"));
			}
			put_value(pad, y + 1 + (int)k, x + 2, w - 2, sb.buf,
			          f ? term_attr(C_FOCUS) : A_NORMAL);
			if (f) {
				*cy = y + 1 + (int)k;
				*cx = x + 2;
			}
			sb_release(&sb);
		}
		break;
	}
	}
}

static const char *keys_for(const struct view *v)
{
	const struct row *r = cur_row(v);
	if (v->p->repeat)
		return r && r->kind == ROW_PARA
		       ? _("Enter new line  Tab next  ^X editor  Esc back to the list  F1 help  F10 quit")
		       : _("Tab next  Shift-Tab back  Esc back to the list  F1 help  F10 quit");
	if (!r)
		return _("^N/^P page  ^G pages  ^R review  F1 help  q quit");
	switch (r->kind) {
	case ROW_BOX:
		return _("Space tick  Up/Down move  ^N/^P page  ^G pages  ^R review  F1 help  q quit");
	case ROW_RADIO:
		return _("Space choose  Up/Down move  ^N/^P page  ^G pages  ^R review  F1 help  q quit");
	case ROW_PARA:
		return _("Enter new line  Tab next  ^X editor  ^N/^P page  ^R review  F1 help  F10 quit");
	case ROW_REPEAT:
		return _("Enter edit/add  Del delete  -/+ reorder  ^N/^P page  F1 help  q quit");
	default:
		return _("Tab next  Shift-Tab back  ^N/^P page  ^G pages  ^R review  F1 help  F10 quit");
	}
}

/* What the frame and the page showed at this full draw. */
static void remember_shown(struct view *v, bool field_drawn)
{
	const struct app *a = v->a;
	/* The field in view, whole: draw_typed may draw it again. */
	v->shown.valid = field_drawn && v->shown.fh > 0 && v->shown.fy >= 0 &&
	                 v->shown.fy + v->shown.fh <= app_body_height();
	v->shown.lines = LINES;
	v->shown.cols = COLS;
	v->shown.btop = app_body_top();
	v->shown.top = v->top;
	v->shown.cur = v->cur;
	v->shown.gen = a->gen;
	v->shown.dirty = a->dirty;
	v->shown.save_failed = a->save_failed;
	memcpy(v->shown.msg, a->msg, sizeof v->shown.msg);
}

/* The title, status and message lines and the keys, into stdscr; with
 * update, over the last draw, only the lines whose content changed. */
static void draw_frame(struct view *v, bool update)
{
	char counter[64] = "";
	if (!v->p->repeat) {
		snprintf(counter, sizeof counter, _("(page %zu of %zu)"), v->a->page + 1,
		         v->a->wiz->npages);
		part_counter(v->a, v->a->page, v->a->part, sizeof v->a->part);
	}
	bool msg_drawn = true;
	if (update)
		msg_drawn = app_frame_update(v->a, v->p->title, counter, keys_for(v));
	else
		app_frame_counted(v->a, v->p->title, counter, keys_for(v));
	/* A question whose terms are explained says so where messages go. */
	const struct row *fr = cur_row(v);
	if (msg_drawn && !v->a->msg[0] && fr && fr->q && fr->q->help)
		draw_text(LINES - 2, 1, _("F1: what this question means, with an example"),
		          COLS - 2, term_attr(C_HELP));
}

static void draw_page(struct view *v)
{
	int width = COLS - 2;
	int total = layout(v, width);
	v->total = total;
	int bh = app_body_height(), btop = app_body_top();

	draw_frame(v, false);

	/* Keep the focused row in view. */
	const struct target *ft = v->nt ? &v->t[v->cur] : NULL;
	if (ft) {
		int fy = v->y[ft->row], fh = v->h[ft->row];
		if (v->p->rows[ft->row].kind == ROW_REPEAT) {
			fy += 1 + ft->sub;
			fh = 1;
		}
		if (fy + fh > v->top + bh)
			v->top = fy + fh - bh;
		if (fy < v->top)
			v->top = fy;
		/* Show the headings just above the first answer, too, and on
		 * the last the lines after it (「(8) 対応の経緯」 and its note). */
		if (v->cur == 0)
			v->top = 0;
		else if (v->cur + 1 == v->nt && total - bh > v->top)
			v->top = total - bh < fy ? total - bh : fy;
	}
	if (v->top > total - bh)
		v->top = total > bh ? total - bh : 0;
	if (v->top < 0)
		v->top = 0;

	/* The pad holds the lines shown only: ncurses pads stop at 32,767
	 * lines, and a long timeline or answer is longer.  It is kept for
	 * draw_typed, made again when the screen's size changed. */
	v->shown.valid = false;
	if (v->pad && (getmaxy(v->pad) != bh + 1 || getmaxx(v->pad) != COLS)) {
		delwin(v->pad);
		v->pad = NULL;
	}
	if (!v->pad)
		v->pad = newpad(bh + 1, COLS);
	WINDOW *pad = v->pad;
	if (!pad) {
		wnoutrefresh(stdscr);
		update_screen();
		return;
	}
	werase(pad);
	bool text = v->a->field && ft && ft->sub == 0;
	bool hidden = curs_set(text ? 1 : 0) != ERR && !text;
	int cy = -1, cx = -1;
	v->shown.fh = 0;  /* set when the field is drawn */
	for (size_t i = 0; i < v->p->nrows; i++)
		if (row_visible(&v->p->rows[i], v->m) && v->y[i] + v->h[i] > v->top &&
		    v->y[i] < v->top + bh)
			draw_row(v, pad, i, width, &cy, &cx);
	/* More above or below: say so in the margin. */
	if (v->top > 0)
		mvwaddstr(pad, 0, 0, "^");
	if (v->top + bh < total)
		mvwaddstr(pad, bh - 1, 0, "v");
	/* The body is the pad's, all of it: stdscr's, erased by app_frame,
	 * is not copied first, so that curses compares the pad with what is
	 * shown and sends (and works on) only what changed. */
	wtouchln(stdscr, btop, bh, 0);
	wnoutrefresh(stdscr);
	if (cy >= 0)
		wmove(pad, cy, cx);
	/* The cursor shows only in a text being typed.  Hidden (the focus
	 * colours show a box), it is left where the last character written
	 * left it, not moved back on to the box: a tick is the mark alone, a
	 * Tab the rows without a move at the end.  A terminal that cannot
	 * hide it has it on the box, as ever. */
	leaveok(pad, hidden);
	pnoutrefresh(pad, 0, 0, btop, 0, btop + bh - 1, COLS - 1);
	update_screen();
	remember_shown(v, text);
}

/* The frame as the last draw showed it: the same answers (the status
 * lines), saving state and message. */
static bool frame_unchanged(const struct view *v)
{
	const struct app *a = v->a;
	return v->shown.gen == a->gen && v->shown.dirty == a->dirty &&
	       v->shown.save_failed == a->save_failed &&
	       memcmp(v->shown.msg, a->msg, sizeof v->shown.msg) == 0;
}

/* The page laid out now as at the last full draw: every row where it was,
 * as tall, the same shown (`when`).  An answer stored while typing (the
 * autosave) mostly changes nothing of the page but the status lines. */
static bool layout_unchanged(struct view *v)
{
	size_t n = v->p->nrows;
	int *y = v->y, *h = v->h;
	v->y = v->h = NULL;
	int total = layout(v, COLS - 2);
	bool same = total == v->total && memcmp(y, v->y, n * sizeof *y) == 0 &&
	            memcmp(h, v->h, n * sizeof *h) == 0;
	free(y);
	free(h);
	return same;
}

/* True while the page's body is the last full draw's but for the text of
 * the field: the same size, focus, layout, and the field as tall as then
 * (a multi-line field grows with its text and pushes the rows below). */
static bool only_field_changed(struct view *v)
{
	const struct app *a = v->a;
	if (!v->shown.valid || !a->field || v->shown.lines != LINES || v->shown.cols != COLS ||
	    v->shown.top != v->top || v->shown.cur != v->cur)
		return false;
	if (v->shown.gen != a->gen && !layout_unchanged(v))
		return false;
	size_t i = (size_t)v->t[v->cur].row;
	const struct row *r = &v->p->rows[i];
	return r->kind != ROW_PARA || row_height(v, r, COLS - 2, r) == v->h[i];
}

/* After a key that went to the field alone: only its changed rows are
 * drawn and sent, not the page. */
static bool draw_typed(struct view *v)
{
	struct field_damage dmg;
	if (!only_field_changed(v))
		return false;
	if (!frame_unchanged(v)) {
		/* The status lines (answered, the PPC line) or the message:
		 * drawn again around the body, which stays as it is. */
		draw_frame(v, true);
		if (app_body_top() != v->shown.btop)
			return false;  /* the PPC line came or went: all moves */
		wtouchln(stdscr, v->shown.btop, app_body_height(), 0);
		wnoutrefresh(stdscr);
		remember_shown(v, true);
	}
	if (!field_redraw(v->a->field, v->pad, v->shown.fy, v->shown.fx, v->shown.fw,
	                  v->shown.fh, &dmg))
		return false;
	/* Only the rows of the field drawn again go to curses' picture of the
	 * screen, and the cursor's (curses takes the cursor from the part of
	 * the pad it copies). */
	int btop = app_body_top(), cy, cx;
	getyx(v->pad, cy, cx);
	int from = cy, to = cy, c0 = v->shown.fx, c1 = v->shown.fx + v->shown.fw - 1;
	if (dmg.first <= dmg.last) {
		from = v->shown.fy + dmg.first < cy ? v->shown.fy + dmg.first : cy;
		to = v->shown.fy + dmg.last > cy ? v->shown.fy + dmg.last : cy;
	}
	if (cx < c0)
		c0 = cx;
	if (cx > c1)
		c1 = cx;
	if (c1 > COLS - 1)
		c1 = COLS - 1;
	pnoutrefresh(v->pad, from, c0, btop + from, c0, btop + to, c1);
	/* Text after the cursor: a character typed may be sent as inserted. */
	if (dmg.tail)
		update_screen();
	else
		doupdate();
	return true;
}

static void draw(struct view *v)
{
	bool typed = v->typed;
	v->typed = false;
	if (typed && draw_typed(v))
		return;
	draw_page(v);
}

/* ---- actions ----------------------------------------------------------- */

static void toggle(struct view *v)
{
	if (!wizard_toggle(cur_row(v), v->m))
		return;
	v->a->dirty = true;
	app_save(v->a);
	recollect_targets(v);  /* a ticked 「その他」 shows its text field */
}

/* Tab past the last question (or Shift-Tab before the first) says how to
 * turn the page instead of turning it unasked. */
static void edge_msg(struct view *v, bool back)
{
	if (v->p->repeat)
		app_msg(v->a, C_OK, "%s", back ? _("First field of this entry: Esc goes back to the list.")
		                               : _("Last field of this entry: Esc goes back to the list."));
	else
		app_msg(v->a, C_OK, "%s", back
		        ? _("First question of this page: Ctrl-P or PgUp for the previous page.")
		        : _("Last question of this page: Ctrl-N or PgDn for the next page."));
}

/* Moves the focus; leaving a text field commits it first and stays when
 * the text does not read (a bad date), so nothing typed is lost. */
static bool move_focus(struct view *v, int delta)
{
	if (!commit(v->a))
		return false;
	app_save(v->a);
	recollect_targets(v);  /* the date just typed may show a question */
	long n = (long)v->cur + delta;
	if (n < 0 || n >= (long)v->nt)
		return false;
	v->cur = (size_t)n;
	open_field(v);
	return true;
}

static enum action edit_entry(struct view *v)
{
	const struct row *r = cur_row(v);
	int sub = v->t[v->cur].sub;
	size_t n = model_entry_count(v->m, r->q->id);
	if ((size_t)sub == n) {
		model_entry_add(v->m, r->q->id);
		v->a->dirty = true;
		app_save(v->a);
	}
	enum action act = screen_entry(v->a, r->q, (size_t)sub);
	collect_targets(v);
	return act;
}

/* Reorders or deletes an entry; ACT_QUIT when a signal came while asking
 * whether to delete (the entry stays), else ACT_NONE. */
static enum action entry_op(struct view *v, wint_t ch)
{
	const struct row *r = cur_row(v);
	size_t sub = (size_t)v->t[v->cur].sub, n = model_entry_count(v->m, r->q->id);
	if (sub >= n)
		return ACT_NONE;
	if (ch == '-' && sub > 0) {
		model_entry_move(v->m, r->q->id, sub, sub - 1);
		v->cur--;
	} else if (ch == '+' && sub + 1 < n) {
		model_entry_move(v->m, r->q->id, sub, sub + 1);
		v->cur++;
	} else if (ch == KEY_DC || ch == 'x') {
		enum confirm c = dialog_confirm(v->a, _("Delete this entry?"));
		if (c != CONFIRM_YES)
			return c == CONFIRM_INTERRUPTED ? ACT_QUIT : ACT_NONE;
		model_entry_delete(v->m, r->q->id, sub);
		collect_targets(v);
	} else {
		return ACT_NONE;
	}
	v->a->dirty = true;
	app_save(v->a);
	return ACT_NONE;
}

static const char *const help_text =
	N_("Answer what you know; every answer is optional and saved at once.\n"
	   "\n"
	   "Tab, Down         next question     Shift-Tab, Up   previous question\n"
	   "Space, Enter      tick a box or choose an option\n"
	   "Ctrl-N, PgDn      next page         Ctrl-P, PgUp    previous page\n"
	   "                  (in a multi-line text PgDn/PgUp scroll it: use Ctrl-N/P)\n"
	   "Ctrl-G, F2        list of all pages Ctrl-R          review, preview, export\n"
	   "F1, ?             this help         Esc             back: closes a help, a\n"
	   "                                                    list entry, the review\n"
	   "q, F10            quit todoke, after asking (q where no text is typed)\n"
	   "\n"
	   "Tab never turns the page: after the last question it stays and says so.\n"
	   "\n"
	   "In text fields:\n"
	   "Left/Right        a character       Ctrl-Left/Right a word\n"
	   "Home/End, Ctrl-A/E  start/end of the line\n"
	   "Backspace/Delete  delete a character\n"
	   "Ctrl-K/U          delete to the end/start    Ctrl-W  delete a word\n"
	   "Ctrl-Y            paste what was deleted     Ctrl-X  open $VISUAL/$EDITOR\n"
	   "Dates: 2022-10-24, 2022/10/24 or 2022年10月24日.\n"
	   "\n"
	   "In the timeline: Enter edits or adds an entry, Delete removes it,\n"
	   "- and + move it up or down.");

/* F1: what the question in focus means (its form's `help`), then the
 * keys; each wrapped to the screen so that no word is cut. */
static void show_help(struct view *v)
{
	const struct row *r = cur_row(v);
	const struct question *q = r ? r->q : NULL;
	struct strbuf raw, sb;
	sb_init(&raw);
	sb_init(&sb);
	if (q && q->help) {
		const char *label = q->label && *q->label ? q->label : v->p->title;
		sb_addf(&raw, _("About this question: %s"), label);
		sb_addf(&raw, "\n\n%s\n\n", q->help);
	}
	sb_add(&raw, _(help_text));
	wrap_text(&sb, raw.buf, COLS - 2, 2);
	dialog_text(v->a, q && q->help ? _("Help: this question, then the keys") : _("Help"),
	            sb.buf);
	sb_release(&raw);
	sb_release(&sb);
}

static enum action run_view(struct view *v)
{
	enum action act = ACT_NONE;
	collect_targets(v);
	open_field(v);
	while (act == ACT_NONE) {
		draw(v);
		wint_t ch;
		bool quit;
		int rc = app_key(v->a, &ch, &quit);
		if (quit) {
			/* app_key has saved what reads; the session ends. */
			close_field(v->a);
			return ACT_QUIT;
		}
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
			continue;
		const struct row *r = cur_row(v);
		bool multi = r && r->kind == ROW_PARA && v->a->field;

		/* Keys that work everywhere. */
		bool was_ctrl = rc == OK && (ch == CTRL('n') || ch == CTRL('p'));
		if (rc == OK && ch == CTRL('n'))
			ch = KEY_NPAGE, rc = KEY_CODE_YES;
		if (rc == OK && ch == CTRL('p'))
			ch = KEY_PPAGE, rc = KEY_CODE_YES;
		/* Inside a multi-line text PgDn/PgUp scroll it, even when it has
		 * nothing more to show: only ^N/^P turn the page from there. */
		if (rc == KEY_CODE_YES && (ch == KEY_NPAGE || ch == KEY_PPAGE) && multi &&
		    !was_ctrl) {
			field_key(v->a->field, rc, ch);
			v->typed = true;
			continue;
		}
		if (rc == KEY_CODE_YES && (ch == KEY_NPAGE || ch == KEY_PPAGE)) {
			if (commit(v->a)) {
				app_save(v->a);
				act = ch == KEY_NPAGE ? ACT_NEXT : ACT_PREV;
			}
			continue;
		}
		if ((rc == OK && ch == CTRL('g')) || (rc == KEY_CODE_YES && ch == KEY_F(2))) {
			if (commit(v->a))
				act = v->p->repeat ? ACT_PREV : ACT_INDEX;
			continue;
		}
		/* ^O: past the rest of this document's part (part.c). */
		if (rc == OK && ch == CTRL('o') && !v->p->repeat) {
			if (commit(v->a)) {
				app_save(v->a);
				act = ACT_SKIP;
			}
			continue;
		}
		if (rc == OK && ch == CTRL('r')) {
			if (commit(v->a) && !v->p->repeat)
				act = ACT_REVIEW;
			continue;
		}
		if (rc == KEY_CODE_YES && ch == KEY_F(1)) {
			show_help(v);
			continue;
		}
		/* Esc goes back one level and never quits: from an entry to
		 * its list, from a page to the start screen it was opened from. */
		if (rc == OK && ch == 27) {
			if (commit(v->a)) {
				app_save(v->a);
				if (v->p->repeat)
					act = ACT_PREV;
				else if (v->a->from_start)
					act = ACT_START;
				else
					app_msg(v->a, C_OK, "%s",
					        _("Esc closes helps, entries and the review; q or F10 quits."));
			}
			continue;
		}
		if (rc == OK && ch == CTRL('x') && v->a->field) {
			page_external_edit(v->a);
			continue;
		}
		/* Tab moves between the questions only: past the last one it
		 * stays and says how to turn the page. */
		if ((rc == OK && ch == '\t') || (rc == KEY_CODE_YES && ch == KEY_BTAB)) {
			bool back = rc == KEY_CODE_YES;
			if (!move_focus(v, back ? -1 : 1) && commit(v->a))
				edge_msg(v, back);
			continue;
		}
		/* Up/Down leave a multi-line field only from its edge rows. */
		if (rc == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_DOWN)) {
			if (multi && !(ch == KEY_UP ? field_cursor_on_first_row(v->a->field)
			                            : field_cursor_on_last_row(v->a->field))) {
				field_key(v->a->field, rc, ch);
				v->typed = true;
				continue;
			}
			move_focus(v, ch == KEY_UP ? -1 : 1);
			continue;
		}
		if (!r)
			continue;
		if (v->a->field && r->kind != ROW_REPEAT) {
			if (rc == OK && (ch == '\r' || ch == '\n') && !multi) {
				if (!move_focus(v, 1) && commit(v->a))
					edge_msg(v, false);
				continue;
			}
			if (field_key(v->a->field, rc, ch)) {
				v->typed = true;
				continue;
			}
		}
		if (r->kind == ROW_BOX || r->kind == ROW_RADIO) {
			if (rc == OK && (ch == ' ' || ch == '\r' || ch == '\n' ||
			                 (r->kind == ROW_BOX && (ch == 'x' || ch == 'X'))))
				toggle(v);
			else if (rc == OK && ch == '?')
				show_help(v);
			else if (rc == OK && ch == 'q')
				app_ask_quit(v->a);
			continue;
		}
		if (r->kind == ROW_REPEAT) {
			if (rc == OK && (ch == '\r' || ch == '\n' || ch == ' ')) {
				if (edit_entry(v) == ACT_QUIT)
					act = ACT_QUIT;
			}
			else if ((rc == OK && (ch == '-' || ch == '+' || ch == 'x')) ||
			         (rc == KEY_CODE_YES && ch == KEY_DC))
				act = entry_op(v, ch);
			else if (rc == OK && ch == 'q')
				app_ask_quit(v->a);
		}
	}
	if (!commit(v->a))
		return ACT_NONE;
	close_field(v->a);
	app_save(v->a);
	return act;
}

static void view_free(struct view *v)
{
	if (v->pad)
		delwin(v->pad);
	free(v->t);
	free(v->y);
	free(v->h);
}

enum action screen_page(struct app *a)
{
	struct view v = { .a = a, .p = &a->wiz->pages[a->page], .m = a->inc->answers };
	enum action act;
	do
		act = run_view(&v);
	while (act == ACT_NONE);
	view_free(&v);
	return act;
}

enum action screen_entry(struct app *a, const struct question *repeat, size_t idx)
{
	struct page p;
	const struct form *f = NULL;
	incident_question(a->inc, repeat->id, &f);
	wizard_entry_page(f, repeat, &p);
	struct view v = { .a = a, .p = &p, .m = model_entry(a->inc->answers, repeat->id, idx) };
	enum action act;
	do
		act = run_view(&v);
	while (act == ACT_NONE);
	view_free(&v);
	page_release(&p);
	return act == ACT_QUIT ? ACT_QUIT : ACT_NONE;
}
