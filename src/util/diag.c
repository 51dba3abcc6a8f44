/* diag — located error messages. */
#include "todoke/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void diag_clear(struct diag *d)
{
	d->file[0] = '\0';
	d->line = 0;
	d->msg[0] = '\0';
}

void diag_vset(struct diag *d, const char *file, int line, const char *fmt,
               va_list ap)
{
	if (!d)
		return;
	snprintf(d->file, sizeof d->file, "%s", file ? file : "");
	d->line = line;
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
}

void diag_set(struct diag *d, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vset(d, file, line, fmt, ap);
	va_end(ap);
}

const char *diag_format(const struct diag *d, char *buf, size_t size)
{
	if (d->file[0] && d->line > 0)
		snprintf(buf, size, "%s:%d: %s", d->file, d->line, d->msg);
	else if (d->file[0])
		snprintf(buf, size, "%s: %s", d->file, d->msg);
	else
		snprintf(buf, size, "%s", d->msg);
	return buf;
}
