/* deadline — the 速報's 目安 and the 確報's due date, counted from 知った日
 * without counting that day (民法第140条) and moved off the days
 * government offices are closed (行政機関の休日に関する法律 第2条), as text
 * for the report, the status line and `todoke deadlines`.  No duty, no
 * date: nothing is printed for a report that is not due. */
#include <stdio.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/ppc.h"

void ppc_compute_deadlines(const struct model *m, struct ppc_decision *d);

/* ---- the calendar ------------------------------------------------------ */

static const struct calendar *cal_set;
static struct calendar *cal_default;
static bool cal_tried;
static char cal_error[256];

void ppc_set_calendar(const struct calendar *c)
{
	cal_set = c;
}

/* The calendar to count with, or NULL with err set. */
static const struct calendar *calendar(char *err, size_t size)
{
	if (cal_set)
		return cal_set;
	if (!cal_tried) {
		struct diag dg;
		cal_tried = true;
		diag_clear(&dg);
		cal_default = calendar_load_default(&dg);
		if (!cal_default)
			diag_format(&dg, cal_error, sizeof cal_error);
	}
	if (!cal_default)
		snprintf(err, size, "%s", cal_error);
	return cal_default;
}

/* ---- computing --------------------------------------------------------- */

/* 知った日 + days, on the next open day when that one is closed. */
static void due(const struct calendar *c, struct date known, int days, const char *extra,
                struct ppc_due *out, bool *predicted)
{
	struct date nominal = date_add_days(known, days);
	out->date = nominal;
	snprintf(out->why, sizeof out->why, "知った日から%d日%s", days, extra);
	if (!c)
		return;
	char why[96] = "";
	bool pred = false;
	struct date open = calendar_next_open(c, nominal, why, sizeof why, &pred);
	if (date_cmp(open, nominal) == 0)
		return;
	out->date = open;
	out->moved = true;
	*predicted |= pred;
	snprintf(out->why, sizeof out->why, "%d日目の%sのため%s%s", days, why,
	         date_diff_days(open, nominal) == 1 ? "翌日" : "次の開庁日",
	         pred && !strstr(why, "予定") ? "、祝日は予定" : "");
}

void ppc_compute_deadlines(const struct model *m, struct ppc_decision *d)
{
	d->prelim_done = model_date(m, "ppc.prelim.date", &d->prelim_date);
	d->final_done = model_date(m, "ppc.final.date", &d->final_date);
	d->dated = d->has_discovery &&
	           (d->verdict == PPC_MANDATORY || d->verdict == PPC_UNDETERMINED);
	if (!d->dated)
		return;
	struct date on = d->discovery;
	const struct calendar *c = calendar(d->calendar_error, sizeof d->calendar_error);
	int days30 = (int)ppc_rule(PR_FINAL_DAYS, on), days60 = (int)ppc_rule(PR_FINAL_DAYS_3, on);
	/* A 目安, not a legal period: never moved. */
	d->prelim_by = date_add_days(on, ppc_rule(PR_PRELIM_DAYS, on));
	bool three = d->clause[2].applies == TRI_YES;
	d->final_days = three ? days60 : days30;
	due(c, on, d->final_days, three ? "、第3号に該当するため" : "", &d->final, &d->predicted);
	if (d->clause[2].applies == TRI_UNKNOWN)
		due(c, on, days60, "", &d->final60, &d->predicted);
	d->prelim_late = d->prelim_done && date_cmp(d->prelim_date, d->prelim_by) > 0;
	d->final_late = d->final_done && date_cmp(d->final_date, d->final.date) > 0;
}

bool ppc_overdue(const struct ppc_decision *d, struct date today)
{
	if (d->verdict != PPC_MANDATORY || !d->dated)
		return false;
	if (!d->prelim_done && !d->final_done && date_cmp(today, d->prelim_by) > 0)
		return true;
	return !d->final_done && date_cmp(today, d->final.date) > 0;
}

bool ppc_late(const struct ppc_decision *d)
{
	return d->verdict == PPC_MANDATORY && d->dated && (d->prelim_late || d->final_late);
}

/* ---- the report's appendix (Japanese, the document's language) --------- */

static void iso(struct date d, char *buf)
{
	date_format_iso(d, buf, 11);
}

static void clause_name(const struct ppc_decision *d, int i, struct strbuf *out)
{
	static const char *const name[3] = {
		"第1号 要配慮個人情報", "第2号 財産的被害のおそれ", "第3号 不正の目的",
	};
	if (i < 3) {
		sb_add(out, name[i]);
		return;
	}
	sb_add(out, "第4号 ");
	sb_add_thousands(out, d->threshold);
	sb_add(out, "人超");
}

static void appendix_verdict(const struct ppc_decision *d, struct strbuf *out)
{
	switch (d->verdict) {
	case PPC_MANDATORY: {
		sb_addf(out, "判定: 報告義務あり(規則第%d条", d->article);
		bool first = true;
		for (int i = 0; i < 4; i++)
			if (d->clause[i].applies == TRI_YES) {
				sb_addf(out, "%s第%d号", first ? " " : "・", i + 1);
				first = false;
			}
		sb_add(out, ")\n");
		break;
	}
	case PPC_VOLUNTARY:
		sb_addf(out, "判定: 報告義務なし(規則第%d条各号のいずれにも該当しない。任意の報告)\n",
		        d->article);
		break;
	case PPC_UNDETERMINED:
		sb_addf(out, "判定: 未判定(次の事項の回答が必要: %s)\n", d->missing);
		break;
	case PPC_NOT_CONCERNED:
		sb_add(out, "判定: 個人データの漏えい等に当たらないため、報告の対象外\n");
		break;
	case PPC_NOT_IN_FORCE:
		sb_add(out, "判定: 報告義務なし(知った日には報告の義務の規定が適用されていない。任意の報告)\n");
		break;
	case PPC_ENTRUSTED:
		sb_add(out, "判定: 委託先としての報告は不要(委託元が報告する。規則第9条)\n");
		break;
	}
}

void ppc_appendix(const struct ppc_decision *d, struct strbuf *out)
{
	char a[16], b[16];
	sb_add(out, "\n【付録】報告義務の判定と期限(todokeによる参考)\n");
	appendix_verdict(d, out);
	static const char *const tri_ja[] = { "該当しない", "該当", "未確定" };
	for (int i = 0; i < 4; i++) {
		sb_add(out, "  ");
		clause_name(d, i, out);
		sb_addf(out, ": %s(%s)\n", tri_ja[d->clause[i].applies], d->clause[i].reason);
	}
	if (*d->regime)
		sb_addf(out, "当時の制度: %s\n", d->regime);
	if (*d->channel)
		sb_addf(out, "注意: %s\n", d->channel);
	if (*d->entrust)
		sb_addf(out, "委託先: %s\n", d->entrust);
	if (d->persons_known || d->persons > 0) {
		sb_addf(out, "本人の数(合計): %s",
		        d->persons_approx ? "約" : d->persons_atmost ? "最大" : "");
		sb_add_thousands(out, d->persons);
		sb_addf(out, "人%s\n", d->persons_known ? "" : "(一部未確定)");
	}
	if (!d->dated) {
		if (d->verdict == PPC_UNDETERMINED)
			sb_add(out, "期限: 未確定(発覚日が未回答)\n");
		else
			sb_add(out, "期限: なし(報告義務がないため)\n");
		return;
	}
	iso(d->discovery, a);
	sb_addf(out, "知った日(発覚日): %s\n", a);
	if (d->verdict == PPC_UNDETERMINED)
		sb_add(out, "以下は報告義務がある場合の期限:\n");
	iso(d->prelim_by, a);
	sb_addf(out, "速報: 速やかに。目安: %s まで (知った日から%ld日)", a,
	        ppc_rule(PR_PRELIM_DAYS, d->discovery));
	if (d->prelim_done) {
		iso(d->prelim_date, b);
		sb_addf(out, " 提出済み: %s%s", b, d->prelim_late ? "(目安を過ぎて提出)" : "");
	}
	sb_addc(out, '\n');
	iso(d->final.date, a);
	sb_addf(out, "確報の期限: %s (%s)", a, d->final.why);
	if (d->clause[2].applies == TRI_UNKNOWN) {
		iso(d->final60.date, b);
		sb_addf(out, "。第3号に該当すれば %s (%s)", b, d->final60.why);
	}
	if (d->final_done) {
		iso(d->final_date, b);
		sb_addf(out, " 提出済み: %s%s", b, d->final_late ? "(期限を過ぎて提出)" : "");
	}
	sb_addc(out, '\n');
}

/* ---- the status line and `todoke deadlines` (interface language) ------ */

/* "3 days left", "due today", "2 days late". */
static void left(struct date due_on, struct date today, struct strbuf *out)
{
	long n = date_to_days(due_on) - date_to_days(today);
	if (n > 0)
		sb_addf(out, ngettext("%ld day left", "%ld days left", (unsigned long)n), n);
	else if (n == 0)
		sb_add(out, _("due today"));
	else
		sb_addf(out, ngettext("%ld day late", "%ld days late", (unsigned long)-n), -n);
}

static void prelim_text(const struct ppc_decision *d, struct date today, bool full,
                        struct strbuf *out)
{
	char a[16], b[16];
	iso(d->prelim_by, b);
	if (d->prelim_done) {
		iso(d->prelim_date, a);
		if (d->prelim_late)
			sb_addf(out, _("preliminary sent %s, after its target %s"), a, b);
		else
			sb_addf(out, _("preliminary sent %s"), a);
		return;
	}
	if (d->final_done) {
		sb_add(out, _("preliminary not needed (final sent)"));
		return;
	}
	if (full)
		sb_addf(out, _("promptly; target: by %s (%ld days from the day known) ("), b,
		        ppc_rule(PR_PRELIM_DAYS, d->discovery));
	else
		sb_addf(out, _("preliminary %s ("), b);
	left(d->prelim_by, today, out);
	sb_addc(out, ')');
}

static void final_text(const struct ppc_decision *d, struct date today, bool full,
                       struct strbuf *out)
{
	char a[16], b[16];
	iso(d->final.date, b);
	if (d->final_done) {
		iso(d->final_date, a);
		if (d->final_late)
			sb_addf(out, _("final sent %s, after its deadline %s"), a, b);
		else
			sb_addf(out, _("final sent %s"), a);
		return;
	}
	if (full)
		sb_addf(out, _("by %s (%s) ("), b, d->final.why);
	else
		sb_addf(out, _("final %s ("), b);
	left(d->final.date, today, out);
	/* The status line: a moved date says why, last (cut first). */
	if (!full && d->final.moved)
		sb_addf(out, "; %s", d->final.why);
	sb_addc(out, ')');
	if (full && d->clause[2].applies == TRI_UNKNOWN) {
		iso(d->final60.date, a);
		sb_addf(out, _("; by %s (%s) if 3号 applies"), a, d->final60.why);
	}
}

void ppc_status(const struct ppc_decision *d, struct date today, struct strbuf *out)
{
	switch (d->verdict) {
	case PPC_NOT_CONCERNED:
		sb_add(out, _("PPC: not concerned (no personal data)"));
		return;
	case PPC_VOLUNTARY:
		sb_add(out, _("PPC: report voluntary"));
		return;
	case PPC_UNDETERMINED:
		sb_addf(out, _("PPC: undetermined, answer %s"), d->missing);
		return;
	case PPC_NOT_IN_FORCE:
		sb_add(out, _("PPC: no duty on the day known (report voluntary)"));
		return;
	case PPC_ENTRUSTED:
		sb_add(out, _("PPC: no report of yours: the 委託元 reports (規則第9条)"));
		return;
	case PPC_MANDATORY:
		break;
	}
	sb_add(out, _("PPC: "));
	prelim_text(d, today, false, out);
	sb_add(out, ", ");
	final_text(d, today, false, out);
	if (*d->calendar_error)
		sb_add(out, _(" (holiday calendar unreadable: dates not moved)"));
}

void ppc_report_deadlines(const struct ppc_decision *d, struct date today,
                          struct strbuf *out)
{
	static const char *const verdict[] = {
		[PPC_NOT_CONCERNED] = N_("not concerned: no personal data was leaked, lost or damaged"),
		[PPC_MANDATORY] = N_("mandatory"),
		[PPC_VOLUNTARY] = N_("voluntary: none of 規則第7条 1-4号 applies"),
		[PPC_UNDETERMINED] = N_("undetermined"),
		[PPC_NOT_IN_FORCE] = N_("no duty: the duty did not apply on the day known (voluntary)"),
		[PPC_ENTRUSTED] = N_("not yours: the 委託元 reports (規則第9条)"),
	};
	static const char *const tri[] = { N_("no"), N_("yes"), N_("unknown") };
	sb_addf(out, _("PPC report: %s"), _(verdict[d->verdict]));
	if (d->verdict == PPC_UNDETERMINED)
		sb_addf(out, _(" (answer: %s)"), d->missing);
	sb_addc(out, '\n');
	for (int i = 0; i < 4; i++) {
		sb_add(out, "  ");
		clause_name(d, i, out);
		sb_addf(out, ": %s (%s)\n", _(tri[d->clause[i].applies]), d->clause[i].reason);
	}
	if (*d->regime)
		sb_addf(out, _("  then: %s\n"), d->regime);
	if (*d->channel)
		sb_addf(out, _("  note: %s\n"), d->channel);
	if (*d->entrust)
		sb_addf(out, _("  entrustee: %s\n"), d->entrust);
	if (!d->dated) {
		if (d->verdict == PPC_UNDETERMINED)
			sb_add(out, _("Deadlines: answer 1.発見年月日 (the day the incident was found)\n"));
		else
			sb_add(out, _("Deadlines: none, as no report is due\n"));
		return;
	}
	char a[16];
	iso(d->discovery, a);
	sb_addf(out, _("Known (知った日): %s\n"), a);
	if (d->verdict == PPC_UNDETERMINED)
		sb_add(out, _("If the report is mandatory:\n"));
	sb_add(out, _("Preliminary report (速報): "));
	prelim_text(d, today, true, out);
	sb_add(out, _("\nFinal report (確報): "));
	final_text(d, today, true, out);
	sb_addc(out, '\n');
	if (*d->calendar_error)
		sb_addf(out, _("Warning: the holiday calendar cannot be read, so due dates were "
		               "not moved off closed days: %s\n"), d->calendar_error);
}
