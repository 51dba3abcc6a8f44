/* fuzz_form — the form reader (todoke-form(5)). */
#include "fuzz.h"
#include "todoke/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct form *f = form_parse((const char *)data, size, "fuzz.form", &d);
	form_free(&f);
	return 0;
}
