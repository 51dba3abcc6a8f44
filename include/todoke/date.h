/* date — calendar dates (proleptic Gregorian), as the forms print them. */
#ifndef TODOKE_DATE_H
#define TODOKE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct date {
	int y, m, d;
};

bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);

/* Accepts 2022-10-24, 2022/10/24 and 2022年10月24日, with ASCII or
 * full-width digits and surrounding spaces.  On failure returns false and
 * sets *why to a short reason in the interface language, such as
 * "no such day: February 2022 has 28 days". */
bool date_parse(const char *s, struct date *out, const char **why);

/* Day number (days since 1970-01-01) and back; for deadlines and order. */
long date_to_days(struct date d);
struct date date_from_days(long days);
struct date date_add_days(struct date d, long n);
int date_cmp(struct date a, struct date b);
/* Days from b to a: positive when a is later, 0 on the same day. */
long date_diff_days(struct date a, struct date b);

/* "2022-10-24" (the incident file's form); buf needs 11 bytes. */
void date_format_iso(struct date d, char *buf, size_t size);
/* "2022年10月24日" / "10月24日", no zero padding, as Japanese forms print. */
void date_format_ymd_ja(struct date d, char *buf, size_t size);
void date_format_md_ja(struct date d, char *buf, size_t size);

/* The date in Japan (UTC+9, JST) at the instant t. */
struct date date_in_japan(time_t t);

/* Today's date: the override set by date_set_today() (the --today option),
 * else $TODOKE_TODAY (YYYY-MM-DD, for tests), else the clock's date in
 * Japan (date_in_japan), whatever the server's time zone.
 * Returns false with *why set when $TODOKE_TODAY is malformed. */
bool date_today(struct date *out, const char **why);
void date_set_today(const struct date *d); /* NULL: back to the clock */

#endif
