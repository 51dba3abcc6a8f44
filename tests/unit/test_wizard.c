/* The wizard's pages, built from the IPA form as data, and text widths. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/check.h"
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
		{ "B", "目視で発見" }, { "B", "監視ツール類のアラートにより発見(ツール名称:...)" },
		{ "N", "ツール名称:" },
		{ "T", "・外部からの連絡で発見" }, { "B", "顧客・取引先からの連絡" },
		{ "B", "外部サービスの提供者(クラウドサービス事業者、カード決済事業者等)からの連絡" },
		{ "N", "(連絡者:" },
		{ "B", "セキュリティベンダ・報道機関・政府組織からの連絡" }, { "N", "(連絡者:" },
		{ "B", "その他(...)" }, { "N", "その他:" },
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

/* No field is ever an unlabeled line: every row that takes typed text
 * (a box's note, a field, a date) on every page of every form shows words
 * before it (the note of 「…(ツール名称:{note})」 was a bare field). */
START_TEST(every_text_row_is_labeled)
{
	struct diag d;
	struct incident *all = incident_create(fs, "ラベル", &d);
	ck_assert_msg(all != NULL, "%s", d.msg);
	struct wizard *w = wizard_new(all);
	size_t seen = 0;
	for (size_t k = 0; k < w->npages; k++)
		for (size_t i = 0; i < w->pages[k].nrows; i++) {
			const struct row *r = &w->pages[k].rows[i];
			if (r->kind != ROW_NOTE && r->kind != ROW_FIELD && r->kind != ROW_DATE)
				continue;
			seen++;
			ck_assert_msg(r->text[strspn(r->text, " ")] != '\0', "%s: %s has no label",
			              w->pages[k].title, r->q->id);
		}
	ck_assert_uint_gt(seen, 50);
	wizard_free(&w);
	incident_free(&all);
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
	ck_assert_int_eq(tw_swidth("abc"), 3);
	ck_assert_int_eq(tw_swidth("日本語"), 6);
	ck_assert_int_eq(tw_swidth("ｶﾀｶﾅ"), 4);
	ck_assert_int_eq(tw_swidth("😀"), 2);
	ck_assert_int_eq(tw_swidth("か\xe3\x82\x99"), 2);  /* が as か + dakuten */
	int used;
	/* Never half of a wide character. */
	ck_assert_uint_eq(tw_fit("日本語", 9, 5, TW_SCREEN, &used), 6);
	ck_assert_int_eq(used, 4);
	/* A combining mark stays with its base. */
	ck_assert_uint_eq(tw_fit("か\xe3\x82\x99x", 7, 2, TW_SCREEN, &used), 6);
	size_t starts[8];
	const char *s = "ab日本語cd";
	ck_assert_uint_eq(tw_wrap(s, strlen(s), 5, starts, 8), 3);
	ck_assert_uint_eq(starts[1], 5);  /* "ab日" fits 4 of 5; 本 would make 6 */
	ck_assert_uint_eq(starts[2], 12); /* "本語c" = 5 */
	ck_assert_uint_eq(tw_wrap("", 0, 5, starts, 8), 1);
}
END_TEST

/* ---- one rule for "answered": check, the pages' progress, the wizard ---- */

/* The page asking a question, and that question's first row. */
static const struct page *page_asking(const struct wizard *w, const char *id,
                                      const struct row **row)
{
	for (size_t i = 0; i < w->npages; i++)
		for (size_t k = 0; k < w->pages[i].nrows; k++) {
			const struct row *r = &w->pages[i].rows[k];
			if (r->q && strcmp(r->q->id, id) == 0 && row_takes_answer(r)) {
				*row = r;
				return &w->pages[i];
			}
		}
	ck_abort_msg("no page asks %s", id);
	return NULL;
}

struct answered_case {
	const char *id;
	const char *text;     /* set as text (Q_TEXT/Q_LINES); NULL: see box */
	int box;              /* -1: not a box; 0: [ ]; 1: [x] */
	bool want;
	int unit;             /* what progress counts of it, -1: as want */
};

/* Where check_answered, the wizard's question_answered and page.c
 * disagreed before they became one function (form.h). */
static const struct answered_case answered_cases[] = {
	{ "reporter.name", "山田", -1, true, -1 },
	/* 全角スペース only: check said no, the page's progress said yes. */
	{ "reporter.org", "\xe3\x80\x80\xe3\x80\x80", -1, false, -1 },
	{ "reporter.org", " \t", -1, false, -1 },
	/* A box set to [ ] ("no" is an answer): check said yes, progress no.
	 * Progress now counts 2-1)'s boxes as one group, which a [ ] does
	 * not answer (form.h: unit_answered), check and pages alike. */
	{ "device.pc", NULL, 0, true, 0 },
	{ "device.pc", NULL, 1, true, -1 },
	{ "device.mobile", NULL, -1, false, -1 },
	/* Blank lines in a paragraph: page.c showed them as the answer, with
	 * no 「(not answered)」 hint; check and progress said no. */
	{ "found.detail", "  \n\t\n\xe3\x80\x80", -1, false, -1 },
	{ "found.detail", "\n一行", -1, true, -1 },
};

START_TEST(answered_is_one_rule)
{
	const struct answered_case *c = &answered_cases[_i];
	struct wizard *w = wizard_new(inc);
	const struct row *r;
	const struct page *p = page_asking(w, c->id, &r);
	struct date today = { 2022, 10, 27 };
	size_t done0, total0, done1, total1;
	struct problems before, after;
	page_progress(p, inc->answers, &done0, &total0);
	check_incident(inc, today, &before);

	if (c->text)
		model_set_text(inc->answers, c->id, r->kind == ROW_PARA ? Q_LINES : Q_TEXT, c->text);
	else if (c->box >= 0)
		model_set_check(inc->answers, c->id, c->box == 1, NULL);

	ck_assert_msg(question_answered(r->q, inc->answers) == c->want, "%s", c->id);
	page_progress(p, inc->answers, &done1, &total1);
	ck_assert_uint_eq(total1, total0);
	size_t counts = c->unit >= 0 ? (size_t)c->unit : c->want;
	ck_assert_uint_eq(done1 - done0, counts);
	check_incident(inc, today, &after);
	ck_assert_uint_eq(after.total, before.total);
	ck_assert_uint_eq(after.answered - before.answered, counts);
	problems_release(&before);
	problems_release(&after);
	wizard_free(&w);
}
END_TEST

/* The pages count what check counts: every unit once (a group of boxes is
 * one, form.h), on the page that asks it, whatever form of the incident
 * declared it: 山田 only; device.pc's [ ] answers nothing of 2-1). */
START_TEST(pages_count_what_check_counts)
{
	const struct form *forms[2] = { formset_latest(fs, "ipa-access"),
	                                formset_latest(fs, "ppc-report") };
	struct incident *both = incident_new(forms, 2);
	model_set_text(both->answers, "reporter.name", Q_TEXT, "山田");
	model_set_check(both->answers, "device.pc", false, NULL);
	model_set_text(both->answers, "found.detail", Q_LINES, "\xe3\x80\x80");
	struct wizard *w = wizard_new(both);
	size_t done = 0, total = 0;
	for (size_t i = 0; i < w->npages; i++) {
		size_t d, t;
		page_progress(&w->pages[i], both->answers, &d, &t);
		done += d;
		total += t;
	}
	struct problems p;
	check_incident(both, (struct date){ 2022, 10, 27 }, &p);
	ck_assert_uint_eq(done, 1);
	ck_assert_uint_eq(p.answered, done);
	ck_assert_uint_eq(p.total, 28 + 37);
	ck_assert_uint_eq(p.total, total);
	problems_release(&p);
	wizard_free(&w);
	incident_free(&both);
}
END_TEST

/* ---- answering: typed text and ticks into the model (answer.c) ---------- */

static struct question q_num = { .id = "n", .type = Q_NUMBER, .label = "人数" };
static struct question q_date = { .id = "d", .type = Q_DATE, .label = "発覚日" };
static struct question q_text = { .id = "t", .type = Q_TEXT, .label = "氏名" };
static struct question q_para = { .id = "p", .type = Q_LINES, .label = "詳細" };
static struct question q_box = { .id = "b", .type = Q_CHECK, .label = "その他",
                                 .has_note = true };
static struct q_option opts[] = { { "yes", "有り" }, { "no", "無し" } };
static struct question q_choice = { .id = "c", .type = Q_CHOICE, .label = "被害",
                                    .opts = opts, .nopts = 2 };

struct number_case {
	const char *text;
	bool ok;
	long long want;
	const char *why;
};

static const struct number_case numbers[] = {
	{ "42", true, 42, NULL },
	{ " 42\t", true, 42, NULL },
	{ "\xe3\x80\x80" "１２３" "\xe3\x80\x80", true, 123, NULL },   /* full-width, as IMEs type */
	{ "1２3", true, 123, NULL },
	{ "-5", true, -5, NULL },
	{ "+7", true, 7, NULL },
	{ "0", true, 0, NULL },
	{ "9223372036854775807", true, LLONG_MAX, NULL },
	{ "-9223372036854775808", true, LLONG_MIN, NULL },
	/* strtoll saturated these silently: 人数 would have become 9223372036854775807. */
	{ "9223372036854775808", false, 0, "the number is too large" },
	{ "99999999999999999999999", false, 0, "the number is too large" },
	{ "-9223372036854775809", false, 0, "the number is too large" },
	{ "12a", false, 0, "type a whole number, e.g. 6186, 6,186 or 約6,000" },
	{ "1 2", false, 0, "type a whole number, e.g. 6186, 6,186 or 約6,000" },
	{ "1,000", true, 1000, NULL },
	{ "6,186", true, 6186, NULL },
	{ "６１８６", true, 6186, NULL },
	{ "６，１８６", true, 6186, NULL },
	{ "6186人", true, 6186, NULL },
	{ "1,234,567名", true, 1234567, NULL },
	{ "20 件", true, 20, NULL },
	{ "0x10", false, 0, "type a whole number, e.g. 6186, 6,186 or 約6,000" },
	{ "-", false, 0, "type a whole number, e.g. 6186, 6,186 or 約6,000" },
	{ "", false, 0, "type a whole number, e.g. 6186, 6,186 or 約6,000" },
	{ "6186人くらい", false, 0, "type a whole number, e.g. 6186, 6,186 or 約6,000" },
	{ "6,18", false, 0, "commas go between groups of three digits, as in 6,186" },
	{ "61,86", false, 0, "commas go between groups of three digits, as in 6,186" },
	{ "6186,000", false, 0, "commas go between groups of three digits, as in 6,186" },
	{ "1,0000", false, 0, "commas go between groups of three digits, as in 6,186" },
	{ "6,", false, 0, "type a whole number, e.g. 6186, 6,186 or 約6,000" },
	/* No 確定/最大/約 beside it: the number must be exact. */
	{ "約100", false, 0, "give the exact number here (約 and 最大 are kept only beside a "
	                      "確定/最大/約 choice)" },
};

struct count_case {
	const char *text;
	long long want;
	enum wizard_bound bound;
};

static const struct count_case counts[] = {
	{ "約6,000", 6000, WIZ_BOUND_APPROX },
	{ "約６０００人", 6000, WIZ_BOUND_APPROX },
	{ "\xe3\x80\x80約 6,000 名", 6000, WIZ_BOUND_APPROX },
	{ "およそ300件", 300, WIZ_BOUND_APPROX },
	{ "6000人程度", 6000, WIZ_BOUND_APPROX },
	{ "about 6,000", 6000, WIZ_BOUND_APPROX },
	{ "最大6,186", 6186, WIZ_BOUND_ATMOST },
	{ "最大で6186人", 6186, WIZ_BOUND_ATMOST },
	{ "6186名以下", 6186, WIZ_BOUND_ATMOST },
	{ "up to 6186", 6186, WIZ_BOUND_ATMOST },
	{ "6186", 6186, WIZ_BOUND_NONE },
};

START_TEST(counts_keep_their_bound)
{
	const struct count_case *c = &counts[_i];
	long long n = 99;
	enum wizard_bound b = 99;
	const char *why = NULL;
	ck_assert_msg(wizard_parse_count(c->text, &n, &b, &why), "%s: %s", c->text, why);
	ck_assert_msg(n == c->want, "%s: %lld", c->text, n);
	ck_assert_msg(b == c->bound, "%s: bound %d", c->text, (int)b);
	/* 約-5 is no count. */
	ck_assert(!wizard_parse_count("約-5", &n, &b, &why));
}
END_TEST

/* The PPC report's 人数 takes 約/最大 into its 確定/最大/約 choice, as the
 * report allows; the row knows that choice from the form's layout. */
START_TEST(count_bound_goes_to_its_choice)
{
	const struct form *f = formset_find(fs, "ppc-report", "2024");
	ck_assert_ptr_nonnull(f);
	const struct question *groups = form_question(f, "ppc.groups");
	ck_assert_ptr_nonnull(groups);
	struct page ep;
	wizard_entry_page(f, groups, &ep);
	const struct row *count = NULL;
	for (size_t i = 0; i < ep.nrows; i++)
		if (ep.rows[i].q && strcmp(ep.rows[i].q->id, "count") == 0 && ep.rows[i].kind == ROW_FIELD)
			count = &ep.rows[i];
	ck_assert_ptr_nonnull(count);
	ck_assert_ptr_nonnull(count->bound);
	ck_assert_str_eq(count->bound->id, "bound");

	struct model *m = model_new();
	struct diag why;
	ck_assert(wizard_store_text(count, m, "約6,000人", &why));
	ck_assert(model_get(m, "count")->number == 6000);
	ck_assert_str_eq(model_text(m, "bound"), "approx");
	ck_assert(wizard_store_text(count, m, "最大６，１８６", &why));
	ck_assert(model_get(m, "count")->number == 6186);
	ck_assert_str_eq(model_text(m, "bound"), "atmost");
	/* A plain number leaves the choice as the user set it. */
	ck_assert(wizard_store_text(count, m, "6186", &why));
	ck_assert_str_eq(model_text(m, "bound"), "atmost");
	diag_clear(&why);
	ck_assert(!wizard_store_text(count, m, "6,18", &why));
	ck_assert_str_eq(why.msg, "人数: commas go between groups of three digits, as in 6,186");
	ck_assert(model_get(m, "count")->number == 6186);
	model_free(&m);
	page_release(&ep);
}
END_TEST

START_TEST(numbers_parse)
{
	const struct number_case *c = &numbers[_i];
	long long n = 99;
	const char *why = NULL;
	ck_assert_msg(wizard_parse_number(c->text, &n, &why) == c->ok, "%s", c->text);
	if (c->ok)
		ck_assert_msg(n == c->want, "%s: %lld", c->text, n);
	else
		ck_assert_str_eq(why, c->why);
}
END_TEST

/* Pages in parts, one per document, in the registry's order of forms. */
START_TEST(pages_in_parts)
{
	const struct form *forms[] = { formset_find(fs, "ipa-access", "3.5"),
	                               formset_find(fs, "ppc-report", "2024") };
	struct incident *two = incident_new(forms, 2);
	two->fs = fs;
	struct wizard *w = wizard_new(two);
	ck_assert_uint_eq(wizard_nparts(w), 2);
	size_t first_ppc = wizard_next_part(w, 0);
	ck_assert_uint_gt(first_ppc, 1);
	ck_assert_uint_lt(first_ppc, w->npages);
	ck_assert(w->pages[0].part_first);
	ck_assert(!w->pages[1].part_first);
	ck_assert(w->pages[first_ppc].part_first);
	ck_assert_str_eq(w->pages[0].doc->id, "ipa");
	ck_assert_str_eq(w->pages[first_ppc].doc->id, "ppc");
	ck_assert_uint_eq(wizard_part_of(w, first_ppc - 1), 0);
	ck_assert_uint_eq(wizard_part_of(w, first_ppc), 1);
	ck_assert_uint_eq(wizard_next_part(w, first_ppc), w->npages);
	size_t nth, count;
	wizard_part_pages(w, first_ppc + 1, &nth, &count);
	ck_assert_uint_eq(nth, 2);
	ck_assert_uint_eq(count, w->npages - first_ppc);
	wizard_part_pages(w, 0, &nth, &count);
	ck_assert_uint_eq(nth, 1);
	ck_assert_uint_eq(count, first_ppc);
	wizard_free(&w);
	incident_free(&two);
}
END_TEST

START_TEST(typed_text_is_stored)
{
	struct model *m = model_new();
	struct row num = { .kind = ROW_FIELD, .q = &q_num };
	struct row date = { .kind = ROW_DATE, .q = &q_date };
	struct row text = { .kind = ROW_FIELD, .q = &q_text };
	struct row para = { .kind = ROW_PARA, .q = &q_para };
	struct row note = { .kind = ROW_NOTE, .q = &q_box };
	struct diag why;
	char *t;

	ck_assert(wizard_store_text(&num, m, "１２３", &why));
	ck_assert_int_eq(model_get(m, "n")->type, Q_NUMBER);
	ck_assert(model_get(m, "n")->number == 123);
	ck_assert_str_eq(t = wizard_value_text(&num, m), "123");
	free(t);
	/* What does not read leaves the answer as it was, and says why. */
	diag_clear(&why);
	ck_assert(!wizard_store_text(&num, m, "百", &why));
	ck_assert_str_eq(why.msg, "人数: type a whole number, e.g. 6186, 6,186 or 約6,000");
	ck_assert(model_get(m, "n")->number == 123);
	ck_assert(wizard_store_text(&num, m, "\xe3\x80\x80", &why));   /* blank: unset */
	ck_assert_ptr_null(model_get(m, "n"));

	ck_assert(wizard_store_text(&date, m, "2022年10月24日", &why));
	ck_assert_str_eq(t = wizard_value_text(&date, m), "2022-10-24");
	free(t);
	ck_assert(wizard_store_text(&date, m, " ２０２２／２／２８ ", &why));
	ck_assert_str_eq(t = wizard_value_text(&date, m), "2022-02-28");
	free(t);
	diag_clear(&why);
	ck_assert(!wizard_store_text(&date, m, "2022-02-30", &why));
	ck_assert_str_eq(why.msg, "発覚日: no such day: February 2022 has 28 days"
	                          " — e.g. 2022-10-24, 2022/10/24 or 2022年10月24日");
	ck_assert_str_eq(t = wizard_value_text(&date, m), "2022-02-28");
	free(t);
	ck_assert(!wizard_store_text(&date, m, "2022-10", &why));
	ck_assert(wizard_store_text(&date, m, " \t", &why));
	ck_assert_ptr_null(model_get(m, "d"));

	/* Text is kept as typed, blank too (it is then not an answer). */
	ck_assert(wizard_store_text(&text, m, "  ", &why));
	ck_assert_str_eq(model_text(m, "t"), "  ");
	ck_assert(!question_answered(&q_text, m));
	ck_assert(wizard_store_text(&text, m, "山田 太郎", &why));
	ck_assert_int_eq(model_get(m, "t")->type, Q_TEXT);
	ck_assert(question_answered(&q_text, m));
	ck_assert(wizard_store_text(&text, m, "", &why));
	ck_assert_ptr_null(model_get(m, "t"));
	ck_assert_str_eq(t = wizard_value_text(&text, m), "");
	free(t);

	ck_assert(wizard_store_text(&para, m, "一行目\n二行目", &why));
	ck_assert_int_eq(model_get(m, "p")->type, Q_LINES);
	ck_assert_str_eq(model_text(m, "p"), "一行目\n二行目");
	ck_assert(wizard_store_text(&para, m, "", &why));
	ck_assert_ptr_null(model_get(m, "p"));

	/* A note keeps its box as it is. */
	model_set_check(m, "b", true, NULL);
	ck_assert(wizard_store_text(&note, m, "取引先", &why));
	ck_assert(model_checked(m, "b"));
	ck_assert_str_eq(model_text(m, "b"), "取引先");
	model_free(&m);
}
END_TEST

START_TEST(ticks_and_choices)
{
	struct model *m = model_new();
	struct row box = { .kind = ROW_BOX, .q = &q_box };
	struct row yes = { .kind = ROW_RADIO, .q = &q_choice, .opt = 0 };
	struct row no = { .kind = ROW_RADIO, .q = &q_choice, .opt = 1 };
	struct row heading = { .kind = ROW_TEXT, .text = "見出し" };

	ck_assert(!question_answered(&q_box, m));
	ck_assert(wizard_toggle(&box, m));
	ck_assert(model_checked(m, "b"));
	model_set_check(m, "b", true, "メモ");
	ck_assert(wizard_toggle(&box, m));
	/* Unticked on purpose: an answer, and the note stays. */
	ck_assert(!model_checked(m, "b"));
	ck_assert(question_answered(&q_box, m));
	ck_assert_str_eq(model_text(m, "b"), "メモ");

	ck_assert(wizard_toggle(&no, m));
	ck_assert_str_eq(model_text(m, "c"), "no");
	ck_assert(wizard_toggle(&yes, m));
	ck_assert_str_eq(model_text(m, "c"), "yes");
	ck_assert_int_eq(model_get(m, "c")->type, Q_CHOICE);

	ck_assert(!wizard_toggle(&heading, m));
	ck_assert_uint_eq(model_count(m), 2);
	model_free(&m);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("wizard");
	TCase *tc = tcase_create("pages");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, one_page_per_section_that_asks);
	tcase_add_test(tc, rows_follow_the_layout);
	tcase_add_test(tc, every_text_row_is_labeled);
	tcase_add_test(tc, help_notes_and_fields);
	tcase_add_test(tc, shared_questions_asked_once);
	tcase_add_test(tc, hidden_questions);
	tcase_add_test(tc, text_widths);
	tcase_add_loop_test(tc, answered_is_one_rule, 0,
	                    (int)(sizeof answered_cases / sizeof answered_cases[0]));
	tcase_add_test(tc, pages_count_what_check_counts);
	tcase_add_loop_test(tc, numbers_parse, 0, (int)(sizeof numbers / sizeof numbers[0]));
	tcase_add_loop_test(tc, counts_keep_their_bound, 0, (int)(sizeof counts / sizeof counts[0]));
	tcase_add_test(tc, count_bound_goes_to_its_choice);
	tcase_add_test(tc, pages_in_parts);
	tcase_add_test(tc, typed_text_is_stored);
	tcase_add_test(tc, ticks_and_choices);
	suite_add_tcase(s, tc);
	return s;
}
