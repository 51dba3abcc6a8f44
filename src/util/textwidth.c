/* textwidth — display width of UTF-8 text. */
#include "todoke/textwidth.h"

#include <string.h>
#include <wchar.h>

#include "todoke/utf8.h"

int u8_char_width(const char *s, size_t len, size_t *bytes)
{
	size_t k = utf8_seqlen((const unsigned char *)s, len);
	if (!k) {
		*bytes = 1;
		return 1;
	}
	*bytes = k;
	wchar_t wc = (wchar_t)utf8_decode((const unsigned char *)s, k);
	int w = wcwidth(wc);
	if (w < 0)
		return 1;
	return w;
}

int u8_nwidth(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0, k;
	while (i < n) {
		w += u8_char_width(s + i, n - i, &k);
		i += k;
	}
	return w;
}

int u8_width(const char *s)
{
	return u8_nwidth(s, strlen(s));
}

size_t u8_fit(const char *s, size_t n, int cols, int *used)
{
	size_t i = 0, k;
	int w = 0;
	while (i < n) {
		int cw = u8_char_width(s + i, n - i, &k);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	*used = w;
	return i;
}

size_t u8_wrap(const char *s, size_t n, int width, size_t *starts, size_t max)
{
	size_t rows = 0, i = 0;
	if (width < 2)
		width = 2;
	do {
		if (rows < max)
			starts[rows] = i;
		rows++;
		int used;
		size_t k = u8_fit(s + i, n - i, width, &used);
		if (k == 0 && i < n) {
			/* A character wider than the row: give it a row of its own. */
			u8_char_width(s + i, n - i, &k);
		}
		i += k;
	} while (i < n);
	return rows;
}
