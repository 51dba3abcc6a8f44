/* fileid: an unchanged file compares the same; a rewrite in place with
 * the same size and time, a replacement (new inode), an append, and a
 * removal are each told apart. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileid.h"

static char dir[64], path[128];

static void setup(void)
{
	strcpy(dir, "/tmp/todoke-fileid-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a.incident", dir);
}

static void teardown(void)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void put(const char *p, const char *text, const char *mode)
{
	FILE *f = fopen(p, mode);
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(same_when_untouched)
{
	struct file_id a, b;
	put(path, "title = 一\n", "w");
	ck_assert(file_id_read(path, &a));
	ck_assert(a.known && a.exists);
	ck_assert(file_id_read(path, &b));
	ck_assert(file_id_same(&a, &b));
	ck_assert(!file_id_changed(path, &a));
}
END_TEST

START_TEST(rewrite_same_size_same_time)
{
	struct file_id a;
	put(path, "title = 一\n", "w");
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert(file_id_read(path, &a));
	put(path, "title = 二\n", "w");   /* same inode, same size */
	struct timespec t[2] = { st.st_atim, st.st_mtim };
	ck_assert_int_eq(utimensat(AT_FDCWD, path, t, 0), 0);
	ck_assert(file_id_changed(path, &a));
}
END_TEST

START_TEST(replaced_appended_removed)
{
	struct file_id a;
	char other[160];
	snprintf(other, sizeof other, "%s/b", dir);
	put(path, "x\n", "w");
	ck_assert(file_id_read(path, &a));
	put(path, "y\n", "a");
	ck_assert(file_id_changed(path, &a));

	ck_assert(file_id_read(path, &a));
	put(other, "x\ny\n", "w");
	ck_assert_int_eq(rename(other, path), 0);   /* as sed -i and git do */
	ck_assert(file_id_changed(path, &a));

	ck_assert(file_id_read(path, &a));
	ck_assert_int_eq(unlink(path), 0);
	ck_assert(file_id_changed(path, &a));
	/* Missing then and now: the same. */
	ck_assert(file_id_read(path, &a));
	ck_assert(a.known && !a.exists);
	ck_assert(!file_id_changed(path, &a));
	put(path, "", "w");
	ck_assert(file_id_changed(path, &a));
}
END_TEST

START_TEST(unrecorded_compares_equal)
{
	struct file_id none;
	memset(&none, 0, sizeof none);
	put(path, "x\n", "w");
	ck_assert(!file_id_changed(path, &none));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("fileid");
	TCase *tc = tcase_create("fileid");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, same_when_untouched);
	tcase_add_test(tc, rewrite_same_size_same_time);
	tcase_add_test(tc, replaced_appended_removed);
	tcase_add_test(tc, unrecorded_compares_equal);
	suite_add_tcase(s, tc);
	return s;
}
