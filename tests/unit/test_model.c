/* The model: typed answers by id in first-set order, lists of entries,
 * deep copies and equality. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "suite.h"
#include "todoke/model.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The ids of m in order, joined by spaces, into buf. */
static const char *keys(const struct model *m, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < model_count(m); i++) {
		size_t len = strlen(buf);
		const char *k = model_key_at(m, i);
		ck_assert_ptr_nonnull(k);
		ck_assert_uint_lt(len + strlen(k) + 2, size);
		strcat(strcat(buf, i ? " " : ""), k);
	}
	return buf;
}

/* ---- values of every type ------------------------------------------------ */

START_TEST(unset_ids)
{
	struct model *m = model_new();
	struct date d = { 1, 2, 3 };
	for (int k = 0; k < 2; k++) {
		ck_assert_ptr_null(model_get(m, "x"));
		ck_assert(!model_checked(m, "x"));
		ck_assert_str_eq(model_text(m, "x"), "");
		ck_assert(!model_date(m, "x", &d));
		ck_assert(d.y == 1 && d.m == 2 && d.d == 3); /* untouched */
		ck_assert_uint_eq(model_entry_count(m, "x"), 0);
		ck_assert_ptr_null(model_entry(m, "x", 0));
		/* Other ids being set changes nothing for "x". */
		model_set_text(m, "y", Q_TEXT, "x");
		model_set_check(m, "xx", true, NULL);
	}
	ck_assert_uint_eq(model_count(m), 2);
	ck_assert_ptr_null(model_key_at(m, 2));
	ck_assert_ptr_null(model_value_at(m, 2));
	model_free(&m);
}
END_TEST

START_TEST(every_type)
{
	struct model *m = model_new();
	struct date d;

	ck_assert_uint_eq(model_count(m), 0);
	struct value *v = model_set_check(m, "box", true, "その他の内容");
	ck_assert_ptr_eq(v, model_get(m, "box"));
	model_set_check(m, "plain", true, NULL);
	model_set_check(m, "off", false, NULL);
	model_set_check(m, "off.note", false, "書いたが未チェック");
	model_set_text(m, "name", Q_TEXT, "山田 太郎");
	model_set_text(m, "lines", Q_LINES, "一\n\n三\n");
	model_set_text(m, "choice", Q_CHOICE, "yes");
	model_set_text(m, "null.text", Q_TEXT, NULL);
	model_set_date(m, "when", (struct date){ 2024, 2, 29 });
	model_set_number(m, "count", 1001);
	model_set_number(m, "neg", -42);
	model_set_number(m, "big", LLONG_MAX);
	model_set_number(m, "small", LLONG_MIN);
	model_set_text(model_entry_add(m, "list"), "text", Q_LINES, "項目");

	ck_assert_int_eq(model_get(m, "box")->type, Q_CHECK);
	ck_assert(model_checked(m, "box"));
	ck_assert_str_eq(model_text(m, "box"), "その他の内容");
	ck_assert(model_checked(m, "plain"));
	ck_assert_ptr_null(model_get(m, "plain")->text);
	ck_assert_str_eq(model_text(m, "plain"), "");
	ck_assert(!model_checked(m, "off"));
	ck_assert_ptr_nonnull(model_get(m, "off")); /* set, unticked: still an answer */
	ck_assert(!model_checked(m, "off.note"));
	ck_assert_str_eq(model_text(m, "off.note"), "書いたが未チェック");

	ck_assert_int_eq(model_get(m, "name")->type, Q_TEXT);
	ck_assert_str_eq(model_text(m, "name"), "山田 太郎");
	ck_assert_int_eq(model_get(m, "lines")->type, Q_LINES);
	ck_assert_str_eq(model_text(m, "lines"), "一\n\n三\n");
	ck_assert_int_eq(model_get(m, "choice")->type, Q_CHOICE);
	ck_assert_str_eq(model_text(m, "choice"), "yes");
	ck_assert_ptr_nonnull(model_get(m, "null.text")->text); /* never NULL when set */
	ck_assert_str_eq(model_text(m, "null.text"), "");

	ck_assert_int_eq(model_get(m, "when")->type, Q_DATE);
	ck_assert(model_date(m, "when", &d));
	ck_assert(d.y == 2024 && d.m == 2 && d.d == 29);

	ck_assert_int_eq(model_get(m, "count")->type, Q_NUMBER);
	ck_assert(model_get(m, "count")->number == 1001);
	ck_assert(model_get(m, "neg")->number == -42);
	ck_assert(model_get(m, "big")->number == LLONG_MAX);
	ck_assert(model_get(m, "small")->number == LLONG_MIN);

	ck_assert_int_eq(model_get(m, "list")->type, Q_REPEAT);
	ck_assert_uint_eq(model_entry_count(m, "list"), 1);
	ck_assert_str_eq(model_text(model_entry(m, "list", 0), "text"), "項目");

	/* The getters of one type say nothing of another. */
	ck_assert(!model_checked(m, "name"));
	ck_assert(!model_checked(m, "when"));
	ck_assert(!model_date(m, "name", &d));
	ck_assert(!model_date(m, "box", &d));
	ck_assert_str_eq(model_text(m, "when"), "");
	ck_assert_str_eq(model_text(m, "count"), "");
	ck_assert_uint_eq(model_entry_count(m, "name"), 0);
	ck_assert_ptr_null(model_entry(m, "name", 0));

	ck_assert_uint_eq(model_count(m), 14);
	model_free(&m);
	ck_assert_ptr_null(m);
}
END_TEST

START_TEST(same_type_replaces)
{
	struct model *m = model_new();
	model_set_check(m, "box", true, "前");
	model_set_check(m, "box", false, NULL);
	ck_assert(!model_checked(m, "box"));
	ck_assert_ptr_null(model_get(m, "box")->text);
	model_set_check(m, "box", true, "後");
	ck_assert_str_eq(model_text(m, "box"), "後");
	model_set_text(m, "t", Q_TEXT, "一");
	model_set_text(m, "t", Q_TEXT, "二");
	ck_assert_str_eq(model_text(m, "t"), "二");
	model_set_date(m, "d", (struct date){ 2022, 1, 1 });
	model_set_date(m, "d", (struct date){ 2023, 2, 2 });
	struct date d;
	ck_assert(model_date(m, "d", &d) && d.y == 2023 && d.m == 2 && d.d == 2);
	model_set_number(m, "n", 1);
	model_set_number(m, "n", 2);
	ck_assert(model_get(m, "n")->number == 2);
	ck_assert_uint_eq(model_count(m), 4);
	model_free(&m);
}
END_TEST

/* One id given one type, then another: only the new value remains, in
 * the same place. */
enum kind { K_CHECK, K_TEXT, K_DATE, K_NUMBER, K_REPEAT };

static void set_kind(struct model *m, const char *id, enum kind k)
{
	switch (k) {
	case K_CHECK: model_set_check(m, id, true, "メモ"); break;
	case K_TEXT: model_set_text(m, id, Q_TEXT, "文字"); break;
	case K_DATE: model_set_date(m, id, (struct date){ 2022, 10, 24 }); break;
	case K_NUMBER: model_set_number(m, id, 77); break;
	case K_REPEAT:
		model_set_text(model_entry_add(m, id), "text", Q_LINES, "一");
		model_entry_add(m, id);
		break;
	}
}

static void assert_kind(const struct model *m, const char *id, enum kind k)
{
	const struct value *v = model_get(m, id);
	struct date d;
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(model_checked(m, id), k == K_CHECK);
	ck_assert_int_eq(model_date(m, id, &d), k == K_DATE);
	ck_assert_uint_eq(model_entry_count(m, id), k == K_REPEAT ? 2 : 0);
	switch (k) {
	case K_CHECK:
		ck_assert_int_eq(v->type, Q_CHECK);
		ck_assert_str_eq(model_text(m, id), "メモ");
		break;
	case K_TEXT:
		ck_assert_int_eq(v->type, Q_TEXT);
		ck_assert_str_eq(model_text(m, id), "文字");
		break;
	case K_DATE:
		ck_assert_int_eq(v->type, Q_DATE);
		ck_assert(d.y == 2022 && d.m == 10 && d.d == 24);
		ck_assert_ptr_null(v->text);
		break;
	case K_NUMBER:
		ck_assert_int_eq(v->type, Q_NUMBER);
		ck_assert(v->number == 77);
		ck_assert_ptr_null(v->text);
		break;
	case K_REPEAT:
		ck_assert_int_eq(v->type, Q_REPEAT);
		ck_assert_ptr_null(v->text);
		ck_assert_str_eq(model_text(model_entry(m, id, 0), "text"), "一");
		break;
	}
	if (k != K_NUMBER)
		ck_assert(v->number == 0);
	if (k != K_REPEAT)
		ck_assert_ptr_null(v->entries);
}

START_TEST(other_type_replaces)
{
	/* _i runs over the 20 (from, to) pairs of different kinds. */
	int f = _i / 4, t = _i % 4;
	enum kind from = (enum kind)f, to = (enum kind)(t >= f ? t + 1 : t);
	ck_assert_int_ne(from, to);
	struct model *m = model_new();
	char buf[64];
	model_set_text(m, "a", Q_TEXT, "A");
	set_kind(m, "b", from);
	model_set_text(m, "c", Q_TEXT, "C");
	assert_kind(m, "b", from);
	set_kind(m, "b", to);
	assert_kind(m, "b", to);
	ck_assert_str_eq(keys(m, buf, sizeof buf), "a b c");
	ck_assert_str_eq(model_text(m, "a"), "A");
	ck_assert_str_eq(model_text(m, "c"), "C");
	model_free(&m);
}
END_TEST

/* ---- order --------------------------------------------------------------- */

START_TEST(iteration_order)
{
	struct model *m = model_new();
	char buf[128];
	const char *ids[] = { "zeta", "alpha", "mu", "beta", "omega", "gamma" };
	for (int i = 0; i < N(ids); i++)
		model_set_text(m, ids[i], Q_TEXT, ids[i]);
	ck_assert_str_eq(keys(m, buf, sizeof buf), "zeta alpha mu beta omega gamma");
	for (size_t i = 0; i < model_count(m); i++)
		ck_assert_str_eq(model_value_at(m, i)->text, ids[i]);
	/* Setting again, with any type, keeps the first-set place. */
	model_set_number(m, "zeta", 1);
	model_set_check(m, "mu", true, NULL);
	model_set_text(m, "gamma", Q_LINES, "g");
	ck_assert_str_eq(keys(m, buf, sizeof buf), "zeta alpha mu beta omega gamma");
	ck_assert_int_eq(model_value_at(m, 0)->type, Q_NUMBER);
	/* Many answers (past any initial capacity) keep their order too. */
	for (int i = 0; i < 100; i++) {
		char id[16];
		snprintf(id, sizeof id, "q%d", i);
		model_set_number(m, id, i);
	}
	ck_assert_uint_eq(model_count(m), 106);
	for (int i = 0; i < 100; i++) {
		char id[16];
		snprintf(id, sizeof id, "q%d", i);
		ck_assert_str_eq(model_key_at(m, (size_t)i + 6), id);
		ck_assert(model_value_at(m, (size_t)i + 6)->number == i);
		ck_assert(model_get(m, id)->number == i);
	}
	model_free(&m);
}
END_TEST

struct unset_case {
	const char *id, *left;
};

static const struct unset_case unsets[] = {
	{ "a", "b c d e" }, { "c", "a b d e" }, { "e", "a b c d" },
	{ "nothing", "a b c d e" }, { "", "a b c d e" },
};

START_TEST(unset_keeps_order)
{
	struct model *m = model_new();
	char buf[64];
	const char *ids[] = { "a", "b", "c", "d", "e" };
	for (int i = 0; i < N(ids); i++)
		model_set_text(m, ids[i], Q_TEXT, ids[i]);
	model_set_text(model_entry_add(m, "c"), "x", Q_TEXT, "entry");
	model_unset(m, unsets[_i].id);
	ck_assert_str_eq(keys(m, buf, sizeof buf), unsets[_i].left);
	ck_assert_ptr_null(model_get(m, unsets[_i].id));
	/* The values stay with their ids. */
	for (size_t i = 0; i < model_count(m); i++) {
		const char *k = model_key_at(m, i);
		if (strcmp(k, "c") != 0)
			ck_assert_str_eq(model_text(m, k), k);
	}
	/* Set again, it comes last. */
	model_set_text(m, unsets[_i].id, Q_TEXT, "again");
	ck_assert_str_eq(model_key_at(m, model_count(m) - 1), unsets[_i].id);
	model_free(&m);
}
END_TEST

START_TEST(unset_everything)
{
	struct model *m = model_new();
	model_set_text(m, "a", Q_TEXT, "1");
	model_set_check(m, "b", true, "2");
	model_unset(m, "a");
	model_unset(m, "b");
	model_unset(m, "b");
	ck_assert_uint_eq(model_count(m), 0);
	ck_assert_ptr_null(model_key_at(m, 0));
	model_set_text(m, "b", Q_TEXT, "3");
	ck_assert_uint_eq(model_count(m), 1);
	ck_assert_str_eq(model_text(m, "b"), "3");
	model_free(&m);
}
END_TEST

/* ---- lists of entries ---------------------------------------------------- */

/* The "text" of every entry of "timeline", joined by spaces. */
static const char *entries_text(const struct model *m, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < model_entry_count(m, "timeline"); i++) {
		const struct model *e = model_entry(m, "timeline", i);
		ck_assert_ptr_nonnull(e);
		const char *t = model_text(e, "text");
		ck_assert_uint_lt(strlen(buf) + strlen(t) + 2, size);
		strcat(strcat(buf, i ? " " : ""), t);
	}
	return buf;
}

static struct model *four_entries(void)
{
	struct model *m = model_new();
	const char *texts[] = { "一", "二", "三", "四" };
	for (int i = 0; i < N(texts); i++) {
		struct model *e = model_entry_add(m, "timeline");
		ck_assert_ptr_nonnull(e);
		ck_assert_ptr_eq(e, model_entry(m, "timeline", (size_t)i));
		model_set_text(e, "text", Q_LINES, texts[i]);
	}
	return m;
}

START_TEST(entry_add)
{
	struct model *m = four_entries();
	char buf[64];
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 4);
	ck_assert_str_eq(entries_text(m, buf, sizeof buf), "一 二 三 四");
	ck_assert_ptr_null(model_entry(m, "timeline", 4));
	ck_assert_ptr_null(model_entry(m, "timeline", (size_t)-1));
	/* The list is one answer of the model. */
	ck_assert_uint_eq(model_count(m), 1);
	ck_assert_str_eq(model_key_at(m, 0), "timeline");
	ck_assert_uint_eq(model_get(m, "timeline")->nentries, 4);
	/* A new entry is empty. */
	struct model *e = model_entry_add(m, "timeline");
	ck_assert_uint_eq(model_count(e), 0);
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 5);
	model_free(&m);
}
END_TEST

struct move_case {
	size_t from, to;
	const char *want;
};

static const struct move_case moves[] = {
	{ 0, 3, "二 三 四 一" },  /* first to last */
	{ 3, 0, "四 一 二 三" },  /* last to first */
	{ 1, 2, "一 三 二 四" },
	{ 2, 1, "一 三 二 四" },
	{ 0, 1, "二 一 三 四" },
	{ 1, 3, "一 三 四 二" },
	{ 2, 2, "一 二 三 四" },  /* nowhere */
	{ 1, 4, "一 二 三 四" },  /* out of range: ignored */
	{ 4, 0, "一 二 三 四" },
	{ 9, 9, "一 二 三 四" },
	{ 0, (size_t)-1, "一 二 三 四" },
};

START_TEST(entry_move)
{
	const struct move_case *c = &moves[_i];
	struct model *m = four_entries();
	char buf[64];
	model_entry_move(m, "timeline", c->from, c->to);
	ck_assert_str_eq(entries_text(m, buf, sizeof buf), c->want);
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 4);
	/* Moves of a list that is not there do nothing. */
	model_entry_move(m, "other", 0, 1);
	ck_assert_ptr_null(model_get(m, "other"));
	model_free(&m);
}
END_TEST

START_TEST(entry_move_keeps_the_entries)
{
	struct model *m = four_entries();
	struct model *first = model_entry(m, "timeline", 0);
	struct model *last = model_entry(m, "timeline", 3);
	model_entry_move(m, "timeline", 0, 3);
	ck_assert_ptr_eq(model_entry(m, "timeline", 3), first);
	ck_assert_ptr_eq(model_entry(m, "timeline", 2), last);
	model_free(&m);
}
END_TEST

struct delete_case {
	size_t i;
	const char *want;
};

static const struct delete_case deletes[] = {
	{ 0, "二 三 四" }, { 1, "一 三 四" }, { 3, "一 二 三" },
	{ 4, "一 二 三 四" }, { 100, "一 二 三 四" },
};

START_TEST(entry_delete)
{
	const struct delete_case *c = &deletes[_i];
	struct model *m = four_entries();
	char buf[64];
	model_entry_delete(m, "timeline", c->i);
	ck_assert_str_eq(entries_text(m, buf, sizeof buf), c->want);
	model_entry_delete(m, "other", 0);
	ck_assert_ptr_null(model_get(m, "other"));
	model_free(&m);
}
END_TEST

START_TEST(entry_delete_all)
{
	struct model *m = four_entries();
	char buf[64];
	for (int i = 0; i < 4; i++)
		model_entry_delete(m, "timeline", 0);
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 0);
	ck_assert_ptr_null(model_entry(m, "timeline", 0));
	model_entry_delete(m, "timeline", 0);
	ck_assert_uint_eq(model_entry_count(m, "timeline"), 0);
	/* The list can grow again. */
	model_set_text(model_entry_add(m, "timeline"), "text", Q_LINES, "新");
	ck_assert_str_eq(entries_text(m, buf, sizeof buf), "新");
	model_free(&m);
}
END_TEST

START_TEST(entries_are_independent_models)
{
	struct model *m = model_new();
	struct model *a = model_entry_add(m, "timeline");
	struct model *b = model_entry_add(m, "timeline");
	ck_assert_ptr_ne(a, b);
	ck_assert_ptr_ne(a, m);
	model_set_text(a, "text", Q_LINES, "一件目");
	model_set_date(a, "date", (struct date){ 2022, 10, 24 });
	model_set_text(b, "text", Q_LINES, "二件目");
	/* The same ids, their own values. */
	ck_assert_str_eq(model_text(a, "text"), "一件目");
	ck_assert_str_eq(model_text(b, "text"), "二件目");
	struct date d;
	ck_assert(model_date(a, "date", &d));
	ck_assert(!model_date(b, "date", &d));
	/* Nor do they show in the outer model, nor it in them. */
	ck_assert_ptr_null(model_get(m, "text"));
	ck_assert_ptr_null(model_get(a, "timeline"));
	model_set_text(m, "text", Q_TEXT, "外");
	ck_assert_str_eq(model_text(a, "text"), "一件目");
	model_unset(a, "text");
	ck_assert_str_eq(model_text(b, "text"), "二件目");
	ck_assert_str_eq(model_text(m, "text"), "外");
	ck_assert_uint_eq(model_count(a), 1);
	/* Entries nest. */
	model_set_text(model_entry_add(b, "sub"), "x", Q_TEXT, "深い");
	ck_assert_str_eq(model_text(model_entry(model_entry(m, "timeline", 1), "sub", 0), "x"),
	                 "深い");
	/* Deleting one leaves the other. */
	model_entry_delete(m, "timeline", 0);
	ck_assert_ptr_eq(model_entry(m, "timeline", 0), b);
	ck_assert_str_eq(model_text(b, "text"), "二件目");
	model_free(&m);
}
END_TEST

/* ---- copies and equality -------------------------------------------------- */

static struct model *sample(void)
{
	struct model *m = model_new();
	model_set_check(m, "box", true, "メモ");
	model_set_check(m, "off", false, NULL);
	model_set_text(m, "name", Q_TEXT, "山田");
	model_set_text(m, "choice", Q_CHOICE, "yes");
	model_set_date(m, "when", (struct date){ 2022, 10, 24 })->line = 9;
	model_set_number(m, "count", 5);
	struct model *e = model_entry_add(m, "timeline");
	model_set_date(e, "date", (struct date){ 2022, 10, 25 });
	model_set_text(e, "text", Q_LINES, "一件目");
	e = model_entry_add(m, "timeline");
	model_set_text(e, "text", Q_LINES, "二件目");
	return m;
}

START_TEST(clone_is_equal_and_deep)
{
	struct model *a = sample();
	struct model *b = model_clone(a);
	char ka[128], kb[128];
	ck_assert_ptr_ne(a, b);
	ck_assert(model_equal(a, b));
	ck_assert(model_equal(b, a));
	ck_assert_str_eq(keys(a, ka, sizeof ka), keys(b, kb, sizeof kb));
	ck_assert_int_eq(model_get(b, "when")->line, 9);
	/* Nothing is shared. */
	ck_assert_ptr_ne(model_get(a, "name")->text, model_get(b, "name")->text);
	ck_assert_ptr_ne(model_entry(a, "timeline", 0), model_entry(b, "timeline", 0));
	ck_assert_ptr_ne(model_get(a, "timeline")->entries, model_get(b, "timeline")->entries);

	/* Changing the copy leaves the original alone. */
	model_set_text(b, "name", Q_TEXT, "佐藤");
	model_set_check(b, "box", false, NULL);
	model_set_date(b, "when", (struct date){ 2000, 1, 1 });
	model_set_number(b, "count", 6);
	model_set_text(model_entry(b, "timeline", 0), "text", Q_LINES, "変更");
	model_entry_delete(b, "timeline", 1);
	model_unset(b, "choice");
	model_set_text(b, "new", Q_TEXT, "新");
	struct date d;
	ck_assert_str_eq(model_text(a, "name"), "山田");
	ck_assert(model_checked(a, "box"));
	ck_assert_str_eq(model_text(a, "box"), "メモ");
	ck_assert(model_date(a, "when", &d) && d.y == 2022 && d.m == 10 && d.d == 24);
	ck_assert(model_get(a, "count")->number == 5);
	ck_assert_uint_eq(model_entry_count(a, "timeline"), 2);
	ck_assert_str_eq(model_text(model_entry(a, "timeline", 0), "text"), "一件目");
	ck_assert_str_eq(model_text(a, "choice"), "yes");
	ck_assert_ptr_null(model_get(a, "new"));
	ck_assert(!model_equal(a, b));

	/* And the other way round: the copy outlives its original. */
	struct model *c = model_clone(a);
	model_free(&a);
	ck_assert_str_eq(model_text(model_entry(c, "timeline", 1), "text"), "二件目");
	ck_assert_str_eq(model_text(c, "name"), "山田");
	model_free(&c);
	model_free(&b);
}
END_TEST

START_TEST(clone_of_empty)
{
	struct model *a = model_new();
	struct model *b = model_clone(a);
	ck_assert_uint_eq(model_count(b), 0);
	ck_assert(model_equal(a, b));
	model_set_text(b, "x", Q_TEXT, "");
	ck_assert(!model_equal(a, b));
	ck_assert(!model_equal(b, a));
	model_free(&a);
	model_free(&b);
}
END_TEST

/* Each change makes a copy of sample() differ from it. */
static void differ_text(struct model *m) { model_set_text(m, "name", Q_TEXT, "山田 "); }
static void differ_checked(struct model *m) { model_set_check(m, "box", false, "メモ"); }
static void differ_unticked(struct model *m) { model_set_check(m, "off", true, NULL); }
static void differ_note(struct model *m) { model_set_check(m, "box", true, "メモ2"); }
static void differ_no_note(struct model *m) { model_set_check(m, "box", true, NULL); }
static void differ_date(struct model *m) { model_set_date(m, "when", (struct date){ 2022, 10, 25 }); }
static void differ_year(struct model *m) { model_set_date(m, "when", (struct date){ 2023, 10, 24 }); }
static void differ_number(struct model *m) { model_set_number(m, "count", 4); }
static void differ_choice(struct model *m) { model_set_text(m, "choice", Q_CHOICE, "no"); }
static void differ_type(struct model *m) { model_set_text(m, "name", Q_LINES, "山田"); }
static void differ_entry_added(struct model *m) { model_entry_add(m, "timeline"); }
static void differ_entry_deleted(struct model *m) { model_entry_delete(m, "timeline", 1); }
static void differ_entry_moved(struct model *m) { model_entry_move(m, "timeline", 0, 1); }
static void differ_entry_text(struct model *m)
{
	model_set_text(model_entry(m, "timeline", 1), "text", Q_LINES, "二件目!");
}
static void differ_entry_date(struct model *m)
{
	model_set_date(model_entry(m, "timeline", 0), "date", (struct date){ 2022, 11, 25 });
}
static void differ_entry_field(struct model *m)
{
	model_unset(model_entry(m, "timeline", 0), "date");
}
static void differ_unset(struct model *m) { model_unset(m, "off"); }
static void differ_added(struct model *m) { model_set_text(m, "extra", Q_TEXT, "x"); }
static void differ_renamed(struct model *m)
{
	model_unset(m, "count");
	model_set_number(m, "Count", 5);
}

static void (*const differ[])(struct model *) = {
	differ_text, differ_checked, differ_unticked, differ_note, differ_no_note,
	differ_date, differ_year, differ_number, differ_choice, differ_type,
	differ_entry_added, differ_entry_deleted, differ_entry_moved, differ_entry_text,
	differ_entry_date, differ_entry_field, differ_unset, differ_added, differ_renamed,
};

START_TEST(equal_sees_every_difference)
{
	struct model *a = sample();
	struct model *b = model_clone(a);
	ck_assert(model_equal(a, b));
	differ[_i](b);
	ck_assert_msg(!model_equal(a, b), "change %d not seen", _i);
	ck_assert_msg(!model_equal(b, a), "change %d not seen (reversed)", _i);
	/* The same change on both: equal again. */
	differ[_i](a);
	ck_assert(model_equal(a, b));
	model_free(&a);
	model_free(&b);
}
END_TEST

START_TEST(equal_ignores_source_lines)
{
	/* The line a value came from is not part of the answer. */
	struct model *a = sample();
	struct model *b = model_clone(a);
	model_set_date(b, "when", (struct date){ 2022, 10, 24 })->line = 42;
	ck_assert_int_ne(model_get(a, "when")->line, model_get(b, "when")->line);
	ck_assert(model_equal(a, b));
	model_free(&a);
	model_free(&b);
}
END_TEST

/* ---- freeing -------------------------------------------------------------- */

START_TEST(free_clears_the_pointer)
{
	struct model *m = sample();
	model_free(&m);
	ck_assert_ptr_null(m);
	model_free(&m);  /* again: nothing to do */
	ck_assert_ptr_null(m);
	model_free(NULL);
	m = model_new();
	model_free(&m);
	ck_assert_ptr_null(m);
}
END_TEST

/* ---- Japanese text, byte for byte ----------------------------------------- */

static const char *const japanese[] = {
	"漢字かなカナ",
	"被害無し(未遂)",
	"ｶﾞｷﾞｸﾞ 半角カナ",
	"絵文字😀🙇‍♂️👨‍👩‍👧",                 /* outside the BMP, ZWJ sequences */
	"\xe3\x80\x80全角スペースで始まる\xe3\x80\x80",
	"①②③ ㈱ ～ − ‐ ―",             /* characters that do not all convert */
	"髙橋 﨑 𠮷野家",                  /* IBM extensions, a 4-byte kanji */
	"か\xe3\x82\x99",                   /* か + combining dakuten, not normalised */
	"行1\n行2\n\n行4",
	"",
};

START_TEST(japanese_byte_identical)
{
	const char *s = japanese[_i];
	size_t len = strlen(s);
	struct model *m = model_new();
	model_set_text(m, "t", Q_TEXT, s);
	model_set_text(m, "l", Q_LINES, s);
	model_set_text(m, "c", Q_CHOICE, s);
	model_set_check(m, "b", true, s);
	model_set_text(model_entry_add(m, "r"), "t", Q_TEXT, s);
	struct model *c = model_clone(m);
	const char *got[] = {
		model_text(m, "t"), model_text(m, "l"), model_text(m, "c"), model_text(m, "b"),
		model_text(model_entry(m, "r", 0), "t"), model_text(c, "t"), model_text(c, "b"),
		model_text(model_entry(c, "r", 0), "t"),
	};
	for (int k = 0; k < N(got); k++) {
		ck_assert_uint_eq(strlen(got[k]), len);
		ck_assert_msg(memcmp(got[k], s, len + 1) == 0, "%d: \"%s\" != \"%s\"", k, got[k], s);
		ck_assert_ptr_ne(got[k], s); /* a copy, not the caller's string */
	}
	ck_assert(model_equal(m, c));
	model_free(&c);
	model_free(&m);
}
END_TEST

START_TEST(japanese_ids)
{
	/* Ids are compared as bytes too. */
	struct model *m = model_new();
	model_set_text(m, "届出日", Q_TEXT, "一");
	model_set_text(m, "届出者", Q_TEXT, "二");
	ck_assert_str_eq(model_text(m, "届出日"), "一");
	ck_assert_str_eq(model_text(m, "届出者"), "二");
	ck_assert_ptr_null(model_get(m, "届出"));
	model_free(&m);
}
END_TEST

START_TEST(caller_string_is_copied)
{
	char buf[32];
	struct model *m = model_new();
	strcpy(buf, "元の文字");
	model_set_text(m, "t", Q_TEXT, buf);
	model_set_check(m, "b", true, buf);
	model_set_text(model_entry_add(m, "r"), buf, Q_TEXT, "id");
	strcpy(buf, "書き換え");
	ck_assert_str_eq(model_text(m, "t"), "元の文字");
	ck_assert_str_eq(model_text(m, "b"), "元の文字");
	ck_assert_str_eq(model_text(model_entry(m, "r", 0), "元の文字"), "id");
	model_free(&m);
}
END_TEST

/* Setting a value from its own text keeps the text (no use after free). */
/* Past a few answers the model looks them up by an index: every answer
 * is found after many sets, unsets (which move the others) and clones,
 * none that was unset, in the order they were first set. */
START_TEST(many_answers)
{
	struct model *m = model_new();
	char id[32], want[32];
	for (int i = 0; i < 500; i++) {
		snprintf(id, sizeof id, "q%d", i);
		snprintf(want, sizeof want, "答え%d", i);
		model_set_text(m, id, Q_TEXT, want);
	}
	for (int i = 0; i < 500; i += 3) {
		snprintf(id, sizeof id, "q%d", i);
		model_unset(m, id);
	}
	model_set_text(m, "q1", Q_TEXT, "again");
	struct model *c = model_clone(m);
	ck_assert_uint_eq(model_count(m), 500 - 167);
	for (int k = 0; k < 2; k++) {
		const struct model *x = k ? c : m;
		for (int i = 0; i < 500; i++) {
			snprintf(id, sizeof id, "q%d", i);
			snprintf(want, sizeof want, "答え%d", i);
			const char *t = model_text(x, id);
			if (i % 3 == 0)
				ck_assert_msg(!model_get(x, id) && !*t, "%s", id);
			else
				ck_assert_str_eq(t, i == 1 ? "again" : want);
		}
		ck_assert_str_eq(model_key_at(x, 0), "q1");
		ck_assert_str_eq(model_key_at(x, 1), "q2");
		ck_assert_str_eq(model_key_at(x, 2), "q4");
	}
	ck_assert(model_equal(m, c));
	for (int i = 0; i < 500; i++) {
		snprintf(id, sizeof id, "q%d", i);
		model_unset(m, id);
	}
	ck_assert_uint_eq(model_count(m), 0);
	ck_assert_ptr_null(model_get(m, "q2"));
	model_free(&c);
	model_free(&m);
}
END_TEST

START_TEST(set_from_own_text)
{
	struct model *m = model_new();
	model_set_check(m, "b", true, "自分のメモ");
	model_set_check(m, "b", false, model_text(m, "b"));
	ck_assert_str_eq(model_text(m, "b"), "自分のメモ");
	model_set_text(m, "t", Q_TEXT, "文字列");
	model_set_text(m, "t", Q_TEXT, model_text(m, "t"));
	ck_assert_str_eq(model_text(m, "t"), "文字列");
	model_free(&m);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("values");
	tcase_add_test(tc, set_from_own_text);
	tcase_add_test(tc, many_answers);
	tcase_add_test(tc, unset_ids);
	tcase_add_test(tc, every_type);
	tcase_add_test(tc, same_type_replaces);
	tcase_add_loop_test(tc, other_type_replaces, 0, 20);
	tcase_add_test(tc, free_clears_the_pointer);
	suite_add_tcase(s, tc);

	tc = tcase_create("order");
	tcase_add_test(tc, iteration_order);
	tcase_add_loop_test(tc, unset_keeps_order, 0, N(unsets));
	tcase_add_test(tc, unset_everything);
	suite_add_tcase(s, tc);

	tc = tcase_create("entries");
	tcase_add_test(tc, entry_add);
	tcase_add_loop_test(tc, entry_move, 0, N(moves));
	tcase_add_test(tc, entry_move_keeps_the_entries);
	tcase_add_loop_test(tc, entry_delete, 0, N(deletes));
	tcase_add_test(tc, entry_delete_all);
	tcase_add_test(tc, entries_are_independent_models);
	suite_add_tcase(s, tc);

	tc = tcase_create("copies");
	tcase_add_test(tc, clone_is_equal_and_deep);
	tcase_add_test(tc, clone_of_empty);
	tcase_add_loop_test(tc, equal_sees_every_difference, 0, N(differ));
	tcase_add_test(tc, equal_ignores_source_lines);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_loop_test(tc, japanese_byte_identical, 0, N(japanese));
	tcase_add_test(tc, japanese_ids);
	tcase_add_test(tc, caller_string_is_copied);
	suite_add_tcase(s, tc);
	return s;
}

