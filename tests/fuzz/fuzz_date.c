/* fuzz_date — dates as answers are typed (2022-10-24, 2022/10/24,
 * 2022年10月24日, full-width digits…): a date read is a valid one. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "todoke/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct date dt;
	const char *why;
	if (date_parse(s, &dt, &why) && !date_valid(dt.y, dt.m, dt.d))
		abort();
	free(s);
	return 0;
}
