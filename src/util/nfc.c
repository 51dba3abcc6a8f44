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

void nfc_append(const char *s, size_t n, bool html, struct strbuf *out)
{
	size_t run = 0;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_seqlen((const unsigned char *)s + i, n - i);
		if (!k) {
			k = 1;   /* not UTF-8: left as it is, for the encoder to refuse */
		} else if (compat_ideograph(utf8_decode((const unsigned char *)s + i, k)) ||
		           (html && s[i] == '>')) {
			/* In HTML a mark after a tag's '>' must not join it (≯). */
			put_nfc(s + run, i - run, out);
			sb_addn(out, s + i, k);
			run = i + k;
		}
		i += k;
	}
	put_nfc(s + run, n - run, out);
}
