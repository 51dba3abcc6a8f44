/* changes — the answers that differ between two versions of an incident,
 * keyed as in the file, in form and question order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/history.h"
#include "todoke/strbuf.h"

char *answer_text(const struct question *q, const struct model *m, const char *id)
{
	const struct value *v = m ? model_get(m, id) : NULL;
	struct strbuf sb;
	sb_init(&sb);
	char buf[16];
	if (v) {
		switch (v->type) {
		case Q_CHECK:
			sb_add(&sb, v->checked ? "[x]" : "[ ]");
			if (v->text && *v->text)
				sb_addf(&sb, " %s", v->text);
			break;
		case Q_CHOICE: {
			int o = q ? question_option(q, v->text) : -1;
			sb_add(&sb, o >= 0 ? q->opts[o].label : v->text);
			break;
		}
		case Q_TEXT:
		case Q_LINES:
			for (const char *p = v->text; *p; p++)
				if (*p == '\n')
					sb_add(&sb, " ⏎ ");
				else
					sb_addc(&sb, *p);
			break;
		case Q_DATE:
			date_format_iso(v->date, buf, sizeof buf);
			sb_add(&sb, buf);
			break;
		case Q_NUMBER:
			sb_addf(&sb, "%lld", v->number);
			break;
		case Q_REPEAT:
			break;
		}
	}
	return sb_detach(&sb);
}

static void add(struct changes *c, const char *key, char *old_text, char *new_text,
                const struct form *f, const struct question *q, int section)
{
	if (strcmp(old_text, new_text) == 0) {
		free(old_text);
		free(new_text);
		return;
	}
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0) {  /* a question two forms share */
			free(old_text);
			free(new_text);
			return;
		}
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n++] = (struct change){ xstrdup(key), old_text, new_text, f, section,
	                                q ? q->label : NULL };
}

static void compare_question(struct changes *c, const struct form *f, const struct question *q,
                             const struct model *a, const struct model *b)
{
	if (q->type != Q_REPEAT) {
		add(c, q->id, answer_text(q, a, q->id), answer_text(q, b, q->id), f, q, q->section);
		return;
	}
	size_t na = a ? model_entry_count(a, q->id) : 0, nb = b ? model_entry_count(b, q->id) : 0;
	size_t n = na > nb ? na : nb;
	for (size_t i = 0; i < n; i++) {
		const struct model *ea = i < na ? model_entry(a, q->id, i) : NULL;
		const struct model *eb = i < nb ? model_entry(b, q->id, i) : NULL;
		for (size_t k = 0; k < q->nfields; k++) {
			const struct question *fq = &q->fields[k];
			char key[256];
			snprintf(key, sizeof key, "%s[%zu].%s", q->id, i + 1, fq->id);
			add(c, key, answer_text(fq, ea, fq->id), answer_text(fq, eb, fq->id), f, fq,
			    q->section);
		}
	}
}

static void compare_forms(struct changes *c, const struct incident *forms,
                          const struct model *a, const struct model *b)
{
	for (size_t f = 0; f < forms->nforms; f++)
		for (size_t i = 0; i < forms->forms[f]->nqs; i++)
			compare_question(c, forms->forms[f], &forms->forms[f]->qs[i], a, b);
}

void changes_between(const struct incident *before, const struct incident *after,
                     struct changes *out)
{
	out->v = NULL;
	out->n = 0;
	const struct model *a = before ? before->answers : NULL;
	const struct model *b = after ? after->answers : NULL;
	if (after)
		compare_forms(out, after, a, b);
	if (before)
		compare_forms(out, before, a, b);  /* answers of forms since dropped */
}

void changes_release(struct changes *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].old_text);
		free(c->v[i].new_text);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}
