/* reload — the incident file changed by someone else, read again with this
 * session's edits kept (internal to tui; the merge is wizard_merge). */
#ifndef TODOKE_TUI_RELOAD_H
#define TODOKE_TUI_RELOAD_H

#include "app.h"

/* Reads a->path again and merges (wizard.h): answers not edited in this
 * session from the file, those edited kept, each conflict shown for the
 * user to choose; then saved over the file as read now.  Called between
 * screens (no page holds a row or model then).  False, with the reason as
 * the message and nothing changed, when the file does not read. */
bool reload_merge(struct app *a);

#endif
