/* nfc — text in Unicode NFC (libunistring's u8_normalize), as documents
 * are written: か + U+3099 is が, e + U+0301 is é; CJK compatibility
 * ideographs (U+F900–FAFF, U+2F800–2FA1F), which NFC would replace and
 * which people's names use, stay as typed, and the runs between them are
 * normalised. */
#ifndef TODOKE_NFC_H
#define TODOKE_NFC_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/strbuf.h"

/* Appends s (n bytes of UTF-8) in NFC to out; bytes that are not UTF-8 are
 * copied as they are.  With `markup` (HTML), a character after '>' never
 * joins it (> + U+0338 would be ≯). */
void nfc_append(const char *s, size_t n, bool markup, struct strbuf *out);

/* Whether NFC leaves the character alone wherever it stands (and cuts the
 * text there): what lets nfc_append copy most of a document as it is. */
bool nfc_stable(unsigned long cp);

#endif
