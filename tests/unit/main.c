/* Shared entry of every unit-test runner: each tests/unit/test_NAME.c
 * defines test_suite(); this runs it and exits non-zero on any failure. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>

#include "suite.h"
#include "todoke/form.h"

struct formset *test_forms(void)
{
	struct diag d;
	const char *dir = getenv("TODOKE_DATADIR");
	struct formset *fs = formset_load(dir ? dir : ".", &d);
	ck_assert_msg(fs != NULL, "forms: %s:%d: %s", d.file, d.line, d.msg);
	return fs;
}

int main(void)
{
	/* Column widths (wcwidth) need a UTF-8 locale; C.UTF-8 is always there.
	 * Messages (strerror) in English: under C.UTF-8 gettext would follow
	 * the caller's LANGUAGE. */
	unsetenv("LANGUAGE");
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	SRunner *sr = srunner_create(test_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
