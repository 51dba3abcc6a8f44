/* document — the one way every document is made, for the command line and
 * the wizard alike: the exporter of its kind, then the whole text in
 * Unicode NFC (libunistring), so that か + U+3099 is written が whatever
 * the answers hold; the incident file keeps what was typed. */
#include "todoke/export.h"

#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

#include "todoke/utf8.h"

/* NFC would replace these by their unified ideographs (﨑 U+FA11 stays, but
 * 神 U+FA19 would become 神 U+795E); people's names use them: kept. */
static bool compat_ideograph(unsigned long cp)
{
	return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

static void put_nfc(const char *s, size_t n, struct strbuf *out)
{
	size_t len = 0;
	uint8_t *r = n ? u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len) : NULL;
	if (r)
		sb_addn(out, (const char *)r, len);
	else
		sb_addn(out, s, n);
	free(r);
}

void export_nfc(const char *s, size_t n, bool html, struct strbuf *out)
{
	size_t run = 0;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_seqlen((const unsigned char *)s + i, n - i);
		if (!k) {
			k = 1;   /* not UTF-8: left as it is, for the encoder to refuse */
		} else if (compat_ideograph(utf8_decode((const unsigned char *)s + i, k)) ||
		           (html && s[i] == '>')) {
			/* In HTML a mark after a tag's '>' must not join it (≯). */
			put_nfc(s + run, i - run, out);
			sb_addn(out, s + i, k);
			run = i + k;
		}
		i += k;
	}
	put_nfc(s + run, n - run, out);
}

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
		export_nfc(doc.buf ? doc.buf : "", doc.len, kind == DOC_NOTICE_HTML, out);
		if (title) {
			struct strbuf sb;
			sb_init(&sb);
			export_nfc(t ? t : "", t ? strlen(t) : 0, false, &sb);
			*title = sb_detach(&sb);
		}
	}
	free(t);
	sb_release(&doc);
	return ok;
}
