/* wrap — text fitted to screen lines (internal to tui): broken into rows,
 * or shortened to one, never inside a word, a character or a cluster. */
#ifndef TODOKE_TUI_WRAP_H
#define TODOKE_TUI_WRAP_H

struct strbuf;

/* text broken into rows of at most width columns, each ending in a
 * newline: Japanese anywhere, English words only at spaces; rows after
 * the first of a line get `indent` spaces. */
void wrap_text(struct strbuf *out, const char *text, int width, int indent);

/* The first line of text whole when it fits in cols columns, else cut
 * at its last space, 、 or comma that keeps most of it (between clusters
 * when there is none) and ended with "...": nothing on screen ends in a
 * cut word or half a date. */
void shorten_text(struct strbuf *out, const char *text, int cols);

#endif
