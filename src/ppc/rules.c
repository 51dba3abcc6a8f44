/* rules — every date in force, threshold and day count of the PPC report,
 * each with the day it took effect and its source, in one table.  An
 * amendment is a new dated row (and its tests), not a change of code:
 * ppc_rule() takes the last row in force on the day the business learned
 * of the event (知った日).  todoke-law(7) states them. */
#include "todoke/ppc.h"

#include <stddef.h>

struct rule_row {
	enum ppc_rule rule;
	struct date from;
	long value;
	const char *source;
};

/* In order of `from` within each rule. */
static const struct rule_row rows[] = {
	/* 令和2年改正法 (令和2年法律第44号) の施行: the report and the notice
	 * became duties; before, a report was asked for (努力義務). */
	{ PR_DUTY, { 2022, 4, 1 }, 1, "法第26条(令和2年改正法、2022-04-01施行)" },
	/* 令和3年改正法 (令和3年法律第37号) 第51条: 地方公共団体の機関 and
	 * 地方独立行政法人 under the rules of 行政機関等 (法第68条). */
	{ PR_LOCAL_GOV, { 2023, 4, 1 }, 1, "法第68条(令和3年改正法第51条、2023-04-01施行)" },
	/* 令和5年個人情報保護委員会規則第5号 (2023-12-27公布). */
	{ PR_ACQUIRING, { 2024, 4, 1 }, 1, "規則第7条第3号(2024-04-01施行)" },
	{ PR_PERSONS, { 2022, 4, 1 }, 1000, "規則第7条第4号" },
	{ PR_PERSONS_PUBLIC, { 2022, 4, 1 }, 100, "規則第43条第4号" },
	{ PR_FINAL_DAYS, { 2022, 4, 1 }, 30, "規則第8条第2項・第44条第2項" },
	{ PR_FINAL_DAYS_3, { 2022, 4, 1 }, 60, "規則第8条第2項・第44条第2項" },
	{ PR_PRELIM_DAYS, { 2022, 4, 1 }, 5, "ガイドライン(通則編)3-5-3-3「概ね3〜5日以内」" },
	/* todoke's own: an approximate count this close to a threshold is
	 * not a count to decide on. */
	{ PR_APPROX_MARGIN, { 2022, 4, 1 }, 10, "todoke" },
};

static const struct rule_row *row_on(enum ppc_rule r, struct date on)
{
	const struct rule_row *best = NULL;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].rule == r && date_cmp(rows[i].from, on) <= 0)
			best = &rows[i];
	return best;
}

static const struct rule_row *first(enum ppc_rule r)
{
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].rule == r)
			return &rows[i];
	return NULL;
}

long ppc_rule(enum ppc_rule r, struct date on)
{
	const struct rule_row *row = row_on(r, on);
	return row ? row->value : 0;
}

struct date ppc_rule_since(enum ppc_rule r)
{
	const struct rule_row *row = first(r);
	return row ? row->from : (struct date){ 0, 0, 0 };
}

const char *ppc_rule_source(enum ppc_rule r)
{
	const struct rule_row *row = first(r);
	return row ? row->source : "";
}
