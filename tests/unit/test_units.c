/* What progress counts (form.h: question_unit, unit_answered): a group of
 * boxes is one unit, answered by a tick; other questions each one unit,
 * answered as question_answered says. */
#include <string.h>

#include "suite.h"
#include "todoke/form.h"

static const char unit_form[] =
	"todoke-form 1\nid u\nversion 1\ntitle U\n"
	"section a 1.機器\n"
	"|1.機器:\n"
	"|  {box dev.pc}パソコン\n"
	"|  ・サーバ\n"
	"|   {box dev.web}ウェブ\n"
	"|  {box dev.none}該当なし\n"
	"|{text name \"名前\"}\n"
	"|{box lone}単独\n"
	"section b 2.種類\n"
	"|{radio kind a}甲 {radio kind b}乙\n"
	"|{box hid.x}X {box hid.y}Y\n"
	"section c 3.環境\n"
	"|  {box env.a}A\n"
	"|  {box env.b}B\n"
	"when hid.x kind=a\n"
	"when hid.y kind=a\n";

static struct form *f;
static struct model *m;

static void setup(void)
{
	struct diag d;
	f = form_parse(unit_form, sizeof unit_form - 1, "u.form", &d);
	ck_assert_msg(f != NULL, "%d: %s", d.line, d.msg);
	m = model_new();
}

static void teardown(void)
{
	model_free(&m);
	form_free(&f);
}

static struct q_unit unit_of(const char *id)
{
	int i = form_find_question(f, id);
	ck_assert_int_ge(i, 0);
	return question_unit(f->qs, f->nqs, (size_t)i);
}

/* The boxes of one item, 「・サーバ」 between them, are one unit; a text
 * ends it; a box alone, another section's boxes, are units of their own. */
START_TEST(groups_are_found)
{
	struct q_unit u = unit_of("dev.web");
	ck_assert_str_eq(u.q->id, "dev.pc");
	ck_assert_uint_eq(u.n, 3);
	ck_assert_ptr_eq(unit_of("dev.pc").q, u.q);
	ck_assert_ptr_eq(unit_of("dev.none").q, u.q);
	ck_assert_uint_eq(unit_of("name").n, 1);
	ck_assert_str_eq(unit_of("lone").q->id, "lone");
	ck_assert_uint_eq(unit_of("lone").n, 1);
	ck_assert_str_eq(unit_of("hid.y").q->id, "hid.x");
	ck_assert_uint_eq(unit_of("hid.y").n, 2);
	ck_assert_str_eq(unit_of("env.b").q->id, "env.a");
	ck_assert_uint_eq(unit_of("env.a").n, 2);
	/* Walking the form unit by unit: 機器, 名前, 単独, 種類, X/Y, 環境. */
	size_t n = 0;
	for (size_t i = 0; i < f->nqs; i += question_unit(f->qs, f->nqs, i).n)
		n++;
	ck_assert_uint_eq(n, 6);
}
END_TEST

START_TEST(nothing_ticked_is_unanswered)
{
	struct q_unit u = unit_of("dev.pc");
	ck_assert(unit_shown(u, m));
	ck_assert(!unit_answered(u, m));
	/* Boxes written [ ] (passed, or ticked and unticked) say nothing yet,
	 * though each alone is an answer "no" (question_answered). */
	model_set_check(m, "dev.pc", false, NULL);
	model_set_check(m, "dev.web", false, NULL);
	ck_assert(question_answered(form_question(f, "dev.pc"), m));
	ck_assert(!unit_answered(u, m));
}
END_TEST

START_TEST(one_ticked_answers_the_group)
{
	model_set_check(m, "dev.web", true, NULL);
	ck_assert(unit_answered(unit_of("dev.pc"), m));
	ck_assert(!unit_answered(unit_of("env.a"), m));   /* not another group */
	model_set_check(m, "dev.web", false, NULL);
	ck_assert(!unit_answered(unit_of("dev.pc"), m));
}
END_TEST

START_TEST(none_applies_answers_the_group)
{
	model_set_check(m, "dev.none", true, NULL);
	ck_assert(unit_answered(unit_of("dev.pc"), m));
}
END_TEST

/* A lone box is a yes/no question: [ ] is "no", as before. */
START_TEST(lone_box_and_others_as_before)
{
	ck_assert(!unit_answered(unit_of("lone"), m));
	model_set_check(m, "lone", false, NULL);
	ck_assert(unit_answered(unit_of("lone"), m));
	ck_assert(!unit_answered(unit_of("name"), m));
	model_set_text(m, "name", Q_TEXT, "\xe3\x80\x80");          /* 全角スペース */
	ck_assert(!unit_answered(unit_of("name"), m));
	model_set_text(m, "name", Q_TEXT, "名前");
	ck_assert(unit_answered(unit_of("name"), m));
}
END_TEST

/* Hidden by `when`: not shown, so not counted; a tick left there from
 * before it hid does not answer it either. */
START_TEST(hidden_group)
{
	struct q_unit u = unit_of("hid.x");
	model_set_check(m, "hid.x", true, NULL);
	ck_assert(!unit_shown(u, m));
	ck_assert(!unit_answered(u, m));
	model_set_text(m, "kind", Q_CHOICE, "b");
	ck_assert(!unit_shown(u, m));
	model_set_text(m, "kind", Q_CHOICE, "a");
	ck_assert(unit_shown(u, m));
	ck_assert(unit_answered(u, m));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("units");
	TCase *tc = tcase_create("units");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, groups_are_found);
	tcase_add_test(tc, nothing_ticked_is_unanswered);
	tcase_add_test(tc, one_ticked_answers_the_group);
	tcase_add_test(tc, none_applies_answers_the_group);
	tcase_add_test(tc, lone_box_and_others_as_before);
	tcase_add_test(tc, hidden_group);
	suite_add_tcase(s, tc);
	return s;
}
