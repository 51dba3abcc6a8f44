/* Golden files: tests/golden/DOC/NAME.incident must export to
 * NAME.expected byte for byte.  ipa/example.expected is IPA's own
 * filled-in example (shared/reference), ipa/blank.expected the blank form;
 * ppc/prelim and ppc/final are the 速報 and 確報 of one incident;
 * ppc/public-body a 行政機関等 (over 100, a due date moved off a holiday). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "todoke/export.h"
#include "todoke/fileio.h"
#include "todoke/nfc.h"

static const struct {
	const char *doc, *name;
} cases[] = {
	{ "ipa", "example" }, { "ipa", "blank" }, { "ipa", "partial" },
	{ "ppc", "prelim" }, { "ppc", "final" }, { "ppc", "public-body" },
};

static struct formset *fs;

static void setup(void)
{
	fs = test_forms();
}

static void teardown(void)
{
	formset_free(&fs);
}

/* Where the two texts part, for a readable failure. */
static void assert_same(const char *name, const char *got, const char *want)
{
	if (strcmp(got, want) == 0)
		return;
	int line = 1;
	size_t i = 0;
	while (got[i] && got[i] == want[i]) {
		line += got[i] == '\n';
		i++;
	}
	while (i > 0 && got[i - 1] != '\n')
		i--;
	ck_abort_msg("%s: differs at line %d:\n got: %.80s\nwant: %.80s", name, line,
	             got + i, want + i);
}

START_TEST(golden)
{
	char path[256];
	char *want;
	size_t len;
	struct diag d;
	struct incident *inc;

	snprintf(path, sizeof path, "tests/golden/%s/%s.incident", cases[_i].doc, cases[_i].name);
	ck_assert_msg(incident_load(path, fs, &inc, &d), "%s:%d: %s", d.file, d.line, d.msg);
	snprintf(path, sizeof path, "tests/golden/%s/%s.expected", cases[_i].doc, cases[_i].name);
	ck_assert_msg(file_read_all(path, &want, &len, &d), "%s", d.msg);

	struct strbuf out;
	sb_init(&out);
	const struct document *doc = docset_find(formset_documents(fs), cases[_i].doc);
	ck_assert_ptr_nonnull(doc);
	ck_assert(export_document(doc, inc, NULL, NOTICE_TEXT, &out, NULL, &d));
	assert_same(cases[_i].name, out.buf, want);
	ck_assert_uint_eq(out.len, len);
	sb_release(&out);
	free(want);
	incident_free(&inc);
}
END_TEST

/* The blank form: every box □, every blank at its printed width. */
START_TEST(blank_has_no_ticks)
{
	char *want;
	size_t len;
	struct diag d;
	ck_assert(file_read_all("tests/golden/ipa/blank.expected", &want, &len, &d));
	/* The only ■ is in the instruction 「□を■にしてください」. */
	const char *on = strstr(want, "■");
	ck_assert_ptr_nonnull(on);
	ck_assert_ptr_null(strstr(on + 1, "■"));
	ck_assert_ptr_nonnull(strstr(want, "□を■にしてください"));
	ck_assert_ptr_nonnull(strstr(want, "\n    年  月  日\n"));
	ck_assert_ptr_nonnull(strstr(want, "\n1.発見年月日:    年  月  日\n"));
	ck_assert_ptr_nonnull(strstr(want, "   □その他(                )\n"));
	ck_assert_ptr_nonnull(strstr(want, "    (連絡者:           )\n"));
	ck_assert_ptr_nonnull(strstr(want, "   (□許可する □許可しない)\n"));
	/* Free-text areas are simply empty: heading followed by next heading. */
	ck_assert_ptr_nonnull(strstr(want, "(書ききれない場合には別紙):\n3.被害発見経緯:\n"));
	free(want);
}
END_TEST

START_TEST(no_ipa_form_is_an_error)
{
	struct incident *inc = incident_new(NULL, 0);
	struct strbuf out;
	struct diag d;
	sb_init(&out);
	diag_clear(&d);
	const struct document *doc = docset_find(formset_documents(fs), "ipa");
	ck_assert(!export_document(doc, inc, NULL, NOTICE_TEXT, &out, NULL, &d));
	ck_assert_uint_eq(out.len, 0);
	ck_assert_ptr_nonnull(strstr(d.msg, "ipa-access"));
	sb_release(&out);
	incident_free(&inc);
}
END_TEST

/* NFC with libunistring, compatibility ideographs as typed, and in HTML
 * no mark joining the '>' of a tag. */
START_TEST(nfc)
{
	struct strbuf out;
	sb_init(&out);
	nfc_append("か\xe3\x82\x99 ハ\xe3\x82\x9a e\xcc\x81", strlen("か\xe3\x82\x99 ハ\xe3\x82\x9a e\xcc\x81"),
	           false, &out);
	ck_assert_str_eq(out.buf, "が パ é");
	out.len = 0;
	/* 神 U+FA19 (NFC: 神 U+795E) and 﨑 U+FA11 stay; a mark after one is
	 * left alone; the runs around them are normalised. */
	const char *s = "\xef\xa8\x99\xcc\x81か\xe3\x82\x99\xef\xa8\x91\xf0\xaf\xa0\x80";
	nfc_append(s, strlen(s), false, &out);
	ck_assert_str_eq(out.buf, "\xef\xa8\x99\xcc\x81が\xef\xa8\x91\xf0\xaf\xa0\x80");
	out.len = 0;
	nfc_append("<p>\xcc\xb8x</p>", 10, true, &out);
	ck_assert_str_eq(out.buf, "<p>\xcc\xb8x</p>");
	out.len = 0;
	nfc_append("a>\xcc\xb8", 4, false, &out);
	ck_assert_str_eq(out.buf, "a≯");
	sb_release(&out);
}
END_TEST

/* Every document goes through export_document: the exported text is NFC
 * and the incident keeps what was typed. */
START_TEST(documents_in_nfc)
{
	static const char text[] =
		"todoke-incident 1\n[incident]\nform: ipa-access 3.5\nform: ppc-report 2024\n"
		"[answers]\nreporter.org: 株式会社か\xe3\x82\x99\xef\xa8\x99\n[end]\n";
	struct incident *inc;
	struct diag d;
	ck_assert_msg(incident_parse(text, sizeof text - 1, "t.incident", fs, &inc, &d), "%s", d.msg);
	static const char *const kinds[] = { "ipa", "ppc" };
	for (size_t k = 0; k < 2; k++) {
		const struct document *doc = docset_find(formset_documents(fs), kinds[k]);
		struct strbuf out;
		char *title = NULL;
		sb_init(&out);
		ck_assert(export_document(doc, inc, NULL, NOTICE_TEXT, &out, &title, &d));
		ck_assert_ptr_nonnull(strstr(out.buf, "株式会社が\xef\xa8\x99"));
		ck_assert_ptr_null(strstr(out.buf, "\xe3\x82\x99"));
		ck_assert_ptr_nonnull(strstr(title, "(株式会社が\xef\xa8\x99)"));
		free(title);
		sb_release(&out);
	}
	ck_assert_str_eq(model_text(inc->answers, "reporter.org"),
	                 "株式会社か\xe3\x82\x99\xef\xa8\x99");
	incident_free(&inc);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("ipa");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, golden, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, blank_has_no_ticks);
	tcase_add_test(tc, no_ipa_form_is_an_error);
	tcase_add_test(tc, nfc);
	tcase_add_test(tc, documents_in_nfc);
	suite_add_tcase(s, tc);
	return s;
}
