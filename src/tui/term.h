/* term — the terminal: curses set-up, colours, signals (internal to tui). */
#ifndef TODOKE_TUI_TERM_H
#define TODOKE_TUI_TERM_H

#include <signal.h>
#include <stdbool.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

enum color_role {
	C_NORMAL, C_TITLE, C_STATUS, C_FOOTER, C_KEY, C_FOCUS, C_HELP,
	C_ERROR, C_FIELD, C_HEADING, C_OK, C_DIM, C_NROLES
};

/* Set by the signal handlers only; the main loop acts on them. */
extern volatile sig_atomic_t term_quit_signal;  /* INT, TERM, QUIT, USR1/2, ALRM… */
extern volatile sig_atomic_t term_hangup;       /* SIGHUP: save, leave */

bool term_start(void);
void term_end(void);
attr_t term_attr(enum color_role role);
bool term_too_small(void);
void term_draw_too_small(void);

#define MIN_COLS 80
#define MIN_LINES 24

#endif
