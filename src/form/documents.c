/* documents — the registry of documents, forms/documents
 * (todoke-documents(5)): one `document ID` line, then its keys. */
#include "todoke/document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/utf8.h"

struct rd {
	const char *name;
	int line;
	struct diag *err;
	struct docset *s;
};

static bool fail(struct rd *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(struct rd *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vset(r->err, r->name, r->line, fmt, ap);
	va_end(ap);
	return false;
}

/* The words of a line, split at spaces; the line is cut in place. */
static size_t split(char *s, char **w, size_t max)
{
	size_t n = 0;
	for (char *save = NULL, *t = strtok_r(s, " ", &save); t && n < max;
	     t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	return n;
}

static char **dup_words(char **w, size_t n)
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

static bool valid_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("-_.", *s)))
			return false;
	return true;
}

/* ID=OPT,OPT, !ID=OPT,OPT, ID (answered; a box ticked) or !ID */
static bool parse_cond(struct rd *r, const char *w, struct doc_cond *c)
{
	memset(c, 0, sizeof *c);
	c->negate = *w == '!';
	w += c->negate;
	const char *eq = strchr(w, '=');
	if (!eq && valid_id(w)) {
		c->id = xstrdup(w);
		return true;
	}
	if (!eq || eq == w || !eq[1])
		return fail(r, _("applies: \"%s\" is not ID=OPTION[,OPTION…]"), w);
	c->id = xstrndup(w, (size_t)(eq - w));
	char *opts = xstrdup(eq + 1);
	for (char *save = NULL, *t = strtok_r(opts, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		c->opts = xrealloc(c->opts, (c->nopts + 1) * sizeof *c->opts);
		c->opts[c->nopts++] = xstrdup(t);
	}
	free(opts);
	if (!valid_id(c->id) || !c->nopts)
		return fail(r, _("applies: \"%s\" is not ID=OPTION[,OPTION…]"), w);
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
	for (size_t i = 0; i < d->napplies; i++) {
		free(d->applies[i].id);
		free_words(d->applies[i].opts, d->applies[i].nopts);
	}
	free(d->applies);
}

static const struct { const char *name; enum doc_render r; } renders[] = {
	{ "layout", RENDER_LAYOUT },
	{ "layout+decision", RENDER_DECISION },
	{ "template", RENDER_TEMPLATE },
};

/* One key of the current document; w[0] is the key. */
static bool doc_key(struct rd *r, struct document *d, char **w, size_t n, const char *rest)
{
	const char *k = w[0];
	bool one = n == 2;
	if (strcmp(k, "title") == 0 && n >= 2 && !d->title)
		d->title = xstrdup(rest);
	else if (strcmp(k, "form") == 0 && one && !d->form && valid_id(w[1]))
		d->form = xstrdup(w[1]);
	else if (strcmp(k, "adopt-with") == 0 && one && !d->adopt_with && valid_id(w[1]))
		d->adopt_with = xstrdup(w[1]);
	else if (strcmp(k, "begins") == 0 && n == 1)
		d->begins = true;
	else if (strcmp(k, "render") == 0 && one) {
		size_t i = 0;
		while (i < sizeof renders / sizeof renders[0] && strcmp(renders[i].name, w[1]) != 0)
			i++;
		if (i == sizeof renders / sizeof renders[0])
			return fail(r, _("render: \"%s\" is none of layout, layout+decision, template"),
			            w[1]);
		d->render = renders[i].r;
	} else if (strcmp(k, "template") == 0 && one && !d->tmpl && valid_id(w[1]))
		d->tmpl = xstrdup(w[1]);
	else if (strcmp(k, "template") == 0 && n == 4 && strcmp(w[2], "by") == 0 && !d->tmpl &&
	         valid_id(w[1]) && valid_id(w[3])) {
		d->tmpl = xstrdup(w[1]);
		d->tmpl_by = xstrdup(w[3]);
	} else if (strcmp(k, "formats") == 0 && n >= 2) {
		for (size_t i = 1; i < n; i++)
			if (strcmp(w[i], "html") == 0)
				d->html = true;
			else if (strcmp(w[i], "text") != 0)
				return fail(r, _("formats: \"%s\" is neither text nor html"), w[i]);
	} else if (strcmp(k, "suffix") == 0 && one && !d->suffix)
		d->suffix = xstrdup(w[1]);
	else if (strcmp(k, "encodings") == 0 && n >= 2 && !d->nencodings) {
		d->encodings = dup_words(w + 1, n - 1);
		d->nencodings = n - 1;
	} else if (strcmp(k, "mail-to") == 0 && one) {
		d->mailto = strcmp(w[1], "form") == 0 ? MAILTO_FORM
		          : strcmp(w[1], "none") == 0 ? MAILTO_NONE : MAILTO_ANSWER;
		if (d->mailto == MAILTO_ANSWER) {
			if (!valid_id(w[1]))
				return fail(r, _("mail-to: \"%s\" is neither form, none nor a question id"),
				            w[1]);
			d->mailto_id = xstrdup(w[1]);
		}
	} else if (strcmp(k, "mail-from") == 0 && n >= 2 && !d->nmail_from) {
		d->mail_from = dup_words(w + 1, n - 1);
		d->nmail_from = n - 1;
	} else if (strcmp(k, "duties") == 0 && n >= 2 && !d->nduties) {
		d->duties = dup_words(w + 1, n - 1);
		d->nduties = n - 1;
	} else if (strcmp(k, "applies") == 0 && n >= 2) {
		for (size_t i = 1; i < n; i++) {
			d->applies = xrealloc(d->applies, (d->napplies + 1) * sizeof *d->applies);
			if (!parse_cond(r, w[i], &d->applies[d->napplies++]))
				return false;
		}
	} else
		return fail(r, _("\"%s\": unknown key, given twice or with the wrong words "
		                 "(see todoke-documents(5))"), k);
	return true;
}

/* What every document must say. */
static bool doc_complete(struct rd *r, struct document *d)
{
	int at = r->line;
	r->line = d->line;   /* a missing line is the document's fault */
	const char *lacks = !d->title ? "title" : !d->form ? "form" : !d->suffix ? "suffix"
	                  : d->render == RENDER_TEMPLATE && !d->tmpl ? "template" : NULL;
	if (lacks)
		return fail(r, _("document %s has no %s line"), d->id, lacks);
	if (d->render != RENDER_TEMPLATE && (d->tmpl || d->html))
		return fail(r, _("document %s: template and formats html are for render template"),
		            d->id);
	if (!d->nencodings) {
		char all[][12] = { "utf-8", "cp932", "shift_jis", "iso-2022-jp", "euc-jp" };
		char *v[] = { all[0], all[1], all[2], all[3], all[4] };
		d->encodings = dup_words(v, 5);
		d->nencodings = 5;
	}
	if (!d->nmail_from) {
		char from[] = "reporter.email";
		char *v[] = { from };
		d->mail_from = dup_words(v, 1);
		d->nmail_from = 1;
	}
	r->line = at;
	return true;
}

bool docset_parse(const char *text, size_t len, const char *name, struct docset *out,
                  struct diag *err)
{
	struct rd r = { .name = name, .err = err, .s = out };
	memset(out, 0, sizeof *out);
	out->path = xstrdup(name);
	size_t bad;
	bool ok = true;
	if (!utf8_valid(text, len, &bad) || memchr(text, '\0', len)) {
		r.line = 1;
		for (size_t i = 0; i < bad && i < len; i++)
			r.line += text[i] == '\n';
		ok = fail(&r, "%s", _("not valid UTF-8 text"));
	}
	const char *p = text, *end = text + len;
	bool header = false;
	struct document *cur = NULL;
	while (ok && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = xstrndup(p, n);
		p += n + (nl != NULL);
		r.line++;
		size_t l = strlen(line);
		while (l && (line[l - 1] == ' ' || line[l - 1] == '\r'))
			line[--l] = '\0';
		char *s = line + strspn(line, " ");
		for (const char *c = s; ok && *c; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				ok = fail(&r, "%s", _("a control character (a tab?) in the line"));
		if (!ok || !*s || *s == '#') {
			free(line);
			continue;
		}
		char *rest = s + strcspn(s, " ");
		rest += strspn(rest, " ");
		char *rest_copy = xstrdup(rest);
		char *w[64];
		size_t nw = split(s, w, 64);
		if (!header) {
			if (nw != 2 || strcmp(w[0], "todoke-documents") != 0 || strcmp(w[1], "1") != 0)
				ok = fail(&r, "%s", _("the first line must be \"todoke-documents 1\""));
			header = true;
		} else if (strcmp(w[0], "document") == 0) {
			if (cur && !doc_complete(&r, cur))
				ok = false;
			else if (nw != 2 || !valid_id(w[1]))
				ok = fail(&r, "%s", _("use \"document ID\" (a-z, 0-9, - . _)"));
			else if (docset_find(out, w[1]))
				ok = fail(&r, _("document %s is defined twice"), w[1]);
			else {
				out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
				cur = &out->v[out->n++];
				memset(cur, 0, sizeof *cur);
				cur->id = xstrdup(w[1]);
				cur->line = r.line;
			}
		} else if (!cur)
			ok = fail(&r, _("\"%s\" before the first document line"), w[0]);
		else
			ok = doc_key(&r, cur, w, nw, rest_copy);
		free(rest_copy);
		free(line);
	}
	if (ok && !header)
		ok = fail(&r, "%s", _("the first line must be \"todoke-documents 1\""));
	if (ok && cur)
		ok = doc_complete(&r, cur);
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
