/* The model: typed answers by id, lists of entries, copies and equality. */
#include <string.h>

#include "suite.h"
#include "todoke/model.h"

START_TEST(every_type)
{
	struct model *m = model_new();
	ck_assert_ptr_null(model_get(m, "x"));
	ck_assert(!model_checked(m, "x"));
	ck_assert_str_eq(model_text(m, "x"), "");
	struct date d;
	ck_assert(!model_date(m, "x", &d));

	model_set_check(m, "box", true, "その他の内容 😀");
	model_set_check(m, "plain", false, NULL);
	model_set_text(m, "name", Q_TEXT, "山田 太郎 ｶﾞ");
	model_set_text(m, "lines", Q_LINES, "一\n\n三");
	model_set_text(m, "choice", Q_CHOICE, "yes");
	model_set_date(m, "when", (struct date){ 2024, 2, 29 });
	model_set_number(m, "count", 1001);

	ck_assert(model_checked(m, "box"));
	ck_assert_str_eq(model_text(m, "box"), "その他の内容 😀");
	ck_assert(!model_checked(m, "plain"));
	ck_assert_ptr_null(model_get(m, "plain")->text);
	ck_assert_str_eq(model_text(m, "name"), "山田 太郎 ｶﾞ");
	ck_assert_str_eq(model_text(m, "lines"), "一\n\n三");
	ck_assert_int_eq(model_get(m, "choice")->type, Q_CHOICE);
	ck_assert(model_date(m, "when", &d) && d.d == 29);
	ck_assert(!model_date(m, "name", &d));
	ck_assert_int_eq(model_get(m, "count")->number, 1001);
	ck_assert_uint_eq(model_count(m), 7);
	model_free(&m);
	ck_assert_ptr_null(m);
}
END_TEST

START_TEST(replace_and_unset_keep_order)
{
	struct model *m = model_new();
	model_set_text(m, "a", Q_TEXT, "1");
	model_set_text(m, "b", Q_TEXT, "2");
	model_set_text(m, "c", Q_TEXT, "3");
	/* Another type replaces the value in place. */
	model_set_date(m, "b", (struct date){ 2022, 10, 24 });
	ck_assert_str_eq(model_key_at(m, 1), "b");
	ck_assert_int_eq(model_value_at(m, 1)->type, Q_DATE);
	ck_assert_ptr_null(model_get(m, "b")->text);
	model_unset(m, "a");
	ck_assert_uint_eq(model_count(m), 2);
	ck_assert_str_eq(model_key_at(m, 0), "b");
	ck_assert_str_eq(model_key_at(m, 1), "c");
	ck_assert_ptr_null(model_key_at(m, 2));
	model_unset(m, "nothing");
	ck_assert_uint_eq(model_count(m), 2);
	model_free(&m);
}
END_TEST

static const char *entry_text(const struct model *m, size_t i)
{
	return model_text(model_entry(m, "timeline", i), "text");
}

START_TEST(entries)
{
	struct model *m = model_new();
	const char *texts[] = { "一", "二", "三", "四" };
	for (int i = 0; i < 4; i++)
		model_set_text(model_entry_add(m, "timeline"), "text", Q_LINES, texts[i]);
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 4);
	ck_assert_ptr_null(model_entry(m, "timeline", 4));
	model_entry_move(m, "timeline", 0, 3);   /* first to last */
	ck_assert_str_eq(entry_text(m, 0), "二");
	ck_assert_str_eq(entry_text(m, 3), "一");
	model_entry_move(m, "timeline", 3, 0);   /* and back */
	ck_assert_str_eq(entry_text(m, 0), "一");
	ck_assert_str_eq(entry_text(m, 1), "二");
	model_entry_move(m, "timeline", 1, 9);   /* out of range: ignored */
	ck_assert_str_eq(entry_text(m, 1), "二");
	model_entry_delete(m, "timeline", 1);
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 3);
	ck_assert_str_eq(entry_text(m, 1), "三");
	/* Entries are models of their own. */
	model_set_text(model_entry(m, "timeline", 0), "text", Q_LINES, "変更");
	ck_assert_str_eq(entry_text(m, 1), "三");
	ck_assert_uint_eq(model_entry_count(m, "other"), 0);
	model_free(&m);
}
END_TEST

START_TEST(clone_and_equal)
{
	struct model *a = model_new();
	model_set_check(a, "box", true, "メモ");
	model_set_date(a, "when", (struct date){ 2022, 10, 24 });
	model_set_text(model_entry_add(a, "timeline"), "text", Q_LINES, "一件目");
	struct model *b = model_clone(a);
	ck_assert(model_equal(a, b));
	model_set_text(model_entry(b, "timeline", 0), "text", Q_LINES, "変更");
	ck_assert(!model_equal(a, b));
	ck_assert_str_eq(entry_text(a, 0), "一件目");
	model_free(&b);

	b = model_clone(a);
	model_set_check(b, "box", false, "メモ");
	ck_assert(!model_equal(a, b));
	model_free(&b);
	b = model_clone(a);
	model_set_date(b, "when", (struct date){ 2022, 10, 25 });
	ck_assert(!model_equal(a, b));
	model_free(&b);
	b = model_clone(a);
	model_set_check(b, "box", true, "メモ2");
	ck_assert(!model_equal(a, b));
	model_free(&b);
	b = model_clone(a);
	model_entry_add(b, "timeline");
	ck_assert(!model_equal(a, b));
	model_free(&b);
	model_free(&a);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, every_type);
	tcase_add_test(tc, replace_and_unset_keep_order);
	tcase_add_test(tc, entries);
	tcase_add_test(tc, clone_and_equal);
	suite_add_tcase(s, tc);
	return s;
}
