/* since — what changed in a document's answers since it was submitted,
 * by section in the form's order, for the terminal or for a follow-up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/document.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

const char *history_document_form(const struct formset *fs, const char *document)
{
	const struct document *d = docset_find(formset_documents(fs), document);
	return d ? d->form : NULL;
}

static const char *unanswered(const char *v)
{
	return *v ? v : _("(unanswered)");
}

/* A value as a document prints it: its lines kept, indented under the
 * first; 「(記載なし)」 when unanswered. */
static void doc_value(struct strbuf *out, const char *v)
{
	if (!*v) {
		sb_add(out, "(記載なし)");
		return;
	}
	for (const char *p = v; *p;) {
		const char *nl = strstr(p, " ⏎ ");
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		sb_addn(out, p, n);
		if (!nl)
			break;
		sb_add(out, "\n    ");
		p = nl + strlen(" ⏎ ");
	}
}

/* The changes of one document's questions since s, by section in the
 * form's order: for the terminal (`todoke diff`), or as the lines a
 * follow-up document carries ("・section label: old → new"). */
bool history_changes_since(const struct formset *fs, const char *path,
                           const struct incident *now, const struct submission *s,
                           bool for_document, struct strbuf *out, size_t *count,
                           struct diag *err)
{
	char *text;
	size_t len;
	struct incident *then = NULL;
	*count = 0;
	if (!submission_read(path, s, &text, &len, NULL, NULL, err))
		return false;
	bool ok = incident_parse(text, len, s->tag, fs, &then, err);
	free(text);
	if (!ok)
		return false;
	incident_adopt_documents(then, fs);
	const char *fid = history_document_form(fs, s->document);
	const struct form *f = fid ? incident_form(now, fid) : NULL;
	if (!f && fid)
		f = incident_form(then, fid);
	struct changes ch;
	changes_between(then, now, &ch);
	int section = -2;
	for (int pass = 0; f && pass < (int)f->nsections + 1; pass++) {
		/* Sections in the form's order; questions without one last. */
		int want = pass < (int)f->nsections ? pass : -1;
		for (size_t i = 0; i < ch.n; i++) {
			const struct change *c = &ch.v[i];
			char base[256];
			snprintf(base, sizeof base, "%.*s", (int)strcspn(c->key, "["), c->key);
			const struct question *q = form_question(f, base);
			if (!q || q->section != want || submission_bookkeeping(formset_documents(fs), c->key))
				continue;
			const char *title = want >= 0 ? f->sections[want].title : NULL;
			const char *label = c->label ? c->label : base;
			if (for_document) {
				sb_add(out, "・");
				/* 「4-1)被害の有無」 says it all for 「被害の有無」. */
				if (title && !strstr(title, label))
					sb_addf(out, "%s %s: ", title, label);
				else
					sb_addf(out, "%s: ", title ? title : label);
				doc_value(out, c->old_text);
				sb_add(out, " → ");
				doc_value(out, c->new_text);
				sb_addc(out, '\n');
			} else {
				if (section != want)
					sb_addf(out, "%s\n", title ? title : _("(other)"));
				sb_addf(out, "  %s (%s): %s → %s\n", c->key, label, unanswered(c->old_text),
				        unanswered(c->new_text));
			}
			section = want;
			(*count)++;
		}
	}
	changes_release(&ch);
	incident_free(&then);
	return true;
}

