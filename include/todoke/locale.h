/* locale — the C library's locale for todoke, set once at start (main).
 *
 * Character handling (LC_CTYPE: wcwidth, mbrtowc, ncursesw) is always
 * UTF-8, whatever the user's locale, because every text todoke holds is
 * UTF-8:
 *   - the user's LC_CTYPE is UTF-8: kept as it is;
 *   - it is C or POSIX (LANG unset: a fresh ssh login, `su -`, cron; or
 *     LC_ALL=C): switched to the first UTF-8 locale of C.UTF-8, C.utf8,
 *     UTF-8, en_US.UTF-8, ja_JP.UTF-8 that exists, silently (as Python's
 *     PEP 538 does), and LC_CTYPE is exported for the programs todoke
 *     starts ($EDITOR) unless LC_ALL is set;
 *   - it is a real locale of another codeset (ja_JP.eucJP, ja_JP.SJIS):
 *     switched the same way, and what todoke writes for people to read —
 *     standard error, and standard output except a document that export
 *     writes there — is converted to the user's codeset, a character the
 *     codeset lacks transliterated as glibc does (› as >) or else written
 *     <U+XXXX>.  The wizard refuses to start
 *     (locale_wizard_ok): it would draw UTF-8 on a terminal that is not.
 *   - no UTF-8 locale exists: locale_start says so and fails.
 * The interface language follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG
 * as gettext does, with two differences: when the locale is C only because
 * none of LC_ALL, LC_MESSAGES and LANG is set, LANGUAGE still chooses the
 * language (gettext ignores it under C); and when the messages locale
 * named there is not installed, its language is still used.  Naming C or
 * POSIX (LC_ALL=C) keeps the messages in English, as in every program. */
#ifndef TODOKE_LOCALE_H
#define TODOKE_LOCALE_H

#include <stdbool.h>
#include <stdio.h>

enum locale_kind {
	LOCALE_UTF8,       /* the user's LC_CTYPE is UTF-8 */
	LOCALE_COERCED,    /* it was C or POSIX; now a UTF-8 locale */
	LOCALE_CONVERTED,  /* another codeset; text for people is converted */
	LOCALE_NONE,       /* no UTF-8 locale could be set */
};

struct locale_state {
	enum locale_kind kind;
	char user[64];     /* the user's LC_CTYPE, e.g. "ja_JP.eucJP" */
	char codeset[32];  /* its codeset, e.g. "EUC-JP" */
	char utf8[64];     /* the UTF-8 locale now in LC_CTYPE; "" if none */
};

/* Sets the locale from the environment as described above and binds the
 * message domain to dir (messages in UTF-8 when LC_CTYPE is).  utf8_names
 * is the NULL-terminated list of UTF-8 locales to try, NULL for the
 * default list (tests pass their own).  Changes no stream. */
void locale_setup(const char *domain, const char *dir, const char *const *utf8_names,
                  struct locale_state *st);

/* What main calls: locale_setup with the default list, then for
 * LOCALE_CONVERTED the converting stdout and stderr.  For LOCALE_NONE it
 * prints what to do and returns false: todoke cannot run. */
bool locale_start(const char *domain, const char *dir);

/* False, after saying plainly on standard error that the wizard needs a
 * UTF-8 terminal, when the user's locale is not UTF-8. */
bool locale_wizard_ok(void);

/* A stream writing to fd the UTF-8 text it is given, converted to
 * codeset as described above (what locale_start puts in place of stdout
 * and stderr); NULL when iconv does not know codeset.  fclose frees it. */
FILE *locale_converting_stream(int fd, const char *codeset);

/* Standard output carries a document's own bytes (export): undo the
 * conversion of stdout, if any.  Call before anything is written there. */
void locale_document_stdout(void);

#endif
