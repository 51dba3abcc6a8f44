/* document — the one way every document of the registry (document.h) is
 * made, for the command line and the wizard alike: the renderer its entry
 * names, then the whole text in Unicode NFC (libunistring), so that
 * か + U+3099 is written が whatever the answers hold; the incident file
 * keeps what was typed. */
#include "todoke/export.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/nfc.h"
#include "todoke/notice.h"
#include "todoke/ppc.h"

const struct form *document_form(const struct document *doc, const struct incident *inc)
{
	return incident_form(inc, doc->form);
}

bool document_applies_to(const struct document *doc, const struct incident *inc,
                         struct strbuf *why)
{
	const struct doc_cond *c = NULL;
	if (document_applies(doc, inc->answers, &c))
		return true;
	if (!why)
		return false;
	const struct question *q = incident_question(inc, c->id, NULL);
	const char *ans = model_text(inc->answers, c->id);
	int o = q && *ans ? question_option(q, ans) : -1;
	const char *label = q ? q->label : c->id;
	if (o >= 0)
		sb_addf(why, _("%s is answered 「%s」"), label, q->opts[o].label);
	else if (!*ans && q && q->type == Q_CHECK)
		sb_addf(why, c->negate ? _("%s is ticked") : _("%s is not ticked"), label);
	else if (!*ans)
		sb_addf(why, _("%s is not answered"), label);
	else
		sb_addf(why, _("%s is answered %s"), label, ans);
	return false;
}

bool document_form_needed(const struct incident *inc, const struct form *f)
{
	const struct docset *s = inc->fs ? formset_documents(inc->fs) : NULL;
	bool named = false;
	for (size_t i = 0; s && i < s->n; i++) {
		if (document_form(&s->v[i], inc) != f)
			continue;
		named = true;
		if (document_applies_to(&s->v[i], inc, NULL))
			return true;
	}
	return !named;
}

bool document_question_needed(const struct incident *inc, const char *id)
{
	for (size_t k = 0; k < inc->nforms; k++)
		if (form_question(inc->forms[k], id) && document_form_needed(inc, inc->forms[k]))
			return true;
	return false;
}

const char *document_template(const struct document *doc, const struct incident *inc)
{
	const char *t = doc->tmpl_by ? model_text(inc->answers, doc->tmpl_by) : "";
	return *t ? t : doc->tmpl;
}

/* The document as its renderer writes it, and its title: a letter's own
 * heading, else the form's title and the reporter's organisation (the
 * Subject: of its e-mail draft). */
static bool render(const struct document *doc, const struct incident *inc,
                   const struct form *f, const struct notice_set *set,
                   enum notice_format fmt, struct strbuf *out, struct strbuf *title,
                   struct diag *err)
{
	switch (doc->render) {
	case RENDER_LAYOUT:
	case RENDER_DECISION: {
		layout_render(f, inc->answers, out);
		if (doc->render == RENDER_DECISION) {
			struct ppc_decision d;
			ppc_decide(inc->answers, &d);
			/* Dates not checked against the closed days are not written. */
			if (*d.calendar_error) {
				diag_set(err, "", 0, _("the holiday calendar cannot be read: %s"),
				         d.calendar_error);
				return false;
			}
			ppc_appendix(&d, out);
		}
		const char *org = model_text(inc->answers, "reporter.org");
		sb_addf(title, "%s%s%s%s", f->title, *org ? "(" : "", org, *org ? ")" : "");
		return true;
	}
	case RENDER_TEMPLATE: {
		struct notice n;
		if (!set) {
			diag_set(err, "", 0, "%s", _("the templates (forms/notice) are not loaded"));
			return false;
		}
		if (!notice_build_type(set, inc, document_template(doc, inc), &n, err))
			return false;
		notice_followup(&n, inc->answers);  /* a 第2報, when the client says so */
		if (fmt == NOTICE_HTML)
			notice_html(&n, out);
		else
			notice_text(&n, NOTICE_TEXT_WIDTH, out);
		sb_add(title, notice_title(&n) ? notice_title(&n) : doc->title);
		notice_release(&n);
		return true;
	}
	}
	return false;
}

bool export_document(const struct document *doc, const struct incident *inc,
                     const struct notice_set *set, enum notice_format fmt,
                     struct strbuf *out, char **title, struct diag *err)
{
	const struct form *f = document_form(doc, inc);
	if (!f) {
		diag_set(err, "", 0, _("this incident has no %s (form: %s)"), doc->title, doc->form);
		return false;
	}
	struct strbuf text, t;
	sb_init(&text);
	sb_init(&t);
	bool ok = render(doc, inc, f, set, fmt, &text, &t, err);
	if (ok) {
		nfc_append(text.buf ? text.buf : "", text.len, fmt == NOTICE_HTML, out);
		if (title) {
			struct strbuf sb;
			sb_init(&sb);
			nfc_append(t.buf ? t.buf : "", t.len, false, &sb);
			*title = sb_detach(&sb);
		}
	}
	sb_release(&text);
	sb_release(&t);
	return ok;
}

const struct document *incident_decision_document(const struct incident *inc)
{
	const struct docset *s = inc->fs ? formset_documents(inc->fs) : NULL;
	for (size_t i = 0; s && i < s->n; i++)
		if (s->v[i].render == RENDER_DECISION && document_form(&s->v[i], inc))
			return &s->v[i];
	return NULL;
}
