/* fuzz_notice — the notice template reader (todoke-notice(5)); include
 * finds the installed templates. */
#include "fuzz.h"
#include "todoke/notice.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct notice_set *s = notice_set_parse((const char *)data, size, "fuzz.notice",
	                                        FUZZ_DATADIR "/forms/notice", &d);
	notice_set_free(&s);
	return 0;
}
