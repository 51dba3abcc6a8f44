/* send (src/send/send.c): a document as it goes out.  A follow-up's parts
 * are in the copy and never in the incident the wizard holds: the PPC
 * report's 九 その他 with the changes since the 速報 (--changes), the IPA
 * 第2報's lead and Subject; and the options a submission recorded read
 * back. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"

#include "todoke/history.h"
#include "todoke/incident.h"
#include "todoke/send.h"

static struct formset *fs;
static char tmpdir[64];
static char path[160];

static void setup(void)
{
	fs = test_forms();
	strcpy(tmpdir, "/tmp/todoke-send-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/case.incident", tmpdir);
	setenv("TODOKE_HOME", tmpdir, 1);
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	formset_free(&fs);
	unsetenv("TODOKE_HOME");
}

/* An incident saved with one answer, sent as doc on 2026-11-25, then one
 * answer changed. */
static struct incident *sent_then_changed(const char *doc, const char *kind,
                                          const char *other)
{
	struct diag d;
	diag_clear(&d);
	struct incident *inc = incident_create(fs, "試験", &d);
	ck_assert_msg(inc != NULL, "%s", d.msg);
	model_set_text(inc->answers, "reporter.tel", Q_TEXT, "03-0000-0000");
	if (other)
		model_set_text(inc->answers, "ppc.other", Q_LINES, other);
	ck_assert_int_eq(history_save(inc, path, true, &d), HS_OK);
	struct submission r;
	ck_assert_msg(submission_record(path, doc, kind, (struct date){ 2026, 11, 25 }, "x.txt", "",
	                                "sent", 4, &r, &d), "%s", d.msg);
	submission_release(&r);
	model_set_text(inc->answers, "reporter.tel", Q_TEXT, "03-1234-5678");
	ck_assert_int_eq(history_save(inc, path, true, &d), HS_OK);
	return inc;
}

static const struct document *doc_of(const char *id)
{
	const struct document *doc = docset_find(formset_documents(fs), id);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

START_TEST(changes_in_the_copy_only)
{
	/* With an answer of its own in 九, and without one. */
	const char *own = _i ? "別途報告済み" : NULL;
	struct incident *inc = sent_then_changed("ppc", "速報", own);
	struct model *before = model_clone(inc->answers);
	struct strbuf out;
	struct diag d;
	diag_clear(&d);
	sb_init(&out);
	ck_assert(send_offers_changes(doc_of("ppc"), inc));
	ck_assert_msg(send_text(fs, NULL, doc_of("ppc"), path, inc, NOTICE_TEXT, true, false, &out,
	                        NULL, &d), "%s", d.msg);
	ck_assert_msg(strstr(out.buf, "速報(2026年11月25日提出)からの変更点:") != NULL, "%s",
	              out.buf);
	ck_assert_msg(strstr(out.buf, "03-0000-0000 → 03-1234-5678") != NULL, "%s", out.buf);
	if (own)
		ck_assert_ptr_nonnull(strstr(out.buf, own));
	ck_assert_msg(model_equal(inc->answers, before), "the incident kept the changes");
	ck_assert(own ? model_get(inc->answers, "ppc.other") != NULL
	              : model_get(inc->answers, "ppc.other") == NULL);
	/* Not asked for: the report as it is. */
	out.len = 0;
	ck_assert(send_text(fs, NULL, doc_of("ppc"), path, inc, NOTICE_TEXT, false, false, &out,
	                    NULL, &d));
	ck_assert_ptr_null(strstr(out.buf, "からの変更点"));
	sb_release(&out);
	model_free(&before);
	incident_free(&inc);
}
END_TEST

START_TEST(ipa_second_report_lead)
{
	struct incident *inc = sent_then_changed("ipa", "第1報", NULL);
	struct strbuf out;
	struct diag d;
	char *title = NULL;
	diag_clear(&d);
	sb_init(&out);
	ck_assert_msg(send_text(fs, NULL, doc_of("ipa"), path, inc, NOTICE_TEXT, false, true, &out,
	                        &title, &d), "%s", d.msg);
	ck_assert_msg(strncmp(out.buf, "2026年11月25日にお送りした届出(第1報)の続報(第2報)です。\n",
	                      strlen("2026年11月25日にお送りした届出(第1報)の続報(第2報)です。\n")) == 0,
	              "%s", out.buf);
	ck_assert_ptr_nonnull(strstr(out.buf, "更新した届出様式の全文を以下に記載します。"));
	ck_assert_msg(strncmp(title, "【第2報】", strlen("【第2報】")) == 0, "%s", title);
	free(title);
	/* Not for an e-mail draft: the form alone, its own Subject. */
	out.len = 0;
	ck_assert(send_text(fs, NULL, doc_of("ipa"), path, inc, NOTICE_TEXT, false, false, &out,
	                    &title, &d));
	ck_assert_ptr_null(strstr(out.buf, "の続報"));
	ck_assert_ptr_null(strstr(title, "【第2報】"));
	free(title);
	sb_release(&out);
	incident_free(&inc);
}
END_TEST

START_TEST(recorded_options)
{
	struct send_options o;
	char buf[64];
	send_options_parse("--encoding=cp932 --crlf --substitute", &o, buf, sizeof buf);
	ck_assert_str_eq(o.encoding, "cp932");
	ck_assert(o.crlf && o.substitute && !o.eml && !o.html);
	send_options_parse("--eml --encoding=klingon", &o, buf, sizeof buf);
	ck_assert(o.eml);
	ck_assert_ptr_null(o.encoding);
	send_options_parse("--encoding=utf-8 --format=html", &o, buf, sizeof buf);
	ck_assert(o.html && !o.crlf);
	send_options_parse(NULL, &o, buf, sizeof buf);
	ck_assert(!o.encoding && !o.eml);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("send");
	TCase *tc = tcase_create("send");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, changes_in_the_copy_only, 0, 2);
	tcase_add_test(tc, ipa_second_report_lead);
	tcase_add_test(tc, recorded_options);
	suite_add_tcase(s, tc);
	return s;
}
