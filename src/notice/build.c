/* notice — a template evaluated against the answers: the notice document. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/check.h"
#include "todoke/form.h"
#include "todoke/i18n.h"
#include "todoke/ppc.h"

/* A span while the block is being written: names borrowed from the
 * template and the forms, copied when the block is emitted. */
struct rspan {
	size_t start, end;
	const char *file, *id, *field;
	int line;
	size_t entry;
	bool gap, copy;
};

struct ctx {
	const struct tmpl *t;
	const struct incident *inc;
	const struct model *m;
	const struct model *entry;      /* inside `for`: the entry */
	const struct question *rq;      /* and its list question */
	size_t entry_no;                /* and its number, from 1 */
	struct rspan *sp;               /* where the text being written came from */
	size_t nsp, capsp;
	struct ppc_decision d;
	struct notice *out;
	struct strbuf para;
	int depth;                      /* phrases within phrases, checking */
	int part;                       /* the block of `order` being run */
	struct diag *err;
	bool failed;
};

static void fail_at(struct ctx *c, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* The first error wins: it names the template's file and line. */
static void fail_at(struct ctx *c, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	if (c->failed)
		return;
	c->failed = true;
	va_start(ap, fmt);
	diag_vset(c->err, file, line, fmt, ap);
	va_end(ap);
}

static const struct question *resolve(struct ctx *c, const char *name, const char *file,
                                      int line);

/* The question behind a name, and the answers it is read from: the
 * entry of the list being gone through for a .field. */
static const struct question *lookup(struct ctx *c, const char *name,
                                     const struct model **m, const char *file, int line)
{
	*m = name[0] == '.' ? c->entry : c->m;
	return resolve(c, name, file, line);
}

static bool has_answer(const struct question *q, const struct model *m)
{
	if (q->type == Q_CHECK)
		return model_checked(m, q->id);
	return question_answered(q, m);
}

/* Answered, or a draft that reads as its source (incident.h: draft_*). */
static bool answered(const struct ctx *c, const struct question *q, const struct model *m)
{
	return has_answer(q, m) || (m == c->m && draft_is_copy(c->inc, q));
}

static bool eval_cond(struct ctx *c, const struct cond *cd, const char *file, int line)
{
	for (size_t i = 0; i < cd->n; i++) {
		const struct term *t = &cd->v[i];
		bool r = false;
		const struct model *m = NULL;
		const struct question *q;
		switch (t->kind) {
		case T_MANDATORY:
			r = c->d.verdict == PPC_MANDATORY;
			break;
		case T_ANSWERED:
			if (strcmp(t->id, "@persons") == 0) {
				r = c->d.persons_known;
				break;
			}
			q = lookup(c, t->id, &m, file, line);
			r = q && answered(c, q, m);
			break;
		case T_EQUALS:
			q = lookup(c, t->id, &m, file, line);
			if (q && has_answer(q, m))
				for (size_t k = 0; k < t->nopts; k++)
					r |= strcmp(model_text(m, q->id), t->opts[k]) == 0;
			break;
		case T_ANY:
			q = lookup(c, t->id, &m, file, line);
			if (q && q->type == Q_REPEAT) {
				int f = question_field(q, t->opts[0]);
				for (size_t k = 0; f >= 0 && k < model_entry_count(m, q->id); k++)
					r |= has_answer(&q->fields[f], model_entry(m, q->id, k));
			}
			break;
		case T_SHOWN:
			q = lookup(c, t->id, &m, file, line);
			r = q && question_shown(q, m);
			break;
		case T_TEXT:
			q = lookup(c, t->id, &m, file, line);
			r = q && q->type == Q_CHECK && model_checked(m, q->id) &&
			    !answer_blank(model_text(m, q->id));
			break;
		}
		if (r == t->neg)
			return false;
	}
	return true;
}

/* Text answers lose trailing blank lines and spaces; inner lines stay. */
static void add_trimmed(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n && strchr(" \n\t", s[n - 1]))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;  /* U+3000, the full-width space */
		else
			break;
	}
	sb_addn(sb, s, n);
}

static void span_add(struct ctx *c, size_t start, size_t end, struct rspan r)
{
	if (end <= start)
		return;
	r.start = start;
	r.end = end;
	if (c->nsp == c->capsp) {
		c->capsp = c->capsp ? 2 * c->capsp : 16;
		c->sp = xrealloc(c->sp, c->capsp * sizeof *c->sp);
	}
	c->sp[c->nsp++] = r;
}

/* The answer a name reads, as a span's origin. */
static struct rspan answer_origin(const struct ctx *c, const struct question *q,
                                  const char *name, bool gap)
{
	if (name[0] == '.' && c->rq)
		return (struct rspan){ .id = c->rq->id, .field = q->id, .entry = c->entry_no,
		                       .gap = gap };
	return (struct rspan){ .id = q->id, .gap = gap };
}

static void format_value(const struct question *q, const struct model *m, struct strbuf *sb)
{
	const struct value *v = model_get(m, q->id);
	char buf[64];
	switch (q->type) {
	case Q_DATE:
		date_format_ymd_ja(v->date, buf, sizeof buf);
		sb_add(sb, buf);
		break;
	case Q_NUMBER:
		sb_add_thousands(sb, v->number);
		break;
	case Q_CHOICE: {
		int o = question_option(q, v->text);
		sb_add(sb, o >= 0 ? q->opts[o].label : v->text);
		break;
	}
	case Q_CHECK:
		if (v->text && v->text[strspn(v->text, " ")])
			add_trimmed(sb, v->text);
		else
			sb_add(sb, q->label ? q->label : q->id);
		break;
	case Q_TEXT:
	case Q_LINES:
		add_trimmed(sb, v->text);
		break;
	case Q_REPEAT:
		sb_add_thousands(sb, (long long)model_entry_count(m, q->id));
		break;
	}
}

static void eval_inl(struct ctx *c, const struct inl *v, size_t n, const struct itext *at,
                     struct strbuf *sb);

static void eval_var(struct ctx *c, const struct inl *x, const struct itext *at,
                     struct strbuf *sb)
{
	const char *name = x->text;
	const struct phrase *ph = name[0] != '.' && name[0] != '@' ? tmpl_phrase(c->t, name) : NULL;
	if (ph) {
		/* No loop of phrases: valid_inls has seen to it. */
		eval_inl(c, ph->text.v, ph->text.n, &ph->text, sb);
		return;
	}
	if (name[0] == '@') {
		size_t start = sb->len;
		if (strcmp(name, "@persons") == 0 && c->d.persons_known) {
			/* As the PPC report counts: 約 over 最大 (ppc/deadline.c). */
			if (c->d.persons_approx)
				sb_add(sb, "約");
			else if (c->d.persons_atmost)
				sb_add(sb, "最大");
			sb_add_thousands(sb, c->d.persons);
			span_add(c, start, sb->len, (struct rspan){ .id = "ppc.groups" });
		} else if (strcmp(name, "@persons") == 0) {
			if (x->has_fallback)
				eval_inl(c, x->fallback, x->nfallback, at, sb);
			else
				sb_add(sb, "〔人数〕");
			span_add(c, start, sb->len, (struct rspan){ .id = "ppc.groups", .gap = true });
		} else {
			sb_add(sb, c->t->label);     /* @type: valid_inls knows no other */
			span_add(c, start, sb->len, (struct rspan){ .file = at->file, .line = at->line });
		}
		return;
	}
	const struct model *m = NULL;
	const struct question *q = lookup(c, name, &m, at->file, at->line);
	if (!q)
		return;
	size_t start = sb->len;
	if (has_answer(q, m)) {
		format_value(q, m, sb);
		span_add(c, start, sb->len, answer_origin(c, q, name, false));
	} else if (m == c->m && draft_is_copy(c->inc, q)) {
		/* The customer wording not written yet: its source, as it is now. */
		struct draft_piece *pc;
		size_t npc;
		char *t = draft_source_pieces(c->inc, q, &pc, &npc);
		sb_add(sb, t);
		free(t);
		/* Each piece names the draft, and the list entry it copies. */
		for (size_t k = 0; k < npc; k++) {
			struct rspan r = answer_origin(c, q, name, false);
			r.copy = true;
			r.field = pc[k].field;
			r.entry = pc[k].entry;
			span_add(c, start + pc[k].start, start + pc[k].end, r);
		}
		free(pc);
	} else if (x->has_fallback) {
		eval_inl(c, x->fallback, x->nfallback, at, sb);
	} else {
		/* Unanswered and no wording for it: a visible gap to fill in,
		 * named by the report's question when a draft of it (answering
		 * that fills both). */
		const struct question *src = m == c->m ? draft_source(c->inc, q) : NULL;
		if (src && src->type != Q_REPEAT)
			q = src;
		sb_addf(sb, "〔%s〕", q->label ? q->label : q->id);
		span_add(c, start, sb->len, answer_origin(c, q, name, true));
	}
}

static void eval_inl(struct ctx *c, const struct inl *v, size_t n, const struct itext *at,
                     struct strbuf *sb)
{
	for (size_t i = 0; i < n && !c->failed; i++) {
		const struct inl *x = &v[i];
		switch (x->kind) {
		case IN_TEXT: {
			size_t start = sb->len;
			sb_add(sb, x->text);
			span_add(c, start, sb->len, (struct rspan){ .file = at->file, .line = at->line });
			break;
		}
		case IN_VAR:
			eval_var(c, x, at, sb);
			break;
		case IN_IF:
			if (eval_cond(c, &x->cond, at->file, at->line))
				eval_inl(c, x->then, x->nthen, at, sb);
			else
				eval_inl(c, x->els, x->nels, at, sb);
			break;
		}
	}
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Bytes [from, to) of buf as a block, with the spans that cover them:
 * those of c->sp at the indices idx (ascending). */
static void emit_spans(struct ctx *c, enum nblock_kind k, const char *buf, size_t from,
                       size_t to, const size_t *idx, size_t nidx)
{
	struct notice *o = c->out;
	char *text = xstrndup(buf + from, to - from);
	if (!text[strspn(text, " \n")]) {
		free(text);
		return;
	}
	struct nblock b = { .kind = k, .text = text, .part = c->part };
	if (nidx)
		b.spans = xmalloc(nidx * sizeof *b.spans);
	for (size_t j = 0; j < nidx; j++) {
		const struct rspan *r = &c->sp[idx[j]];
		b.spans[b.nspans++] = (struct nspan){
			.start = (r->start > from ? r->start : from) - from,
			.end = (r->end < to ? r->end : to) - from,
			.file = dup_or_null(r->file), .line = r->line, .id = dup_or_null(r->id),
			.field = dup_or_null(r->field), .entry = r->entry, .gap = r->gap,
			.copy = r->copy,
		};
	}
	o->v = xrealloc(o->v, (o->n + 1) * sizeof *o->v);
	o->v[o->n++] = b;
}

/* Bytes [part[i][0], part[i][1]) of buf as blocks, ascending and apart
 * (the paragraphs of a text, the items of a list), each with the spans
 * that cover it.  Each span finds its first part by bisection, so that
 * the timeline of a big incident drafted as one text (10,000 paragraphs,
 * as many spans) costs what it writes, not paragraphs × spans. */
static void emit_parts(struct ctx *c, enum nblock_kind k, const char *buf,
                       const size_t (*part)[2], size_t nparts)
{
	size_t *cnt = xcalloc(nparts + 1, sizeof *cnt);
	size_t *first = xmalloc((c->nsp ? c->nsp : 1) * sizeof *first);
	for (size_t i = 0; i < c->nsp; i++) {
		const struct rspan *r = &c->sp[i];
		size_t lo = 0, hi = nparts;   /* the first part ending after r starts */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (part[mid][1] > r->start)
				hi = mid;
			else
				lo = mid + 1;
		}
		first[i] = lo;
		for (size_t p = lo; p < nparts && part[p][0] < r->end; p++)
			cnt[p]++;
	}
	/* The spans of each part, in the order they were written. */
	size_t *at = xmalloc((nparts + 1) * sizeof *at), total = 0;
	for (size_t p = 0; p <= nparts; p++) {
		at[p] = total;
		total += cnt[p];
	}
	size_t *idx = xmalloc((total ? total : 1) * sizeof *idx);
	memset(cnt, 0, (nparts + 1) * sizeof *cnt);
	for (size_t i = 0; i < c->nsp; i++)
		for (size_t p = first[i]; p < nparts && part[p][0] < c->sp[i].end; p++)
			idx[at[p] + cnt[p]++] = i;
	for (size_t p = 0; p < nparts; p++)
		emit_spans(c, k, buf, part[p][0], part[p][1], idx + at[p], cnt[p]);
	free(idx);
	free(at);
	free(first);
	free(cnt);
}

/* The parts being collected for emit_parts. */
struct parts {
	size_t (*v)[2];
	size_t n, cap;
};

static void parts_add(struct parts *ps, size_t from, size_t to)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 16;
		ps->v = xrealloc(ps->v, ps->cap * sizeof *ps->v);
	}
	ps->v[ps->n][0] = from;
	ps->v[ps->n][1] = to;
	ps->n++;
}

static void spans_reset(struct ctx *c)
{
	free(c->sp);
	c->sp = NULL;
	c->nsp = c->capsp = 0;
}

static void emit(struct ctx *c, enum nblock_kind k, const char *text)
{
	const size_t whole[1][2] = { { 0, strlen(text) } };
	emit_parts(c, k, text, whole, 1);
	spans_reset(c);
}

static void flush_para(struct ctx *c)
{
	if (c->para.len) {
		struct strbuf t;
		sb_init(&t);
		add_trimmed(&t, c->para.buf);   /* trims the end only: offsets hold */
		/* An empty line within (a multi-line answer, a timeline drafted
		 * as one text) starts a paragraph of its own. */
		struct parts ps = { 0 };
		size_t from = 0;
		for (const char *b; (b = strstr(t.buf + from, "\n\n"));) {
			size_t at = (size_t)(b - t.buf);
			parts_add(&ps, from, at);
			from = at + 2;
			while (t.buf[from] == '\n')
				from++;
		}
		parts_add(&ps, from, t.len);
		emit_parts(c, NB_PARA, t.buf, (const size_t (*)[2])ps.v, ps.n);
		free(ps.v);
		sb_release(&t);
	}
	spans_reset(c);
	sb_release(&c->para);
	sb_init(&c->para);
}

/* A list a user typed: one item a line, without the bullets they used. */
static void emit_items(struct ctx *c, const char *text)
{
	struct parts ps = { 0 };
	const char *s = text;
	while (*s) {
		size_t n = strcspn(s, "\n");
		char *l = xstrndup(s, n);
		char *p = l;
		for (;;) {
			p += strspn(p, " \t");
			if (strncmp(p, "\xe3\x80\x80", 3) == 0 || strncmp(p, "・", 3) == 0)
				p += 3;
			else if ((*p == '-' || *p == '*') && p[1] == ' ')
				p += 2;
			else
				break;
		}
		parts_add(&ps, (size_t)(s - text) + (size_t)(p - l), (size_t)(s - text) + n);
		free(l);
		s += n + (s[n] == '\n');
	}
	emit_parts(c, NB_ITEM, text, (const size_t (*)[2])ps.v, ps.n);
	free(ps.v);
	spans_reset(c);
}

static void run(struct ctx *c, const struct stmt *v, size_t n);

static void run_one(struct ctx *c, const struct stmt *s)
{
	static const enum nblock_kind kinds[] = {
		[ST_TITLE] = NB_TITLE, [ST_RIGHT] = NB_RIGHT, [ST_CENTER] = NB_CENTER,
		[ST_SECTION] = NB_SECTION, [ST_SUB] = NB_SUB, [ST_ITEM] = NB_ITEM,
		[ST_LINE] = NB_LINE,
	};
	struct strbuf sb;
	switch (s->kind) {
	case ST_PARA:
		eval_inl(c, s->text.v, s->text.n, &s->text, &c->para);
		return;
	case ST_BREAK:
		flush_para(c);
		return;
	case ST_TITLE: case ST_RIGHT: case ST_CENTER: case ST_SECTION:
	case ST_SUB: case ST_ITEM: case ST_LINE:
		flush_para(c);
		sb_init(&sb);
		eval_inl(c, s->text.v, s->text.n, &s->text, &sb);
		emit(c, kinds[s->kind], sb.buf);
		sb_release(&sb);
		return;
	case ST_ITEMS: {
		flush_para(c);
		struct inl x = { .kind = IN_VAR, .text = s->id };
		struct itext at = { .file = s->file, .line = s->line };
		sb_init(&sb);
		eval_var(c, &x, &at, &sb);
		emit_items(c, sb.buf);
		sb_release(&sb);
		return;
	}
	case ST_IF:
		if (eval_cond(c, &s->cond, s->file, s->line))
			run(c, s->body, s->nbody);
		else
			run(c, s->els, s->nels);
		return;
	case ST_FOR: {
		const struct model *m = NULL;
		const struct question *q = lookup(c, s->id, &m, s->file, s->line);
		if (!q)
			return;
		if (q->type != Q_REPEAT) {
			fail_at(c, s->file, s->line, _("\"%s\" is not a list"), s->id);
			return;
		}
		const struct model *save_e = c->entry;
		const struct question *save_q = c->rq;
		size_t save_no = c->entry_no;
		for (size_t i = 0; i < model_entry_count(m, q->id) && !c->failed; i++) {
			c->entry = model_entry(m, q->id, i);
			c->rq = q;
			c->entry_no = i + 1;
			run(c, s->body, s->nbody);
		}
		c->entry = save_e;
		c->rq = save_q;
		c->entry_no = save_no;
		return;
	}
	case ST_COVERS:
		c->out->covers |= s->covers;
		return;
	case ST_USE: {
		const struct block *b = tmpl_block(c->t, s->id);
		if (b)
			run(c, b->body, b->n);
		return;
	}
	}
}

static void run(struct ctx *c, const struct stmt *v, size_t n)
{
	for (size_t i = 0; i < n && !c->failed; i++)
		run_one(c, &v[i]);
}

/* A heading heads nothing when the next thing is another heading, the end,
 * or text of another block of the order (the closing words after an
 * empty 公的機関への報告). */
/* ---- every name of the template, before anything is built -------------
 * A misspelt question id in a branch these answers do not take would
 * otherwise show only on another incident: say so now, with its line. */

static const struct question *resolve(struct ctx *c, const char *name, const char *file,
                                      int line)
{
	if (name[0] == '.') {
		if (!c->rq) {
			fail_at(c, file, line, _("\"%s\": a field of a list, used outside \"for\""), name);
			return NULL;
		}
		int i = question_field(c->rq, name + 1);
		if (i < 0)
			fail_at(c, file, line, _("the list has no field \"%s\""), name);
		return i < 0 ? NULL : &c->rq->fields[i];
	}
	const struct question *q = incident_question(c->inc, name, NULL);
	if (!q)
		fail_at(c, file, line, _("no question \"%s\" in this incident's forms"), name);
	return q;
}

static void valid_cond(struct ctx *c, const struct cond *cd, const char *file, int line)
{
	for (size_t i = 0; i < cd->n && !c->failed; i++) {
		const struct term *t = &cd->v[i];
		if (t->kind == T_MANDATORY || (t->kind == T_ANSWERED && strcmp(t->id, "@persons") == 0))
			continue;
		const struct question *q = resolve(c, t->id, file, line);
		if (!q)
			return;
		if (t->kind == T_TEXT && q->type != Q_CHECK)
			fail_at(c, file, line, _("\"%s\" is not a checkbox"), t->id);
		if (t->kind == T_ANY && (q->type != Q_REPEAT || question_field(q, t->opts[0]) < 0))
			fail_at(c, file, line, _("\"%s\" is not a list with the field \"%s\""),
			        t->id, t->opts[0]);
		for (size_t k = 0; t->kind == T_EQUALS && k < t->nopts; k++)
			if (q->type == Q_CHOICE && question_option(q, t->opts[k]) < 0)
				fail_at(c, file, line, _("question \"%s\" has no option \"%s\""),
				        t->id, t->opts[k]);
	}
}

static void valid_inls(struct ctx *c, const struct inl *v, size_t n, const struct itext *at)
{
	for (size_t i = 0; i < n && !c->failed; i++) {
		const struct inl *x = &v[i];
		if (x->kind == IN_IF) {
			valid_cond(c, &x->cond, at->file, at->line);
			valid_inls(c, x->then, x->nthen, at);
			valid_inls(c, x->els, x->nels, at);
			continue;
		}
		if (x->kind != IN_VAR)
			continue;
		valid_inls(c, x->fallback, x->nfallback, at);
		const struct phrase *ph = x->text[0] != '.' && x->text[0] != '@'
		                          ? tmpl_phrase(c->t, x->text) : NULL;
		if (ph) {
			if (c->depth > 16) {
				fail_at(c, at->file, at->line, _("phrase \"%s\" uses itself"), x->text);
				return;
			}
			c->depth++;
			valid_inls(c, ph->text.v, ph->text.n, &ph->text);
			c->depth--;
		} else if (x->text[0] == '@') {
			if (strcmp(x->text, "@persons") != 0 && strcmp(x->text, "@type") != 0)
				fail_at(c, at->file, at->line, _("unknown name \"%s\""), x->text);
		} else {
			resolve(c, x->text, at->file, at->line);
		}
	}
}

static void valid_stmts(struct ctx *c, const struct stmt *v, size_t n)
{
	for (size_t i = 0; i < n && !c->failed; i++) {
		const struct stmt *s = &v[i];
		valid_inls(c, s->text.v, s->text.n, &s->text);
		if (s->kind == ST_ITEMS)
			resolve(c, s->id, s->file, s->line);
		else if (s->kind == ST_IF) {
			valid_cond(c, &s->cond, s->file, s->line);
			valid_stmts(c, s->body, s->nbody);
			valid_stmts(c, s->els, s->nels);
		} else if (s->kind == ST_FOR) {
			const struct question *q = resolve(c, s->id, s->file, s->line);
			if (q && q->type != Q_REPEAT)
				fail_at(c, s->file, s->line, _("\"%s\" is not a list"), s->id);
			if (!q || q->type != Q_REPEAT)
				return;
			const struct question *save = c->rq;
			c->rq = q;
			valid_stmts(c, s->body, s->nbody);
			c->rq = save;
		} else if (s->kind == ST_USE) {
			const struct block *b = tmpl_block(c->t, s->id);
			if (b)
				valid_stmts(c, b->body, b->n);
		}
	}
}

static bool heads_nothing(const struct notice *o, size_t i)
{
	enum nblock_kind k = o->v[i].kind;
	bool last = i + 1 >= o->n;
	enum nblock_kind next = last ? NB_RIGHT : o->v[i + 1].kind;
	bool ends = last || o->v[i + 1].part != o->v[i].part || next == NB_SECTION ||
	            next == NB_RIGHT || next == NB_CENTER || next == NB_TITLE;
	return (k == NB_SECTION && ends) || (k == NB_SUB && (ends || next == NB_SUB));
}

static void nblock_release(struct nblock *b)
{
	for (size_t k = 0; k < b->nspans; k++) {
		free(b->spans[k].file);
		free(b->spans[k].id);
		free(b->spans[k].field);
	}
	free(b->spans);
	free(b->text);
}

static void number(struct notice *o)
{
	/* From the end, so that a section whose subsections all go, goes too. */
	for (size_t i = o->n; i-- > 0;) {
		if (!heads_nothing(o, i))
			continue;
		nblock_release(&o->v[i]);
		memmove(&o->v[i], &o->v[i + 1], (o->n - i - 1) * sizeof *o->v);
		o->n--;
	}
	int sec = 0, sub = 0;
	for (size_t i = 0; i < o->n; i++) {
		if (o->v[i].kind == NB_SECTION) {
			snprintf(o->v[i].number, sizeof o->v[i].number, "%d.", ++sec);
			sub = 0;
		} else if (o->v[i].kind == NB_SUB) {
			snprintf(o->v[i].number, sizeof o->v[i].number, "(%d)", ++sub);
		}
	}
}

bool notice_build_type(const struct notice_set *s, const struct incident *inc,
                       const char *type, struct notice *out, struct diag *err)
{
	memset(out, 0, sizeof *out);
	const struct tmpl *t = notice_set_find(s, type);
	if (!t) {
		diag_set(err, "", 0, _("no notice template for the incident type \"%s\""), type);
		return false;
	}
	struct ctx c = { .t = t, .inc = inc, .m = inc->answers, .out = out, .err = err };
	ppc_decide(inc->answers, &c.d);
	sb_init(&c.para);
	out->type = xstrdup(t->type);
	for (int i = 0; i < 10; i++) {
		out->duty_name[i] = t->duty_name[i] ? xstrdup(t->duty_name[i]) : NULL;
		out->duty_ids[i] = t->duty_ids[i] ? xstrdup(t->duty_ids[i]) : NULL;
	}
	for (size_t i = 0; i < t->norder && !c.failed; i++) {
		const struct block *b = tmpl_block(t, t->order[i]);
		valid_stmts(&c, b->body, b->n);
	}
	for (size_t i = 0; i < t->norder && !c.failed; i++) {
		const struct block *b = tmpl_block(t, t->order[i]);
		c.part = (int)i;
		run(&c, b->body, b->n);
		flush_para(&c);
	}
	sb_release(&c.para);
	spans_reset(&c);
	number(out);
	if (c.failed) {
		notice_release(out);
		return false;
	}
	return true;
}

/* A heading with nothing under it (all its text was conditional) goes;
 * then the headings are numbered, so numbers never skip. */
const struct nspan *nblock_span_at(const struct nblock *b, size_t off)
{
	for (size_t i = 0; i < b->nspans; i++)
		if (b->spans[i].start <= off && off < b->spans[i].end)
			return &b->spans[i];
	return NULL;
}

const char *notice_title(const struct notice *n)
{
	for (size_t i = 0; i < n->n; i++)
		if (n->v[i].kind == NB_TITLE)
			return n->v[i].text;
	return NULL;
}

void notice_release(struct notice *n)
{
	for (size_t i = 0; i < n->n; i++)
		nblock_release(&n->v[i]);
	free(n->v);
	free(n->type);
	for (int i = 0; i < 10; i++) {
		free(n->duty_name[i]);
		free(n->duty_ids[i]);
	}
	memset(n, 0, sizeof *n);
}
