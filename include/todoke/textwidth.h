/* textwidth — display columns of UTF-8 text (wcwidth), for layout.
 * Needs a UTF-8 LC_CTYPE.  A combining mark stays with its base character;
 * nothing here ever splits a character. */
#ifndef TODOKE_TEXTWIDTH_H
#define TODOKE_TEXTWIDTH_H

#include <stddef.h>

/* Columns of the character at s (of len bytes at most); *bytes its length.
 * Unprintable characters count as 1 (they are shown as a replacement). */
int u8_char_width(const char *s, size_t len, size_t *bytes);
int u8_width(const char *s);
int u8_nwidth(const char *s, size_t n);
/* Bytes of the longest prefix of s (n bytes) that fits in cols columns;
 * *used gets its width.  Trailing zero-width marks are included. */
size_t u8_fit(const char *s, size_t n, int cols, int *used);
/* Breaks s (n bytes, no newlines) into rows of at most width columns;
 * stores up to max row start offsets; returns the number of rows (>= 1). */
size_t u8_wrap(const char *s, size_t n, int width, size_t *starts, size_t max);

#endif
