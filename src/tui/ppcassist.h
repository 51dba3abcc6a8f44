/* ppcassist — 「PPC 入力補助」: the PPC report's items (ppcfields.h) one by
 * one, for the PPC's web form (internal to tui).  Enter copies the chosen
 * item to the terminal's clipboard with OSC 52, marks it copied and moves
 * on; the item's text is always also shown alone, for the mouse. */
#ifndef TODOKE_TUI_PPCASSIST_H
#define TODOKE_TUI_PPCASSIST_H

#include <stdbool.h>

struct app;

/* False when a signal ends the session meanwhile. */
bool screen_ppcassist(struct app *a);

#endif
