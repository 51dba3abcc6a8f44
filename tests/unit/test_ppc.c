/* The PPC decision (規則第7条 1〜4号) and the 速報/確報 deadlines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/ppc.h"

/* Answers as "id=value" strings: choices by option id, "box:id" ticks a
 * checkbox, "group:N:exact|atmost" adds a group of persons, "group:-"
 * one whose number is not known yet. */
static struct model *answers(const char *const *a)
{
	struct model *m = model_new();
	for (; *a; a++) {
		if (strncmp(*a, "box:", 4) == 0) {
			model_set_check(m, *a + 4, true, NULL);
		} else if (strncmp(*a, "group:", 6) == 0) {
			struct model *g = model_entry_add(m, "ppc.groups");
			if ((*a)[6] != '-') {
				char *end;
				model_set_number(g, "count", strtoll(*a + 6, &end, 10));
				model_set_text(g, "bound", Q_CHOICE, end + 1);
			}
		} else {
			const char *eq = strchr(*a, '=');
			char id[64];
			snprintf(id, sizeof id, "%.*s", (int)(eq - *a), *a);
			model_set_text(m, id, Q_CHOICE, eq + 1);
		}
	}
	return m;
}

struct dcase {
	const char *name;
	const char *a[12];
	const char want[5];     /* clauses 1-4: y n ? */
	enum ppc_verdict verdict;
	const char *reason;     /* in one of the reasons, or NULL */
};

#define NONE "ppc.sensitive=no", "ppc.financial=no", "ppc.unlawful=none"

static const struct dcase dcases[] = {
	{ "nothing answered", { NULL }, "????", PPC_UNDETERMINED, NULL },
	{ "sensitive alone decides", { "ppc.sensitive=yes", NULL }, "y???", PPC_MANDATORY,
	  "要配慮個人情報が含まれるため (1号)" },
	{ "all no, 10 persons", { NONE, "group:10:exact", NULL }, "nnnn", PPC_VOLUNTARY, NULL },
	{ "card numbers", { "box:ppc.fin.card", NULL }, "?y??", PPC_MANDATORY,
	  "クレジットカード番号(セキュリティコード又は有効期限付き)を含むため (2号)" },
	{ "card and bank", { "box:ppc.fin.card", "box:ppc.fin.bank", "ppc.financial=no", NULL },
	  "?y??", PPC_MANDATORY, "、インターネットバンキング等のID・パスワードを含むため (2号)" },
	{ "financial yes", { "ppc.financial=yes", NULL }, "?y??", PPC_MANDATORY,
	  "財産的被害が生じるおそれがあるため (2号)" },
	{ "unauthorised access", { "ppc.unlawful=access", NULL }, "??y?", PPC_MANDATORY,
	  "不正アクセスによるため (3号)" },
	{ "theft", { "ppc.unlawful=theft", NULL }, "??y?", PPC_MANDATORY, "盗難によるため (3号)" },
	{ "insider misuse, 10 persons", { "ppc.sensitive=no", "ppc.financial=no",
	  "ppc.unlawful=insider", "group:10:exact", NULL }, "nnyn", PPC_MANDATORY,
	  "従業者等による不正な持ち出しのおそれがあるため (3号)" },
	{ "web skimming", { "ppc.unlawful=skimming", NULL }, "??y?", PPC_MANDATORY, "ウェブスキミング" },
	{ "unlawful unknown", { "ppc.sensitive=no", "ppc.financial=no", "ppc.unlawful=unknown",
	  "group:5:exact", NULL }, "nn?n", PPC_UNDETERMINED, NULL },
	{ "from the IPA answers", { "damage.present=yes", NULL }, "??y?", PPC_MANDATORY,
	  "IPAへの届出のとおり不正アクセスの被害があり" },
	{ "IPA answer overridden", { "damage.present=yes", NONE, "group:3:exact", NULL },
	  "nnnn", PPC_VOLUNTARY, NULL },
	{ "exactly 1,000 is not over", { NONE, "group:1000:exact", NULL }, "nnnn", PPC_VOLUNTARY,
	  "本人の数が1,000人で1,000人を超えないため" },
	{ "1,001 is over", { NONE, "group:1001:exact", NULL }, "nnny", PPC_MANDATORY,
	  "本人の数が1,001人で1,000人を超えるため (4号)" },
	{ "groups add up", { NONE, "group:600:exact", "group:401:exact", NULL }, "nnny",
	  PPC_MANDATORY, "1,001人" },
	{ "at most 1,000", { NONE, "group:1000:atmost", NULL }, "nnnn", PPC_VOLUNTARY,
	  "本人の数が最大1,000人で1,000人を超えないため" },
	{ "at most 1,200", { NONE, "group:1200:atmost", NULL }, "nnny", PPC_MANDATORY,
	  "本人の数が最大1,200人で1,000人を超えるため (4号)" },
	{ "a group not counted yet", { NONE, "group:500:exact", "group:-", NULL }, "nnn?",
	  PPC_UNDETERMINED, NULL },
	{ "over 1,000 even with a group open", { NONE, "group:1500:exact", "group:-", NULL },
	  "nnny", PPC_MANDATORY, NULL },
	{ "encrypted sensitive data", { "ppc.sensitive=yes", "ppc.encrypted=yes", "ppc.financial=no",
	  "ppc.unlawful=none", "group:20:exact", NULL }, "nnnn", PPC_VOLUNTARY,
	  "高度な暗号化等の保護措置が講じられた個人データであるため" },
	{ "encrypted, many persons", { "ppc.encrypted=yes", "group:5000:exact", NULL }, "nnnn",
	  PPC_VOLUNTARY, NULL },
	{ "not encrypted sensitive", { "ppc.sensitive=yes", "ppc.encrypted=no", NULL }, "y???",
	  PPC_MANDATORY, NULL },
	{ "mis-sent e-mail, 51 addresses", { NONE, "group:51:exact", NULL }, "nnnn",
	  PPC_VOLUNTARY, "本人の数が51人" },
	{ "EC skimming case", { "ppc.sensitive=no", "box:ppc.fin.card", "ppc.unlawful=skimming",
	  "group:1200:atmost", NULL }, "nyyy", PPC_MANDATORY, NULL },
	{ "no personal data", { "ppc.involved=no", "ppc.sensitive=yes", NULL }, "y???",
	  PPC_NOT_CONCERNED, NULL },
};

START_TEST(decision_table)
{
	const struct dcase *c = &dcases[_i];
	struct model *m = answers(c->a);
	struct ppc_decision d;
	ppc_decide(m, &d);
	for (int k = 0; k < 4; k++) {
		char got = d.clause[k].applies == TRI_YES ? 'y' : d.clause[k].applies == TRI_NO ? 'n' : '?';
		ck_assert_msg(got == c->want[k], "%s: %d号 is %c, want %c (%s)", c->name, k + 1,
		              got, c->want[k], d.clause[k].reason);
	}
	ck_assert_msg(d.verdict == c->verdict, "%s: verdict %d, want %d", c->name,
	              d.verdict, c->verdict);
	if (c->reason) {
		bool found = false;
		for (int k = 0; k < 4; k++)
			found |= strstr(d.clause[k].reason, c->reason) != NULL;
		ck_assert_msg(found, "%s: no reason says \"%s\"", c->name, c->reason);
	}
	if (d.verdict == PPC_UNDETERMINED)
		ck_assert_msg(*d.missing, "%s: undetermined without saying what to answer", c->name);
	model_free(&m);
}
END_TEST

START_TEST(undetermined_names_the_questions)
{
	const char *a[] = { "ppc.financial=no", "ppc.unlawful=none", NULL };
	struct model *m = answers(a);
	struct ppc_decision d;
	ppc_decide(m, &d);
	ck_assert_int_eq(d.verdict, PPC_UNDETERMINED);
	ck_assert_str_eq(d.missing, "要配慮個人情報、本人の数");
	model_free(&m);
}
END_TEST

START_TEST(other_channels_are_flagged)
{
	const char *a[] = { "ppc.mynumber=yes", "ppc.sensitive=yes", NULL };
	struct model *m = answers(a);
	struct ppc_decision d;
	ppc_decide(m, &d);
	ck_assert_ptr_nonnull(strstr(d.channel, "番号法"));
	ck_assert_int_eq(d.verdict, PPC_MANDATORY);
	model_free(&m);
	const char *b[] = { "ppc.public=yes", NULL };
	m = answers(b);
	ppc_decide(m, &d);
	ck_assert_ptr_nonnull(strstr(d.channel, "法第68条"));
	model_free(&m);
	const char *c[] = { "ppc.public=no", "ppc.mynumber=no", NULL };
	m = answers(c);
	ppc_decide(m, &d);
	ck_assert_str_eq(d.channel, "");
	model_free(&m);
}
END_TEST

/* Deadlines from the day found: 速報 3〜5 days, 確報 30 or (3号) 60. */
struct dl {
	struct date found;
	bool unlawful;
	struct date from, to, final;
};

static const struct dl dls[] = {
	{ { 2024, 2, 26 }, false, { 2024, 2, 29 }, { 2024, 3, 2 }, { 2024, 3, 27 } },
	{ { 2024, 2, 26 }, true, { 2024, 2, 29 }, { 2024, 3, 2 }, { 2024, 4, 26 } },
	{ { 2024, 1, 31 }, false, { 2024, 2, 3 }, { 2024, 2, 5 }, { 2024, 3, 1 } },
	{ { 2024, 1, 31 }, true, { 2024, 2, 3 }, { 2024, 2, 5 }, { 2024, 3, 31 } },
	{ { 2023, 1, 31 }, false, { 2023, 2, 3 }, { 2023, 2, 5 }, { 2023, 3, 2 } },
	{ { 2023, 2, 26 }, false, { 2023, 3, 1 }, { 2023, 3, 3 }, { 2023, 3, 28 } },
	{ { 2023, 12, 30 }, false, { 2024, 1, 2 }, { 2024, 1, 4 }, { 2024, 1, 29 } },
	{ { 2023, 12, 30 }, true, { 2024, 1, 2 }, { 2024, 1, 4 }, { 2024, 2, 28 } },
	{ { 2024, 12, 28 }, false, { 2024, 12, 31 }, { 2025, 1, 2 }, { 2025, 1, 27 } },
	{ { 2024, 4, 30 }, false, { 2024, 5, 3 }, { 2024, 5, 5 }, { 2024, 5, 30 } },
};

START_TEST(deadline_dates)
{
	const struct dl *c = &dls[_i];
	struct model *m = model_new();
	model_set_date(m, "discovery.date", c->found);
	if (c->unlawful)
		model_set_text(m, "ppc.unlawful", Q_CHOICE, "access");
	struct ppc_decision d;
	ppc_decide(m, &d);
	ck_assert(d.has_discovery);
	ck_assert_msg(date_cmp(d.prelim_from, c->from) == 0 && date_cmp(d.prelim_to, c->to) == 0 &&
	              date_cmp(d.final_due, c->final) == 0,
	              "case %d: %d-%d-%d..%d-%d-%d final %d-%d-%d", _i, d.prelim_from.y,
	              d.prelim_from.m, d.prelim_from.d, d.prelim_to.y, d.prelim_to.m,
	              d.prelim_to.d, d.final_due.y, d.final_due.m, d.final_due.d);
	ck_assert_int_eq(d.final_days, c->unlawful ? 60 : 30);
	model_free(&m);
}
END_TEST

static void status_at(const struct model *m, struct date today, char *buf, size_t size)
{
	struct ppc_decision d;
	struct strbuf sb;
	ppc_decide(m, &d);
	sb_init(&sb);
	ppc_status(&d, today, &sb);
	snprintf(buf, size, "%s", sb.buf);
	sb_release(&sb);
}

START_TEST(status_and_overdue)
{
	struct model *m = model_new();
	char s[512];
	struct ppc_decision d;
	model_set_date(m, "discovery.date", (struct date){ 2024, 2, 26 });
	model_set_text(m, "ppc.sensitive", Q_CHOICE, "yes");

	status_at(m, (struct date){ 2024, 2, 27 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC report due: preliminary by 2024-03-02 (4 days left), "
	                    "final by 2024-03-27 (29 days left)");
	status_at(m, (struct date){ 2024, 3, 2 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC report due: preliminary by 2024-03-02 (due today), "
	                    "final by 2024-03-27 (25 days left)");
	ppc_decide(m, &d);
	ck_assert(!ppc_overdue(&d, (struct date){ 2024, 3, 2 }));
	ck_assert(ppc_overdue(&d, (struct date){ 2024, 3, 3 }));
	status_at(m, (struct date){ 2024, 3, 4 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC report due: preliminary by 2024-03-02 (2 days late), "
	                    "final by 2024-03-27 (23 days left)");

	/* A 速報 recorded: only the 確報 can be late now. */
	model_set_date(m, "ppc.prelim.date", (struct date){ 2024, 3, 1 });
	ppc_decide(m, &d);
	ck_assert(!ppc_overdue(&d, (struct date){ 2024, 3, 27 }));
	ck_assert(ppc_overdue(&d, (struct date){ 2024, 3, 28 }));
	status_at(m, (struct date){ 2024, 3, 28 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC report due: preliminary sent 2024-03-01, "
	                    "final by 2024-03-27 (1 day late)");
	model_set_date(m, "ppc.final.date", (struct date){ 2024, 3, 20 });
	ppc_decide(m, &d);
	ck_assert(!ppc_overdue(&d, (struct date){ 2025, 1, 1 }));

	/* Voluntary reports have no deadline to miss. */
	model_set_text(m, "ppc.sensitive", Q_CHOICE, "no");
	model_set_text(m, "ppc.financial", Q_CHOICE, "no");
	model_set_text(m, "ppc.unlawful", Q_CHOICE, "none");
	struct model *g = model_entry_add(m, "ppc.groups");
	model_set_number(g, "count", 3);
	model_unset(m, "ppc.prelim.date");
	model_unset(m, "ppc.final.date");
	ppc_decide(m, &d);
	ck_assert_int_eq(d.verdict, PPC_VOLUNTARY);
	ck_assert(!ppc_overdue(&d, (struct date){ 2025, 1, 1 }));
	status_at(m, (struct date){ 2024, 3, 1 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: report voluntary");
	model_free(&m);
}
END_TEST

START_TEST(appendix_text)
{
	const char *a[] = { "ppc.sensitive=no", "box:ppc.fin.card", "ppc.unlawful=skimming",
	                    "group:1200:atmost", "group:30:exact", NULL };
	struct model *m = answers(a);
	model_set_date(m, "discovery.date", (struct date){ 2023, 12, 30 });
	struct ppc_decision d;
	struct strbuf sb;
	ppc_decide(m, &d);
	sb_init(&sb);
	ppc_appendix(&d, &sb);
	ck_assert_str_eq(sb.buf,
		"\n【付録】報告義務の判定と期限(todokeによる参考)\n"
		"判定: 報告義務あり(規則第7条 第2号・第3号・第4号)\n"
		"  第1号 要配慮個人情報: 該当しない ― 要配慮個人情報は含まれないため\n"
		"  第2号 財産的被害のおそれ: 該当 ― クレジットカード番号(セキュリティコード又は有効期限付き)を含むため (2号)\n"
		"  第3号 不正の目的: 該当 ― ウェブスキミング等、不正の目的をもって行われたおそれがあるため (3号)\n"
		"  第4号 1,000人超: 該当 ― 本人の数が最大1,230人で1,000人を超えるため (4号)\n"
		"本人の数(合計): 最大1,230人\n"
		"発覚日: 2023年12月30日\n"
		"速報の期限: 2024年1月2日〜2024年1月4日(発覚日から3〜5日)\n"
		"確報の期限: 2024年2月28日(発覚日から60日。第3号に該当するため)\n");
	sb_release(&sb);
	model_free(&m);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("ppc");
	TCase *tc = tcase_create("decision");
	tcase_add_loop_test(tc, decision_table, 0, (int)(sizeof dcases / sizeof dcases[0]));
	tcase_add_test(tc, undetermined_names_the_questions);
	tcase_add_test(tc, other_channels_are_flagged);
	suite_add_tcase(s, tc);
	TCase *dl = tcase_create("deadlines");
	tcase_add_loop_test(dl, deadline_dates, 0, (int)(sizeof dls / sizeof dls[0]));
	tcase_add_test(dl, status_and_overdue);
	tcase_add_test(dl, appendix_text);
	suite_add_tcase(s, dl);
	return s;
}
