/* notice — the register check: every sentence in です・ます.
 *
 * An allow-list of polite endings rather than a list of plain ones: the
 * plain forms are open-ended (した, された, である, ない, noun stops), the
 * polite ones a few. */
#include "todoke/notice.h"

#include <stdlib.h>
#include <string.h>

#include "todoke/strbuf.h"
#include "todoke/utf8.h"

/* Endings of a polite sentence (before 。); longer ones need no entry when
 * a shorter one is their tail (ございます ends in ます). */
static const char *const polite[] = {
	"ます", "ました", "ません", "ましょう", "ませ",
	"です", "でした", "でしょう",
	"ください", "下さい",
	"ますか", "ですか", "でしょうか", "ませんか", "ましたか",
};

/* Brackets within which 。 ends no sentence. */
static const char *const opens[] = { "「", "『", "（", "(", "【", "〔" };
static const char *const closes[] = { "」", "』", "）", ")", "】", "〕" };

#define NOF(a) (sizeof(a) / sizeof((a)[0]))

static bool ends_with(const char *s, size_t len, const char *tail)
{
	size_t n = strlen(tail);
	return len >= n && memcmp(s + len - n, tail, n) == 0;
}

static bool starts_with(const char *s, size_t len, const char *head)
{
	size_t n = strlen(head);
	return len >= n && memcmp(s, head, n) == 0;
}

/* Which bracket (index in opens/closes) s starts with, or -1. */
static int bracket_at(const char *s, size_t len, const char *const *set)
{
	for (size_t i = 0; i < NOF(opens); i++)
		if (starts_with(s, len, set[i]))
			return (int)i;
	return -1;
}

/* Trailing spaces (ASCII and U+3000) off. */
static size_t trim_end(const char *s, size_t len)
{
	for (;;) {
		if (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t'))
			len--;
		else if (ends_with(s, len, "\xe3\x80\x80"))
			len -= 3;
		else
			return len;
	}
}

/* A parenthesis closing the sentence: its length back to the opener, or 0.
 * 「」 is not skipped: 「…」。 alone is a noun stop. */
static size_t paren_tail(const char *s, size_t len)
{
	static const char *const po[] = { "（", "(" }, *const pc[] = { "）", ")" };
	for (size_t k = 0; k < NOF(pc); k++) {
		if (!ends_with(s, len, pc[k]))
			continue;
		int depth = 0;
		for (size_t i = len; i > 0;) {
			size_t j = i - 1;
			while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
				j--;
			if (starts_with(s + j, i - j, pc[k]))
				depth++;
			else if (starts_with(s + j, i - j, po[k]) && --depth == 0)
				return len - j;
			i = j;
		}
	}
	return 0;
}

/* The sentence without parentheses at its end (…いたしました(5月20日)). */
static size_t core_len(const char *s, size_t len)
{
	len = trim_end(s, len);
	for (size_t p; (p = paren_tail(s, len)) > 0 && p < len;)
		len = trim_end(s, len - p);
	return len;
}

bool notice_polite_ending(const char *s, size_t len)
{
	len = core_len(s, len);
	for (size_t i = 0; i < NOF(polite); i++)
		if (ends_with(s, len, polite[i]))
			return true;
	return false;
}

static void sentences_of(const struct nblock *b, size_t bi, struct nimpolite **out,
                         size_t *n)
{
	const char *t = b->text;
	size_t len = strlen(t), start = 0;
	int depth = 0;
	for (size_t i = 0; i < len;) {
		size_t cl = utf8_seqlen((const unsigned char *)t + i, len - i);
		if (!cl)
			cl = 1;
		if (t[i] == '\n') {
			start = i + 1;
			depth = 0;           /* an unclosed bracket stops at the line */
		} else if (bracket_at(t + i, len - i, opens) >= 0) {
			depth++;
		} else if (bracket_at(t + i, len - i, closes) >= 0) {
			depth -= depth > 0;
		} else if (depth == 0 && starts_with(t + i, len - i, "。")) {
			size_t s = start;
			while (s < i && (t[s] == ' ' || starts_with(t + s, i - s, "\xe3\x80\x80")))
				s += t[s] == ' ' ? 1 : 3;
			size_t core = core_len(t + s, i - s);
			if (core && !notice_polite_ending(t + s, i - s)) {
				/* The last character of the core names what wrote it. */
				size_t last = s + core - 1;
				while (last > s && ((unsigned char)t[last] & 0xC0) == 0x80)
					last--;
				const struct nspan *from = nblock_span_at(b, last);
				if (!from || !from->gap) {
					*out = xrealloc(*out, (*n + 1) * sizeof **out);
					(*out)[(*n)++] = (struct nimpolite){ bi, s, i + cl, from };
				}
			}
			start = i + cl;
		}
		i += cl;
	}
}

size_t notice_impolite(const struct notice *n, struct nimpolite **out)
{
	size_t k = 0;
	*out = NULL;
	for (size_t i = 0; i < n->n; i++)
		sentences_of(&n->v[i], i, out, &k);
	return k;
}

/* ---- marks ------------------------------------------------------------ */

static int mark_cmp(const void *x, const void *y)
{
	const struct nmark *a = x, *b = y;
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	return a->at < b->at ? -1 : a->at > b->at;
}

size_t notice_marks(const struct notice *n, struct nmark **out)
{
	size_t k = 0;
	*out = NULL;
	for (size_t i = 0; i < n->n; i++)
		for (size_t s = 0; s < n->v[i].nspans; s++) {
			const struct nspan *sp = &n->v[i].spans[s];
			if (!sp->gap)
				continue;
			*out = xrealloc(*out, (k + 1) * sizeof **out);
			(*out)[k++] = (struct nmark){ i, sp->end, sp->id, false };
		}
	struct nimpolite *v;
	size_t nv = notice_impolite(n, &v);
	for (size_t i = 0; i < nv; i++) {
		*out = xrealloc(*out, (k + 1) * sizeof **out);
		(*out)[k++] = (struct nmark){ v[i].block, v[i].end,
		                              v[i].from && v[i].from->id ? v[i].from->id : NULL, true };
	}
	free(v);
	if (k)
		qsort(*out, k, sizeof **out, mark_cmp);
	return k;
}

void notice_apply_marks(struct notice *n, const struct nmark *m, size_t k)
{
	/* From the last, so that the earlier offsets still hold. */
	for (size_t i = k; i-- > 0;) {
		struct nblock *b = &n->v[m[i].block];
		struct strbuf sb;
		sb_init(&sb);
		sb_addn(&sb, b->text, m[i].at);
		sb_addf(&sb, "【%zu】", i + 1);
		sb_add(&sb, b->text + m[i].at);
		free(b->text);
		b->text = sb_detach(&sb);
	}
}
