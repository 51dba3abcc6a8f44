/* The PPC decision (規則第7条 1〜4号, 行政機関等 規則第43条), the dates in
 * force, and the 速報/確報 deadlines with the closed days that move them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/ppc.h"
#include "todoke/utf8.h"

/* Answers as "id=value" strings: choices by option id, "box:id" ticks a
 * checkbox, "group:N:exact|atmost|approx" adds a group of persons,
 * "group:-" one whose number is not known yet, "date:id=YYYY-MM-DD" a
 * date, "-id" removes an answer.  Unless a case says otherwise, the
 * business learned of it on 2024-05-01, personal data is involved and the
 * reporter is a private business. */
static struct model *answers(const char *const *a)
{
	struct model *m = model_new();
	model_set_date(m, "discovery.date", (struct date){ 2024, 5, 1 });
	model_set_text(m, "ppc.involved", Q_CHOICE, "yes");
	model_set_text(m, "ppc.public", Q_CHOICE, "no");
	for (; *a; a++) {
		if (strncmp(*a, "box:", 4) == 0) {
			model_set_check(m, *a + 4, true, NULL);
		} else if (**a == '-') {
			model_unset(m, *a + 1);
		} else if (strncmp(*a, "group:", 6) == 0) {
			struct model *g = model_entry_add(m, "ppc.groups");
			if ((*a)[6] != '-') {
				char *end;
				model_set_number(g, "count", strtoll(*a + 6, &end, 10));
				model_set_text(g, "bound", Q_CHOICE, end + 1);
			}
		} else {
			bool date = strncmp(*a, "date:", 5) == 0;
			const char *s = *a + (date ? 5 : 0);
			const char *eq = strchr(s, '=');
			char id[64];
			snprintf(id, sizeof id, "%.*s", (int)(eq - s), s);
			if (date) {
				struct date d;
				ck_assert(date_parse(eq + 1, &d, NULL));
				model_unset(m, id);
				model_set_date(m, id, d);
			} else {
				model_unset(m, id);
				model_set_text(m, id, Q_CHOICE, eq + 1);
			}
		}
	}
	return m;
}

struct dcase {
	const char *name;
	const char *a[12];
	const char want[5];     /* clauses 1-4: y n ? */
	enum ppc_verdict verdict;
	const char *reason;     /* in one of the reasons (or, undetermined, in
	                           what to answer), or NULL */
};

#define NONE "ppc.sensitive=no", "ppc.financial=no", "ppc.unlawful=none"
#define GOV "ppc.public=yes"

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
	  "group:5:exact", NULL }, "nn?n", PPC_UNDETERMINED, "不正の目的" },
	/* IPA's 被害有り suggests 3号, never decides it. */
	{ "IPA damage alone", { "damage.present=yes", "ppc.sensitive=no", "ppc.financial=no",
	  "group:3:exact", NULL }, "nn?n", PPC_UNDETERMINED, "不正の目的をもって行われたおそれ" },
	{ "IPA answer overridden", { "damage.present=yes", NONE, "group:3:exact", NULL },
	  "nnnn", PPC_VOLUNTARY, NULL },
	/* 4号: more than 1,000; 約N and 最大N by their upper bound. */
	{ "exactly 1,000 is not over", { NONE, "group:1000:exact", NULL }, "nnnn", PPC_VOLUNTARY,
	  "本人の数が1,000人で1,000人を超えないため" },
	{ "1,001 is over", { NONE, "group:1001:exact", NULL }, "nnny", PPC_MANDATORY,
	  "本人の数が1,001人で1,000人を超えるため (4号)" },
	{ "groups add up", { NONE, "group:600:exact", "group:401:exact", NULL }, "nnny",
	  PPC_MANDATORY, "1,001人" },
	{ "at most 1,000", { NONE, "group:1000:atmost", NULL }, "nnnn", PPC_VOLUNTARY,
	  "本人の数が最大1,000人で1,000人を超えないため" },
	{ "at most 1,001", { NONE, "group:1001:atmost", NULL }, "nnny", PPC_MANDATORY,
	  "本人の数が最大1,001人で1,000人を超えるため (4号)" },
	{ "about 1,000 is no count", { NONE, "group:1000:approx", NULL }, "nnn?", PPC_UNDETERMINED,
	  "本人の数(確定した数か最大の数。1,000人前後のため)" },
	{ "about 900, 10 % under", { NONE, "group:900:approx", NULL }, "nnn?", PPC_UNDETERMINED,
	  "本人の数(確定" },
	{ "about 899", { NONE, "group:899:approx", NULL }, "nnnn", PPC_VOLUNTARY,
	  "本人の数が約899人で1,000人を超えないため" },
	{ "about 1,100, 10 % over", { NONE, "group:1100:approx", NULL }, "nnn?", PPC_UNDETERMINED,
	  "1,000人前後" },
	{ "about 1,101", { NONE, "group:1101:approx", NULL }, "nnny", PPC_MANDATORY,
	  "本人の数が約1,101人で1,000人を超えるため (4号)" },
	{ "about and exact add up", { NONE, "group:1000:approx", "group:500:exact", NULL }, "nnny",
	  PPC_MANDATORY, "約1,500人" },
	{ "a group not counted yet", { NONE, "group:500:exact", "group:-", NULL }, "nnn?",
	  PPC_UNDETERMINED, "本人の数" },
	{ "over 1,000 even with a group open", { NONE, "group:1500:exact", "group:-", NULL },
	  "nnny", PPC_MANDATORY, NULL },
	/* 行政機関等: more than 100 (規則第43条第4号). */
	{ "public body, exactly 100", { GOV, NONE, "group:100:exact", NULL }, "nnnn", PPC_VOLUNTARY,
	  "本人の数が100人で100人を超えないため" },
	{ "public body, 101", { GOV, NONE, "group:101:exact", NULL }, "nnny", PPC_MANDATORY,
	  "本人の数が101人で100人を超えるため (4号)" },
	{ "public body, about 105", { GOV, NONE, "group:105:approx", NULL }, "nnn?",
	  PPC_UNDETERMINED, "100人前後" },
	{ "public body, about 111", { GOV, NONE, "group:111:approx", NULL }, "nnny", PPC_MANDATORY,
	  NULL },
	{ "private, 101", { NONE, "group:101:exact", NULL }, "nnnn", PPC_VOLUNTARY, NULL },
	/* 地方公共団体等 from 2023-04-01. */
	{ "local body on 2023-04-01", { "ppc.public=local", NONE, "group:101:exact",
	  "date:discovery.date=2023-04-01", NULL }, "nnny", PPC_MANDATORY, NULL },
	{ "local body on 2023-03-31", { "ppc.public=local", NONE, "group:101:exact",
	  "date:discovery.date=2023-03-31", NULL }, "nnny", PPC_NOT_IN_FORCE, NULL },
	{ "private on 2023-03-31", { NONE, "group:1001:exact",
	  "date:discovery.date=2023-03-31", NULL }, "nnny", PPC_MANDATORY, NULL },
	/* The kind of organisation is asked when it decides. */
	{ "kind unknown, 500 persons", { "-ppc.public", NONE, "group:500:exact", NULL }, "nnnn",
	  PPC_UNDETERMINED, "報告する組織の種類" },
	{ "kind unknown, 5,000 persons", { "-ppc.public", NONE, "group:5000:exact", NULL }, "nnny",
	  PPC_MANDATORY, NULL },
	{ "kind unknown, 50 persons", { "-ppc.public", NONE, "group:50:exact", NULL }, "nnnn",
	  PPC_VOLUNTARY, NULL },
	{ "kind unknown, mandatory either way", { "-ppc.public", "ppc.unlawful=access",
	  "group:1000:approx", NULL }, "??y?", PPC_MANDATORY, NULL },
	{ "kind unknown, local body's day in force", { "-ppc.public", "ppc.sensitive=yes",
	  "date:discovery.date=2023-03-31", NULL }, "y???", PPC_UNDETERMINED, "報告する組織の種類" },
	{ "before 2022: threshold still named", { NONE, "group:1001:exact",
	  "date:discovery.date=2022-03-31", NULL }, "nnny", PPC_NOT_IN_FORCE,
	  "1,000人を超える" },
	/* In force from 2022-04-01. */
	{ "known 2022-03-31", { "ppc.sensitive=yes", "date:discovery.date=2022-03-31", NULL },
	  "y???", PPC_NOT_IN_FORCE, NULL },
	{ "known 2022-04-01", { "ppc.sensitive=yes", "date:discovery.date=2022-04-01", NULL },
	  "y???", PPC_MANDATORY, NULL },
	{ "no date: undetermined", { "ppc.sensitive=yes", "-discovery.date", NULL }, "y???",
	  PPC_UNDETERMINED, "発覚日(事態を知った日)" },
	/* Skimmed before the business had it: 3号 from 2024-04-01 only. */
	{ "skimmed, not yet acquired, 2024-03-31", { "ppc.unlawful=skimming", "ppc.acquire=acquiring",
	  "box:ppc.fin.card", "group:5000:exact", "date:discovery.date=2024-03-31", NULL }, "nnnn",
	  PPC_VOLUNTARY, "2024-04-01より前に知った事態では個人データに当たらない" },
	{ "skimmed, not yet acquired, 2024-04-01", { "ppc.unlawful=skimming",
	  "ppc.acquire=acquiring", "ppc.sensitive=no", "ppc.financial=no", "group:10:exact",
	  "date:discovery.date=2024-04-01", NULL }, "nnyn", PPC_MANDATORY, "取得しようとしていた" },
	{ "skimmed data held, 2024-03-31", { "ppc.unlawful=skimming", "ppc.acquire=held",
	  "date:discovery.date=2024-03-31", NULL }, "??y?", PPC_MANDATORY, NULL },
	{ "skimmed, which unknown, 2024-03-31", { "ppc.unlawful=skimming", "box:ppc.fin.card",
	  "date:discovery.date=2024-03-31", NULL }, "????", PPC_UNDETERMINED,
	  "抜き取られたのは保存していた個人データか" },
	{ "skimmed, which unknown, 2024-04-01", { "ppc.unlawful=skimming",
	  "date:discovery.date=2024-04-01", NULL }, "??y?", PPC_MANDATORY, NULL },
	/* Encryption keeps every item out. */
	{ "encrypted sensitive data", { "ppc.sensitive=yes", "ppc.encrypted=yes", "ppc.financial=no",
	  "ppc.unlawful=none", "group:20:exact", NULL }, "nnnn", PPC_VOLUNTARY,
	  "高度な暗号化等の保護措置が講じられた個人データであるため" },
	{ "encrypted, many persons", { "ppc.encrypted=yes", "group:5000:exact", NULL }, "nnnn",
	  PPC_VOLUNTARY, NULL },
	{ "encrypted, unlawful access", { "ppc.encrypted=yes", "ppc.unlawful=access", GOV, NULL },
	  "nnnn", PPC_VOLUNTARY, NULL },
	{ "not encrypted sensitive", { "ppc.sensitive=yes", "ppc.encrypted=no", NULL }, "y???",
	  PPC_MANDATORY, NULL },
	{ "mis-sent e-mail, 51 addresses", { NONE, "group:51:exact", NULL }, "nnnn",
	  PPC_VOLUNTARY, "本人の数が51人" },
	{ "EC skimming case", { "ppc.sensitive=no", "box:ppc.fin.card", "ppc.unlawful=skimming",
	  "group:1200:atmost", NULL }, "nyyy", PPC_MANDATORY, NULL },
	/* No personal data: no item, whatever the IPA answers say. */
	{ "no personal data", { "ppc.involved=no", "ppc.sensitive=yes", "damage.present=yes",
	  "ppc.unlawful=access", "group:5000:exact", NULL }, "nnnn", PPC_NOT_CONCERNED, NULL },
	{ "personal data unknown", { "ppc.involved=unknown", "ppc.sensitive=yes", NULL }, "y???",
	  PPC_UNDETERMINED, "個人データの漏えい等" },
	{ "personal data unanswered", { "-ppc.involved", "ppc.unlawful=access", NULL }, "??y?",
	  PPC_UNDETERMINED, "個人データの漏えい等" },
	/* 委託先 (規則第9条). */
	{ "entrustee that notified", { "ppc.unlawful=access", "ppc.onbehalf=yes",
	  "ppc.onbehalf.notified=yes", NULL }, "??y?", PPC_ENTRUSTED, NULL },
	{ "entrustee not yet notified", { "ppc.unlawful=access", "ppc.onbehalf=yes", NULL }, "??y?",
	  PPC_MANDATORY, NULL },
};

static bool in_reasons(const struct ppc_decision *d, const char *text)
{
	bool found = strstr(d->missing, text) != NULL;
	for (int k = 0; k < 4; k++)
		found |= strstr(d->clause[k].reason, text) != NULL;
	return found;
}

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
	ck_assert_msg(d.verdict == c->verdict, "%s: verdict %d, want %d (missing: %s)", c->name,
	              d.verdict, c->verdict, d.missing);
	if (c->reason)
		ck_assert_msg(in_reasons(&d, c->reason), "%s: no reason says \"%s\"", c->name, c->reason);
	if (d.verdict == PPC_UNDETERMINED)
		ck_assert_msg(*d.missing, "%s: undetermined without saying what to answer", c->name);
	else
		ck_assert_msg(!*d.missing, "%s: asks for %s", c->name, d.missing);
	/* Dates only where a report may be due. */
	ck_assert_msg(d.dated == ((d.verdict == PPC_MANDATORY || d.verdict == PPC_UNDETERMINED) &&
	                          d.has_discovery), "%s: dated %d", c->name, d.dated);
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
	/* Personal data decides first. */
	const char *b[] = { "-ppc.involved", "ppc.financial=no", "ppc.unlawful=none", NULL };
	m = answers(b);
	ppc_decide(m, &d);
	ck_assert_str_eq(d.missing, "個人データの漏えい等、要配慮個人情報、本人の数");
	ck_assert_str_eq(ppc_first_missing(&d), "ppc.involved");
	model_free(&m);
	const char *c[] = { "ppc.unlawful=skimming", "date:discovery.date=2024-03-31", NULL };
	m = answers(c);
	ppc_decide(m, &d);
	ck_assert_str_eq(ppc_first_missing(&d), "ppc.sensitive");
	model_free(&m);
	const char *g[] = { "-ppc.public", "ppc.sensitive=yes", "date:discovery.date=2023-03-31", NULL };
	m = answers(g);
	ppc_decide(m, &d);
	ck_assert_str_eq(ppc_first_missing(&d), "ppc.public");
	model_free(&m);
	const char *e[] = { "ppc.unlawful=skimming", "ppc.sensitive=no", "ppc.financial=no",
	                    "group:5:exact", "date:discovery.date=2024-03-31", NULL };
	m = answers(e);
	ppc_decide(m, &d);
	ck_assert_str_eq(d.missing, "抜き取られたのは保存していた個人データか");
	ck_assert_str_eq(ppc_first_missing(&d), "ppc.acquire");
	model_free(&m);
}
END_TEST

START_TEST(other_channels_are_flagged)
{
	const char *a[] = { "ppc.mynumber=yes", "ppc.sensitive=yes", NULL };
	struct model *m = answers(a);
	struct ppc_decision d;
	ppc_decide(m, &d);
	ck_assert_ptr_nonnull(strstr(d.channel, "番号法第29条の4"));
	ck_assert_int_eq(d.verdict, PPC_MANDATORY);
	model_free(&m);
	const char *b[] = { GOV, NULL };
	m = answers(b);
	ppc_decide(m, &d);
	ck_assert_ptr_nonnull(strstr(d.channel, "法第68条"));
	ck_assert_ptr_nonnull(strstr(d.channel, "報告先は個人情報保護委員会"));
	ck_assert_int_eq(d.article, 43);
	model_free(&m);
	const char *c[] = { "ppc.delegated=yes", "ppc.unlawful=access", NULL };
	m = answers(c);
	ppc_decide(m, &d);
	ck_assert_ptr_nonnull(strstr(d.channel, "事業所管大臣に委任"));
	ck_assert_ptr_nonnull(strstr(d.channel, "法第150条"));
	model_free(&m);
	const char *e[] = { "ppc.delegated=unknown", NULL };
	m = answers(e);
	ppc_decide(m, &d);
	ck_assert_ptr_nonnull(strstr(d.channel, "報告先を確認"));
	model_free(&m);
	const char *f[] = { "ppc.public=no", "ppc.mynumber=no", "ppc.delegated=no", NULL };
	m = answers(f);
	ppc_decide(m, &d);
	ck_assert_str_eq(d.channel, "");
	ck_assert_int_eq(d.article, 7);
	model_free(&m);
}
END_TEST

START_TEST(entrustee_is_told)
{
	const char *a[] = { "ppc.unlawful=access", "ppc.onbehalf=yes", "ppc.onbehalf.notified=yes", NULL };
	struct model *m = answers(a);
	struct ppc_decision d;
	ppc_decide(m, &d);
	ck_assert_int_eq(d.verdict, PPC_ENTRUSTED);
	ck_assert_ptr_nonnull(strstr(d.entrust, "規則第9条"));
	ck_assert_ptr_nonnull(strstr(d.entrust, "法第26条第2項"));
	ck_assert(!d.dated);
	ck_assert(!ppc_overdue(&d, (struct date){ 2030, 1, 1 }));
	model_free(&m);
	const char *b[] = { "ppc.unlawful=access", "ppc.onbehalf=yes", NULL };
	m = answers(b);
	ppc_decide(m, &d);
	ck_assert_int_eq(d.verdict, PPC_MANDATORY);
	ck_assert_ptr_nonnull(strstr(d.entrust, "委託元に速やかに"));
	model_free(&m);
}
END_TEST

START_TEST(before_the_law_says_what_applied)
{
	const char *a[] = { "ppc.unlawful=access", "group:5000:exact",
	                    "date:discovery.date=2022-03-31", NULL };
	struct model *m = answers(a);
	struct ppc_decision d;
	ppc_decide(m, &d);
	ck_assert_int_eq(d.verdict, PPC_NOT_IN_FORCE);
	ck_assert_ptr_nonnull(strstr(d.regime, "努力義務"));
	ck_assert_ptr_nonnull(strstr(d.regime, "2022-03-31"));
	ck_assert(!d.dated);
	ck_assert(!ppc_overdue(&d, (struct date){ 2030, 1, 1 }));
	model_free(&m);
	const char *b[] = { "ppc.public=local", "ppc.unlawful=access",
	                    "date:discovery.date=2023-03-31", NULL };
	m = answers(b);
	ppc_decide(m, &d);
	ck_assert_int_eq(d.verdict, PPC_NOT_IN_FORCE);
	ck_assert_ptr_nonnull(strstr(d.regime, "条例"));
	model_free(&m);
}
END_TEST

/* A long 「その他」 of 2号 with the proviso of 2024-04-01 added: cut on a
 * character, never in one. */
START_TEST(long_reason_cut_on_a_character)
{
	const char *a[] = { "ppc.unlawful=skimming", "date:discovery.date=2024-03-31", NULL };
	struct model *m = answers(a);
	char text[2000] = "";
	for (int i = 0; i < 150; i++)
		strcat(text, "口座");
	model_set_check(m, "ppc.fin.other", true, text);
	struct ppc_decision d;
	ppc_decide(m, &d);
	size_t bad;
	ck_assert_int_eq(d.clause[1].applies, TRI_UNKNOWN);
	ck_assert(utf8_valid(d.clause[1].reason, strlen(d.clause[1].reason), &bad));
	ck_assert_ptr_nonnull(strstr(d.clause[1].reason, "。ただし2024-04-01より前は"));
	model_free(&m);
}
END_TEST

START_TEST(rules_are_dated)
{
	ck_assert_int_eq(ppc_rule(PR_DUTY, (struct date){ 2022, 3, 31 }), 0);
	ck_assert_int_eq(ppc_rule(PR_DUTY, (struct date){ 2022, 4, 1 }), 1);
	ck_assert_int_eq(ppc_rule(PR_LOCAL_GOV, (struct date){ 2023, 3, 31 }), 0);
	ck_assert_int_eq(ppc_rule(PR_LOCAL_GOV, (struct date){ 2023, 4, 1 }), 1);
	ck_assert_int_eq(ppc_rule(PR_ACQUIRING, (struct date){ 2024, 3, 31 }), 0);
	ck_assert_int_eq(ppc_rule(PR_ACQUIRING, (struct date){ 2024, 4, 1 }), 1);
	ck_assert_int_eq(ppc_rule(PR_PERSONS, (struct date){ 2030, 1, 1 }), 1000);
	ck_assert_int_eq(ppc_rule(PR_PERSONS_PUBLIC, (struct date){ 2030, 1, 1 }), 100);
	ck_assert_int_eq(ppc_rule(PR_FINAL_DAYS, (struct date){ 2022, 4, 1 }), 30);
	ck_assert_int_eq(ppc_rule(PR_FINAL_DAYS_3, (struct date){ 2022, 4, 1 }), 60);
	ck_assert_int_eq(ppc_rule(PR_PRELIM_DAYS, (struct date){ 2022, 4, 1 }), 5);
	struct date since = ppc_rule_since(PR_ACQUIRING);
	ck_assert(since.y == 2024 && since.m == 4 && since.d == 1);
	ck_assert_ptr_nonnull(strstr(ppc_rule_source(PR_PERSONS_PUBLIC), "規則第43条"));
	for (int r = 0; r < PR_COUNT; r++)
		ck_assert_msg(ppc_rule_since((enum ppc_rule)r).y >= 2022, "rule %d has no row", r);
}
END_TEST

/* Deadlines from 知った日, that day not counted: 速報's 目安 + 5 days,
 * never moved; 確報 + 30 or (3号) + 60, moved off closed days. */
struct dl {
	struct date found;
	bool unlawful;
	struct date prelim, final;
	const char *why;
};

static const struct dl dls[] = {
	/* The three: スポーツの日, a Sunday, 年末年始. */
	{ { 2022, 8, 11 }, true, { 2022, 8, 16 }, { 2022, 10, 11 },
	  "60日目の10-10がスポーツの日のため翌日" },
	{ { 2023, 12, 15 }, false, { 2023, 12, 20 }, { 2024, 1, 15 },
	  "30日目の01-14が日曜日のため翌日" },
	{ { 2022, 11, 30 }, false, { 2022, 12, 5 }, { 2023, 1, 4 },
	  "30日目の12-30が年末年始のため次の開庁日" },
	/* Over 2024-02-29. */
	{ { 2024, 1, 30 }, false, { 2024, 2, 4 }, { 2024, 2, 29 }, "知った日から30日" },
	{ { 2024, 2, 26 }, false, { 2024, 3, 2 }, { 2024, 3, 27 }, "知った日から30日" },
	{ { 2024, 2, 26 }, true, { 2024, 3, 2 }, { 2024, 4, 26 },
	  "知った日から60日、第3号に該当するため" },
	/* Month ends. */
	{ { 2024, 1, 31 }, false, { 2024, 2, 5 }, { 2024, 3, 1 }, "知った日から30日" },
	{ { 2024, 1, 31 }, true, { 2024, 2, 5 }, { 2024, 4, 1 },
	  "60日目の03-31が日曜日のため翌日" },
	{ { 2023, 1, 31 }, false, { 2023, 2, 5 }, { 2023, 3, 2 }, "知った日から30日" },
	/* Year ends: the 目安 stays on a closed day. */
	{ { 2023, 12, 30 }, false, { 2024, 1, 4 }, { 2024, 1, 29 }, "知った日から30日" },
	{ { 2023, 12, 30 }, true, { 2024, 1, 4 }, { 2024, 2, 28 },
	  "知った日から60日、第3号に該当するため" },
	{ { 2024, 12, 28 }, false, { 2025, 1, 2 }, { 2025, 1, 27 }, "知った日から30日" },
	{ { 2024, 11, 29 }, false, { 2024, 12, 4 }, { 2025, 1, 6 },
	  "30日目の12-29が年末年始のため次の開庁日" },
	/* Holidays: ゴールデンウィーク, a 振替休日, a Saturday. */
	{ { 2024, 4, 30 }, false, { 2024, 5, 5 }, { 2024, 5, 30 }, "知った日から30日" },
	{ { 2024, 4, 6 }, false, { 2024, 4, 11 }, { 2024, 5, 7 },
	  "30日目の05-06が振替休日のため翌日" },
	{ { 2024, 4, 3 }, false, { 2024, 4, 8 }, { 2024, 5, 7 },
	  "30日目の05-03が憲法記念日のため次の開庁日" },
	{ { 2024, 5, 2 }, false, { 2024, 5, 7 }, { 2024, 6, 3 },
	  "30日目の06-01が土曜日のため次の開庁日" },
	/* 春分・秋分 past the last announced year (2027) are only 予定. */
	{ { 2027, 8, 24 }, false, { 2027, 8, 29 }, { 2027, 9, 24 },
	  "30日目の09-23が秋分の日のため翌日" },
	{ { 2028, 2, 19 }, false, { 2028, 2, 24 }, { 2028, 3, 21 },
	  "30日目の03-20が春分の日のため翌日、祝日は予定" },
	{ { 2028, 7, 24 }, true, { 2028, 7, 29 }, { 2028, 9, 25 },
	  "60日目の09-22が秋分の日のため次の開庁日、祝日は予定" },
};

START_TEST(deadline_dates)
{
	const struct dl *c = &dls[_i];
	const char *a[] = { c->unlawful ? "ppc.unlawful=access" : "ppc.sensitive=yes", NULL };
	struct model *m = answers(a);
	model_unset(m, "discovery.date");
	model_set_date(m, "discovery.date", c->found);
	struct ppc_decision d;
	ppc_decide(m, &d);
	ck_assert_int_eq(d.verdict, PPC_MANDATORY);
	ck_assert(d.dated);
	ck_assert_msg(date_cmp(d.prelim_by, c->prelim) == 0 && date_cmp(d.final.date, c->final) == 0,
	              "case %d: 速報 %d-%d-%d, 確報 %d-%d-%d (%s)", _i, d.prelim_by.y, d.prelim_by.m,
	              d.prelim_by.d, d.final.date.y, d.final.date.m, d.final.date.d, d.final.why);
	ck_assert_str_eq(d.final.why, c->why);
	ck_assert(d.predicted == (strstr(c->why, "予定") != NULL));
	ck_assert_int_eq(d.final_days, c->unlawful ? 60 : 30);
	ck_assert_str_eq(d.calendar_error, "");
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
	const char *a[] = { "ppc.sensitive=yes", "date:discovery.date=2024-02-26", NULL };
	struct model *m = answers(a);
	char s[512];
	struct ppc_decision d;

	status_at(m, (struct date){ 2024, 2, 27 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: preliminary 2024-03-02 (4 days left), "
	                    "final 2024-03-27 (29 days left)");
	status_at(m, (struct date){ 2024, 3, 2 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: preliminary 2024-03-02 (due today), "
	                    "final 2024-03-27 (25 days left)");
	ppc_decide(m, &d);
	ck_assert(!ppc_overdue(&d, (struct date){ 2024, 3, 2 }));
	ck_assert(ppc_overdue(&d, (struct date){ 2024, 3, 3 }));
	status_at(m, (struct date){ 2024, 3, 4 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: preliminary 2024-03-02 (2 days late), "
	                    "final 2024-03-27 (23 days left)");

	/* A 速報 on its 目安: only the 確報 can be late now. */
	model_set_date(m, "ppc.prelim.date", (struct date){ 2024, 3, 2 });
	ppc_decide(m, &d);
	ck_assert(!d.prelim_late && !ppc_late(&d));
	ck_assert(!ppc_overdue(&d, (struct date){ 2024, 3, 27 }));
	ck_assert(ppc_overdue(&d, (struct date){ 2024, 3, 28 }));
	status_at(m, (struct date){ 2024, 3, 28 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: preliminary sent 2024-03-02, "
	                    "final 2024-03-27 (1 day late)");
	/* A 確報 on its due date is on time. */
	model_set_date(m, "ppc.final.date", (struct date){ 2024, 3, 27 });
	ppc_decide(m, &d);
	ck_assert(!ppc_overdue(&d, (struct date){ 2025, 1, 1 }));
	ck_assert(!ppc_late(&d));

	/* One day later each: both flagged, and said. */
	model_unset(m, "ppc.prelim.date");
	model_unset(m, "ppc.final.date");
	model_set_date(m, "ppc.prelim.date", (struct date){ 2024, 3, 3 });
	model_set_date(m, "ppc.final.date", (struct date){ 2024, 3, 28 });
	ppc_decide(m, &d);
	ck_assert(d.prelim_late && d.final_late && ppc_late(&d));
	ck_assert(!ppc_overdue(&d, (struct date){ 2025, 1, 1 }));
	status_at(m, (struct date){ 2024, 4, 1 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: preliminary sent 2024-03-03, after its target "
	                    "2024-03-02, final sent 2024-03-28, after its deadline 2024-03-27");
	model_free(&m);

	/* A moved date says why on the status line too. */
	const char *c[] = { "ppc.unlawful=access", "date:discovery.date=2022-08-11", NULL };
	m = answers(c);
	status_at(m, (struct date){ 2022, 8, 12 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: preliminary 2022-08-16 (4 days left), final "
	                    "2022-10-11 (60 days left; 60日目の10-10がスポーツの日のため翌日)");
	model_free(&m);

	/* The example: 提出 2023-04-10, 期限 2023-03-31. */
	const char *b[] = { "ppc.sensitive=yes", "date:discovery.date=2023-03-01",
	                    "date:ppc.prelim.date=2023-03-03", "date:ppc.final.date=2023-04-10", NULL };
	m = answers(b);
	status_at(m, (struct date){ 2023, 5, 1 }, s, sizeof s);
	ck_assert_str_eq(s, "PPC: preliminary sent 2023-03-03, "
	                    "final sent 2023-04-10, after its deadline 2023-03-31");
	model_free(&m);
}
END_TEST

/* No duty, no date: not in the status, the deadlines or the appendix. */
static const char *const nodate[][8] = {
	{ NONE, "group:3:exact", NULL },                                  /* voluntary */
	{ "ppc.involved=no", "ppc.unlawful=access", NULL },                /* no personal data */
	{ "ppc.unlawful=access", "date:discovery.date=2022-03-31", NULL }, /* before the law */
	{ "ppc.unlawful=access", "ppc.onbehalf=yes", "ppc.onbehalf.notified=yes", NULL },
	{ "ppc.unlawful=skimming", "ppc.acquire=acquiring", "date:discovery.date=2024-03-31", NULL },
};

START_TEST(no_duty_no_dates)
{
	struct model *m = answers(nodate[_i]);
	struct ppc_decision d;
	struct strbuf sb;
	ppc_decide(m, &d);
	ck_assert(!d.dated);
	ck_assert(d.verdict != PPC_MANDATORY && d.verdict != PPC_UNDETERMINED);
	sb_init(&sb);
	ppc_status(&d, (struct date){ 2024, 5, 2 }, &sb);
	ppc_report_deadlines(&d, (struct date){ 2024, 5, 2 }, &sb);
	ppc_appendix(&d, &sb);
	/* The one date printed is 知った日 in the regime's sentence. */
	const char *p = sb.buf;
	while ((p = strstr(p, "20")) != NULL) {
		ck_assert_msg(!(p[4] == '-' && p[7] == '-') || strncmp(p, "2022-03-31", 10) == 0 ||
		              strncmp(p, "2022-04-01", 10) == 0 || strncmp(p, "2024-04-01", 10) == 0,
		              "case %d prints a date: %.20s\n%s", _i, p, sb.buf);
		p++;
	}
	ck_assert_ptr_null(strstr(sb.buf, "速報:"));
	ck_assert_ptr_null(strstr(sb.buf, "確報の期限"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "期限: なし(報告義務がないため)"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "Deadlines: none, as no report is due"));
	ck_assert(!ppc_overdue(&d, (struct date){ 2030, 1, 1 }));
	sb_release(&sb);
	model_free(&m);
}
END_TEST

START_TEST(appendix_text)
{
	const char *a[] = { "ppc.sensitive=no", "box:ppc.fin.card", "ppc.unlawful=skimming",
	                    "group:1200:atmost", "group:30:exact", "date:discovery.date=2024-08-11",
	                    "date:ppc.prelim.date=2024-08-17", NULL };
	struct model *m = answers(a);
	struct ppc_decision d;
	struct strbuf sb;
	ppc_decide(m, &d);
	sb_init(&sb);
	ppc_appendix(&d, &sb);
	ck_assert_str_eq(sb.buf,
		"\n【付録】報告義務の判定と期限(todokeによる参考)\n"
		"判定: 報告義務あり(規則第7条 第2号・第3号・第4号)\n"
		"  第1号 要配慮個人情報: 該当しない(要配慮個人情報は含まれないため)\n"
		"  第2号 財産的被害のおそれ: 該当(クレジットカード番号(セキュリティコード又は有効期限付き)を含むため (2号))\n"
		"  第3号 不正の目的: 該当(ウェブスキミング等、不正の目的をもって行われたおそれがあるため (3号))\n"
		"  第4号 1,000人超: 該当(本人の数が最大1,230人で1,000人を超えるため (4号))\n"
		"本人の数(合計): 最大1,230人\n"
		"知った日(発覚日): 2024-08-11\n"
		"速報: 速やかに。目安: 2024-08-16 まで (知った日から5日) 提出済み: 2024-08-17(目安を過ぎて提出)\n"
		"確報の期限: 2024-10-10 (知った日から60日、第3号に該当するため)\n");
	sb_release(&sb);
	model_free(&m);

	/* 3号 still open: both dates, each with its reason. */
	const char *b[] = { NONE, "ppc.unlawful=unknown", "group:10:exact",
	                    "date:discovery.date=2022-08-11", NULL };
	m = answers(b);
	ppc_decide(m, &d);
	sb_init(&sb);
	ppc_appendix(&d, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "判定: 未判定(次の事項の回答が必要: 不正の目的をもって行われたおそれ)\n"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "以下は報告義務がある場合の期限:\n"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "確報の期限: 2022-09-12 (30日目の09-10が土曜日のため"
	                                     "次の開庁日)。第3号に該当すれば 2022-10-11 (60日目の"
	                                     "10-10がスポーツの日のため翌日)\n"));
	sb_release(&sb);
	model_free(&m);
}
END_TEST

START_TEST(deadlines_text)
{
	const char *a[] = { "ppc.unlawful=access", "date:discovery.date=2022-08-11", NULL };
	struct model *m = answers(a);
	struct ppc_decision d;
	struct strbuf sb;
	ppc_decide(m, &d);
	sb_init(&sb);
	ppc_report_deadlines(&d, (struct date){ 2022, 8, 12 }, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "Preliminary report (速報): promptly; target: by "
	                                     "2022-08-16 (5 days from the day known) (4 days left)\n"));
	ck_assert_ptr_nonnull(strstr(sb.buf, "Final report (確報): by 2022-10-11 (60日目の10-10が"
	                                     "スポーツの日のため翌日) (60 days left)\n"));
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
	tcase_add_test(tc, entrustee_is_told);
	tcase_add_test(tc, before_the_law_says_what_applied);
	tcase_add_test(tc, rules_are_dated);
	tcase_add_test(tc, long_reason_cut_on_a_character);
	suite_add_tcase(s, tc);
	TCase *dl = tcase_create("deadlines");
	tcase_add_loop_test(dl, deadline_dates, 0, (int)(sizeof dls / sizeof dls[0]));
	tcase_add_test(dl, status_and_overdue);
	tcase_add_loop_test(dl, no_duty_no_dates, 0, (int)(sizeof nodate / sizeof nodate[0]));
	tcase_add_test(dl, appendix_text);
	tcase_add_test(dl, deadlines_text);
	suite_add_tcase(s, dl);
	return s;
}
