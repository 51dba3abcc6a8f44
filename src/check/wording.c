/* check — the wording of the notice to the persons: every sentence in
 * です・ます (notice_impolite), quoted with the answer or the template line
 * it came from; a customer draft rewritten from an answer that has changed
 * since (incident.h: draft_stale). */
#include "todoke/check.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/notice.h"
#include "todoke/strbuf.h"
#include "todoke/utf8.h"

/* The sentence as a problem quotes it: whole when short, else its start
 * and its end (where the ending to rewrite is), whole characters. */
static size_t next_char(const char *s, size_t i, size_t len)
{
	size_t n = utf8_seqlen((const unsigned char *)s + i, len - i);
	return i + (n ? n : 1);
}

static void excerpt(struct strbuf *sb, const char *s, size_t len)
{
	size_t nch = 0, head = 0, tail = len;
	for (size_t i = 0; i < len; i = next_char(s, i, len))
		nch++;
	if (nch <= 50) {
		sb_addn(sb, s, len);
		return;
	}
	for (size_t c = 0; c < 20; c++)
		head = next_char(s, head, len);
	for (size_t c = 0; c < 20 && tail > head; c++) {
		tail--;
		while (tail > head && ((unsigned char)s[tail] & 0xC0) == 0x80)
			tail--;
	}
	sb_addn(sb, s, head);
	sb_add(sb, "…");
	sb_addn(sb, s + tail, len - tail);
}

/* A sentence of a customer draft still copied from the report: rewrite
 * the draft (place pl), which now reads as its source — named with the
 * entry and field of a list; the source's line is where the text is. */
static const struct value *copy_place(const struct incident *inc, const struct nspan *f,
                                      const char *pl, struct strbuf *where)
{
	const struct question *src = draft_source(inc, incident_question(inc, f->id, NULL));
	char *spl = question_place(inc, src ? src->id : f->id);
	const struct value *val = NULL;
	if (src && src->type == Q_REPEAT && f->field && f->entry) {
		int fi = question_field(src, f->field);
		const char *fl = fi >= 0 && src->fields[fi].label ? src->fields[fi].label : f->field;
		sb_addf(where, _("the answer %s, still a copy of %s, entry %zu, %s"), pl, spl,
		        f->entry, fl);
		if (f->entry <= model_entry_count(inc->answers, src->id))
			val = model_get(model_entry(inc->answers, src->id, f->entry - 1), f->field);
	} else {
		sb_addf(where, _("the answer %s, still a copy of %s"), pl, spl);
		if (src)
			val = model_get(inc->answers, src->id);
	}
	free(spl);
	return val;
}

void check_wording(const struct incident *inc, const struct notice *n,
                           struct problems *out)
{
	struct nimpolite *v;
	size_t k = notice_impolite(n, &v);
	for (size_t i = 0; i < k; i++) {
		const struct nblock *b = &n->v[v[i].block];
		const struct nspan *f = v[i].from;
		struct strbuf q, where;
		sb_init(&q);
		sb_init(&where);
		excerpt(&q, b->text + v[i].start, v[i].end - v[i].start);
		const char *id = "notice.type";
		int line = 0;
		if (f && f->id) {
			char *pl = question_place(inc, f->id);
			const struct value *val = NULL;
			id = f->id;
			if (f->copy)
				val = copy_place(inc, f, pl, &where);
			else if (f->field) {
				const struct question *lq = incident_question(inc, f->id, NULL);
				int fi = lq ? question_field(lq, f->field) : -1;
				const char *fl = fi >= 0 && lq->fields[fi].label ? lq->fields[fi].label
				                                                 : f->field;
				sb_addf(&where, _("the answer %s, entry %zu, %s"), pl, f->entry, fl);
				const struct model *e = f->entry <= model_entry_count(inc->answers, f->id)
				                        ? model_entry(inc->answers, f->id, f->entry - 1) : NULL;
				val = e ? model_get(e, f->field) : NULL;
			} else {
				sb_addf(&where, _("the answer %s"), pl);
				val = model_get(inc->answers, f->id);
			}
			line = val ? val->line : 0;
			free(pl);
		} else if (f && f->file) {
			sb_addf(&where, _("the wording of the notice template %s:%d"), f->file, f->line);
		} else {
			sb_add(&where, _("the wording of the notice template"));
		}
		check_add(out, SEV_WORDING, id, line,
		          _("notice: 「%s」 does not end in the polite form (です・ます) a notice to "
		            "customers is written in; rewrite %s"), q.buf, where.buf);
		sb_release(&q);
		sb_release(&where);
	}
	free(v);
}

/* A customer wording rewritten from an answer that has changed since. */
void check_drafts(const struct incident *inc, struct problems *out)
{
	/* Drafts are the forms' own (`draft ID SOURCE`), in whichever form. */
	for (size_t k = 0; k < inc->nforms; k++) {
		const struct form *f = inc->forms[k];
		for (size_t i = 0; i < f->nqs; i++) {
			const struct question *q = &f->qs[i];
			if (!draft_stale(inc, q))
				continue;
			char *pl = question_place(inc, q->id);
			char *spl = question_place(inc, q->draft);
			const struct value *v = model_get(inc->answers, q->id);
			check_add(out, SEV_WORDING, q->id, v ? v->line : 0,
			          _("notice: %s was rewritten from %s, which has changed since; "
			            "see that it still says the same"), pl, spl);
			free(pl);
			free(spl);
		}
	}
}

