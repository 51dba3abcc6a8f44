/* field — a text field on screen: the line editor (editor.h) plus how it
 * is drawn and which keys edit it (internal to tui). */
#ifndef TODOKE_TUI_FIELD_H
#define TODOKE_TUI_FIELD_H

#include <stdbool.h>

#include "term.h"

struct field;

struct field *field_new(bool multiline, const char *text);
void field_free(struct field **f);
char *field_text(const struct field *f);          /* malloc'd UTF-8 */
void field_set_text(struct field *f, const char *text);
bool field_multiline(const struct field *f);
/* Changed since field_new or the last field_mark_saved. */
bool field_changed(const struct field *f);
void field_mark_saved(struct field *f);
/* For the journal: what changed since field_mark_lines, as the editor's
 * logical lines (editor.h: ed_changed_lines), and those lines' text
 * (lines [first, all - tail), malloc'd).  field_serial tells one field
 * from another, even one made where a freed one was. */
bool field_changed_lines(const struct field *f, size_t *first, size_t *tail);
char *field_lines_text(const struct field *f, size_t first, size_t tail);
void field_mark_lines(struct field *f);
unsigned long field_serial(const struct field *f);

/* An editing key (typing, Backspace, Ctrl-A/E/K/U/W/Y, arrows inside the
 * text…).  False when the key is not the field's: the screen handles it.
 * `width` and `height` are those of the field as last drawn. */
bool field_key(struct field *f, int rc, wint_t ch);
/* Rows the text takes at this width (multi-line), at least 1. */
int field_rows(const struct field *f, int width);
bool field_cursor_on_first_row(const struct field *f);
bool field_cursor_on_last_row(const struct field *f);

/* Draws into win at y,x in a width x height box; with focus, leaves the
 * window's cursor at the text cursor. */
void field_draw(struct field *f, WINDOW *win, int y, int x, int width, int height,
                bool focus);
/* What field_redraw drew: rows first..last of the box (none when first >
 * last), and whether text follows the cursor on its row (a character
 * typed there pushes it: else nothing is to be inserted on the screen). */
struct field_damage {
	int first, last;
	bool tail;
};
/* After an edit, into the same box of the same window, which still holds
 * what the last field_draw or field_redraw put there: draws only the rows
 * whose text changed (a key typed costs its row, not the field) and leaves
 * the cursor at the text cursor; dmg (may be NULL) says what it drew.
 * False, drawing nothing, when the box is not the one last drawn: then the
 * caller draws it all. */
bool field_redraw(struct field *f, WINDOW *win, int y, int x, int width, int height,
                  struct field_damage *dmg);

#endif
