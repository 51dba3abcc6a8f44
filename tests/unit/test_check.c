/* todoke check: what is missing or inconsistent, on the IPA form's rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/check.h"
#include "todoke/fileio.h"

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

#define HEAD "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\n"

static void run(const char *text, struct problems *p)
{
	struct incident *inc;
	struct diag d;
	ck_assert_msg(incident_parse(text, strlen(text), "t", fs, &inc, &d), "%d: %s", d.line, d.msg);
	check_incident(inc, today, p);
	incident_free(&inc);
}

static const struct problem *about(const struct problems *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].id, id) == 0)
			return &p->v[i];
	return NULL;
}

START_TEST(the_example_is_clean)
{
	char *text;
	size_t len;
	struct diag d;
	struct problems p;
	ck_assert(file_read_all("tests/golden/ipa/example.incident", &text, &len, &d));
	run(text, &p);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_uint_eq(p.answered, 25);
	ck_assert_uint_eq(p.total, 68);
	problems_release(&p);
	free(text);
}
END_TEST

START_TEST(no_damage_but_a_kind_of_damage)
{
	struct problems p;
	run(HEAD "damage.present: no\ndamage.type.theft: [x]\n[end]\n", &p);
	const struct problem *e = about(&p, "damage.type.theft");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sev, SEV_ERROR);
	ck_assert_int_eq(e->line, 6);
	ck_assert_str_eq(e->msg, "4-2)被害の種別 › 情報(データ)の窃取/不正閲覧: ticked, "
	                         "but 4-1)被害の有無 is 「被害無し(未遂)」");
	problems_release(&p);
	run(HEAD "damage.present: yes\ndamage.type.theft: [x]\n[end]\n", &p);
	ck_assert_ptr_null(about(&p, "damage.type.theft"));
	problems_release(&p);
}
END_TEST

START_TEST(other_boxes_and_their_text)
{
	struct problems p;
	run(HEAD "device.other: [x]\nenv.other: [ ] 拠点のNAS\nfound.vendor: [x] JPCERT/CC\n[end]\n", &p);
	const struct problem *e = about(&p, "device.other");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sev, SEV_MISSING);
	ck_assert_ptr_nonnull(strstr(e->msg, "2-1)被害を受けた機器等 › その他: ticked, but the text"));
	e = about(&p, "env.other");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->sev, SEV_ERROR);
	ck_assert_ptr_nonnull(strstr(e->msg, "has text but is not ticked"));
	ck_assert_ptr_null(about(&p, "found.vendor"));
	problems_release(&p);
}
END_TEST

START_TEST(dates_against_today_and_each_other)
{
	struct problems p;
	run(HEAD "report.date: 2022-10-20\ndiscovery.date: 2022-10-28\n[end]\n", &p);
	const struct problem *e = about(&p, "discovery.date");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->line, 6);
	ck_assert_str_eq(e->msg, "1.発見年月日: 2022-10-28 is in the future (today is 2022-10-27)");
	e = about(&p, "report.date");
	ck_assert_ptr_nonnull(e);
	ck_assert_ptr_nonnull(strstr(e->msg, "2022-10-20 is before 1.発見年月日 (2022-10-28)"));
	problems_release(&p);
}
END_TEST

START_TEST(what_is_required)
{
	struct problems p;
	run(HEAD "[end]\n", &p);
	const char *want[] = { "report.date", "reporter.org", "reporter.name", "reporter.email",
	                       "discovery.date", "damage.present" };
	ck_assert_uint_eq(p.n, 6);
	for (size_t i = 0; i < 6; i++) {
		ck_assert_str_eq(p.v[i].id, want[i]);
		ck_assert_int_eq(p.v[i].sev, SEV_MISSING);
	}
	ck_assert_str_eq(p.v[3].msg, "(届出者) › E-Mail or (届出者) › TEL: not answered");
	ck_assert_uint_eq(p.answered, 0);
	problems_release(&p);
	/* E-Mail or TEL: either will do; spaces alone are no answer. */
	run(HEAD "reporter.tel: 03-0000-0000\nreporter.name:    \n[end]\n", &p);
	ck_assert_ptr_null(about(&p, "reporter.email"));
	ck_assert_ptr_nonnull(about(&p, "reporter.name"));
	problems_release(&p);
}
END_TEST

START_TEST(places)
{
	struct incident *inc;
	struct diag d;
	ck_assert(incident_parse(HEAD "[end]\n", strlen(HEAD "[end]\n"), "t", fs, &inc, &d));
	char *pl = question_place(inc, "device.other");
	ck_assert_str_eq(pl, "2-1)被害を受けた機器等 › その他");
	free(pl);
	pl = question_place(inc, "damage.present");
	ck_assert_str_eq(pl, "4-1)被害の有無");
	free(pl);
	pl = question_place(inc, "no.such.id");
	ck_assert_str_eq(pl, "no.such.id");
	free(pl);
	incident_free(&inc);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("check");
	TCase *tc = tcase_create("check");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_example_is_clean);
	tcase_add_test(tc, no_damage_but_a_kind_of_damage);
	tcase_add_test(tc, other_boxes_and_their_text);
	tcase_add_test(tc, dates_against_today_and_each_other);
	tcase_add_test(tc, what_is_required);
	tcase_add_test(tc, places);
	suite_add_tcase(s, tc);
	return s;
}
