/* diag — located error messages. */
#include "todoke/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "todoke/utf8.h"

void diag_clear(struct diag *d)
{
	d->file[0] = '\0';
	d->line = 0;
	d->col = 0;
	d->msg[0] = '\0';
}

/* Copies s into out (size bytes), control characters (C0, DEL, C1) as
 * <U+XXXX> and bytes that are not UTF-8 as <0xXX>; never cuts a character
 * or one of those marks in two. */
char *diag_visible(char *out, size_t size, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0, n = strlen(s);
	for (size_t i = 0; i < n;) {
		char mark[12];
		size_t k = utf8_seqlen(u + i, n - i);
		unsigned long c = k ? utf8_decode(u + i, k) : 0;
		const char *src = s + i;
		size_t len = k;
		if (!k) {
			len = (size_t)snprintf(mark, sizeof mark, "<0x%02X>", u[i]);
			src = mark;
			k = 1;
		} else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
			len = (size_t)snprintf(mark, sizeof mark, "<U+%04lX>", c);
			src = mark;
		}
		if (o + len >= size)
			break;
		memcpy(out + o, src, len);
		o += len;
		i += k;
	}
	out[o] = '\0';
	return out;
}

void diag_vset_at(struct diag *d, const char *file, int line, int col,
                  const char *fmt, va_list ap)
{
	if (!d)
		return;
	char raw[sizeof d->msg];
	snprintf(d->file, sizeof d->file, "%s", file ? file : "");
	d->line = line;
	d->col = col;
	int n = vsnprintf(raw, sizeof raw, fmt, ap);
	if (n >= (int)sizeof raw) {
		/* Cut short: not in the middle of a character. */
		size_t i = sizeof raw - 1;
		while (i > 0 && ((unsigned char)raw[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0 && (unsigned char)raw[i - 1] >= 0xC0 &&
		    !utf8_seqlen((const unsigned char *)raw + i - 1, sizeof raw - i))
			raw[i - 1] = '\0';
	}
	diag_visible(d->msg, sizeof d->msg, raw);
}

void diag_vset(struct diag *d, const char *file, int line, const char *fmt,
               va_list ap)
{
	diag_vset_at(d, file, line, 0, fmt, ap);
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
	/* A file's name is text from outside too (a listed folder). */
	char file[sizeof d->file * 2];
	diag_visible(file, sizeof file, d->file);
	if (d->file[0] && d->line > 0 && d->col > 0)
		snprintf(buf, size, "%s:%d:%d: %s", file, d->line, d->col, d->msg);
	else if (d->file[0] && d->line > 0)
		snprintf(buf, size, "%s:%d: %s", file, d->line, d->msg);
	else if (d->file[0])
		snprintf(buf, size, "%s: %s", file, d->msg);
	else
		snprintf(buf, size, "%s", d->msg);
	return buf;
}
