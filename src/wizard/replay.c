/* replay — the key of the answer a field edits, and a journal's record
 * (journal.h) stored back as that field's text. */
#include "todoke/wizard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/strbuf.h"

char *wizard_answer_key(const struct incident *inc, const struct model *m,
                        const struct question *q)
{
	struct strbuf sb;
	sb_init(&sb);
	if (m == inc->answers) {
		sb_add(&sb, q->id);
		return sb_detach(&sb);
	}
	/* An entry of a list: which list, which entry. */
	for (size_t f = 0; f < inc->nforms; f++)
		for (size_t i = 0; i < inc->forms[f]->nqs; i++) {
			const struct question *r = &inc->forms[f]->qs[i];
			if (r->type != Q_REPEAT)
				continue;
			size_t n = model_entry_count(inc->answers, r->id);
			for (size_t e = 0; e < n; e++)
				if (model_entry(inc->answers, r->id, e) == m) {
					sb_addf(&sb, "%s[%zu].%s", r->id, e + 1, q->id);
					return sb_detach(&sb);
				}
		}
	sb_release(&sb);
	return NULL;
}

/* The row a text of this question is typed into (wizard.c builds the same). */
static bool text_row(const struct question *q, struct row *r)
{
	static const struct { enum q_type type; enum row_kind kind; } kinds[] = {
		{ Q_CHECK, ROW_NOTE }, { Q_DATE, ROW_DATE }, { Q_LINES, ROW_PARA },
		{ Q_TEXT, ROW_FIELD }, { Q_NUMBER, ROW_FIELD },
	};
	memset(r, 0, sizeof *r);
	r->q = q;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].type == q->type) {
			r->kind = kinds[i].kind;
			return true;
		}
	return false;
}

/* "id[N].field": the list's question, N, the field's id. */
static bool entry_key(const char *key, char **list, size_t *n, const char **field)
{
	const char *lb = strchr(key, '[');
	if (!lb)
		return false;
	char *end;
	unsigned long v = strtoul(lb + 1, &end, 10);
	if (end == lb + 1 || v == 0 || v > 100000 || strncmp(end, "].", 2) != 0 || !end[2])
		return false;
	*list = xstrndup(key, (size_t)(lb - key));
	*n = v;
	*field = end + 2;
	return true;
}

bool wizard_replay(struct incident *inc, const char *key, const char *text,
                   struct diag *why)
{
	struct model *m = inc->answers;
	const struct question *q = NULL;
	char *list = NULL;
	size_t n;
	const char *field;
	if (entry_key(key, &list, &n, &field)) {
		const struct question *r = incident_question(inc, list, NULL);
		for (size_t i = 0; r && r->type == Q_REPEAT && i < r->nfields; i++)
			if (strcmp(r->fields[i].id, field) == 0)
				q = &r->fields[i];
		if (q) {
			/* An entry added and not saved before the kill. */
			while (model_entry_count(m, list) < n)
				model_entry_add(m, list);
			m = model_entry(m, list, n - 1);
		}
	} else
		q = incident_question(inc, key, NULL);
	free(list);
	struct row r;
	if (!q || !text_row(q, &r)) {
		diag_set(why, "", 0, _("%s: no such question takes text any more"), key);
		return false;
	}
	if (!wizard_store_text(&r, m, text, why))
		return false;
	if (m == inc->answers)
		draft_edited(inc, q);
	return true;
}
