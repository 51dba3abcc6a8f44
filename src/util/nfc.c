/* nfc — Unicode NFC with libunistring, compatibility ideographs kept. */
#include "todoke/nfc.h"

#include <stdlib.h>
#include <uninorm.h>

#include "todoke/utf8.h"

/* NFC would replace these by their unified ideographs (﨑 U+FA11 stays, but
 * 神 U+FA19 would become 神 U+795E); people's names use them: kept. */
static bool compat_ideograph(unsigned long cp)
{
	return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

static void put_nfc(const char *s, size_t n, struct strbuf *out)
{
	size_t len = 0;
	uint8_t *r = n ? u8_normalize(UNINORM_NFC, (const uint8_t *)s, n, NULL, &len) : NULL;
	if (r)
		sb_addn(out, (const char *)r, len);
	else
		sb_addn(out, s, n);
	free(r);
}

/* Code points NFC leaves alone whatever stands around them: combining
 * class 0, NFC of the character alone is itself, and never the second of
 * a canonical pair (so nothing before it composes with it).  Nothing
 * composes or reorders across one: a text is in NFC when it is cut before
 * each of them and each piece is normalised on its own.  Ranges that
 * Japanese documents use; tests/unit/test_export.c checks every code
 * point of them against libunistring. */
static const struct {
	unsigned long lo, hi;
} stable[] = {
	{ 0x0000, 0x02FF },   /* ASCII, Latin (U+0300 starts the marks) */
	{ 0x2002, 0x20CF },   /* punctuation (U+2000, U+2001 are singletons) */
	{ 0x2100, 0x2125 }, { 0x2127, 0x2129 }, { 0x212C, 0x2328 },
	{ 0x232B, 0x2ADB }, { 0x2ADD, 0x2BFF },   /* symbols, arrows, shapes */
	{ 0x3000, 0x3029 }, { 0x3030, 0x3098 },   /* CJK signs, hiragana */
	{ 0x309B, 0x30FF },   /* katakana (U+3099, U+309A are the marks) */
	{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },   /* kanji */
	{ 0xFF00, 0xFFEF },   /* full-width, half-width forms (ｶﾞ's ﾞ too) */
	{ 0x1F000, 0x1FAFF }, /* emoji */
};

bool nfc_stable(unsigned long cp)
{
	for (size_t i = 0; i < sizeof stable / sizeof stable[0]; i++)
		if (cp <= stable[i].hi)
			return cp >= stable[i].lo;
	return false;
}

/* nfc_stable, the kanji and kana first: most of a Japanese text. */
static bool stable_fast(unsigned long cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return true;
	if (cp >= 0x3000 && cp <= 0x30FF)
		return cp <= 0x3029 || (cp >= 0x3030 && cp <= 0x3098) || cp >= 0x309B;
	return nfc_stable(cp);
}

/* put_nfc, without libunistring's cost per character where the text
 * needs nothing (1 MB of Japanese cost 280 M instructions, issue 14): the
 * pieces that begin at a stable character and hold only stable ones are
 * copied, the others normalised.  Not UTF-8: the whole run as put_nfc
 * makes it. */
static void put_run(const char *s, size_t n, struct strbuf *out)
{
	size_t start = out->len, copied = 0, piece = 0;
	bool plain = true;   /* [piece, i) is stable characters only */
	for (size_t i = 0; i < n;) {
		unsigned char b = (unsigned char)s[i];
		size_t k = 1;
		bool st = true;
		if (b >= 0x80) {
			k = utf8_seqlen((const unsigned char *)s + i, n - i);
			if (!k) {
				out->len = start;
				out->buf[start] = '\0';
				put_nfc(s, n, out);
				return;
			}
			st = stable_fast(utf8_decode((const unsigned char *)s + i, k));
		}
		if (st) {
			if (!plain) {
				sb_addn(out, s + copied, piece - copied);
				put_nfc(s + piece, i - piece, out);
				copied = i;
			}
			piece = i;
			plain = true;
		} else {
			plain = false;
		}
		i += k;
	}
	if (!plain) {
		sb_addn(out, s + copied, piece - copied);
		put_nfc(s + piece, n - piece, out);
	} else {
		sb_addn(out, s + copied, n - copied);
	}
}

void nfc_append(const char *s, size_t n, bool html, struct strbuf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		/* Only these bytes start what cuts a run (a compatibility
		 * ideograph is EF A4..AB or F0 AF ..); never one inside a
		 * character, which is 80..BF. */
		if (u[i] != 0xEF && u[i] != 0xF0 && !(html && u[i] == '>'))
			continue;
		size_t k = utf8_seqlen(u + i, n - i);
		if (k && (compat_ideograph(utf8_decode(u + i, k)) || u[i] == '>')) {
			/* In HTML a mark after a tag's '>' must not join it (≯). */
			put_run(s + run, i - run, out);
			sb_addn(out, s + i, k);
			run = i + k;
			i += k - 1;
		}
	}
	put_run(s + run, n - run, out);
}
