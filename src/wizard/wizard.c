/* wizard — pages and rows from the forms' layout. */
#include "todoke/wizard.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/strbuf.h"

static void add_row(struct page *p, enum row_kind kind, int indent, const char *text,
                    const struct question *q, int opt)
{
	p->rows = xrealloc(p->rows, (p->nrows + 1) * sizeof *p->rows);
	p->rows[p->nrows++] = (struct row){ kind, indent, xstrdup(text ? text : ""),
	                                    xstrdup(""), q, opt };
}

/* Leading spaces of a line's first text segment are its indentation. */
static int line_indent(const struct layout_line *l, size_t *skip)
{
	*skip = 0;
	if (!l->nsegs || l->segs[0].kind != SEG_TEXT)
		return 0;
	*skip = strspn(l->segs[0].text, " ");
	return (int)*skip;
}

/* The text of a line from segment `from` on, blanks shown as 「…」. */
static char *line_text(const struct layout_line *l, size_t from, size_t skip)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = from; i < l->nsegs; i++) {
		const struct segment *s = &l->segs[i];
		if (s->kind == SEG_TEXT)
			sb_add(&sb, s->text + (i == 0 ? skip : 0));
		else if (s->kind == SEG_NOTE || s->kind == SEG_FIELD)
			sb_add(&sb, "…");
	}
	return sb_detach(&sb);
}

/* A question an earlier form of the incident already asks is not asked
 * again (発覚日, 原因, the reporter…): its answer serves both. */
static bool asked_before(const struct incident *inc, const struct page *p,
                         const struct question *q)
{
	const struct form *owner = NULL;
	if (!inc || !q || p->repeat)
		return false;
	incident_question(inc, q->id, &owner);
	return owner && owner != p->form;
}

static void rows_of_line(struct page *p, const struct layout_line *l,
                         const struct question *qs, const struct incident *inc)
{
	size_t skip;
	int indent = line_indent(l, &skip);
	bool has_box = false, placeholders = false;

	for (size_t i = 0; i < l->nsegs; i++) {
		has_box |= l->segs[i].kind == SEG_BOX;
		placeholders |= l->segs[i].kind != SEG_TEXT;
	}
	if (!placeholders) {
		char *t = line_text(l, 0, skip);
		add_row(p, l->help ? ROW_HELP : ROW_TEXT, indent, t, NULL, -1);
		free(t);
		return;
	}
	for (size_t i = 0; i < l->nsegs; i++) {
		const struct segment *s = &l->segs[i];
		const struct question *q = s->kind == SEG_TEXT ? NULL : &qs[s->q];
		if (asked_before(inc, p, q))
			continue;
		switch (s->kind) {
		case SEG_TEXT:
			break;
		case SEG_BOX: {
			char *t = line_text(l, i + 1, 0);
			add_row(p, ROW_BOX, indent, t, q, -1);
			free(t);
			break;
		}
		case SEG_NOTE:
			/* On the box's own line the note follows the box; on a line
			 * of its own (「(連絡者:」) its printed text leads it. */
			if (has_box)
				add_row(p, ROW_NOTE, indent + 2, "", q, -1);
			else {
				add_row(p, ROW_NOTE, indent,
				        i > 0 && l->segs[i - 1].kind == SEG_TEXT
				        ? l->segs[i - 1].text + (i - 1 == 0 ? skip : 0) : "",
				        q, -1);
				if (i + 1 < l->nsegs && l->segs[i + 1].kind == SEG_TEXT) {
					free(p->rows[p->nrows - 1].tail);
					p->rows[p->nrows - 1].tail = xstrdup(l->segs[i + 1].text);
				}
			}
			break;
		case SEG_RADIO:
			add_row(p, ROW_RADIO, indent, q->opts[s->opt].label, q, s->opt);
			break;
		case SEG_CHOICE:
			/* Printed as the chosen label; asked as one option a row,
			 * under its label (which hides with it: `when`). */
			if (q->label && *q->label) {
				char *t = xmalloc(strlen(q->label) + 2);
				strcpy(t, q->label);
				strcat(t, ":");
				add_row(p, ROW_TEXT, indent, t, q, -1);
				free(t);
			}
			for (size_t o = 0; o < q->nopts; o++)
				add_row(p, ROW_RADIO, indent + 2, q->opts[o].label, q, (int)o);
			break;
		case SEG_FIELD:
		case SEG_DATE: {
			char *t = xmalloc(strlen(q->label) + 2);
			strcpy(t, q->label);
			strcat(t, ":");
			add_row(p, s->kind == SEG_DATE ? ROW_DATE : ROW_FIELD, indent, t, q, -1);
			free(t);
			break;
		}
		case SEG_PARA:
			add_row(p, ROW_PARA, indent, "", q, -1);
			break;
		}
	}
}

static void rows_of_lines(struct page *p, const struct layout_line *lines, size_t n,
                          int section, const struct question *qs,
                          const struct incident *inc)
{
	const struct form *f = p->form;
	for (size_t i = 0; i < n; i++) {
		const struct layout_line *l = &lines[i];
		if (section >= 0 && l->section != section)
			continue;
		if (l->kind == LINE_REPEAT) {
			if (!asked_before(inc, p, &f->qs[l->q]))
				add_row(p, ROW_REPEAT, 2, f->qs[l->q].label, &f->qs[l->q], -1);
		}
		else
			rows_of_line(p, l, qs, inc);
	}
}

struct wizard *wizard_new(const struct incident *inc)
{
	struct wizard *w = xcalloc(1, sizeof *w);
	for (size_t k = 0; k < inc->nforms; k++) {
		const struct form *f = inc->forms[k];
		for (size_t s = 0; s < f->nsections; s++) {
			struct page p = { .form = f, .section = (int)s,
			                  .title = f->sections[s].title };
			rows_of_lines(&p, f->lines, f->nlines, (int)s, f->qs, inc);
			bool asks = false;
			for (size_t i = 0; i < p.nrows; i++)
				asks |= row_takes_answer(&p.rows[i]);
			if (!asks) {
				page_release(&p);
				continue;
			}
			w->pages = xrealloc(w->pages, (w->npages + 1) * sizeof *w->pages);
			w->pages[w->npages++] = p;
		}
	}
	return w;
}

void wizard_entry_page(const struct form *f, const struct question *repeat,
                       struct page *out)
{
	memset(out, 0, sizeof *out);
	out->form = f;
	out->repeat = repeat;
	out->title = repeat->label;
	for (size_t i = 0; i < f->nlines; i++) {
		const struct layout_line *l = &f->lines[i];
		if (l->kind == LINE_REPEAT && &f->qs[l->q] == repeat) {
			out->section = l->section;
			rows_of_lines(out, l->body, l->nbody, -1, repeat->fields, NULL);
		}
	}
}

void page_release(struct page *p)
{
	for (size_t i = 0; i < p->nrows; i++) {
		free(p->rows[i].text);
		free(p->rows[i].tail);
	}
	free(p->rows);
	p->rows = NULL;
	p->nrows = 0;
}

void wizard_free(struct wizard **pw)
{
	struct wizard *w = pw ? *pw : NULL;
	if (!w)
		return;
	for (size_t i = 0; i < w->npages; i++)
		page_release(&w->pages[i]);
	free(w->pages);
	free(w);
	*pw = NULL;
}

bool row_takes_answer(const struct row *r)
{
	return r->kind != ROW_TEXT && r->kind != ROW_HELP;
}

bool row_visible(const struct row *r, const struct model *m)
{
	if (r->q && !question_shown(r->q, m))
		return false;
	return r->kind != ROW_NOTE || model_checked(m, r->q->id);
}

void page_progress(const struct page *p, const struct model *m,
                   size_t *answered, size_t *total)
{
	*answered = *total = 0;
	for (size_t i = 0; i < p->nrows; i++) {
		const struct row *r = &p->rows[i];
		/* Each question once: its first row (radios share one question). */
		if (!row_takes_answer(r) || r->kind == ROW_NOTE ||
		    (r->kind == ROW_RADIO && r->opt != 0) || !question_shown(r->q, m))
			continue;
		(*total)++;
		*answered += question_answered(r->q, m);
	}
}
