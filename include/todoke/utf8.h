/* utf8 — validation of UTF-8 text read from files. */
#ifndef TODOKE_UTF8_H
#define TODOKE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when the bytes at s
 * are not valid UTF-8 (overlong forms, surrogates and > U+10FFFF included). */
size_t utf8_seqlen(const unsigned char *s, size_t avail);

/* True when all n bytes are valid UTF-8; otherwise *bad is the offset of
 * the first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* Decodes one valid sequence (as checked by utf8_seqlen). */
unsigned long utf8_decode(const unsigned char *s, size_t len);

/* One digit at *p, ASCII or full-width (０-９, as a Japanese input method
 * types it: U+FF10..U+FF19), advancing *p past it; -1 when there is none. */
int utf8_digit_at(const char **p);

#endif
