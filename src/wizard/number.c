/* number — a count as people write it: 6,186, ６１８６, 6186人, 約6,000,
 * 最大6,186名.  約/最大 is kept where the form asks for it (the PPC report's
 * 人数 beside its 確定/最大/約 choice); anything else is refused with what
 * to type.  No curses. */
#include "todoke/wizard.h"

#include <limits.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/utf8.h"

/* Words before the digits, and after them and their counter word. */
static const struct { const char *word; enum wizard_bound bound; } before[] = {
	{ "約", WIZ_BOUND_APPROX },
	{ "およそ", WIZ_BOUND_APPROX },
	{ "概ね", WIZ_BOUND_APPROX },
	{ "about ", WIZ_BOUND_APPROX },
	{ "approx. ", WIZ_BOUND_APPROX },
	{ "最大で", WIZ_BOUND_ATMOST },
	{ "最大", WIZ_BOUND_ATMOST },
	{ "up to ", WIZ_BOUND_ATMOST },
	{ "at most ", WIZ_BOUND_ATMOST },
}, after[] = {
	{ "程度", WIZ_BOUND_APPROX },
	{ "前後", WIZ_BOUND_APPROX },
	{ "以下", WIZ_BOUND_ATMOST },
	{ "以内", WIZ_BOUND_ATMOST },
};

/* Counter words: 6186人, 6186名, 20件. */
static const char *const counters[] = { "人分", "名分", "件分", "人", "名", "件",
                                        "people", "persons", "cases" };

/* Separators of thousands: 6,186 and 6，186 (as an IME types it). */
static const char *const commas[] = { ",", "\xef\xbc\x8c" };

#define N(a) (sizeof (a) / sizeof (a)[0])

static void skip_blanks(const char **p)
{
	for (;;) {
		if (**p == ' ' || **p == '\t' || **p == '\n')
			(*p)++;
		else if (strncmp(*p, "\xe3\x80\x80", 3) == 0)
			*p += 3;
		else
			return;
	}
}

static size_t prefix(const char *p, const char *word)
{
	size_t n = strlen(word);
	return strncmp(p, word, n) == 0 ? n : 0;
}

static size_t comma_at(const char *p)
{
	for (size_t i = 0; i < N(commas); i++)
		if (prefix(p, commas[i]))
			return strlen(commas[i]);
	return 0;
}

static bool add_digit(unsigned long long *v, int d, bool minus, const char **why)
{
	/* The largest magnitude a long long holds, either sign. */
	unsigned long long lim = minus ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	if (*v > (lim - (unsigned)d) / 10) {
		*why = _("the number is too large");
		return false;
	}
	*v = *v * 10 + (unsigned)d;
	return true;
}

/* Digits, grouped by threes after the first group when commas are used
 * (6,186 but not 6,18 or 61,86: a typo, not a number). */
static bool digits(const char **pp, bool minus, unsigned long long *v, const char **why)
{
	const char *p = *pp;
	int d, n = 0, group = 0;
	bool grouped = false;
	while ((d = utf8_digit_at(&p)) >= 0) {
		if (!add_digit(v, d, minus, why))
			return false;
		n++;
		group++;
		size_t c = comma_at(p);
		const char *next = p + c;
		if (c && utf8_digit_at(&next) >= 0) {
			if ((grouped && group != 3) || (!grouped && group > 3)) {
				*why = _("commas go between groups of three digits, as in 6,186");
				return false;
			}
			grouped = true;
			group = 0;
			p += c;
		}
	}
	if (grouped && group != 3) {
		*why = _("commas go between groups of three digits, as in 6,186");
		return false;
	}
	if (!n) {
		*why = _("type a whole number, e.g. 6186, 6,186 or 約6,000");
		return false;
	}
	*pp = p;
	return true;
}

bool wizard_parse_count(const char *text, long long *out, enum wizard_bound *bound,
                        const char **why)
{
	const char *p = text;
	bool minus = false;
	unsigned long long v = 0;
	size_t k;
	*bound = WIZ_BOUND_NONE;
	skip_blanks(&p);
	for (size_t i = 0; i < N(before); i++)
		if ((k = prefix(p, before[i].word))) {
			*bound = before[i].bound;
			p += k;
			skip_blanks(&p);
			break;
		}
	if (*bound == WIZ_BOUND_NONE && (*p == '-' || *p == '+'))
		minus = *p++ == '-';
	if (!digits(&p, minus, &v, why))
		return false;
	skip_blanks(&p);
	for (size_t i = 0; i < N(counters); i++)
		if ((k = prefix(p, counters[i]))) {
			p += k;
			skip_blanks(&p);
			break;
		}
	for (size_t i = 0; *bound == WIZ_BOUND_NONE && i < N(after); i++)
		if ((k = prefix(p, after[i].word))) {
			*bound = after[i].bound;
			p += k;
			skip_blanks(&p);
		}
	if (*p) {
		*why = _("type a whole number, e.g. 6186, 6,186 or 約6,000");
		return false;
	}
	*out = minus ? (v > (unsigned long long)LLONG_MAX ? LLONG_MIN : -(long long)v)
	             : (long long)v;
	return true;
}

bool wizard_parse_number(const char *text, long long *out, const char **why)
{
	enum wizard_bound b;
	if (!wizard_parse_count(text, out, &b, why))
		return false;
	if (b != WIZ_BOUND_NONE) {
		*why = _("give the exact number here (約 and 最大 are kept only beside a "
		         "確定/最大/約 choice)");
		return false;
	}
	return true;
}
