/* lexer — lines, characters, words, ids and directives of the line
 * formats (see lexer.h). */
#include "todoke/lexer.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"
#include "todoke/utf8.h"

void lex_init(struct lexer *lx, const char *text, size_t len, const char *name,
              unsigned flags, struct diag *err)
{
	*lx = (struct lexer){ .name = name, .err = err, .flags = flags,
	                      .pos = text, .end = text + len };
}

void lex_release(struct lexer *lx)
{
	free(lx->raw);
	free(lx->buf);
	lx->raw = lx->buf = NULL;
	lx->len = lx->cap = lx->lead = 0;
}

/* ---- errors ------------------------------------------------------------- */

/* Offset of at in the current line (in its copy or as read), or -1. */
static long offset_of(const struct lexer *lx, const char *at)
{
	uintptr_t a = (uintptr_t)at;
	if (lx->buf && a >= (uintptr_t)lx->buf && a <= (uintptr_t)(lx->buf + lx->len))
		return (long)(a - (uintptr_t)lx->buf);
	if (lx->raw && a >= (uintptr_t)lx->raw && a <= (uintptr_t)(lx->raw + lx->len))
		return (long)(a - (uintptr_t)lx->raw);
	return -1;
}

int lex_column(const struct lexer *lx, const char *at)
{
	long off = at ? offset_of(lx, at) : -1;
	if (off < 0)
		return 0;
	int col = 0;
	for (size_t i = 0, k; i < (size_t)off; i += k) {
		if (lx->raw[i] == '\t') {
			col = (col / 8 + 1) * 8;
			k = 1;
		} else {
			/* The same column in every locale (textwidth.h). */
			const unsigned char *u = (const unsigned char *)lx->raw + i;
			k = utf8_seqlen(u, (size_t)off - i);
			col += k ? tw_char(utf8_decode(u, k), TW_FILE) : 1;
			k = k ? k : 1;
		}
	}
	return col + 1;
}

static bool vfail(struct lexer *lx, int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static bool vfail(struct lexer *lx, int col, const char *fmt, va_list ap)
{
	diag_vset_at(lx->err, lx->name, lx->line, col, fmt, ap);
	return false;
}

bool lex_fail(struct lexer *lx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(lx, 0, fmt, ap);
	va_end(ap);
	return false;
}

bool lex_fail_at(struct lexer *lx, const char *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(lx, lex_column(lx, at), fmt, ap);
	va_end(ap);
	return false;
}

/* ---- lines -------------------------------------------------------------- */

const char *lex_find_control(const char *s, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && !(c == '\t' && (flags & LEX_TABS))) || c == 0x7f)
			return s + i;
		/* U+0080–U+009F are C2 80 – C2 9F. */
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] < 0xA0)
			return s + i;
	}
	return NULL;
}

/* True when the n bytes have no fault at all: printable ASCII, tabs if
 * allowed, and well-formed UTF-8 sequences other than C1 controls.  One
 * pass, the common case of every line of every file; it only ever says
 * "clean", so a line with a fault takes the slow path below, which names
 * the first fault as it always did. */
static bool clean_line(const unsigned char *u, size_t n, bool tabs)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	while (i < n) {
		unsigned char c = u[i];
		if (c >= 0x20 && c < 0x7f) {
			/* Then eight bytes of printable ASCII at once: none with
			 * the high bit, none below 0x20, none equal to 0x7F. */
			for (i++; i + 8 <= n; i += 8) {
				uint64_t w;
				memcpy(&w, u + i, 8);
				uint64_t del = w ^ (0x7f * ones);
				if (((w | ((w - 0x20 * ones) & ~w) | ((del - ones) & ~del)) & highs))
					break;
			}
		} else if (c == '\t' && tabs) {
			i++;
		} else if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n &&
		           (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			/* Most of Japanese text: after these leads any continuation
			 * bytes make a character (E0 and ED restrict the second). */
			i += 3;
		} else {
			if (c < 0x80)
				return false;
			size_t k = utf8_seqlen(u + i, n - i);
			if (!k || (c == 0xC2 && u[i + 1] < 0xA0))
				return false;
			i += k;
		}
	}
	return true;
}

/* The first fault of the line as read: not UTF-8, NUL, a tab where tabs
 * are refused, another control character. */
static bool check_chars(struct lexer *lx)
{
	const unsigned char *u = (const unsigned char *)lx->raw;
	if (clean_line(u, lx->len, lx->flags & LEX_TABS))
		return true;
	size_t bad;
	size_t n = utf8_valid(lx->raw, lx->len, &bad) ? lx->len : bad;
	const char *c = lex_find_control(lx->raw, n, lx->flags);
	if (c) {
		if (*c == '\0')
			return lex_fail_at(lx, c, _("NUL byte: this is not a text file"));
		if (*c == '\t')
			return lex_fail_at(lx, c, _("tab character: use spaces"));
		unsigned cp = (unsigned char)*c == 0xC2 ? (unsigned char)c[1] : (unsigned char)*c;
		return lex_fail_at(lx, c, _("control character U+%04X: not text, remove it"), cp);
	}
	if (n < lx->len)
		return lex_fail_at(lx, lx->raw + n, _("not valid UTF-8 (byte 0x%02X)"), u[n]);
	return true;
}

char *lex_next(struct lexer *lx)
{
	if (lx->failed || lx->pos >= lx->end)
		return NULL;
	const char *s = lx->pos;
	const char *nl = memchr(s, '\n', (size_t)(lx->end - s));
	size_t n = nl ? (size_t)(nl - s) : (size_t)(lx->end - s);
	lx->pos = s + n + (nl != NULL);
	lx->newline = nl != NULL;
	lx->line++;
	if (n && s[n - 1] == '\r')
		n--;
	if (n + 1 > lx->cap) {
		lx->cap = n + 1 > 2 * lx->cap ? n + 1 : 2 * lx->cap;
		lx->raw = xrealloc(lx->raw, lx->cap);
		lx->buf = xrealloc(lx->buf, lx->cap);
	}
	memcpy(lx->raw, s, n);
	lx->raw[n] = '\0';
	memcpy(lx->buf, lx->raw, n + 1);
	lx->len = n;
	lx->lead = 0;
	if (!check_chars(lx)) {
		lx->failed = true;
		return NULL;
	}
	if (lx->flags & LEX_HASH_COMMENTS)
		lx->buf[n = strcspn(lx->buf, "#")] = '\0';
	if (lx->flags & LEX_TRIM) {
		while (n && (lx->buf[n - 1] == ' ' || lx->buf[n - 1] == '\t'))
			lx->buf[--n] = '\0';
		lx->lead = strspn(lx->buf, " \t");
	}
	return lx->buf + lx->lead;
}

bool lex_blank(const char *line)
{
	return line[0] == '#' || line[strspn(line, " \t")] == '\0';
}

char *lex_content(struct lexer *lx, const char *format, int version)
{
	for (char *line; (line = lex_next(lx));) {
		bool blank = lex_blank(line);
		if (lx->header) {
			if (!blank)
				return line;
		} else if (!blank || (lx->flags & LEX_HEADER_FIRST)) {
			if (!lex_header(lx, line, format, version)) {
				lx->failed = true;
				return NULL;
			}
			lx->header = true;
		}
	}
	if (!lx->failed && !lx->header) {
		lex_no_header(lx, format, version);
		lx->failed = true;
	}
	return NULL;
}

bool lex_read(struct lexer *lx, const char *format, int version,
              bool (*fn)(void *ctx, char *line), void *ctx)
{
	bool ok = true;
	for (char *line; ok && (line = lex_content(lx, format, version));)
		ok = fn(ctx, line);
	return ok && !lx->failed;
}

/* ---- words and ids ------------------------------------------------------ */

char *lex_word(char **s)
{
	char *w = *s + strspn(*s, " \t");
	char *e = w + strcspn(w, " \t");
	if (*e)
		*e++ = '\0';
	*s = e + strspn(e, " \t");
	return w;
}

bool lex_id_ok(const char *s, enum lex_id kind)
{
	if (kind == LEX_NAME && (*s == '.' || *s == '@'))
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '_' && *s != '-')
			return false;
	return true;
}

bool lex_id(struct lexer *lx, const char *s, enum lex_id kind)
{
	return lex_id_at(lx, s, s, kind);
}

bool lex_id_at(struct lexer *lx, const char *s, const char *at, enum lex_id kind)
{
	if (lex_id_ok(s, kind))
		return true;
	switch (kind) {
	case LEX_QUESTION_ID:
		return lex_fail_at(lx, at, _("bad question id \"%s\" (letters, digits, '.', '_', '-')"), s);
	case LEX_OPTION_ID:
		return lex_fail_at(lx, at, _("bad option id \"%s\" (letters, digits, '.', '_', '-')"), s);
	case LEX_FORM_ID:
		return lex_fail_at(lx, at, _("bad form id \"%s\" (letters, digits, '.', '_', '-')"), s);
	case LEX_NAME:
		return lex_fail_at(lx, at, _("bad name \"%s\" (letters, digits, '.', '_', '-', "
		                            "after one '.' or '@')"), s);
	case LEX_KEY:
		return lex_fail_at(lx, at, _("expected \"key: value\", not a key \"%s\""), s);
	}
	return false;
}

bool lex_id_opts(struct lexer *lx, char *word, enum lex_id kind, char **id,
                 char ***opts, size_t *nopts)
{
	char *eq = strchr(word, '=');
	if (!eq)
		return lex_fail_at(lx, word, _("\"%s\": write ID=OPTION[,OPTION…]"), word);
	*eq = '\0';
	if (!lex_id(lx, word, kind))
		return false;
	if (!eq[1])
		return lex_fail_at(lx, eq, _("\"%s=\" needs at least one option"), word);
	char **v = NULL;
	size_t n = 0;
	for (char *o = eq + 1;; ) {
		char *comma = strchr(o, ',');
		if (comma)
			*comma = '\0';
		if (!lex_id(lx, o, LEX_OPTION_ID)) {
			while (n)
				free(v[--n]);
			free(v);
			return false;
		}
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n++] = xstrdup(o);
		if (!comma)
			break;
		o = comma + 1;
	}
	*id = word;
	*opts = v;
	*nopts = n;
	return true;
}

bool lex_key_value(struct lexer *lx, char *line, const char *shape, char **key,
                   char **val)
{
	char *colon = strchr(line, ':');
	if (!colon || colon == line)
		return lex_fail(lx, _("expected \"%s\""), _(shape));
	*colon = '\0';
	*key = line;
	*val = colon + 1 + (colon[1] == ' ');
	return true;
}

/* ---- headers, values given twice ----------------------------------------- */

bool lex_header(struct lexer *lx, const char *line, const char *format, int version)
{
	size_t fl = strlen(format);
	const char *v = line + fl;
	char *end = NULL;
	long n = -1;
	if (strncmp(line, format, fl) == 0 && (*v == ' ' || *v == '\t')) {
		v += strspn(v, " \t");
		errno = 0;
		if (isdigit((unsigned char)*v))
			n = strtol(v, &end, 10);
		if (errno || (end && end[strspn(end, " \t")]))
			n = -1;
	}
	if (n == version)
		return true;
	if (n > version)
		return lex_fail(lx, _("%s %ld is newer than this todoke reads (%s %d)"),
		                format, n, format, version);
	if (n >= 0)
		return lex_fail(lx, _("%s %ld is not a format this todoke reads (%s %d)"),
		                format, n, format, version);
	return lex_fail(lx, _("not a %s file: the first line must be \"%s %d\""),
	                format, format, version);
}

bool lex_no_header(struct lexer *lx, const char *format, int version)
{
	int line = lx->line;
	lx->line = 0;
	if (line)
		lex_fail(lx, _("not a %s file: no line \"%s %d\", only comments and blank lines"),
		         format, format, version);
	else
		lex_fail(lx, _("empty file: the first line must be \"%s %d\""), format, version);
	lx->line = line;
	return false;
}

bool lex_twice(struct lexer *lx, const char *what, int first)
{
	if (first > 0)
		return lex_fail(lx, _("\"%s\" is given twice (first on line %d)"), what, first);
	return lex_fail(lx, _("\"%s\" is given twice"), what);
}

/* ---- directives --------------------------------------------------------- */

const struct lex_keyword *lex_lookup(const struct lex_keyword *table, const char *word)
{
	for (const struct lex_keyword *k = table; k->word; k++)
		if (k->word[0] == word[0] && strcmp(k->word, word) == 0)
			return k;
	return NULL;
}

bool lex_dispatch(struct lexer *lx, const struct lex_keyword *table,
                  enum lex_what what, char *line, void *ctx)
{
	char *rest = line;
	char *word = lex_word(&rest);
	const struct lex_keyword *k = lex_lookup(table, word);
	if (k) {
		lx->kw = k;
		return k->run(ctx, rest);
	}
	struct strbuf known;
	sb_init(&known);
	for (k = table; k->word; k++)
		sb_addf(&known, "%s%s", known.len ? " " : "", k->word);
	if (what == LEX_STATEMENT)
		lex_fail_at(lx, word, _("unknown statement \"%s\" (known: %s)"), word, known.buf);
	else
		lex_fail_at(lx, word, _("unknown directive \"%s\" (known: %s)"), word, known.buf);
	sb_release(&known);
	return false;
}
