/* unconvertible — a character an encoding lacks, described the same way by
 * `todoke export` and by the wizard's export screen. */
#include "todoke/check.h"

#include "todoke/encode.h"
#include "todoke/i18n.h"

/* The UTF-8 of a code point, whatever the locale: wcrtomb gives nothing
 * under LC_ALL=C, and "" is found in every answer. */
static void put_utf8(unsigned long cp, char out[5])
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		*o++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*o++ = (unsigned char)(0xC0 | cp >> 6);
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (unsigned char)(0xE0 | cp >> 12);
		*o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x110000) {
		*o++ = (unsigned char)(0xF0 | cp >> 18);
		*o++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*o++ = (unsigned char)(0x80 | (cp & 0x3F));
	}
	*o = '\0';
}

void describe_unconvertible(const struct incident *inc, const struct enc_bad *b,
                            struct strbuf *out)
{
	char ch[5];
	put_utf8(b->cp, ch);
	sb_addf(out, _("line %d, column %d: 「%s」 (U+%04lX)"), b->line, b->col, ch, b->cp);
	if (!ch[0] || ch[0] == '\n')
		return;
	struct strbuf where;
	sb_init(&where);
	answers_containing(inc, ch, &where);
	if (where.len)
		sb_addf(out, _(" in %s"), where.buf);
	sb_release(&where);
}
