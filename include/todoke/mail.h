/* mail — a document as an e-mail draft (RFC 5322, MIME), to open in a mail
 * client or send from another machine: todoke itself sends nothing. */
#ifndef TODOKE_MAIL_H
#define TODOKE_MAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "todoke/diag.h"
#include "todoke/strbuf.h"

struct mail {
	const char *to;         /* may be NULL: left for the user */
	const char *from;       /* may be NULL */
	const char *subject;    /* UTF-8 */
	const char *body;       /* UTF-8 text, lines ending in \n */
	const char *encoding;   /* "iso-2022-jp" (7bit; base64 when a line is
	                         * over 998 octets) or "utf-8" (base64) */
	bool substitute;        /* as for export --substitute */
	const char *const *attach; /* files to attach, NULL-terminated or NULL */
	time_t date;
};

void base64_encode(const unsigned char *p, size_t n, struct strbuf *out, bool wrap);

/* The whole message, CRLF line ends; the Date in English whatever the
 * locale; the Subject in RFC 2047 words of whole grapheme clusters.  False, with err, when the body or
 * subject will not convert (err names the first character) or an
 * attachment cannot be read. */
bool mail_compose(const struct mail *m, struct strbuf *out, struct diag *err);

#endif
