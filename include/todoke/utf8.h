/* utf8 — validation of UTF-8 text read from files. */
#ifndef TODOKE_UTF8_H
#define TODOKE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes at s
 * are not valid UTF-8 (overlong forms, surrogates and > U+10FFFF included).
 * Inline, with utf8_decode: every exporter and reader calls them for each
 * character of a document (a call each was a tenth of an export, issue 14). */
static inline size_t utf8_seqlen(const unsigned char *s, size_t avail)
{
	if (avail == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return avail >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0; /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0; /* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/* True when all n bytes are valid UTF-8; otherwise *bad is the offset of
 * the first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* Decodes one valid sequence (as checked by utf8_seqlen). */
static inline unsigned long utf8_decode(const unsigned char *s, size_t len)
{
	switch (len) {
	case 1: return s[0];
	case 2: return ((unsigned long)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	case 3: return ((unsigned long)(s[0] & 0x0F) << 12) |
		       ((unsigned long)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	case 4: return ((unsigned long)(s[0] & 0x07) << 18) |
		       ((unsigned long)(s[1] & 0x3F) << 12) |
		       ((unsigned long)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	}
	return 0xFFFD;
}

/* One digit at *p, ASCII or full-width (０-９, as a Japanese input method
 * types it: U+FF10..U+FF19), advancing *p past it; -1 when there is none. */
int utf8_digit_at(const char **p);

#endif
