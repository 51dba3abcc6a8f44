/* keytext — terminal input in pieces: whole characters out, the tail of a
 * character or of the paste's end marker held for the next piece. */
#include "todoke/keytext.h"

#include <string.h>

#define END_LEN (sizeof KT_PASTE_END - 1)

void kt_begin(struct keytext *kt, bool paste, bool multiline)
{
	memset(kt, 0, sizeof *kt);
	kt->paste = paste;
	kt->multiline = multiline;
}

/* Bytes a sequence starting with lead b needs (0: b cannot start one). */
static size_t seq_need(unsigned char b)
{
	if (b >= 0xC2 && b <= 0xDF)
		return 2;
	if (b >= 0xE0 && b <= 0xEF)
		return 3;
	if (b >= 0xF0 && b <= 0xF4)
		return 4;
	return 0;
}

/* Whether s[0..k) (k >= 2) can still begin a valid sequence: the second
 * byte's range depends on the lead (no overlong forms, surrogates or
 * values above U+10FFFF), later ones are plain continuation bytes. */
static bool prefix_ok(const unsigned char *s, size_t k)
{
	unsigned char lo = 0x80, hi = 0xBF;
	switch (s[0]) {
	case 0xE0: lo = 0xA0; break;
	case 0xED: hi = 0x9F; break;
	case 0xF0: lo = 0x90; break;
	case 0xF4: hi = 0x8F; break;
	}
	if (s[1] < lo || s[1] > hi)
		return false;
	for (size_t i = 2; i < k; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return false;
	return true;
}

/* How many bytes at the end of s[0..n) are a valid sequence cut short. */
static size_t cut_tail(const unsigned char *s, size_t n)
{
	for (size_t back = 1; back <= 3 && back <= n; back++) {
		const unsigned char *p = s + n - back;
		if (*p >= 0x80 && *p <= 0xBF)
			continue; /* a continuation byte: look further back */
		size_t need = seq_need(*p);
		if (need > back && (back == 1 || prefix_ok(p, back)))
			return back;
		return 0;
	}
	return 0;
}

static bool is_text(const struct keytext *kt, unsigned char b)
{
	if (kt->paste)
		return true;
	if (b == '\r' || b == '\n')
		return kt->multiline;
	return b >= 0x20 && b != 0x7F;
}

/* Appends s[0..n) but for a cut character at its end, which is held. */
static void put(struct keytext *kt, const unsigned char *s, size_t n, struct strbuf *out)
{
	size_t t = cut_tail(s, n);
	sb_addn(out, (const char *)s, n - t);
	memcpy(kt->hold, s + n - t, t);
	kt->nhold = t;
}

enum kt_result kt_feed(struct keytext *kt, const char *in, size_t n, size_t *used,
                       struct strbuf *out)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0;
	/* Complete what was held, one byte at a time, so that a character or
	 * the marker cut anywhere joins up. */
	while (kt->nhold && i < n) {
		unsigned char buf[sizeof kt->hold + 1];
		size_t k = kt->nhold;
		memcpy(buf, kt->hold, k);
		buf[k++] = s[i];
		if (buf[0] == 0x1B) {
			/* A piece of the end marker (pastes only). */
			if (memcmp(buf, KT_PASTE_END, k) == 0) {
				i++;
				if (k == END_LEN) {
					kt->nhold = 0;
					*used = i;
					return KT_END;
				}
				memcpy(kt->hold, buf, k);
				kt->nhold = k;
				continue;
			}
			/* Not the marker after all: the ESC is text, and so is what
			 * followed it ("[20": no ESC, nothing to hold). */
			sb_addc(out, 0x1B);
			sb_addn(out, (const char *)kt->hold + 1, kt->nhold - 1);
			kt->nhold = 0;
			continue; /* s[i] is looked at again */
		}
		size_t need = seq_need(buf[0]);
		if (k <= need && prefix_ok(buf, k)) {
			i++;
			if (k == need) {
				sb_addn(out, (const char *)buf, k);
				kt->nhold = 0;
			} else {
				memcpy(kt->hold, buf, k);
				kt->nhold = k;
			}
			continue;
		}
		/* Never to be completed: the held bytes go out as they are. */
		sb_addn(out, (const char *)kt->hold, kt->nhold);
		kt->nhold = 0;
	}
	if (kt->nhold) { /* all of s went into what is held */
		*used = n;
		return KT_MORE;
	}
	size_t start = i;
	while (i < n) {
		unsigned char b = s[i];
		if (kt->paste && b == 0x1B) {
			size_t left = n - i;
			size_t k = left < END_LEN ? left : END_LEN;
			if (memcmp(s + i, KT_PASTE_END, k) == 0) {
				sb_addn(out, (const char *)s + start, i - start);
				if (k == END_LEN) {
					*used = i + END_LEN;
					return KT_END;
				}
				memcpy(kt->hold, s + i, k); /* the marker, cut short */
				kt->nhold = k;
				*used = n;
				return KT_MORE;
			}
		} else if (!is_text(kt, b)) {
			sb_addn(out, (const char *)s + start, i - start);
			*used = i;
			return KT_END;
		}
		i++;
	}
	put(kt, s + start, n - start, out);
	*used = n;
	return KT_MORE;
}

bool kt_pending(const struct keytext *kt)
{
	return kt->nhold > 0;
}

void kt_flush(struct keytext *kt, struct strbuf *out)
{
	sb_addn(out, (const char *)kt->hold, kt->nhold);
	kt->nhold = 0;
}
