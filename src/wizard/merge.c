/* merge — this session's answers and the file someone else changed meanwhile,
 * put together (wizard.h, wizard_merge).  No curses. */
#include "todoke/wizard.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/strbuf.h"

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Each key once, in the order first met in the models given. */
static void add_keys(const struct model *m, char ***keys, size_t *n)
{
	for (size_t i = 0; i < model_count(m); i++) {
		const char *k = model_key_at(m, i);
		bool have = false;
		for (size_t j = 0; j < *n && !have; j++)
			have = strcmp((*keys)[j], k) == 0;
		if (!have) {
			*keys = xrealloc(*keys, (*n + 1) * sizeof **keys);
			(*keys)[(*n)++] = xstrdup(k);
		}
	}
}

/* [incident] keys (the title, a draft's fingerprint): this session's when
 * it changed them, else the file's. */
static void merge_meta(const struct incident *base, const struct incident *mine,
                       struct incident *theirs)
{
	for (size_t i = 0; i < mine->nmeta; i++) {
		const char *k = mine->meta[i].key;
		if (!same_text(incident_meta(base, k), mine->meta[i].value))
			incident_set_meta(theirs, k, mine->meta[i].value);
	}
	for (size_t i = 0; i < base->nmeta; i++) {
		const char *k = base->meta[i].key;
		if (!incident_meta(mine, k))
			incident_unset_meta(theirs, k);  /* removed in this session */
	}
}

void wizard_merge(const struct incident *base, const struct incident *mine,
                  struct incident *theirs, struct merge *out)
{
	memset(out, 0, sizeof *out);
	out->result = theirs;
	out->mine = model_clone(mine->answers);
	out->file = model_clone(theirs->answers);
	char **keys = NULL;
	size_t n = 0;
	add_keys(base->answers, &keys, &n);
	add_keys(mine->answers, &keys, &n);
	add_keys(theirs->answers, &keys, &n);
	for (size_t i = 0; i < n; i++) {
		const struct value *b = model_get(base->answers, keys[i]);
		const struct value *m = model_get(mine->answers, keys[i]);
		const struct value *t = model_get(theirs->answers, keys[i]);
		bool edited = !model_value_equal(b, m), changed = !model_value_equal(b, t);
		if (!edited || model_value_equal(m, t)) {
			out->from_file += changed && !model_value_equal(m, t);
			free(keys[i]);
			continue;  /* the file's answer stands */
		}
		/* Edited here: kept as typed; when the file changed it too,
		 * the user chooses (kept as typed until then). */
		model_set_value(theirs->answers, keys[i], m);
		if (changed) {
			out->conflicts = xrealloc(out->conflicts, (out->nconflicts + 1) *
			                          sizeof *out->conflicts);
			out->conflicts[out->nconflicts++] = keys[i];
		} else {
			out->kept++;
			free(keys[i]);
		}
	}
	free(keys);
	merge_meta(base, mine, theirs);
}

void wizard_merge_take(struct merge *m, size_t i, bool mine)
{
	const char *k = m->conflicts[i];
	model_set_value(m->result->answers, k, model_get(mine ? m->mine : m->file, k));
}

void merge_release(struct merge *m)
{
	for (size_t i = 0; i < m->nconflicts; i++)
		free(m->conflicts[i]);
	free(m->conflicts);
	model_free(&m->mine);
	model_free(&m->file);
	memset(m, 0, sizeof *m);
}
