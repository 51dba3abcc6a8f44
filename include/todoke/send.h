/* send — a document as it goes out: the one way the command line
 * (`todoke export`, `submit`, `diff --document`) and the wizard (its
 * documents and export screens) make the bytes of a document.
 *
 * send_text gives the document's text (UTF-8, NFC) with what a follow-up
 * carries after a submission, as the registry says (todoke-documents(5)):
 *  - changes-into (the PPC 確報's 九 その他), when `changes` is asked for:
 *    that answer, then what changed since the last submission;
 *  - follow-up-lead (the IPA 第2報), for its e-mail draft: a lead saying
 *    which report it follows and what is new, then the whole form; the
 *    Subject starts 【第2報】;
 *  - a letter (render template) sent before is written as its 第2報.
 * Whatever it sets for that in the incident's answers is taken out again
 * before it returns: the incident the wizard holds is as it was.
 *
 * send_mail makes the e-mail draft (mail.h) of a text: To: and From: as
 * the registry says, never a mangled address. */
#ifndef TODOKE_SEND_H
#define TODOKE_SEND_H

#include <stdbool.h>
#include <time.h>

#include "todoke/diag.h"
#include "todoke/document.h"
#include "todoke/export.h"
#include "todoke/form.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"

struct notice_set;

/* The document's text for path's incident (path: its history; NULL, no
 * follow-up parts), fmt NOTICE_HTML only for a document with formats
 * html; *title (when not NULL) its e-mail Subject, malloc'd.  `eml`: the
 * text goes into an e-mail draft (the IPA 第2報's lead).  False, with
 * err, as export_document. */
bool send_text(const struct formset *fs, const struct notice_set *set,
               const struct document *doc, const char *path, struct incident *inc,
               enum notice_format fmt, bool changes, bool eml, struct strbuf *out,
               char **title, struct diag *err);

/* Whether a follow-up of doc can carry what changed (changes-into, and
 * the incident has that question). */
bool send_offers_changes(const struct document *doc, const struct incident *inc);

/* The e-mail draft of text (send_text's, with its title): the body in
 * encoding (NULL: ISO-2022-JP), with the stand-ins when substitute, the
 * files of attach (NULL-terminated, or NULL), Date: `date`.  A From: or
 * To: answer that is not a plain address is left out and said in
 * `warnings`, one line each ("From: left empty, as …").  False, with err
 * naming the first character that will not convert or the attachment. */
bool send_mail(const struct document *doc, const struct incident *inc, const char *text,
               const char *title, const char *encoding, bool substitute,
               const char *const *attach, time_t date, struct strbuf *out,
               struct strbuf *warnings, struct diag *err);

/* How a document was exported, as a submission records it
 * ("--encoding=cp932 --crlf", "--eml", "--format=html": history.h):
 * parsed; o->encoding points into buf (NULL when none or unknown). */
struct send_options {
	const char *encoding;
	bool crlf, substitute, eml, html;
};
void send_options_parse(const char *recorded, struct send_options *o, char *buf, size_t size);

/* Now, for a Date: header; TODOKE_NOW (seconds since 1970) for tests. */
time_t send_now(void);

#endif
