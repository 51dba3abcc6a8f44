/* The notice's plain-text writer (src/notice/text.c) against the one it
 * replaced: text.c measures runs of plain characters in one pass
 * (tw_fit_plain, issue 14); the reference below is the writer as it was,
 * walking the text one grapheme cluster at a time through tw_cluster_u8.
 * Long mixed texts (ASCII words, kana, kanji, 禁則 characters, half-width
 * kana with ﾞﾟ, combining marks, emoji with ZWJ and skin tones, variation
 * selectors, JIS X 0213 characters, controls, broken UTF-8) are written as
 * every kind of block at many widths by both: the bytes must be the same. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/notice.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

/* ---- the reference: src/notice/text.c at b159023 ------------------------ */

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

static bool starts_with_any(const struct tok *t, const char *const *set)
{
	for (; *set; set++) {
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
	int c = 0;
	const char *end = s + strlen(s);
	while (*s) {
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

static void ref_notice_text(const struct notice *n, int width, struct strbuf *out)
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

/* ---- mixed texts ----------------------------------------------------------- */

/* Pieces of text, the common ones several times over so that runs of plain
 * text are long and the rare ones fall inside and at the ends of them. */
static const char *const pieces[] = {
	/* ASCII: words, a URL, an address, signs, spaces and controls */
	"a", "word", "Incident", "42", "https://example.jp/a/b?c=d", "me@example.jp",
	"(", ")", ",", ".", "!", "?", ":", ";", "-", " ", " ", " ", "  ", "\t", "\x01",
	"\x7f", "\r",
	/* kana, kanji, 禁則 characters, CJK punctuation */
	"あ", "い", "う", "か", "の", "っ", "ゃ", "ぁ", "ー", "々", "ア", "ッ", "ヶ", "ヿ",
	"ゟ", "漢", "字", "東京都", "個人情報", "不正アクセス", "㐀", "丂",
	"、", "。", "，", "．", "「", "」", "『", "』", "（", "）", "【", "】", "〔", "〕",
	"〈", "〉", "《", "》", "・", "！", "？", "：", "；", "〜", "…", "‘", "’", "“", "”",
	"　", "〃", "〆", "〇",
	/* full-width and half-width forms, with voicing signs */
	"Ａ", "１", "＠", "･", "ｶ", "ﾊ", "ｯ", "ｰ", "ﾝ", "ﾞ", "ﾟ", "ｶﾞ", "ﾊﾟ", "ｻｰﾊﾞ",
	/* combining marks, precomposed letters, ambiguous widths */
	"e\xcc\x81", "\xcc\x81", "か\xe3\x82\x99", "か\xe3\x82\x9a", "\xe3\x82\x99", "é", "café",
	"×", "°", "①", "※", "—", "₩", "Ω",
	/* emoji: a skin tone, ZWJ sequences, flags, text and emoji styles */
	"😀", "👍🏽", "👨‍👩‍👧", "🇯🇵", "🇯", "☺\xef\xb8\x8e", "☺\xef\xb8\x8f", "\xe2\x80\x8d",
	"\xe2\x80\x8b", "\xef\xbb\xbf",
	/* ideographic variation sequences, JIS X 0213 beyond JIS X 0208 */
	"葛\xf3\xa0\x84\x80", "邊\xf3\xa0\x84\x81", "𠀋", "𩸽", "㋐", "ㇰ", "ǽ",
	"ㇷ\xe3\x82\x9a", "⿰",
	/* Hangul jamo, a prepended mark */
	"\xe1\x84\x80\xe1\x85\xa1", "한", "\xd8\x80",
	/* broken UTF-8: a stray byte, an overlong space, a cut kana, a surrogate */
	"\xff", "\xe0\x80\xa0", "\xe3\x81", "\xed\xa0\x80",
	/* a line break inside an answer */
	"\n",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static uint32_t rnd(uint32_t *state)
{
	*state = *state * 1103515245u + 12345u;
	return *state >> 8;
}

/* Text number i: mostly runs of kana, kanji and ASCII words, every piece
 * somewhere. */
static char *mixed_text(unsigned i)
{
	static const char *const common[] = {
		"あいうえお", "個人情報の漏えい", "サーバ", "ログを保全しました", "word ", "ｶﾀｶﾅ",
	};
	uint32_t st = 2654435761u * (i + 1);
	struct strbuf sb;
	sb_init(&sb);
	unsigned n = 1 + rnd(&st) % (i % 4 == 3 ? 400 : 80);
	for (unsigned k = 0; k < n; k++) {
		uint32_t r = rnd(&st);
		if (r % 3 == 0)
			sb_add(&sb, common[(r / 3) % (sizeof common / sizeof common[0])]);
		else
			sb_add(&sb, pieces[(r / 3) % NPIECES]);
	}
	if (i % 5 == 0)
		sb_add(&sb, pieces[i % NPIECES]);   /* each piece at the end of some text */
	return sb_detach(&sb);
}

/* ---- the comparison ------------------------------------------------------ */

static const int widths[] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
	21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 35, 37, 40, 44, 50, 60,
	69, 70, 71, 72, 80, 100,
};
#define NTEXTS 160

/* Both writers' bytes for notice n at every width; the first difference
 * is reported with the width and the text's number. */
static void compare(const struct notice *n, unsigned i)
{
	for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		struct strbuf got, want;
		sb_init(&got);
		sb_init(&want);
		notice_text(n, widths[w], &got);
		ref_notice_text(n, widths[w], &want);
		size_t d = 0;
		while (d < got.len && d < want.len && got.buf[d] == want.buf[d])
			d++;
		if (got.len != want.len || d < got.len)
			ck_abort_msg("text %u, kind %d, width %d: differs at byte %zu of %zu/%zu:\n"
			             "got  «%.80s»\nwant «%.80s»", i, (int)n->v[0].kind, widths[w],
			             d, got.len, want.len, got.buf + (d > 20 ? d - 20 : 0),
			             want.buf + (d > 20 ? d - 20 : 0));
		sb_release(&got);
		sb_release(&want);
	}
}

/* Text _i as a block of each kind. */
START_TEST(each_kind_as_before)
{
	char *text = mixed_text((unsigned)_i);
	for (int kind = NB_TITLE; kind <= NB_LINE; kind++) {
		struct nblock b = { .kind = (enum nblock_kind)kind, .text = text };
		snprintf(b.number, sizeof b.number, "%s", kind == NB_SUB ? "(1)" : "1.");
		struct notice n = { .v = &b, .n = 1 };
		compare(&n, (unsigned)_i);
	}
	free(text);
}
END_TEST

/* A notice of many blocks: the blank lines between them, each block's
 * first line after the number or the mark. */
START_TEST(whole_notice_as_before)
{
	enum { NB = 24 };
	struct nblock b[NB];
	char *texts[NB];
	for (int k = 0; k < NB; k++) {
		texts[k] = mixed_text(1000u + (unsigned)k);
		b[k] = (struct nblock){ .kind = (enum nblock_kind)((k * 5) % (NB_LINE + 1)),
		                        .text = texts[k] };
		snprintf(b[k].number, sizeof b[k].number, "%d.", k + 1);
	}
	struct notice n = { .v = b, .n = NB };
	compare(&n, 1000);
	for (int k = 0; k < NB; k++)
		free(texts[k]);
}
END_TEST

/* The texts themselves hold what they are meant to: a test over texts
 * that lost their marks or their emoji would pass for the wrong reason. */
START_TEST(texts_are_mixed)
{
	static const char *const must[] = {
		"ｶﾞ", "\xcc\x81", "\xe3\x82\x99", "👍🏽", "👨‍👩‍👧", "\xef\xb8\x8f",
		"\xf3\xa0\x84\x80", "𠀋", "「", "。", "https://", "\n", "\t",
	};
	for (size_t m = 0; m < sizeof must / sizeof must[0]; m++) {
		unsigned found = 0;
		for (unsigned i = 0; i < NTEXTS; i++) {
			char *t = mixed_text(i);
			found += strstr(t, must[m]) != NULL;
			free(t);
		}
		ck_assert_msg(found >= 3, "«%s» is in %u texts", must[m], found);
	}
	size_t longest = 0;
	for (unsigned i = 0; i < NTEXTS; i++) {
		char *t = mixed_text(i);
		if (strlen(t) > longest)
			longest = strlen(t);
		free(t);
	}
	ck_assert_uint_gt(longest, 1500);   /* longer than many lines */
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("noticewrap");
	TCase *tc = tcase_create("noticewrap");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, each_kind_as_before, 0, NTEXTS);
	tcase_add_test(tc, whole_notice_as_before);
	tcase_add_test(tc, texts_are_mixed);
	suite_add_tcase(s, tc);
	return s;
}
