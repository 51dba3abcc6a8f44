/* form — parser of the form description language (todoke-form(5)). */
#include "todoke/form.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/fileio.h"
#include "todoke/lexer.h"
#include "todoke/strbuf.h"

struct parser {
	struct lexer lx;
	struct form *f;
	int section;
	/* While inside `repeat … end`: the repeat line and its question. */
	struct layout_line *rep;
	int rep_q;
	/* `when` lines, attached to their questions at the end of the file. */
	struct pending_when *whens;
	size_t nwhens;
};

struct pending_when {
	char *qid;
	struct q_cond c;
};

/* The error at the current line (lex_fail). */
#define FAIL(p, ...) lex_fail(&(p)->lx, __VA_ARGS__)

/* ---- freeing ----------------------------------------------------------- */

static void free_cond(struct q_cond *c)
{
	free(c->id);
	for (size_t i = 0; i < c->nopts; i++)
		free(c->opts[i]);
	free(c->opts);
	free(c->other);
	memset(c, 0, sizeof *c);
}

static void free_question(struct question *q)
{
	free(q->id);
	free(q->label);
	free(q->help);
	free(q->draft);
	for (size_t i = 0; i < q->nopts; i++) {
		free(q->opts[i].id);
		free(q->opts[i].label);
	}
	free(q->opts);
	for (size_t i = 0; i < q->nfields; i++)
		free_question(&q->fields[i]);
	free(q->fields);
	for (size_t i = 0; i < q->nwhen; i++)
		free_cond(&q->when[i]);
	free(q->when);
}

static void free_lines(struct layout_line *l, size_t n);

static void free_line(struct layout_line *l)
{
	for (size_t k = 0; k < l->nsegs; k++)
		free(l->segs[k].text);
	free(l->segs);
	free_lines(l->body, l->nbody);
}

static void free_lines(struct layout_line *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free_line(&l[i]);
	free(l);
}

void form_free(struct form **pf)
{
	struct form *f = pf ? *pf : NULL;
	if (!f)
		return;
	free(f->qindex);
	free(f->path);
	free(f->id);
	free(f->version);
	free(f->released);
	free(f->title);
	free(f->unanswered);
	free(f->mailto);
	for (size_t i = 0; i < f->nqs; i++)
		free_question(&f->qs[i]);
	free(f->qs);
	for (size_t i = 0; i < f->nsections; i++) {
		free(f->sections[i].id);
		free(f->sections[i].title);
	}
	free(f->sections);
	free_lines(f->lines, f->nlines);
	for (size_t i = 0; i < f->nrules; i++) {
		for (size_t k = 0; k < f->rules[i].nids; k++)
			free(f->rules[i].ids[k]);
		free(f->rules[i].ids);
		free(f->rules[i].opt);
	}
	free(f->rules);
	free(f);
	*pf = NULL;
}

/* ---- growing arrays ---------------------------------------------------- */

/* Room in v (n elements of sz bytes) for one more.  The capacity follows
 * from n alone (8, then doubling), so that appending a question, a line
 * or a segment does not copy the array each time. */
static void *room_for_one(void *v, size_t n, size_t sz)
{
	if (n == 0)
		return xrealloc(v, 8 * sz);
	if (n >= 8 && (n & (n - 1)) == 0)
		return xrealloc(v, 2 * n * sz);
	return v;
}

/* ---- lookups ----------------------------------------------------------- */

static int find_in(const struct question *qs, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(qs[i].id, id) == 0)
			return (int)i;
	return -1;
}

static size_t id_hash(const char *s)
{
	size_t h = 2166136261u;  /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void index_put(struct form *f, size_t i)
{
	size_t k = id_hash(f->qs[i].id) & (f->qindex_n - 1);
	while (f->qindex[k])
		k = (k + 1) & (f->qindex_n - 1);
	f->qindex[k] = i + 1;
}

/* The index of qs by id: twice as many slots as questions, at least.  Kept
 * while parsing (declare adds each question), so that the parse's own
 * lookups do not compare every id declared before. */
static void index_questions(struct form *f)
{
	size_t n = 256;  /* a form of up to 128 questions without growing */
	while (n < 2 * f->nqs)
		n *= 2;
	free(f->qindex);
	f->qindex = xcalloc(n, sizeof *f->qindex);
	f->qindex_n = n;
	for (size_t i = 0; i < f->nqs; i++)
		index_put(f, i);
}

/* Question i of the form (not of a repeat) was just declared. */
static void index_add(struct form *f, size_t i)
{
	if (!f->qindex || 2 * f->nqs > f->qindex_n)
		index_questions(f);
	else
		index_put(f, i);
}

int form_find_question(const struct form *f, const char *id)
{
	if (!f->qindex)
		return -1;  /* no question yet */
	for (size_t k = id_hash(id) & (f->qindex_n - 1); f->qindex[k];
	     k = (k + 1) & (f->qindex_n - 1))
		if (strcmp(f->qs[f->qindex[k] - 1].id, id) == 0)
			return (int)(f->qindex[k] - 1);
	return -1;
}

const struct question *form_question(const struct form *f, const char *id)
{
	int i = form_find_question(f, id);
	return i < 0 ? NULL : &f->qs[i];
}

int question_option(const struct question *q, const char *opt)
{
	for (size_t i = 0; i < q->nopts; i++)
		if (strcmp(q->opts[i].id, opt) == 0)
			return (int)i;
	return -1;
}

int question_field(const struct question *q, const char *field)
{
	return find_in(q->fields, q->nfields, field);
}

static bool cond_holds(const struct q_cond *c, const struct model *m)
{
	switch (c->kind) {
	case QC_CHOICE: {
		const struct value *v = model_get(m, c->id);
		if (!v || v->type != Q_CHOICE || !v->text)
			return false;
		for (size_t i = 0; i < c->nopts; i++)
			if (strcmp(v->text, c->opts[i]) == 0)
				return true;
		return false;
	}
	case QC_DATE_GAP: {
		struct date a, b;
		return model_date(m, c->id, &a) && model_date(m, c->other, &b) &&
		       date_diff_days(a, b) > c->days;
	}
	}
	return false;
}

bool question_shown(const struct question *q, const struct model *m)
{
	for (size_t i = 0; i < q->nwhen; i++)
		if (!cond_holds(&q->when[i], m))
			return false;
	return true;
}

/* ---- small text helpers ----------------------------------------------- */

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* A label from the literal text around a placeholder: trimmed of spaces,
 * list marks and the punctuation that opens or closes a blank. */
static char *derive_label(const char *s)
{
	/* ASCII and full-width (（ ） ：, written as bytes so that no editor
	 * folds them into ASCII again, as once happened here). */
	static const char *const lead[] = { " ", "・", "、", "(", "\xef\xbc\x88", ")", "\xef\xbc\x89",
		                            NULL };
	static const char *const trail[] = { " ", ":", "\xef\xbc\x9a", "(", "\xef\xbc\x88", NULL };
	size_t n = strlen(s);
	bool again = true;
	while (again) {
		again = false;
		/* Within the n bytes left: trailing ones may be cut already, and
		 * `s` still runs on to them (「  {text l}」 took n below 0). */
		for (int i = 0; lead[i]; i++)
			if (n >= strlen(lead[i]) && starts(s, lead[i])) {
				size_t k = strlen(lead[i]);
				s += k;
				n -= k;
				again = true;
			}
		for (int i = 0; trail[i]; i++)
			if (ends(s, n, trail[i])) {
				n -= strlen(trail[i]);
				again = true;
			}
	}
	/* 「(7) 委託元…」: the item's number is not part of its name (the
	 * lead trim took its 「(」, leaving 「7) 委託元…」 otherwise). */
	size_t d = strspn(s, "0123456789");
	if (d && d < n && (s[d] == ')' || starts(s + d, "\xef\xbc\x89"))) {
		size_t k = d + (s[d] == ')' ? 1 : 3);
		k += strspn(s + k, " ");
		if (k < n) {
			s += k;
			n -= k;
		}
	}
	/* 「許可しない)」 closes a parenthesis opened before the box: drop it,
	 * but keep the one of 「被害無し(未遂)」. */
	char *lab = xstrndup(s, n);
	if ((ends(lab, n, ")") || ends(lab, n, "\xef\xbc\x89")) &&
	    !strchr(lab, '(') && !strstr(lab, "\xef\xbc\x88"))
		lab[n - (ends(lab, n, ")") ? 1 : 3)] = '\0';
	return lab;
}

/* Splits placeholder words on spaces; "a quoted label" is one word. */
static size_t split_words(char *s, char **w, size_t max, bool *quoted_last)
{
	size_t n = 0;
	*quoted_last = false;
	while (*s && n < max) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (*s == '"') {
			char *end = strchr(s + 1, '"');
			if (!end)
				return (size_t)-1;
			*end = '\0';
			w[n++] = s + 1;
			s = end + 1;
			*quoted_last = true;
			continue;
		}
		w[n++] = s;
		*quoted_last = false;
		while (*s && *s != ' ')
			s++;
		if (*s)
			*s++ = '\0';
	}
	return n;
}

static bool parse_width(struct parser *p, const char *s, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end || errno || v < 0 || v > 200)
		return FAIL(p, "blank width must be a number of columns from 0 to 200, not \"%s\"", s);
	*out = (int)v;
	return true;
}

/* ---- declaring questions ----------------------------------------------- */

/* Questions of the current scope: the form's, or the open repeat's fields. */
static struct question **scope(struct parser *p, size_t **n)
{
	if (p->rep) {
		struct question *rq = &p->f->qs[p->rep_q];
		*n = &rq->nfields;
		return &rq->fields;
	}
	*n = &p->f->nqs;
	return &p->f->qs;
}

/* A question of the current scope by id, or -1. */
static int find_scoped(struct parser *p, const char *id)
{
	size_t *n;
	struct question *qs = *scope(p, &n);
	return p->rep ? find_in(qs, *n, id) : form_find_question(p->f, id);
}

static int declare(struct parser *p, const char *id, enum q_type type, bool reuse)
{
	size_t *n;
	struct question **qs = scope(p, &n);
	if (!lex_id(&p->lx, id, LEX_QUESTION_ID))
		return -1;
	int i = find_scoped(p, id);
	if (i >= 0) {
		if (!reuse || (*qs)[i].type != type)
			return FAIL(p, "question \"%s\" already declared on line %d",
			            id, (*qs)[i].line), -1;
		return i;
	}
	*qs = room_for_one(*qs, *n, sizeof **qs);
	struct question *q = &(*qs)[*n];
	memset(q, 0, sizeof *q);
	q->id = xstrdup(id);
	q->type = type;
	q->section = p->section;
	q->line = p->lx.line;
	int k = (int)(*n)++;
	if (!p->rep)
		index_add(p->f, (size_t)k);
	return k;
}

static struct question *scoped_q(struct parser *p, int i)
{
	size_t *n;
	return &(*scope(p, &n))[i];
}

/* ---- layout lines ------------------------------------------------------ */

static void add_seg(struct layout_line *l, struct segment s)
{
	l->segs = room_for_one(l->segs, l->nsegs, sizeof *l->segs);
	l->segs[l->nsegs++] = s;
}

/* Labels that are given in quotes win; otherwise they come from the text
 * next to the placeholder, once the whole line is known. */
struct pending_label {
	int q;
	size_t seg;
	bool after;   /* label is the text after (boxes) or before (fields) */
	int opt;      /* radio option, or -1 */
};

static bool parse_placeholder(struct parser *p, struct layout_line *l, char *body,
                              struct pending_label *pend, size_t *npend)
{
	char *w[8];
	bool quoted;
	size_t n = split_words(body, w, 8, &quoted);
	if (n == (size_t)-1)
		return FAIL(p, "unclosed quote in {%s}", body);
	if (n == 0)
		return FAIL(p, "empty placeholder {}");
	const char *label = quoted ? w[--n] : NULL;
	const char *kind = w[0];
	struct segment s = { .q = -1, .ref = -1, .opt = -1 };
	int q;

	if (strcmp(kind, "_") == 0 && n == 1) {
		s.kind = SEG_TEXT;
		s.text = xstrdup(" ");
		add_seg(l, s);
		return true;
	}
	if (n < 2)
		return FAIL(p, "placeholder {%s} needs a question id", kind);
	const char *id = w[1];

	if (strcmp(kind, "box") == 0) {
		if (n != 2)
			return FAIL(p, "use {box ID}");
		if ((q = declare(p, id, Q_CHECK, false)) < 0)
			return false;
		s.kind = SEG_BOX;
	} else if (strcmp(kind, "note") == 0) {
		size_t *cnt;
		struct question *qs = *scope(p, &cnt);
		q = find_scoped(p, id);
		if (q < 0 || qs[q].type != Q_CHECK)
			return FAIL(p, "{note %s}: no checkbox \"%s\" before it", id, id);
		if (qs[q].has_note)
			return FAIL(p, "checkbox \"%s\" already has an inline text", id);
		if (n != 3 || !parse_width(p, w[2], &s.width))
			return n != 3 ? FAIL(p, "use {note ID WIDTH}") : false;
		qs[q].has_note = true;
		qs[q].note_width = s.width;
		s.kind = SEG_NOTE;
	} else if (strcmp(kind, "text") == 0 || strcmp(kind, "number") == 0) {
		bool num = kind[0] == 'n';
		if (n > 3)
			return FAIL(p, "use {%s ID [WIDTH] [\"label\"]}", kind);
		if (n == 3 && !parse_width(p, w[2], &s.width))
			return false;
		if ((q = declare(p, id, num ? Q_NUMBER : Q_TEXT, false)) < 0)
			return false;
		s.kind = SEG_FIELD;
	} else if (strcmp(kind, "date") == 0) {
		s.style = DATE_YMD;
		if (n == 4 && strcmp(w[2], "md") == 0) {
			s.style = DATE_MD;
			s.ref = form_find_question(p->f, w[3]);
			if (s.ref < 0 || p->f->qs[s.ref].type != Q_DATE)
				return FAIL(p, "{date %s md %s}: \"%s\" is not a date declared before",
				            id, w[3], w[3]);
		} else if (n != 2) {
			return FAIL(p, "use {date ID} or {date ID md REFERENCE-DATE-ID}");
		}
		if ((q = declare(p, id, Q_DATE, false)) < 0)
			return false;
		s.kind = SEG_DATE;
	} else if (strcmp(kind, "radio") == 0) {
		if (n != 3)
			return FAIL(p, "use {radio ID OPTION}");
		if ((q = declare(p, id, Q_CHOICE, true)) < 0)
			return false;
		struct question *cq = scoped_q(p, q);
		if (!lex_id(&p->lx, w[2], LEX_OPTION_ID))
			return false;
		if (question_option(cq, w[2]) >= 0)
			return FAIL(p, "option \"%s\" of \"%s\" appears twice", w[2], id);
		cq->opts = xrealloc(cq->opts, (cq->nopts + 1) * sizeof *cq->opts);
		cq->opts[cq->nopts].id = xstrdup(w[2]);
		cq->opts[cq->nopts].label = label ? xstrdup(label) : NULL;
		s.opt = (int)cq->nopts++;
		s.kind = SEG_RADIO;
	} else if (strcmp(kind, "choice") == 0) {
		size_t *cnt;
		struct question *qs = *scope(p, &cnt);
		q = find_scoped(p, id);
		if (n != 2 || q < 0 || qs[q].type != Q_CHOICE)
			return FAIL(p, "{choice %s}: declare its options first with "
			            "\"options %s OPT=LABEL …\"", id, id);
		s.kind = SEG_CHOICE;
	} else if (strcmp(kind, "para") == 0) {
		if (n != 2)
			return FAIL(p, "use {para ID}");
		if ((q = declare(p, id, Q_LINES, false)) < 0)
			return false;
		s.kind = SEG_PARA;
	} else {
		return FAIL(p, "unknown placeholder {%s …}; known: box note text number date radio choice para _", kind);
	}
	s.q = q;
	add_seg(l, s);

	struct question *qq = scoped_q(p, q);
	if (s.kind == SEG_CHOICE && label && !qq->label)
		qq->label = xstrdup(label);
	if (s.kind == SEG_RADIO) {
		if (!label)
			pend[(*npend)++] = (struct pending_label){ q, l->nsegs - 1, true, s.opt };
	} else if (s.kind != SEG_NOTE && !qq->label) {
		if (label)
			qq->label = xstrdup(label);
		else
			pend[(*npend)++] = (struct pending_label){ q, l->nsegs - 1,
				s.kind == SEG_BOX, -1 };
	}
	return true;
}

static bool resolve_labels(struct parser *p, struct layout_line *l,
                           struct pending_label *pend, size_t npend)
{
	for (size_t i = 0; i < npend; i++) {
		struct question *q = scoped_q(p, pend[i].q);
		const char *src = "";
		if (pend[i].after) {
			size_t k = pend[i].seg + 1;
			if (k < l->nsegs && l->segs[k].kind == SEG_TEXT)
				src = l->segs[k].text;
		} else if (l->segs[pend[i].seg].kind == SEG_PARA) {
			src = p->section >= 0 ? p->f->sections[p->section].title : "";
		} else if (pend[i].seg > 0 && l->segs[pend[i].seg - 1].kind == SEG_TEXT) {
			src = l->segs[pend[i].seg - 1].text;
		}
		char *lab = derive_label(src);
		if (!*lab) {
			free(lab);
			return FAIL(p, "cannot tell the label of \"%s\" from the text around it; "
			            "add one in quotes", q->id);
		}
		/* A question placed twice on one line keeps its first label. */
		char **slot = pend[i].opt >= 0 ? &q->opts[pend[i].opt].label : &q->label;
		if (*slot)
			free(lab);
		else
			*slot = lab;
	}
	return true;
}

/* The literal text from s to the next placeholder or the line's end, with
 * {{ and }} made single (a lone } is text): one segment, copied a run at a
 * time.  Returns where the run stops: '{' of a placeholder, or the end. */
static char *add_literal(struct layout_line *l, char *s)
{
	char *e = s;
	size_t escapes = 0;
	for (;;) {
		e += strcspn(e, "{}");
		if (e[0] == '{' && e[1] != '{')
			break;
		if (!*e)
			break;
		if (e[0] == e[1]) {
			escapes++;
			e += 2;
		} else {
			e++;
		}
	}
	size_t n = (size_t)(e - s);
	if (!n)
		return e;
	char *t = xmalloc(n - escapes + 1);
	if (!escapes) {
		memcpy(t, s, n);
		t[n] = '\0';
	} else {
		size_t k = 0;
		for (const char *c = s; c < e; c++) {
			t[k++] = *c;
			if ((*c == '{' || *c == '}') && c[1] == *c)
				c++;
		}
		t[k] = '\0';
	}
	add_seg(l, (struct segment){ .kind = SEG_TEXT, .text = t, .q = -1, .ref = -1 });
	return e;
}

static bool parse_layout(struct parser *p, char *text, enum line_kind kind,
                         bool help)
{
	struct layout_line l = { .kind = kind, .help = help, .section = p->section,
	                         .srcline = p->lx.line, .q = -1 };
	struct pending_label pend[32];
	size_t npend = 0;
	bool ok = true;

	for (char *s = text; *s && ok;) {
		/* The text before a placeholder; then the placeholder. */
		s = add_literal(&l, s);
		if (!*s)
			break;
		char *end = s + 1;
		bool inq = false;
		while (*end && (inq || *end != '}')) {
			if (*end == '"')
				inq = !inq;
			end++;
		}
		if (!*end) {
			ok = FAIL(p, "placeholder \"%s\" is not closed with }", s);
			break;
		}
		if (npend == 32) {
			ok = FAIL(p, "too many placeholders on one line");
			break;
		}
		/* Cut in place, so that errors can point at their column. */
		*end = '\0';
		ok = parse_placeholder(p, &l, s + 1, pend, &npend);
		s = end + 1;
	}

	/* A paragraph owns its line: indentation before it, nothing after. */
	for (size_t i = 0; ok && i < l.nsegs; i++) {
		if (l.segs[i].kind != SEG_PARA)
			continue;
		bool indent_only = i == 0 || (i == 1 && l.segs[0].kind == SEG_TEXT &&
		                   strspn(l.segs[0].text, " ") == strlen(l.segs[0].text));
		if (!indent_only || i + 1 != l.nsegs)
			ok = FAIL(p, "{para …} must stand alone on its line, after spaces only");
	}
	if (ok)
		ok = resolve_labels(p, &l, pend, npend);
	if (!ok) {
		free_line(&l);
		return false;
	}
	struct layout_line **dst;
	size_t *dn;
	if (p->rep) {
		dst = &p->rep->body;
		dn = &p->rep->nbody;
	} else {
		dst = &p->f->lines;
		dn = &p->f->nlines;
	}
	*dst = room_for_one(*dst, *dn, sizeof **dst);
	(*dst)[(*dn)++] = l;
	return true;
}

/* ---- directives -------------------------------------------------------- */

/* The directive's value, given once. */
static bool set_once(struct parser *p, char **slot, const char *val)
{
	if (*slot)
		return lex_twice(&p->lx, p->lx.kw->word, 0);
	if (!*val)
		return FAIL(p, "\"%s\" needs a value", p->lx.kw->word);
	*slot = xstrdup(val);
	return true;
}

static bool add_rule(struct parser *p, enum rule_kind kind, char *args)
{
	struct rule r = { .kind = kind, .line = p->lx.line };
	for (char *w; *(w = lex_word(&args));) {
		r.ids = xrealloc(r.ids, (r.nids + 1) * sizeof *r.ids);
		r.ids[r.nids++] = xstrdup(w);
	}
	if (kind == RULE_CONFLICT && r.nids >= 1) {
		char *eq = strchr(r.ids[0], '=');
		if (eq) {
			r.opt = xstrdup(eq + 1);
			*eq = '\0';
		}
	}
	struct form *f = p->f;
	f->rules = xrealloc(f->rules, (f->nrules + 1) * sizeof *f->rules);
	f->rules[f->nrules++] = r;
	static const size_t want[] = { [RULE_REQUIRE] = 0, [RULE_CONFLICT] = 2,
	                               [RULE_NOT_FUTURE] = 1, [RULE_NOT_BEFORE] = 2 };
	if ((kind == RULE_REQUIRE && r.nids == 0) ||
	    (kind != RULE_REQUIRE && r.nids != want[kind]))
		return FAIL(p, "wrong number of question ids for this rule");
	if (kind == RULE_CONFLICT && !r.opt)
		return FAIL(p, "use: conflict ID=OPTION OTHER-ID-PREFIX*");
	return true;
}

/* Rules may name questions declared later in the layout: checked at the end. */
static bool check_rules(struct parser *p)
{
	struct form *f = p->f;
	for (size_t i = 0; i < f->nrules; i++) {
		struct rule *r = &f->rules[i];
		p->lx.line = r->line;
		for (size_t k = 0; k < r->nids; k++) {
			const char *id = r->ids[k];
			size_t len = strlen(id);
			if (r->kind == RULE_CONFLICT && k == 1 && len && id[len - 1] == '*') {
				bool any = false;
				for (size_t j = 0; j < f->nqs; j++)
					any |= strncmp(f->qs[j].id, id, len - 1) == 0;
				if (!any)
					return FAIL(p, "no question matches \"%s\"", id);
				continue;
			}
			const struct question *q = form_question(f, id);
			if (!q)
				return FAIL(p, "rule names unknown question \"%s\"", id);
			if ((r->kind == RULE_NOT_FUTURE || r->kind == RULE_NOT_BEFORE) &&
			    q->type != Q_DATE)
				return FAIL(p, "\"%s\" is not a date", id);
			if (r->kind == RULE_CONFLICT && k == 0 &&
			    (q->type != Q_CHOICE || question_option(q, r->opt) < 0))
				return FAIL(p, "\"%s\" has no option \"%s\"", id, r->opt);
		}
	}
	return true;
}

#define WHEN_USAGE "use: when ID CHOICE-ID=OPTION[,OPTION…] or when ID DATE-ID > DATE-ID + DAYS"

/* when ID CHOICE-ID=OPT[,OPT…]  |  when ID DATE-A > DATE-B + DAYS
 * Only the syntax here: the ids are looked up once the whole file is read. */
static bool add_when(struct parser *p, char *args)
{
	char *w[7];
	size_t n = 0;
	if (p->rep)
		return FAIL(p, "\"when\" inside repeat … end: the fields of a list cannot be conditional");
	for (char *t; *(t = lex_word(&args));) {
		if (n == 7)
			return FAIL(p, WHEN_USAGE);
		w[n++] = t;
	}
	if (n < 2)
		return FAIL(p, WHEN_USAGE);
	if (!lex_id(&p->lx, w[0], LEX_QUESTION_ID))
		return false;

	struct q_cond c = { .line = p->lx.line };
	if (n == 2 && strchr(w[1], '=')) {
		char *id;
		if (!lex_id_opts(&p->lx, w[1], LEX_QUESTION_ID, &id, &c.opts, &c.nopts))
			return false;
		c.kind = QC_CHOICE;
	} else if (n == 6 && strcmp(w[2], ">") == 0 && strcmp(w[4], "+") == 0) {
		for (int k = 1; k <= 3; k += 2)
			if (!lex_id(&p->lx, w[k], LEX_QUESTION_ID))
				return false;
		char *end;
		errno = 0;
		long days = strtol(w[5], &end, 10);
		if (!isdigit((unsigned char)w[5][0]) || *end || errno || days > 36500)
			return FAIL(p, "\"%s\": the days must be a whole number from 0 to 36500", w[5]);
		if (strcmp(w[1], w[3]) == 0)
			return FAIL(p, "\"when\" compares \"%s\" with itself", w[1]);
		c.kind = QC_DATE_GAP;
		c.other = xstrdup(w[3]);
		c.days = days;
	} else {
		return FAIL(p, WHEN_USAGE);
	}
	c.id = xstrdup(w[1]);
	p->whens = xrealloc(p->whens, (p->nwhens + 1) * sizeof *p->whens);
	p->whens[p->nwhens++] = (struct pending_when){ xstrdup(w[0]), c };
	return true;
}

/* The question of a `when` must be one of this form's, declared anywhere
 * in the file; the ids of its condition only when this form has them. */
static bool check_when(struct parser *p, const struct pending_when *pw)
{
	const struct form *f = p->f;
	const struct q_cond *c = &pw->c;
	p->lx.line = c->line;
	if (!form_question(f, pw->qid))
		return FAIL(p, "\"when\" names unknown question \"%s\"", pw->qid);
	if (strcmp(c->id, pw->qid) == 0 || (c->other && strcmp(c->other, pw->qid) == 0))
		return FAIL(p, "\"%s\" cannot depend on its own answer", pw->qid);
	const struct question *q = form_question(f, c->id);
	if (c->kind == QC_CHOICE) {
		if (q && q->type != Q_CHOICE)
			return FAIL(p, "\"%s\" is not a choice", c->id);
		for (size_t i = 0; q && i < c->nopts; i++)
			if (question_option(q, c->opts[i]) < 0)
				return FAIL(p, "\"%s\" has no option \"%s\"", c->id, c->opts[i]);
		return true;
	}
	const char *dates[2] = { c->id, c->other };
	for (int k = 0; k < 2; k++) {
		q = form_question(f, dates[k]);
		if (q && q->type != Q_DATE)
			return FAIL(p, "\"%s\" is not a date", dates[k]);
	}
	return true;
}

/* Checks every `when` and moves its condition onto its question. */
static bool resolve_whens(struct parser *p)
{
	for (size_t i = 0; i < p->nwhens; i++) {
		struct pending_when *pw = &p->whens[i];
		if (!check_when(p, pw))
			return false;
		struct question *q = &p->f->qs[form_find_question(p->f, pw->qid)];
		q->when = xrealloc(q->when, (q->nwhen + 1) * sizeof *q->when);
		q->when[q->nwhen++] = pw->c;
		memset(&pw->c, 0, sizeof pw->c);
	}
	return true;
}

static void free_whens(struct parser *p)
{
	for (size_t i = 0; i < p->nwhens; i++) {
		free(p->whens[i].qid);
		free_cond(&p->whens[i].c);
	}
	free(p->whens);
	p->whens = NULL;
	p->nwhens = 0;
}

/* ---- the directives, a table ------------------------------------------ */

static bool d_id(void *ctx, char *rest)
{
	struct parser *p = ctx;
	return lex_id(&p->lx, rest, LEX_FORM_ID) && set_once(p, &p->f->id, rest);
}

/* version, released, title, unanswered: text given once, at kw->arg. */
static bool d_text(void *ctx, char *rest)
{
	struct parser *p = ctx;
	return set_once(p, (char **)((char *)p->f + p->lx.kw->arg), rest);
}

static bool d_mailto(void *ctx, char *rest)
{
	struct parser *p = ctx;
	if (!strchr(rest, '@') || strpbrk(rest, " <>\"(),;"))
		return FAIL(p, "mailto needs one plain e-mail address");
	return set_once(p, &p->f->mailto, rest);
}

static bool d_options(void *ctx, char *rest)
{
	struct parser *p = ctx;
	char *id = lex_word(&rest);
	if (!*id)
		return FAIL(p, "use: options ID OPT=LABEL [OPT=LABEL…]");
	int q = declare(p, id, Q_CHOICE, false);
	if (q < 0)
		return false;
	struct question *cq = scoped_q(p, q);
	for (char *w; *(w = lex_word(&rest));) {
		char *eq = strchr(w, '=');
		if (!eq || eq == w || !eq[1])
			return FAIL(p, "\"%s\": write OPTION=LABEL", w);
		*eq = '\0';
		if (!lex_id(&p->lx, w, LEX_OPTION_ID))
			return false;
		if (question_option(cq, w) >= 0)
			return FAIL(p, "option \"%s\" of \"%s\" appears twice", w, id);
		cq->opts = xrealloc(cq->opts, (cq->nopts + 1) * sizeof *cq->opts);
		cq->opts[cq->nopts].id = xstrdup(w);
		cq->opts[cq->nopts].label = xstrdup(eq + 1);
		cq->nopts++;
	}
	if (cq->nopts < 2)
		return FAIL(p, "a choice needs at least two options");
	return true;
}

static bool d_section(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct form *f = p->f;
	if (p->rep)
		return FAIL(p, "section inside repeat … end");
	char *id = lex_word(&rest);
	if (!lex_id_ok(id, LEX_QUESTION_ID) || !*rest)
		return FAIL(p, "use: section ID TITLE");
	for (size_t i = 0; i < f->nsections; i++)
		if (strcmp(f->sections[i].id, id) == 0)
			return FAIL(p, "section \"%s\" already on line %d", id, f->sections[i].line);
	f->sections = room_for_one(f->sections, f->nsections, sizeof *f->sections);
	f->sections[f->nsections] = (struct section){ xstrdup(id), xstrdup(rest), p->lx.line };
	p->section = (int)f->nsections++;
	return true;
}

static bool d_repeat(void *ctx, char *rest)
{
	struct parser *p = ctx;
	struct form *f = p->f;
	if (p->rep)
		return FAIL(p, "repeat inside repeat");
	char *id = lex_word(&rest);
	int q = declare(p, id, Q_REPEAT, false);
	if (q < 0)
		return false;
	f->qs[q].label = xstrdup(*rest ? rest :
		p->section >= 0 ? f->sections[p->section].title : id);
	f->lines = room_for_one(f->lines, f->nlines, sizeof *f->lines);
	p->rep = &f->lines[f->nlines++];
	*p->rep = (struct layout_line){ .kind = LINE_REPEAT, .section = p->section,
	                                .srcline = p->lx.line, .q = q };
	p->rep_q = q;
	return true;
}

static bool d_end(void *ctx, char *rest)
{
	struct parser *p = ctx;
	(void)rest;
	if (!p->rep)
		return FAIL(p, "end without repeat");
	if (!p->f->qs[p->rep_q].nfields)
		return FAIL(p, "repeat \"%s\" has no fields", p->f->qs[p->rep_q].id);
	p->rep = NULL;
	return true;
}

static bool d_label(void *ctx, char *rest)
{
	struct parser *p = ctx;
	char *id = lex_word(&rest), *text = rest;
	int q = form_find_question(p->f, id);
	if (q < 0 || !*text)
		return FAIL(p, "use: label ID TEXT, after the question's placeholder");
	free(p->f->qs[q].label);
	p->f->qs[q].label = xstrdup(text);
	return true;
}

/* optional ID...: a question asked only when it applies (`when`) that
 * check does not require even then (facts the user may not know). */
static bool d_optional(void *ctx, char *rest)
{
	struct parser *p = ctx;
	if (!*rest)
		return FAIL(p, "use: optional ID..., after the questions' placeholders");
	for (char *id; *(id = lex_word(&rest));) {
		int q = form_find_question(p->f, id);
		if (q < 0)
			return lex_fail_at(&p->lx, id, "no question \"%s\" above this line", id);
		p->f->qs[q].optional = true;
	}
	return true;
}

/* help ID TEXT: one line of the question's help; lines add up. */
static bool d_help(void *ctx, char *rest)
{
	struct parser *p = ctx;
	char *id = lex_word(&rest), *text = rest;
	int q = form_find_question(p->f, id);
	if (q < 0 || !*text)
		return FAIL(p, "use: help ID TEXT, after the question's placeholder");
	struct question *hq = &p->f->qs[q];
	size_t had = hq->help ? strlen(hq->help) : 0;
	hq->help = xrealloc(hq->help, had + 1 + strlen(text) + 1);
	if (had)
		hq->help[had++] = '\n';
	strcpy(hq->help + had, text);
	return true;
}

/* draft ID SOURCE: the customer wording ID starts as a copy of the answer
 * SOURCE (a question of any form of the incident: see incident/draft.c). */
static bool d_draft(void *ctx, char *rest)
{
	struct parser *p = ctx;
	char *id = lex_word(&rest), *src = lex_word(&rest);
	int q = form_find_question(p->f, id);
	if (q < 0 || !*src || *rest)
		return FAIL(p, "use: draft ID SOURCE-ID, after the question's placeholder");
	if (!lex_id(&p->lx, src, LEX_QUESTION_ID))
		return false;
	struct question *dq = &p->f->qs[q];
	if (dq->type != Q_LINES && dq->type != Q_TEXT)
		return FAIL(p, "\"%s\" is not a text: only a text starts as a draft", id);
	if (strcmp(id, src) == 0)
		return FAIL(p, "\"%s\" cannot be a draft of itself", id);
	if (dq->draft)
		return FAIL(p, "\"%s\" is already a draft of \"%s\"", id, dq->draft);
	dq->draft = xstrdup(src);
	return true;
}

static bool d_rule(void *ctx, char *rest)
{
	struct parser *p = ctx;
	return add_rule(p, (enum rule_kind)p->lx.kw->arg, rest);
}

static bool d_when(void *ctx, char *rest)
{
	return add_when(ctx, rest);
}

static const struct lex_keyword directives[] = {
	{ "id", d_id, 0 },
	{ "version", d_text, offsetof(struct form, version) },
	{ "released", d_text, offsetof(struct form, released) },
	{ "title", d_text, offsetof(struct form, title) },
	{ "unanswered", d_text, offsetof(struct form, unanswered) },
	{ "mailto", d_mailto, 0 },
	{ "options", d_options, 0 },
	{ "section", d_section, 0 },
	{ "repeat", d_repeat, 0 },
	{ "end", d_end, 0 },
	{ "label", d_label, 0 },
	{ "help", d_help, 0 },
	{ "draft", d_draft, 0 },
	{ "require", d_rule, RULE_REQUIRE },
	{ "conflict", d_rule, RULE_CONFLICT },
	{ "not-future", d_rule, RULE_NOT_FUTURE },
	{ "not-before", d_rule, RULE_NOT_BEFORE },
	{ "when", d_when, 0 },
	{ "optional", d_optional, 0 },
	{ NULL, NULL, 0 },
};

static bool layout(struct parser *p, char *line)
{
	bool ok = parse_layout(p, line + 1, line[0] == '?' ? LINE_COND : LINE_TEXT,
	                       line[0] == '!' || line[0] == '~');
	if (ok && line[0] == '~') {
		struct layout_line *l = p->rep ? &p->rep->body[p->rep->nbody - 1]
		                               : &p->f->lines[p->f->nlines - 1];
		l->unprinted = true;
		/* With a placeholder it asks a question (a wizard-only box): no help. */
		for (size_t i = 0; i < l->nsegs; i++)
			if (l->segs[i].kind != SEG_TEXT)
				l->help = false;
	}
	return ok;
}

/* A line after the header: layout or directive. */
static bool form_line(void *ctx, char *line)
{
	struct parser *p = ctx;
	if (strchr("|!?~", line[0]))
		return layout(p, line);
	if (line[0] == ' ')
		return FAIL(p, "directive lines start at the first column "
		            "(layout lines start with |, !, ? or ~)");
	return lex_dispatch(&p->lx, directives, LEX_DIRECTIVE, line, p);
}

struct form *form_parse(const char *text, size_t len, const char *name,
                        struct diag *err)
{
	struct parser p = { .section = -1 };

	p.f = xcalloc(1, sizeof *p.f);
	p.f->path = xstrdup(name);
	lex_init(&p.lx, text, len, name, 0, err);
	bool ok = lex_read(&p.lx, "todoke-form", 1, form_line, &p);
	if (ok && p.rep)
		ok = FAIL(&p, "repeat \"%s\" is not closed with end", p.f->qs[p.rep_q].id);
	if (ok && (!p.f->id || !p.f->version || !p.f->title))
		ok = FAIL(&p, "the form needs \"id\", \"version\" and \"title\"");
	if (ok)
		ok = check_rules(&p);
	if (ok)
		ok = resolve_whens(&p);
	free_whens(&p);
	lex_release(&p.lx);
	if (!ok)
		form_free(&p.f);
	return p.f;
}

struct form *form_load(const char *path, struct diag *err)
{
	char *data;
	size_t len;
	if (!file_read_all(path, &data, &len, err))
		return NULL;
	struct form *f = form_parse(data, len, path, err);
	free(data);
	return f;
}
