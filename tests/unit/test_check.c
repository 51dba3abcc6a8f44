/* todoke check: what is missing or inconsistent, on the IPA form's rules
 * (the last lines of forms/ipa-access-3.5.form), with a fixed today. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/check.h"
#include "todoke/encode.h"
#include "todoke/fileio.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static struct formset *fs;
static const struct date today = { 2022, 10, 27 };

static void setup(void)
{
	fs = test_forms();
}

static void teardown(void)
{
	formset_free(&fs);
}

/* Four lines: the first answer is on line 5. */
#define HEAD "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\n"
/* Every required answer but damage.present. */
#define BASE HEAD                                                              \
	"report.date: 2022-10-26\n"                                             \
	"reporter.org: (株)○○商店\n"                                           \
	"reporter.name: □□□□\n"                                                \
	"reporter.email: a@example.jp\n"                                        \
	"discovery.date: 2022-10-24\n"
#define TAIL "[end]\n"

static struct incident *parse(const char *text)
{
	struct incident *inc = NULL;
	struct diag d;
	ck_assert_msg(incident_parse(text, strlen(text), "t", fs, &inc, &d), "line %d: %s",
	              d.line, d.msg);
	ck_assert_ptr_nonnull(inc);
	return inc;
}

static void run_at(const char *text, struct date when, struct problems *p)
{
	struct incident *inc = parse(text);
	check_incident(inc, when, p);
	/* The status line's count alone (check_progress) is the same. */
	size_t answered = 99, total = 99;
	check_progress(inc, &answered, &total);
	ck_assert_uint_eq(answered, p->answered);
	ck_assert_uint_eq(total, p->total);
	incident_free(&inc);
}

static void run(const char *text, struct problems *p)
{
	run_at(text, today, p);
}

/* The first problem about id, or NULL. */
static const struct problem *about(const struct problems *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].id, id) == 0)
			return &p->v[i];
	return NULL;
}

static size_t count(const struct problems *p, enum severity sev, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].sev == sev && (!id || strcmp(p->v[i].id, id) == 0))
			n++;
	return n;
}

/* Appends id to the space-separated list in buf. */
static void add_id(char *buf, size_t size, const char *id)
{
	size_t len = strlen(buf);
	ck_assert_msg(len + 1 + strlen(id) < size, "too many problems: %s %s", buf, id);
	snprintf(buf + len, size - len, "%s%s", len ? " " : "", id);
}

/* The line of text (from 1) that starts with prefix; fails when none. */
static int line_of(const char *text, const char *prefix)
{
	int line = 1;
	size_t len = strlen(prefix);
	for (const char *s = text; *s; line++) {
		if (strncmp(s, prefix, len) == 0)
			return line;
		s = strchr(s, '\n');
		if (!s)
			break;
		s++;
	}
	ck_abort_msg("no line starts with \"%s\"", prefix);
	return 0;
}

/* All problems, one a line, for failure messages. */
static const char *dump(const struct problems *p)
{
	static char buf[4096];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < p->n && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "\n  %s %s:%d: %s",
		                        p->v[i].sev == SEV_ERROR ? "ERROR" : "MISSING",
		                        p->v[i].id, p->v[i].line, p->v[i].msg);
	return buf;
}

/* ---- the IPA example -------------------------------------------------------- */

static char *read_example(void)
{
	const char *dir = getenv("TODOKE_DATADIR");
	char path[1024];
	char *text;
	size_t len;
	struct diag d;
	snprintf(path, sizeof path, "%s/tests/golden/ipa/example.incident", dir ? dir : ".");
	ck_assert_msg(file_read_all(path, &text, &len, &d), "%s: %s", path, d.msg);
	return text;
}

START_TEST(the_example_is_clean)
{
	char *text = read_example();
	struct problems p;
	run(text, &p);
	ck_assert_msg(p.n == 0, "%zu problems:%s", p.n, dump(&p));
	ck_assert_uint_eq(p.answered, 22);
	ck_assert_uint_eq(p.total, 28);  /* IPA's 68 questions, 28 units */
	problems_release(&p);
	free(text);
}
END_TEST

/* The day before its report date, the example reports from the future. */
START_TEST(the_example_a_day_early)
{
	char *text = read_example();
	struct problems p;
	run_at(text, (struct date){ 2022, 10, 26 }, &p);
	ck_assert_msg(p.n == 1, "%zu problems:%s", p.n, dump(&p));
	ck_assert_int_eq(p.v[0].sev, SEV_ERROR);
	ck_assert_str_eq(p.v[0].id, "report.date");
	ck_assert_int_eq(p.v[0].line, line_of(text, "report.date:"));
	ck_assert_str_eq(p.v[0].msg,
	                 "(届出者) › 届出日: 2022-10-27 is in the future (today is 2022-10-26)");
	ck_assert_uint_eq(p.answered, 22);
	ck_assert_uint_eq(p.total, 28);  /* IPA's 68 questions, 28 units */
	problems_release(&p);
	free(text);
}
END_TEST

/* ---- 被害無し but a kind of damage ticked ---------------------------------- */

START_TEST(no_damage_but_theft)
{
	const char *text = BASE "damage.present: no\ndamage.type.theft: [x]\n" TAIL;
	struct problems p;
	run(text, &p);
	ck_assert_msg(p.n == 1, "%zu problems:%s", p.n, dump(&p));
	const struct problem *e = &p.v[0];
	ck_assert_int_eq(e->sev, SEV_ERROR);
	ck_assert_str_eq(e->id, "damage.type.theft");
	ck_assert_int_eq(e->line, line_of(text, "damage.type.theft:"));
	ck_assert_ptr_nonnull(strstr(e->msg, "「被害無し(未遂)」"));
	ck_assert_str_eq(e->msg, "4-2)被害の種別 › 情報(データ)の窃取/不正閲覧: ticked, "
	                         "but 4-1)被害の有無 is 「被害無し(未遂)」");
	problems_release(&p);
	/* Released, the list is empty and can be released again. */
	ck_assert_uint_eq(p.n, 0);
	ck_assert_ptr_null(p.v);
	problems_release(&p);
}
END_TEST

struct conflict_case {
	const char *answers;
	const char *errors;   /* ids expected in SEV_ERROR problems, in order, space-separated */
};

static const struct conflict_case conflicts[] = {
	{ "damage.present: yes\ndamage.type.theft: [x]\n", "" },
	{ "damage.present: no\ndamage.type.theft: [ ]\n", "" },
	{ "damage.present: no\n", "" },
	{ "damage.type.theft: [x]\n", "" },  /* not answered: no conflict */
	{ "damage.present: no\ndevice.pc: [x]\nenv.cloud: [x]\n", "" },
	{ "damage.present: no\ndamage.type.theft: [x]\n", "damage.type.theft" },
	{ "damage.type.theft: [x]\ndamage.present: no\n", "damage.type.theft" },
	{ "damage.present: no\ndamage.type.tamper: [x]\ndamage.type.theft: [ ]\n"
	  "damage.type.malware: [x]\ndamage.type.other: [x] 業務停止\n",
	  "damage.type.tamper damage.type.malware damage.type.other" },
	{ "damage.present: yes\ndamage.type.tamper: [x]\ndamage.type.malware: [x]\n"
	  "damage.type.other: [x] 業務停止\n", "" },
};

START_TEST(conflicting_damage)
{
	const struct conflict_case *c = &conflicts[_i];
	char text[1024];
	char got[256] = "";
	struct problems p;
	snprintf(text, sizeof text, "%s%s%s", BASE, c->answers, TAIL);
	run(text, &p);
	for (size_t i = 0; i < p.n; i++) {
		if (p.v[i].sev != SEV_ERROR)
			continue;
		add_id(got, sizeof got, p.v[i].id);
		/* Each names the ticked box's line and the chosen 被害無し. */
		char prefix[64];
		snprintf(prefix, sizeof prefix, "%s:", p.v[i].id);
		ck_assert_int_eq(p.v[i].line, line_of(text, prefix));
		ck_assert_ptr_nonnull(strstr(p.v[i].msg, "but 4-1)被害の有無 is 「被害無し(未遂)」"));
	}
	ck_assert_msg(strcmp(got, c->errors) == 0, "case %d: errors \"%s\", want \"%s\":%s", _i,
	              got, c->errors, dump(&p));
	/* damage.present is the only required answer that may be missing. */
	ck_assert_uint_eq(count(&p, SEV_MISSING, NULL),
	                  strstr(c->answers, "damage.present") ? 0 : 1);
	problems_release(&p);
}
END_TEST

/* ---- boxes with a blank: 「その他(…)」 ------------------------------------ */

struct note_case {
	const char *answer;
	const char *id;
	int sev;           /* -1: no problem */
	const char *msg;   /* the whole message, when a problem */
};

static const struct note_case notes[] = {
	{ "device.other: [x]\n", "device.other", SEV_MISSING,
	  "2-1)被害を受けた機器等 › その他: ticked, but the text in its ( ) is empty" },
	{ "device.other: [x]    \n", "device.other", SEV_MISSING,
	  "2-1)被害を受けた機器等 › その他: ticked, but the text in its ( ) is empty" },
	{ "device.other: [ ] foo\n", "device.other", SEV_ERROR,
	  "2-1)被害を受けた機器等 › その他: has text but is not ticked, so the text is not printed" },
	{ "device.other: [x] foo\n", "device.other", -1, NULL },
	{ "device.other: [X] 拠点のNAS\n", "device.other", -1, NULL },
	{ "device.other: [ ]\n", "device.other", -1, NULL },
	{ "device.server.other: [ ] 基幹系\n", "device.server.other", SEV_ERROR,
	  "2-1)被害を受けた機器等 › サーバ:その他: has text but is not ticked, so the text is not printed" },
	{ "env.other: [x]\n", "env.other", SEV_MISSING,
	  "2-2)被害を受けた機器の設置環境 › その他: ticked, but the text in its ( ) is empty" },
	{ "found.alert: [x]\n", "found.alert", SEV_MISSING,
	  "3-1)発見契機 › 監視ツール類のアラートにより発見: ticked, but the text in its ( ) is empty" },
	{ "found.vendor: [x] JPCERT/CC\n", "found.vendor", -1, NULL },
	{ "reported.vendor: [ ] ○○セキュリティ\n", "reported.vendor", SEV_ERROR,
	  "6-4)他機関への届出状況 › セキュリティベンダ 組織名: has text but is not ticked, "
	  "so the text is not printed" },
	{ "device.pc: [x]\n", "device.pc", -1, NULL },  /* no blank to fill */
};

START_TEST(other_boxes_and_their_text)
{
	const struct note_case *c = &notes[_i];
	char text[1024];
	struct problems p;
	snprintf(text, sizeof text, "%s%s%s", BASE "damage.present: yes\n", c->answer, TAIL);
	run(text, &p);
	if (c->sev < 0) {
		ck_assert_msg(p.n == 0, "case %d: %zu problems:%s", _i, p.n, dump(&p));
	} else {
		ck_assert_msg(p.n == 1, "case %d: %zu problems:%s", _i, p.n, dump(&p));
		ck_assert_str_eq(p.v[0].id, c->id);
		ck_assert_int_eq(p.v[0].sev, c->sev);
		ck_assert_int_eq(p.v[0].line, line_of(text, c->answer));
		ck_assert_str_eq(p.v[0].msg, c->msg);
	}
	problems_release(&p);
}
END_TEST

/* ---- dates against today and each other ------------------------------------ */

struct date_case {
	const char *report, *discovery;
	struct date today;
	const char *errors;       /* ids of the errors, in order */
};

static const struct date_case dates[] = {
	{ "2022-10-27", "2022-10-24", { 2022, 10, 27 }, "" },
	{ "2022-10-27", "2022-10-27", { 2022, 10, 27 }, "" },  /* same day, today */
	{ "2022-10-27", "2022-10-28", { 2022, 10, 27 }, "discovery.date report.date" },
	{ "2022-10-28", "2022-10-28", { 2022, 10, 27 }, "report.date discovery.date" },
	{ "2022-10-28", "2022-10-24", { 2022, 10, 27 }, "report.date" },
	{ "2022-10-23", "2022-10-24", { 2022, 10, 27 }, "report.date" },
	{ "2021-12-31", "2022-01-01", { 2022, 10, 27 }, "report.date" },
	{ "2022年10月28日", "２０２２年１０月２４日", { 2022, 10, 27 }, "report.date" },
	{ "2022-10-28", "2022-10-28", { 2022, 10, 28 }, "" },
	{ "2024-02-29", "2024-02-28", { 2024, 2, 29 }, "" },
	{ "2024-03-01", "2024-02-29", { 2024, 2, 29 }, "report.date" },
};

START_TEST(dates_against_today_and_each_other)
{
	const struct date_case *c = &dates[_i];
	char text[1024], got[256] = "";
	struct problems p;
	snprintf(text, sizeof text,
	         HEAD "reporter.org: 組織\nreporter.name: 名前\nreporter.tel: 03\n"
	              "report.date: %s\ndiscovery.date: %s\ndamage.present: yes\n" TAIL,
	         c->report, c->discovery);
	run_at(text, c->today, &p);
	for (size_t i = 0; i < p.n; i++) {
		ck_assert_int_eq(p.v[i].sev, SEV_ERROR);
		add_id(got, sizeof got, p.v[i].id);
		char prefix[64];
		snprintf(prefix, sizeof prefix, "%s:", p.v[i].id);
		ck_assert_int_eq(p.v[i].line, line_of(text, prefix));
	}
	ck_assert_msg(strcmp(got, c->errors) == 0, "case %d: errors \"%s\", want \"%s\":%s", _i,
	              got, c->errors, dump(&p));
	problems_release(&p);
}
END_TEST

START_TEST(discovery_in_the_future)
{
	const char *text = BASE "damage.present: yes\n" TAIL;
	struct problems p;
	/* BASE discovers on 2022-10-24 and reports on 2022-10-26. */
	run_at(text, (struct date){ 2022, 10, 23 }, &p);
	ck_assert_msg(p.n == 2, "%zu problems:%s", p.n, dump(&p));
	const struct problem *e = about(&p, "discovery.date");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sev, SEV_ERROR);
	ck_assert_int_eq(e->line, line_of(text, "discovery.date:"));
	ck_assert_int_eq(e->line, 9);
	ck_assert_str_eq(e->msg, "1.発見年月日: 2022-10-24 is in the future (today is 2022-10-23)");
	e = about(&p, "report.date");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sev, SEV_ERROR);
	ck_assert_int_eq(e->line, 5);
	problems_release(&p);
}
END_TEST

START_TEST(report_before_discovery)
{
	const char *text = HEAD "reporter.org: 組織\nreporter.name: 名前\nreporter.tel: 03\n"
	                        "discovery.date: 2022-10-26\ndamage.present: no\n"
	                        "report.date: 2022-10-25\n" TAIL;
	struct problems p;
	run(text, &p);
	ck_assert_msg(p.n == 1, "%zu problems:%s", p.n, dump(&p));
	ck_assert_int_eq(p.v[0].sev, SEV_ERROR);
	ck_assert_str_eq(p.v[0].id, "report.date");
	ck_assert_int_eq(p.v[0].line, 10);
	ck_assert_str_eq(p.v[0].msg,
	                 "(届出者) › 届出日: 2022-10-25 is before 1.発見年月日 (2022-10-26)");
	problems_release(&p);
}
END_TEST

/* ---- what is required -------------------------------------------------------- */

START_TEST(empty_incident)
{
	struct problems p;
	run(HEAD TAIL, &p);
	static const struct {
		const char *id, *msg;
	} want[] = {
		{ "report.date", "(届出者) › 届出日: not answered" },
		{ "reporter.org", "(届出者) › 企業・組織名: not answered" },
		{ "reporter.name", "(届出者) › 氏名: not answered" },
		{ "reporter.email", "(届出者) › E-Mail or (届出者) › TEL: not answered" },
		{ "discovery.date", "1.発見年月日: not answered" },
		{ "damage.present", "4-1)被害の有無: not answered" },
	};
	ck_assert_msg(p.n == (size_t)N(want), "%zu problems:%s", p.n, dump(&p));
	for (int i = 0; i < N(want); i++) {
		ck_assert_int_eq(p.v[i].sev, SEV_MISSING);
		ck_assert_str_eq(p.v[i].id, want[i].id);
		ck_assert_str_eq(p.v[i].msg, want[i].msg);
		ck_assert_int_eq(p.v[i].line, 0);
	}
	/* E-Mail or TEL: one problem, not one each. */
	ck_assert_ptr_null(about(&p, "reporter.tel"));
	ck_assert_uint_eq(p.answered, 0);
	ck_assert_uint_eq(p.total, 28);  /* IPA's 68 questions, 28 units */
	problems_release(&p);
}
END_TEST

struct require_case {
	const char *answers;
	const char *missing;   /* ids of SEV_MISSING problems, in order */
};

static const struct require_case requires[] = {
	{ "reporter.email: a@example.jp\n", "report.date reporter.org reporter.name discovery.date damage.present" },
	{ "reporter.tel: 03-0000-0000\n", "report.date reporter.org reporter.name discovery.date damage.present" },
	{ "reporter.email: a@example.jp\nreporter.tel: 03-0000-0000\n",
	  "report.date reporter.org reporter.name discovery.date damage.present" },
	{ "reporter.email:    \n", "report.date reporter.org reporter.name reporter.email discovery.date damage.present" },
	{ "reporter.email: \nreporter.tel: 03\n", "report.date reporter.org reporter.name discovery.date damage.present" },
	{ "report.date: 2022-10-24\n", "reporter.org reporter.name reporter.email discovery.date damage.present" },
	{ "reporter.org: 組織\n", "report.date reporter.name reporter.email discovery.date damage.present" },
	{ "reporter.name: 名前\n", "report.date reporter.org reporter.email discovery.date damage.present" },
	{ "reporter.name:   \n", "report.date reporter.org reporter.name reporter.email discovery.date damage.present" },
	{ "discovery.date: 2022-10-24\n", "report.date reporter.org reporter.name reporter.email damage.present" },
	{ "damage.present: yes\n", "report.date reporter.org reporter.name reporter.email discovery.date" },
	{ "damage.present: no\n", "report.date reporter.org reporter.name reporter.email discovery.date" },
	{ "reporter.address: 東京都\ndevice.pc: [x]\n",
	  "report.date reporter.org reporter.name reporter.email discovery.date damage.present" },
	{ "report.date: 2022-10-26\nreporter.org: 組織\nreporter.name: 名前\n"
	  "reporter.tel: 03\ndiscovery.date: 2022-10-24\ndamage.present: yes\n", "" },
};

START_TEST(what_is_required)
{
	const struct require_case *c = &requires[_i];
	char text[1024], got[256] = "";
	struct problems p;
	snprintf(text, sizeof text, "%s%s%s", HEAD, c->answers, TAIL);
	run(text, &p);
	for (size_t i = 0; i < p.n; i++) {
		ck_assert_int_eq(p.v[i].sev, SEV_MISSING);
		add_id(got, sizeof got, p.v[i].id);
	}
	ck_assert_msg(strcmp(got, c->missing) == 0, "case %d: missing \"%s\", want \"%s\"", _i,
	              got, c->missing);
	ck_assert_uint_eq(count(&p, SEV_MISSING, "reporter.tel"), 0);
	problems_release(&p);
}
END_TEST

/* ---- answered of total --------------------------------------------------------- */

struct answered_case {
	const char *answers;
	size_t answered;
};

static const struct answered_case answereds[] = {
	{ "", 0 },
	/* 2-1)'s fourteen boxes are one group, answered by a tick: a [ ]
	 * alone says nothing yet (form.h: unit_answered). */
	{ "device.pc: [ ]\n", 0 },
	{ "device.pc: [x]\ndevice.mobile: [ ]\n", 1 },
	{ "device.unknown: [x]\n", 1 },            /* 不明 answers it */
	{ "device.pc: [x]\nenv.cloud: [x]\n", 2 },  /* 2-2) is another */
	{ "reporter.name:    \n", 0 },            /* spaces are not */
	{ "reporter.name: 名前\n", 1 },
	{ "cause:\n|\n", 0 },                     /* nor an empty paragraph */
	{ "cause:\n| 不明\n| 調査中\n", 1 },
	{ "timeline[1].text: 一\ntimeline[2].text: 二\n", 1 },  /* a list counts once */
	{ "damage.present: no\ninsurance.disclose: deny\n", 2 },
	{ "report.date: 2022-10-24\nreporter.address: 住所\n", 2 },
};

START_TEST(answered_of_total)
{
	const struct answered_case *c = &answereds[_i];
	char text[1024];
	struct problems p;
	snprintf(text, sizeof text, "%s%s%s", HEAD, c->answers, TAIL);
	run(text, &p);
	ck_assert_msg(p.answered == c->answered, "case %d: answered %zu, want %zu", _i,
	              p.answered, c->answered);
	ck_assert_uint_eq(p.total, 28);  /* IPA's 68 questions, 28 units */
	problems_release(&p);
}
END_TEST

/* With the PPC report too, a question the two forms share counts once,
 * and a rule of the IPA form is still checked once. */
START_TEST(two_forms_share_questions)
{
	const struct form *ipa = formset_find(fs, "ipa-access", "3.5");
	const struct form *ppc = formset_find(fs, "ppc-report", "2024");
	ck_assert_ptr_nonnull(ipa);
	ck_assert_ptr_nonnull(ppc);
	/* Counted are the questions asked: not those hidden by `when` (the
	 * ransomware facts, without notice.type ransomware). */
	struct model *none = model_new();
	size_t distinct = 0, shared = 0;
	for (size_t i = 0; i < ipa->nqs; i++)
		distinct += question_shown(&ipa->qs[i], none);
	for (size_t i = 0; i < ppc->nqs; i++) {
		if (form_question(ipa, ppc->qs[i].id))
			shared++;
		else
			distinct += question_shown(&ppc->qs[i], none);
	}
	model_free(&none);
	ck_assert_uint_gt(shared, 0);
	/* A group of boxes counts once (form.h: question_unit): IPA's five
	 * groups are 41 questions fewer (6-4 with its wizard-only
	 * reported.none), the PPC report's 漏えい等の別 and 財産的被害 boxes 2
	 * each (its 他機関への届出 boxes are IPA's 6-4). */
	ck_assert_uint_eq(distinct, 110);
	distinct -= 41 + 2 + 2;
	const char *text = "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n"
	                   "form: ppc-report 2024\n[answers]\ndiscovery.date: 2022-10-28\n" TAIL;
	struct problems p;
	run(text, &p);
	ck_assert_uint_eq(p.total, distinct);
	ck_assert_uint_eq(p.answered, 1);
	ck_assert_uint_eq(count(&p, SEV_ERROR, "discovery.date"), 1);
	ck_assert_uint_eq(count(&p, SEV_MISSING, "report.date"), 1);
	ck_assert_uint_eq(count(&p, SEV_MISSING, "reporter.email"), 1);
	problems_release(&p);
}
END_TEST

/* ---- check_answered on its own ------------------------------------------------ */

START_TEST(answered_question_by_question)
{
	struct incident *inc = parse(HEAD "reporter.name: 名前\nreporter.org:   \n"
	                                  "device.pc: [ ]\ntimeline[1].text: 一\n" TAIL);
	const struct { const char *id; bool want; } qs[] = {
		{ "reporter.name", true }, { "reporter.org", false }, { "device.pc", true },
		{ "device.mobile", false }, { "timeline", true }, { "report.date", false },
	};
	for (int i = 0; i < N(qs); i++) {
		const struct question *q = incident_question(inc, qs[i].id, NULL);
		ck_assert_ptr_nonnull(q);
		ck_assert_msg(question_answered(q, inc->answers) == qs[i].want, "%s", qs[i].id);
	}
	incident_free(&inc);
}
END_TEST

/* ---- where a question stands ----------------------------------------------------- */

struct place_case {
	const char *id, *place;
};

static const struct place_case places[] = {
	{ "device.other", "2-1)被害を受けた機器等 › その他" },
	{ "device.server.other", "2-1)被害を受けた機器等 › サーバ:その他" },
	{ "device.pc", "2-1)被害を受けた機器等 › パソコン" },
	{ "damage.present", "4-1)被害の有無" },     /* the title says it all */
	{ "discovery.date", "1.発見年月日" },
	{ "report.date", "(届出者) › 届出日" },
	{ "reporter.email", "(届出者) › E-Mail" },
	{ "found.alert", "3-1)発見契機 › 監視ツール類のアラートにより発見" },
	{ "no.such.id", "no.such.id" },             /* unknown: the id itself */
};

START_TEST(question_places)
{
	struct incident *inc = parse(HEAD TAIL);
	char *pl = question_place(inc, places[_i].id);
	ck_assert_ptr_nonnull(pl);
	ck_assert_str_eq(pl, places[_i].place);
	free(pl);
	incident_free(&inc);
}
END_TEST

/* An ideographic space (U+3000) alone is no answer, as in the wizard. */
START_TEST(ideographic_space_is_blank)
{
	struct formset *f = test_forms();
	const struct form *ipa = formset_find(f, "ipa-access", "3.5");
	struct incident *inc = incident_new(&ipa, 1);
	struct problems p;
	model_set_text(inc->answers, "reporter.name", Q_TEXT, "\xe3\x80\x80");
	model_set_check(inc->answers, "device.other", true, "\xe3\x80\x80");
	model_set_check(inc->answers, "env.other", false, "\xe3\x80\x80");
	check_incident(inc, (struct date){ 2022, 10, 27 }, &p);
	bool name = false, other = false, env = false;
	for (size_t i = 0; i < p.n; i++) {
		name |= strcmp(p.v[i].id, "reporter.name") == 0 && p.v[i].sev == SEV_MISSING;
		other |= strcmp(p.v[i].id, "device.other") == 0 && p.v[i].sev == SEV_MISSING;
		env |= strcmp(p.v[i].id, "env.other") == 0;
	}
	ck_assert(name && other && !env);
	problems_release(&p);
	incident_free(&inc);
	formset_free(&f);
}
END_TEST

/* ---- when: questions asked only when they apply ---------------------------- */

/* With the IPA form, whose 発覚日 (discovery.date) the late reason names. */
static const char when_form[] =
	"todoke-form 1\nid w\nversion 1\ntitle W\n"
	"section a 1.種類\n"
	"|{radio kind a}甲 {radio kind b}乙\n"
	"|{text detail \"詳細\"}\n"
	"|{text extra \"補足\"}\n"
	"|{box other}その他({note other 8})\n"
	"section b 2.公表\n"
	"|{date publish.date \"公表日\"}\n"
	"|{para late \"遅れた理由\"}\n"
	"|{text plain \"備考\"}\n"
	"when detail kind=a\n"
	"when extra kind=a\n"
	"when other kind=a\n"
	"when late publish.date > discovery.date + 30\n"
	"require detail\n"
	"require late plain\n";

struct when_check {
	struct form *f;
	struct incident *inc;
	struct problems p;
};

static void when_run(struct when_check *w, const char *kind, const char *publish)
{
	struct diag d;
	w->f = form_parse(when_form, sizeof when_form - 1, "w.form", &d);
	ck_assert_msg(w->f != NULL, "%d: %s", d.line, d.msg);
	const struct form *forms[2] = { formset_find(fs, "ipa-access", "3.5"), w->f };
	w->inc = incident_new(forms, 2);
	struct model *m = w->inc->answers;
	/* Every IPA answer it requires. */
	model_set_date(m, "report.date", (struct date){ 2022, 10, 26 });
	model_set_text(m, "reporter.org", Q_TEXT, "組織");
	model_set_text(m, "reporter.name", Q_TEXT, "名前");
	model_set_text(m, "reporter.email", Q_TEXT, "a@example.jp");
	model_set_date(m, "discovery.date", (struct date){ 2022, 10, 24 });
	model_set_text(m, "damage.present", Q_CHOICE, "yes");
	if (kind)
		model_set_text(m, "kind", Q_CHOICE, kind);
	if (publish) {
		struct date dt;
		const char *why;
		ck_assert(date_parse(publish, &dt, &why));
		model_set_date(m, "publish.date", dt);
	}
}

static void when_check(struct when_check *w)
{
	check_incident(w->inc, today, &w->p);
}

static void when_done(struct when_check *w)
{
	problems_release(&w->p);
	incident_free(&w->inc);
	form_free(&w->f);
}

/* Hidden: no require problem, no note problem, nothing to answer. */
START_TEST(when_hidden_is_not_required)
{
	struct when_check w;
	when_run(&w, "b", "2022-11-23");                  /* 30 days: on time */
	model_set_check(w.inc->answers, "other", true, NULL);  /* ticked, no text */
	model_set_text(w.inc->answers, "plain", Q_TEXT, "備考");
	when_check(&w);
	ck_assert_msg(w.p.n == 0, "%zu problems:%s", w.p.n, dump(&w.p));
	/* kind, publish.date and plain of this form's 7 */
	ck_assert_uint_eq(w.p.total, 28 + 3);
	ck_assert_uint_eq(w.p.answered, 6 + 3);
	when_done(&w);

	when_run(&w, NULL, NULL);                          /* nothing to go by */
	model_set_text(w.inc->answers, "plain", Q_TEXT, "備考");
	when_check(&w);
	ck_assert_msg(w.p.n == 0, "%zu problems:%s", w.p.n, dump(&w.p));
	when_done(&w);
}
END_TEST

/* `optional`: shown, counted, not required (the ransomware facts). */
START_TEST(when_optional_is_asked_not_required)
{
	static const char text[] =
		"todoke-form 1\nid o\nversion 1\ntitle O\n"
		"section a 1.種類\n"
		"|{radio kind a}甲 {radio kind b}乙\n"
		"|{text detail \"詳細\"}\n"
		"|{text extra \"補足\"}\n"
		"when detail kind=a\n"
		"when extra kind=a\n"
		"optional extra\n";
	struct diag d;
	struct form *f = form_parse(text, sizeof text - 1, "o.form", &d);
	ck_assert_msg(f != NULL, "%d: %s", d.line, d.msg);
	ck_assert(form_question(f, "extra")->optional);
	ck_assert(!form_question(f, "detail")->optional);
	const struct form *forms[1] = { f };
	struct incident *inc = incident_new(forms, 1);
	model_set_text(inc->answers, "kind", Q_CHOICE, "a");
	struct problems p;
	check_incident(inc, today, &p);
	ck_assert_msg(p.n == 1, "%zu problems:%s", p.n, dump(&p));
	ck_assert_str_eq(p.v[0].id, "detail");
	ck_assert_uint_eq(p.total, 3);
	problems_release(&p);
	incident_free(&inc);
	form_free(&f);

	/* Only after its question, and only a question. */
	static const char bad[] = "todoke-form 1\nid o\nversion 1\ntitle O\nsection a A\n"
	                          "|{text x \"X\"}\noptional x y\n";
	ck_assert_ptr_null(form_parse(bad, sizeof bad - 1, "o.form", &d));
	ck_assert_int_eq(d.line, 7);
	ck_assert_msg(strstr(d.msg, "no question \"y\" above this line"), "%s", d.msg);
}
END_TEST

/* Shown and unanswered: missing, each once; the ticked 「その他」 too. */
START_TEST(when_shown_is_required)
{
	struct when_check w;
	when_run(&w, "a", "2022-11-24");                  /* 31 days: late */
	model_set_check(w.inc->answers, "other", true, NULL);
	when_check(&w);
	static const struct {
		const char *id, *msg;
	} want[] = {
		{ "detail", "1.種類 › 詳細: not answered" },             /* require */
		{ "late", "2.公表 › 遅れた理由 or 2.公表 › 備考: not answered" },
		{ "other", "1.種類 › その他: ticked, but the text in its ( ) is empty" },
		{ "extra", "1.種類 › 補足: not answered" },              /* when alone */
	};
	ck_assert_msg(w.p.n == (size_t)N(want), "%zu problems:%s", w.p.n, dump(&w.p));
	for (int i = 0; i < N(want); i++) {
		ck_assert_int_eq(w.p.v[i].sev, SEV_MISSING);
		ck_assert_str_eq(w.p.v[i].id, want[i].id);
		ck_assert_str_eq(w.p.v[i].msg, want[i].msg);
	}
	ck_assert_uint_eq(w.p.total, 28 + 7);
	ck_assert_uint_eq(w.p.answered, 6 + 3);
	when_done(&w);

	/* Answered, all is well: plain may stay empty, late answers the rule. */
	when_run(&w, "a", "2022-11-24");
	model_set_text(w.inc->answers, "detail", Q_TEXT, "詳細");
	model_set_text(w.inc->answers, "extra", Q_TEXT, "補足");
	model_set_check(w.inc->answers, "other", false, NULL);
	model_set_text(w.inc->answers, "late", Q_LINES, "調査に時間を要した");
	when_check(&w);
	ck_assert_msg(w.p.n == 0, "%zu problems:%s", w.p.n, dump(&w.p));
	ck_assert_uint_eq(w.p.answered, 6 + 6);   /* not plain */
	when_done(&w);
}
END_TEST

/* A require whose questions are hidden in part names those asked. */
START_TEST(when_require_names_what_is_asked)
{
	struct when_check w;
	when_run(&w, "b", "2022-11-23");                  /* late not asked */
	when_check(&w);
	ck_assert_msg(w.p.n == 1, "%zu problems:%s", w.p.n, dump(&w.p));
	ck_assert_str_eq(w.p.v[0].id, "plain");
	ck_assert_str_eq(w.p.v[0].msg, "2.公表 › 備考: not answered");
	when_done(&w);

	/* Without 発覚日 the gap is unknown: the late reason is not asked. */
	when_run(&w, "b", "2023-10-24");
	model_unset(w.inc->answers, "discovery.date");
	when_check(&w);
	ck_assert_ptr_null(about(&w.p, "late"));
	ck_assert_ptr_nonnull(about(&w.p, "plain"));
	ck_assert_ptr_nonnull(about(&w.p, "discovery.date"));  /* IPA's require */
	when_done(&w);
}
END_TEST

/* ---- a character an encoding lacks, as the CLI and the wizard list it ---- */

START_TEST(unconvertible_described)
{
	struct incident *inc = parse(HEAD "reporter.org: 髙橋商店\nreporter.name: 髙橋\n"
	                                  "reporter.tel: 03\n" TAIL);
	const struct { struct enc_bad b; const char *want; } cases[] = {
		{ { 0x9AD9, 5, 17, "高" },
		  "line 5, column 17: 「髙」 (U+9AD9) in (届出者) › 企業・組織名, (届出者) › 氏名" },
		{ { 0x1F600, 39, 15, NULL }, "line 39, column 15: 「😀」 (U+1F600)" },
		{ { 0xE9, 1, 2, NULL }, "line 1, column 2: 「é」 (U+00E9)" },
	};
	/* The same in the C locale, where wcrtomb gives no character at all
	 * and every answer "contained" it. */
	const char *locales[] = { "C.UTF-8", "C" };
	for (size_t l = 0; l < 2; l++) {
		setlocale(LC_ALL, locales[l]);
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			struct strbuf sb;
			sb_init(&sb);
			sb_add(&sb, "> ");
			describe_unconvertible(inc, &cases[i].b, &sb);
			ck_assert_str_eq(sb.buf + 2, cases[i].want);
			sb_release(&sb);
		}
	}
	setlocale(LC_ALL, "C.UTF-8");
	incident_free(&inc);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("example");
	tcase_add_test(tc, ideographic_space_is_blank);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_example_is_clean);
	tcase_add_test(tc, the_example_a_day_early);
	suite_add_tcase(s, tc);

	tc = tcase_create("rules");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, no_damage_but_theft);
	tcase_add_loop_test(tc, conflicting_damage, 0, N(conflicts));
	tcase_add_loop_test(tc, other_boxes_and_their_text, 0, N(notes));
	tcase_add_loop_test(tc, dates_against_today_and_each_other, 0, N(dates));
	tcase_add_test(tc, discovery_in_the_future);
	tcase_add_test(tc, report_before_discovery);
	suite_add_tcase(s, tc);

	tc = tcase_create("required");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, empty_incident);
	tcase_add_loop_test(tc, what_is_required, 0, N(requires));
	tcase_add_loop_test(tc, answered_of_total, 0, N(answereds));
	tcase_add_test(tc, answered_question_by_question);
	tcase_add_test(tc, unconvertible_described);
	tcase_add_test(tc, two_forms_share_questions);
	suite_add_tcase(s, tc);

	tc = tcase_create("when");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, when_hidden_is_not_required);
	tcase_add_test(tc, when_optional_is_asked_not_required);
	tcase_add_test(tc, when_shown_is_required);
	tcase_add_test(tc, when_require_names_what_is_asked);
	suite_add_tcase(s, tc);

	tc = tcase_create("places");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, question_places, 0, N(places));
	suite_add_tcase(s, tc);
	return s;
}
