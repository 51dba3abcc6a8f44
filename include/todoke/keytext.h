/* keytext — text as it arrives from a terminal: in pieces.  A read(2) on
 * a pty or an ssh channel may end anywhere, in the middle of a UTF-8
 * character or of the escape sequence that ends a bracketed paste; this
 * decoder keeps such a tail for the next piece, so that nothing is lost
 * or split however the bytes are cut.  No curses, no I/O: src/tui/input.c
 * reads the terminal and feeds it here.
 *
 * Two modes:
 *  - a typed burst (kt_begin(kt, false, multiline)): text is every byte
 *    but C0 controls and DEL — except CR and LF in a multi-line field —
 *    and the burst ends before the first byte that is not text (a key:
 *    Tab, Esc, an arrow's escape sequence), which the caller gives back
 *    to the key reader;
 *  - a bracketed paste (kt_begin(kt, true, …), after ESC[200~ was read):
 *    every byte is text (a BEL, Ctrl-G or Tab in a paste is never a
 *    command) up to the end marker ESC[201~, which is not.
 *
 * The text handed out is the input's bytes, unchanged and in whole
 * characters: an invalid byte goes through as it is (the editor shows it
 * as U+FFFD); only a valid but incomplete sequence at the end of a piece
 * is held back, and given out as it is when what follows shows it will
 * never be completed (kt_flush, a non-text byte, the end marker). */
#ifndef TODOKE_KEYTEXT_H
#define TODOKE_KEYTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/strbuf.h"

#define KT_PASTE_START "\033[200~"
#define KT_PASTE_END "\033[201~"

struct keytext {
	bool paste, multiline;
	unsigned char hold[8]; /* an incomplete character or end marker */
	size_t nhold;
};

enum kt_result {
	KT_MORE,  /* all of it was taken: feed the next piece */
	KT_END,   /* a paste's end marker (consumed), or a non-text byte (not) */
};

void kt_begin(struct keytext *kt, bool paste, bool multiline);
/* Takes n bytes: complete characters are appended to out.  *used is how
 * many bytes of s were consumed (all of them with KT_MORE; with KT_END,
 * up to and including the paste's end marker, or up to the non-text byte
 * of a typed burst, which s[*used] is). */
enum kt_result kt_feed(struct keytext *kt, const char *s, size_t n, size_t *used,
                       struct strbuf *out);
/* True while a piece of a character or of the end marker is held back:
 * the rest is worth waiting for a moment. */
bool kt_pending(const struct keytext *kt);
/* No more input is coming (the terminal went quiet): what is held back
 * goes out as it is. */
void kt_flush(struct keytext *kt, struct strbuf *out);

#endif
