/* The messages of files, locks, the store and the profile are in the
 * interface language: under ja_JP.UTF-8, with the catalogue of the build
 * tree ($TODOKE_LOCALEDIR, set by the Makefile), they are Japanese. */
#include <check.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileio.h"
#include "todoke/lock.h"
#include "todoke/model.h"
#include "todoke/profile.h"
#include "todoke/store.h"

static char tmpdir[64];

static void setup(void)
{
	const char *dir = getenv("TODOKE_LOCALEDIR");
	ck_assert_msg(dir && *dir, "TODOKE_LOCALEDIR is not set (make unit sets it)");
	unsetenv("LANGUAGE");
	ck_assert_msg(setlocale(LC_ALL, "ja_JP.UTF-8") != NULL, "no ja_JP.UTF-8 locale");
	ck_assert_ptr_nonnull(bindtextdomain("todoke", dir));
	ck_assert_ptr_nonnull(textdomain("todoke"));
	strcpy(tmpdir, "/tmp/todoke-i18n-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	setlocale(LC_ALL, "C.UTF-8");
}

static void has(const struct diag *d, const char *want)
{
	ck_assert_msg(strstr(d->msg, want) != NULL, "\"%s\" lacks \"%s\"", d->msg, want);
}

START_TEST(file_messages)
{
	struct diag d;
	char path[128];
	char *data;
	size_t len;
	snprintf(path, sizeof path, "%s/nothere.txt", tmpdir);
	ck_assert(!file_read_all(path, &data, &len, &d));
	has(&d, "開けません: ");
	ck_assert(!file_write_output(tmpdir, "x", 1, 0600, &d));
	has(&d, "フォルダーです。ファイル名を指定してください");
	snprintf(path, sizeof path, "%s/nodir/x.txt", tmpdir);
	ck_assert(!file_write_output(path, "x", 1, 0600, &d));
	has(&d, "に一時ファイルを作成できません: ");
}
END_TEST

START_TEST(lock_messages)
{
	struct diag d;
	char inc[128], lockdir[128];
	snprintf(inc, sizeof inc, "%s/a.incident", tmpdir);
	snprintf(lockdir, sizeof lockdir, "%s/.a.incident.lock", tmpdir);
	ck_assert_int_eq(mkdir(lockdir, 0700), 0);  /* a lock that is no file */
	struct lock *l = NULL;
	struct lock_owner who;
	ck_assert_int_eq(lock_acquire(inc, &l, &who, &d), LOCK_ERROR);
	has(&d, "ロックファイル ");
	has(&d, ": 開けません: ");
}
END_TEST

START_TEST(store_messages)
{
	struct diag d;
	char file[128], under[160];
	snprintf(file, sizeof file, "%s/file", tmpdir);
	snprintf(under, sizeof under, "%s/sub", file);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert(!store_ensure_dir(under, &d));
	has(&d, "フォルダーを作成できません: ");
	ck_assert(!store_ensure_dir(NULL, &d));
	has(&d, "ホームフォルダーが見つかりません");
}
END_TEST

START_TEST(profile_messages)
{
	struct diag d;
	char path[128];
	snprintf(path, sizeof path, "%s/profile", tmpdir);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("reporter.name: 山田\n", f);
	fclose(f);
	struct model *m = model_new();
	ck_assert(!profile_load(path, m, &d));  /* no first line: the lexer's words */
	has(&d, "ファイルではありません");
	ck_assert(!profile_load(NULL, m, &d));
	has(&d, "ホームフォルダーが見つかりません");
	model_set_text(m, "reporter.name", Q_TEXT, "山田\n太郎");
	ck_assert(!profile_save(path, m, &d));
	has(&d, "reporter.name: 改行、制御文字、正しくない UTF-8 はプロフィールに保存できません");
	model_free(&m);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("i18n");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, file_messages);
	tcase_add_test(tc, lock_messages);
	tcase_add_test(tc, store_messages);
	tcase_add_test(tc, profile_messages);
	suite_add_tcase(s, tc);
	return s;
}
