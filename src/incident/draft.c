/* draft — customer wording that starts as a copy of a report answer.
 *
 * The fingerprint, not a copy, is kept in [incident]: enough to tell that
 * the source changed, and the file stays readable. */
#include "todoke/incident.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/date.h"
#include "todoke/strbuf.h"

const struct question *draft_source(const struct incident *inc, const struct question *q)
{
	if (!q || !q->draft)
		return NULL;
	return incident_question(inc, q->draft, NULL);
}

/* Text without trailing blanks (spaces, newlines, U+3000). */
static void add_trimmed(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n && strchr(" \n\t", s[n - 1]))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	sb_addn(sb, s, n);
}

static void add_value(struct strbuf *sb, const struct question *q, const struct model *m)
{
	const struct value *v = model_get(m, q->id);
	char buf[64];
	if (!v || !question_answered(q, m))
		return;
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
		if (model_checked(m, q->id))
			add_trimmed(sb, v->text && *v->text ? v->text : q->label ? q->label : q->id);
		break;
	case Q_TEXT:
	case Q_LINES:
		add_trimmed(sb, v->text);
		break;
	case Q_REPEAT:
		break;
	}
}

char *draft_source_pieces(const struct incident *inc, const struct question *q,
                          struct draft_piece **pieces, size_t *npieces)
{
	const struct question *src = draft_source(inc, q);
	struct strbuf sb;
	sb_init(&sb);
	if (pieces) {
		*pieces = NULL;
		*npieces = 0;
	}
	if (src && src->type == Q_REPEAT) {
		for (size_t i = 0; i < model_entry_count(inc->answers, src->id); i++) {
			const struct model *e = model_entry(inc->answers, src->id, i);
			size_t entry_start = sb.len, n_before = pieces ? *npieces : 0;
			bool any = false;
			for (size_t f = 0; f < src->nfields; f++) {
				struct strbuf v;
				sb_init(&v);
				add_value(&v, &src->fields[f], e);
				if (v.len) {
					sb_add(&sb, any ? "、" : entry_start ? "\n\n" : "");
					any = true;
					if (pieces) {
						/* Grown by doubling: a piece per entry. */
						if ((*npieces & (*npieces - 1)) == 0)
							*pieces = xrealloc(*pieces, (*npieces ? 2 * *npieces : 1) *
							                   sizeof **pieces);
						(*pieces)[(*npieces)++] = (struct draft_piece){
							sb.len, sb.len + v.len, i + 1, src->fields[f].id };
					}
					sb_add(&sb, v.buf);
				}
				sb_release(&v);
			}
			(void)n_before;
		}
	} else if (src) {
		add_value(&sb, src, inc->answers);
		if (pieces && sb.len) {
			*pieces = xmalloc(sizeof **pieces);
			(*pieces)[0] = (struct draft_piece){ 0, sb.len, 0, NULL };
			*npieces = 1;
		}
	}
	return sb_detach(&sb);
}

char *draft_source_text(const struct incident *inc, const struct question *q)
{
	return draft_source_pieces(inc, q, NULL, NULL);
}

bool draft_is_copy(const struct incident *inc, const struct question *q)
{
	const struct question *src = draft_source(inc, q);
	if (!src || question_answered(q, inc->answers))
		return false;
	if (src->type != Q_REPEAT) {
		char *t = draft_source_text(inc, q);
		bool copy = *t != '\0';
		free(t);
		return copy;
	}
	/* The copy is not empty from its first value on: the rest of a long
	 * timeline is not written out only to be thrown away (issue 14). */
	bool copy = false;
	for (size_t i = 0; !copy && i < model_entry_count(inc->answers, src->id); i++) {
		const struct model *e = model_entry(inc->answers, src->id, i);
		for (size_t f = 0; !copy && f < src->nfields; f++) {
			struct strbuf v;
			sb_init(&v);
			add_value(&v, &src->fields[f], e);
			copy = v.len > 0;
			sb_release(&v);
		}
	}
	return copy;
}

/* FNV-1a, 64 bits, as 16 hex digits: a fingerprint, not a secret. */
static void fingerprint(const char *s, char out[17])
{
	uint64_t h = 14695981039346656037ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void meta_key(const struct question *q, char *buf, size_t size)
{
	snprintf(buf, size, "draft.%s", q->id);
}

void draft_edited(struct incident *inc, const struct question *q)
{
	if (!draft_source(inc, q))
		return;
	char key[256], fp[17];
	meta_key(q, key, sizeof key);
	char *src = draft_source_text(inc, q);
	struct strbuf own;
	sb_init(&own);
	add_trimmed(&own, model_text(inc->answers, q->id));
	if (!question_answered(q, inc->answers) || strcmp(own.buf, src) == 0) {
		model_unset(inc->answers, q->id);     /* the copy as it was: not stored */
		incident_unset_meta(inc, key);
	} else {
		fingerprint(src, fp);
		incident_set_meta(inc, key, fp);
	}
	sb_release(&own);
	free(src);
}

bool draft_stale(const struct incident *inc, const struct question *q)
{
	if (!draft_source(inc, q) || !question_answered(q, inc->answers))
		return false;
	char key[256], fp[17];
	meta_key(q, key, sizeof key);
	const char *kept = incident_meta(inc, key);
	if (!kept)
		return false;     /* written by hand: nothing to compare with */
	char *src = draft_source_text(inc, q);
	fingerprint(src, fp);
	free(src);
	return strcmp(kept, fp) != 0;
}
