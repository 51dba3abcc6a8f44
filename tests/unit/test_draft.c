/* Customer wording that starts as a copy of a report answer (the form's
 * `draft ID SOURCE`, src/incident/draft.c): derived while unedited, never
 * stored as a copy, stored once edited with the source's fingerprint, and
 * stale when the source changes after the edit; the notice and
 * check_notice read it so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/check.h"
#include "todoke/notice.h"


/* The notice of the incident's type, as the registry picks it (the answer
 * to notice.type, else "other"). */
static bool notice_build(const struct notice_set *s, const struct incident *inc,
                         struct notice *out, struct diag *err)
{
	const char *type = model_text(inc->answers, "notice.type");
	return notice_build_type(s, inc, *type ? type : "other", out, err);
}

static struct formset *fs;

static void setup(void)
{
	fs = test_forms();
}

static void teardown(void)
{
	formset_free(&fs);
}

static struct incident *inc_of(const char *meta, const char *answers)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "todoke-incident 1\n[incident]\nform: ipa-access 3.5\nform: ppc-report 2024\n"
	             "form: notice 1\n%s[answers]\n%s[end]\n", meta, answers);
	struct incident *inc = NULL;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(incident_parse(sb.buf, sb.len, "t.incident", fs, &inc, &d),
	              "incident line %d: %s", d.line, d.msg);
	sb_release(&sb);
	return inc;
}

static const struct question *q_of(const struct incident *inc, const char *id)
{
	const struct question *q = incident_question(inc, id, NULL);
	ck_assert_msg(q != NULL, "no question %s", id);
	return q;
}

START_TEST(form_directive)
{
	static const struct {
		const char *line, *msg;
	} bad[] = {
		{ "draft b a", "only a text starts as a draft" },
		{ "draft t t", "cannot be a draft of itself" },
		{ "draft nosuch a", "use: draft ID SOURCE-ID" },
		{ "draft t", "use: draft ID SOURCE-ID" },
		{ "draft t a b", "use: draft ID SOURCE-ID" },
		{ "draft t a\ndraft t c", "is already a draft of \"a\"" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[512];
		snprintf(text, sizeof text, "todoke-form 1\nid x\nversion 1\ntitle X\n"
		         "|{box b}B\n|{para t \"T\"}\n%s\n", bad[i].line);
		struct diag d;
		diag_clear(&d);
		struct form *f = form_parse(text, strlen(text), "x.form", &d);
		ck_assert_msg(f == NULL, "「%s」 parsed", bad[i].line);
		ck_assert_msg(strstr(d.msg, bad[i].msg) != NULL, "「%s」: %s", bad[i].line, d.msg);
		ck_assert_int_ge(d.line, 7);
	}
	const char *ok = "todoke-form 1\nid x\nversion 1\ntitle X\n|{para t \"T\"}\ndraft t cause\n";
	struct diag d;
	diag_clear(&d);
	struct form *f = form_parse(ok, strlen(ok), "x.form", &d);
	ck_assert_msg(f != NULL, "%s", d.msg);
	ck_assert_str_eq(form_question(f, "t")->draft, "cause");
	form_free(&f);
}
END_TEST

START_TEST(copy_follows_source)
{
	struct incident *inc = inc_of("", "cause:\n| 脆弱性を突かれた。\n|\n");
	const struct question *q = q_of(inc, "notice.cause");
	ck_assert_ptr_eq(draft_source(inc, q), q_of(inc, "cause"));
	ck_assert(draft_is_copy(inc, q));
	char *t = draft_source_text(inc, q);
	ck_assert_str_eq(t, "脆弱性を突かれた。");
	free(t);
	/* A correction of the report reaches the copy. */
	model_set_text(inc->answers, "cause", Q_LINES, "脆弱性を突かれました。");
	t = draft_source_text(inc, q);
	ck_assert_str_eq(t, "脆弱性を突かれました。");
	free(t);
	/* No source answer: no copy. */
	model_unset(inc->answers, "cause");
	ck_assert(!draft_is_copy(inc, q));
	/* Not a draft. */
	ck_assert_ptr_null(draft_source(inc, q_of(inc, "cause")));
	incident_free(&inc);
}
END_TEST

START_TEST(copy_of_a_list)
{
	struct incident *inc = inc_of("", "timeline[1].date: 2024-05-20\ntimeline[1].text: 検知\n"
	                                  "timeline[2].text: 日付のない対応\n"
	                                  "timeline[3].date: 2024-05-27\n");
	const struct question *q = q_of(inc, "notice.history");
	struct draft_piece *pc;
	size_t n;
	char *t = draft_source_pieces(inc, q, &pc, &n);
	ck_assert_str_eq(t, "2024年5月20日、検知\n\n日付のない対応\n\n2024年5月27日");
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(pc[1].entry, 1);
	ck_assert_str_eq(pc[1].field, "text");
	ck_assert_uint_eq(pc[2].entry, 2);
	ck_assert_int_eq(strncmp(t + pc[2].start, "日付のない対応", pc[2].end - pc[2].start), 0);
	free(pc);
	free(t);
	incident_free(&inc);
}
END_TEST

START_TEST(edit_stored_with_fingerprint)
{
	struct incident *inc = inc_of("", "cause: 脆弱性を突かれた。\n");
	const struct question *q = q_of(inc, "notice.cause");
	/* Left as the copy (the wizard stores what the field shows): not stored. */
	model_set_text(inc->answers, "notice.cause", Q_LINES, "脆弱性を突かれた。\n");
	draft_edited(inc, q);
	ck_assert_ptr_null(model_get(inc->answers, "notice.cause"));
	ck_assert_ptr_null(incident_meta(inc, "draft.notice.cause"));
	ck_assert(draft_is_copy(inc, q));

	/* Edited: stored, with the source's fingerprint; not stale. */
	model_set_text(inc->answers, "notice.cause", Q_LINES, "脆弱性を突かれた可能性がございます。");
	draft_edited(inc, q);
	ck_assert_str_eq(model_text(inc->answers, "notice.cause"), "脆弱性を突かれた可能性がございます。");
	ck_assert_ptr_nonnull(incident_meta(inc, "draft.notice.cause"));
	ck_assert(!draft_is_copy(inc, q));
	ck_assert(!draft_stale(inc, q));

	/* Saved and read back: the fingerprint goes with the file. */
	struct strbuf sb;
	sb_init(&sb);
	incident_serialize(inc, &sb);
	ck_assert_ptr_nonnull(strstr(sb.buf, "draft.notice.cause: "));
	struct incident *back = NULL;
	struct diag d;
	diag_clear(&d);
	ck_assert(incident_parse(sb.buf, sb.len, "t.incident", fs, &back, &d));
	sb_release(&sb);
	ck_assert(!draft_stale(back, q));

	/* The report corrected afterwards: stale, and check_notice says so. */
	model_set_text(back->answers, "cause", Q_LINES, "設定の誤りによるもの。");
	ck_assert(draft_stale(back, q));
	struct diag e;
	diag_clear(&e);
	struct notice_set *set = notice_set_load(todoke_datadir(), &e);
	ck_assert_msg(set != NULL, "%s", e.msg);
	struct problems p = { 0 };
	check_documents(back, set, &p);
	const struct problem *st = NULL;
	for (size_t i = 0; i < p.n; i++)
		if (strcmp(p.v[i].id, "notice.cause") == 0 && strstr(p.v[i].msg, "changed since"))
			st = &p.v[i];
	ck_assert_msg(st != NULL, "no stale problem of %zu", p.n);
	ck_assert_int_eq(st->sev, SEV_WORDING);
	ck_assert_ptr_nonnull(strstr(st->msg, "原因(お客様向け)"));
	ck_assert_ptr_nonnull(strstr(st->msg, "5.原因"));
	problems_release(&p);

	/* Emptied: the copy again, the fingerprint dropped. */
	model_unset(back->answers, "notice.cause");
	draft_edited(back, q);
	ck_assert_ptr_null(incident_meta(back, "draft.notice.cause"));
	ck_assert(draft_is_copy(back, q));
	ck_assert(!draft_stale(back, q));
	notice_set_free(&set);
	incident_free(&back);
	incident_free(&inc);
}
END_TEST

/* Written by hand without a fingerprint: nothing to compare, no warning. */
START_TEST(hand_written_not_stale)
{
	struct incident *inc = inc_of("", "cause: 脆弱性。\nnotice.cause: お客様向けの原因です。\n");
	ck_assert(!draft_stale(inc, q_of(inc, "notice.cause")));
	incident_free(&inc);
	inc = inc_of("draft.notice.cause: 0000000000000000\n",
	             "cause: 脆弱性。\nnotice.cause: お客様向けの原因です。\n");
	ck_assert(draft_stale(inc, q_of(inc, "notice.cause")));
	incident_free(&inc);
}
END_TEST

/* The notice uses the customer wording once written, the copy before. */
START_TEST(notice_reads_draft)
{
	struct diag e;
	diag_clear(&e);
	struct notice_set *set = notice_set_load(todoke_datadir(), &e);
	ck_assert_msg(set != NULL, "%s", e.msg);
	struct incident *inc = inc_of("", "cause: 脆弱性を突かれた。\n");
	struct notice n;
	ck_assert(notice_build(set, inc, &n, &e));
	bool copy = false;
	for (size_t i = 0; i < n.n; i++)
		if (strcmp(n.v[i].text, "脆弱性を突かれた。") == 0)
			copy = n.v[i].nspans == 1 && n.v[i].spans[0].copy &&
			       strcmp(n.v[i].spans[0].id, "notice.cause") == 0;
	ck_assert(copy);
	notice_release(&n);
	model_set_text(inc->answers, "notice.cause", Q_LINES, "脆弱性を突かれたものです。");
	ck_assert(notice_build(set, inc, &n, &e));
	bool own = false, report = false;
	for (size_t i = 0; i < n.n; i++) {
		own |= strcmp(n.v[i].text, "脆弱性を突かれたものです。") == 0 && !n.v[i].spans[0].copy;
		report |= strstr(n.v[i].text, "突かれた。") != NULL;
	}
	ck_assert(own && !report);
	notice_release(&n);
	incident_free(&inc);
	notice_set_free(&set);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *tc = tcase_create("draft");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, form_directive);
	tcase_add_test(tc, copy_follows_source);
	tcase_add_test(tc, copy_of_a_list);
	tcase_add_test(tc, edit_stored_with_fingerprint);
	tcase_add_test(tc, hand_written_not_stale);
	tcase_add_test(tc, notice_reads_draft);
	suite_add_tcase(s, tc);
	return s;
}
