/* encode — a document in the encoding its reader needs (UTF-8, CP932,
 * Shift_JIS, ISO-2022-JP, EUC-JP) through glibc's iconv, never silently
 * altered.  The rule (todoke(1), ENCODINGS): a character is written when
 * the bytes written read back as that character, or as its entry in the
 * one table of Windows forms (in CP932, 〜 is written as the 0x8160 Windows
 * reads as ～); every other character is listed with its place, and the
 * document is written whole or not at all.  What was written is decoded
 * and compared before it is handed back. */
#ifndef TODOKE_ENCODE_H
#define TODOKE_ENCODE_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/diag.h"
#include "todoke/strbuf.h"

struct enc_bad {
	unsigned long cp;     /* the character */
	int line, col;        /* where it stands in the document (from 1) */
	const char *subst;    /* the documented substitution, or NULL */
};

struct enc_report {
	struct enc_bad *v;
	size_t n;
	char (*joined)[8];    /* v[i].subst's text when it is the letter before
	                       * and this mark composed (か + U+3099: が) */
};

/* The encodings offered, by index (utf-8 first); NULL past the last. */
const char *encode_offered(size_t i);
/* The iconv name of an encoding todoke writes ("cp932" → "CP932"), or NULL. */
const char *encode_iconv_name(const char *name);
/* The documented substitution for a character (①→(1), ㈱→(株), 髙→高…),
 * or NULL. */
const char *encode_substitution(unsigned long cp);

/* The Windows form `cp` is written as in `encoding` (CP932: 〜 U+301C →
 * ～ U+FF5E), or 0 when the table has none. */
unsigned long encode_windows_form(const char *encoding, unsigned long cp);

/* Converts a UTF-8 document.  With `substitute`, characters that do not
 * convert and have a substitution that does are replaced by it.  False when some
 * character still does not convert: `rep` lists each, and `out` is left
 * empty.  `crlf` ends lines with CR LF. */
bool encode_document(const char *utf8, size_t len, const char *encoding, bool crlf,
                     bool substitute, struct strbuf *out, struct enc_report *rep,
                     struct diag *err);
void enc_report_release(struct enc_report *rep);

#endif
