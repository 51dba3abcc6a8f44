/* listrow — an incident as one line of the start screen's lists (internal
 * to tui). */
#ifndef TODOKE_TUI_LISTROW_H
#define TODOKE_TUI_LISTROW_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/store.h"

struct strbuf;

/* Whether another entry of v has the title of v[i]. */
bool list_title_repeats(const struct store_entry *v, size_t n, size_t i);

/* The same for a long list, row after row: the titles sorted once
 * (list_titles_sort, again whenever a title may have changed), then each
 * answer a binary search. */
struct list_titles {
	const char **sorted;
	size_t n;
};
void list_titles_sort(struct list_titles *t, const struct store_entry *v, size_t n);
bool list_titles_repeated(const struct list_titles *t, const char *title);
void list_titles_release(struct list_titles *t);
/* The line of e fitted to cols columns, appended to out: its state, its
 * title (its file name too when `repeated`), then when it was found and
 * last changed (or deleted, in the trash) and how much is answered; a
 * long title is shortened, never the dates. */
void list_row(const struct store_entry *e, bool repeated, int cols, struct strbuf *out);
/* What a confirmation is about, written whole in the body (the question
 * itself is short, on the message line: dialog_confirm). */
void list_explain(const char *text);

#endif
