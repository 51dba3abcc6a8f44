/* tui — the interactive wizard on an ncursesw terminal. */
#ifndef TODOKE_TUI_H
#define TODOKE_TUI_H

#include "todoke/form.h"

/* Runs the wizard: with a path, that incident (created if missing); with
 * NULL, the start screen.  Returns the process exit status. */
int tui_run(struct formset *fs, const char *path);

#endif
