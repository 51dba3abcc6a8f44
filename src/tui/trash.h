/* trash — the start screen's view of the deleted incidents (internal to
 * tui). */
#ifndef TODOKE_TUI_TRASH_H
#define TODOKE_TUI_TRASH_H

#include <stdbool.h>

struct app;

/* The trash of the store dir: restore, delete for good (each asked
 * first), until Esc.  False when the session ends meanwhile (quit, a
 * signal): the caller leaves too. */
bool screen_trash(struct app *a, const char *dir);

#endif
