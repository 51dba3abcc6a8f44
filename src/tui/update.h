/* update — doupdate() that lets the terminal insert a character (internal
 * to tui).  ncurses repaints the rest of a row when a character is typed
 * at its start (its TransformLine uses insert-character only when nothing
 * after the insertion matches); over ssh that is 100+ bytes a key.  Before
 * doupdate, the cursor's row of what is about to be shown is compared
 * with the screen: when it is the screen's row with one plain character
 * (1 or 2 columns) inserted and only blanks pushed off its end, the
 * terminal's ICH and the character are sent, and curses' picture of the
 * screen is shifted the same way, so that doupdate has nothing left to do
 * on that row.  Only with a terminal that has ich (parm_ich), and only
 * when the last update put the cursor where curses' picture says (not
 * after one that left a hidden cursor where it was, leaveok). */
#ifndef TODOKE_TUI_UPDATE_H
#define TODOKE_TUI_UPDATE_H

void update_screen(void);

#endif
