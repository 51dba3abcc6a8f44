/* model — typed answers keyed by question id, in first-set order. */
#include "todoke/model.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/strbuf.h"

struct slot {
	char *id;
	struct value v;
};

/* Beyond SMALL answers, an index by id (open addressing, slot + 1, 0
 * empty): an incident's answers are looked up at every line read and
 * every placeholder exported, and a strcmp over a hundred ids each time
 * made the lookups of a 10,000-entry timeline cost tens of millions of
 * instructions (issue 14).  A list entry's few answers are scanned. */
struct model {
	struct slot *slots;
	size_t n, cap;
	size_t *index, nindex;   /* nindex a power of two ≥ 2n, or 0 */
};

#define SMALL 8

const char *q_type_name(enum q_type t)
{
	switch (t) {
	case Q_CHECK: return "checkbox";
	case Q_CHOICE: return "choice";
	case Q_TEXT: return "text";
	case Q_LINES: return "multi-line text";
	case Q_DATE: return "date";
	case Q_NUMBER: return "number";
	case Q_REPEAT: return "list of entries";
	}
	return "?";
}

struct model *model_new(void)
{
	return xcalloc(1, sizeof(struct model));
}

static void value_clear(struct value *v)
{
	free(v->text);
	for (size_t i = 0; i < v->nentries; i++)
		model_free(&v->entries[i]);
	free(v->entries);
	memset(v, 0, sizeof *v);
}

void model_free(struct model **pm)
{
	struct model *m = pm ? *pm : NULL;
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->slots[i].id);
		value_clear(&m->slots[i].v);
	}
	free(m->slots);
	free(m->index);
	free(m);
	*pm = NULL;
}

static size_t hash(const char *id)
{
	size_t h = 2166136261u;   /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

static void index_add(struct model *m, size_t i)
{
	size_t mask = m->nindex - 1;
	size_t h = hash(m->slots[i].id) & mask;
	while (m->index[h])
		h = (h + 1) & mask;
	m->index[h] = i + 1;
}

/* After slots were added past its size, or one was removed. */
static void index_rebuild(struct model *m)
{
	free(m->index);
	m->index = NULL;
	m->nindex = 0;
	if (m->n <= SMALL)
		return;
	for (m->nindex = 32; m->nindex < 2 * m->cap; m->nindex *= 2)
		;
	m->index = xcalloc(m->nindex, sizeof *m->index);
	for (size_t i = 0; i < m->n; i++)
		index_add(m, i);
}

static struct slot *find(const struct model *m, const char *id)
{
	if (!m->index) {
		for (size_t i = 0; i < m->n; i++)
			if (strcmp(m->slots[i].id, id) == 0)
				return &m->slots[i];
		return NULL;
	}
	size_t mask = m->nindex - 1;
	for (size_t h = hash(id) & mask; m->index[h]; h = (h + 1) & mask)
		if (strcmp(m->slots[m->index[h] - 1].id, id) == 0)
			return &m->slots[m->index[h] - 1];
	return NULL;
}

/* The slot for id, emptied, created if needed. */
static struct value *fresh(struct model *m, const char *id, enum q_type type)
{
	struct slot *s = find(m, id);
	if (!s) {
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 16;
			m->slots = xrealloc(m->slots, m->cap * sizeof *m->slots);
		}
		s = &m->slots[m->n++];
		s->id = xstrdup(id);
		memset(&s->v, 0, sizeof s->v);
		if (m->n > SMALL && 2 * m->n > m->nindex)
			index_rebuild(m);
		else if (m->index)
			index_add(m, m->n - 1);
	} else {
		value_clear(&s->v);
	}
	s->v.type = type;
	return &s->v;
}

const struct value *model_get(const struct model *m, const char *id)
{
	struct slot *s = find(m, id);
	return s ? &s->v : NULL;
}

bool model_checked(const struct model *m, const char *id)
{
	const struct value *v = model_get(m, id);
	return v && v->type == Q_CHECK && v->checked;
}

const char *model_text(const struct model *m, const char *id)
{
	const struct value *v = model_get(m, id);
	return v && v->text ? v->text : "";
}

bool model_date(const struct model *m, const char *id, struct date *out)
{
	const struct value *v = model_get(m, id);
	if (!v || v->type != Q_DATE)
		return false;
	*out = v->date;
	return true;
}

struct value *model_set_check(struct model *m, const char *id, bool checked,
                              const char *note)
{
	/* Copied first: note may be this value's own text, freed by fresh(). */
	char *copy = note ? xstrdup(note) : NULL;
	struct value *v = fresh(m, id, Q_CHECK);
	v->checked = checked;
	v->text = copy;
	return v;
}

struct value *model_set_text(struct model *m, const char *id, enum q_type type,
                             const char *text)
{
	char *copy = xstrdup(text ? text : "");
	struct value *v = fresh(m, id, type);
	v->text = copy;
	return v;
}

struct value *model_set_date(struct model *m, const char *id, struct date d)
{
	struct value *v = fresh(m, id, Q_DATE);
	v->date = d;
	return v;
}

struct value *model_set_number(struct model *m, const char *id, long long n)
{
	struct value *v = fresh(m, id, Q_NUMBER);
	v->number = n;
	return v;
}

void model_unset(struct model *m, const char *id)
{
	struct slot *s = find(m, id);
	if (!s)
		return;
	free(s->id);
	value_clear(&s->v);
	size_t i = (size_t)(s - m->slots);
	memmove(s, s + 1, (m->n - i - 1) * sizeof *s);
	m->n--;
	if (m->index)
		index_rebuild(m);
}

static struct value *repeat_value(const struct model *m, const char *id)
{
	struct slot *s = find(m, id);
	return s && s->v.type == Q_REPEAT ? &s->v : NULL;
}

size_t model_entry_count(const struct model *m, const char *id)
{
	struct value *v = repeat_value(m, id);
	return v ? v->nentries : 0;
}

struct model *model_entry(const struct model *m, const char *id, size_t i)
{
	struct value *v = repeat_value(m, id);
	return v && i < v->nentries ? v->entries[i] : NULL;
}

struct model *model_entry_add(struct model *m, const char *id)
{
	struct value *v = repeat_value(m, id);
	if (!v)
		v = fresh(m, id, Q_REPEAT);
	v->entries = xrealloc(v->entries, (v->nentries + 1) * sizeof *v->entries);
	v->entries[v->nentries] = model_new();
	return v->entries[v->nentries++];
}

void model_entry_delete(struct model *m, const char *id, size_t i)
{
	struct value *v = repeat_value(m, id);
	if (!v || i >= v->nentries)
		return;
	model_free(&v->entries[i]);
	memmove(&v->entries[i], &v->entries[i + 1],
	        (v->nentries - i - 1) * sizeof *v->entries);
	v->nentries--;
}

void model_entry_move(struct model *m, const char *id, size_t from, size_t to)
{
	struct value *v = repeat_value(m, id);
	if (!v || from >= v->nentries || to >= v->nentries || from == to)
		return;
	struct model *e = v->entries[from];
	if (from < to)
		memmove(&v->entries[from], &v->entries[from + 1],
		        (to - from) * sizeof *v->entries);
	else
		memmove(&v->entries[to + 1], &v->entries[to],
		        (from - to) * sizeof *v->entries);
	v->entries[to] = e;
}

size_t model_count(const struct model *m)
{
	return m->n;
}

const char *model_key_at(const struct model *m, size_t i)
{
	return i < m->n ? m->slots[i].id : NULL;
}

const struct value *model_value_at(const struct model *m, size_t i)
{
	return i < m->n ? &m->slots[i].v : NULL;
}

/* w (fresh) becomes a deep copy of v. */
static void value_copy(struct value *w, const struct value *v)
{
	w->checked = v->checked;
	w->text = v->text ? xstrdup(v->text) : NULL;
	w->date = v->date;
	w->number = v->number;
	w->line = v->line;
	if (v->nentries) {
		w->entries = xcalloc(v->nentries, sizeof *w->entries);
		for (size_t k = 0; k < v->nentries; k++)
			w->entries[k] = model_clone(v->entries[k]);
		w->nentries = v->nentries;
	}
}

struct model *model_clone(const struct model *m)
{
	struct model *c = model_new();
	for (size_t i = 0; i < m->n; i++)
		value_copy(fresh(c, m->slots[i].id, m->slots[i].v.type), &m->slots[i].v);
	return c;
}

void model_set_value(struct model *m, const char *id, const struct value *v)
{
	if (!v) {
		model_unset(m, id);
		return;
	}
	/* v may be m's own: copied before the slot is emptied. */
	struct value copy = { .type = v->type };
	value_copy(&copy, v);
	struct value *w = fresh(m, id, v->type);
	*w = copy;
}

static bool value_equal(const struct value *a, const struct value *b)
{
	if (a->type != b->type || a->checked != b->checked ||
	    a->number != b->number || date_cmp(a->date, b->date) != 0 ||
	    a->nentries != b->nentries)
		return false;
	if ((a->text == NULL) != (b->text == NULL) ||
	    (a->text && strcmp(a->text, b->text) != 0))
		return false;
	for (size_t k = 0; k < a->nentries; k++)
		if (!model_equal(a->entries[k], b->entries[k]))
			return false;
	return true;
}

bool model_value_equal(const struct value *a, const struct value *b)
{
	if (!a || !b)
		return a == b;
	return value_equal(a, b);
}

bool model_equal(const struct model *a, const struct model *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const struct value *w = model_get(b, a->slots[i].id);
		if (!w || !value_equal(&a->slots[i].v, w))
			return false;
	}
	return true;
}
