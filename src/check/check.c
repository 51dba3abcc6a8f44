/* check — consistency rules of the forms, plus the rules every form has. */
#include "todoke/check.h"
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/export.h"
#include "todoke/nfc.h"
#include "todoke/ppc.h"
#include "todoke/strbuf.h"

void check_add(struct problems *p, enum severity sev, const char *id, int line,
               const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;
	sb_init(&sb);
	va_start(ap, fmt);
	sb_vaddf(&sb, fmt, ap);
	va_end(ap);
	p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	p->v[p->n++] = (struct problem){ sev, xstrdup(id), line, sb_detach(&sb) };
	sb_release(&sb);
}

void problems_release(struct problems *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].id);
		free(p->v[i].msg);
	}
	free(p->v);
	memset(p, 0, sizeof *p);
}

char *question_place(const struct incident *inc, const char *id)
{
	const struct form *f = NULL;
	const struct question *q = incident_question(inc, id, &f);
	if (!q)
		return xstrdup(id);
	struct strbuf sb;
	sb_init(&sb);
	const char *label = q->label ? q->label : q->id;
	const char *title = q->section >= 0 ? f->sections[q->section].title : NULL;
	/* 「4-1)被害の有無」 says it all for the question 「被害の有無」. */
	if (title && strstr(title, label))
		sb_add(&sb, title);
	else if (title)
		sb_addf(&sb, "%s › %s", title, label);
	else
		sb_add(&sb, label);
	return sb_detach(&sb);
}

/* Whether a question is asked, as the wizard has it: by the first form of
 * the incident with that id (a shared question is asked once, there). */
static bool shown(const struct incident *inc, const struct question *q)
{
	const struct question *asked = incident_question(inc, q->id, NULL);
	return question_shown(asked ? asked : q, inc->answers);
}

static bool has_problem(const struct problems *p, enum severity sev, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].sev == sev && strcmp(p->v[i].id, id) == 0)
			return true;
	return false;
}

static int value_line(const struct model *m, const char *id)
{
	const struct value *v = model_get(m, id);
	return v ? v->line : 0;
}

static void run_rule(const struct incident *inc, const struct form *f,
                     const struct rule *r, struct date today, struct problems *out)
{
	const struct model *m = inc->answers;
	char dbuf[2][32];
	struct date a, b;

	switch (r->kind) {
	case RULE_REQUIRE: {
		/* Of the questions asked: those hidden by `when` are not. */
		const char *first = NULL;
		for (size_t i = 0; i < r->nids; i++) {
			const struct question *q = form_question(f, r->ids[i]);
			if (!shown(inc, q))
				continue;
			if (question_answered(q, m))
				return;
			if (!first)
				first = r->ids[i];
		}
		if (!first)
			return;
		struct strbuf sb;
		sb_init(&sb);
		for (size_t i = 0; i < r->nids; i++) {
			if (!shown(inc, form_question(f, r->ids[i])))
				continue;
			char *pl = question_place(inc, r->ids[i]);
			sb_addf(&sb, "%s%s", sb.len ? _(" or ") : "", pl);
			free(pl);
		}
		check_add(out, SEV_MISSING, first, 0, _("%s: not answered"), sb.buf);
		sb_release(&sb);
		return;
	}
	case RULE_CONFLICT: {
		const struct question *cq = form_question(f, r->ids[0]);
		if (strcmp(model_text(m, r->ids[0]), r->opt) != 0)
			return;
		const char *optlabel = cq->opts[question_option(cq, r->opt)].label;
		char *cpl = question_place(inc, r->ids[0]);
		size_t plen = strcspn(r->ids[1], "*");
		for (size_t i = 0; i < f->nqs; i++) {
			const struct question *q = &f->qs[i];
			if (strncmp(q->id, r->ids[1], plen) != 0 || !model_checked(m, q->id))
				continue;
			char *pl = question_place(inc, q->id);
			check_add(out, SEV_ERROR, q->id, value_line(m, q->id),
			    _("%s: ticked, but %s is 「%s」"), pl, cpl, optlabel);
			free(pl);
		}
		free(cpl);
		return;
	}
	case RULE_NOT_FUTURE:
		if (model_date(m, r->ids[0], &a) && date_cmp(a, today) > 0) {
			char *pl = question_place(inc, r->ids[0]);
			date_format_iso(a, dbuf[0], sizeof dbuf[0]);
			date_format_iso(today, dbuf[1], sizeof dbuf[1]);
			check_add(out, SEV_ERROR, r->ids[0], value_line(m, r->ids[0]),
			    _("%s: %s is in the future (today is %s)"), pl, dbuf[0], dbuf[1]);
			free(pl);
		}
		return;
	case RULE_NOT_BEFORE:
		if (model_date(m, r->ids[0], &a) && model_date(m, r->ids[1], &b) &&
		    date_cmp(a, b) < 0) {
			char *pa = question_place(inc, r->ids[0]);
			char *pb = question_place(inc, r->ids[1]);
			date_format_iso(a, dbuf[0], sizeof dbuf[0]);
			date_format_iso(b, dbuf[1], sizeof dbuf[1]);
			check_add(out, SEV_ERROR, r->ids[0], value_line(m, r->ids[0]),
			    _("%s: %s is before %s (%s)"), pa, dbuf[0], pb, dbuf[1]);
			free(pa);
			free(pb);
		}
		return;
	}
}

/* Boxes with a blank: 「その他」 ticked with nothing written, or text written
 * next to a box left empty (it would not be printed). */
static void check_notes(const struct incident *inc, const struct form *f,
                        struct problems *out)
{
	for (size_t i = 0; i < f->nqs; i++) {
		const struct question *q = &f->qs[i];
		const struct value *v = model_get(inc->answers, q->id);
		if (q->type != Q_CHECK || !q->has_note || !v || !shown(inc, q))
			continue;
		bool text = !answer_blank(v->text);
		if (v->checked == text)
			continue;
		char *pl = question_place(inc, q->id);
		if (v->checked)
			check_add(out, SEV_MISSING, q->id, v->line,
			    _("%s: ticked, but the text in its ( ) is empty"), pl);
		else
			check_add(out, SEV_ERROR, q->id, v->line,
			    _("%s: has text but is not ticked, so the text is not printed"), pl);
		free(pl);
	}
}

/* The PPC report: a deadline passed with no report recorded, a report
 * recorded after its deadline, or a decision that still needs answers. */
static void check_ppc(const struct incident *inc, struct date today, struct problems *out)
{
	if (!incident_decision_document(inc))
		return;
	struct ppc_decision d;
	struct strbuf sb;
	ppc_decide(inc->answers, &d);
	sb_init(&sb);
	ppc_status(&d, today, &sb);
	if (ppc_overdue(&d, today))
		check_add(out, SEV_ERROR, "ppc.report.date", 0, _("overdue: %s"), sb.buf);
	else if (ppc_late(&d))
		check_add(out, SEV_ERROR, d.final_late ? "ppc.final.date" : "ppc.prelim.date", 0,
		          _("late: %s"), sb.buf);
	else if (d.verdict == PPC_UNDETERMINED)
		check_add(out, SEV_MISSING, ppc_first_missing(&d), 0, "%s", sb.buf);
	sb_release(&sb);
}

/* Progress counts units: a group of boxes once (form.h). */
static void form_progress(const struct incident *inc, const struct form *f, bool needed,
                          size_t *answered, size_t *total)
{
	for (size_t i = 0; i < f->nqs;) {
		struct q_unit u = question_unit(f->qs, f->nqs, i);
		const struct form *owner = NULL;
		i += u.n;
		incident_question(inc, u.q->id, &owner);
		if (owner != f || !unit_shown(u, inc->answers) ||
		    !(needed || document_question_needed(inc, u.q->id)))
			continue;
		(*total)++;
		*answered += unit_answered(u, inc->answers);
	}
}

void check_progress(const struct incident *inc, size_t *answered, size_t *total)
{
	*answered = *total = 0;
	for (size_t k = 0; k < inc->nforms; k++)
		form_progress(inc, inc->forms[k], document_form_needed(inc, inc->forms[k]),
		              answered, total);
}

void check_incident(const struct incident *inc, struct date today,
                    struct problems *out)
{
	memset(out, 0, sizeof *out);
	check_ppc(inc, today, out);
	for (size_t k = 0; k < inc->nforms; k++) {
		const struct form *f = inc->forms[k];
		bool needed = document_form_needed(inc, f);
		for (size_t i = 0; needed && i < f->nrules; i++)
			run_rule(inc, f, &f->rules[i], today, out);
		check_notes(inc, f, out);
		form_progress(inc, f, needed, &out->answered, &out->total);
		for (size_t i = 0; i < f->nqs; i++) {
			const struct question *q = &f->qs[i];
			const struct form *owner = NULL;
			incident_question(inc, q->id, &owner);
			if (owner != f || !question_shown(q, inc->answers))
				continue;
			bool answered = question_answered(q, inc->answers);
			/* A question asked only when it applies (`when`) is needed
			 * when it does: the reason a publication was late, say.  A
			 * box that applies is an offer (a request to customers
			 * that fits the type): left unticked is an answer.  An
			 * `optional` one (the ransomware facts) is asked, not
			 * required: they may not be known. */
			if ((needed || document_question_needed(inc, q->id)) && q->nwhen && !q->optional && q->type != Q_CHECK && !answered &&
			    !has_problem(out, SEV_MISSING, q->id)) {
				char *pl = question_place(inc, q->id);
				check_add(out, SEV_MISSING, q->id, 0, _("%s: not answered"), pl);
				free(pl);
			}
		}
	}
}

static void containing(const struct incident *inc, const struct model *m,
                       const char *list, const char *text, struct strbuf *out)
{
	for (size_t i = 0; i < model_count(m); i++) {
		const char *id = model_key_at(m, i);
		const struct value *v = model_value_at(m, i);
		if (v->type == Q_REPEAT) {
			for (size_t k = 0; k < v->nentries; k++)
				containing(inc, v->entries[k], id, text, out);
			continue;
		}
		if (!v->text)
			continue;
		/* The document is NFC: é there may be e + U+0301 here. */
		struct strbuf nfc;
		sb_init(&nfc);
		nfc_append(v->text, strlen(v->text), false, &nfc);
		bool has = strstr(v->text, text) || (nfc.buf && strstr(nfc.buf, text));
		sb_release(&nfc);
		if (!has)
			continue;
		char *pl = question_place(inc, list ? list : id);
		sb_addf(out, "%s%s%s%s", out->len ? ", " : "", pl, list ? " › " : "", list ? id : "");
		free(pl);
	}
}

void answers_containing(const struct incident *inc, const char *text, struct strbuf *out)
{
	containing(inc, inc->answers, NULL, text, out);
}
