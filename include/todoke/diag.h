/* diag — an error with the place it was found: file, line, message.
 * Every loader fills one of these so that the user is told exactly where
 * bad input is. */
#ifndef TODOKE_DIAG_H
#define TODOKE_DIAG_H

#include <stdarg.h>
#include <stddef.h>

struct diag {
	char file[512];
	int line;          /* 0 when the problem is not on one line */
	char msg[1024];
};

void diag_clear(struct diag *d);
void diag_set(struct diag *d, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_vset(struct diag *d, const char *file, int line, const char *fmt,
               va_list ap);
/* "FILE:LINE: MSG" (or "FILE: MSG") into buf. */
const char *diag_format(const struct diag *d, char *buf, size_t size);

#endif
