/* input — the one place the wizard reads the terminal (internal to tui).
 * Keys come through curses (escape sequences, Esc's delay, KEY_RESIZE);
 * text that arrives in a burst — fast typing, an IME's commit, a paste —
 * is read here with read(2) and decoded by keytext.h, so that a character
 * cut between two reads (a pty running dry, an ssh packet) is never lost.
 * Bracketed paste is on while curses runs: what the terminal sends between
 * ESC[200~ and ESC[201~ is text, never commands.
 *
 * Hooks: input_get() is the only call that waits for the terminal, and it
 * returns INPUT_EOF, distinct from a timeout, once the terminal is gone
 * (hang-up: end of file, EIO, POLLHUP); every later call returns it too. */
#ifndef TODOKE_TUI_INPUT_H
#define TODOKE_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "todoke/strbuf.h"

/* With KEY_CODE_YES: a bracketed paste, whose text input_paste() holds. */
#define INPUT_PASTE (KEY_MAX + 1)
/* Returned instead of OK/KEY_CODE_YES/ERR: the terminal is gone. */
#define INPUT_EOF (-2)

/* After newterm(): bracketed paste on, its markers known as keys. */
void input_start(void);
/* Bracketed paste off: on every way out of curses (endwin, a crash, a
 * shell or editor run in the terminal).  Safe to call more than once and
 * from a signal handler (one write(2)). */
void input_end(void);

/* The next key within timeout_ms (-1: no limit), as get_wch(): OK with a
 * character, KEY_CODE_YES with a key code (KEY_RESIZE, INPUT_PASTE…), ERR
 * when nothing came in time or a signal arrived; or INPUT_EOF. */
int input_get(wint_t *ch, int timeout_ms);
/* Whether the terminal has bytes waiting (for work done between keys to
 * stop at once: a key always wins).  Only after input_get found none. */
bool input_waiting(void);

/* The text of the last INPUT_PASTE (UTF-8 as the terminal sent it; valid
 * until the next input_get). */
const char *input_paste(size_t *len);

/* After input_get gave a character of text: appends to out the text that
 * is already waiting behind it (up to the first key that is not text,
 * which stays for the next input_get).  CR and LF are text when
 * multiline. */
void input_burst(bool multiline, struct strbuf *out);

#endif
