/* The register check of the notice (src/notice/register.c): every
 * sentence in です・ます, plain forms and noun stops caught, quotes and
 * parentheses left alone, headings and list items without 。 no sentence;
 * and check_notice naming the answer or the template line to rewrite. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/check.h"
#include "todoke/notice.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The notice of the incident's type, as the registry picks it (the answer
 * to notice.type, else "other"). */
static bool notice_build(const struct notice_set *s, const struct incident *inc,
                         struct notice *out, struct diag *err)
{
	const char *type = model_text(inc->answers, "notice.type");
	return notice_build_type(s, inc, *type ? type : "other", out, err);
}

static struct formset *fs;
static char ndir[1024];

static void setup(void)
{
	fs = test_forms();
	snprintf(ndir, sizeof ndir, "%s/forms/notice", todoke_datadir());
}

static void teardown(void)
{
	formset_free(&fs);
}

/* ---- endings ----------------------------------------------------------- */

static const struct {
	const char *s;
	bool polite;
} endings[] = {
	{ "判明いたしました", true },
	{ "深くお詫び申し上げます", true },
	{ "確認されておりません", true },
	{ "ご注意ください", true },
	{ "お尋ねすることはございません", true },
	{ "全力で取り組んでまいります", true },
	{ "リスト型攻撃によるものです", true },
	{ "調査中でした", true },
	{ "ご不安なことと存じます", true },
	{ "ご確認いただけますでしょうか", true },
	{ "ご確認くださいますよう、お願い申し上げます", true },
	{ "対策を講じてまいりましょう", true },
	{ "停止いたしました(2024年5月20日)", true },   /* a parenthesis at the end */
	{ "停止いたしました（5月20日）", true },
	{ "停止いたしました (詳細は(1)のとおり)", true },  /* nested */
	{ "ございます　", true },                      /* trailing U+3000 */
	/* plain forms */
	{ "不正ログインされた", false },
	{ "調査を開始した", false },
	{ "原因は脆弱性である", false },
	{ "流出した事実はない", false },
	{ "管理画面が操作されていた", false },
	{ "対策を講じる", false },
	/* noun stops (体言止め) */
	{ "個人情報保護委員会へ速報を提出", false },
	{ "所轄警察署に相談・被害を申告", false },
	{ "会員　最大6,186名", false },
	{ "件名は「ご確認ください」", false },          /* a quote is not the ending */
	{ "(停止いたしました)", false },               /* all parenthesis: nothing polite */
	{ "", false },
};

START_TEST(polite_endings)
{
	const char *s = endings[_i].s;
	ck_assert_msg(notice_polite_ending(s, strlen(s)) == endings[_i].polite,
	              "「%s」: want %s", s, endings[_i].polite ? "polite" : "not polite");
}
END_TEST

/* ---- sentences of a built notice -------------------------------------- */

#define IHEAD                                                                  \
	"todoke-incident 1\n[incident]\nform: ipa-access 3.5\nform: ppc-report 2024\n" \
	"form: notice 1\n[answers]\n"

static struct incident *inc_of(const char *answers)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s%s[end]\n", IHEAD, answers);
	struct incident *inc = NULL;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(incident_parse(sb.buf, sb.len, "t.incident", fs, &inc, &d),
	              "incident line %d: %s", d.line, d.msg);
	sb_release(&sb);
	return inc;
}

/* A one-block template of type "other": the body from line 5 on. */
#define T(body) "todoke-notice 1\ntype other\norder main\nblock main\n" body "end\n"

static struct notice_set *tmpl_ok(const char *text)
{
	struct diag d;
	diag_clear(&d);
	struct notice_set *s = notice_set_parse(text, strlen(text), "t.notice", ndir, &d);
	ck_assert_msg(s != NULL, "template: %s:%d: %s", d.file, d.line, d.msg);
	return s;
}

/* The impolite sentences of the template built on the answers, one a line
 * as "sentence <- origin": origin "file:line", "id", "id[entry].field";
 * "?" for none. */
static char *impolite(const char *tmpl, const char *answers)
{
	struct notice_set *s = tmpl_ok(tmpl);
	struct incident *inc = inc_of(answers);
	struct notice n;
	struct diag d;
	diag_clear(&d);
	ck_assert_msg(notice_build(s, inc, &n, &d), "build: %s:%d: %s", d.file, d.line, d.msg);
	struct nimpolite *v;
	size_t k = notice_impolite(&n, &v);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < k; i++) {
		const char *t = n.v[v[i].block].text;
		const struct nspan *f = v[i].from;
		sb_addf(&sb, "%.*s <- ", (int)(v[i].end - v[i].start), t + v[i].start);
		if (f && f->field)
			sb_addf(&sb, "%s[%zu].%s\n", f->id, f->entry, f->field);
		else if (f && f->id)
			sb_addf(&sb, "%s\n", f->id);
		else if (f && f->file)
			sb_addf(&sb, "%s:%d\n", strrchr(f->file, '/') ? strrchr(f->file, '/') + 1
			                                               : f->file, f->line);
		else
			sb_add(&sb, "?\n");
	}
	free(v);
	notice_release(&n);
	incident_free(&inc);
	notice_set_free(&s);
	return sb_detach(&sb);
}

#define ck_impolite(tmpl, answers, want)                                       \
	do {                                                                   \
		char *got_ = impolite(tmpl, answers);                          \
		ck_assert_str_eq(got_, want);                                  \
		free(got_);                                                    \
	} while (0)

START_TEST(sentences_template_and_answers)
{
	/* Fixed wording: the line of the template. */
	ck_impolite(T("|本件を報告いたしました。本件を報告した。\n"), "",
	            "本件を報告した。 <- t.notice:5\n");
	/* An answer's sentence names the answer, even when the 。 is the
	 * template's. */
	ck_impolite(T("|{cause}。\n"), "cause: 脆弱性を突かれた\n", "脆弱性を突かれた。 <- cause\n");
	ck_impolite(T("|{cause}\n"), "cause:\n| 一つ目です。\n| 二つ目である。\n| 三つ目でした。\n",
	            "二つ目である。 <- cause\n");
	/* The answer inside polite wording is fine: the ending is the template's. */
	ck_impolite(T("|原因は{cause}です。\n"), "cause: 脆弱性を突かれた\n", "");
	/* Fixed wording ending in an answer: the answer is what to rewrite. */
	ck_impolite(T("|再開は{notice.resume}\n"), "notice.resume: 6月1日を予定。\n",
	            "再開は6月1日を予定。 <- notice.resume\n");
}
END_TEST

START_TEST(sentences_quotes_parentheses)
{
	/* 。 inside 「」 or () ends no sentence. */
	ck_impolite(T("|「攻撃を受けた。」との連絡を受けました。\n"), "", "");
	ck_impolite(T("|調査しました(結果は後日。)。\n"), "", "");
	ck_impolite(T("|件名は『注意。』です。\n"), "", "");
	/* An unclosed bracket stops at the end of the line. */
	ck_impolite(T("|{cause}\n"), "cause:\n| 「未完の引用\n| 調査を開始した。\n",
	            "調査を開始した。 <- cause\n");
}
END_TEST

START_TEST(sentences_headings_items_timeline)
{
	/* Headings and list items without 。: 体言止め is theirs. */
	ck_impolite(T("title 不正アクセスに関するお詫び\nsection 経緯\nsub 原因\n"
	              "|本文です。\nitem 氏名\nline 電話番号:03\nitems ppc.items\n"),
	            "ppc.items:\n| 氏名\n| 住所\n", "");
	/* A timeline entry without 。 is no sentence; one ending in 。 is. */
	ck_impolite(T("for timeline\n|{.date}、{.text}\n|\nend\n"),
	            "timeline[1].date: 2024-05-20\ntimeline[1].text: 検知\n"
	            "timeline[2].date: 2024-05-21\ntimeline[2].text: 速報を提出。\n"
	            "timeline[3].date: 2024-05-22\ntimeline[3].text: 遮断いたしました。\n",
	            "2024年5月21日、速報を提出。 <- timeline[2].text\n");
	/* A list item ending in 。 is a sentence too. */
	ck_impolite(T("items ppc.items\n"), "ppc.items:\n| 氏名\n| 住所を削除した。\n",
	            "住所を削除した。 <- ppc.items\n");
}
END_TEST

START_TEST(sentences_gap_left_alone)
{
	/* An unanswered 〔label〕 is the missing-answer check's, not this one's. */
	ck_impolite(T("|原因:{cause}。\n"), "", "");
}
END_TEST

/* ---- check_notice --------------------------------------------------- */

static const struct problem *first_wording(const struct problems *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].sev == SEV_WORDING)
			return &p->v[i];
	return NULL;
}

static size_t count_wording(const struct problems *p)
{
	size_t k = 0;
	for (size_t i = 0; i < p->n; i++)
		k += p->v[i].sev == SEV_WORDING;
	return k;
}

START_TEST(check_names_answer_and_line)
{
	struct notice_set *s = tmpl_ok(T("|{cause}\nfor timeline\n|{.date}、{.text}\nend\n"
	                                 "|以上のとおりである。\n"));
	struct incident *inc = inc_of("cause:\n| 第三者によるパスワードリスト攻撃が行われた。\n"
	                              "timeline[1].date: 2022-08-15\n"
	                              "timeline[1].text: 個人情報保護委員会へ速報を提出。\n");
	struct problems p = { 0 };
	check_documents(inc, s, &p);
	ck_assert_uint_eq(count_wording(&p), 3);
	const struct problem *q = first_wording(&p);
	ck_assert_str_eq(q->id, "cause");
	ck_assert_int_eq(q->line, 7);   /* the line of cause: in the incident */
	ck_assert_ptr_nonnull(strstr(q->msg, "「第三者によるパスワードリスト攻撃が行われた。」"));
	ck_assert_ptr_nonnull(strstr(q->msg, "原因"));
	ck_assert_str_eq(p.v[1].id, "timeline");
	ck_assert_int_eq(p.v[1].line, 10);
	ck_assert_ptr_nonnull(strstr(p.v[1].msg, "entry 1"));
	ck_assert_ptr_nonnull(strstr(p.v[1].msg, "2022年8月15日、個人情報保護委員会へ速報を提出。"));
	/* The template's own wording: its file and line. */
	ck_assert_str_eq(p.v[2].id, "notice.type");
	ck_assert_int_eq(p.v[2].line, 0);
	ck_assert_ptr_nonnull(strstr(p.v[2].msg, "t.notice:9"));
	problems_release(&p);
	incident_free(&inc);
	notice_set_free(&s);
}
END_TEST

/* A long sentence is quoted by its start and its end, where the ending is. */
START_TEST(check_long_sentence_excerpt)
{
	struct notice_set *s = tmpl_ok(T("|{cause}\n"));
	struct incident *inc = inc_of("cause: 当社が運営するオンラインショップのスマートフォンアプリに対し、"
	                              "第三者によるパスワードリスト攻撃が行われ、会員のうち一部のアカウントに"
	                              "不正ログインされた。\n");
	struct problems p = { 0 };
	check_documents(inc, s, &p);
	ck_assert_uint_eq(count_wording(&p), 1);
	ck_assert_ptr_nonnull(strstr(p.v[0].msg, "「当社が運営するオンラインショップのスマー…"));
	ck_assert_ptr_nonnull(strstr(p.v[0].msg, "一部のアカウントに不正ログインされた。」"));
	problems_release(&p);
	incident_free(&inc);
	notice_set_free(&s);
}
END_TEST


/* The preview's marks: gaps and impolite sentences, in document order,
 * each with the question that fixes it, written in as 【n】. */
START_TEST(marks_in_place)
{
	struct notice_set *s = tmpl_ok(T("title {notice.site}へのお詫び\n|{cause}\n|\n|報告した。原因:{ppc.summary}です。\n"));
	struct incident *inc = inc_of("cause: 攻撃を受けた。ご迷惑をおかけしました。\n");
	struct notice n;
	struct diag d;
	diag_clear(&d);
	ck_assert(notice_build(s, inc, &n, &d));
	struct nmark *m;
	size_t k = notice_marks(&n, &m);
	ck_assert_uint_eq(k, 4);
	ck_assert_str_eq(m[0].id, "notice.site");
	ck_assert(!m[0].wording);
	ck_assert_str_eq(m[1].id, "cause");
	ck_assert(m[1].wording);
	ck_assert_ptr_null(m[2].id);                /* 報告した。: the template's */
	ck_assert(m[2].wording);
	ck_assert_str_eq(m[3].id, "ppc.summary");
	ck_assert(!m[3].wording);
	notice_apply_marks(&n, m, k);
	ck_assert_str_eq(n.v[0].text, "〔サイト・サービスの名称〕【1】へのお詫び");
	ck_assert_str_eq(n.v[1].text, "攻撃を受けた。【2】ご迷惑をおかけしました。");
	ck_assert_str_eq(n.v[2].text, "報告した。【3】原因:〔事案の概要〕【4】です。");
	free(m);
	notice_release(&n);
	incident_free(&inc);
	notice_set_free(&s);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("register");
	TCase *tc = tcase_create("endings");
	tcase_add_loop_test(tc, polite_endings, 0, N(endings));
	suite_add_tcase(s, tc);
	tc = tcase_create("sentences");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, sentences_template_and_answers);
	tcase_add_test(tc, sentences_quotes_parentheses);
	tcase_add_test(tc, sentences_headings_items_timeline);
	tcase_add_test(tc, sentences_gap_left_alone);
	tcase_add_test(tc, check_names_answer_and_line);
	tcase_add_test(tc, check_long_sentence_excerpt);
	tcase_add_test(tc, marks_in_place);
	suite_add_tcase(s, tc);
	return s;
}
