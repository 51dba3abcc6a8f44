/* Each tests/unit/test_NAME.c defines the suite that main.c runs. */
#ifndef TODOKE_TEST_SUITE_H
#define TODOKE_TEST_SUITE_H

#include <check.h>

Suite *test_suite(void);

struct formset;
/* The forms of the source tree ($TODOKE_DATADIR, set by the Makefile, or
 * the current folder); fails the test when they do not load. */
struct formset *test_forms(void);

#endif
