/* notice — plain text for e-mail and letters: wrapped with 禁則, headings
 * numbered, paragraphs indented by a full-width space. */
#include "todoke/notice.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/textwidth.h"

struct tok {
	const char *s;
	size_t len;
	int cols;
	bool space;
};

/* The next unit that is never split, in columns of a Japanese fixed-width
 * font (the document rule of textwidth.h, whatever the exporter's $LANG):
 * one grapheme cluster (a character with its marks, ｶﾞ, an emoji
 * sequence), a run of clusters that start with ASCII letters, digits or
 * signs (a word, a URL, an e-mail address), or one space.  end is the end
 * of the text (s < end). */
static struct tok next_tok(const char *s, const char *end)
{
	struct tok t = { s, 0, 0, false };
	const unsigned char *u = (const unsigned char *)s;
	size_t n = (size_t)(end - s);
	int cw;
	size_t k = tw_cluster_u8(s, n, TW_DOC, &cw);
	if (u[0] <= ' ' && k == 1) {
		/* A space; a tab or other control character typed in an answer
		 * counts as one (and is written as one). */
		t.len = 1;
		t.cols = 1;
		t.space = true;
		return t;
	}
	t.len = k;
	t.cols = cw;
	if (u[0] > ' ' && u[0] < 0x80) {
		while (t.len < n && u[t.len] > ' ' && u[t.len] < 0x80) {
			t.len += tw_cluster_u8(s + t.len, n - t.len, TW_DOC, &cw);
			t.cols += cw;
		}
	}
	return t;
}

static bool word_byte(char c)
{
	return (unsigned char)c > ' ' && (unsigned char)c < 0x80;
}

/* The longest run of whole tokens from s (at a token's start) that fits in
 * cols columns and that tw_fit_plain measures in one pass: what next_tok
 * would return one at a time, each written as it is (no control in it),
 * none of them split.  Its columns in *used.  A notice of 1 MB is a
 * million clusters (issue 14); next_tok measures the rest. */
static size_t plain_run(const char *s, const char *end, int cols, int *used)
{
	size_t k = tw_fit_plain(s, (size_t)(end - s), cols, TW_DOC, used);
	/* A run that stops inside a word stops before it: the word is one
	 * token.  Its bytes are single ASCII characters of a column each. */
	if (k && s + k < end && word_byte(s[k]) && word_byte(s[k - 1]))
		while (k && word_byte(s[k - 1])) {
			k--;
			(*used)--;
		}
	return k;
}

static bool starts_with_any(const struct tok *t, const char *const *set)
{
	for (; *set; set++) {
		if ((*set)[0] != t->s[0])
			continue;  /* the first byte rules out most entries: no strlen */
		size_t l = strlen(*set);
		if (t->len >= l && memcmp(t->s, *set, l) == 0)
			return true;
	}
	return false;
}

/* 行頭禁則: what may not begin a line.  行末禁則: what may not end one. */
static const char *const no_start[] = {
	"、", "。", "，", "．", ",", ".", "」", "』", "）", ")", "】", "〕", "〉", "》",
	"・", "ー", "々", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ",
	"ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ", "！", "？",
	"!", "?", "：", "；", ":", ";", "〜", "…", "’", "”", NULL
};
static const char *const no_end[] = {
	"「", "『", "（", "(", "【", "〔", "〈", "《", "‘", "“", NULL
};

/* Columns of a text. */
static int text_cols(const char *s)
{
	int c = 0, run;
	const char *end = s + strlen(s);
	while (*s) {
		s += plain_run(s, end, INT_MAX, &run);
		c += run;
		if (!*s)
			break;
		struct tok t = next_tok(s, end);
		c += t.cols;
		s += t.len;
	}
	return c;
}

/* Appends text (no newlines) wrapped at width columns; the first line
 * starts after `first` (already written, `first_cols` wide), the others
 * with `indent`. */
static void wrap(struct strbuf *out, const char *text, int width,
                 const char *indent, int first_cols)
{
	int col = first_cols;
	int ind = text_cols(indent);
	size_t line_start = out->len;
	const char *s = text, *end = text + strlen(text);
	bool at_start = true;
	while (*s) {
		/* What fits as it is goes in one piece: no break inside it. */
		int run;
		size_t k = plain_run(s, end, width > 0 ? width - col : INT_MAX, &run);
		if (k) {
			sb_addn(out, s, k);
			col += run;
			at_start = false;
			s += k;
			if (!*s)
				break;
		}
		struct tok t = next_tok(s, end);
		if (width > 0 && !at_start && col + t.cols > width && !starts_with_any(&t, no_start)) {
			/* Break here; an opening bracket at the line's end goes along. */
			struct strbuf carry;
			sb_init(&carry);
			for (;;) {
				size_t i = out->len;
				if (i <= line_start)
					break;
				/* Find the start of the last character written. */
				size_t b = i - 1;
				while (b > line_start && ((unsigned char)out->buf[b] & 0xc0) == 0x80)
					b--;
				struct tok last = next_tok(out->buf + b, out->buf + i);
				if (b == line_start || !starts_with_any(&last, no_end))
					break;
				struct strbuf tmp;
				sb_init(&tmp);
				sb_addn(&tmp, out->buf + b, i - b);
				sb_add(&tmp, carry.buf);
				sb_release(&carry);
				carry = tmp;
				out->len = b;
				out->buf[b] = '\0';
			}
			while (out->len > line_start && out->buf[out->len - 1] == ' ')
				out->buf[--out->len] = '\0';
			sb_addc(out, '\n');
			line_start = out->len;
			sb_add(out, indent);
			col = ind;
			at_start = true;
			if (carry.len) {
				col += text_cols(carry.buf);
				sb_add(out, carry.buf);
				at_start = false;
			}
			sb_release(&carry);
			if (t.space) {
				s += t.len;
				continue;
			}
		}
		if (t.space)
			sb_addc(out, ' ');
		else
			sb_addn(out, t.s, t.len);
		col += t.cols;
		at_start = false;
		s += t.len;
	}
	sb_addc(out, '\n');
}

/* Each line of a block's text; "\n" inside an answer is a line break. */
static void lines(struct strbuf *out, const char *text, int width,
                  const char *first, const char *each, const char *cont)
{
	const char *s = text;
	for (;;) {
		size_t n = strcspn(s, "\n");
		char *l = xstrndup(s, n);
		sb_add(out, first);
		wrap(out, l, width, cont, text_cols(first));
		free(l);
		if (!s[n])
			break;
		s += n + 1;
		first = each;
	}
}

/* Each line of text right-aligned or centred (a line too long as it is). */
static void aligned(struct strbuf *out, const char *text, int width, bool right)
{
	int w = width > 0 ? width : 70;
	for (const char *s = text;;) {
		size_t n = strcspn(s, "\n");
		char *l = xstrndup(s, n);
		int c = text_cols(l);
		if (c < w)
			sb_addspaces(out, right ? w - c : (w - c) / 2);
		for (const char *p = l, *e = l + strlen(l); *p;) {
			struct tok t = next_tok(p, e);
			if (t.space)
				sb_addc(out, ' ');
			else
				sb_addn(out, t.s, t.len);
			p += t.len;
		}
		sb_addc(out, '\n');
		free(l);
		if (!s[n])
			break;
		s += n + 1;
	}
}

/* Where a title may break: after a particle phrase (「への」「に関する」
 * 「における」「による」「について」, 「の」 before kanji, katakana or a
 * bracket) or after 」 before a word (not
 * before a particle), never inside a run of kanji or katakana, never
 * before what may not start a line.  Byte offsets into s, ascending. */
static const char *const phrase_ends[] = {
	"への", "に関する", "における", "による", "について", "の", NULL
};

static bool hiragana_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	/* U+3041..U+309F: E3 81 81 .. E3 82 9F */
	return u[0] == 0xE3 && ((u[1] == 0x81 && u[2] >= 0x81) || (u[1] == 0x82 && u[2] <= 0x9F));
}

static size_t title_breaks(const char *s, size_t *at, size_t max)
{
	size_t n = strlen(s), k = 0;
	const char *end = s + n;
	for (size_t i = 0; i < n && k < max;) {
		struct tok t = next_tok(s + i, end);
		size_t cand = 0;
		for (const char *const *p = phrase_ends; *p && !cand; p++)
			if (strncmp(s + i, *p, strlen(*p)) == 0)
				cand = i + strlen(*p);
		/* A bare の before kana is inside a word (ねこのて, のおそれ). */
		if (cand == i + 3 && cand < n && hiragana_at(s + cand))
			cand = 0;
		if (!cand && strncmp(s + i, "」", 3) == 0 && i + 3 < n && !hiragana_at(s + i + 3))
			cand = i + 3;
		if (cand && cand < n) {
			struct tok next = next_tok(s + cand, end);
			if (!starts_with_any(&next, no_start) && (!k || at[k - 1] < cand))
				at[k++] = cand;
		}
		i += t.len;
	}
	return k;
}

/* Columns of bytes [from, to) of s. */
static int span_cols(const char *s, size_t from, size_t to)
{
	char *l = xstrndup(s + from, to - from);
	int c = text_cols(l);
	free(l);
	return c;
}

/* The title's lines at phrase boundaries: the fewest lines of at most w
 * columns, of them the most even (the longest line shortest).  False when
 * a phrase is longer than a line. */
static bool title_phrases(const char *text, int w, size_t *cut, size_t *ncut)
{
	enum { MAXB = 64 };
	size_t pos[MAXB + 2];
	size_t nb = title_breaks(text, pos + 1, MAXB);
	pos[0] = 0;
	pos[nb + 1] = strlen(text);
	size_t np = nb + 2;
	int lines[MAXB + 2], widest[MAXB + 2];
	int from[MAXB + 2];
	for (size_t j = 0; j < np; j++)
		lines[j] = -1;
	lines[0] = 0;
	widest[0] = 0;
	for (size_t j = 1; j < np; j++)
		for (size_t i = 0; i < j; i++) {
			if (lines[i] < 0)
				continue;
			int c = span_cols(text, pos[i], pos[j]);
			if (c > w)
				continue;
			int l = lines[i] + 1, m = c > widest[i] ? c : widest[i];
			if (lines[j] < 0 || l < lines[j] || (l == lines[j] && m < widest[j])) {
				lines[j] = l;
				widest[j] = m;
				from[j] = (int)i;
			}
		}
	if (lines[np - 1] < 0)
		return false;
	size_t k = 0, tmp[MAXB + 2];
	for (size_t j = np - 1; j > 0; j = (size_t)from[j])
		tmp[k++] = pos[j];
	*ncut = 0;
	while (k-- > 1)
		cut[(*ncut)++] = tmp[k];   /* the inner cuts, ascending */
	return true;
}

/* A long title in lines of about equal length, each centred, broken
 * between phrases: 「…への不／正ログイン…」 would split a word. */
static void title(struct strbuf *out, const char *text, int width)
{
	int w = width > 0 ? width : 70;
	int c = text_cols(text);
	if (c <= w || strchr(text, '\n')) {
		aligned(out, text, width, false);
		return;
	}
	size_t cut[64], ncut;
	if (title_phrases(text, w, cut, &ncut)) {
		size_t from = 0;
		for (size_t i = 0; i <= ncut; i++) {
			size_t to = i < ncut ? cut[i] : strlen(text);
			char *l = xstrndup(text + from, to - from);
			aligned(out, l, width, false);
			free(l);
			from = to;
		}
		return;
	}
	/* A phrase longer than a line: lines of about equal length, 禁則 kept. */
	int nlines = (c + w - 1) / w;
	int target = (c + nlines - 1) / nlines + 2;   /* room for 禁則 */
	if (target > w)
		target = w;
	struct strbuf tmp;
	sb_init(&tmp);
	lines(&tmp, text, target, "", "", "");
	for (char *l = tmp.buf; *l;) {
		char *nl = strchr(l, '\n');
		*nl = '\0';
		aligned(out, l, width, false);
		l = nl + 1;
	}
	sb_release(&tmp);
}

void notice_text(const struct notice *n, int width, struct strbuf *out)
{
	for (size_t i = 0; i < n->n; i++) {
		const struct nblock *b = &n->v[i];
		enum nblock_kind prev = i ? n->v[i - 1].kind : NB_TITLE;
		/* A blank line between parts; none inside a run of the same kind
		 * of line, none between a heading and what it heads. */
		bool blank = i > 0 && (b->kind == NB_TITLE || b->kind == NB_SECTION ||
		                       b->kind == NB_CENTER || prev == NB_CENTER ||
		                       prev == NB_TITLE || (b->kind != prev && prev != NB_SECTION &&
		                       prev != NB_SUB && b->kind != NB_ITEM) ||
		                       (b->kind == NB_PARA && prev == NB_PARA) ||
		                       (b->kind == NB_SUB && prev != NB_SECTION));
		if (blank)
			sb_addc(out, '\n');
		char head[32];
		switch (b->kind) {
		case NB_TITLE:
			title(out, b->text, width);
			break;
		case NB_RIGHT:
			aligned(out, b->text, width, true);
			break;
		case NB_CENTER:
			aligned(out, b->text, width, false);
			break;
		case NB_SECTION:
		case NB_SUB:
			snprintf(head, sizeof head, "%s ", b->number);
			lines(out, b->text, width, head, "", "");
			break;
		case NB_PARA:
			lines(out, b->text, width, "　", "　", "");
			break;
		case NB_ITEM:
			lines(out, b->text, width, "・", "　", "　");
			break;
		case NB_LINE:
			lines(out, b->text, width, "", "", "");
			break;
		}
	}
}
