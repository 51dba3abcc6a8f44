/* strbuf — a growable byte string, always NUL-terminated. */
#ifndef TODOKE_STRBUF_H
#define TODOKE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;   /* never NULL after sb_init */
	size_t len;
	size_t cap;
};

void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_add(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void sb_addspaces(struct strbuf *sb, int n);
/* 1234567 as "1,234,567", as Japanese documents write counts. */
void sb_add_thousands(struct strbuf *sb, long long n);
/* Hands the buffer to the caller (who frees it); sb is left released:
 * sb_init it again before reuse.  Appending to it also works. */
char *sb_detach(struct strbuf *sb);

/* Allocation helpers that abort on out-of-memory: todoke has no useful
 * way to go on without memory, and aborting keeps the saved file intact. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
