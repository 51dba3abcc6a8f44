/* documents — the registry of documents, forms/documents
 * (todoke-documents(5)): one `document ID` line, then its keys, read with
 * the lexer every line format shares (lexer.h). */
#include "todoke/document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/encode.h"
#include "todoke/i18n.h"
#include "todoke/lexer.h"
#include "todoke/strbuf.h"

struct rd {
	struct lexer lx;
	struct docset *s;
	struct document *cur;
};

static char **dup_words(char *const *w, size_t n)
{
	char **v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = xstrdup(w[i]);
	return v;
}

static void free_words(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

/* The words of the rest of a line, checked as ids when `kind` >= 0. */
static bool words(struct rd *r, char *rest, int kind, char ***out, size_t *n)
{
	char *w[64];
	size_t k = 0;
	for (char *t; *(t = lex_word(&rest));) {
		if (k == 64)
			return lex_fail_at(&r->lx, t, "%s", _("too many words"));
		if (kind >= 0 && !lex_id(&r->lx, t, (enum lex_id)kind))
			return false;
		w[k++] = t;
	}
	if (!k)
		return lex_fail(&r->lx, _("\"%s\" wants at least one word"), r->lx.kw->word);
	if (*out)
		return lex_twice(&r->lx, r->lx.kw->word, 0);
	*out = dup_words(w, k);
	*n = k;
	return true;
}

/* One word (an id when `kind` >= 0) into *out, given once. */
static bool one(struct rd *r, char *rest, int kind, char **out)
{
	char *w = lex_word(&rest);
	if (!*w || *rest)
		return lex_fail(&r->lx, _("\"%s\" wants one word"), r->lx.kw->word);
	if (kind >= 0 && !lex_id(&r->lx, w, (enum lex_id)kind))
		return false;
	if (*out)
		return lex_twice(&r->lx, r->lx.kw->word, 0);
	*out = xstrdup(w);
	return true;
}

static void doc_release(struct document *d)
{
	free(d->id);
	free(d->title);
	free(d->form);
	free(d->adopt_with);
	free(d->tmpl);
	free(d->tmpl_by);
	free(d->suffix);
	free_words(d->encodings, d->nencodings);
	free(d->mailto_id);
	free_words(d->mail_from, d->nmail_from);
	free_words(d->duties, d->nduties);
	free(d->changes_into);
	free(d->kind_q);
	free(d->dated);
	for (size_t i = 0; i < d->nkinds; i++) {
		free(d->kinds[i].opt);
		free(d->kinds[i].name);
		free(d->kinds[i].date_q);
	}
	free(d->kinds);
	for (size_t i = 0; i < d->nsend; i++)
		free(d->send[i].encoding);
	free(d->send);
	free(d->part);
	free(d->purpose);
	free(d->recipient);
	free(d->part_en);
	free(d->purpose_en);
	free(d->recipient_en);
	for (size_t i = 0; i < d->napplies; i++) {
		free(d->applies[i].id);
		free_words(d->applies[i].opts, d->applies[i].nopts);
	}
	free(d->applies);
}

/* What every document must say; what it may leave out is filled in. */
static bool doc_complete(struct rd *r, struct document *d)
{
	const char *lacks = !d->title ? "title" : !d->form ? "form" : !d->suffix ? "suffix"
	                  : d->render == RENDER_TEMPLATE && !d->tmpl ? "template" : NULL;
	/* Said on the document's own line: that is where the entry starts. */
	if (lacks) {
		diag_set(r->lx.err, r->lx.name, d->line, _("document %s has no %s line"), d->id,
		         lacks);
		return false;
	}
	if (d->render != RENDER_TEMPLATE && (d->tmpl || d->html)) {
		diag_set(r->lx.err, r->lx.name, d->line,
		         _("document %s: template and formats html are for render template"), d->id);
		return false;
	}
	if (!d->nencodings) {
		char all[][12] = { "utf-8", "cp932", "shift_jis", "iso-2022-jp", "euc-jp" };
		char *v[] = { all[0], all[1], all[2], all[3], all[4] };
		d->encodings = dup_words(v, 5);
		d->nencodings = 5;
	}
	if (!d->nsend) {
		d->send = xcalloc(1, sizeof *d->send);
		d->nsend = 1;
	}
	for (size_t i = 0; i < d->nsend; i++)
		if (d->send[i].kind == SEND_HTML && !d->html) {
			diag_set(r->lx.err, r->lx.name, d->line,
			         _("document %s: send html needs formats text html"), d->id);
			return false;
		}
	if (!d->nmail_from) {
		char from[] = "reporter.email";
		char *v[] = { from };
		d->mail_from = dup_words(v, 1);
		d->nmail_from = 1;
	}
	return true;
}

static bool k_document(void *ctx, char *rest)
{
	struct rd *r = ctx;
	char *id = lex_word(&rest);
	if (!*id || *rest)
		return lex_fail(&r->lx, "%s", _("use \"document ID\""));
	if (!lex_id(&r->lx, id, LEX_FORM_ID))
		return false;
	if (r->cur && !doc_complete(r, r->cur))
		return false;
	const struct document *seen = docset_find(r->s, id);
	if (seen)
		return lex_fail_at(&r->lx, id, _("document %s is defined twice (first on line %d)"),
		                   id, seen->line);
	r->s->v = xrealloc(r->s->v, (r->s->n + 1) * sizeof *r->s->v);
	r->cur = &r->s->v[r->s->n++];
	memset(r->cur, 0, sizeof *r->cur);
	r->cur->id = xstrdup(id);
	r->cur->line = r->lx.line;
	return true;
}

static bool k_title(void *ctx, char *rest)
{
	struct rd *r = ctx;
	if (!*rest)
		return lex_fail(&r->lx, "%s", _("\"title\" wants the document's name"));
	if (r->cur->title)
		return lex_twice(&r->lx, "title", 0);
	r->cur->title = xstrdup(rest);
	return true;
}

/* The part's texts: the rest of the line, given once. */
static bool text_key(struct rd *r, char *rest, char **out)
{
	if (!*rest)
		return lex_fail(&r->lx, _("\"%s\" wants a text"), r->lx.kw->word);
	if (*out)
		return lex_twice(&r->lx, r->lx.kw->word, 0);
	*out = xstrdup(rest);
	return true;
}

#define TEXT_KEY(name, field) \
	static bool name(void *ctx, char *rest) \
	{ \
		struct rd *r = ctx; \
		return text_key(r, rest, &r->cur->field); \
	}
TEXT_KEY(k_part, part)
TEXT_KEY(k_part_en, part_en)
TEXT_KEY(k_purpose, purpose)
TEXT_KEY(k_purpose_en, purpose_en)
TEXT_KEY(k_recipient, recipient)
TEXT_KEY(k_recipient_en, recipient_en)

/* needed always | ppc-duty */
static bool k_needed(void *ctx, char *rest)
{
	struct rd *r = ctx;
	char *w = lex_word(&rest);
	if (*rest || (strcmp(w, "always") != 0 && strcmp(w, "ppc-duty") != 0))
		return lex_fail(&r->lx, "%s", _("use \"needed always\" or \"needed ppc-duty\""));
	r->cur->needs_ppc_duty = strcmp(w, "ppc-duty") == 0;
	return true;
}

static bool k_form(void *ctx, char *rest)
{
	struct rd *r = ctx;
	return one(r, rest, LEX_FORM_ID, &r->cur->form);
}

static bool k_adopt(void *ctx, char *rest)
{
	struct rd *r = ctx;
	return one(r, rest, LEX_FORM_ID, &r->cur->adopt_with);
}

static bool k_suffix(void *ctx, char *rest)
{
	struct rd *r = ctx;
	return one(r, rest, LEX_FORM_ID, &r->cur->suffix);
}

static bool k_begins(void *ctx, char *rest)
{
	struct rd *r = ctx;
	if (*rest)
		return lex_fail_at(&r->lx, rest, "%s", _("\"begins\" takes no word"));
	r->cur->begins = true;
	return true;
}

static const struct { const char *name; enum doc_render r; } renders[] = {
	{ "layout", RENDER_LAYOUT },
	{ "layout+decision", RENDER_DECISION },
	{ "template", RENDER_TEMPLATE },
};

static bool k_render(void *ctx, char *rest)
{
	struct rd *r = ctx;
	char *w = lex_word(&rest);
	for (size_t i = 0; i < sizeof renders / sizeof renders[0]; i++)
		if (strcmp(renders[i].name, w) == 0 && !*rest) {
			r->cur->render = renders[i].r;
			return true;
		}
	return lex_fail_at(&r->lx, w, _("render: \"%s\" is none of layout, layout+decision, "
	                                "template"), w);
}

/* template TYPE, or template TYPE by QUESTION */
static bool k_template(void *ctx, char *rest)
{
	struct rd *r = ctx;
	char *type = lex_word(&rest), *by = lex_word(&rest), *q = lex_word(&rest);
	if (!*type || (*by && (strcmp(by, "by") != 0 || !*q)) || *rest)
		return lex_fail(&r->lx, "%s", _("use \"template TYPE\" or \"template TYPE by "
		                                "QUESTION\""));
	if (!lex_id(&r->lx, type, LEX_OPTION_ID) || (*q && !lex_id(&r->lx, q, LEX_QUESTION_ID)))
		return false;
	if (r->cur->tmpl)
		return lex_twice(&r->lx, "template", 0);
	r->cur->tmpl = xstrdup(type);
	r->cur->tmpl_by = *q ? xstrdup(q) : NULL;
	return true;
}

static bool k_formats(void *ctx, char *rest)
{
	struct rd *r = ctx;
	for (char *w; *(w = lex_word(&rest));)
		if (strcmp(w, "html") == 0)
			r->cur->html = true;
		else if (strcmp(w, "text") != 0)
			return lex_fail_at(&r->lx, w, _("formats: \"%s\" is neither text nor html"), w);
	return true;
}

static bool k_encodings(void *ctx, char *rest)
{
	struct rd *r = ctx;
	return words(r, rest, -1, &r->cur->encodings, &r->cur->nencodings);
}

/* send eml[:ENCODING] html text[:ENCODING] assist: the files the export
 * screen writes for the recipient, in this order. */
static const struct { const char *name; enum doc_send_kind kind; } sends[] = {
	{ "text", SEND_TEXT }, { "html", SEND_HTML }, { "eml", SEND_EML },
};

static bool k_send(void *ctx, char *rest)
{
	struct rd *r = ctx;
	struct document *d = r->cur;
	if (d->nsend || d->assist)
		return lex_twice(&r->lx, "send", 0);
	for (char *w; *(w = lex_word(&rest));) {
		if (strcmp(w, "assist") == 0) {
			d->assist = true;
			continue;
		}
		char *enc = strchr(w, ':');
		if (enc)
			*enc++ = '\0';
		size_t k = 0;
		while (k < sizeof sends / sizeof sends[0] && strcmp(sends[k].name, w) != 0)
			k++;
		if (k == sizeof sends / sizeof sends[0] || (enc && sends[k].kind == SEND_HTML))
			return lex_fail_at(&r->lx, w, _("send: \"%s\" is none of text, "
			                                "text:ENCODING, html, eml, eml:ENCODING, assist"),
			                   w);
		if (enc && !encode_iconv_name(enc))
			return lex_fail_at(&r->lx, enc, _("send: unknown encoding \"%s\""), enc);
		/* A mail body is 7bit ISO-2022-JP or base64 UTF-8 (mail.h). */
		if (enc && sends[k].kind == SEND_EML && strcmp(encode_iconv_name(enc), "UTF-8") != 0 &&
		    strcmp(encode_iconv_name(enc), "ISO-2022-JP") != 0)
			return lex_fail_at(&r->lx, enc, _("send: an e-mail draft is iso-2022-jp or "
			                                  "utf-8, not \"%s\""), enc);
		d->send = xrealloc(d->send, (d->nsend + 1) * sizeof *d->send);
		d->send[d->nsend].kind = sends[k].kind;
		d->send[d->nsend].encoding = enc ? xstrdup(enc) : NULL;
		d->nsend++;
	}
	if (!d->nsend)
		return lex_fail(&r->lx, "%s", _("send wants text, html or eml"));
	return true;
}

static bool k_mail_to(void *ctx, char *rest)
{
	struct rd *r = ctx;
	char *w = NULL;
	if (!one(r, rest, -1, &w))
		return false;
	struct document *d = r->cur;
	d->mailto = strcmp(w, "form") == 0 ? MAILTO_FORM
	          : strcmp(w, "none") == 0 ? MAILTO_NONE : MAILTO_ANSWER;
	if (d->mailto == MAILTO_ANSWER && !lex_id_ok(w, LEX_QUESTION_ID)) {
		free(w);
		return lex_fail(&r->lx, "%s", _("mail-to: give form, none or a question id"));
	}
	free(d->mailto_id);
	d->mailto_id = d->mailto == MAILTO_ANSWER ? w : (free(w), NULL);
	return true;
}

static bool k_mail_from(void *ctx, char *rest)
{
	struct rd *r = ctx;
	return words(r, rest, LEX_QUESTION_ID, &r->cur->mail_from, &r->cur->nmail_from);
}

static bool k_duties(void *ctx, char *rest)
{
	struct rd *r = ctx;
	return words(r, rest, -1, &r->cur->duties, &r->cur->nduties);
}

static bool k_changes_into(void *ctx, char *rest)
{
	struct rd *r = ctx;
	char *w = lex_word(&rest);
	if (!*w || *rest)
		return lex_fail(&r->lx, "%s", _("\"changes-into\" wants one question id"));
	free(r->cur->changes_into);
	r->cur->changes_into = xstrdup(w);
	return true;
}

static bool k_followup_lead(void *ctx, char *rest)
{
	struct rd *r = ctx;
	if (*rest)
		return lex_fail_at(&r->lx, rest, "%s", _("\"follow-up-lead\" takes no word"));
	r->cur->followup_lead = true;
	return true;
}

/* kinds QUESTION OPTION:NAME:DATE-QUESTION ... */
static bool k_kinds(void *ctx, char *rest)
{
	struct rd *r = ctx;
	struct document *d = r->cur;
	char *q = lex_word(&rest);
	if (!*q || !*rest)
		return lex_fail(&r->lx, "%s", _("use \"kinds QUESTION OPTION:NAME:DATE-QUESTION "
		                                "...\""));
	if (d->kind_q)
		return lex_twice(&r->lx, "kinds", 0);
	if (!lex_id(&r->lx, q, LEX_QUESTION_ID))
		return false;
	d->kind_q = xstrdup(q);
	for (char *w; *(w = lex_word(&rest));) {
		char *name = strchr(w, ':');
		char *date_q = name ? strchr(name + 1, ':') : NULL;
		if (!date_q || name == w || date_q == name + 1 || !date_q[1])
			return lex_fail_at(&r->lx, w, _("kinds: \"%s\" is not OPTION:NAME:DATE-QUESTION"),
			                   w);
		*name++ = '\0';
		*date_q++ = '\0';
		if (!lex_id(&r->lx, w, LEX_OPTION_ID) || !lex_id(&r->lx, date_q, LEX_QUESTION_ID))
			return false;
		if (document_kind(d, name))
			return lex_fail_at(&r->lx, name, _("kinds: \"%s\" is given twice"), name);
		d->kinds = xrealloc(d->kinds, (d->nkinds + 1) * sizeof *d->kinds);
		d->kinds[d->nkinds++] = (struct doc_kind){ xstrdup(w), xstrdup(name),
		                                           xstrdup(date_q) };
	}
	return true;
}

static bool k_dated(void *ctx, char *rest)
{
	struct rd *r = ctx;
	return one(r, rest, LEX_QUESTION_ID, &r->cur->dated);
}

/* ID=OPT,OPT, !ID=OPT,OPT, ID (answered; a box ticked) or !ID */
static bool k_applies(void *ctx, char *rest)
{
	struct rd *r = ctx;
	struct document *d = r->cur;
	if (!*rest)
		return lex_fail(&r->lx, "%s", _("\"applies\" wants at least one condition"));
	for (char *w; *(w = lex_word(&rest));) {
		struct doc_cond c = { .negate = *w == '!' };
		w += c.negate;
		char *id;
		if (!strchr(w, '=')) {
			if (!lex_id(&r->lx, w, LEX_QUESTION_ID))
				return false;
			c.id = xstrdup(w);
		} else if (lex_id_opts(&r->lx, w, LEX_QUESTION_ID, &id, &c.opts, &c.nopts))
			c.id = xstrdup(id);
		else
			return false;
		d->applies = xrealloc(d->applies, (d->napplies + 1) * sizeof *d->applies);
		d->applies[d->napplies++] = c;
	}
	return true;
}

static const struct lex_keyword keys[] = {
	{ "document", k_document, 0 },
	{ "title", k_title, 0 },
	{ "form", k_form, 0 },
	{ "begins", k_begins, 0 },
	{ "adopt-with", k_adopt, 0 },
	{ "render", k_render, 0 },
	{ "template", k_template, 0 },
	{ "formats", k_formats, 0 },
	{ "suffix", k_suffix, 0 },
	{ "encodings", k_encodings, 0 },
	{ "mail-to", k_mail_to, 0 },
	{ "mail-from", k_mail_from, 0 },
	{ "duties", k_duties, 0 },
	{ "applies", k_applies, 0 },
	{ "changes-into", k_changes_into, 0 },
	{ "follow-up-lead", k_followup_lead, 0 },
	{ "kinds", k_kinds, 0 },
	{ "dated", k_dated, 0 },
	{ "send", k_send, 0 },
	{ "part", k_part, 0 },
	{ "part-en", k_part_en, 0 },
	{ "purpose", k_purpose, 0 },
	{ "purpose-en", k_purpose_en, 0 },
	{ "recipient", k_recipient, 0 },
	{ "recipient-en", k_recipient_en, 0 },
	{ "needed", k_needed, 0 },
	{ NULL, NULL, 0 },
};

static bool registry_line(void *ctx, char *line)
{
	struct rd *r = ctx;
	/* Every key belongs to the document above it (only the lines before
	 * the first document need their first word apart: 88 snprintf at
	 * every start otherwise). */
	if (!r->cur) {
		size_t n = strcspn(line, " \t");
		char first[32];
		snprintf(first, sizeof first, "%.*s", (int)n, line);
		if (strcmp(first, "document") != 0 && lex_lookup(keys, first))
			return lex_fail_at(&r->lx, line, _("\"%s\" before the first document line"),
			                   first);
	}
	return lex_dispatch(&r->lx, keys, LEX_DIRECTIVE, line, r);
}

bool docset_parse(const char *text, size_t len, const char *name, struct docset *out,
                  struct diag *err)
{
	struct rd r = { .s = out };
	memset(out, 0, sizeof *out);
	out->path = xstrdup(name);
	lex_init(&r.lx, text, len, name, 0, err);
	bool ok = lex_read(&r.lx, "todoke-documents", 1, registry_line, &r) &&
	          (!r.cur || doc_complete(&r, r.cur));
	lex_release(&r.lx);
	if (!ok)
		docset_release(out);
	return ok;
}

void docset_release(struct docset *s)
{
	for (size_t i = 0; i < s->n; i++)
		doc_release(&s->v[i]);
	free(s->v);
	free(s->path);
	memset(s, 0, sizeof *s);
}

const struct document *docset_find(const struct docset *s, const char *id)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (strcmp(s->v[i].id, id) == 0)
			return &s->v[i];
	return NULL;
}

char *docset_ids(const struct docset *s, const char *sep)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; s && i < s->n; i++)
		sb_addf(&sb, "%s%s", i ? sep : "", s->v[i].id);
	return sb_detach(&sb);
}

const struct doc_kind *document_kind(const struct document *d, const char *name)
{
	for (size_t i = 0; d && i < d->nkinds; i++)
		if (strcmp(d->kinds[i].name, name) == 0)
			return &d->kinds[i];
	return NULL;
}

bool docset_reporting_answer(const struct docset *s, const char *key)
{
	for (size_t i = 0; s && i < s->n; i++) {
		const struct document *d = &s->v[i];
		if ((d->kind_q && strcmp(d->kind_q, key) == 0) ||
		    (d->dated && strcmp(d->dated, key) == 0))
			return true;
		for (size_t k = 0; k < d->nkinds; k++)
			if (strcmp(d->kinds[k].date_q, key) == 0)
				return true;
	}
	return false;
}

bool document_applies(const struct document *d, const struct model *m,
                      const struct doc_cond **failed)
{
	for (size_t i = 0; i < d->napplies; i++) {
		const struct doc_cond *c = &d->applies[i];
		const char *ans = model_text(m, c->id);
		/* A box is answered when ticked (its note alone is not a tick). */
		const struct value *v = model_get(m, c->id);
		bool in = !c->nopts && v && (v->type == Q_CHECK ? v->checked : *ans != '\0');
		for (size_t k = 0; k < c->nopts; k++)
			in |= strcmp(ans, c->opts[k]) == 0;
		if (in == c->negate) {
			if (failed)
				*failed = c;
			return false;
		}
	}
	return true;
}

const char *document_text(const struct document *d, enum doc_text which, bool english)
{
	const char *ja = which == DOC_PART ? (d->part ? d->part : d->title)
	               : which == DOC_PURPOSE ? d->purpose : d->recipient;
	const char *en = which == DOC_PART ? d->part_en
	               : which == DOC_PURPOSE ? d->purpose_en : d->recipient_en;
	return english && en ? en : ja ? ja : "";
}
