/* Golden files: tests/golden/DOC/NAME.incident must export to
 * NAME.expected byte for byte.  ipa/example.expected is IPA's own
 * filled-in example (shared/reference), ipa/blank.expected the blank form;
 * ppc/prelim and ppc/final are the 速報 and 確報 of one incident;
 * ppc/public-body a 行政機関等 (over 100, a due date moved off a holiday). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "suite.h"
#include "todoke/export.h"
#include "todoke/fileio.h"
#include "todoke/nfc.h"
#include "todoke/utf8.h"

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

/* What nfc_append's fast path relies on, for every code point it calls
 * stable: combining class 0, NFC alone is itself, and no canonical pair
 * (Hangul's too) has it second, so that nothing before it composes. */
START_TEST(nfc_stable_holds)
{
	static unsigned char second[0x110000];
	for (ucs4_t x = 0; x < 0x110000; x++) {
		ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
		if (uc_canonical_decomposition(x, d) == 2)
			second[d[1]] = 1;
	}
	size_t n = 0;
	for (ucs4_t c = 0; c < 0x110000; c++) {
		if (!nfc_stable(c))
			continue;
		n++;
		ck_assert_msg(c < 0xD800 || c > 0xDFFF, "U+%04X", (unsigned)c);
		ck_assert_msg(uc_combining_class(c) == 0, "U+%04X", (unsigned)c);
		ck_assert_msg(!second[c], "U+%04X", (unsigned)c);
		uint8_t u[8];
		int k = u8_uctomb(u, c, (int)sizeof u);
		size_t len = 0;
		uint8_t *r = u8_normalize(UNINORM_NFC, u, (size_t)k, NULL, &len);
		ck_assert_msg(r && len == (size_t)k && memcmp(r, u, len) == 0, "U+%04X", (unsigned)c);
		free(r);
	}
	ck_assert_uint_gt(n, 30000);   /* ASCII, kana, kanji at least */
	ck_assert(!nfc_stable(0x3099) && !nfc_stable(0x0301) && !nfc_stable(0x1161));
}
END_TEST

/* The straightforward NFC nfc_append must equal: u8_normalize over each
 * whole run between compatibility ideographs (and '>' in markup). */
static void nfc_reference(const char *s, size_t n, bool html, struct strbuf *out)
{
	size_t run = 0;
	for (size_t i = 0; i <= n;) {
		size_t k = i < n ? utf8_seqlen((const unsigned char *)s + i, n - i) : 0;
		unsigned long cp = k ? utf8_decode((const unsigned char *)s + i, k) : 0;
		bool cut = i == n || (k && ((cp >= 0xF900 && cp <= 0xFAFF) ||
		                            (cp >= 0x2F800 && cp <= 0x2FA1F) || (html && cp == '>')));
		if (cut) {
			size_t len = 0;
			uint8_t *r = i > run ? u8_normalize(UNINORM_NFC, (const uint8_t *)s + run,
			                                    i - run, NULL, &len) : NULL;
			if (r)
				sb_addn(out, (const char *)r, len);
			else
				sb_addn(out, s + run, i - run);
			free(r);
			if (i == n)
				break;
			sb_addn(out, s + i, k);
			run = i + k;
		}
		i += k ? k : 1;
	}
}

/* A long text of Japanese, half-width kana, emoji and every kind of mark
 * in every place (at the start, after a stable character, after another
 * mark, Hangul jamo, singletons, compatibility ideographs), in markup and
 * not, and with a byte that is not UTF-8: as the reference. */
START_TEST(nfc_long_text)
{
	static const char *const pool[] = {
		"漏えいしたログの行です。", "ｶﾀｶﾅ", "ｶﾞ", "cafe", "\xcc\x81", "\xcc\xa3",
		"か", "\xe3\x82\x99", "\xe3\x82\x9a", "😀", "👍\xf0\x9f\x8f\xbd", "\n",
		"\xe1\x84\x80", "\xe1\x85\xa1", "\xe1\x86\xa8", "\xea\xb0\x80",
		"\xe2\x80\x80", "\xe2\x84\xab", "\xef\xa8\x99", "\xef\xa8\x91", ">",
		"<p>", "\xe3\x80\xaa", "é", "A", " ", "\xe0\xad\x87", "\xe0\xac\xbe",
	};
	unsigned long x = 14;
	for (int round = 0; round < 3; round++) {
		struct strbuf text, got, want;
		sb_init(&text);
		sb_init(&got);
		sb_init(&want);
		while (text.len < 100000) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			sb_add(&text, pool[(x >> 33) % (sizeof pool / sizeof pool[0])]);
		}
		if (round == 2)
			text.buf[text.len / 2] = '\xff';   /* not UTF-8 */
		bool html = round == 1;
		nfc_append(text.buf, text.len, html, &got);
		nfc_reference(text.buf, text.len, html, &want);
		ck_assert_uint_eq(got.len, want.len);
		ck_assert(memcmp(got.buf, want.buf, got.len) == 0);
		sb_release(&text);
		sb_release(&got);
		sb_release(&want);
	}
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
	tcase_add_test(tc, nfc_stable_holds);
	tcase_add_test(tc, nfc_long_text);
	tcase_add_test(tc, documents_in_nfc);
	suite_add_tcase(s, tc);
	return s;
}
