/* submit — the wizard's side of submissions (internal to tui): after an
 * export, 「提出済みにする」; in the review, what was sent and what changed
 * since each document's last submission. */
#ifndef TODOKE_TUI_SUBMIT_H
#define TODOKE_TUI_SUBMIT_H

#include <stddef.h>

#include "app.h"

/* The document (ipa, ppc, notice) was just written to path as bytes
 * (with options as `todoke submit` records them, "" for none): asks
 * whether it was submitted and on which day, then records it
 * (history_submit); says the result on the message line. */
void submit_offer(struct app *a, const char *document, const char *path, const char *bytes,
                  size_t len, const char *options);
/* Appends "  submitted N, changed since M (s)" to the review's title when
 * something was submitted. */
void submit_review_title(const struct app *a, char *where, size_t size);
/* The review's s: the submissions, and the answers changed since each
 * document's last one, by section. */
void submit_review(struct app *a);

#endif
