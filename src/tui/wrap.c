/* wrap — text broken into screen lines for the wizard's help and messages:
 * Japanese between any two characters, English words only at a space, so
 * that nothing on screen is a cut word (issue 13, point 8). */
#include "wrap.h"

#include <string.h>

#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

static bool word_byte(unsigned char c)
{
	return c > ' ' && c < 0x80;
}

/* One line (no newline) of n bytes at s, as rows of at most width columns,
 * each row followed by a newline; continuation rows get `indent` spaces. */
static void wrap_line(struct strbuf *out, const char *s, size_t n, int width, int indent)
{
	bool first = true;
	do {
		int w = first ? width : width - indent;
		if (w < 8)
			w = 8;
		if (!first)
			for (int i = 0; i < indent; i++)
				sb_addc(out, ' ');
		int used;
		size_t k = tw_fit(s, n, w, TW_SCREEN, &used);
		if (k == 0 && n)
			k = tw_cluster_u8(s, n, TW_SCREEN, NULL);   /* wider than the row: alone */
		if (k < n && word_byte((unsigned char)s[k]) && k > 0 &&
		    word_byte((unsigned char)s[k - 1])) {
			/* In the middle of an English word: back to its start. */
			size_t b = k;
			while (b > 0 && word_byte((unsigned char)s[b - 1]))
				b--;
			if (b > 0)
				k = b;
		}
		/* 「、」「。」「)」「」」 never start a row: take the one before
		 * along (禁則). */
		static const char *const no_start[] = { "、", "。", ")", "」", "』", ",", ".", ")", NULL };
		for (int j = 0; k < n && k > 0 && no_start[j]; j++)
			if (strncmp(s + k, no_start[j], strlen(no_start[j])) == 0) {
				size_t b = k - 1;
				while (b > 0 && ((unsigned char)s[b] & 0xc0) == 0x80)
					b--;
				if (b > 0)
					k = b;
				break;
			}
		size_t end = k;
		while (end > 0 && s[end - 1] == ' ')
			end--;
		sb_addn(out, s, end);
		sb_addc(out, '\n');
		s += k;
		n -= k;
		while (n && *s == ' ') {
			s++;
			n--;
		}
		first = false;
	} while (n);
}

void wrap_text(struct strbuf *out, const char *text, int width, int indent)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		if (n == 0)
			sb_addc(out, '\n');
		else
			wrap_line(out, text, n, width, indent);
		text += n + (nl != NULL);
	}
}

/* A break after which a shortened line may end: a space, 、, a comma, or
 * the / of a path. */
static size_t break_after(const char *s, size_t k)
{
	static const char *const marks[] = { "、", ", ", "; ", " ", "。", "/", NULL };
	for (int j = 0; marks[j]; j++) {
		size_t n = strlen(marks[j]);
		if (k >= n && strncmp(s + k - n, marks[j], n) == 0)
			return n;
	}
	return 0;
}

void shorten_text(struct strbuf *out, const char *text, int cols)
{
	size_t n = strcspn(text, "\n");
	if (!text[n] && tw_width(text, n, TW_SCREEN) <= cols) {
		sb_add(out, text);
		return;
	}
	/* "..." (three columns everywhere; 「…」 is ambiguous width). */
	int room = cols > 3 ? cols - 3 : 0;
	size_t k = tw_fit(text, n, room, TW_SCREEN, NULL), cut = k;
	/* Back to the last break between clusters that keeps most of the
	 * line; else the clusters that fit (never inside a character or cluster) */
	int cols_at = 0;
	for (size_t b = 0; b < k;) {
		int w;
		b += tw_cluster_u8(text + b, n - b, TW_SCREEN, &w);
		cols_at += w;
		if (b <= k && break_after(text, b) && cols_at * 3 >= room * 2)
			cut = b;
	}
	/* Nothing that opens what the cut closes: 「(残」 → 「」. */
	while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == '(' || text[cut - 1] == ',' ||
	                   text[cut - 1] == ';'))
		cut--;
	sb_addn(out, text, cut);
	sb_add(out, "...");
}
