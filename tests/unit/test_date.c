/* Dates: the three ways users type them, impossible dates refused with a
 * reason, day numbers and arithmetic across months, years and leap days,
 * the printed forms, and where "today" comes from. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "suite.h"
#include "todoke/date.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define IDEO_SPACE "\xe3\x80\x80" /* U+3000 */

static bool same(struct date a, struct date b)
{
	return a.y == b.y && a.m == b.m && a.d == b.d;
}

/* ---- date_parse: accepted ----------------------------------------------- */

struct ok_case {
	const char *in;
	int y, m, d;
};

static const struct ok_case good[] = {
	{ "2022-10-24", 2022, 10, 24 },
	{ "2022/10/24", 2022, 10, 24 },
	{ "2022年10月24日", 2022, 10, 24 },
	{ "2022-1-5", 2022, 1, 5 },
	{ "2022/1/5", 2022, 1, 5 },
	{ "2022年1月5日", 2022, 1, 5 },
	{ "2022-01-05", 2022, 1, 5 },
	{ "２０２２年１０月２４日", 2022, 10, 24 },
	{ "２０２２-１-５", 2022, 1, 5 },
	{ "2022／10／24", 2022, 10, 24 },
	{ "2022－10－24", 2022, 10, 24 },
	{ "  2022/1/5 ", 2022, 1, 5 },
	{ "\t2022-10-24\t", 2022, 10, 24 },
	{ IDEO_SPACE "2022-10-24" IDEO_SPACE, 2022, 10, 24 },
	{ IDEO_SPACE " " IDEO_SPACE "２０２２年１０月２４日 " IDEO_SPACE, 2022, 10, 24 },
	{ "2024-02-29", 2024, 2, 29 },
	{ "2000-02-29", 2000, 2, 29 },
	{ "2024年2月29日", 2024, 2, 29 },
	{ "1999-12-31", 1999, 12, 31 },
	{ "2023-12-31", 2023, 12, 31 },
	{ "2022-04-30", 2022, 4, 30 },
	{ "0001-01-01", 1, 1, 1 },
	{ "9999-12-31", 9999, 12, 31 },
};

START_TEST(parse_accepts)
{
	const struct ok_case *c = &good[_i];
	struct date d = { 0, 0, 0 };
	const char *why = NULL;
	ck_assert_msg(date_parse(c->in, &d, &why), "\"%s\" refused: %s", c->in,
	              why ? why : "(no reason)");
	ck_assert_msg(d.y == c->y && d.m == c->m && d.d == c->d,
	              "\"%s\" read as %d-%d-%d, want %d-%d-%d", c->in, d.y, d.m, d.d,
	              c->y, c->m, c->d);
}
END_TEST

/* ---- date_parse: refused, with a reason --------------------------------- */

struct bad_case {
	const char *in;
	const char *why;   /* a part the reason must contain */
};

static const struct bad_case bad[] = {
	{ "2022-02-30", "February 2022 has 28 days" },
	{ "2022年2月30日", "February 2022 has 28 days" },
	{ "2023-02-29", "February 2023 has 28 days" },
	{ "1900-02-29", "February 1900 has 28 days" },
	{ "2100-02-29", "February 2100 has 28 days" },
	{ "2022-04-31", "April 2022 has 30 days" },
	{ "2022-06-31", "June 2022 has 30 days" },
	{ "2022-01-32", "January 2022 has 31 days" },
	{ "2022-13-01", "no such month" },
	{ "2022年13月1日", "no such month" },
	{ "2022-00-10", "no such month" },
	{ "2022-10-00", "no such day" },
	{ "2022-1-0", "no such day" },
	{ "0000-01-01", "no such year" },
	{ "2022年10月24", "expected 日" },
	{ "２０２２年１０月２４", "expected 日" },
	{ "2022-10-24x", "unexpected text" },
	{ "2022-10-24 x", "unexpected text" },
	{ "2022年10月24日です", "unexpected text" },
	{ "2022-10-24日日", "unexpected text" },
	{ "2022-10-24\n", "unexpected text" },
	{ "", "empty" },
	{ "   ", "empty" },
	{ IDEO_SPACE, "empty" },
	{ "22-10-24", "expected a date" },
	{ "２２年１０月２４日", "expected a date" },
	{ "999-01-01", "expected a date" },
	{ "20221-01-01", "expected a date" },
	{ "2022-010-24", "expected a date" },
	{ "2022-10-024", "expected a date" },
	{ "2022--10-24", "expected a date" },
	{ "2022-10", "expected a date" },
	{ "2022-10-", "expected a date" },
	{ "2022", "expected a date" },
	{ "2022.10.24", "expected a date" },
	{ "yesterday", "expected a date" },
	{ "-2022-10-24", "expected a date" },
};

START_TEST(parse_refuses_with_reason)
{
	const struct bad_case *c = &bad[_i];
	struct date d = { 7, 7, 7 };
	const char *why = NULL;
	ck_assert_msg(!date_parse(c->in, &d, &why), "\"%s\" accepted as %d-%d-%d", c->in,
	              d.y, d.m, d.d);
	ck_assert_msg(why != NULL && *why, "\"%s\": no reason given", c->in);
	ck_assert_msg(strstr(why, c->why) != NULL, "\"%s\": reason \"%s\" lacks \"%s\"",
	              c->in, why, c->why);
	/* A refused date leaves the output alone. */
	ck_assert_msg(d.y == 7 && d.m == 7 && d.d == 7, "\"%s\": output changed", c->in);
}
END_TEST

START_TEST(february_30_names_february)
{
	struct date d;
	const char *why = NULL;
	ck_assert(!date_parse("2022-02-30", &d, &why));
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "February"));
	ck_assert_ptr_nonnull(strstr(why, "28"));
	/* The same reason for the leap year's 30th, with 29 days. */
	ck_assert(!date_parse("2024-02-30", &d, &why));
	ck_assert_ptr_nonnull(strstr(why, "February 2024 has 29 days"));
}
END_TEST

/* ---- validity and month lengths ----------------------------------------- */

struct month_case {
	int y, m, days;
};

static const struct month_case months[] = {
	{ 2022, 1, 31 }, { 2022, 2, 28 }, { 2022, 3, 31 }, { 2022, 4, 30 },
	{ 2022, 5, 31 }, { 2022, 6, 30 }, { 2022, 7, 31 }, { 2022, 8, 31 },
	{ 2022, 9, 30 }, { 2022, 10, 31 }, { 2022, 11, 30 }, { 2022, 12, 31 },
	{ 2024, 2, 29 }, { 2000, 2, 29 }, { 1900, 2, 28 }, { 2100, 2, 28 },
	{ 2400, 2, 29 }, { 2023, 2, 28 }, { 2022, 0, 0 }, { 2022, 13, 0 },
};

START_TEST(month_lengths)
{
	const struct month_case *c = &months[_i];
	ck_assert_int_eq(date_days_in_month(c->y, c->m), c->days);
	if (c->days) {
		ck_assert(date_valid(c->y, c->m, c->days));
		ck_assert(!date_valid(c->y, c->m, c->days + 1));
		ck_assert(date_valid(c->y, c->m, 1));
		ck_assert(!date_valid(c->y, c->m, 0));
	} else {
		ck_assert(!date_valid(c->y, c->m, 1));
	}
}
END_TEST

/* ---- day numbers --------------------------------------------------------- */

struct days_case {
	struct date d;
	long days;
};

static const struct days_case known[] = {
	{ { 1970, 1, 1 }, 0 },         { { 2000, 3, 1 }, 11017 },
	{ { 2000, 1, 1 }, 10957 },     { { 1969, 12, 31 }, -1 },
	{ { 2022, 10, 24 }, 19289 },   { { 2024, 2, 29 }, 19782 },
	{ { 1600, 3, 1 }, -135080 },   { { 1, 1, 1 }, -719162 },
	{ { 9999, 12, 31 }, 2932896 },
};

START_TEST(known_day_numbers)
{
	const struct days_case *c = &known[_i];
	ck_assert_int_eq(date_to_days(c->d), c->days);
	struct date back = date_from_days(c->days);
	ck_assert_msg(same(back, c->d), "%ld -> %d-%d-%d", c->days, back.y, back.m, back.d);
}
END_TEST

/* Every day from 1999-12-01 to 2025-03-31, stepped by hand: each has the
 * next day number and comes back from it. */
START_TEST(day_numbers_round_trip)
{
	const struct date last = { 2025, 3, 31 };
	struct date d = { 1999, 12, 1 };
	long n = date_to_days(d);
	long count = 0;
	for (;;) {
		ck_assert_int_eq(date_to_days(d), n);
		struct date back = date_from_days(n);
		ck_assert_msg(same(back, d), "%d-%d-%d -> %ld -> %d-%d-%d", d.y, d.m, d.d, n,
		              back.y, back.m, back.d);
		count++;
		if (same(d, last))
			break;
		if (++d.d > date_days_in_month(d.y, d.m)) {
			d.d = 1;
			if (++d.m > 12) {
				d.m = 1;
				d.y++;
			}
		}
		n++;
	}
	/* 1999-12-01..2025-03-31: 31 days, 25 years (7 leap), 2025's first 90. */
	ck_assert_int_eq(count, 31 + 25 * 365 + 7 + 90);
}
END_TEST

/* ---- adding days --------------------------------------------------------- */

struct add_case {
	struct date from;
	long n;
	struct date to;
};

static const struct add_case adds[] = {
	{ { 2024, 1, 31 }, 1, { 2024, 2, 1 } },
	{ { 2024, 2, 28 }, 1, { 2024, 2, 29 } },
	{ { 2024, 2, 29 }, 1, { 2024, 3, 1 } },
	{ { 2023, 2, 28 }, 1, { 2023, 3, 1 } },
	{ { 2022, 12, 31 }, 1, { 2023, 1, 1 } },
	{ { 2022, 4, 30 }, 1, { 2022, 5, 1 } },
	{ { 2024, 2, 29 }, 30, { 2024, 3, 30 } },
	{ { 2024, 2, 29 }, 60, { 2024, 4, 29 } },
	{ { 2024, 2, 29 }, 366, { 2025, 3, 1 } },
	{ { 2022, 10, 24 }, 60, { 2022, 12, 23 } },
	{ { 2022, 10, 24 }, 0, { 2022, 10, 24 } },
	{ { 2024, 3, 1 }, -1, { 2024, 2, 29 } },
	{ { 2023, 3, 1 }, -1, { 2023, 2, 28 } },
	{ { 2023, 1, 1 }, -1, { 2022, 12, 31 } },
	{ { 2024, 2, 29 }, -60, { 2023, 12, 31 } },
	{ { 2022, 10, 24 }, -365, { 2021, 10, 24 } },
	{ { 2000, 3, 1 }, -11017, { 1970, 1, 1 } },
};

START_TEST(adding_days)
{
	const struct add_case *c = &adds[_i];
	struct date r = date_add_days(c->from, c->n);
	ck_assert_msg(same(r, c->to), "%d-%d-%d %+ld = %d-%d-%d, want %d-%d-%d", c->from.y,
	              c->from.m, c->from.d, c->n, r.y, r.m, r.d, c->to.y, c->to.m, c->to.d);
	ck_assert_int_eq(date_cmp(c->from, r), c->n > 0 ? -1 : c->n < 0 ? 1 : 0);
	/* And back again. */
	ck_assert(same(date_add_days(r, -c->n), c->from));
}
END_TEST

/* ---- comparing ----------------------------------------------------------- */

struct cmp_case {
	struct date a, b;
	int want;
};

static const struct cmp_case cmps[] = {
	{ { 2022, 10, 24 }, { 2022, 10, 24 }, 0 },
	{ { 2022, 10, 24 }, { 2022, 10, 25 }, -1 },
	{ { 2022, 10, 25 }, { 2022, 10, 24 }, 1 },
	{ { 2022, 9, 30 }, { 2022, 10, 1 }, -1 },
	{ { 2022, 12, 31 }, { 2023, 1, 1 }, -1 },
	{ { 2023, 1, 1 }, { 2022, 12, 31 }, 1 },
	{ { 2022, 1, 31 }, { 2022, 2, 1 }, -1 },
	{ { 1999, 12, 31 }, { 2000, 1, 1 }, -1 },
	{ { 2024, 2, 29 }, { 2024, 3, 1 }, -1 },
	{ { 9999, 12, 31 }, { 1, 1, 1 }, 1 },
};

START_TEST(comparing)
{
	const struct cmp_case *c = &cmps[_i];
	ck_assert_int_eq(date_cmp(c->a, c->b), c->want);
	ck_assert_int_eq(date_cmp(c->b, c->a), -c->want);
}
END_TEST

/* ---- differences ------------------------------------------------------- */

struct diff_case {
	struct date a, b;
	long want;   /* a - b in days */
};

static const struct diff_case diffs[] = {
	{ { 2022, 10, 24 }, { 2022, 10, 24 }, 0 },
	{ { 2022, 10, 25 }, { 2022, 10, 24 }, 1 },
	{ { 2022, 10, 24 }, { 2022, 10, 25 }, -1 },
	{ { 2024, 3, 1 }, { 2024, 2, 28 }, 2 },       /* leap day between */
	{ { 2023, 3, 1 }, { 2023, 2, 28 }, 1 },
	{ { 2023, 1, 1 }, { 2022, 12, 31 }, 1 },
	{ { 2022, 11, 23 }, { 2022, 10, 24 }, 30 },
	{ { 2022, 11, 24 }, { 2022, 10, 24 }, 31 },
	{ { 2025, 1, 1 }, { 2024, 1, 1 }, 366 },
	{ { 2024, 1, 1 }, { 2023, 1, 1 }, 365 },
	{ { 1970, 1, 1 }, { 2000, 3, 1 }, -11017 },
};

START_TEST(differences)
{
	const struct diff_case *c = &diffs[_i];
	ck_assert_int_eq(date_diff_days(c->a, c->b), c->want);
	ck_assert_int_eq(date_diff_days(c->b, c->a), -c->want);
	/* Consistent with adding and comparing. */
	ck_assert(same(date_add_days(c->b, c->want), c->a));
	ck_assert_int_eq(date_cmp(c->a, c->b), c->want > 0 ? 1 : c->want < 0 ? -1 : 0);
}
END_TEST

/* ---- the printed forms --------------------------------------------------- */

struct fmt_case {
	struct date d;
	const char *iso, *ymd, *md;
};

static const struct fmt_case fmts[] = {
	{ { 2022, 1, 5 }, "2022-01-05", "2022年1月5日", "1月5日" },
	{ { 2022, 10, 24 }, "2022-10-24", "2022年10月24日", "10月24日" },
	{ { 2024, 2, 29 }, "2024-02-29", "2024年2月29日", "2月29日" },
	{ { 2023, 12, 1 }, "2023-12-01", "2023年12月1日", "12月1日" },
	{ { 2000, 9, 10 }, "2000-09-10", "2000年9月10日", "9月10日" },
};

START_TEST(formats)
{
	const struct fmt_case *c = &fmts[_i];
	char buf[48];
	char iso[11]; /* exactly what the header says is needed */
	struct date back;
	const char *why;

	memset(iso, 'x', sizeof iso);
	date_format_iso(c->d, iso, sizeof iso);
	ck_assert_str_eq(iso, c->iso);
	date_format_ymd_ja(c->d, buf, sizeof buf);
	ck_assert_str_eq(buf, c->ymd);
	/* What is printed reads back. */
	ck_assert(date_parse(buf, &back, &why) && same(back, c->d));
	date_format_md_ja(c->d, buf, sizeof buf);
	ck_assert_str_eq(buf, c->md);
	ck_assert(date_parse(iso, &back, &why) && same(back, c->d));
}
END_TEST

START_TEST(format_truncates_safely)
{
	char buf[5];
	memset(buf, 'x', sizeof buf);
	date_format_iso((struct date){ 2022, 10, 24 }, buf, sizeof buf);
	ck_assert_str_eq(buf, "2022");
	char ja[8]; /* 「2022年」 is 7 bytes */
	date_format_ymd_ja((struct date){ 2022, 10, 24 }, ja, sizeof ja);
	ck_assert_str_eq(ja, "2022年");
}
END_TEST

/* Written by hand, date_format_ymd_ja and _iso give snprintf's text, cut where
 * snprintf cuts it, for every size of buffer and odd numbers too. */
START_TEST(format_as_snprintf)
{
	static const struct date ds[] = {
		{ 2022, 10, 24 }, { 1, 1, 1 }, { 9999, 12, 31 }, { 0, 0, 0 }, { -5, 3, 7 },
		{ 2147483647, -2147483647 - 1, 123456 }, { -1, -3, 5 }, { 12, 5, -12 },
		{ 99999, 1, 2 },
	};
	for (size_t i = 0; i < sizeof ds / sizeof ds[0]; i++)
		for (size_t size = 0; size <= 64; size++) {
			char got[64], want[64];
			memset(got, 'x', sizeof got);
			memset(want, 'x', sizeof want);
			date_format_ymd_ja(ds[i], got, size);
			snprintf(want, size, "%d年%d月%d日", ds[i].y, ds[i].m, ds[i].d);
			ck_assert_msg(memcmp(got, want, sizeof got) == 0, "date %zu, size %zu", i, size);
			memset(got, 'x', sizeof got);
			memset(want, 'x', sizeof want);
			date_format_iso(ds[i], got, size);
			snprintf(want, size, "%04d-%02d-%02d", ds[i].y, ds[i].m, ds[i].d);
			ck_assert_msg(memcmp(got, want, sizeof got) == 0, "iso %zu, size %zu", i, size);
		}
}
END_TEST

/* ---- today --------------------------------------------------------------- */

START_TEST(today_from_environment)
{
	struct date d = { 0, 0, 0 };
	const char *why = NULL;
	date_set_today(NULL);
	setenv("TODOKE_TODAY", "2024-02-29", 1);
	ck_assert(date_today(&d, &why));
	ck_assert(same(d, (struct date){ 2024, 2, 29 }));
	/* Any form date_parse reads will do. */
	setenv("TODOKE_TODAY", "2022年10月27日", 1);
	ck_assert(date_today(&d, &why));
	ck_assert(same(d, (struct date){ 2022, 10, 27 }));
	unsetenv("TODOKE_TODAY");
}
END_TEST

START_TEST(today_override_wins)
{
	struct date d = { 0, 0, 0 };
	const char *why = NULL;
	setenv("TODOKE_TODAY", "2024-02-29", 1);
	date_set_today(&(struct date){ 2020, 5, 6 });
	ck_assert(date_today(&d, &why));
	ck_assert(same(d, (struct date){ 2020, 5, 6 }));
	/* Even over a malformed variable. */
	setenv("TODOKE_TODAY", "not a date", 1);
	ck_assert(date_today(&d, &why));
	ck_assert(same(d, (struct date){ 2020, 5, 6 }));
	/* Back to the variable. */
	date_set_today(NULL);
	setenv("TODOKE_TODAY", "2021-03-04", 1);
	ck_assert(date_today(&d, &why));
	ck_assert(same(d, (struct date){ 2021, 3, 4 }));
	unsetenv("TODOKE_TODAY");
}
END_TEST

static const char *const malformed_today[] = {
	"2024-02-30", "2023-02-29", "2022-13-01", "tomorrow", "22-10-24", "2022-10-24x",
};

START_TEST(today_malformed_environment)
{
	const char *why = NULL;
	struct date d = { 0, 0, 0 };
	date_set_today(NULL);
	setenv("TODOKE_TODAY", malformed_today[_i], 1);
	ck_assert_msg(!date_today(&d, &why), "TODOKE_TODAY=%s accepted", malformed_today[_i]);
	ck_assert_ptr_nonnull(why);
	ck_assert(*why != '\0');
	if (_i == 0)
		ck_assert_ptr_nonnull(strstr(why, "February"));
	unsetenv("TODOKE_TODAY");
}
END_TEST

/* ---- Japan time ------------------------------------------------------------ */

/* Instants and their dates in Japan, from Python's datetime with a UTC+9
 * zone: around 15:00 UTC, the turn of the day in Japan. */
static const struct {
	long long t;
	struct date want;
} instants[] = {
	{ 1705244400LL, { 2024, 1, 15 } }, /* 2024-01-14T15:00:00Z */
	{ 1705244399LL, { 2024, 1, 14 } }, /* 2024-01-14T14:59:59Z */
	{ 1672498800LL, { 2023, 1, 1 } },  /* 2022-12-31T15:00:00Z */
	{ 1672498799LL, { 2022, 12, 31 } },
	{ 1709132400LL, { 2024, 2, 29 } }, /* 2024-02-28T15:00:00Z */
	{ -32400LL, { 1970, 1, 1 } },      /* 1969-12-31T15:00:00Z */
	{ -32401LL, { 1969, 12, 31 } },
	{ 2147483647LL, { 2038, 1, 19 } },
};

/* Server zones that give another date than Japan's at these instants; POSIX
 * rules, so that the test needs no tzdata. */
static const char *const zones[] = { "UTC0", "PST8PDT,M3.2.0,M11.1.0", "JST-9", "" };

static void set_tz(const char *tz)
{
	if (*tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
}

START_TEST(japan_date_whatever_the_zone)
{
	char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	for (size_t z = 0; z < N(zones); z++) {
		set_tz(zones[z]);
		for (int i = 0; i < N(instants); i++) {
			struct date d = date_in_japan((time_t)instants[i].t);
			ck_assert_msg(same(d, instants[i].want),
			              "TZ=%s t=%lld: %d-%d-%d, want %d-%d-%d", zones[z],
			              instants[i].t, d.y, d.m, d.d, instants[i].want.y,
			              instants[i].want.m, instants[i].want.d);
		}
	}
	/* The premise: in Los Angeles 2024-01-15 00:00 JST is still the 14th. */
	set_tz("PST8PDT,M3.2.0,M11.1.0");
	time_t t = (time_t)1705244400LL;
	struct tm tm;
	ck_assert_ptr_nonnull(localtime_r(&t, &tm));
	ck_assert_int_eq(tm.tm_mday, 14);
	set_tz(saved ? saved : "");
	free(saved);
}
END_TEST

/* Neither override nor variable (or an empty one): the clock's date in
 * Japan, computed here by glibc from UTC + 9 h. */
static bool clock_today(struct date *out)
{
	time_t t = time(NULL) + 9 * 3600;
	struct tm tm;
	if (!gmtime_r(&t, &tm))
		return false;
	*out = (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday };
	return true;
}

START_TEST(today_from_clock)
{
	const char *why = NULL;
	struct date d, before, after;
	char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	date_set_today(NULL);
	for (size_t z = 0; z < N(zones); z++) {
		set_tz(zones[z]);
		for (int k = 0; k < 2; k++) {
			if (k == 0)
				unsetenv("TODOKE_TODAY");
			else
				setenv("TODOKE_TODAY", "", 1);
			ck_assert(clock_today(&before));
			ck_assert(date_today(&d, &why));
			ck_assert(clock_today(&after));
			/* Around midnight the day may turn between the calls. */
			ck_assert_msg(same(d, before) || same(d, after),
			              "TZ=%s: today %d-%d-%d, Japan %d-%d-%d", zones[z], d.y,
			              d.m, d.d, before.y, before.m, before.d);
		}
	}
	unsetenv("TODOKE_TODAY");
	set_tz(saved ? saved : "");
	free(saved);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("parse");
	tcase_add_loop_test(tc, parse_accepts, 0, N(good));
	tcase_add_loop_test(tc, parse_refuses_with_reason, 0, N(bad));
	tcase_add_test(tc, february_30_names_february);
	tcase_add_loop_test(tc, month_lengths, 0, N(months));
	suite_add_tcase(s, tc);

	tc = tcase_create("arithmetic");
	tcase_add_loop_test(tc, known_day_numbers, 0, N(known));
	tcase_add_test(tc, day_numbers_round_trip);
	tcase_add_loop_test(tc, adding_days, 0, N(adds));
	tcase_add_loop_test(tc, comparing, 0, N(cmps));
	tcase_add_loop_test(tc, differences, 0, N(diffs));
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_loop_test(tc, formats, 0, N(fmts));
	tcase_add_test(tc, format_truncates_safely);
	suite_add_tcase(s, tc);

	tc = tcase_create("today");
	tcase_add_test(tc, today_from_environment);
	tcase_add_test(tc, today_override_wins);
	tcase_add_loop_test(tc, today_malformed_environment, 0, N(malformed_today));
	tcase_add_test(tc, today_from_clock);
	tcase_add_test(tc, japan_date_whatever_the_zone);
	tcase_add_test(tc, format_as_snprintf);
	suite_add_tcase(s, tc);
	return s;
}
