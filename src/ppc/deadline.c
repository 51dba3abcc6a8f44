/* deadline — 速報 and 確報 dates, as text for the report, the status line
 * and `todoke deadlines`. */
#include <stdio.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/ppc.h"

static const char *const clause_name[4] = {
	"第1号 要配慮個人情報", "第2号 財産的被害のおそれ",
	"第3号 不正の目的", "第4号 1,000人超",
};

static const char *tri_ja(enum tri t)
{
	return t == TRI_YES ? "該当" : t == TRI_NO ? "該当しない" : "未確定";
}

static void ymd(struct date d, char *buf, size_t size)
{
	date_format_ymd_ja(d, buf, size);
}

void ppc_appendix(const struct ppc_decision *d, struct strbuf *out)
{
	char a[48], b[48], c[48];
	sb_add(out, "\n【付録】報告義務の判定と期限(todokeによる参考)\n");
	switch (d->verdict) {
	case PPC_MANDATORY: {
		sb_add(out, "判定: 報告義務あり(規則第7条");
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
		sb_add(out, "判定: 報告義務なし(規則第7条各号のいずれにも該当しない。任意の報告)\n");
		break;
	case PPC_UNDETERMINED:
		sb_addf(out, "判定: 未確定(次の事項の回答が必要: %s)\n", d->missing);
		break;
	case PPC_NOT_CONCERNED:
		sb_add(out, "判定: 個人データの漏えい等に当たらないため、報告の対象外\n");
		break;
	}
	for (int i = 0; i < 4; i++)
		sb_addf(out, "  %s: %s ― %s\n", clause_name[i], tri_ja(d->clause[i].applies),
		        d->clause[i].reason);
	if (*d->channel)
		sb_addf(out, "注意: %s\n", d->channel);
	if (d->persons_known || d->persons > 0) {
		sb_addf(out, "本人の数(合計): %s", d->persons_atmost ? "最大" : "");
		sb_add_thousands(out, d->persons);
		sb_addf(out, "人%s\n", d->persons_known ? "" : "(一部未確定)");
	}
	if (!d->has_discovery) {
		sb_add(out, "速報の期限: 未確定(発覚日が未回答)\n確報の期限: 未確定(発覚日が未回答)\n");
		return;
	}
	ymd(d->discovery, a, sizeof a);
	sb_addf(out, "発覚日: %s\n", a);
	ymd(d->prelim_from, a, sizeof a);
	ymd(d->prelim_to, b, sizeof b);
	sb_addf(out, "速報の期限: %s〜%s(発覚日から3〜5日)", a, b);
	if (d->prelim_done) {
		ymd(d->prelim_date, c, sizeof c);
		sb_addf(out, " 提出済み: %s", c);
	}
	sb_addc(out, '\n');
	ymd(d->final_due, a, sizeof a);
	if (d->clause[2].applies == TRI_YES)
		sb_addf(out, "確報の期限: %s(発覚日から60日。第3号に該当するため)", a);
	else if (d->clause[2].applies == TRI_UNKNOWN) {
		ymd(date_add_days(d->discovery, 60), b, sizeof b);
		sb_addf(out, "確報の期限: %s(発覚日から30日。第3号に該当すれば60日: %s)", a, b);
	} else
		sb_addf(out, "確報の期限: %s(発覚日から30日)", a);
	if (d->final_done) {
		ymd(d->final_date, c, sizeof c);
		sb_addf(out, " 提出済み: %s", c);
	}
	sb_addc(out, '\n');
}

/* "3 days left", "due today", "2 days late". */
static void left(struct date due, struct date today, struct strbuf *out)
{
	long n = date_to_days(due) - date_to_days(today);
	if (n > 0)
		sb_addf(out, ngettext("%ld day left", "%ld days left", (unsigned long)n), n);
	else if (n == 0)
		sb_add(out, _("due today"));
	else
		sb_addf(out, ngettext("%ld day late", "%ld days late", (unsigned long)-n), -n);
}

static void iso(struct date d, char *buf)
{
	date_format_iso(d, buf, 11);
}

static void prelim_text(const struct ppc_decision *d, struct date today, struct strbuf *out)
{
	char a[16], b[16];
	if (d->prelim_done) {
		iso(d->prelim_date, a);
		sb_addf(out, _("preliminary sent %s"), a);
		return;
	}
	if (d->final_done) {
		sb_add(out, _("preliminary not needed (final sent)"));
		return;
	}
	(void)a;
	iso(d->prelim_to, b);
	sb_addf(out, _("preliminary by %s ("), b);
	left(d->prelim_to, today, out);
	sb_addc(out, ')');
}

static void final_text(const struct ppc_decision *d, struct date today, struct strbuf *out)
{
	char a[16];
	if (d->final_done) {
		iso(d->final_date, a);
		sb_addf(out, _("final sent %s"), a);
		return;
	}
	iso(d->final_due, a);
	sb_addf(out, _("final by %s ("), a);
	left(d->final_due, today, out);
	sb_addc(out, ')');
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
	case PPC_MANDATORY:
		break;
	}
	sb_add(out, _("PPC report due: "));
	if (!d->has_discovery) {
		sb_add(out, _("answer 発見年月日 for the dates"));
		return;
	}
	prelim_text(d, today, out);
	sb_add(out, ", ");
	final_text(d, today, out);
}

void ppc_report_deadlines(const struct ppc_decision *d, struct date today,
                          struct strbuf *out)
{
	static const char *const verdict[] = {
		[PPC_NOT_CONCERNED] = N_("not concerned: no personal data was leaked, lost or damaged"),
		[PPC_MANDATORY] = N_("mandatory"),
		[PPC_VOLUNTARY] = N_("voluntary: none of 規則第7条 1-4号 applies"),
		[PPC_UNDETERMINED] = N_("undetermined"),
	};
	static const char *const tri[] = { N_("no"), N_("yes"), N_("unknown") };
	sb_addf(out, _("PPC report: %s"), _(verdict[d->verdict]));
	if (d->verdict == PPC_UNDETERMINED)
		sb_addf(out, _(" (answer: %s)"), d->missing);
	sb_addc(out, '\n');
	for (int i = 0; i < 4; i++)
		sb_addf(out, "  %s: %s — %s\n", clause_name[i], _(tri[d->clause[i].applies]),
		        d->clause[i].reason);
	if (*d->channel)
		sb_addf(out, _("  note: %s\n"), d->channel);
	if (!d->has_discovery) {
		sb_add(out, _("Deadlines: answer 1.発見年月日 (the day the incident was found)\n"));
		return;
	}
	char a[16];
	iso(d->discovery, a);
	sb_addf(out, _("Found (発覚日): %s\n"), a);
	sb_add(out, _("Preliminary report (速報): "));
	prelim_text(d, today, out);
	if (!d->prelim_done && !d->final_done) {
		iso(d->prelim_from, a);
		sb_addf(out, _(" — 3 to 5 days from the day found, from %s"), a);
	}
	sb_add(out, _("\nFinal report (確報): "));
	final_text(d, today, out);
	if (!d->final_done)
		sb_addf(out, _(" — %d days from the day found%s"), d->final_days,
		        d->final_days == 60 ? _(", as 3号 applies") : "");
	sb_addc(out, '\n');
}

bool ppc_overdue(const struct ppc_decision *d, struct date today)
{
	if (d->verdict != PPC_MANDATORY || !d->has_discovery)
		return false;
	if (!d->prelim_done && !d->final_done && date_cmp(today, d->prelim_to) > 0)
		return true;
	return !d->final_done && date_cmp(today, d->final_due) > 0;
}
