/* locale — UTF-8 character handling in any locale; text for people in
 * the user's codeset.  See include/todoke/locale.h for the rules. */
#define _GNU_SOURCE /* fopencookie */
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/locale.h"
#include "todoke/strbuf.h"
#include "todoke/utf8.h"

/* As PEP 538, then the usual full names (glibc finds .utf8 for .UTF-8). */
static const char *const default_utf8[] = {
	"C.UTF-8", "C.utf8", "UTF-8", "en_US.UTF-8", "ja_JP.UTF-8", NULL
};

static struct locale_state current;

static bool is_c(const char *name)
{
	return name && (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0);
}

static bool is_utf8(const char *codeset)
{
	return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

/* The locale the environment names for a category, by POSIX precedence:
 * LC_ALL, then var (LC_MESSAGES…), then LANG; "" when none is set. */
static const char *env_locale(const char *var)
{
	const char *names[] = { "LC_ALL", var, "LANG" };
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(names[i]);
		if (v && *v)
			return v;
	}
	return "";
}

/* gettext ignores LANGUAGE while LC_MESSAGES is C.  A C that nobody chose
 * (nothing set: ssh, su -, cron) or that stands for a locale not installed
 * here becomes the UTF-8 locale, so that LANGUAGE (or the language of the
 * missing locale) chooses; a C the user named stays C: English. */
static void messages_language(const struct locale_state *st)
{
	const char *asked = env_locale("LC_MESSAGES");
	if (!is_c(setlocale(LC_MESSAGES, NULL)) || is_c(asked) || !setlocale(LC_MESSAGES, st->utf8))
		return;
	const char *language = getenv("LANGUAGE");
	if (*asked && !(language && *language))
		setenv("LANGUAGE", asked, 1);
}

void locale_setup(const char *domain, const char *dir, const char *const *utf8_names,
                  struct locale_state *st)
{
	static const int categories[] = { LC_CTYPE, LC_MESSAGES, LC_COLLATE, LC_TIME,
	                                   LC_NUMERIC, LC_MONETARY };
	memset(st, 0, sizeof *st);
	/* One missing locale (LC_MESSAGES=ja_JP.UTF-8 not generated) fails
	 * them all: then each category on its own. */
	if (!setlocale(LC_ALL, ""))
		for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
			setlocale(categories[i], "");
	const char *user = setlocale(LC_CTYPE, NULL);
	snprintf(st->user, sizeof st->user, "%s", user ? user : "C");
	snprintf(st->codeset, sizeof st->codeset, "%s", nl_langinfo(CODESET));
	if (is_utf8(st->codeset)) {
		st->kind = LOCALE_UTF8;
		snprintf(st->utf8, sizeof st->utf8, "%s", st->user);
	} else {
		st->kind = LOCALE_NONE;
		for (const char *const *n = utf8_names ? utf8_names : default_utf8; *n; n++)
			if (setlocale(LC_CTYPE, *n) && is_utf8(nl_langinfo(CODESET))) {
				st->kind = is_c(st->user) ? LOCALE_COERCED : LOCALE_CONVERTED;
				snprintf(st->utf8, sizeof st->utf8, "%s", *n);
				break;
			}
		if (st->kind == LOCALE_NONE)
			setlocale(LC_CTYPE, st->user);
	}
	/* Programs started from the wizard ($EDITOR) get it too, as with
	 * PEP 538; under LC_ALL they would not see it. */
	const char *all = getenv("LC_ALL");
	if (st->kind == LOCALE_COERCED && !(all && *all))
		setenv("LC_CTYPE", st->utf8, 1);
	if (st->kind != LOCALE_NONE)
		messages_language(st);
	bindtextdomain(domain, dir);
	/* Without a UTF-8 locale gettext converts to the user's codeset. */
	if (st->kind != LOCALE_NONE)
		bind_textdomain_codeset(domain, "UTF-8");
	textdomain(domain);
}

/* ---- text converted to the user's codeset ------------------------- */

struct conv {
	int fd;
	iconv_t cd;
	iconv_t translit;  /* the same, //TRANSLIT, for what cd lacks */
	char carry[4];   /* the start of a character cut between two writes */
	size_t ncarry;
	struct conv *next;
};

/* Every open stream's state, so that it stays reachable for LeakSanitizer,
 * whose fopencookie keeps the cookie where the leak check does not look. */
static struct conv *open_convs;

static bool put(struct conv *c, const char *p, size_t n)
{
	return n == 0 || file_write_fd(c->fd, p, n);
}

/* The character at p (k bytes; 0: a byte that is not UTF-8) that the
 * codeset lacks: as glibc transliterates it (› as >, — as --), else as
 * <U+XXXX>; a bad byte as '?'. */
static void lacking(struct conv *c, char *p, size_t k)
{
	char out[32], *op = out, *ip = p;
	size_t ol = sizeof out, il = k;
	if (k && iconv(c->translit, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 &&
	    !(op - out == 1 && out[0] == '?')) {
		put(c, out, (size_t)(op - out));
	} else if (k) {
		int n = snprintf(out, sizeof out, "<U+%04lX>", utf8_decode((const unsigned char *)p, k));
		put(c, out, (size_t)n);
	} else
		put(c, "?", 1);
	iconv(c->translit, NULL, NULL, NULL, NULL);
}

/* Converts and writes what it can of in[0..n); returns the bytes used.
 * What is left is the start of a character (the next write completes
 * it). */
static size_t conv_run(struct conv *c, const char *in, size_t n)
{
	char out[512];
	char *ip = (char *)(uintptr_t)in;
	size_t il = n;
	while (il > 0) {
		char *op = out;
		size_t ol = sizeof out;
		size_t r = iconv(c->cd, &ip, &il, &op, &ol);
		int e = errno;
		if (!put(c, out, (size_t)(op - out)))
			return n;
		if (r != (size_t)-1)
			break;
		if (e == E2BIG)
			continue;
		if (e != EILSEQ)
			break;  /* EINVAL: a cut character, carried */
		size_t k = utf8_seqlen((const unsigned char *)ip, il);
		lacking(c, ip, k);
		ip += k ? k : 1;
		il -= k ? k : 1;
	}
	/* Back to the initial shift state (for stateful codesets). */
	char *op = out;
	size_t ol = sizeof out;
	iconv(c->cd, NULL, NULL, &op, &ol);
	put(c, out, (size_t)(op - out));
	return n - il;
}

static ssize_t conv_write(void *cookie, const char *buf, size_t size)
{
	struct conv *c = cookie;
	size_t i = 0;
	while (c->ncarry && i < size) {
		c->carry[c->ncarry++] = buf[i++];
		size_t used = conv_run(c, c->carry, c->ncarry);
		c->ncarry -= used;
		memmove(c->carry, c->carry + used, c->ncarry);
		if (c->ncarry == sizeof c->carry)  /* cannot happen: 4 bytes are a character or bad */
			c->ncarry = 0;
	}
	size_t used = conv_run(c, buf + i, size - i);
	size_t rest = size - i - used;
	if (rest < sizeof c->carry) {
		memcpy(c->carry, buf + i + used, rest);
		c->ncarry = rest;
	}
	return (ssize_t)size;
}

static int conv_close(void *cookie)
{
	struct conv *c = cookie;
	if (c->ncarry)  /* a character never completed */
		put(c, "?", 1);
	iconv_close(c->cd);
	iconv_close(c->translit);
	for (struct conv **p = &open_convs; *p; p = &(*p)->next)
		if (*p == c) {
			*p = c->next;
			break;
		}
	free(c);
	return 0;
}

FILE *locale_converting_stream(int fd, const char *codeset)
{
	char translit[64];
	snprintf(translit, sizeof translit, "%s//TRANSLIT", codeset);
	iconv_t cd = iconv_open(codeset, "UTF-8");
	iconv_t tr = iconv_open(translit, "UTF-8");
	struct conv *c = cd != (iconv_t)-1 && tr != (iconv_t)-1 ? calloc(1, sizeof *c) : NULL;
	cookie_io_functions_t io = { .write = conv_write, .close = conv_close };
	FILE *f = c ? fopencookie(c, "w", io) : NULL;
	if (!f) {
		free(c);
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		if (tr != (iconv_t)-1)
			iconv_close(tr);
		return NULL;
	}
	c->fd = fd;
	c->cd = cd;
	c->translit = tr;
	c->next = open_convs;
	open_convs = c;
	return f;
}

static FILE *user_stdout;  /* the real stdout while it is converted */

/* Replaces *fp (stdout or stderr) by a converting stream on its fd. */
static bool convert(FILE **fp, const char *codeset, int buffering)
{
	FILE *f = locale_converting_stream(fileno(*fp), codeset);
	if (!f)
		return false;
	setvbuf(f, NULL, buffering, BUFSIZ);
	fflush(*fp);
	*fp = f;
	return true;
}

bool locale_start(const char *domain, const char *dir)
{
	locale_setup(domain, dir, NULL, &current);
	if (current.kind == LOCALE_CONVERTED) {
		FILE *out = stdout;
		if (convert(&stdout, current.codeset, isatty(fileno(stdout)) ? _IOLBF : _IOFBF))
			user_stdout = out;
		convert(&stderr, current.codeset, _IONBF);
	}
	if (current.kind != LOCALE_NONE)
		return true;
	struct strbuf tried;
	sb_init(&tried);
	for (const char *const *n = default_utf8; *n; n++)
		sb_addf(&tried, "%s%s", n == default_utf8 ? "" : ", ", *n);
	fprintf(stderr, "todoke: ");
	fprintf(stderr, _("this system has no UTF-8 locale (tried %s), and todoke needs one "
	                  "to handle Japanese text.  Create one as root, for example: "
	                  "localedef -i C -f UTF-8 C.UTF-8"), tried.buf);
	fputc('\n', stderr);
	sb_release(&tried);
	return false;
}

bool locale_wizard_ok(void)
{
	if (current.kind != LOCALE_CONVERTED)
		return true;
	fprintf(stderr, "todoke: ");
	fprintf(stderr, _("the wizard needs a UTF-8 terminal, and the locale here is %s (%s).  "
	                  "Set the terminal to UTF-8 and start todoke with a UTF-8 locale, "
	                  "for example: LANG=ja_JP.UTF-8 todoke.  export, check and deadlines "
	                  "work in this locale as they are."), current.user, current.codeset);
	fputc('\n', stderr);
	return false;
}

void locale_document_stdout(void)
{
	if (!user_stdout)
		return;
	fclose(stdout);
	stdout = user_stdout;
	user_stdout = NULL;
}
