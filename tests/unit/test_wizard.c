/* The wizard's pages, built from the IPA form as data, and text widths. */
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/textwidth.h"
#include "todoke/wizard.h"

static struct formset *fs;
static struct incident *inc;

static void setup(void)
{
	fs = test_forms();
	const struct form *f = formset_find(fs, "ipa-access", "3.5");
	inc = incident_new(&f, 1);
}

static void teardown(void)
{
	incident_free(&inc);
	formset_free(&fs);
}

static const struct page *page_titled(const struct wizard *w, const char *title)
{
	for (size_t i = 0; i < w->npages; i++)
		if (strcmp(w->pages[i].title, title) == 0)
			return &w->pages[i];
	ck_abort_msg("no page %s", title);
	return NULL;
}

START_TEST(one_page_per_section_that_asks)
{
	struct wizard *w = wizard_new(inc);
	/* 19 sections; the closing one asks nothing. */
	ck_assert_uint_eq(w->npages, 18);
	ck_assert_str_eq(w->pages[0].title, "(届出者)");
	ck_assert_str_eq(w->pages[1].title, "1.発見年月日");
	ck_assert_str_eq(w->pages[17].title, "7-3)サイバー保険");
	wizard_free(&w);
	ck_assert_ptr_null(w);
}
END_TEST

START_TEST(rows_follow_the_layout)
{
	struct wizard *w = wizard_new(inc);
	const struct page *p = page_titled(w, "3-1)発見契機");
	const char *want[][2] = {
		{ "T", "3.被害発見経緯:" }, { "T", "3-1)発見契機:" },
		{ "T", "・届出者自身(所属組織、運用・保守業者含む)が発見" },
		{ "B", "目視で発見" }, { "B", "監視ツール類のアラートにより発見(ツール名称:…)" },
		{ "N", "" },
		{ "T", "・外部からの連絡で発見" }, { "B", "顧客・取引先からの連絡" },
		{ "B", "外部サービスの提供者(クラウドサービス事業者、カード決済事業者等)からの連絡" },
		{ "N", "(連絡者:" },
		{ "B", "セキュリティベンダ・報道機関・政府組織からの連絡" }, { "N", "(連絡者:" },
		{ "B", "その他(…)" }, { "N", "" },
	};
	ck_assert_uint_eq(p->nrows, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < p->nrows; i++) {
		char k = p->rows[i].kind == ROW_TEXT ? 'T' : p->rows[i].kind == ROW_BOX ? 'B'
		         : p->rows[i].kind == ROW_NOTE ? 'N' : '?';
		ck_assert_msg(k == want[i][0][0], "row %zu kind %c", i, k);
		ck_assert_str_eq(p->rows[i].text, want[i][1]);
	}
	/* The note of 「外部サービスの提供者」 shows only while it is ticked. */
	ck_assert(!row_visible(&p->rows[9], inc->answers));
	model_set_check(inc->answers, "found.provider", true, NULL);
	ck_assert(row_visible(&p->rows[9], inc->answers));
	ck_assert_int_eq(p->rows[9].indent, 4);
	ck_assert_str_eq(p->rows[9].tail, ")");
	ck_assert_str_eq(p->rows[5].tail, "");
	wizard_free(&w);
}
END_TEST

START_TEST(help_notes_and_fields)
{
	struct wizard *w = wizard_new(inc);
	const struct page *p = page_titled(w, "4-1)被害の有無");
	ck_assert_int_eq(p->rows[2].kind, ROW_HELP);
	ck_assert_str_eq(p->rows[2].text, "※何らか業務に支障が生じた場合には、「被害有り」を選択してください。");
	ck_assert_int_eq(p->rows[3].kind, ROW_RADIO);
	ck_assert_str_eq(p->rows[3].text, "被害有り");
	ck_assert_int_eq(p->rows[4].opt, 1);

	p = page_titled(w, "(届出者)");
	ck_assert_int_eq(p->rows[1].kind, ROW_DATE);
	ck_assert_str_eq(p->rows[1].text, "届出日:");
	ck_assert_int_eq(p->rows[3].kind, ROW_FIELD);
	ck_assert_str_eq(p->rows[3].text, "住所:");

	size_t done, total;
	page_progress(p, inc->answers, &done, &total);
	ck_assert_uint_eq(total, 6);
	ck_assert_uint_eq(done, 0);
	model_set_text(inc->answers, "reporter.name", Q_TEXT, "山田");
	model_set_text(inc->answers, "reporter.org", Q_TEXT, "   ");
	page_progress(p, inc->answers, &done, &total);
	ck_assert_uint_eq(done, 1);

	p = page_titled(w, "6-2)本インシデントの対応内容・時系列");
	ck_assert_int_eq(p->rows[1].kind, ROW_REPEAT);
	struct page e;
	wizard_entry_page(p->form, p->rows[1].q, &e);
	ck_assert_uint_eq(e.nrows, 2);
	ck_assert_int_eq(e.rows[0].kind, ROW_DATE);
	ck_assert_str_eq(e.rows[0].text, "日付:");
	ck_assert_int_eq(e.rows[1].kind, ROW_PARA);
	page_release(&e);
	wizard_free(&w);
}
END_TEST

/* With the PPC report, questions the IPA form asks are not asked again. */
START_TEST(shared_questions_asked_once)
{
	const struct form *forms[2] = { formset_find(fs, "ipa-access", "3.5"),
	                                formset_find(fs, "ppc-report", "2024") };
	struct incident *both = incident_new(forms, 2);
	struct wizard *w = wizard_new(both);
	ck_assert_uint_eq(w->npages, 28);
	const struct page *p = page_titled(w, "一 概要");
	for (size_t i = 0; i < p->nrows; i++)
		if (p->rows[i].q)
			ck_assert_msg(strcmp(p->rows[i].q->id, "discovery.date") != 0 &&
			              strcmp(p->rows[i].q->id, "found.detail") != 0,
			              "%s asked again", p->rows[i].q->id);
	for (size_t i = 0; i < w->npages; i++)
		ck_assert_msg(strcmp(w->pages[i].title, "四 原因") != 0 &&
		              strcmp(w->pages[i].title, "八 再発防止") != 0,
		              "page %s has nothing new to ask", w->pages[i].title);
	/* A choice is asked as one option a row. */
	p = page_titled(w, "報告区分");
	ck_assert_int_eq(p->rows[1].kind, ROW_RADIO);
	ck_assert_str_eq(p->rows[1].text, "速報");
	ck_assert_str_eq(p->rows[2].text, "確報");
	wizard_free(&w);
	incident_free(&both);
}
END_TEST

START_TEST(text_widths)
{
	ck_assert_int_eq(u8_width("abc"), 3);
	ck_assert_int_eq(u8_width("日本語"), 6);
	ck_assert_int_eq(u8_width("ｶﾀｶﾅ"), 4);
	ck_assert_int_eq(u8_width("😀"), 2);
	ck_assert_int_eq(u8_width("か\xe3\x82\x99"), 2);  /* が as か + dakuten */
	int used;
	/* Never half of a wide character. */
	ck_assert_uint_eq(u8_fit("日本語", 9, 5, &used), 6);
	ck_assert_int_eq(used, 4);
	/* A combining mark stays with its base. */
	ck_assert_uint_eq(u8_fit("か\xe3\x82\x99x", 7, 2, &used), 6);
	size_t starts[8];
	const char *s = "ab日本語cd";
	ck_assert_uint_eq(u8_wrap(s, strlen(s), 5, starts, 8), 3);
	ck_assert_uint_eq(starts[1], 5);  /* "ab日" fits 4 of 5; 本 would make 6 */
	ck_assert_uint_eq(starts[2], 12); /* "本語c" = 5 */
	ck_assert_uint_eq(u8_wrap("", 0, 5, starts, 8), 1);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("wizard");
	TCase *tc = tcase_create("pages");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, one_page_per_section_that_asks);
	tcase_add_test(tc, rows_follow_the_layout);
	tcase_add_test(tc, help_notes_and_fields);
	tcase_add_test(tc, shared_questions_asked_once);
	tcase_add_test(tc, text_widths);
	suite_add_tcase(s, tc);
	return s;
}
