/* The calendar: every 国民の祝日 of 2019–2027 as 内閣府「国民の祝日について」
 * lists them (no day more, no day less), the 2019–2021 special days, the
 * 行政機関の休日 (weekends, 年末年始), the next open day of a deadline, 予定
 * for 春分・秋分 past the announced year, a new special holiday as one line,
 * and the loader's refusals with their line numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "suite.h"
#include "todoke/calendar.h"
#include "todoke/fileio.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct calendar *cal;

static void load_installed(void)
{
	struct diag d;
	cal = calendar_load_default(&d);
	ck_assert_msg(cal != NULL, "%s:%d: %s", d.file, d.line, d.msg);
}

static void unload(void)
{
	calendar_free(&cal);
}

/* ---- every holiday of the years checked ------------------------------------ */

struct holiday {
	struct date d;
	const char *name;
};

/* 内閣府「国民の祝日について」 (2022–2027) and the special years 2019–2021
 * (即位, the Tokyo Games): each day and name as the lists give them. */
static const struct holiday known[] = {
	{ { 2019, 1, 1 }, "元日" },           { { 2019, 1, 14 }, "成人の日" },
	{ { 2019, 2, 11 }, "建国記念の日" },  { { 2019, 3, 21 }, "春分の日" },
	{ { 2019, 4, 29 }, "昭和の日" },      { { 2019, 4, 30 }, "国民の休日" },
	{ { 2019, 5, 1 }, "即位の日" },       { { 2019, 5, 2 }, "国民の休日" },
	{ { 2019, 5, 3 }, "憲法記念日" },     { { 2019, 5, 4 }, "みどりの日" },
	{ { 2019, 5, 5 }, "こどもの日" },     { { 2019, 5, 6 }, "振替休日" },
	{ { 2019, 7, 15 }, "海の日" },        { { 2019, 8, 11 }, "山の日" },
	{ { 2019, 8, 12 }, "振替休日" },      { { 2019, 9, 16 }, "敬老の日" },
	{ { 2019, 9, 23 }, "秋分の日" },      { { 2019, 10, 14 }, "体育の日" },
	{ { 2019, 10, 22 }, "即位礼正殿の儀" }, { { 2019, 11, 3 }, "文化の日" },
	{ { 2019, 11, 4 }, "振替休日" },      { { 2019, 11, 23 }, "勤労感謝の日" },

	{ { 2020, 1, 1 }, "元日" },           { { 2020, 1, 13 }, "成人の日" },
	{ { 2020, 2, 11 }, "建国記念の日" },  { { 2020, 2, 23 }, "天皇誕生日" },
	{ { 2020, 2, 24 }, "振替休日" },      { { 2020, 3, 20 }, "春分の日" },
	{ { 2020, 4, 29 }, "昭和の日" },      { { 2020, 5, 3 }, "憲法記念日" },
	{ { 2020, 5, 4 }, "みどりの日" },     { { 2020, 5, 5 }, "こどもの日" },
	{ { 2020, 5, 6 }, "振替休日" },       { { 2020, 7, 23 }, "海の日" },
	{ { 2020, 7, 24 }, "スポーツの日" },  { { 2020, 8, 10 }, "山の日" },
	{ { 2020, 9, 21 }, "敬老の日" },      { { 2020, 9, 22 }, "秋分の日" },
	{ { 2020, 11, 3 }, "文化の日" },      { { 2020, 11, 23 }, "勤労感謝の日" },

	{ { 2021, 1, 1 }, "元日" },           { { 2021, 1, 11 }, "成人の日" },
	{ { 2021, 2, 11 }, "建国記念の日" },  { { 2021, 2, 23 }, "天皇誕生日" },
	{ { 2021, 3, 20 }, "春分の日" },      { { 2021, 4, 29 }, "昭和の日" },
	{ { 2021, 5, 3 }, "憲法記念日" },     { { 2021, 5, 4 }, "みどりの日" },
	{ { 2021, 5, 5 }, "こどもの日" },     { { 2021, 7, 22 }, "海の日" },
	{ { 2021, 7, 23 }, "スポーツの日" },  { { 2021, 8, 8 }, "山の日" },
	{ { 2021, 8, 9 }, "振替休日" },       { { 2021, 9, 20 }, "敬老の日" },
	{ { 2021, 9, 23 }, "秋分の日" },      { { 2021, 11, 3 }, "文化の日" },
	{ { 2021, 11, 23 }, "勤労感謝の日" },

	{ { 2022, 1, 1 }, "元日" },           { { 2022, 1, 10 }, "成人の日" },
	{ { 2022, 2, 11 }, "建国記念の日" },  { { 2022, 2, 23 }, "天皇誕生日" },
	{ { 2022, 3, 21 }, "春分の日" },      { { 2022, 4, 29 }, "昭和の日" },
	{ { 2022, 5, 3 }, "憲法記念日" },     { { 2022, 5, 4 }, "みどりの日" },
	{ { 2022, 5, 5 }, "こどもの日" },     { { 2022, 7, 18 }, "海の日" },
	{ { 2022, 8, 11 }, "山の日" },        { { 2022, 9, 19 }, "敬老の日" },
	{ { 2022, 9, 23 }, "秋分の日" },      { { 2022, 10, 10 }, "スポーツの日" },
	{ { 2022, 11, 3 }, "文化の日" },      { { 2022, 11, 23 }, "勤労感謝の日" },

	{ { 2023, 1, 1 }, "元日" },           { { 2023, 1, 2 }, "振替休日" },
	{ { 2023, 1, 9 }, "成人の日" },       { { 2023, 2, 11 }, "建国記念の日" },
	{ { 2023, 2, 23 }, "天皇誕生日" },    { { 2023, 3, 21 }, "春分の日" },
	{ { 2023, 4, 29 }, "昭和の日" },      { { 2023, 5, 3 }, "憲法記念日" },
	{ { 2023, 5, 4 }, "みどりの日" },     { { 2023, 5, 5 }, "こどもの日" },
	{ { 2023, 7, 17 }, "海の日" },        { { 2023, 8, 11 }, "山の日" },
	{ { 2023, 9, 18 }, "敬老の日" },      { { 2023, 9, 23 }, "秋分の日" },
	{ { 2023, 10, 9 }, "スポーツの日" },  { { 2023, 11, 3 }, "文化の日" },
	{ { 2023, 11, 23 }, "勤労感謝の日" },

	{ { 2024, 1, 1 }, "元日" },           { { 2024, 1, 8 }, "成人の日" },
	{ { 2024, 2, 11 }, "建国記念の日" },  { { 2024, 2, 12 }, "振替休日" },
	{ { 2024, 2, 23 }, "天皇誕生日" },    { { 2024, 3, 20 }, "春分の日" },
	{ { 2024, 4, 29 }, "昭和の日" },      { { 2024, 5, 3 }, "憲法記念日" },
	{ { 2024, 5, 4 }, "みどりの日" },     { { 2024, 5, 5 }, "こどもの日" },
	{ { 2024, 5, 6 }, "振替休日" },       { { 2024, 7, 15 }, "海の日" },
	{ { 2024, 8, 11 }, "山の日" },        { { 2024, 8, 12 }, "振替休日" },
	{ { 2024, 9, 16 }, "敬老の日" },      { { 2024, 9, 22 }, "秋分の日" },
	{ { 2024, 9, 23 }, "振替休日" },      { { 2024, 10, 14 }, "スポーツの日" },
	{ { 2024, 11, 3 }, "文化の日" },      { { 2024, 11, 4 }, "振替休日" },
	{ { 2024, 11, 23 }, "勤労感謝の日" },

	{ { 2025, 1, 1 }, "元日" },           { { 2025, 1, 13 }, "成人の日" },
	{ { 2025, 2, 11 }, "建国記念の日" },  { { 2025, 2, 23 }, "天皇誕生日" },
	{ { 2025, 2, 24 }, "振替休日" },      { { 2025, 3, 20 }, "春分の日" },
	{ { 2025, 4, 29 }, "昭和の日" },      { { 2025, 5, 3 }, "憲法記念日" },
	{ { 2025, 5, 4 }, "みどりの日" },     { { 2025, 5, 5 }, "こどもの日" },
	{ { 2025, 5, 6 }, "振替休日" },       { { 2025, 7, 21 }, "海の日" },
	{ { 2025, 8, 11 }, "山の日" },        { { 2025, 9, 15 }, "敬老の日" },
	{ { 2025, 9, 23 }, "秋分の日" },      { { 2025, 10, 13 }, "スポーツの日" },
	{ { 2025, 11, 3 }, "文化の日" },      { { 2025, 11, 23 }, "勤労感謝の日" },
	{ { 2025, 11, 24 }, "振替休日" },

	{ { 2026, 1, 1 }, "元日" },           { { 2026, 1, 12 }, "成人の日" },
	{ { 2026, 2, 11 }, "建国記念の日" },  { { 2026, 2, 23 }, "天皇誕生日" },
	{ { 2026, 3, 20 }, "春分の日" },      { { 2026, 4, 29 }, "昭和の日" },
	{ { 2026, 5, 3 }, "憲法記念日" },     { { 2026, 5, 4 }, "みどりの日" },
	{ { 2026, 5, 5 }, "こどもの日" },     { { 2026, 5, 6 }, "振替休日" },
	{ { 2026, 7, 20 }, "海の日" },        { { 2026, 8, 11 }, "山の日" },
	{ { 2026, 9, 21 }, "敬老の日" },      { { 2026, 9, 22 }, "国民の休日" },
	{ { 2026, 9, 23 }, "秋分の日" },      { { 2026, 10, 12 }, "スポーツの日" },
	{ { 2026, 11, 3 }, "文化の日" },      { { 2026, 11, 23 }, "勤労感謝の日" },

	{ { 2027, 1, 1 }, "元日" },           { { 2027, 1, 11 }, "成人の日" },
	{ { 2027, 2, 11 }, "建国記念の日" },  { { 2027, 2, 23 }, "天皇誕生日" },
	{ { 2027, 3, 21 }, "春分の日" },      { { 2027, 3, 22 }, "振替休日" },
	{ { 2027, 4, 29 }, "昭和の日" },      { { 2027, 5, 3 }, "憲法記念日" },
	{ { 2027, 5, 4 }, "みどりの日" },     { { 2027, 5, 5 }, "こどもの日" },
	{ { 2027, 7, 19 }, "海の日" },        { { 2027, 8, 11 }, "山の日" },
	{ { 2027, 9, 20 }, "敬老の日" },      { { 2027, 9, 23 }, "秋分の日" },
	{ { 2027, 10, 11 }, "スポーツの日" }, { { 2027, 11, 3 }, "文化の日" },
	{ { 2027, 11, 23 }, "勤労感謝の日" },
};

/* Holidays per year in the lists: catches a missing or extra table row. */
static const int per_year[] = { 22, 18, 17, 16, 17, 21, 19, 18, 17 }; /* 2019.. */

static const struct holiday *known_on(struct date d)
{
	for (int i = 0; i < N(known); i++)
		if (date_cmp(known[i].d, d) == 0)
			return &known[i];
	return NULL;
}

/* Each day of year 2019 + _i: a holiday exactly when the list has one, with
 * its name; none predicted (2019–2027 are all announced). */
START_TEST(every_day_of_the_year)
{
	int y = 2019 + _i, count = 0;
	for (struct date d = { y, 1, 1 }; d.y == y; d = date_add_days(d, 1)) {
		bool predicted = true;
		const char *got = calendar_holiday(cal, d, &predicted);
		const struct holiday *want = known_on(d);
		ck_assert_msg((got != NULL) == (want != NULL), "%d-%02d-%02d: got %s, want %s",
		              d.y, d.m, d.d, got ? got : "no holiday",
		              want ? want->name : "no holiday");
		if (want) {
			ck_assert_msg(strcmp(got, want->name) == 0, "%d-%02d-%02d: %s, want %s",
			              d.y, d.m, d.d, got, want->name);
			ck_assert_msg(!predicted, "%d-%02d-%02d predicted", d.y, d.m, d.d);
			count++;
		}
	}
	int rows = 0;
	for (int i = 0; i < N(known); i++)
		rows += known[i].d.y == y;
	ck_assert_int_eq(rows, per_year[_i]);
	ck_assert_int_eq(count, per_year[_i]);
}
END_TEST

/* Days the rules of other periods make holidays: 振替休日 before 2007 only
 * on the Monday, 国民の休日 before 2007 never on a Sunday. */
static const struct holiday history[] = {
	{ { 1992, 5, 4 }, "振替休日" },   /* 05-03 a Sunday */
	{ { 1988, 5, 4 }, "国民の休日" }, /* the first one */
	{ { 2006, 5, 4 }, "国民の休日" }, /* みどりの日 came to 05-04 in 2007 */
	{ { 2008, 5, 6 }, "振替休日" },   /* 05-04 Sunday, 05-05 a holiday: 2007 rule */
	{ { 1999, 1, 15 }, "成人の日" },
	{ { 2000, 1, 10 }, "成人の日" },
	{ { 2018, 12, 24 }, "振替休日" }, /* 天皇誕生日 12-23 on a Sunday */
	{ { 2006, 4, 29 }, "みどりの日" },
	{ { 1989, 2, 24 }, "昭和天皇の大喪の礼" },
	{ { 1973, 4, 30 }, "振替休日" },  /* the first: 天皇誕生日 on a Sunday */
};
static const struct date not_holidays[] = {
	{ 2003, 5, 4 },   /* a Sunday between two holidays, before 2007 */
	{ 1986, 5, 4 },   /* the same */
	{ 2002, 5, 7 },   /* old 振替: 05-06 only */
	{ 1967, 1, 16 },  /* 成人の日 1967-01-15 a Sunday: no 振替 before 1973-04-12 */
	{ 2019, 12, 23 }, /* no 天皇誕生日 in 2019 */
	{ 2019, 2, 23 },
	{ 2020, 7, 20 },  /* 海の日 moved away */
	{ 2020, 10, 12 }, /* スポーツの日 moved away */
	{ 2020, 8, 11 },  /* 山の日 moved away */
	{ 2021, 7, 19 },
	{ 2021, 10, 11 },
	{ 2021, 8, 11 },
	{ 1948, 5, 5 },   /* before the law (1948-07-20) */
};

START_TEST(other_periods)
{
	for (int i = 0; i < N(history); i++) {
		const char *got = calendar_holiday(cal, history[i].d, NULL);
		ck_assert_msg(got && strcmp(got, history[i].name) == 0, "%d-%02d-%02d: %s, want %s",
		              history[i].d.y, history[i].d.m, history[i].d.d,
		              got ? got : "none", history[i].name);
	}
	for (int i = 0; i < N(not_holidays); i++) {
		const char *got = calendar_holiday(cal, not_holidays[i], NULL);
		ck_assert_msg(!got, "%d-%02d-%02d is %s", not_holidays[i].y, not_holidays[i].m,
		              not_holidays[i].d, got);
	}
}
END_TEST

/* ---- 行政機関の休日 ---------------------------------------------------------- */

static const struct {
	struct date d;
	bool closed;
	const char *why;
} closed[] = {
	{ { 2024, 1, 13 }, true, "土曜日" },
	{ { 2024, 1, 14 }, true, "日曜日" },
	{ { 2024, 1, 15 }, false, "" },
	{ { 2022, 12, 28 }, false, "" },
	{ { 2022, 12, 29 }, true, "年末年始" },
	{ { 2022, 12, 31 }, true, "年末年始" }, /* a Saturday too */
	{ { 2023, 1, 1 }, true, "元日" },
	{ { 2023, 1, 2 }, true, "振替休日" },
	{ { 2023, 1, 3 }, true, "年末年始" },
	{ { 2023, 1, 4 }, false, "" },
	{ { 2022, 10, 10 }, true, "スポーツの日" },
	{ { 2026, 9, 22 }, true, "国民の休日" },
	{ { 2024, 2, 29 }, false, "" },
	{ { 2024, 11, 23 }, true, "勤労感謝の日" }, /* a Saturday: the holiday's name */
};

START_TEST(closed_days)
{
	for (int i = 0; i < N(closed); i++) {
		struct closed_day c = calendar_closed(cal, closed[i].d);
		ck_assert_msg(c.closed == closed[i].closed && strcmp(c.why, closed[i].why) == 0,
		              "%d-%02d-%02d: %s \"%s\"", closed[i].d.y, closed[i].d.m,
		              closed[i].d.d, c.closed ? "closed" : "open", c.why);
		ck_assert(!c.predicted);
	}
}
END_TEST

static const struct {
	struct date due, want;
	const char *why;
} moves[] = {
	{ { 2022, 10, 10 }, { 2022, 10, 11 }, "10-10がスポーツの日" }, /* issue 10 */
	{ { 2024, 1, 14 }, { 2024, 1, 15 }, "01-14が日曜日" },
	{ { 2022, 12, 30 }, { 2023, 1, 4 }, "12-30が年末年始" },
	{ { 2024, 1, 8 }, { 2024, 1, 9 }, "01-08が成人の日" },
	{ { 2024, 5, 3 }, { 2024, 5, 7 }, "05-03が憲法記念日" },
	{ { 2026, 9, 19 }, { 2026, 9, 24 }, "09-19が土曜日" }, /* シルバーウィーク */
	{ { 2019, 4, 27 }, { 2019, 5, 7 }, "04-27が土曜日" },  /* ten days */
	{ { 2023, 12, 28 }, { 2023, 12, 28 }, "" },           /* open: unchanged */
	{ { 2024, 2, 29 }, { 2024, 2, 29 }, "" },
};

START_TEST(next_open_day)
{
	for (int i = 0; i < N(moves); i++) {
		char why[80] = "junk";
		bool predicted = true;
		struct date got = calendar_next_open(cal, moves[i].due, why, sizeof why, &predicted);
		ck_assert_msg(date_cmp(got, moves[i].want) == 0 && strcmp(why, moves[i].why) == 0,
		              "%d-%02d-%02d → %d-%02d-%02d \"%s\"", moves[i].due.y, moves[i].due.m,
		              moves[i].due.d, got.y, got.m, got.d, why);
		ck_assert(!predicted);
	}
	/* No buffer for the reason: still the day. */
	struct date got = calendar_next_open(cal, (struct date){ 2022, 10, 10 }, NULL, 0, NULL);
	ck_assert(date_cmp(got, (struct date){ 2022, 10, 11 }) == 0);
	/* A small buffer: cut, never overrun, still a string. */
	char small[8];
	calendar_next_open(cal, (struct date){ 2022, 10, 10 }, small, sizeof small, NULL);
	ck_assert_uint_lt(strlen(small), sizeof small);
}
END_TEST

/* ---- past the announced year: 予定 ----------------------------------------- */

START_TEST(predicted_past_the_announced_year)
{
	bool p = false;
	ck_assert_str_eq(calendar_holiday(cal, (struct date){ 2027, 3, 21 }, &p), "春分の日");
	ck_assert(!p); /* 2027 is in the 官報 (2026-02) */
	ck_assert_str_eq(calendar_holiday(cal, (struct date){ 2028, 3, 20 }, &p), "春分の日");
	ck_assert(p);
	ck_assert_str_eq(calendar_holiday(cal, (struct date){ 2028, 9, 22 }, &p), "秋分の日");
	ck_assert(p);
	/* What follows from a predicted day is predicted too. */
	ck_assert_str_eq(calendar_holiday(cal, (struct date){ 2029, 9, 24 }, &p), "振替休日");
	ck_assert(p);
	/* Other holidays of those years come from the law itself. */
	ck_assert_str_eq(calendar_holiday(cal, (struct date){ 2028, 1, 10 }, &p), "成人の日");
	ck_assert(!p);
	ck_assert_str_eq(calendar_holiday(cal, (struct date){ 2029, 4, 30 }, &p), "振替休日");
	ck_assert(!p);
	struct closed_day c = calendar_closed(cal, (struct date){ 2028, 3, 20 });
	ck_assert(c.closed && c.predicted);
	char why[80];
	struct date d = calendar_next_open(cal, (struct date){ 2028, 3, 20 }, why, sizeof why, &p);
	ck_assert(date_cmp(d, (struct date){ 2028, 3, 21 }) == 0);
	ck_assert_str_eq(why, "03-20が春分の日");
	ck_assert(p);
	/* Moved past a predicted day that was not the due day. */
	d = calendar_next_open(cal, (struct date){ 2028, 3, 18 }, why, sizeof why, &p);
	ck_assert(date_cmp(d, (struct date){ 2028, 3, 21 }) == 0);
	ck_assert(p);
	d = calendar_next_open(cal, (struct date){ 2028, 3, 11 }, why, sizeof why, &p);
	ck_assert(date_cmp(d, (struct date){ 2028, 3, 13 }) == 0);
	ck_assert(!p);
}
END_TEST

/* ---- the file ---------------------------------------------------------------- */

static char *tmpdir;

static char *write_file(const char *name, const char *text)
{
	static char path[512];
	if (!tmpdir) {
		static char tmpl[32];
		snprintf(tmpl, sizeof tmpl, "/tmp/todoke-cal-XXXXXX");
		tmpdir = mkdtemp(tmpl);
		ck_assert_ptr_nonnull(tmpdir);
	}
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void remove_tmp(void)
{
	if (!tmpdir)
		return;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	tmpdir = NULL;
}

/* A new special holiday is one line: the installed file plus one `on` line,
 * and 振替休日/国民の休日 follow from it as from any 祝日. */
START_TEST(a_new_holiday_is_one_line)
{
	char *data;
	size_t len;
	struct diag d;
	char path[512];
	snprintf(path, sizeof path, "%s/forms/calendar/jp-holidays",
	         getenv("TODOKE_DATADIR") ? getenv("TODOKE_DATADIR") : ".");
	ck_assert_msg(file_read_all(path, &data, &len, &d), "%s", d.msg);
	char *text = malloc(len + 64);
	snprintf(text, len + 64, "%son 2030-05-07 特別の休日\n", data);
	free(data);
	struct calendar *c = calendar_load(write_file("extra", text), &d);
	free(text);
	ck_assert_msg(c != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	/* 2030-05-06 is 振替休日 (05-05 a Sunday); 05-07 the new day. */
	ck_assert_str_eq(calendar_holiday(c, (struct date){ 2030, 5, 7 }, NULL), "特別の休日");
	ck_assert_str_eq(calendar_holiday(c, (struct date){ 2030, 5, 6 }, NULL), "振替休日");
	ck_assert_ptr_null(calendar_holiday(cal, (struct date){ 2030, 5, 7 }, NULL));
	calendar_free(&c);
	ck_assert_ptr_null(c);
	remove_tmp();
}
END_TEST

#define HEAD "todoke-calendar 1\n"

static const struct {
	const char *text;
	int line;
	const char *msg; /* a part of the message */
} faults[] = {
	{ "", 0, "empty file: the first line must be \"todoke-calendar 1\"" },
	{ "# nothing but a comment\n\n", 0, "only comments and blank lines" },
	{ "todoke-calendar 2\n", 1, "todoke-calendar 2 is newer than this todoke reads" },
	{ "fixed 01-01 元日 1948..\n", 1,
	  "not a todoke-calendar file: the first line must be \"todoke-calendar 1\"" },
	{ HEAD "fixed 01-01 元日 1948..\nfixd 02-11 建国記念の日 1967..\n", 3,
	  "unknown directive \"fixd\"" },
	{ HEAD "\nfixed 02-30 x 2000..\n", 3, "\"02-30\" is not a day of the year" },
	{ HEAD "fixed 02-29 x 2000..\n", 2, "not 02-29" },
	{ HEAD "fixed 1-1 元日 2000..\n", 2, "\"1-1\" is not a day" },
	{ HEAD "on 2023-02-29 x\n", 2, "\"2023-02-29\" is not a date" },
	{ HEAD "on 2023/02/28 x\n", 2, "not a date (YYYY-MM-DD)" },
	{ HEAD "fixed 01-01 元\x01日 2000..\n", 2, "control character U+0001" },
	{ HEAD "fixed 01-01 元日\r 2000..\n", 2, "control character U+000D" },
	{ HEAD "#\n#\nfixed 01-01 元日\xc2\x85 2000..\n", 4, "control character U+0085" },
	{ HEAD "fixed 01-01 元日 2000..\nfixed 01-02 \xff 2000..\n", 3, "not valid UTF-8" },
	{ HEAD "fixed 01-01 元日\n", 2, "fixed takes 3 fields: fixed MM-DD NAME PERIOD" },
	{ HEAD "monday 01 2 成人の日\n", 2, "monday takes 4 fields" },
	{ HEAD "monday 01 5 成人の日 2000..\n", 2, "which Monday of the month, 1 to 4" },
	{ HEAD "monday 13 2 成人の日 2000..\n", 2, "\"13\" is not a month" },
	{ HEAD "fixed 01-01 元日 2000\n", 2, "expected a period like" },
	{ HEAD "fixed 01-01 元日 2010..2003\n", 2, "ends before it begins" },
	{ HEAD "fixed 01-01 元日 20x0..\n", 2, "expected a period like" },
	{ HEAD "fixed 01-01 2000.. 元日\n", 2, "not a holiday's name" },
	{ HEAD "fixed 01-15 成人の日 1948..2000\nmonday 01 2 成人の日 2000..\n", 3,
	  "overlaps the rule of line 2" },
	{ HEAD "substitute next-day 振替休日 1973..2006\nsubstitute next-open 振替休日 2006..\n",
	  3, "overlaps the rule of line 2" },
	{ HEAD "substitute next-week 振替休日 2007..\n", 2, "unknown rule word \"next-week\"" },
	{ HEAD "between sometimes 国民の休日 2007..\n", 2, "unknown rule word \"sometimes\"" },
	{ HEAD "equinox summer 夏至 2000..\n", 2, "unknown equinox \"summer\"" },
	{ HEAD "# no announced line\nequinox spring 春分の日 1949..\n", 3, "needs \"announced" },
	{ HEAD "announced 2027\nannounced 2028\n", 3, "announced is given already (line 2)" },
	{ HEAD "announced 27\n", 2, "\"27\" is not a year" },
	{ HEAD "monday 07 3 海の日 2003..\noff 2022-07-19 海の日\n", 3,
	  "2022-07-19 is not 海の日 by the rules" },
	{ HEAD "fixed 01-01 元日 1949..\non 2022-01-01 元日\n", 3,
	  "2022-01-01 is 元日 by the rule of line 2 already" },
	{ HEAD "on 2019-05-01 即位の日\non 2019-05-01 即位の日\n", 3, "given already (line 2)" },
	{ HEAD "fixed 01-01 あいうえおかきくけこさしすせそたちつてと 2000..\n", 2,
	  "longer than 48 bytes" },
	{ HEAD "fixed 01-01 元日 2000.. extra words here and more of them\n", 2,
	  "too many fields" },
};

START_TEST(loader_refuses)
{
	struct diag d;
	char name[32];
	snprintf(name, sizeof name, "bad%d", _i);
	char *path = write_file(name, faults[_i].text);
	struct calendar *c = calendar_load(path, &d);
	ck_assert_msg(c == NULL, "case %d loaded", _i);
	ck_assert_str_eq(d.file, path);
	ck_assert_msg(d.line == faults[_i].line && strstr(d.msg, faults[_i].msg),
	              "case %d: line %d \"%s\", want line %d \"%s\"", _i, d.line, d.msg,
	              faults[_i].line, faults[_i].msg);
	remove_tmp();
}
END_TEST

/* The smallest calendar: comments and blank lines anywhere, tabs between
 * fields; an `off` day moves a holiday and an `on` day takes its place. */
START_TEST(loader_reads_a_small_file)
{
	struct diag d;
	char *path = write_file("small", "# a test calendar\n\n" HEAD "\t# indented comment\n"
	                        "fixed\t05-03\t憲法記念日\t2000..  # trailing comment\n"
	                        "fixed 05-05 こどもの日 2000..\n"
	                        "between any-day 国民の休日 2000..\n"
	                        "off 2030-05-05 こどもの日\non 2030-05-06 こどもの日\n");
	struct calendar *c = calendar_load(path, &d);
	ck_assert_msg(c != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	ck_assert_str_eq(calendar_holiday(c, (struct date){ 2029, 5, 4 }, NULL), "国民の休日");
	ck_assert_ptr_null(calendar_holiday(c, (struct date){ 2030, 5, 5 }, NULL));
	ck_assert_str_eq(calendar_holiday(c, (struct date){ 2030, 5, 6 }, NULL), "こどもの日");
	ck_assert_ptr_null(calendar_holiday(c, (struct date){ 2030, 5, 4 }, NULL));
	ck_assert_ptr_null(calendar_holiday(c, (struct date){ 1999, 5, 3 }, NULL));
	calendar_free(&c);
	remove_tmp();
}
END_TEST

START_TEST(missing_file)
{
	struct diag d;
	ck_assert_ptr_null(calendar_load("/nonexistent/jp-holidays", &d));
	ck_assert_str_eq(d.file, "/nonexistent/jp-holidays");
	ck_assert(d.msg[0] != '\0');
	/* The default follows TODOKE_DATADIR, as the forms do. */
	char *saved = strdup(getenv("TODOKE_DATADIR") ? getenv("TODOKE_DATADIR") : ".");
	setenv("TODOKE_DATADIR", "/nonexistent", 1);
	ck_assert_ptr_null(calendar_load_default(&d));
	ck_assert_str_eq(d.file, "/nonexistent/forms/calendar/jp-holidays");
	setenv("TODOKE_DATADIR", saved, 1);
	free(saved);
	struct calendar *c = calendar_load_default(&d);
	ck_assert_ptr_nonnull(c);
	calendar_free(&c);
	calendar_free(&c); /* freeing twice is harmless */
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("holidays");
	tcase_add_unchecked_fixture(tc, load_installed, unload);
	tcase_add_loop_test(tc, every_day_of_the_year, 0, N(per_year));
	tcase_add_test(tc, other_periods);
	tcase_add_test(tc, closed_days);
	tcase_add_test(tc, next_open_day);
	tcase_add_test(tc, predicted_past_the_announced_year);
	tcase_add_test(tc, a_new_holiday_is_one_line);
	suite_add_tcase(s, tc);

	tc = tcase_create("file");
	tcase_add_loop_test(tc, loader_refuses, 0, N(faults));
	tcase_add_test(tc, loader_reads_a_small_file);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);
	return s;
}
