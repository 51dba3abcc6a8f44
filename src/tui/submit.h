/* submit — the wizard's side of submissions (internal to tui): after an
 * export, 「提出済みにする」; in the review, what was sent and what changed
 * since each document's last submission. */
#ifndef TODOKE_TUI_SUBMIT_H
#define TODOKE_TUI_SUBMIT_H

#include <stddef.h>

#include "app.h"

/* The document (ipa, ppc, notice) was just written to path as bytes
 * (with options as `todoke submit` records them, "" for none): kept, so
 * that the review's m can mark it as submitted. */
void submit_written(const struct app *a, const char *document, const char *path,
                    const char *bytes, size_t len, const char *options);
/* The review's m, 「提出済みにする」: asks the day it was sent, then records
 * the document written last (history_submit); says the result on the
 * message line. */
void submit_mark(struct app *a);
/* Appends "  m: mark as submitted" while a document written is not
 * marked, and "  submitted N, changed since M (s)" when something was
 * submitted, to the review's title. */
void submit_review_title(const struct app *a, char *where, size_t size);
/* The review's s: the submissions, and the answers changed since each
 * document's last one, by section. */
void submit_review(struct app *a);

#endif
