/* incident — the incident file: reading (all or nothing) and writing. */
#include "todoke/incident.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/document.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/lexer.h"

struct incident *incident_new(const struct form *const *forms, size_t nforms)
{
	struct incident *inc = xcalloc(1, sizeof *inc);
	inc->forms = xcalloc(nforms, sizeof *inc->forms);
	for (size_t i = 0; i < nforms; i++)
		inc->forms[i] = forms[i];
	inc->nforms = nforms;
	inc->answers = model_new();
	sb_init(&inc->extra);
	return inc;
}

bool incident_add_form(struct incident *inc, const struct form *f)
{
	if (incident_form(inc, f->id))
		return false;
	inc->forms = xrealloc(inc->forms, (inc->nforms + 1) * sizeof *inc->forms);
	inc->forms[inc->nforms++] = f;
	return true;
}

size_t incident_adopt_documents(struct incident *inc, const struct formset *fs)
{
	const struct docset *s = formset_documents(fs);
	size_t added = 0;
	for (size_t i = 0; i < s->n; i++) {
		/* The form is read only when it is to join (forms are parsed
		 * on first use: formset_error says when one does not read). */
		if (!s->v[i].adopt_with || !incident_form(inc, s->v[i].adopt_with) ||
		    incident_form(inc, s->v[i].form) ||
		    !document_applies(&s->v[i], inc->answers, NULL))
			continue;
		const struct form *f = formset_latest(fs, s->v[i].form);
		if (f && !incident_form(inc, f->id)) {
			incident_add_form(inc, f);
			added++;
		}
	}
	return added;
}

void incident_free(struct incident **pinc)
{
	struct incident *inc = pinc ? *pinc : NULL;
	if (!inc)
		return;
	free(inc->forms);
	for (size_t i = 0; i < inc->nmeta; i++) {
		free(inc->meta[i].key);
		free(inc->meta[i].value);
	}
	free(inc->meta);
	model_free(&inc->answers);
	sb_release(&inc->extra);
	free(inc);
	*pinc = NULL;
}

const char *incident_meta(const struct incident *inc, const char *key)
{
	for (size_t i = 0; i < inc->nmeta; i++)
		if (strcmp(inc->meta[i].key, key) == 0)
			return inc->meta[i].value;
	return NULL;
}

void incident_set_meta(struct incident *inc, const char *key, const char *value)
{
	for (size_t i = 0; i < inc->nmeta; i++)
		if (strcmp(inc->meta[i].key, key) == 0) {
			free(inc->meta[i].value);
			inc->meta[i].value = xstrdup(value);
			return;
		}
	inc->meta = xrealloc(inc->meta, (inc->nmeta + 1) * sizeof *inc->meta);
	inc->meta[inc->nmeta++] = (struct meta){ xstrdup(key), xstrdup(value) };
}

void incident_unset_meta(struct incident *inc, const char *key)
{
	for (size_t i = 0; i < inc->nmeta; i++)
		if (strcmp(inc->meta[i].key, key) == 0) {
			free(inc->meta[i].key);
			free(inc->meta[i].value);
			memmove(&inc->meta[i], &inc->meta[i + 1], (inc->nmeta - i - 1) * sizeof *inc->meta);
			inc->nmeta--;
			return;
		}
}

const struct question *incident_question(const struct incident *inc,
                                         const char *id, const struct form **form)
{
	for (size_t i = 0; i < inc->nforms; i++) {
		const struct question *q = form_question(inc->forms[i], id);
		if (q) {
			if (form)
				*form = inc->forms[i];
			return q;
		}
	}
	return NULL;
}

const struct form *incident_form(const struct incident *inc, const char *id)
{
	for (size_t i = 0; i < inc->nforms; i++)
		if (strcmp(inc->forms[i]->id, id) == 0)
			return inc->forms[i];
	return NULL;
}

/* ---- reading ----------------------------------------------------------- */

enum part { P_NONE, P_INCIDENT, P_ANSWERS, P_UNKNOWN, P_END };

struct reader {
	struct lexer lx;
	const struct formset *fs;
	struct incident *inc;
	enum part part;
	bool seen_incident, seen_answers;
	/* A multi-line value being collected from `|` lines. */
	struct strbuf block;
	bool in_block;
	int block_nlines;
	struct model *block_model;
	char *block_id;
	int block_line;
};

static bool finish_block(struct reader *r)
{
	if (!r->in_block)
		return true;
	struct value *v = model_set_text(r->block_model, r->block_id, Q_LINES, r->block.buf);
	v->line = r->block_line;
	r->in_block = false;
	free(r->block_id);
	r->block_id = NULL;
	sb_release(&r->block);
	return true;
}

/* "id" or "id[N].field": the model to store into and the question. */
static bool resolve(struct reader *r, char *key, struct model **m,
                    const struct question **q, const char **id)
{
	char *br = strchr(key, '[');
	const struct form *f;
	if (!br) {
		*q = incident_question(r->inc, key, &f);
		if (!*q)
			return lex_fail(&r->lx, _("unknown question id \"%s\""), key);
		if ((*q)->type == Q_REPEAT)
			return lex_fail(&r->lx, _("\"%s\" is a list: write %s[1].%s: …"), key, key,
			             (*q)->fields[0].id);
		*m = r->inc->answers;
		*id = key;
		return true;
	}
	*br = '\0';
	char *end;
	errno = 0;
	long n = strtol(br + 1, &end, 10);
	if (end == br + 1 || *end != ']' || end[1] != '.' || errno || n < 1 || n > 100000)
		return lex_fail(&r->lx, _("bad entry reference \"%s[%s\": use %s[1].field"), key, br + 1, key);
	const struct question *rq = incident_question(r->inc, key, &f);
	if (!rq)
		return lex_fail(&r->lx, _("unknown question id \"%s\""), key);
	if (rq->type != Q_REPEAT)
		return lex_fail(&r->lx, _("\"%s\" is not a list of entries"), key);
	*id = end + 2;
	int fi = question_field(rq, *id);
	if (fi < 0)
		return lex_fail(&r->lx, _("\"%s\" entries have no field \"%s\""), key, *id);
	*q = &rq->fields[fi];
	size_t count = model_entry_count(r->inc->answers, key);
	if ((size_t)n == count + 1)
		*m = model_entry_add(r->inc->answers, key);
	else if ((size_t)n <= count)
		*m = model_entry(r->inc->answers, key, (size_t)n - 1);
	else
		return lex_fail(&r->lx, _("%s[%ld] comes before %s[%zu]"), key, n, key, count + 1);
	return true;
}

static bool parse_value(struct reader *r, struct model *m, const struct question *q,
                        const char *id, const char *val)
{
	struct value *v = NULL;
	const char *why;

	switch (q->type) {
	case Q_CHECK: {
		bool on;
		if (strncmp(val, "[x]", 3) == 0 || strncmp(val, "[X]", 3) == 0)
			on = true;
		else if (strncmp(val, "[ ]", 3) == 0)
			on = false;
		else
			return lex_fail(&r->lx, _("\"%s\" is a checkbox: write [x] or [ ], not \"%s\""), id, val);
		const char *note = val + 3;
		if (*note && *note != ' ')
			return lex_fail(&r->lx, _("\"%s\": put a space after [x] or [ ]"), id);
		if (*note)
			note++;
		if (*note && !q->has_note)
			return lex_fail(&r->lx, _("checkbox \"%s\" has no text blank; remove \"%s\""), id, note);
		v = model_set_check(m, id, on, q->has_note && *note ? note : NULL);
		break;
	}
	case Q_CHOICE:
		if (question_option(q, val) < 0) {
			struct strbuf opts;
			sb_init(&opts);
			for (size_t i = 0; i < q->nopts; i++)
				sb_addf(&opts, "%s%s (%s)", i ? ", " : "", q->opts[i].id,
				        q->opts[i].label);
			lex_fail(&r->lx, _("\"%s\" has no choice \"%s\"; choose one of: %s"), id, val, opts.buf);
			sb_release(&opts);
			return false;
		}
		v = model_set_text(m, id, Q_CHOICE, val);
		break;
	case Q_TEXT:
	case Q_LINES:
		v = model_set_text(m, id, q->type, val);
		break;
	case Q_DATE: {
		struct date d;
		if (!date_parse(val, &d, &why))
			return lex_fail(&r->lx, _("\"%s\": bad date \"%s\": %s"), id, val, why);
		v = model_set_date(m, id, d);
		break;
	}
	case Q_NUMBER: {
		char *end;
		errno = 0;
		long long n = strtoll(val, &end, 10);
		if (!*val || *end || errno)
			return lex_fail(&r->lx, _("\"%s\" is a number, not \"%s\""), id, val);
		v = model_set_number(m, id, n);
		break;
	}
	case Q_REPEAT:
		return lex_fail(&r->lx, _("\"%s\" is a list of entries"), id);
	}
	v->line = r->lx.line;
	return true;
}

static bool answer_line(struct reader *r, char *line)
{
	char *val;
	if (!lex_key_value(&r->lx, line, N_("question-id: value"), &line, &val))
		return false;
	struct model *m = NULL;
	const struct question *q = NULL;
	const char *id = NULL;
	char key[256];   /* for the message: the name as written, cut as snprintf would */
	size_t kl = strlen(line);
	if (kl > sizeof key - 1)
		kl = sizeof key - 1;
	memcpy(key, line, kl);
	key[kl] = '\0';
	if (!resolve(r, line, &m, &q, &id))
		return false;
	const struct value *old = model_get(m, id);
	if (old)
		return lex_fail(&r->lx, _("\"%s\" is answered twice (first on line %d)"), key, old->line);
	if (q->type == Q_LINES && !*val) {
		/* Its lines follow as `| text`. */
		r->in_block = true;
		r->block_model = m;
		r->block_id = xstrdup(id);
		r->block_line = r->lx.line;
		r->block_nlines = 0;
		sb_init(&r->block);
		return true;
	}
	return parse_value(r, m, q, id, val);
}

/* "form: ID VERSION" of the registry's first document, for messages. */
static const char *example_form(const struct formset *fs)
{
	static char buf[256];
	const struct docset *s = formset_documents(fs);
	const struct form *f = s->n ? formset_latest(fs, s->v[0].form) : NULL;
	if (!f)
		f = formset_at(fs, 0);
	snprintf(buf, sizeof buf, "form: %s %s", f ? f->id : "FORM-ID", f ? f->version : "VERSION");
	return buf;
}

static bool meta_line(struct reader *r, char *line)
{
	char *val;
	if (!lex_key_value(&r->lx, line, N_("key: value"), &line, &val))
		return false;
	if (strcmp(line, "form") == 0) {
		char fid[128], ver[64], extra[2];
		if (sscanf(val, "%127s %63s %1s", fid, ver, extra) != 2)
			return lex_fail(&r->lx, _("use \"form: FORM-ID VERSION\", e.g. %s"),
			                example_form(r->fs));
		const struct form *f = formset_find(r->fs, fid, ver);
		const struct diag *bad = formset_error(r->fs);
		char why[sizeof bad->msg + sizeof bad->file + 32];
		if (!f && bad)  /* installed, but it does not read */
			return lex_fail(&r->lx, "%s", diag_format(bad, why, sizeof why));
		if (!f)
			return lex_fail(&r->lx, _("form %s version %s is not installed"), fid, ver);
		if (incident_form(r->inc, fid))
			return lex_fail(&r->lx, _("form %s is named twice"), fid);
		/* A question shared between forms must mean the same thing. */
		for (size_t i = 0; i < f->nqs; i++) {
			const struct form *other;
			const struct question *q = incident_question(r->inc, f->qs[i].id, &other);
			if (q && q->type != f->qs[i].type)
				return lex_fail(&r->lx, _("question \"%s\" is a %s in %s but a %s in %s"),
				             q->id, q_type_name(q->type), other->id,
				             q_type_name(f->qs[i].type), f->id);
		}
		r->inc->forms = xrealloc(r->inc->forms, (r->inc->nforms + 1) * sizeof *r->inc->forms);
		r->inc->forms[r->inc->nforms++] = f;
		return true;
	}
	if (incident_meta(r->inc, line))
		return lex_twice(&r->lx, line, 0);
	incident_set_meta(r->inc, line, val);
	return true;
}

static bool section_line(struct reader *r, const char *line)
{
	if (!finish_block(r))
		return false;
	if (strcmp(line, "[incident]") == 0 && !r->seen_incident) {
		r->part = P_INCIDENT;
		r->seen_incident = true;
	} else if (strcmp(line, "[answers]") == 0 && r->seen_incident && !r->seen_answers) {
		if (!r->inc->nforms)
			return lex_fail(&r->lx, _("[incident] names no form (add e.g. \"%s\")"),
			                example_form(r->fs));
		r->part = P_ANSWERS;
		r->seen_answers = true;
	} else if (strcmp(line, "[end]") == 0) {
		if (!r->seen_incident)
			return lex_fail(&r->lx, _("no [incident] section before [end]"));
		r->part = P_END;
	}
	else if (strcmp(line, "[incident]") == 0 || strcmp(line, "[answers]") == 0)
		return lex_fail(&r->lx, _("%s is out of place: the order is [incident], [answers], [end]"), line);
	else {
		/* Written by a newer todoke: kept as it is. */
		r->part = P_UNKNOWN;
		sb_add(&r->inc->extra, line);
		sb_addc(&r->inc->extra, '\n');
	}
	return true;
}

static bool read_line(struct reader *r, char *line)
{
	if (r->part == P_END) {
		if (lex_blank(line))
			return true;
		return lex_fail(&r->lx, _("text after [end]"));
	}
	if (r->part == P_UNKNOWN && line[0] != '[') {
		sb_add(&r->inc->extra, line);
		sb_addc(&r->inc->extra, '\n');
		return true;
	}
	if (line[0] == '|') {
		if (!r->in_block)
			return lex_fail(&r->lx, _("a \"|\" line belongs under \"question-id:\" of a multi-line answer"));
		const char *t = line + 1;
		if (*t == ' ')
			t++;
		if (r->block_nlines++)
			sb_addc(&r->block, '\n');
		sb_add(&r->block, t);
		return true;
	}
	if (!finish_block(r))
		return false;
	if (lex_blank(line))
		return true;
	if (line[0] == '[')
		return section_line(r, line);
	switch (r->part) {
	case P_INCIDENT: return meta_line(r, line);
	case P_ANSWERS: return answer_line(r, line);
	default: return lex_fail(&r->lx, _("expected [incident]"));
	}
}

bool incident_parse(const char *text, size_t len, const char *name,
                    const struct formset *fs, struct incident **out,
                    struct diag *err)
{
	struct reader r = { .fs = fs };
	bool ok = true;

	*out = NULL;
	r.inc = incident_new(NULL, 0);
	lex_init(&r.lx, text, len, name, LEX_TABS, err);
	for (char *line; ok && (line = lex_next(&r.lx));) {
		if (!r.lx.newline && strcmp(line, "[end]") != 0)
			ok = lex_fail(&r.lx, _("the file ends in the middle of this line: it was cut "
			              "short (or, if written by hand, end it with a line \"[end]\")"));
		else if (r.lx.line == 1)
			ok = lex_header(&r.lx, line, "todoke-incident", INCIDENT_FORMAT);
		else
			ok = read_line(&r, line);
	}
	if (ok && r.lx.failed)
		ok = false;
	if (ok && r.lx.line == 0)
		ok = lex_no_header(&r.lx, "todoke-incident", INCIDENT_FORMAT);
	if (ok && r.part == P_END && !r.inc->nforms)
		ok = lex_fail(&r.lx, _("[incident] names no form (add e.g. \"%s\")"),
		              example_form(r.fs));
	if (ok && r.part != P_END)
		ok = lex_fail(&r.lx, _("the file ends without its last line \"[end]\": it was cut "
		           "short (or, if written by hand, add [end])"));
	if (r.in_block) {
		free(r.block_id);
		sb_release(&r.block);
	}
	lex_release(&r.lx);
	if (!ok) {
		incident_free(&r.inc);
		return false;
	}
	r.inc->fs = fs;
	/* Kept sections are written back with one blank line around them. */
	while (r.inc->extra.len >= 2 && r.inc->extra.buf[r.inc->extra.len - 1] == '\n' &&
	       r.inc->extra.buf[r.inc->extra.len - 2] == '\n')
		r.inc->extra.buf[--r.inc->extra.len] = '\0';
	*out = r.inc;
	return true;
}

bool incident_load(const char *path, const struct formset *fs,
                   struct incident **out, struct diag *err)
{
	char *data;
	size_t len;
	*out = NULL;
	if (!file_read_all(path, &data, &len, err))
		return false;
	bool ok = incident_parse(data, len, path, fs, out, err);
	free(data);
	return ok;
}

/* ---- writing ----------------------------------------------------------- */

/* Each answer's line built of appends, not sb_addf: an autosave writes
 * every answer of the incident, a big timeline's 20,000 (issue 14). */
static void put_value(struct strbuf *out, const char *key, const struct value *v)
{
	char buf[16];
	switch (v->type) {
	case Q_CHECK:
		sb_add(out, key);
		sb_add(out, v->checked ? ": [x]" : ": [ ]");
		if (v->text && *v->text) {
			sb_addc(out, ' ');
			sb_add(out, v->text);
		}
		sb_addc(out, '\n');
		break;
	case Q_CHOICE:
	case Q_TEXT:
		sb_add(out, key);
		sb_add(out, *v->text ? ": " : ":");
		sb_add(out, v->text);
		sb_addc(out, '\n');
		break;
	case Q_LINES: {
		sb_add(out, key);
		sb_add(out, ":\n");
		const char *t = v->text;
		if (!*t)
			break;
		for (;;) {
			const char *nl = strchr(t, '\n');
			size_t n = nl ? (size_t)(nl - t) : strlen(t);
			sb_add(out, n ? "| " : "|");
			sb_addn(out, t, n);
			sb_addc(out, '\n');
			if (!nl)
				break;
			t = nl + 1;
		}
		break;
	}
	case Q_DATE:
		date_format_iso(v->date, buf, sizeof buf);
		sb_add(out, key);
		sb_add(out, ": ");
		sb_add(out, buf);
		sb_addc(out, '\n');
		break;
	case Q_NUMBER:
		sb_addf(out, "%s: %lld\n", key, v->number);
		break;
	case Q_REPEAT:
		break;
	}
}

/* "ID[N].FIELD" in key (size bytes), cut as snprintf would cut it. */
static void entry_key(char *key, size_t size, const char *id, size_t n, const char *field)
{
	char num[24], *p = num + sizeof num;
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	const char *part[] = { id, "[", p, "].", field };
	size_t len = 0;
	for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
		size_t k = i == 2 ? (size_t)(num + sizeof num - p) : strlen(part[i]);
		if (k > size - 1 - len)
			k = size - 1 - len;
		memcpy(key + len, part[i], k);
		len += k;
	}
	key[len] = '\0';
}

static void put_question(struct strbuf *out, const struct model *m,
                         const struct question *q)
{
	if (q->type != Q_REPEAT) {
		const struct value *v = model_get(m, q->id);
		if (v)
			put_value(out, q->id, v);
		return;
	}
	size_t n = model_entry_count(m, q->id);
	for (size_t i = 0; i < n; i++) {
		const struct model *e = model_entry(m, q->id, i);
		for (size_t k = 0; k < q->nfields; k++) {
			const struct value *v = model_get(e, q->fields[k].id);
			if (!v)
				continue;
			char key[256];
			entry_key(key, sizeof key, q->id, i + 1, q->fields[k].id);
			put_value(out, key, v);
		}
	}
}

void incident_serialize(const struct incident *inc, struct strbuf *out)
{
	sb_addf(out, "todoke-incident %d\n", INCIDENT_FORMAT);
	sb_add(out, "# todoke incident: UTF-8 text, one answer a line, see todoke-incident(5).\n"
	            "# After editing by hand, run `todoke check` on it.\n\n[incident]\n");
	for (size_t i = 0; i < inc->nforms; i++)
		sb_addf(out, "form: %s %s\n", inc->forms[i]->id, inc->forms[i]->version);
	for (size_t i = 0; i < inc->nmeta; i++)
		sb_addf(out, "%s:%s%s\n", inc->meta[i].key, *inc->meta[i].value ? " " : "",
		        inc->meta[i].value);
	sb_add(out, "\n[answers]\n");
	/* In form order, each question once even when forms share it. */
	for (size_t f = 0; f < inc->nforms; f++)
		for (size_t i = 0; i < inc->forms[f]->nqs; i++) {
			const struct question *q = &inc->forms[f]->qs[i];
			const struct form *owner = NULL;
			incident_question(inc, q->id, &owner);
			if (owner == inc->forms[f])
				put_question(out, inc->answers, q);
		}
	if (inc->extra.len) {
		sb_addc(out, '\n');
		sb_addn(out, inc->extra.buf, inc->extra.len);
	}
	sb_add(out, "\n[end]\n");
}

bool incident_save(const struct incident *inc, const char *path, struct diag *err)
{
	struct strbuf sb;
	sb_init(&sb);
	incident_serialize(inc, &sb);
	/* 0600, or 0660 in a team directory (fileio.h). */
	bool ok = file_write_atomic(path, sb.buf, sb.len, file_mode_in(path), err);
	sb_release(&sb);
	return ok;
}
