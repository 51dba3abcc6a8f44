/* check — every letter of the registry that applies can be written, and a
 * notice to the persons carries what 規則第10条 requires (the items its
 * template's `duty` lines name). */
#include "todoke/check.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/export.h"
#include "todoke/i18n.h"
#include "todoke/lexer.h"
#include "todoke/notice.h"
#include "todoke/ppc.h"
#include "todoke/strbuf.h"

/* The question a problem of the document leads to: the one that picks its
 * template, else the first of its form. */
static const char *doc_question(const struct document *doc, const struct form *f)
{
	return doc->tmpl_by ? doc->tmpl_by : f->nqs ? f->qs[0].id : "";
}

static void check_letter(const struct incident *inc, const struct document *doc,
                         const struct notice_set *set, struct problems *out)
{
	const struct form *f = document_form(doc, inc);
	struct strbuf sb;
	struct diag d;
	struct notice n;
	diag_clear(&d);
	if (!notice_build_type(set, inc, document_template(doc, inc), &n, &d)) {
		char buf[2048];
		check_add(out, SEV_ERROR, doc_question(doc, f), 0, _("%s cannot be written: %s"),
		          doc->title, diag_format(&d, buf, sizeof buf));
		return;
	}
	/* What the registry says the document owes (the notice to the persons:
	 * 規則第10条); a letter to a 委託元 or the police owes nothing. */
	unsigned owed = 0;
	for (size_t k = 0; k < doc->nduties; k++)
		for (int i = 1; i <= 9; i++)
			if (strcmp(doc->duties[k], notice_item_name(i)) == 0)
				owed |= 1u << i;
	struct ppc_decision dec;
	ppc_decide(inc->answers, &dec);
	if (owed && dec.verdict == PPC_MANDATORY) {
		for (int i = 1; i <= 9; i++) {
			if (!(owed & (1u << i)) || (n.covers & (1u << i)))
				continue;
			/* Name the questions that would supply the item. */
			struct strbuf qs;
			sb_init(&qs);
			if (n.duty_ids[i]) {
				char *ids = xstrdup(n.duty_ids[i]), *rest = ids;
				for (char *w; *(w = lex_word(&rest));) {
					char *pl = question_place(inc, w);
					sb_addf(&qs, "%s%s", qs.len ? _(" or ") : "", pl);
					free(pl);
				}
				free(ids);
			}
			sb_init(&sb);
			if (qs.len)
				sb_addf(&sb, _("%s: item %s %s, which 規則第10条 requires when the "
				               "PPC report is mandatory, is not in it; answer %s"),
				        doc->title, notice_item_name(i), n.duty_name[i] ? n.duty_name[i] : "", qs.buf);
			else
				sb_addf(&sb, _("%s: item %s, which 規則第10条 requires when the PPC "
				               "report is mandatory, is not in it; the template of type "
				               "\"%s\" has no section that covers it"), doc->title,
				        notice_item_name(i), n.type);
			/* The problem leads to the first of them (the review jumps there). */
			char first[128];
			snprintf(first, sizeof first, "%s", doc_question(doc, f));
			if (n.duty_ids[i])
				snprintf(first, sizeof first, "%.*s", (int)strcspn(n.duty_ids[i], " "),
				         n.duty_ids[i]);
			check_add(out, SEV_MISSING, first, 0, "%s", sb.buf);
			sb_release(&sb);
			sb_release(&qs);
		}
	}
	/* The document to the persons (the one owing 規則第10条's items) is
	 * written in です・ます, from its customer wording. */
	if (doc->nduties) {
		check_wording(inc, &n, out);
		check_drafts(inc, out);
	}
	notice_release(&n);
}

void check_documents(const struct incident *inc, const struct notice_set *set,
                     struct problems *out)
{
	const struct docset *s = inc->fs ? formset_documents(inc->fs) : NULL;
	for (size_t i = 0; s && i < s->n; i++) {
		const struct document *doc = &s->v[i];
		if (doc->render == RENDER_TEMPLATE && set && document_form(doc, inc) &&
		    document_applies_to(doc, inc, NULL))
			check_letter(inc, doc, set, out);
	}
}
