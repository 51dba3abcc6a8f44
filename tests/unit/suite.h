/* Each tests/unit/test_NAME.c defines the suite that main.c runs. */
#ifndef TODOKE_TEST_SUITE_H
#define TODOKE_TEST_SUITE_H

#include <check.h>

Suite *test_suite(void);

#endif
