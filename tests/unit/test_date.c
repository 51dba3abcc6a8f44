/* Dates: the three ways users type them, impossible dates refused with a
 * reason, and day arithmetic across months, years and leap days. */
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/date.h"

struct ok_case {
	const char *in;
	int y, m, d;
};

static const struct ok_case good[] = {
	{ "2022-10-24", 2022, 10, 24 }, { "2022/10/24", 2022, 10, 24 },
	{ "2022年10月24日", 2022, 10, 24 }, { "2022-1-5", 2022, 1, 5 },
	{ "２０２２年１０月２４日", 2022, 10, 24 }, { "  2022/1/5 ", 2022, 1, 5 },
	{ "\xe3\x80\x80" "2022-10-24\xe3\x80\x80", 2022, 10, 24 },
	{ "2024-02-29", 2024, 2, 29 }, { "2000-02-29", 2000, 2, 29 },
	{ "2022／10／24", 2022, 10, 24 }, { "1999-12-31", 1999, 12, 31 },
};

START_TEST(accepted)
{
	struct date d;
	const char *why = NULL;
	ck_assert_msg(date_parse(good[_i].in, &d, &why), "%s: %s", good[_i].in, why);
	ck_assert_int_eq(d.y, good[_i].y);
	ck_assert_int_eq(d.m, good[_i].m);
	ck_assert_int_eq(d.d, good[_i].d);
}
END_TEST

struct bad_case {
	const char *in, *why;
};

static const struct bad_case bad[] = {
	{ "2022-02-30", "February 2022 has 28 days" }, { "2023-02-29", "February 2023 has 28 days" },
	{ "1900-02-29", "February 1900 has 28 days" }, { "2022-04-31", "April 2022 has 30 days" },
	{ "2022-13-01", "no such month" }, { "2022-00-10", "no such month" },
	{ "2022-10-00", "no such day" }, { "2022年10月24", "expected 日" },
	{ "2022-10-24x", "unexpected text" }, { "", "empty" }, { "22-10-24", "expected a date" },
	{ "2022.10.24", "expected a date" }, { "yesterday", "expected a date" },
};

START_TEST(refused_with_reason)
{
	struct date d = { 1, 1, 1 };
	const char *why = NULL;
	ck_assert_msg(!date_parse(bad[_i].in, &d, &why), "%s accepted", bad[_i].in);
	ck_assert_ptr_nonnull(why);
	ck_assert_msg(strstr(why, bad[_i].why), "%s: \"%s\" lacks \"%s\"", bad[_i].in, why, bad[_i].why);
	ck_assert_int_eq(d.y, 1); /* untouched */
}
END_TEST

START_TEST(day_numbers)
{
	ck_assert_int_eq(date_to_days((struct date){ 1970, 1, 1 }), 0);
	ck_assert_int_eq(date_to_days((struct date){ 2000, 3, 1 }), 11017);
	/* Every day from 1999-12-01 to 2025-03-31 round-trips and follows the last. */
	struct date d = { 1999, 12, 1 };
	long n = date_to_days(d);
	while (date_cmp(d, (struct date){ 2025, 3, 31 }) <= 0) {
		struct date back = date_from_days(n);
		ck_assert(back.y == d.y && back.m == d.m && back.d == d.d);
		ck_assert(date_valid(d.y, d.m, d.d));
		d.d++;
		if (d.d > date_days_in_month(d.y, d.m)) {
			d.d = 1;
			if (++d.m > 12) {
				d.m = 1;
				d.y++;
			}
		}
		n++;
		ck_assert_int_eq(date_to_days(d), n);
	}
}
END_TEST

struct add_case {
	struct date from;
	long n;
	struct date to;
};

static const struct add_case adds[] = {
	{ { 2024, 1, 31 }, 1, { 2024, 2, 1 } }, { { 2024, 2, 28 }, 1, { 2024, 2, 29 } },
	{ { 2024, 2, 29 }, 1, { 2024, 3, 1 } }, { { 2023, 2, 28 }, 1, { 2023, 3, 1 } },
	{ { 2022, 12, 31 }, 1, { 2023, 1, 1 } }, { { 2024, 2, 29 }, 30, { 2024, 3, 30 } },
	{ { 2024, 2, 29 }, 60, { 2024, 4, 29 } }, { { 2024, 3, 1 }, -1, { 2024, 2, 29 } },
	{ { 2023, 1, 1 }, -1, { 2022, 12, 31 } }, { { 2022, 10, 24 }, 60, { 2022, 12, 23 } },
};

START_TEST(adding_days)
{
	struct date r = date_add_days(adds[_i].from, adds[_i].n);
	ck_assert_msg(date_cmp(r, adds[_i].to) == 0, "case %d: %d-%d-%d", _i, r.y, r.m, r.d);
	ck_assert_int_eq(date_cmp(adds[_i].from, r), adds[_i].n > 0 ? -1 : 1);
}
END_TEST

START_TEST(formats)
{
	char buf[48];
	struct date d = { 2022, 1, 5 };
	date_format_ymd_ja(d, buf, sizeof buf);
	ck_assert_str_eq(buf, "2022年1月5日");
	date_format_md_ja(d, buf, sizeof buf);
	ck_assert_str_eq(buf, "1月5日");
	date_format_iso(d, buf, sizeof buf);
	ck_assert_str_eq(buf, "2022-01-05");
}
END_TEST

START_TEST(today_overrides)
{
	struct date d;
	const char *why;
	setenv("TODOKE_TODAY", "2024-02-29", 1);
	ck_assert(date_today(&d, &why));
	ck_assert(d.y == 2024 && d.m == 2 && d.d == 29);
	date_set_today(&(struct date){ 2020, 5, 6 });
	ck_assert(date_today(&d, &why));
	ck_assert(d.y == 2020 && d.m == 5 && d.d == 6);
	date_set_today(NULL);
	setenv("TODOKE_TODAY", "2024-02-30", 1);
	ck_assert(!date_today(&d, &why));
	ck_assert_ptr_nonnull(strstr(why, "February"));
	unsetenv("TODOKE_TODAY");
	ck_assert(date_today(&d, &why));
	ck_assert(date_valid(d.y, d.m, d.d));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("date");
	tcase_add_loop_test(tc, accepted, 0, (int)(sizeof good / sizeof good[0]));
	tcase_add_loop_test(tc, refused_with_reason, 0, (int)(sizeof bad / sizeof bad[0]));
	tcase_add_test(tc, day_numbers);
	tcase_add_loop_test(tc, adding_days, 0, (int)(sizeof adds / sizeof adds[0]));
	tcase_add_test(tc, formats);
	tcase_add_test(tc, today_overrides);
	suite_add_tcase(s, tc);
	return s;
}
