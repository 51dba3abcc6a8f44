/* fuzz_calendar — the calendar reader (todoke-calendar(5)), then a day. */
#include "fuzz.h"
#include "todoke/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct calendar *c = calendar_load(fuzz_path(data, size), &d);
	if (c)
		(void)calendar_closed(c, (struct date){ 2024, 5, 6 });
	calendar_free(&c);
	return 0;
}
