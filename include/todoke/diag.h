/* diag — an error with the place it was found: file, line, column, message.
 * Every loader fills one of these so that the user is told exactly where
 * bad input is.  The message never carries a control character or a byte
 * that is not UTF-8 to the terminal: diag_vset shows them as <U+001B> and
 * <0xFF> (a name quoted from a broken file stays readable and harmless). */
#ifndef TODOKE_DIAG_H
#define TODOKE_DIAG_H

#include <stdarg.h>
#include <stddef.h>

struct diag {
	char file[512];
	int line;          /* 0 when the problem is not on one line */
	int col;           /* from 1; 0 when it is not at one column */
	char msg[1024];
};

void diag_clear(struct diag *d);
void diag_set(struct diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_vset(struct diag *d, const char *file, int line, const char *fmt,
               va_list ap) __attribute__((format(printf, 4, 0)));
void diag_vset_at(struct diag *d, const char *file, int line, int col,
                  const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));
/* The one function through which text from a file (names, keys, values,
 * lines) reaches a terminal: s into out (size bytes), control characters
 * (C0, DEL, C1) as <U+001B>, bytes that are not UTF-8 as <0xFF>, never
 * cutting a character or a mark in two.  Returns out. */
char *diag_visible(char *out, size_t size, const char *s);
/* "FILE:LINE:COL: MSG", "FILE:LINE: MSG" (col 0) or "FILE: MSG" (line 0)
 * into buf. */
const char *diag_format(const struct diag *d, char *buf, size_t size);

#endif
