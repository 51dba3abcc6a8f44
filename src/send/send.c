/* send — the bytes of a document as they go out, for every client: the
 * follow-up parts of a report sent before, the renderer, the e-mail draft
 * (send.h). */
#include "todoke/send.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/encode.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/mail.h"
#include "todoke/model.h"

bool send_offers_changes(const struct document *doc, const struct incident *inc)
{
	return doc->changes_into && incident_question(inc, doc->changes_into, NULL);
}

/* The changes of doc's questions since its last submission (*since a copy
 * of it): 1; 0 when it was never submitted; -1, with err, when the history
 * or the copy sent cannot be read — never a follow-up written as a first
 * report without a word. */
static int changes_since_last(const struct formset *fs, const char *path,
                              const struct incident *inc, const char *doc,
                              struct strbuf *out, struct submission *since,
                              char *next_kind, size_t next_size, struct diag *err)
{
	struct submissions s;
	struct diag d;
	diag_clear(&d);
	if (!submissions_list(path, &s, &d)) {
		char buf[1200];
		diag_set(err, path, 0, _("what was sent before cannot be read: %s"),
		         diag_format(&d, buf, sizeof buf));
		return -1;
	}
	const struct submission *last = submissions_last(&s, doc);
	if (!last) {
		submissions_release(&s);
		return 0;
	}
	size_t n = 0;
	if (!history_changes_since(fs, path, inc, last, true, out, &n, &d)) {
		char buf[1200];
		diag_set(err, path, 0, _("what changed since %s (submission %u) cannot be told: %s"),
		         last->kind, last->number, diag_format(&d, buf, sizeof buf));
		submissions_release(&s);
		return -1;
	}
	*since = *last;
	since->document = xstrdup(last->document);
	since->kind = xstrdup(last->kind);
	since->file = xstrdup(last->file);
	since->options = xstrdup(last->options);
	since->tag = xstrdup(last->tag);
	char *kind = submission_next_kind(&s, docset_find(formset_documents(fs), doc), inc);
	snprintf(next_kind, next_size, "%s", kind);
	free(kind);
	submissions_release(&s);
	return 1;
}

/* The PPC report's 九 その他 with what changed since `since`, set in the
 * answers; the answer before is kept in *old (NULL: it had none). */
static void put_changes(struct incident *inc, const char *into, const struct submission *since,
                        const struct strbuf *text, char **old)
{
	char date[64];
	struct strbuf v;
	date_format_ymd_ja(since->date, date, sizeof date);
	sb_init(&v);
	const struct value *was = model_get(inc->answers, into);
	*old = was ? xstrdup(model_text(inc->answers, into)) : NULL;
	const char *own = model_text(inc->answers, into);
	if (!answer_blank(own))
		sb_addf(&v, "%s\n", own);
	sb_addf(&v, "%s(%s提出)からの変更点:\n", since->kind, date);
	if (text->len)
		sb_addn(&v, text->buf, text->len - 1);
	else
		sb_add(&v, "・変更はありません");
	model_set_text(inc->answers, into, Q_LINES, v.buf);
	sb_release(&v);
}

/* The IPA 第2報's lead: which report it follows, what is new. */
static void put_lead(struct strbuf *lead, const struct submission *since, const char *kind,
                     const struct strbuf *text)
{
	char date[64];
	date_format_ymd_ja(since->date, date, sizeof date);
	sb_addf(lead, "%sにお送りした届出(%s)の続報(%s)です。\n", date, since->kind, kind);
	if (text->len) {
		sb_add(lead, "前回の届出の後に判明した事項、変更した事項は次のとおりです。\n\n");
		sb_addn(lead, text->buf, text->len);
	} else
		sb_add(lead, "前回の届出から変わった事項はありません。\n");
	sb_add(lead, "\n更新した届出様式の全文を以下に記載します。\n\n");
}

bool send_text(const struct formset *fs, const struct notice_set *set,
               const struct document *doc, const char *path, struct incident *inc,
               enum notice_format fmt, bool changes, bool eml, struct strbuf *out,
               char **title, struct diag *err)
{
	bool ppc = path && changes && send_offers_changes(doc, inc);
	bool ipa = path && !ppc && doc->followup_lead && eml;
	struct strbuf text, lead;
	struct submission since;
	char kind[64] = "";
	char *old = NULL;
	bool had_changes = false;
	sb_init(&text);
	sb_init(&lead);
	memset(&since, 0, sizeof since);
	int got = ppc || ipa ? changes_since_last(fs, path, inc, doc->id, &text, &since, kind,
	                                          sizeof kind, err) : 0;
	if (got < 0) {
		sb_release(&text);
		sb_release(&lead);
		return false;
	}
	if (got > 0) {
		if (ppc) {
			put_changes(inc, doc->changes_into, &since, &text, &old);
			had_changes = true;
		} else
			put_lead(&lead, &since, kind, &text);
		submission_release(&since);
	}
	bool letter = path && doc->render == RENDER_TEMPLATE &&
	              history_followup_letter(fs, set, doc, path, inc);
	char *t = NULL;
	size_t start = out->len;
	bool ok = export_document(doc, inc, set, fmt, out, title ? &t : NULL, err);
	if (letter)
		history_followup_clear(inc);
	if (had_changes) {
		/* The incident as it was: the changes were for this copy. */
		if (old)
			model_set_text(inc->answers, doc->changes_into, Q_LINES, old);
		else
			model_unset(inc->answers, doc->changes_into);
		free(old);
	}
	if (ok && lead.len) {
		/* The e-mail's 第2報: what is new or changed, then the whole form. */
		sb_addn(&lead, out->buf + start, out->len - start);
		out->len = start;
		out->buf[start] = '\0';
		sb_addn(out, lead.buf, lead.len);
		if (t) {
			struct strbuf st;
			sb_init(&st);
			sb_addf(&st, "【%s】%s", kind, t);
			free(t);
			t = sb_detach(&st);
		}
	}
	if (title)
		*title = ok ? t : NULL;
	if (!ok || !title)
		free(t);
	sb_release(&lead);
	sb_release(&text);
	return ok;
}

/* The first of the answers named that is a plain address, else "" (and
 * a line in warnings when it was not plain). */
static const char *plain_address(const struct model *m, const char *const *ids, size_t n,
                                 const char *header, struct strbuf *warnings)
{
	const char *addr = "";
	for (size_t i = 0; i < n && !*addr; i++)
		addr = model_text(m, ids[i]);
	for (const char *p = addr; *p; p++)
		if ((unsigned char)*p >= 0x7f || *p <= ' ' || strchr("<>\"(),;", *p)) {
			if (warnings)
				sb_addf(warnings, _("%s left empty, as the E-Mail answer \"%s\" is not a "
				                    "plain address"), header, addr), sb_addc(warnings, '\n');
			return "";
		}
	return addr;
}

bool send_mail(const struct document *doc, const struct incident *inc, const char *text,
               const char *title, const char *encoding, bool substitute,
               const char *const *attach, time_t date, struct strbuf *out,
               struct strbuf *warnings, struct diag *err)
{
	const struct form *f = document_form(doc, inc);
	const char *from = plain_address(inc->answers, (const char *const *)doc->mail_from,
	                                 doc->nmail_from, "From:", warnings);
	const char *to = doc->mailto == MAILTO_FORM && f ? f->mailto
	               : doc->mailto == MAILTO_ANSWER
	               ? plain_address(inc->answers, (const char *const *)&doc->mailto_id, 1,
	                               "To:", warnings)
	               : NULL;
	if (to && !*to)
		to = NULL;
	struct mail m = {
		.to = to, .from = from,
		.subject = title ? title : "", .body = text,
		.encoding = encoding ? encoding : "iso-2022-jp",
		.substitute = substitute, .attach = attach, .date = date,
	};
	return mail_compose(&m, out, err);
}

time_t send_now(void)
{
	const char *fixed = getenv("TODOKE_NOW");  /* for tests: seconds since 1970 */
	if (fixed && *fixed)
		return (time_t)strtoll(fixed, NULL, 10);
	return time(NULL);
}

void send_options_parse(const char *recorded, struct send_options *o, char *buf, size_t size)
{
	memset(o, 0, sizeof *o);
	snprintf(buf, size, "%s", recorded ? recorded : "");
	char *save = NULL;
	for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		if (strncmp(t, "--encoding=", 11) == 0)
			o->encoding = encode_iconv_name(t + 11) ? t + 11 : NULL;
		o->crlf |= strcmp(t, "--crlf") == 0;
		o->substitute |= strcmp(t, "--substitute") == 0;
		o->eml |= strcmp(t, "--eml") == 0;
		o->html |= strcmp(t, "--format=html") == 0;
	}
}
