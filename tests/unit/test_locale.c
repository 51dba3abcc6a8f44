/* The locale at start: C and POSIX switched to UTF-8, a UTF-8 locale kept,
 * no UTF-8 locale reported; the interface language from LANGUAGE even
 * under a C nobody chose; text converted to another codeset, characters
 * cut between writes included.  Each test runs in its own process (Check
 * forks), so environment and locale changes stay there. */
#include <check.h>
#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "suite.h"

#include "todoke/locale.h"

static const char *catalogs(void)
{
	const char *dir = getenv("TODOKE_LOCALEDIR");
	return dir && *dir ? dir : "build/locale";
}

/* The environment of a fresh ssh login, cron or `su -`: no locale at all. */
static void no_locale(void)
{
	static const char *const vars[] = { "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE",
	                                    "LC_MESSAGES", "LC_COLLATE", "LC_TIME",
	                                    "LC_NUMERIC", "LC_MONETARY", "LOCPATH" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
	setlocale(LC_ALL, "C");
}

/* A message of po/ja.po, and its translation. */
#define EN "the wizard needs a terminal"
#define JA "ウィザードは端末で実行してください"

START_TEST(unset_locale_becomes_c_utf8_silently)
{
	struct locale_state st;
	no_locale();
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_COERCED);
	ck_assert_str_eq(st.user, "C");
	ck_assert_str_eq(st.utf8, "C.UTF-8");
	ck_assert_str_eq(nl_langinfo(CODESET), "UTF-8");
	ck_assert_int_eq(wcwidth(L'届'), 2);
	/* For $EDITOR and the other programs the wizard starts. */
	ck_assert_str_eq(getenv("LC_CTYPE"), "C.UTF-8");
	ck_assert_str_eq(gettext(EN), EN);
}
END_TEST

START_TEST(lc_all_c_is_switched_too)
{
	struct locale_state st;
	no_locale();
	setenv("LC_ALL", "C", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_COERCED);
	ck_assert_str_eq(nl_langinfo(CODESET), "UTF-8");
	ck_assert_ptr_null(getenv("LC_CTYPE"));  /* LC_ALL would hide it */
	no_locale();
	setenv("LC_ALL", "POSIX", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_COERCED);
	ck_assert_str_eq(st.user, "C");
}
END_TEST

START_TEST(utf8_locale_is_kept)
{
	struct locale_state st;
	no_locale();
	setenv("LANG", "C.UTF-8", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_UTF8);
	ck_assert_str_eq(st.utf8, "C.UTF-8");
	ck_assert_ptr_null(getenv("LC_CTYPE"));
	no_locale();
	setenv("LANG", "ja_JP.UTF-8", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	if (strcmp(setlocale(LC_CTYPE, NULL), "C") != 0) {  /* where it is installed */
		ck_assert_int_eq(st.kind, LOCALE_UTF8);
		ck_assert_str_eq(gettext(EN), JA);
	}
}
END_TEST

START_TEST(no_utf8_locale_is_reported)
{
	static const char *const none[] = { "xx_XX.UTF-8", "C.NOPE-8", NULL };
	struct locale_state st;
	no_locale();
	setenv("LC_ALL", "C", 1);
	locale_setup("todoke", catalogs(), none, &st);
	ck_assert_int_eq(st.kind, LOCALE_NONE);
	ck_assert_str_eq(st.utf8, "");
	ck_assert_str_eq(setlocale(LC_CTYPE, NULL), "C");
}
END_TEST

/* gettext ignores LANGUAGE under C: not when nobody chose that C. */
START_TEST(language_chooses_under_a_default_c)
{
	struct locale_state st;
	no_locale();
	setenv("LANGUAGE", "ja", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_COERCED);
	ck_assert_str_eq(gettext(EN), JA);
	/* LC_CTYPE=C alone is no choice of language either. */
	no_locale();
	setenv("LANGUAGE", "ja", 1);
	setenv("LC_CTYPE", "C", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_COERCED);
	ck_assert_str_eq(gettext(EN), JA);
}
END_TEST

START_TEST(c_named_for_messages_stays_english)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < 3; i++) {
		struct locale_state st;
		no_locale();
		setenv("LANGUAGE", "ja", 1);
		setenv(vars[i], "C", 1);
		locale_setup("todoke", catalogs(), NULL, &st);
		ck_assert_int_eq(st.kind, LOCALE_COERCED);
		ck_assert_msg(strcmp(gettext(EN), EN) == 0, "%s=C LANGUAGE=ja: %s", vars[i],
		              gettext(EN));
	}
}
END_TEST

/* LANG=ja_JP.UTF-8 over ssh on a machine that lacks that locale: the
 * characters as C.UTF-8, the language still Japanese. */
START_TEST(missing_locale_keeps_its_language)
{
	struct locale_state st;
	no_locale();
	setenv("LANG", "ja_ZZ.UTF-8", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_COERCED);
	ck_assert_str_eq(nl_langinfo(CODESET), "UTF-8");
	ck_assert_str_eq(gettext(EN), JA);
	/* One missing category does not undo the others. */
	no_locale();
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_MESSAGES", "ja_ZZ.UTF-8", 1);
	locale_setup("todoke", catalogs(), NULL, &st);
	ck_assert_int_eq(st.kind, LOCALE_UTF8);
	ck_assert_str_eq(setlocale(LC_CTYPE, NULL), "C.UTF-8");
	ck_assert_str_eq(gettext(EN), JA);
}
END_TEST

/* Writes the pieces through a converting stream, flushing after each
 * (a character cut between writes), and returns what reached the fd. */
static const char *through(const char *codeset, const char *const *pieces)
{
	static char got[512];
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	FILE *f = locale_converting_stream(p[1], codeset);
	ck_assert_ptr_nonnull(f);
	for (; *pieces; pieces++) {
		fputs(*pieces, f);
		fflush(f);
	}
	ck_assert_int_eq(fclose(f), 0);
	close(p[1]);
	ssize_t n = read(p[0], got, sizeof got - 1);
	ck_assert_int_ge(n, 0);
	got[n] = '\0';
	close(p[0]);
	return got;
}

START_TEST(text_is_converted_to_the_codeset)
{
	no_locale();
	setlocale(LC_ALL, "C.UTF-8");
	/* 届 and 出 cut after their first and second bytes. */
	static const char *const cut[] = { "todoke: \xE5", "\xB1\x8A\xE5\x87", "\xBA ok\n", NULL };
	/* EUC-JP of 届出: JIS X 0208 0x464F 0x3D50, each + 0x8080 (iconv agrees). */
	ck_assert_str_eq(through("EUC-JP", cut), "todoke: \xC6\xCF\xBD\xD0 ok\n");
	ck_assert_str_eq(through("SHIFT_JIS", cut), "todoke: \x93\xCD\x8F\x6F ok\n");
	/* What the codeset lacks: transliterated, else named; bad bytes '?'. */
	static const char *const lacks[] = { "a › b — c 😀 \xFF end", NULL };
	ck_assert_str_eq(through("EUC-JP", lacks), "a > b -- c <U+1F600> ? end");
	static const char *const latin[] = { "Caf\xC3", "\xA9 日", NULL };
	ck_assert_str_eq(through("ISO-8859-1", latin), "Caf\xE9 <U+65E5>");
	/* A character never completed is not dropped silently. */
	static const char *const open_end[] = { "x\xE5\xB1", NULL };
	ck_assert_str_eq(through("EUC-JP", open_end), "x?");
	ck_assert_ptr_null(locale_converting_stream(1, "NO-SUCH-CODESET"));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("locale");
	TCase *tc = tcase_create("locale");
	tcase_add_test(tc, unset_locale_becomes_c_utf8_silently);
	tcase_add_test(tc, lc_all_c_is_switched_too);
	tcase_add_test(tc, utf8_locale_is_kept);
	tcase_add_test(tc, no_utf8_locale_is_reported);
	tcase_add_test(tc, language_chooses_under_a_default_c);
	tcase_add_test(tc, c_named_for_messages_stays_english);
	tcase_add_test(tc, missing_locale_keeps_its_language);
	tcase_add_test(tc, text_is_converted_to_the_codeset);
	suite_add_tcase(s, tc);
	return s;
}
