/* The wizard's one-line fitting (src/tui/wrap.c, shorten_text): whole when
 * it fits, else cut at a space, 、 or comma that keeps most of the line and
 * ended with "..."; never inside a character or a cluster, never wider
 * than asked (issue 13, point 8). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "../../src/tui/wrap.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"

static char *shorten(const char *text, int cols)
{
	struct strbuf sb;
	sb_init(&sb);
	shorten_text(&sb, text, cols);
	ck_assert_int_le(tw_swidth(sb.buf), cols);
	return sb_detach(&sb);
}

static void setup(void)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
}

START_TEST(fits_whole)
{
	char *s = shorten("PPC: report voluntary", 78);
	ck_assert_str_eq(s, "PPC: report voluntary");
	free(s);
	s = shorten("個人情報保護委員会", 18);   /* exactly the width */
	ck_assert_str_eq(s, "個人情報保護委員会");
	free(s);
}
END_TEST

START_TEST(cut_at_a_break)
{
	char *s = shorten("PPC: undetermined, answer 個人データの漏えい等、要配慮個人情報、"
	                  "財産的被害が生じるおそれ、不正の目的", 78);
	ck_assert_str_eq(s, "PPC: undetermined, answer 個人データの漏えい等、要配慮個人情報、...");
	free(s);
	/* A date is never halved: the cut goes back to the space before it. */
	s = shorten("final by 2022-12-23 (57 days left)", 24);
	ck_assert_str_eq(s, "final by 2022-12-23...");
	free(s);
	/* English at a space, and no 「(」 left open at the end. */
	s = shorten("is being edited by root (pid 13829 on host)", 30);
	ck_assert_str_eq(s, "is being edited by root...");
	free(s);
	/* A path at one of its folders. */
	s = shorten("Written: /home/user/.local/share/todoke/incidents/shop-ipa.txt (UTF-8)", 48);
	ck_assert_str_eq(s, "Written: /home/user/.local/share/todoke/...");
	free(s);
}
END_TEST

START_TEST(never_inside_a_cluster)
{
	/* か+U+3099 (が) and 👍🏽 are one cluster each: no break in the text,
	 * so the cut is between clusters, never between their code points. */
	const char *text = "か\xe3\x82\x99か\xe3\x82\x99か\xe3\x82\x99か\xe3\x82\x99👍🏽👍🏽";
	for (int cols = 4; cols <= 12; cols++) {
		char *s = shorten(text, cols);
		size_t n = strlen(s) - 3;
		ck_assert_str_eq(s + n, "...");
		ck_assert_msg(strncmp(s, text, n) == 0, "%d: %s", cols, s);
		/* What is kept ends where a cluster ends. */
		size_t at = 0;
		while (at < n)
			at += tw_cluster_u8(text + at, strlen(text) - at, TW_SCREEN, NULL);
		ck_assert_msg(at == n, "%d: cut inside a cluster: %s", cols, s);
		free(s);
	}
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("shorten");
	TCase *tc = tcase_create("shorten");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, fits_whole);
	tcase_add_test(tc, cut_at_a_break);
	tcase_add_test(tc, never_inside_a_cluster);
	suite_add_tcase(s, tc);
	return s;
}
