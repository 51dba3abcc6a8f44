/* exports — the one export screen, from the review's e (internal to
 * tui): every document the incident needs in the form its recipient
 * takes, written in one step; then 「提出済みにする」 (exports.c). */
#ifndef TODOKE_TUI_EXPORTS_H
#define TODOKE_TUI_EXPORTS_H

#include "app.h"

/* ACT_QUIT when a signal (or the user) ends the session meanwhile,
 * ACT_GOTO from the documents screen's notice preview, else ACT_NONE. */
enum action screen_exports(struct app *a);

#endif
