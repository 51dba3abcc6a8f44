/* utf8 — strict UTF-8 validation (RFC 3629). */
#include "todoke/utf8.h"

bool utf8_valid(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		size_t k = utf8_seqlen(s + i, n - i);
		if (!k) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

int utf8_digit_at(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	if (s[0] >= '0' && s[0] <= '9') {
		*p += 1;
		return s[0] - '0';
	}
	if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
		*p += 3;
		return s[2] - 0x90;
	}
	return -1;
}
