/* document — the one way every document is made, for the command line and
 * the wizard alike: the exporter of its kind, then the whole text in
 * Unicode NFC (libunistring), so that か + U+3099 is written が whatever
 * the answers hold; the incident file keeps what was typed. */
#include "todoke/export.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/nfc.h"

bool export_document(const struct incident *inc, const struct notice_set *set,
                     enum doc_kind kind, struct strbuf *out, char **title,
                     struct diag *err)
{
	struct strbuf doc;
	sb_init(&doc);
	char *t = NULL;
	bool ok;
	if (kind == DOC_NOTICE || kind == DOC_NOTICE_HTML) {
		ok = export_notice(inc, set, kind == DOC_NOTICE_HTML ? NOTICE_HTML : NOTICE_TEXT,
		                   &doc, &t, err);
	} else {
		ok = kind == DOC_IPA ? export_ipa(inc, &doc, err) : export_ppc(inc, &doc, err);
		/* The Subject of its e-mail: the form's title (the organisation). */
		const struct form *f = incident_form(inc, kind == DOC_IPA ? "ipa-access"
		                                                           : "ppc-report");
		const char *org = model_text(inc->answers, "reporter.org");
		if (ok && f) {
			struct strbuf sb;
			sb_init(&sb);
			sb_addf(&sb, "%s%s%s%s", f->title, *org ? "(" : "", org, *org ? ")" : "");
			t = sb_detach(&sb);
		}
	}
	if (ok) {
		nfc_append(doc.buf ? doc.buf : "", doc.len, kind == DOC_NOTICE_HTML, out);
		if (title) {
			struct strbuf sb;
			sb_init(&sb);
			nfc_append(t ? t : "", t ? strlen(t) : 0, false, &sb);
			*title = sb_detach(&sb);
		}
	}
	free(t);
	sb_release(&doc);
	return ok;
}
