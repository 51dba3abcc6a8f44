/* date — parsing, validation and arithmetic of calendar dates. */
#include "todoke/date.h"
#include "todoke/utf8.h"
#include "todoke/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

static int number_at(const char **p, int maxdigits, int *ndigits)
{
	int v = 0, n = 0, dg;
	const char *q = *p;
	while (n < maxdigits && (dg = utf8_digit_at(&q)) >= 0) {
		v = v * 10 + dg;
		n++;
	}
	*ndigits = n;
	*p = q;
	return v;
}

static void skip_spaces(const char **p)
{
	for (;;) {
		if (**p == ' ' || **p == '\t')
			(*p)++;
		else if (strncmp(*p, "\xE3\x80\x80", 3) == 0) /* ideographic space */
			*p += 3;
		else
			return;
	}
}

/* Separator after year and month: '-', '/', 年, 月, or full-width ／ －. */
static bool sep_at(const char **p, const char *kanji)
{
	if (**p == '-' || **p == '/') {
		(*p)++;
		return true;
	}
	static const char *const wide[] = { "\xEF\xBC\x8F", "\xEF\xBC\x8D" };
	for (size_t i = 0; i < 2; i++)
		if (strncmp(*p, wide[i], 3) == 0) {
			*p += 3;
			return true;
		}
	size_t k = strlen(kanji);
	if (strncmp(*p, kanji, k) == 0) {
		*p += k;
		return true;
	}
	return false;
}

static const char *month_names[] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December")
};

bool date_parse(const char *s, struct date *out, const char **why)
{
	static char reason[256];
	const char *p = s;
	int n, y, m, d;
	bool kanji;

	skip_spaces(&p);
	if (!*p) {
		*why = _("empty date");
		return false;
	}
	y = number_at(&p, 5, &n);
	if (n != 4) {
		*why = _("expected a date like 2022-10-24, 2022/10/24 or 2022年10月24日");
		return false;
	}
	kanji = strncmp(p, "年", 3) == 0;
	if (!sep_at(&p, "年")) {
		*why = _("expected a date like 2022-10-24, 2022/10/24 or 2022年10月24日");
		return false;
	}
	m = number_at(&p, 3, &n);
	if (n < 1 || n > 2 || !sep_at(&p, "月")) {
		*why = _("expected a date like 2022-10-24, 2022/10/24 or 2022年10月24日");
		return false;
	}
	d = number_at(&p, 3, &n);
	if (n < 1 || n > 2) {
		*why = _("expected a date like 2022-10-24, 2022/10/24 or 2022年10月24日");
		return false;
	}
	if (strncmp(p, "日", 3) == 0)
		p += 3;
	else if (kanji) {
		*why = _("expected 日 after the day");
		return false;
	}
	skip_spaces(&p);
	if (*p) {
		*why = _("unexpected text after the date");
		return false;
	}
	if (m < 1 || m > 12) {
		*why = _("no such month (1 to 12)");
		return false;
	}
	if (!date_valid(y, m, d)) {
		if (y < 1) {
			*why = _("no such year");
			return false;
		}
		/* TRANSLATORS: month name, year, number of days in that month. */
		snprintf(reason, sizeof reason, _("no such day: %s %d has %d days"),
		         _(month_names[m - 1]), y, date_days_in_month(y, m));
		*why = reason;
		return false;
	}
	out->y = y;
	out->m = m;
	out->d = d;
	return true;
}

/* Howard Hinnant's days-from-civil algorithm. */
long date_to_days(struct date dt)
{
	long y = dt.y - (dt.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (dt.m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + dt.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date date_from_days(long z)
{
	struct date r;
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

struct date date_add_days(struct date d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

int date_cmp(struct date a, struct date b)
{
	long x = date_to_days(a), y = date_to_days(b);
	return x < y ? -1 : x > y;
}

long date_diff_days(struct date a, struct date b)
{
	return date_to_days(a) - date_to_days(b);
}

/* n as %0*d writes it (width digits at least, the sign counted in them;
 * 0: as %d). */
static char *put_int0(char *p, int n, int width)
{
	char tmp[16];
	int k = 0;
	unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;
	do
		tmp[k++] = (char)('0' + u % 10);
	while (u /= 10);
	if (n < 0)
		*p++ = '-';
	for (int pad = width - k - (n < 0); pad > 0; pad--)
		*p++ = '0';
	while (k)
		*p++ = tmp[--k];
	return p;
}

/* Copies the n bytes at tmp to buf as snprintf would (cut to size - 1). */
static void put_cut(char *buf, size_t size, const char *tmp, size_t n)
{
	if (!size)
		return;
	if (n > size - 1)
		n = size - 1;
	memcpy(buf, tmp, n);
	buf[n] = '\0';
}

void date_format_iso(struct date d, char *buf, size_t size)
{
	/* By hand, not snprintf: an incident's file holds a date per entry
	 * of its timeline, written at every autosave (issue 14). */
	char tmp[64], *p = tmp;
	p = put_int0(p, d.y, 4);
	*p++ = '-';
	p = put_int0(p, d.m, 2);
	*p++ = '-';
	p = put_int0(p, d.d, 2);
	put_cut(buf, size, tmp, (size_t)(p - tmp));
}

void date_format_ymd_ja(struct date d, char *buf, size_t size)
{
	/* By hand, not snprintf: a timeline's thousands of dates in every
	 * export of the notice (issue 14).  The same text, cut as snprintf
	 * would when buf is short. */
	char tmp[64], *p = tmp;
	p = put_int0(p, d.y, 0);
	memcpy(p, "年", 3);
	p = put_int0(p + 3, d.m, 0);
	memcpy(p, "月", 3);
	p = put_int0(p + 3, d.d, 0);
	memcpy(p, "日", 3);
	p += 3;
	put_cut(buf, size, tmp, (size_t)(p - tmp));
}

void date_format_md_ja(struct date d, char *buf, size_t size)
{
	snprintf(buf, size, "%d月%d日", d.m, d.d);
}

/* Japan Standard Time is UTC+9 all year (no summer time since 1951), so the
 * date needs neither tzdata nor $TZ: whatever zone the server runs in, a
 * deadline is counted from the date in Japan. */
struct date date_in_japan(time_t t)
{
	long long s = (long long)t + 9 * 3600;
	long long days = s / 86400 - (s % 86400 < 0);
	return date_from_days((long)days);
}

static bool today_fixed;
static struct date today_value;

void date_set_today(const struct date *d)
{
	today_fixed = d != NULL;
	if (d)
		today_value = *d;
}

bool date_today(struct date *out, const char **why)
{
	if (today_fixed) {
		*out = today_value;
		return true;
	}
	const char *env = getenv("TODOKE_TODAY");
	if (env && *env) {
		if (!date_parse(env, out, why))
			return false;
		return true;
	}
	*out = date_in_japan(time(NULL));
	return true;
}
