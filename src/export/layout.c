/* layout — fills a form's printed layout with the answers. */
#include "todoke/export.h"

#include <stdio.h>
#include <string.h>

static const char BOX_ON[] = "■", BOX_OFF[] = "□";

/* Questions and answers of the scope being printed: the form's own, or the
 * fields of one repeating entry (dates there may refer to the top level). */
struct scope {
	const struct question *qs;
	const struct model *m;
	const struct form *f;
	const struct model *top;
};

static const struct value *answer(const struct scope *sc, int q)
{
	return model_get(sc->m, sc->qs[q].id);
}

static bool seg_answered(const struct scope *sc, const struct segment *s)
{
	const struct value *v;
	if (s->kind == SEG_TEXT)
		return false;
	v = answer(sc, s->q);
	if (!v)
		return false;
	switch (s->kind) {
	case SEG_BOX: return v->checked;
	case SEG_NOTE: return v->checked && v->text && *v->text;
	case SEG_FIELD: return v->type == Q_NUMBER || (v->text && *v->text);
	case SEG_PARA: return v->text && *v->text;
	case SEG_CHOICE: return v->text && *v->text;
	default: return true;
	}
}

static void put_date(const struct scope *sc, const struct segment *s,
                     const struct value *v, struct strbuf *out)
{
	char buf[48];
	if (!v || v->type != Q_DATE) {
		if (sc->f->unanswered)
			sb_add(out, sc->f->unanswered);
		else
			sb_add(out, s->style == DATE_MD ? "  月  日" : "    年  月  日");
		return;
	}
	struct date ref;
	if (s->style == DATE_MD && s->ref >= 0 &&
	    model_date(sc->top, sc->f->qs[s->ref].id, &ref) && ref.y == v->date.y)
		date_format_md_ja(v->date, buf, sizeof buf);
	else
		date_format_ymd_ja(v->date, buf, sizeof buf);
	sb_add(out, buf);
}

/* A paragraph: every line of the answer at the line's indentation; nothing
 * at all when unanswered, as IPA's blank form has it.  Long lines are kept
 * whole: the reader's mail client wraps, we never cut an answer. */
static void put_para(const char *indent, const char *text, struct strbuf *out)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		if (n)
			sb_add(out, indent);
		sb_addn(out, text, n);
		sb_addc(out, '\n');
		text += n + (nl != NULL);
	}
}

static void render_lines(const struct scope *sc, const struct layout_line *lines,
                         size_t n, struct strbuf *out);

static void render_line(const struct scope *sc, const struct layout_line *l,
                        struct strbuf *out)
{
	if (l->unprinted)
		return;
	if (l->kind == LINE_REPEAT) {
		const struct question *rq = &sc->qs[l->q];
		size_t count = model_entry_count(sc->m, rq->id);
		if (!count && sc->f->unanswered)
			sb_addf(out, "  %s\n", sc->f->unanswered);
		for (size_t i = 0; i < count; i++) {
			struct scope inner = { rq->fields, model_entry(sc->m, rq->id, i),
			                       sc->f, sc->top };
			render_lines(&inner, l->body, l->nbody, out);
		}
		return;
	}
	/* {para} stands alone after its indentation (checked on load). */
	if (l->nsegs && l->segs[l->nsegs - 1].kind == SEG_PARA) {
		const struct value *v = answer(sc, l->segs[l->nsegs - 1].q);
		const char *indent = l->nsegs == 2 ? l->segs[0].text : "";
		if (v && v->text && *v->text)
			put_para(indent, v->text, out);
		else if (sc->f->unanswered && l->kind != LINE_COND)
			put_para(indent, sc->f->unanswered, out);
		return;
	}
	if (l->kind == LINE_COND) {
		bool any = false;
		for (size_t i = 0; i < l->nsegs; i++)
			any |= seg_answered(sc, &l->segs[i]);
		if (!any)
			return;
	}
	for (size_t i = 0; i < l->nsegs; i++) {
		const struct segment *s = &l->segs[i];
		const struct value *v = s->kind == SEG_TEXT ? NULL : answer(sc, s->q);
		switch (s->kind) {
		case SEG_TEXT:
			sb_add(out, s->text);
			break;
		case SEG_BOX:
			sb_add(out, v && v->checked ? BOX_ON : BOX_OFF);
			break;
		case SEG_RADIO:
			sb_add(out, v && v->text &&
			       strcmp(v->text, sc->qs[s->q].opts[s->opt].id) == 0
			       ? BOX_ON : BOX_OFF);
			break;
		case SEG_NOTE:
			if (seg_answered(sc, s))
				sb_add(out, v->text);
			else
				sb_addspaces(out, s->width);
			break;
		case SEG_FIELD:
			if (v && v->type == Q_NUMBER)
				sb_add_thousands(out, v->number);
			else if (v && v->text && *v->text)
				sb_add(out, v->text);
			else if (sc->f->unanswered)
				sb_add(out, sc->f->unanswered);
			else
				sb_addspaces(out, s->width);
			break;
		case SEG_CHOICE: {
			int o = v && v->text ? question_option(&sc->qs[s->q], v->text) : -1;
			if (o >= 0)
				sb_add(out, sc->qs[s->q].opts[o].label);
			else if (sc->f->unanswered)
				sb_add(out, sc->f->unanswered);
			break;
		}
		case SEG_DATE:
			put_date(sc, s, v, out);
			break;
		case SEG_PARA: /* handled above */
			break;
		}
	}
	sb_addc(out, '\n');
}

static void render_lines(const struct scope *sc, const struct layout_line *lines,
                         size_t n, struct strbuf *out)
{
	for (size_t i = 0; i < n; i++) {
		render_line(sc, &lines[i], out);
	}
}

void layout_render(const struct form *f, const struct model *m, struct strbuf *out)
{
	struct scope sc = { f->qs, m, f, m };
	render_lines(&sc, f->lines, f->nlines, out);
}
