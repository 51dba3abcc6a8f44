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

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "todoke/fileid.h"
#include "todoke/incident.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

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

/* An incident text with an answer of n characters: two of them differ in
 * size and bytes. */
static char *incident_text(struct formset *fs, size_t n)
{
	struct diag d;
	struct incident *inc = incident_create(fs, "識別", &d);
	ck_assert_msg(inc != NULL, "%s", d.msg);
	char *a = xmalloc(n + 1);
	memset(a, 'x', n);
	a[n] = '\0';
	model_set_text(inc->answers, "found.detail", Q_LINES, a);
	free(a);
	struct strbuf sb;
	sb_init(&sb);
	incident_serialize(inc, &sb);
	incident_free(&inc);
	return sb_detach(&sb);
}

/* The identity store_load gives is that of the bytes it parsed, even
 * while another process keeps renaming two versions over the file: taken
 * from the descriptor read, never from a second look at the name (which
 * would pair one version's text with the other's inode and hash). */
START_TEST(load_identity_is_of_the_bytes_read)
{
	struct formset *fs = test_forms();
	char pa[160], pb[160], tmp[160];
	snprintf(pa, sizeof pa, "%s/A", dir);
	snprintf(pb, sizeof pb, "%s/B", dir);
	snprintf(tmp, sizeof tmp, "%s/.tmp", dir);
	char *ta = incident_text(fs, 10), *tb = incident_text(fs, 5000);
	put(pa, ta, "w");
	put(pb, tb, "w");
	struct stat sa, sb;
	ck_assert_int_eq(stat(pa, &sa), 0);
	ck_assert_int_eq(stat(pb, &sb), 0);
	struct file_id ia, ib;
	file_id_of(&sa, ta, strlen(ta), &ia);
	file_id_of(&sb, tb, strlen(tb), &ib);
	ck_assert_int_eq(link(pa, path), 0);
	pid_t child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		/* Bounded: a failed assertion below never leaves it running. */
		time_t stop = time(NULL) + 10;
		for (unsigned long k = 0; time(NULL) < stop; k++) {
			if (link(k % 2 ? pa : pb, tmp) == 0)
				rename(tmp, path);
		}
		_exit(0);
	}
	size_t loads = 0, seen_b = 0;
	time_t until = time(NULL) + 2;
	while (time(NULL) < until || loads < 200) {
		struct incident *inc;
		struct file_id id;
		struct diag d;
		char *text;
		size_t len;
		if (!store_load(path, fs, &inc, &id, &text, &len, &d))
			continue;  /* renamed away between the open and the read: none */
		loads++;
		bool is_b = strcmp(text, tb) == 0;
		seen_b += is_b;
		ck_assert_msg(is_b || strcmp(text, ta) == 0, "neither version read");
		const struct file_id *want = is_b ? &ib : &ia;
		ck_assert_msg(file_id_same(&id, want), "load %zu: the identity is not that of "
		              "the text read (%s)", loads, is_b ? "B" : "A");
		free(text);
		incident_free(&inc);
	}
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);
	ck_assert_uint_gt(seen_b, 0);
	ck_assert_uint_lt(seen_b, loads);
	free(ta);
	free(tb);
	formset_free(&fs);
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
	tcase_add_test(tc, load_identity_is_of_the_bytes_read);
	tcase_set_timeout(tc, 20);
	suite_add_tcase(s, tc);
	return s;
}
