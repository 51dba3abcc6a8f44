/* The form language: the IPA form as loaded, and bad form files reported
 * with file and line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/export.h"
#include "todoke/form.h"
#include "todoke/strbuf.h"

static struct form *parse(const char *text, struct diag *d)
{
	diag_clear(d);
	return form_parse(text, strlen(text), "t.form", d);
}

#define HEAD "todoke-form 1\nid t\nversion 1\ntitle T\n"

START_TEST(ipa_form_structure)
{
	struct diag d;
	const char *dir = getenv("TODOKE_DATADIR");
	char path[512];
	snprintf(path, sizeof path, "%s/forms/ipa-access-3.5.form", dir ? dir : ".");
	struct form *f = form_load(path, &d);
	ck_assert_msg(f != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	ck_assert_str_eq(f->id, "ipa-access");
	ck_assert_str_eq(f->version, "3.5");
	ck_assert_str_eq(f->title, "コンピュータ不正アクセス届出様式");
	ck_assert_str_eq(f->mailto, "crack@ipa.go.jp");
	ck_assert_uint_eq(f->nqs, 68 + 9 + 1);  /* IPA's 68, the 9 ransomware facts, reported.none */
	ck_assert_uint_eq(f->nsections, 19);

	const struct question *q = form_question(f, "device.server.other");
	ck_assert_int_eq(q->type, Q_CHECK);
	ck_assert(q->has_note);
	ck_assert_int_eq(q->note_width, 16);
	ck_assert_str_eq(q->label, "サーバ:その他");
	ck_assert_str_eq(f->sections[q->section].title, "2-1)被害を受けた機器等");

	q = form_question(f, "reporter.address");
	ck_assert_int_eq(q->type, Q_TEXT);
	ck_assert_str_eq(q->label, "住所");
	ck_assert_str_eq(form_question(f, "vuln.version")->label, "バージョン情報");
	ck_assert_int_eq(form_question(f, "vuln.version")->type, Q_TEXT);
	ck_assert_str_eq(form_question(f, "reported.vendor")->label, "セキュリティベンダ 組織名");
	ck_assert_str_eq(form_question(f, "found.detail")->label,
	                 "3-2)発見した内容(疑いを持った状況)");

	q = form_question(f, "damage.present");
	ck_assert_int_eq(q->type, Q_CHOICE);
	ck_assert_uint_eq(q->nopts, 2);
	ck_assert_str_eq(q->opts[0].id, "yes");
	ck_assert_str_eq(q->opts[0].label, "被害有り");
	ck_assert_str_eq(q->opts[1].label, "被害無し(未遂)");
	q = form_question(f, "insurance.disclose");
	ck_assert_str_eq(q->opts[0].label, "許可する");
	ck_assert_str_eq(q->opts[1].label, "許可しない");

	q = form_question(f, "timeline");
	ck_assert_int_eq(q->type, Q_REPEAT);
	ck_assert_uint_eq(q->nfields, 2);
	ck_assert_int_eq(q->fields[0].type, Q_DATE);
	ck_assert_int_eq(q->fields[1].type, Q_LINES);

	/* The ※ notes are the sections' help. */
	int help = 0;
	for (size_t i = 0; i < f->nlines; i++)
		help += f->lines[i].help;
	ck_assert_int_eq(help, 9 + 1);  /* and the ransomware facts' */
	ck_assert_uint_eq(f->nrules, 10);
	form_free(&f);
	ck_assert_ptr_null(f);
}
END_TEST

START_TEST(placeholders_render)
{
	struct diag d;
	struct form *f = parse(HEAD
		"section s 1.見出し\n"
		"|{{literal}} {box b}その他({note b 4}){_}\n"
		"|{radio c x}甲 {radio c y}乙\n"
		"|数:{number n 3}/{text t 2}/{date dt}\n"
		"?省略される行:{text t2}\n"
		"|  {para p}\n"
		"|終\n", &d);
	ck_assert_msg(f != NULL, "%d: %s", d.line, d.msg);
	ck_assert_str_eq(form_question(f, "b")->label, "その他");
	ck_assert_str_eq(form_question(f, "n")->label, "数");
	ck_assert_str_eq(form_question(f, "p")->label, "1.見出し");

	struct strbuf out;
	struct model *m = model_new();
	sb_init(&out);
	layout_render(f, m, &out);
	ck_assert_str_eq(out.buf, "{literal} □その他(    ) \n□甲 □乙\n数:   /  /    年  月  日\n終\n");

	model_set_check(m, "b", true, "ｱ😀");
	model_set_text(m, "c", Q_CHOICE, "y");
	model_set_number(m, "n", 1001);
	model_set_text(m, "t", Q_TEXT, "字");
	model_set_date(m, "dt", (struct date){ 2024, 2, 29 });
	model_set_text(m, "t2", Q_TEXT, "有");
	model_set_text(m, "p", Q_LINES, "一\n\n 二");
	sb_release(&out);
	sb_init(&out);
	layout_render(f, m, &out);
	ck_assert_str_eq(out.buf, "{literal} ■その他(ｱ😀) \n□甲 ■乙\n数:1,001/字/2024年2月29日\n"
	                          "省略される行:有\n  一\n\n   二\n終\n");
	sb_release(&out);
	model_free(&m);
	form_free(&f);
}
END_TEST

/* The kinds and texts of a layout line's segments, as "T:text B F …". */
static void segs_of(const struct layout_line *l, struct strbuf *out)
{
	for (size_t i = 0; i < l->nsegs; i++) {
		const struct segment *g = &l->segs[i];
		if (i)
			sb_addc(out, ' ');
		if (g->kind == SEG_TEXT)
			sb_addf(out, "T:%s", g->text);
		else
			sb_addc(out, g->kind == SEG_BOX ? 'B' : g->kind == SEG_FIELD ? 'F' : '?');
	}
}

/* Literal text is copied a run at a time between placeholders: escapes
 * anywhere in a run, runs of multi-byte text on either side of a
 * placeholder, a lone }, placeholders side by side. */
START_TEST(literal_runs_and_escapes)
{
	static const struct { const char *line, *segs; } cases[] = {
		{ "|{{literal}}\n", "T:{literal}" },
		{ "|a{{b}}c}d{box x}e{{{box y}f}}\n", "T:a{b}c}d B T:e{ B T:f}" },
		{ "|}}}{box x}}\n", "T:}} B T:}" },
		{ "|日本{text t 4}語（{box b}有り）\n", "T:日本 F T:語（ B T:有り）" },
		{ "|日本{text t 4}語（{box b}有り\n", "T:日本 F T:語（ B T:有り" },
		{ "|{box a \"甲\"}{box b \"乙\"}{text c \"丙\"}\n", "B B F" },
		{ "|{{{{}}}}\n", "T:{{}}" },
		{ "|漢字{_}ｶﾅ😀{{\n", "T:漢字 T:  T:ｶﾅ😀{" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct diag d;
		struct strbuf text, got;
		sb_init(&text);
		sb_addf(&text, "%s%s", HEAD, cases[i].line);
		struct form *f = parse(text.buf, &d);
		ck_assert_msg(f != NULL, "case %zu: %s", i, d.msg);
		ck_assert_uint_eq(f->nlines, 1);
		sb_init(&got);
		segs_of(&f->lines[0], &got);
		ck_assert_msg(strcmp(got.buf, cases[i].segs) == 0, "case %zu: \"%s\", want \"%s\"",
		              i, got.buf, cases[i].segs);
		sb_release(&got);
		sb_release(&text);
		form_free(&f);
	}
	struct diag d;
	struct form *f = parse(HEAD "|日本{text t 4}語（{box b}有り\n", &d);
	ck_assert_str_eq(form_question(f, "t")->label, "日本");
	ck_assert_str_eq(form_question(f, "b")->label, "有り");
	form_free(&f);
	/* Full-width （ ） ： around a box or field are trimmed as the ASCII
	 * ones are: a closing （…） opened before the box is dropped, one
	 * opened in the label kept. */
	f = parse(HEAD "|名称：{text z 4}（{box x}許可しない）{box y}被害無し（未遂）\n", &d);
	ck_assert_msg(f != NULL, "%s", d.msg);
	ck_assert_str_eq(form_question(f, "x")->label, "許可しない");
	ck_assert_str_eq(form_question(f, "y")->label, "被害無し（未遂）");
	ck_assert_str_eq(form_question(f, "z")->label, "名称");
	form_free(&f);
	f = parse(HEAD "|組織名：{text o 4}（{radio r a}有り）（{radio r b}無し）\n", &d);
	ck_assert_msg(f != NULL, "%s", d.msg);
	ck_assert_str_eq(form_question(f, "o")->label, "組織名");
	ck_assert_str_eq(form_question(f, "r")->opts[0].label, "有り");
	ck_assert_str_eq(form_question(f, "r")->opts[1].label, "無し");
	form_free(&f);
	/* An unclosed placeholder after escapes and text is still refused. */
	f = parse(HEAD "|{{日本}} {box\n", &d);
	ck_assert_ptr_null(f);
	ck_assert_int_eq(d.line, 5);
	ck_assert_msg(strstr(d.msg, "placeholder \"{box\" is not closed"), "%s", d.msg);
}
END_TEST

/* Questions are looked up by id while the form is read (the index grows
 * as they are declared): every one is found, a second declaration is
 * refused with the line of the first, and the fields of a list are apart
 * from the form's questions. */
START_TEST(many_questions_are_indexed)
{
	struct strbuf text;
	sb_init(&text);
	sb_add(&text, HEAD);
	for (int i = 0; i < 300; i++)
		sb_addf(&text, "|{text q%d \"Q%d\"}\n", i, i);
	sb_add(&text, "repeat r\n|{text q5 \"field\"}\nend\n");
	sb_add(&text, "help q77 説明\n");
	struct diag d;
	struct form *f = parse(text.buf, &d);
	ck_assert_msg(f != NULL, "%s", d.msg);
	ck_assert_uint_eq(f->nqs, 301);
	for (int i = 0; i < 300; i++) {
		char id[16];
		snprintf(id, sizeof id, "q%d", i);
		ck_assert_int_eq(form_find_question(f, id), i);
		ck_assert_int_eq(form_question(f, id)->line, 5 + i);
	}
	ck_assert_int_eq(form_find_question(f, "r"), 300);
	ck_assert_int_eq(form_find_question(f, "q300"), -1);
	ck_assert_str_eq(form_question(f, "q5")->label, "Q5");
	ck_assert_str_eq(form_question(f, "q77")->help, "説明");
	form_free(&f);
	sb_add(&text, "|{box q3}x\n");
	f = parse(text.buf, &d);
	ck_assert_ptr_null(f);
	ck_assert_int_eq(d.line, 5 + 300 + 4);
	ck_assert_msg(strstr(d.msg, "\"q3\" already declared on line 8"), "%s", d.msg);
	sb_release(&text);
}
END_TEST

struct bad {
	const char *text;
	int line;
	const char *msg;
};

static const struct bad bad_forms[] = {
	{ "id t\n", 1, "first line must be \"todoke-form 1\"" },
	{ "todoke-form 2\n", 1, "newer" },
	{ HEAD "|{box a}x\n|{box a}y\n", 6, "already declared on line 5" },
	{ HEAD "|{note a 3}\n", 5, "no checkbox \"a\" before it" },
	{ HEAD "|{box a}x({note a wide})\n", 5, "blank width" },
	{ HEAD "|{frob a}\n", 5, "unknown placeholder {frob" },
	{ HEAD "|{box a\n", 5, "not closed" },
	{ HEAD "|{text bad/id}\n", 5, "bad question id" },
	{ HEAD "|x {para p} y\n", 5, "must stand alone" },
	{ HEAD "|{text t}\n", 5, "cannot tell the label" },
	{ HEAD "|{radio r a}A\n|{radio r a}B\n", 6, "appears twice" },
	{ HEAD "repeat r\n|{text x \"X\"}\n", 6, "not closed with end" },
	{ HEAD "repeat r\nend\n", 6, "has no fields" },
	{ HEAD "end\n", 5, "end without repeat" },
	{ HEAD "frobnicate\n", 5, "unknown directive" },
	{ HEAD "help nothere 説明\n", 5, "use: help ID TEXT" },
	{ HEAD "|{text t \"T\"}\nhelp t\n", 6, "use: help ID TEXT" },
	{ HEAD "require nothere\n", 5, "unknown question \"nothere\"" },
	{ HEAD "|{radio r a}A\nconflict r=b x*\n", 6, "has no option \"b\"" },
	{ HEAD "|{text x \"X\"}\nnot-future x\n", 6, "is not a date" },
	{ HEAD "|a\tb\n", 5, "tab" },
	{ HEAD "|caf\xc3\n", 5, "UTF-8" },
	{ "todoke-form 1\nid t\n|x\n", 3, "needs \"id\", \"version\" and \"title\"" },
	{ HEAD "|{date d md nothere}\n", 5, "not a date declared before" },
	{ HEAD "section s\n", 5, "use: section ID TITLE" },
	{ HEAD "mailto IPA <crack@ipa.go.jp>\n", 5, "one plain e-mail address" },
	{ HEAD "options o a=A\n", 5, "at least two options" },
	{ HEAD "|{choice o}\n", 5, "declare its options first" },
	/* when: the question must be this form's; the condition's ids only
	 * syntactically valid, and checked when this form has them. */
	{ HEAD "when nothere other=yes\n|{text x \"X\"}\n", 5,
	  "\"when\" names unknown question \"nothere\"" },
	{ HEAD "|{text x \"X\"}\nwhen x\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x c\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x c=a b\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x a > b\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x a > b - 3\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x a < b + 3\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x a>b+3\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x a > b + 3 4\n", 6, "use: when ID" },
	{ HEAD "|{text x \"X\"}\nwhen x/y c=a\n", 6, "bad question id \"x/y\"" },
	{ HEAD "|{text x \"X\"}\nwhen x c/d=a\n", 6, "bad question id \"c/d\"" },
	{ HEAD "|{text x \"X\"}\nwhen x =a\n", 6, "bad question id \"\"" },
	{ HEAD "|{text x \"X\"}\nwhen x c=\n", 6, "\"c=\" needs at least one option" },
	{ HEAD "|{text x \"X\"}\nwhen x c=a,\n", 6, "bad option id \"\"" },
	{ HEAD "|{text x \"X\"}\nwhen x c=a,,b\n", 6, "bad option id \"\"" },
	{ HEAD "|{text x \"X\"}\nwhen x c=a/b\n", 6, "bad option id \"a/b\"" },
	{ HEAD "|{text x \"X\"}\nwhen x a! > b + 3\n", 6, "bad question id \"a!\"" },
	{ HEAD "|{text x \"X\"}\nwhen x a > b! + 3\n", 6, "bad question id \"b!\"" },
	{ HEAD "|{text x \"X\"}\nwhen x a > b + -1\n", 6, "whole number from 0 to 36500" },
	{ HEAD "|{text x \"X\"}\nwhen x a > b + 3d\n", 6, "whole number from 0 to 36500" },
	{ HEAD "|{text x \"X\"}\nwhen x a > b + 36501\n", 6, "whole number from 0 to 36500" },
	{ HEAD "|{text x \"X\"}\nwhen x a > a + 3\n", 6, "compares \"a\" with itself" },
	{ HEAD "|{text x \"X\"}\n\n\nwhen x x=a\n", 8, "cannot depend on its own answer" },
	{ HEAD "|{date x \"X\"}\nwhen x x > b + 1\n", 6, "cannot depend on its own answer" },
	{ HEAD "|{date x \"X\"}\nwhen x b > x + 1\n", 6, "cannot depend on its own answer" },
	/* A choice of this form: a choice, with those options. */
	{ HEAD "|{text x \"X\"}\nwhen x c=b\n|{radio c a}A {radio c b}B\n"
	       "when x c=a,z\n", 8, "\"c\" has no option \"z\"" },
	{ HEAD "|{text x \"X\"}\nwhen x c=a\n|{text c \"C\"}\n", 6, "\"c\" is not a choice" },
	/* Dates of this form: dates. */
	{ HEAD "|{text x \"X\"}\n|{text t \"T\"}\nwhen x t > other + 1\n", 7,
	  "\"t\" is not a date" },
	{ HEAD "when x other > t + 1\n|{text x \"X\"}\n|{text t \"T\"}\n", 5,
	  "\"t\" is not a date" },
	/* Only questions of the form, not fields of a list. */
	{ HEAD "repeat r\n|{text x \"X\"}\nwhen x c=a\nend\n", 7, "inside repeat" },
	{ HEAD "repeat r\n|{text x \"X\"}\nend\nwhen x c=a\n", 8,
	  "unknown question \"x\"" },
};

/* A question placed twice on one line keeps the label of the first (the
 * second was lost and leaked: found by make fuzz). */
START_TEST(label_of_a_question_placed_twice)
{
	struct diag d;
	struct form *f = parse("todoke-form 1\nid t\nversion 1\ntitle T\n"
	                       "options a x=エックス y=ワイ\n"
	                       "|委託の関係: {choice a}、再び: {choice a}\n", &d);
	ck_assert_msg(f != NULL, "%s", d.msg);
	const struct question *q = form_question(f, "a");
	ck_assert_ptr_nonnull(q);
	ck_assert_str_eq(q->label, "委託の関係");
	form_free(&f);
}
END_TEST

START_TEST(bad_forms_are_located)
{
	const struct bad *b = &bad_forms[_i];
	struct diag d;
	struct form *f = parse(b->text, &d);
	ck_assert_msg(f == NULL, "case %d accepted", _i);
	ck_assert_str_eq(d.file, "t.form");
	ck_assert_msg(d.line == b->line, "case %d: line %d, want %d (%s)", _i, d.line,
	              b->line, d.msg);
	ck_assert_msg(strstr(d.msg, b->msg), "case %d: \"%s\" lacks \"%s\"", _i, d.msg, b->msg);
}
END_TEST

/* ---- when: questions asked only when they apply ------------------------- */

static const char when_form[] = HEAD
	"section s 1.見出し\n"
	"when late.reason publish.date > discovery.date + 30\n"
	"|{radio kind a}甲 {radio kind b}乙 {radio kind c}丙\n"
	"|{text detail \"詳細\"}\n"
	"|{para late.reason \"遅れた理由\"}\n"
	"|{date publish.date \"公表日\"}\n"
	"|{text both \"両方\"}\n"
	"|{text plain \"条件なし\"}\n"
	/* After their questions, before, several per question, on other
	 * forms' ids (other.choice, discovery.date): all accepted. */
	"when detail kind=a,c\n"
	"when both other.choice=yes\n"
	"when both publish.date > discovery.date + 0\n";

static struct form *when_parse(void)
{
	struct diag d;
	struct form *f = parse(when_form, &d);
	ck_assert_msg(f != NULL, "%d: %s", d.line, d.msg);
	return f;
}

START_TEST(when_is_parsed)
{
	struct form *f = when_parse();
	const struct question *q = form_question(f, "detail");
	ck_assert_uint_eq(q->nwhen, 1);
	ck_assert_int_eq(q->when[0].kind, QC_CHOICE);
	ck_assert_str_eq(q->when[0].id, "kind");
	ck_assert_uint_eq(q->when[0].nopts, 2);
	ck_assert_str_eq(q->when[0].opts[0], "a");
	ck_assert_str_eq(q->when[0].opts[1], "c");
	ck_assert_int_eq(q->when[0].line, 13);

	q = form_question(f, "late.reason");
	ck_assert_uint_eq(q->nwhen, 1);
	ck_assert_int_eq(q->when[0].kind, QC_DATE_GAP);
	ck_assert_str_eq(q->when[0].id, "publish.date");
	ck_assert_str_eq(q->when[0].other, "discovery.date");
	ck_assert_int_eq(q->when[0].days, 30);
	ck_assert_int_eq(q->when[0].line, 6);

	q = form_question(f, "both");
	ck_assert_uint_eq(q->nwhen, 2);
	ck_assert_int_eq(q->when[0].kind, QC_CHOICE);
	ck_assert_str_eq(q->when[0].id, "other.choice");
	ck_assert_int_eq(q->when[1].kind, QC_DATE_GAP);
	ck_assert_int_eq(q->when[1].days, 0);

	ck_assert_uint_eq(form_question(f, "plain")->nwhen, 0);
	ck_assert_uint_eq(form_question(f, "kind")->nwhen, 0);
	form_free(&f);
}
END_TEST

START_TEST(when_on_a_choice)
{
	struct form *f = when_parse();
	const struct question *q = form_question(f, "detail");
	struct model *m = model_new();
	ck_assert(!question_shown(q, m));              /* unanswered */
	model_set_text(m, "kind", Q_CHOICE, "a");
	ck_assert(question_shown(q, m));
	model_set_text(m, "kind", Q_CHOICE, "b");
	ck_assert(!question_shown(q, m));
	model_set_text(m, "kind", Q_CHOICE, "c");
	ck_assert(question_shown(q, m));
	model_unset(m, "kind");
	ck_assert(!question_shown(q, m));
	/* A text that reads like an option is not the choice. */
	model_set_text(m, "kind", Q_TEXT, "a");
	ck_assert(!question_shown(q, m));
	/* No conditions: always shown. */
	ck_assert(question_shown(form_question(f, "plain"), m));
	model_free(&m);
	form_free(&f);
}
END_TEST

struct gap_case {
	const char *publish, *discovery;   /* NULL: unanswered */
	bool shown;
};

static const struct gap_case gaps[] = {
	{ "2024-05-01", "2024-03-31", true },    /* 31 days: more than 30 */
	{ "2024-04-30", "2024-03-31", false },   /* 30 days: not more */
	{ "2024-04-29", "2024-03-31", false },   /* 29 */
	{ "2024-03-31", "2024-05-01", false },   /* before */
	{ "2025-01-01", NULL, false },
	{ NULL, "2024-03-31", false },
	{ NULL, NULL, false },
	{ "2024-03-31", "2024-02-29", true },    /* across a leap day: 31 */
	{ "2024-03-30", "2024-02-29", false },   /* 30 */
};

START_TEST(when_on_a_date_gap)
{
	const struct gap_case *c = &gaps[_i];
	struct form *f = when_parse();
	const struct question *q = form_question(f, "late.reason");
	struct model *m = model_new();
	struct date d;
	const char *why;
	if (c->publish) {
		ck_assert(date_parse(c->publish, &d, &why));
		model_set_date(m, "publish.date", d);
	}
	if (c->discovery) {
		ck_assert(date_parse(c->discovery, &d, &why));
		model_set_date(m, "discovery.date", d);
	}
	ck_assert_msg(question_shown(q, m) == c->shown, "case %d: shown %d", _i, !c->shown);
	model_free(&m);
	form_free(&f);
}
END_TEST

START_TEST(when_all_must_hold)
{
	struct form *f = when_parse();
	const struct question *q = form_question(f, "both");
	struct model *m = model_new();
	model_set_date(m, "publish.date", (struct date){ 2024, 4, 2 });
	model_set_date(m, "discovery.date", (struct date){ 2024, 4, 1 });
	ck_assert(!question_shown(q, m));              /* the choice unanswered */
	model_set_text(m, "other.choice", Q_CHOICE, "yes");
	ck_assert(question_shown(q, m));               /* 1 day > 0 */
	model_set_date(m, "publish.date", (struct date){ 2024, 4, 1 });
	ck_assert(!question_shown(q, m));              /* same day: 0 > 0 fails */
	model_set_date(m, "publish.date", (struct date){ 2024, 4, 2 });
	model_set_text(m, "other.choice", Q_CHOICE, "no");
	ck_assert(!question_shown(q, m));
	model_free(&m);
	form_free(&f);
}
END_TEST

/* help lines add up, in order, on the question they name; the shipped
 * PPC form explains the terms a non-expert stops at. */
START_TEST(help_is_parsed)
{
	struct diag d;
	struct form *f = parse(HEAD "|{text t \"T\"} {text u \"U\"}\n"
	                       "help t 一行目\nhelp t 二行目: 例 A\n", &d);
	ck_assert_msg(f != NULL, "%d: %s", d.line, d.msg);
	ck_assert_str_eq(form_question(f, "t")->help, "一行目\n二行目: 例 A");
	ck_assert_ptr_null(form_question(f, "u")->help);
	form_free(&f);

	const char *dir = getenv("TODOKE_DATADIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/forms/ppc-report-2024.form", dir ? dir : ".");
	f = form_load(path, &d);
	ck_assert_msg(f != NULL, "%s:%d: %s", d.file, d.line, d.msg);
	static const struct { const char *id, *term; } terms[] = {
		{ "ppc.sensitive", "要配慮個人情報" },
		{ "ppc.encrypted", "高度な暗号化" },
		{ "ppc.financial", "ポイント" },
		{ "ppc.unlawful", "不正の目的" },
		{ "ppc.entrust", "委託先" },
		{ "ppc.onbehalf", "委託元" },
		{ "ppc.event.leak", "滅失" },
		{ "ppc.corporate-number", "法人番号" },
		{ "ppc.kind", "確報" },
		{ "ppc.notice", "公表" },
		{ "ppc.publish", "本人への通知" },
	};
	for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		const struct question *q = form_question(f, terms[i].id);
		ck_assert_msg(q && q->help, "%s has no help", terms[i].id);
		ck_assert_msg(strstr(q->help, terms[i].term), "%s: help lacks %s",
		              terms[i].id, terms[i].term);
		ck_assert_msg(strstr(q->help, "例"), "%s: help has no example", terms[i].id);
	}
	form_free(&f);
}
END_TEST

START_TEST(formset_finds_versions)
{
	struct diag d;
	const char *dir = getenv("TODOKE_DATADIR");
	struct formset *fs = formset_load(dir ? dir : ".", &d);
	ck_assert_ptr_nonnull(fs);
	ck_assert_ptr_nonnull(formset_find(fs, "ipa-access", "3.5"));
	ck_assert_ptr_null(formset_find(fs, "ipa-access", "3.4"));
	ck_assert_str_eq(formset_latest(fs, "ipa-access")->version, "3.5");
	formset_free(&fs);
	ck_assert_ptr_null(fs);
	ck_assert_ptr_null(formset_load("/nonexistent", &d));
	ck_assert_str_eq(d.file, "/nonexistent/forms");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("form");
	tcase_add_test(tc, ipa_form_structure);
	tcase_add_test(tc, placeholders_render);
	tcase_add_test(tc, label_of_a_question_placed_twice);
	tcase_add_test(tc, literal_runs_and_escapes);
	tcase_add_test(tc, many_questions_are_indexed);
	tcase_add_loop_test(tc, bad_forms_are_located, 0,
	                    (int)(sizeof bad_forms / sizeof bad_forms[0]));
	tcase_add_test(tc, formset_finds_versions);
	tcase_add_test(tc, when_is_parsed);
	tcase_add_test(tc, when_on_a_choice);
	tcase_add_loop_test(tc, when_on_a_date_gap, 0, (int)(sizeof gaps / sizeof gaps[0]));
	tcase_add_test(tc, when_all_must_hold);
	tcase_add_test(tc, help_is_parsed);
	suite_add_tcase(s, tc);
	return s;
}
