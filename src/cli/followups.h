/* followups — the commands about what was sent and what changed since:
 * history, submit, submissions, diff (todoke(1)).  Each prints its result
 * or a message naming the file, and returns the exit status (0 well, 2
 * bad input). */
#ifndef TODOKE_CLI_FOLLOWUPS_H
#define TODOKE_CLI_FOLLOWUPS_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/form.h"
#include "todoke/history.h"
#include "todoke/strbuf.h"

/* todoke history INCIDENT [QUESTION] */
int followups_history(const struct formset *fs, const char *path, const char *question);
/* todoke submissions INCIDENT */
int followups_submissions(const char *path);
/* todoke diff INCIDENT [--since N]: the answers changed since the last
 * submission of each document, or since submission `since` (its number
 * or tag). */
int followups_diff(const struct formset *fs, const char *path, const char *since);
/* The submission `since` names (a number or its tag), from s; NULL with a
 * message when none. */
const struct submission *followups_find(const struct submissions *s, const char *path,
                                        const char *since);
/* todoke submit: records that `bytes` (the document as sent) were sent
 * on `date` (NULL: today) as `kind` (NULL: the next of the document, see
 * submission_next_kind), with the PPC report's dates set (ppc.prelim.date
 * for a 速報, ppc.final.date for a 確報) before the answers are kept, and
 * its 報告区分 then set to 確報 after a 速報, the next report being one.
 * `options` is kept in the record (how todoke exported it). */
int followups_submit(const struct formset *fs, const char *document, const char *path,
                     const char *kind, const char *date, const char *file_name,
                     const char *options, const char *bytes, size_t len);
/* todoke whoami [--name NAME]: prints the login and 氏名 the history
 * records (history_whoami) and where the 氏名 comes from; with a name,
 * first sets it as the profile's own name ("" removes it). */
int followups_whoami(const char *name);
/* The form the registry's document is written from, or NULL. */
const char *followups_document_form(const struct formset *fs, const char *document);

#endif
