/* calendar — the days Japanese government offices are closed (行政機関の休日
 * に関する法律 第1条): Saturdays, Sundays, 国民の祝日 (with 振替休日 and
 * 国民の休日) and 12月29日〜1月3日.  The holidays are data: a calendar file
 * (forms/calendar/jp-holidays, todoke-calendar(5)) gives the rules of the
 * 国民の祝日に関する法律 with the years each applies, and dated one-off
 * exceptions; the code only evaluates them.  Loading is all-or-nothing, with
 * file:line diagnostics.  Knows nothing of the PPC or of curses. */
#ifndef TODOKE_CALENDAR_H
#define TODOKE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/date.h"
#include "todoke/diag.h"

struct calendar;

/* Reads a calendar file.  NULL with *d set (file, line, reason) on any
 * fault; nothing half-loaded. */
struct calendar *calendar_load(const char *path, struct diag *d);
/* The installed calendar: $TODOKE_DATADIR/forms/calendar/jp-holidays, else
 * the data dir compiled in.  NULL with *d set when it cannot be read. */
struct calendar *calendar_load_default(struct diag *d);
void calendar_free(struct calendar **c);

struct closed_day {
	bool closed;
	/* Why, in Japanese, short enough for a clause: "スポーツの日",
	 * "振替休日", "国民の休日", "土曜日", "日曜日", "年末年始". */
	char why[64];
	/* A 春分の日/秋分の日 computed by formula for a year past the last one
	 * officially announced (the file says which): print 「予定」. */
	bool predicted;
};

/* Is d a 行政機関の休日, and why. */
struct closed_day calendar_closed(const struct calendar *c, struct date d);

/* The 国民の祝日 (or 振替休日/国民の休日) on d, NULL when none; for tests
 * and the manual.  Weekends and 年末年始 are not holidays here. */
const char *calendar_holiday(const struct calendar *c, struct date d,
                             bool *predicted);

/* A legal period ending on `due` that falls on a closed day moves to the
 * next open day (行政機関の休日に関する法律 第2条).  Returns that day; when
 * it moved, fills why (e.g. "10-10がスポーツの日") and *predicted when any
 * day skipped was a predicted holiday. */
struct date calendar_next_open(const struct calendar *c, struct date due,
                               char *why, size_t whysize, bool *predicted);

#endif
