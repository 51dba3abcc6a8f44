/* calendar — the 行政機関の休日 from a calendar file (see calendar.h and
 * todoke-calendar(5)).  The file holds the rules of the 国民の祝日に関する法律
 * with their periods; this file only reads and evaluates them. */
#include "todoke/calendar.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/datadir.h"
#include "todoke/fileio.h"
#include "todoke/lexer.h"
#include "todoke/strbuf.h"

#define CALENDAR_FORMAT 1
#define NAME_MAX_BYTES 48 /* fits struct closed_day.why with room to spare */
#define MAX_FIELDS 8

enum kind { K_FIXED, K_MONDAY, K_EQUINOX, K_SUBSTITUTE, K_BETWEEN, K_ON, K_OFF,
            K_ANNOUNCED };

/* Styles of 振替休日 and 国民の休日, as the law read in each period. */
enum style {
	S_NONE,
	S_NEXT_DAY,   /* 振替 1973–2006: the Monday after a Sunday holiday */
	S_NEXT_OPEN,  /* 振替 2007–: the first later day that is no 祝日 */
	S_ANY_DAY,    /* 国民の休日 2007–: any day that is no 祝日 */
	S_NOT_SUNDAY, /* 国民の休日 1985–2006: not on a Sunday */
};

struct rule {
	enum kind kind;
	int a, b;      /* fixed: month, day; monday: month, n; equinox: 0 spring, 1 autumn */
	enum style style;
	long from, to; /* day numbers, inclusive: the period the rule is in force */
	char name[NAME_MAX_BYTES + 1];
	int line;
};

/* A dated exception: an extra 祝日 (on) or a regular one moved away (off). */
struct oneoff {
	bool on;
	long day;
	char name[NAME_MAX_BYTES + 1];
	int line;
};

struct calendar {
	struct rule *rules;
	size_t nrules;
	struct oneoff *days;
	size_t ndays;
	int announced; /* last year whose 春分・秋分 are in the 官報; 0: none */
};

/* ---- evaluation ---------------------------------------------------------- */

/* 0 Sunday … 6 Saturday; day 0 (1970-01-01) was a Thursday. */
static int weekday(long day)
{
	return (int)(((day % 7) + 7 + 4) % 7);
}

/* a / b rounded down, for negative a too. */
static long floordiv(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The day of the 春分 (spring) or 秋分 (autumn) equinox in Japan, by the
 * formula in common use (国立天文台's coefficients, valid 1900–2150; later
 * years take the 2100–2150 ones and are an estimate):
 *   day = floor(base + 0.242194 (y - 1980) - floor((y - shift) / 4)),
 * computed in millionths so that no floating point is involved. */
static int equinox_day(int y, bool autumn)
{
	long base, shift;
	if (y < 1980) {
		base = autumn ? 23258800 : 20835700;
		shift = 1983;
	} else if (y < 2100) {
		base = autumn ? 23248800 : 20843100;
		shift = 1980;
	} else {
		base = autumn ? 24248800 : 21851000;
		shift = 1980;
	}
	long v = base + 242194L * (y - 1980) - 1000000L * floordiv(y - shift, 4);
	return (int)floordiv(v, 1000000);
}

static bool in_force(const struct rule *r, long day)
{
	return day >= r->from && day <= r->to;
}

/* The day in year y that a dated rule names; -1 for other kinds. */
static long rule_day(const struct rule *r, int y)
{
	struct date d = { y, r->a, 1 };
	switch (r->kind) {
	case K_FIXED:
		d.d = r->b;
		return date_to_days(d);
	case K_MONDAY: {
		long first = date_to_days(d);
		int w = weekday(first);
		return first + (1 - w + 7) % 7 + 7L * (r->b - 1);
	}
	case K_EQUINOX:
		d.m = r->a ? 9 : 3;
		d.d = equinox_day(y, r->a);
		return date_to_days(d);
	default:
		return -1;
	}
}

static const struct oneoff *oneoff_at(const struct calendar *c, long day, bool on,
                                      const char *name)
{
	for (size_t i = 0; i < c->ndays; i++)
		if (c->days[i].day == day && c->days[i].on == on &&
		    (!name || strcmp(c->days[i].name, name) == 0))
			return &c->days[i];
	return NULL;
}

/* The 国民の祝日 by the dated rules alone (no one-off day). */
static const struct rule *rule_holiday(const struct calendar *c, long day)
{
	int y = date_from_days(day).y;
	for (size_t i = 0; i < c->nrules; i++) {
		const struct rule *r = &c->rules[i];
		if (r->kind <= K_EQUINOX && in_force(r, day) && rule_day(r, y) == day)
			return r;
	}
	return NULL;
}

/* A 国民の祝日 proper (第2条, or a day a special law makes one): what 振替休日
 * and 国民の休日 are counted from. */
static const char *shukujitsu(const struct calendar *c, long day, bool *predicted)
{
	*predicted = false;
	const struct oneoff *o = oneoff_at(c, day, true, NULL);
	if (o)
		return o->name;
	const struct rule *r = rule_holiday(c, day);
	if (!r || oneoff_at(c, day, false, r->name))
		return NULL;
	*predicted = r->kind == K_EQUINOX && date_from_days(day).y > c->announced;
	return r->name;
}

/* 第3条: the 祝日, else a 振替休日 (第2項), else a 国民の休日 (第3項). */
static const char *holiday_at(const struct calendar *c, long day, bool *predicted)
{
	const char *n = shukujitsu(c, day, predicted);
	if (n)
		return n;
	for (size_t i = 0; i < c->nrules; i++) {
		const struct rule *r = &c->rules[i];
		if (r->kind != K_SUBSTITUTE || !in_force(r, day))
			continue;
		bool p, any = false;
		/* A run of 祝日 that began on a Sunday ends the day before. */
		for (long k = 1; k <= 31; k++) {
			if (!shukujitsu(c, day - k, &p))
				break;
			any |= p;
			if (weekday(day - k) == 0) {
				*predicted = any;
				return r->name;
			}
			if (r->style == S_NEXT_DAY)
				break;
		}
	}
	for (size_t i = 0; i < c->nrules; i++) {
		const struct rule *r = &c->rules[i];
		if (r->kind != K_BETWEEN || !in_force(r, day))
			continue;
		if (r->style == S_NOT_SUNDAY && weekday(day) == 0)
			continue;
		bool p1, p2;
		if (shukujitsu(c, day - 1, &p1) && shukujitsu(c, day + 1, &p2)) {
			*predicted = p1 || p2;
			return r->name;
		}
	}
	*predicted = false;
	return NULL;
}

const char *calendar_holiday(const struct calendar *c, struct date d,
                             bool *predicted)
{
	bool p = false;
	const char *n = holiday_at(c, date_to_days(d), &p);
	if (predicted)
		*predicted = p;
	return n;
}

struct closed_day calendar_closed(const struct calendar *c, struct date d)
{
	struct closed_day r = { false, "", false };
	long day = date_to_days(d);
	const char *n = holiday_at(c, day, &r.predicted);
	int w = weekday(day);
	if (!n && ((d.m == 12 && d.d >= 29) || (d.m == 1 && d.d <= 3)))
		n = "年末年始";
	if (!n && w == 0)
		n = "日曜日";
	if (!n && w == 6)
		n = "土曜日";
	if (n) {
		r.closed = true;
		snprintf(r.why, sizeof r.why, "%s", n);
	}
	return r;
}

struct date calendar_next_open(const struct calendar *c, struct date due,
                               char *why, size_t whysize, bool *predicted)
{
	struct closed_day cd = calendar_closed(c, due);
	bool p = false;
	if (why && whysize)
		why[0] = '\0';
	if (cd.closed && why && whysize)
		snprintf(why, whysize, "%02d-%02dが%s", due.m, due.d, cd.why);
	struct date d = due;
	/* The longest closed run (年末年始 with a weekend) is about a week. */
	while (cd.closed) {
		p |= cd.predicted;
		d = date_add_days(d, 1);
		cd = calendar_closed(c, d);
	}
	if (predicted)
		*predicted = p;
	return d;
}

/* ---- reading the file ------------------------------------------------------ */

/* One line of the file, split into fields, for the rules below. */
struct line {
	int no;
	int n;
	char *field[MAX_FIELDS];
};

struct loader {
	struct lexer lx;   /* the shared reader: characters, lines, words */
	struct calendar *c;
	int announced_line;
};

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* YYYY-MM-DD, ASCII, a real day. */
static bool parse_ymd(const char *s, struct date *out)
{
	if (strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return false;
	out->y = atoi(s);
	out->m = atoi(s + 5);
	out->d = atoi(s + 8);
	return date_valid(out->y, out->m, out->d);
}

static bool parse_year(const char *s, size_t n, int *y)
{
	if (n != 4 || !digits(s, 4) || s[0] == '0')
		return false;
	*y = atoi(s);
	return true;
}

/* FROM..TO or FROM..; each YYYY or YYYY-MM-DD. */
static bool parse_period(const char *s, long *from, long *to, const char **why)
{
	const char *dots = strstr(s, "..");
	*why = "expected a period like 2003.., 1996..2002 or 1973-04-12..2006";
	if (!dots)
		return false;
	char a[16], b[16];
	size_t na = (size_t)(dots - s), nb = strlen(dots + 2);
	if (na == 0 || na >= sizeof a || nb >= sizeof b)
		return false;
	memcpy(a, s, na);
	a[na] = '\0';
	memcpy(b, dots + 2, nb + 1);
	struct date d;
	int y;
	if (parse_year(a, na, &y))
		*from = date_to_days((struct date){ y, 1, 1 });
	else if (parse_ymd(a, &d))
		*from = date_to_days(d);
	else
		return false;
	if (nb == 0)
		*to = LONG_MAX;
	else if (parse_year(b, nb, &y))
		*to = date_to_days((struct date){ y, 12, 31 });
	else if (parse_ymd(b, &d))
		*to = date_to_days(d);
	else
		return false;
	if (*to < *from) {
		*why = "the period ends before it begins";
		return false;
	}
	return true;
}

static bool check_name(const char *path, int no, const char *name, struct diag *d)
{
	if (strlen(name) > NAME_MAX_BYTES) {
		diag_set(d, path, no, "the name \"%s\" is longer than %d bytes", name,
		         NAME_MAX_BYTES);
		return false;
	}
	if (isdigit((unsigned char)name[0]) || strstr(name, "..")) {
		diag_set(d, path, no, "\"%s\" is not a holiday's name (fields out of order?)",
		         name);
		return false;
	}
	return true;
}

struct word {
	const char *word;
	enum style style;
};

static const struct word substitute_styles[] = {
	{ "next-day", S_NEXT_DAY }, { "next-open", S_NEXT_OPEN }, { NULL, S_NONE },
};
static const struct word between_styles[] = {
	{ "any-day", S_ANY_DAY }, { "not-sunday", S_NOT_SUNDAY }, { NULL, S_NONE },
};

static bool parse_style(const struct word *w, const char *s, enum style *out)
{
	for (; w->word; w++)
		if (strcmp(w->word, s) == 0) {
			*out = w->style;
			return true;
		}
	return false;
}

/* One rule word (rule_words below names it): what follows it, and how to
 * read it. */
struct keyword {
	enum kind kind;
	int nfields; /* including the word itself */
	const char *usage;
};

static const struct keyword keywords[] = {
	[K_ANNOUNCED] = { K_ANNOUNCED, 2, "announced YEAR" },
	[K_FIXED] = { K_FIXED, 4, "fixed MM-DD NAME PERIOD" },
	[K_MONDAY] = { K_MONDAY, 5, "monday MM N NAME PERIOD" },
	[K_EQUINOX] = { K_EQUINOX, 4, "equinox spring|autumn NAME PERIOD" },
	[K_SUBSTITUTE] = { K_SUBSTITUTE, 4, "substitute next-day|next-open NAME PERIOD" },
	[K_BETWEEN] = { K_BETWEEN, 4, "between any-day|not-sunday NAME PERIOD" },
	[K_ON] = { K_ON, 3, "on YYYY-MM-DD NAME" },
	[K_OFF] = { K_OFF, 3, "off YYYY-MM-DD NAME" },
};

static bool parse_rule(struct loader *ld, const char *path, const struct keyword *k,
                       struct line *l, struct diag *d)
{
	struct rule r;
	memset(&r, 0, sizeof r);
	r.kind = k->kind;
	r.line = l->no;
	char **f = l->field;
	const char *when = f[1];
	switch (k->kind) {
	case K_FIXED:
		if (strlen(when) != 5 || !digits(when, 2) || when[2] != '-' ||
		    !digits(when + 3, 2) || !date_valid(2001, atoi(when), atoi(when + 3))) {
			diag_set(d, path, l->no, "\"%s\" is not a day of the year (MM-DD, "
			         "and not 02-29)", when);
			return false;
		}
		r.a = atoi(when);
		r.b = atoi(when + 3);
		break;
	case K_MONDAY:
		if (strlen(when) < 1 || strlen(when) > 2 || !digits(when, strlen(when)) ||
		    atoi(when) < 1 || atoi(when) > 12) {
			diag_set(d, path, l->no, "\"%s\" is not a month (1 to 12)", when);
			return false;
		}
		if (strlen(f[2]) != 1 || f[2][0] < '1' || f[2][0] > '4') {
			diag_set(d, path, l->no, "\"%s\": which Monday of the month, 1 to 4", f[2]);
			return false;
		}
		r.a = atoi(when);
		r.b = f[2][0] - '0';
		break;
	case K_EQUINOX:
		if (strcmp(when, "spring") && strcmp(when, "autumn")) {
			diag_set(d, path, l->no, "unknown equinox \"%s\" (spring or autumn)", when);
			return false;
		}
		r.a = strcmp(when, "autumn") == 0;
		break;
	case K_SUBSTITUTE:
	case K_BETWEEN: {
		const struct word *w = k->kind == K_SUBSTITUTE ? substitute_styles : between_styles;
		if (!parse_style(w, when, &r.style)) {
			diag_set(d, path, l->no, "unknown rule word \"%s\" (%s)", when, k->usage);
			return false;
		}
		break;
	}
	default:
		break;
	}
	const char *name = f[k->nfields - 2], *period = f[k->nfields - 1], *why;
	if (!check_name(path, l->no, name, d))
		return false;
	snprintf(r.name, sizeof r.name, "%s", name);
	if (!parse_period(period, &r.from, &r.to, &why)) {
		diag_set(d, path, l->no, "\"%s\": %s", period, why);
		return false;
	}
	/* Two rules of one holiday, or two 振替/国民の休日 rules, at once would
	 * make the result depend on the order of the lines. */
	struct calendar *c = ld->c;
	for (size_t i = 0; i < c->nrules; i++) {
		const struct rule *o = &c->rules[i];
		bool same = r.kind >= K_SUBSTITUTE ? o->kind == r.kind
		                                   : o->kind <= K_EQUINOX && !strcmp(o->name, r.name);
		if (same && r.from <= o->to && o->from <= r.to) {
			diag_set(d, path, l->no, "overlaps the rule of line %d (%s)", o->line,
			         o->name);
			return false;
		}
	}
	c->rules = xrealloc(c->rules, (c->nrules + 1) * sizeof *c->rules);
	c->rules[c->nrules++] = r;
	return true;
}

static bool parse_oneoff(struct loader *ld, const char *path, const struct keyword *k,
                         struct line *l, struct diag *d)
{
	struct oneoff o;
	struct date dt;
	memset(&o, 0, sizeof o);
	o.on = k->kind == K_ON;
	o.line = l->no;
	if (!parse_ymd(l->field[1], &dt)) {
		diag_set(d, path, l->no, "\"%s\" is not a date (YYYY-MM-DD)", l->field[1]);
		return false;
	}
	o.day = date_to_days(dt);
	if (!check_name(path, l->no, l->field[2], d))
		return false;
	snprintf(o.name, sizeof o.name, "%s", l->field[2]);
	struct calendar *c = ld->c;
	for (size_t i = 0; i < c->ndays; i++)
		if (c->days[i].day == o.day && c->days[i].on == o.on) {
			diag_set(d, path, l->no, "%s is given already (line %d)", l->field[1],
			         c->days[i].line);
			return false;
		}
	c->days = xrealloc(c->days, (c->ndays + 1) * sizeof *c->days);
	c->days[c->ndays++] = o;
	return true;
}

/* A rule line: its fields, counted, then read by its kind. */
static bool rule_line(void *ctx, char *rest)
{
	struct loader *ld = ctx;
	const struct keyword *k = &keywords[ld->lx.kw->arg];
	const char *path = ld->lx.name;
	struct diag *d = ld->lx.err;
	struct line ln = { ld->lx.line, 1, { NULL } }, *l = &ln;
	for (char *w; *(w = lex_word(&rest));) {
		if (l->n == MAX_FIELDS)
			return lex_fail_at(&ld->lx, w, "too many fields");
		l->field[l->n++] = w;
	}
	if (l->n != k->nfields)
		return lex_fail(&ld->lx, "%s takes %d fields: %s", ld->lx.kw->word, k->nfields - 1,
		                k->usage);
	switch (k->kind) {
	case K_ANNOUNCED: {
		int y;
		if (ld->announced_line) {
			diag_set(d, path, l->no, "announced is given already (line %d)",
			         ld->announced_line);
			return false;
		}
		if (!parse_year(l->field[1], strlen(l->field[1]), &y)) {
			diag_set(d, path, l->no, "\"%s\" is not a year", l->field[1]);
			return false;
		}
		ld->c->announced = y;
		ld->announced_line = l->no;
		return true;
	}
	case K_ON:
	case K_OFF:
		return parse_oneoff(ld, path, k, l, d);
	default:
		return parse_rule(ld, path, k, l, d);
	}
}

static const struct lex_keyword rule_words[] = {
	{ "announced", rule_line, K_ANNOUNCED },
	{ "fixed", rule_line, K_FIXED },
	{ "monday", rule_line, K_MONDAY },
	{ "equinox", rule_line, K_EQUINOX },
	{ "substitute", rule_line, K_SUBSTITUTE },
	{ "between", rule_line, K_BETWEEN },
	{ "on", rule_line, K_ON },
	{ "off", rule_line, K_OFF },
	{ NULL, NULL, 0 },
};

static bool calendar_line(void *ctx, char *line)
{
	struct loader *ld = ctx;
	return lex_dispatch(&ld->lx, rule_words, LEX_DIRECTIVE, line, ld);
}

/* What can only be checked once every line is read. */
static bool check_whole(struct loader *ld, const char *path, struct diag *d)
{
	struct calendar *c = ld->c;
	for (size_t i = 0; i < c->nrules; i++)
		if (c->rules[i].kind == K_EQUINOX && !ld->announced_line) {
			diag_set(d, path, c->rules[i].line, "an equinox rule needs \"announced "
			         "YEAR\": the last year the 官報 has published");
			return false;
		}
	for (size_t i = 0; i < c->ndays; i++) {
		const struct oneoff *o = &c->days[i];
		const struct rule *r = rule_holiday(c, o->day);
		char iso[16];
		date_format_iso(date_from_days(o->day), iso, sizeof iso);
		if (!o->on && (!r || strcmp(r->name, o->name))) {
			diag_set(d, path, o->line, "%s is not %s by the rules, so it cannot "
			         "be taken off", iso, o->name);
			return false;
		}
		if (o->on && r && !oneoff_at(c, o->day, false, r->name)) {
			diag_set(d, path, o->line, "%s is %s by the rule of line %d already",
			         iso, r->name, r->line);
			return false;
		}
	}
	return true;
}

struct calendar *calendar_load(const char *path, struct diag *d)
{
	char *data;
	size_t len;
	if (!file_read_all(path, &data, &len, d))
		return NULL;
	struct calendar *c = xcalloc(1, sizeof *c);
	struct loader ld = { .c = c };
	/* Tabs separate fields, '#' starts a comment anywhere in a line
	 * (todoke-calendar(5)); C1 controls are refused as in forms. */
	lex_init(&ld.lx, data, len, path, LEX_TABS | LEX_TRIM | LEX_HASH_COMMENTS, d);
	bool ok = lex_read(&ld.lx, "todoke-calendar", CALENDAR_FORMAT, calendar_line, &ld) &&
	          check_whole(&ld, path, d);
	lex_release(&ld.lx);
	free(data);
	if (!ok)
		calendar_free(&c);
	return c;
}

struct calendar *calendar_load_default(struct diag *d)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/forms/calendar/jp-holidays", todoke_datadir());
	struct calendar *c = calendar_load(sb.buf, d);
	sb_release(&sb);
	return c;
}

void calendar_free(struct calendar **c)
{
	if (!*c)
		return;
	free((*c)->rules);
	free((*c)->days);
	free(*c);
	*c = NULL;
}
