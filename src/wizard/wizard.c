/* wizard — pages and rows from the forms' layout. */
#include "todoke/wizard.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/strbuf.h"

static void add_row(struct page *p, enum row_kind kind, int indent, const char *text,
                    const struct question *q, int opt)
{
	/* Room for 8, then doubling: the capacity follows from nrows (rows
	 * are only ever added here), and a form's 150 rows are not copied
	 * 150 times. */
	size_t n = p->nrows;
	if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
		p->rows = xrealloc(p->rows, (n ? 2 * n : 8) * sizeof *p->rows);
	p->rows[p->nrows++] = (struct row){ kind, indent, xstrdup(text ? text : ""),
	                                    xstrdup(""), q, opt, NULL };
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

/* The text of a line from segment `from` on, blanks shown as 「...」 (not
 * 「…」, which some terminals draw wide: ambiguous width); with
 * `own`, only up to the next box or option: each box's own label, so that
 * 「{box}漏えい {box}滅失」 is 「漏えい」 and 「滅失」, never 「漏えい 滅失」. */
static char *line_text_upto(const struct layout_line *l, size_t from, size_t skip,
                            bool own)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = from; i < l->nsegs; i++) {
		const struct segment *s = &l->segs[i];
		if (own && (s->kind == SEG_BOX || s->kind == SEG_RADIO))
			break;
		if (s->kind == SEG_TEXT)
			sb_add(&sb, s->text + (i == 0 ? skip : 0));
		else if (s->kind == SEG_NOTE || s->kind == SEG_FIELD)
			sb_add(&sb, "...");
	}
	/* Trailing spaces separated it from the next box. */
	while (sb.len && sb.buf[sb.len - 1] == ' ')
		sb.buf[--sb.len] = '\0';
	return sb_detach(&sb);
}

static char *line_text(const struct layout_line *l, size_t from, size_t skip)
{
	return line_text_upto(l, from, skip, false);
}

/* The printed text just before placeholder i, when it names it: ends in
 * 「:」 and says more than that (「(1) 発生日:」, 「住所:」), so that the page
 * shows the form's own words, numbering included.  NULL otherwise (「・」,
 * 「名(」): then the question's label is shown. */
static char *lead_words(const char *t)
{
	t += strspn(t, " ");
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	if (n >= 2 && t[n - 1] == ':')
		return xstrndup(t, n);
	if (n > 3 && strncmp(t + n - 3, "\xef\xbc\x9a", 3) == 0)   /* ： */
		return xstrndup(t, n);
	return NULL;
}

static char *lead_text(const struct layout_line *l, size_t i, size_t skip)
{
	if (i == 0 || l->segs[i - 1].kind != SEG_TEXT)
		return NULL;
	return lead_words(l->segs[i - 1].text + (i - 1 == 0 ? skip : 0));
}

/* The words a box's note is asked with: the form's own before it inside
 * the box's line (「(ツール名称:」 gives 「ツール名称:」), else the box's
 * label (「その他:」), so that a note never shows as an unlabeled field. */
static char *note_label(const struct layout_line *l, size_t i, const struct question *q)
{
	if (i > 0 && l->segs[i - 1].kind == SEG_TEXT) {
		const char *t = l->segs[i - 1].text, *open = NULL;
		for (const char *p = t; *p; p++)
			if (*p == '(')
				open = p + 1;
			else if (strncmp(p, "\xef\xbc\x88", 3) == 0)   /* （ */
				open = p + 3;
		char *lead = open ? lead_words(open) : NULL;
		if (lead)
			return lead;
	}
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s:", q->label && *q->label ? q->label : _("note"));
	return sb_detach(&sb);
}

/* The printed text just after placeholder i when it ends the line and
 * closes what the lead opened: the 「)」 of 「(発生期間の終わり: …)」. */
static const char *tail_text(const struct layout_line *l, size_t i)
{
	if (i + 2 != l->nsegs || l->segs[i + 1].kind != SEG_TEXT)
		return "";
	const char *t = l->segs[i + 1].text;
	return strcmp(t, ")") == 0 || strcmp(t, "\xef\xbc\x89") == 0 ? t : "";
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

/* Where an answer given earlier comes from: 「(3) 発覚の経緯: 3-2)… の
 * 回答を使います」 in place of a question asked on an earlier page. */
static void add_reused(struct page *p, const struct layout_line *l, size_t i,
                       size_t skip, int indent, const struct question *q,
                       const struct incident *inc)
{
	const struct form *owner = NULL;
	const struct question *oq = incident_question(inc, q->id, &owner);
	const char *where = oq && owner && oq->section >= 0 ?
	                    owner->sections[oq->section].title : q->label;
	char *lead = lead_text(l, i, skip);
	struct strbuf sb;
	sb_init(&sb);
	if (lead)
		sb_addf(&sb, "%s ", lead);
	sb_addf(&sb, _("uses the answer of %s"), where);
	add_row(p, ROW_HELP, lead ? indent : indent + 2, sb.buf, NULL, -1);
	sb_release(&sb);
	free(lead);
}

/* The choice after number i on its line that says whether the number is
 * exact: it has the options atmost and approx (「{number count}名({choice
 * bound})」, todoke-form(5)); NULL when there is none. */
static const struct question *bound_choice(const struct layout_line *l, size_t i,
                                           const struct question *qs)
{
	for (size_t k = i + 1; k < l->nsegs; k++) {
		const struct segment *s = &l->segs[k];
		if (s->kind != SEG_CHOICE && s->kind != SEG_RADIO)
			continue;
		const struct question *q = &qs[s->q];
		int has = 0;
		for (size_t o = 0; o < q->nopts; o++)
			has |= (strcmp(q->opts[o].id, "atmost") == 0) | (strcmp(q->opts[o].id, "approx") == 0) << 1;
		if (has == 3)
			return q;
	}
	return NULL;
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
	/* 「(5) 漏えい等の別:」 before the first box heads the boxes. */
	if (has_box && l->segs[0].kind == SEG_TEXT && l->nsegs > 1 &&
	    l->segs[1].kind == SEG_BOX && l->segs[0].text[skip]) {
		char *t = xstrdup(l->segs[0].text + skip);
		for (size_t n = strlen(t); n && t[n - 1] == ' ';)
			t[--n] = '\0';
		add_row(p, ROW_TEXT, indent, t, NULL, -1);
		free(t);
		indent += 2;
	}
	for (size_t i = 0; i < l->nsegs; i++) {
		const struct segment *s = &l->segs[i];
		const struct question *q = s->kind == SEG_TEXT ? NULL : &qs[s->q];
		if (asked_before(inc, p, q)) {
			/* Said once for a line of boxes or options. */
			bool first = true;
			for (size_t k = 0; k < i; k++)
				first &= l->segs[k].kind == SEG_TEXT || l->segs[k].q != s->q;
			if (first && s->kind != SEG_NOTE)
				add_reused(p, l, i, skip, indent, q, inc);
			continue;
		}
		switch (s->kind) {
		case SEG_TEXT:
			break;
		case SEG_BOX: {
			char *t = line_text_upto(l, i + 1, 0, true);
			add_row(p, ROW_BOX, indent, t, q, -1);
			free(t);
			break;
		}
		case SEG_NOTE:
			/* On the box's own line the note follows the box; on a line
			 * of its own (「(連絡者:」) its printed text leads it. */
			if (has_box) {
				char *t = note_label(l, i, q);
				add_row(p, ROW_NOTE, indent + 2, t, q, -1);
				free(t);
			} else {
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
		case SEG_CHOICE: {
			/* Printed as the chosen label; asked as one option a row,
			 * under the form's own words before it, else its label
			 * (which hides with it: `when`). */
			char *lead = lead_text(l, i, skip);
			if (lead)
				add_row(p, ROW_TEXT, indent, lead, q, -1);
			else if (q->label && *q->label) {
				char *t = xmalloc(strlen(q->label) + 2);
				strcpy(t, q->label);
				strcat(t, ":");
				add_row(p, ROW_TEXT, indent, t, q, -1);
				free(t);
			}
			free(lead);
			for (size_t o = 0; o < q->nopts; o++)
				add_row(p, ROW_RADIO, indent + 2, q->opts[o].label, q, (int)o);
			break;
		}
		case SEG_FIELD:
		case SEG_DATE: {
			char *t = lead_text(l, i, skip);
			/* The 「)」 after the blank closes the lead's 「(」 only. */
			const char *tail = t && strchr(t, '(') ? tail_text(l, i) : "";
			if (!t) {
				t = xmalloc(strlen(q->label) + 2);
				strcpy(t, q->label);
				strcat(t, ":");
			}
			add_row(p, s->kind == SEG_DATE ? ROW_DATE : ROW_FIELD, indent, t, q, -1);
			if (q->type == Q_NUMBER)
				p->rows[p->nrows - 1].bound = bound_choice(l, i, qs);
			free(p->rows[p->nrows - 1].tail);
			p->rows[p->nrows - 1].tail = xstrdup(tail);
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
			else
				add_reused(p, l, 0, 0, 0, &f->qs[l->q], inc);
		}
		else
			rows_of_line(p, l, qs, inc);
	}
}

/* The registry's document drawn from form f, or NULL. */
static const struct document *document_of(const struct incident *inc, const struct form *f)
{
	const struct docset *ds = inc->fs ? formset_documents(inc->fs) : NULL;
	for (size_t i = 0; ds && i < ds->n; i++)
		if (strcmp(ds->v[i].form, f->id) == 0)
			return &ds->v[i];
	return NULL;
}

struct wizard *wizard_new(const struct incident *inc)
{
	struct wizard *w = xcalloc(1, sizeof *w);
	for (size_t k = 0; k < inc->nforms; k++) {
		const struct form *f = inc->forms[k];
		const struct document *doc = document_of(inc, f);
		bool first = true;
		/* A section's lines follow one another (the form has each section
		 * once, its lines up to the next): each page reads its own, not
		 * every line of the form. */
		size_t from = 0;
		for (size_t s = 0; s < f->nsections; s++) {
			struct page p = { .form = f, .section = (int)s,
			                  .title = f->sections[s].title, .doc = doc };
			while (from < f->nlines && f->lines[from].section < (int)s)
				from++;
			size_t to = from;
			while (to < f->nlines && f->lines[to].section == (int)s)
				to++;
			rows_of_lines(&p, f->lines + from, to - from, (int)s, f->qs, inc);
			from = to;
			bool asks = false;
			for (size_t i = 0; i < p.nrows; i++)
				asks |= row_takes_answer(&p.rows[i]);
			if (!asks) {
				page_release(&p);
				continue;
			}
			p.part_first = first;
			first = false;
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

/* The entry's choices, as 「(確定)」 after its number or at its end. */
static void add_choices(struct strbuf *sb, const struct question *rq,
                        const struct model *e)
{
	for (size_t k = 0; k < rq->nfields; k++) {
		const struct question *fq = &rq->fields[k];
		const struct value *val = model_get(e, fq->id);
		if (!val || val->type != Q_CHOICE)
			continue;
		int o = question_option(fq, val->text);
		sb_addf(sb, "(%s)", o >= 0 ? fq->opts[o].label : val->text);
	}
}

char *wizard_entry_summary(const struct question *rq, const struct model *e)
{
	struct strbuf sb;
	sb_init(&sb);
	bool after_date = false, choices = false;
	for (size_t k = 0; k < rq->nfields; k++) {
		const struct question *fq = &rq->fields[k];
		const struct value *val = model_get(e, fq->id);
		if (!val || val->type == Q_CHOICE)
			continue;
		if (sb.len)
			sb_add(&sb, !after_date ? "、" : val->type == Q_DATE ? "〜" : ": ");
		after_date = false;
		if (val->type == Q_DATE) {
			char buf[40];
			date_format_ymd_ja(val->date, buf, sizeof buf);
			sb_add(&sb, buf);
			after_date = true;
		} else if (val->type == Q_NUMBER) {
			sb_addf(&sb, "%s %lld", fq->label, val->number);
			add_choices(&sb, rq, e);
			choices = true;
		} else if (val->text) {
			/* First line only: one line per entry. */
			sb_addn(&sb, val->text, strcspn(val->text, "\n"));
			if (strchr(val->text, '\n'))
				sb_add(&sb, " ...");
		}
	}
	if (!choices)
		add_choices(&sb, rq, e);
	return sb_detach(&sb);
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
	const struct question *qs = p->repeat ? p->repeat->fields : p->form->qs;
	size_t nqs = p->repeat ? p->repeat->nfields : p->form->nqs;
	const struct question *last = NULL;
	for (size_t i = 0; i < p->nrows; i++) {
		const struct row *r = &p->rows[i];
		/* Each unit once (form.h: a group of boxes is one), at its
		 * first row (radios share one question). */
		if (!row_takes_answer(r) || r->kind == ROW_NOTE ||
		    (r->kind == ROW_RADIO && r->opt != 0))
			continue;
		struct q_unit u = question_unit(qs, nqs, (size_t)(r->q - qs));
		if (u.q == last || !unit_shown(u, m))
			continue;
		last = u.q;
		(*total)++;
		*answered += unit_answered(u, m);
	}
}

size_t wizard_part_of(const struct wizard *w, size_t page)
{
	size_t part = 0;
	for (size_t i = 1; i <= page && i < w->npages; i++)
		part += w->pages[i].part_first;
	return part;
}

size_t wizard_nparts(const struct wizard *w)
{
	return w->npages ? wizard_part_of(w, w->npages - 1) + 1 : 0;
}

void wizard_part_pages(const struct wizard *w, size_t page, size_t *nth, size_t *count)
{
	size_t first = page;
	while (first > 0 && !w->pages[first].part_first)
		first--;
	*nth = page - first + 1;
	*count = wizard_next_part(w, page) - first;
}

size_t wizard_next_part(const struct wizard *w, size_t page)
{
	size_t i = page + 1;
	while (i < w->npages && !w->pages[i].part_first)
		i++;
	return i;
}
