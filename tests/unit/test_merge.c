/* merge: reloading a file someone else changed while the wizard had it
 * open.  Answers not changed in this session come from the file, those
 * changed stay as typed, those both changed differently are conflicts the
 * user settles; a list is one answer; [incident] keys changed here stay
 * (wizard.h, wizard_merge). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"

#include "todoke/incident.h"
#include "todoke/wizard.h"

static struct formset *fs;

static void setup(void)
{
	fs = test_forms();
}

static void teardown(void)
{
	formset_free(&fs);
}

static struct incident *base_incident(void)
{
	struct diag d;
	struct incident *inc = incident_create(fs, "元の題", &d);
	ck_assert_ptr_nonnull(inc);
	model_set_text(inc->answers, "reporter.name", Q_TEXT, "山田");
	model_set_text(inc->answers, "reporter.org", Q_TEXT, "株式会社元");
	model_set_text(inc->answers, "reporter.tel", Q_TEXT, "03-0000-0000");
	model_set_text(inc->answers, "reporter.email", Q_TEXT, "a@example.jp");
	model_set_date(inc->answers, "discovery.date", (struct date){ 2022, 10, 24 });
	struct model *e = model_entry_add(inc->answers, "timeline");
	model_set_text(e, "text", Q_LINES, "発見");
	return inc;
}

static struct incident *copy_of(const struct incident *inc)
{
	struct strbuf sb;
	sb_init(&sb);
	incident_serialize(inc, &sb);
	struct incident *c;
	struct diag d;
	ck_assert_msg(incident_parse(sb.buf, sb.len, "copy", fs, &c, &d), "%s", d.msg);
	sb_release(&sb);
	return c;
}

START_TEST(three_way_by_answer)
{
	struct incident *base = base_incident();
	struct incident *mine = copy_of(base), *theirs = copy_of(base);
	/* This session: a new name, the e-mail removed, a new answer, the
	 * organisation changed as the file changed it (no conflict), the
	 * telephone changed otherwise (conflict), the title. */
	model_set_text(mine->answers, "reporter.name", Q_TEXT, "山田 太郎");
	model_unset(mine->answers, "reporter.email");
	model_set_text(mine->answers, "found.detail", Q_LINES, "こちらで入力");
	model_set_text(mine->answers, "reporter.org", Q_TEXT, "株式会社新");
	model_set_text(mine->answers, "reporter.tel", Q_TEXT, "03-1111-1111");
	incident_set_meta(mine, "title", "新しい題");
	/* The file meanwhile: the date, the list, a new answer, the same
	 * organisation, another telephone. */
	model_set_date(theirs->answers, "discovery.date", (struct date){ 2022, 10, 25 });
	model_set_text(model_entry_add(theirs->answers, "timeline"), "text", Q_LINES, "報告");
	model_set_text(theirs->answers, "cause", Q_LINES, "外で入力");
	model_set_text(theirs->answers, "reporter.org", Q_TEXT, "株式会社新");
	model_set_text(theirs->answers, "reporter.tel", Q_TEXT, "03-2222-2222");
	struct merge m;
	wizard_merge(base, mine, theirs, &m);
	ck_assert_ptr_eq(m.result, theirs);
	const struct model *r = theirs->answers;
	ck_assert_str_eq(model_text(r, "reporter.name"), "山田 太郎");   /* mine */
	ck_assert_ptr_null(model_get(r, "reporter.email"));             /* mine: removed */
	ck_assert_str_eq(model_text(r, "found.detail"), "こちらで入力"); /* mine: new */
	ck_assert_str_eq(model_text(r, "reporter.org"), "株式会社新");   /* both the same */
	struct date dt;
	ck_assert(model_date(r, "discovery.date", &dt));
	ck_assert_int_eq(dt.d, 25);                                     /* the file's */
	ck_assert_uint_eq(model_entry_count(r, "timeline"), 2);         /* the file's list */
	ck_assert_str_eq(model_text(r, "cause"), "外で入力");            /* the file's: new */
	ck_assert_str_eq(incident_meta(theirs, "title"), "新しい題");
	ck_assert_uint_eq(m.kept, 3);
	ck_assert_uint_eq(m.from_file, 3);
	ck_assert_uint_eq(m.nconflicts, 1);
	ck_assert_str_eq(m.conflicts[0], "reporter.tel");
	/* Until chosen, as typed; then the file's, then back. */
	ck_assert_str_eq(model_text(r, "reporter.tel"), "03-1111-1111");
	wizard_merge_take(&m, 0, false);
	ck_assert_str_eq(model_text(r, "reporter.tel"), "03-2222-2222");
	wizard_merge_take(&m, 0, true);
	ck_assert_str_eq(model_text(r, "reporter.tel"), "03-1111-1111");
	merge_release(&m);
	incident_free(&base);
	incident_free(&mine);
	incident_free(&theirs);
}
END_TEST

/* A list changed on both sides is one conflict; an answer the file
 * removed and this session left alone is removed. */
START_TEST(lists_and_removals)
{
	struct incident *base = base_incident();
	struct incident *mine = copy_of(base), *theirs = copy_of(base);
	model_set_text(model_entry_add(mine->answers, "timeline"), "text", Q_LINES, "こちら");
	model_set_text(model_entry(theirs->answers, "timeline", 0), "text", Q_LINES, "直した");
	model_unset(theirs->answers, "reporter.name");
	struct merge m;
	wizard_merge(base, mine, theirs, &m);
	ck_assert_uint_eq(m.nconflicts, 1);
	ck_assert_str_eq(m.conflicts[0], "timeline");
	ck_assert_uint_eq(model_entry_count(theirs->answers, "timeline"), 2);
	ck_assert_ptr_null(model_get(theirs->answers, "reporter.name"));
	wizard_merge_take(&m, 0, false);
	ck_assert_uint_eq(model_entry_count(theirs->answers, "timeline"), 1);
	ck_assert_str_eq(model_text(model_entry(theirs->answers, "timeline", 0), "text"), "直した");
	merge_release(&m);
	incident_free(&base);
	incident_free(&mine);
	incident_free(&theirs);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("merge");
	TCase *tc = tcase_create("merge");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, three_way_by_answer);
	tcase_add_test(tc, lists_and_removals);
	suite_add_tcase(s, tc);
	return s;
}
