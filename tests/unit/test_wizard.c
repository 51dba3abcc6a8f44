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

/* `when`: the rows of a question not asked are hidden and not counted;
 * a page whose every question is hidden stays, with no answer rows. */
static const char when_form[] =
	"todoke-form 1\nid w\nversion 1\ntitle W\n"
	"section a 1.種類\n"
	"|{radio kind a}甲 {radio kind b}乙\n"
	"|{text detail \"詳細\"}\n"
	"options sub x=X y=Y\n"
	"|{choice sub \"小分類\"}\n"
	"|{box more}追加({note more 8})\n"
	"|{date found \"発見日\"}\n"
	"|{date told \"報告日\"}\n"
	"section b 2.遅れ\n"
	"|遅れについて\n"
	"|{para late \"遅れた理由\"}\n"
	"when detail kind=a\n"
	"when sub kind=a\n"
	"when more kind=a\n"
	"when late told > found + 30\n";

START_TEST(hidden_questions)
{
	struct diag d;
	struct form *f = form_parse(when_form, sizeof when_form - 1, "w.form", &d);
	ck_assert_msg(f != NULL, "%d: %s", d.line, d.msg);
	const struct form *cf = f;
	struct incident *wi = incident_new(&cf, 1);
	struct model *m = wi->answers;
	struct wizard *w = wizard_new(wi);
	ck_assert_uint_eq(w->npages, 2);

	const struct page *p = &w->pages[0];
	const struct row *detail = NULL, *sub_label = NULL, *sub_x = NULL, *box = NULL,
	                 *note = NULL, *radio = NULL;
	for (size_t i = 0; i < p->nrows; i++) {
		const struct row *r = &p->rows[i];
		if (r->kind == ROW_FIELD && strcmp(r->q->id, "detail") == 0)
			detail = r;
		else if (r->kind == ROW_TEXT && strcmp(r->text, "小分類:") == 0)
			sub_label = r;
		else if (r->kind == ROW_RADIO && strcmp(r->q->id, "sub") == 0 && r->opt == 0)
			sub_x = r;
		else if (r->kind == ROW_BOX)
			box = r;
		else if (r->kind == ROW_NOTE)
			note = r;
		else if (r->kind == ROW_RADIO && strcmp(r->q->id, "kind") == 0 && r->opt == 0)
			radio = r;
	}
	ck_assert(detail && sub_label && sub_x && box && note && radio);

	size_t done, total;
	/* kind unanswered: only kind, found and told are asked. */
	ck_assert(!row_visible(detail, m));
	ck_assert(!row_visible(sub_label, m));   /* the label hides with its choice */
	ck_assert(!row_visible(sub_x, m));
	ck_assert(!row_visible(box, m));
	ck_assert(row_visible(radio, m));
	page_progress(p, m, &done, &total);
	ck_assert_uint_eq(total, 3);
	ck_assert_uint_eq(done, 0);

	model_set_text(m, "kind", Q_CHOICE, "a");
	ck_assert(row_visible(detail, m));
	ck_assert(row_visible(sub_label, m));
	ck_assert(row_visible(sub_x, m));
	ck_assert(row_visible(box, m));
	ck_assert(!row_visible(note, m));        /* still: its box is not ticked */
	page_progress(p, m, &done, &total);
	ck_assert_uint_eq(total, 6);
	ck_assert_uint_eq(done, 1);

	/* A hidden question's answer is kept but not counted. */
	model_set_text(m, "detail", Q_TEXT, "詳細");
	model_set_check(m, "more", true, "x");
	ck_assert(row_visible(note, m));
	page_progress(p, m, &done, &total);
	ck_assert_uint_eq(done, 3);
	model_set_text(m, "kind", Q_CHOICE, "b");
	ck_assert(!row_visible(detail, m));
	ck_assert(!row_visible(note, m));        /* ticked, but its box is hidden */
	page_progress(p, m, &done, &total);
	ck_assert_uint_eq(total, 3);
	ck_assert_uint_eq(done, 1);

	/* Page 2: its only question hidden until 報告日 is over 30 days late. */
	p = &w->pages[1];
	ck_assert_str_eq(p->title, "2.遅れ");
	const struct row *late = &p->rows[p->nrows - 1];
	ck_assert_int_eq(late->kind, ROW_PARA);
	ck_assert(row_visible(&p->rows[0], m));  /* its text stays */
	ck_assert(!row_visible(late, m));
	page_progress(p, m, &done, &total);
	ck_assert_uint_eq(total, 0);
	ck_assert_uint_eq(done, 0);
	model_set_date(m, "found", (struct date){ 2024, 4, 1 });
	model_set_date(m, "told", (struct date){ 2024, 5, 1 });   /* 30 days */
	ck_assert(!row_visible(late, m));
	model_set_date(m, "told", (struct date){ 2024, 5, 2 });   /* 31 */
	ck_assert(row_visible(late, m));
	page_progress(p, m, &done, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_uint_eq(done, 0);

	wizard_free(&w);
	incident_free(&wi);
	form_free(&f);
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
	tcase_add_test(tc, hidden_questions);
	tcase_add_test(tc, text_widths);
	suite_add_tcase(s, tc);
	return s;
}
