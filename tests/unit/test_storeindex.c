/* The start screen's index (storeindex.h) and the list read through it
 * (store_list_open): rows come back as written; a row is stale when any
 * part of its key differs, the index when its stamp does; a damaged,
 * truncated or foreign file is no index; the file is 0600 in a 0700
 * folder; a file changed behind the index's back shows its new title. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileio.h"
#include "todoke/store.h"
#include "todoke/storeindex.h"
#include "todoke/strbuf.h"

static char tmpdir[64];
static char dir[128];  /* tmpdir/incidents */
static struct formset *fs;

static void setup(void)
{
	strcpy(tmpdir, "/tmp/todoke-index-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(dir, sizeof dir, "%s/incidents", tmpdir);
	setenv("TODOKE_HOME", tmpdir, 1);
	setenv("TODOKE_TODAY", "2026-11-22", 1);
	fs = test_forms();
}

static void teardown(void)
{
	char cmd[128];
	formset_free(&fs);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static const struct store_fkey key1 = { 2049, 1234567, 812, 1700000000, 123456789,
                                        1700000001, 999999999 };

/* Three rows: a title with what must be escaped, an error, neither. */
static void three_rows(struct store_index *x)
{
	store_index_init(x);
	struct store_irow a = { .name = "a\tb\\c\xff.incident", .key = key1,
	                        .title = "個人情報の漏えい\t(第1報)\\ \x7f", .has_discovery = true,
	                        .discovery = { 2022, 10, 20 }, .answered = 3, .total = 102 };
	struct store_irow b = { .name = "2026-11-22-pBCvMA/broken.incident", .key = key1,
	                        .error = "/x/broken.incident:9: unknown question id \"q\"" };
	struct store_irow c = { .name = "untitled.incident", .key = key1, .answered = 0, .total = 7 };
	b.key.ino++;
	c.key.ino += 2;
	c.key.mtime_s = -5;
	store_index_put(x, &a);
	store_index_put(x, &b);
	store_index_put(x, &c);
}

static void same_rows(const struct store_index *x, const struct store_index *y)
{
	ck_assert_uint_eq(x->n, y->n);
	for (size_t i = 0; i < x->n; i++) {
		const struct store_irow *a = &x->rows[i];
		const struct store_irow *b = store_index_find(y, a->name, &a->key);
		ck_assert_msg(b != NULL, "row %zu lost", i);
		ck_assert(a->title ? b->title && strcmp(a->title, b->title) == 0 : !b->title);
		ck_assert(a->error ? b->error && strcmp(a->error, b->error) == 0 : !b->error);
		ck_assert_int_eq(a->has_discovery, b->has_discovery);
		ck_assert_int_eq(date_cmp(a->discovery, b->discovery), 0);
		ck_assert_uint_eq(a->answered, b->answered);
		ck_assert_uint_eq(a->total, b->total);
	}
}

START_TEST(round_trip)
{
	struct store_index x, y;
	struct strbuf sb;
	three_rows(&x);
	sb_init(&sb);
	store_index_format(&x, "stamp|1", &sb);
	ck_assert_msg(store_index_parse(sb.buf, sb.len, "stamp|1", &y), "%s", sb.buf);
	same_rows(&x, &y);
	/* Written again, the same text: one way to write each row. */
	struct strbuf again;
	sb_init(&again);
	store_index_format(&y, "stamp|1", &again);
	ck_assert_str_eq(again.buf, sb.buf);
	/* A row put again replaces the old one. */
	struct store_irow r = x.rows[0];
	r.title = "新しい名前";
	store_index_put(&y, &r);
	ck_assert_uint_eq(y.n, 3);
	ck_assert_str_eq(store_index_find(&y, r.name, &r.key)->title, "新しい名前");
	sb_release(&again);
	sb_release(&sb);
	store_index_release(&x);
	store_index_release(&y);
}
END_TEST

START_TEST(stale_on_each_key_field)
{
	struct store_index x;
	three_rows(&x);
	const char *name = x.rows[0].name;
	ck_assert_ptr_nonnull(store_index_find(&x, name, &key1));
	ck_assert_ptr_null(store_index_find(&x, "other.incident", &key1));
	for (int f = 0; f < 7; f++) {
		struct store_fkey k = key1;
		switch (f) {
		case 0: k.dev++; break;
		case 1: k.ino++; break;
		case 2: k.size++; break;
		case 3: k.mtime_s++; break;
		case 4: k.mtime_ns++; break;
		case 5: k.ctime_s++; break;
		case 6: k.ctime_ns--; break;
		}
		ck_assert_msg(store_index_find(&x, name, &k) == NULL, "field %d not in the key", f);
	}
	store_index_release(&x);
}
END_TEST

START_TEST(stamp_names_what_the_rows_depend_on)
{
	char data[160], form[200];
	snprintf(data, sizeof data, "%s/data", tmpdir);
	ck_assert_int_eq(mkdir(data, 0700), 0);
	snprintf(form, sizeof form, "%s/forms", data);
	ck_assert_int_eq(mkdir(form, 0700), 0);
	snprintf(form, sizeof form, "%s/forms/x-1.form", data);
	struct diag d;
	ck_assert(file_write_atomic(form, "a", 1, 0600, &d));
	unsetenv("LANGUAGE");
	char *s1 = store_index_stamp("/d1", data);
	char *same = store_index_stamp("/d1", data);
	ck_assert_str_eq(s1, same);
	char *other_dir = store_index_stamp("/d2", data);
	ck_assert_str_ne(s1, other_dir);
	/* A form changed (rewritten: another inode and time). */
	ck_assert(file_write_atomic(form, "b", 1, 0600, &d));
	char *other_form = store_index_stamp("/d1", data);
	ck_assert_str_ne(s1, other_form);
	/* The language of the messages. */
	setenv("LANGUAGE", "ja", 1);
	char *other_lang = store_index_stamp("/d1", data);
	unsetenv("LANGUAGE");
	ck_assert_str_ne(other_form, other_lang);
	/* Rows of another stamp are not read. */
	struct store_index x, y;
	struct strbuf sb;
	three_rows(&x);
	sb_init(&sb);
	store_index_format(&x, s1, &sb);
	ck_assert(store_index_parse(sb.buf, sb.len, s1, &y));
	store_index_release(&y);
	ck_assert(!store_index_parse(sb.buf, sb.len, other_form, &y));
	ck_assert_uint_eq(y.n, 0);
	sb_release(&sb);
	store_index_release(&x);
	free(s1);
	free(same);
	free(other_dir);
	free(other_form);
	free(other_lang);
}
END_TEST

START_TEST(damaged_or_truncated_is_no_index)
{
	struct store_index x, y;
	struct strbuf sb;
	three_rows(&x);
	sb_init(&sb);
	store_index_format(&x, "s", &sb);
	/* Cut anywhere: nothing is trusted. */
	for (size_t n = 0; n < sb.len; n++) {
		ck_assert_msg(!store_index_parse(sb.buf, n, "s", &y), "cut at %zu read", n);
		ck_assert_uint_eq(y.n, 0);
	}
	/* One fault each in an otherwise good text. */
	static const char *const bad[] = {
		"todoke-index 2\nstamp s\nend 0\n",
		"todoke-index 1\nstamp t\nend 0\n",
		"todoke-index 1\nstamp s\nend 1\n",
		"todoke-index 1\nstamp s\nend 0\nmore\n",
		"todoke-index 1\nstamp s\nend 00\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nr a\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nend 2\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t1000000000\t6\t7\t-\t0\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t5\t6\t7\t-\t2\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t5\t6\t7\t2022-02-30\t0\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t01\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t18446744073709551616\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\\41\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\\0\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\\00\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tt\t\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\tx\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tt\tx\ty\nend 1\n",
		"todoke-index 1\nstamp s\nr a\t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\nend 1\n",
		"todoke-index 1\nstamp s\nr \t1\t2\t3\t4\t5\t6\t7\t-\t0\t1\tn\t\nend 1\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ck_assert_msg(!store_index_parse(bad[i], strlen(bad[i]), "s", &y), "read: %s", bad[i]);
		ck_assert_uint_eq(y.n, 0);
	}
	/* The good one of the same shape reads. */
	const char *good = "todoke-index 1\nstamp s\nr a\t1\t2\t3\t-4\t5\t6\t7\t2022-02-28\t0\t1\tt\tT\\09\nend 1\n";
	ck_assert(store_index_parse(good, strlen(good), "s", &y));
	ck_assert_str_eq(y.rows[0].title, "T\t");
	ck_assert_int_eq(y.rows[0].key.mtime_s, -4);
	store_index_release(&y);
	/* A NUL byte inside. */
	char *nul = xstrdup(sb.buf);
	nul[strlen("todoke-index 1\n") + 8] = '\0';
	ck_assert(!store_index_parse(nul, sb.len, "s", &y));
	free(nul);
	sb_release(&sb);
	store_index_release(&x);
}
END_TEST

static mode_t mode_of(const char *path)
{
	struct stat st;
	ck_assert_int_eq(lstat(path, &st), 0);
	return st.st_mode & 07777;
}

START_TEST(file_is_private_and_foreign_ones_are_ignored)
{
	char *path = store_index_path(dir);
	ck_assert_ptr_nonnull(path);
	ck_assert_msg(strncmp(path, tmpdir, strlen(tmpdir)) == 0, "%s", path);
	struct store_index x, y;
	three_rows(&x);
	umask(022);
	ck_assert(store_index_write(path, "s", &x));
	ck_assert_uint_eq(mode_of(path), 0600);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	ck_assert_uint_eq(mode_of(path), 0700);
	*slash = '/';
	ck_assert(store_index_read(path, "s", &y));
	same_rows(&x, &y);
	store_index_release(&y);
	/* Readable by others: not trusted (someone may have put it there). */
	ck_assert_int_eq(chmod(path, 0644), 0);
	ck_assert(!store_index_read(path, "s", &y));
	ck_assert_int_eq(chmod(path, 0600), 0);
	/* In a folder others may write to. */
	*slash = '\0';
	ck_assert_int_eq(chmod(path, 0777), 0);
	*slash = '/';
	ck_assert(!store_index_read(path, "s", &y));
	ck_assert(!store_index_write(path, "s", &x));
	*slash = '\0';
	ck_assert_int_eq(chmod(path, 0700), 0);
	*slash = '/';
	/* Another user's (when the tests run as root, who can give it away). */
	if (geteuid() == 0) {
		ck_assert_int_eq(chown(path, 1, 1), 0);
		ck_assert(!store_index_read(path, "s", &y));
		ck_assert_int_eq(chown(path, 0, 0), 0);
	}
	/* A symbolic link in its place. */
	char target[200];
	snprintf(target, sizeof target, "%s.real", path);
	ck_assert_int_eq(rename(path, target), 0);
	ck_assert_int_eq(symlink(target, path), 0);
	ck_assert(!store_index_read(path, "s", &y));
	ck_assert_uint_eq(y.n, 0);
	/* Two folders, two files. */
	char *other = store_index_path("/elsewhere");
	ck_assert_str_ne(path, other);
	free(other);
	store_index_release(&x);
	free(path);
}
END_TEST

/* An incident titled title at dir/name, its mtime set to t. */
static void incident(const char *name, const char *title, time_t t)
{
	char path[256], text[512];
	struct diag d;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(text, sizeof text, "todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\n"
	         "title: %s\n\n[answers]\ndiscovery.date: 2022-10-20\n\n[end]\n", title);
	ck_assert(file_write_atomic(path, text, strlen(text), 0600, &d));
	struct timeval tv[2] = { { t, 0 }, { t, 0 } };
	ck_assert_int_eq(utimes(path, tv), 0);
}

static const char *title_of(struct store_entry *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		const char *slash = strrchr(v[i].path, '/');
		if (strcmp(slash + 1, name) == 0)
			return v[i].title;
	}
	return NULL;
}

START_TEST(list_reads_through_the_index)
{
	struct diag d;
	ck_assert(store_ensure_dir(dir, &d));
	incident("a.incident", "最初の名前", 1600000000);
	incident("b.incident", "二つ目", 1600000100);
	incident("c.incident", "三つ目", 1600000200);
	char bad[200];
	snprintf(bad, sizeof bad, "%s/bad.incident", dir);
	ck_assert(file_write_atomic(bad, "garbage\n", 8, 0600, &d));

	/* Cold: everything pending but what stat decides. */
	struct store_list *l = store_list_open(dir, fs, NULL, &d);
	ck_assert_ptr_nonnull(l);
	size_t n;
	struct store_entry *v = store_list_entries(l, &n);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(store_list_done(l), 0);
	/* Newest first, by stat alone. */
	ck_assert(strstr(v[1].path, "/c.incident") != NULL);
	store_list_describe(l, 1);
	ck_assert_uint_eq(store_list_done(l), 1);
	ck_assert_str_eq(v[1].title, "三つ目");
	ck_assert(!store_list_fill(l, 1));
	ck_assert(store_list_fill(l, 10));
	ck_assert_uint_eq(store_list_done(l), 4);
	ck_assert_str_eq(title_of(v, n, "a.incident"), "最初の名前");
	ck_assert_ptr_nonnull(v[0].error);  /* bad.incident: the newest */
	ck_assert(!store_list_changed(l));
	store_list_free(&l);

	/* Warm: all from the index, the same rows. */
	l = store_list_open(dir, fs, NULL, &d);
	v = store_list_entries(l, &n);
	ck_assert_uint_eq(store_list_done(l), 4);
	ck_assert_str_eq(title_of(v, n, "a.incident"), "最初の名前");
	ck_assert_ptr_nonnull(v[0].error);
	ck_assert_uint_gt(v[1].total, 0);
	ck_assert_uint_eq(v[1].has_discovery, 1);
	store_list_free(&l);

	/* Changed behind the index's back in place, its size and mtime kept:
	 * the ctime tells. */
	char a[200];
	snprintf(a, sizeof a, "%s/a.incident", dir);
	FILE *f = fopen(a, "r+");
	ck_assert_ptr_nonnull(f);
	char text[512];
	size_t len = fread(text, 1, sizeof text - 1, f);
	text[len] = '\0';
	char *t = strstr(text, "最初");
	ck_assert_ptr_nonnull(t);
	memcpy(t, "最後", strlen("最後"));
	rewind(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	struct timeval tv[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
	ck_assert_int_eq(utimes(a, tv), 0);
	struct store_entry *all;
	ck_assert(store_list(dir, fs, &all, &n, &d));
	ck_assert_str_eq(title_of(all, n, "a.incident"), "最後の名前");
	store_entries_free(&all, n);

	/* A damaged index: ignored, the list read again and right. */
	char *path = store_index_path(dir);
	ck_assert(file_write_atomic(path, "todoke-index 1\nstamp x", 22, 0600, &d));
	l = store_list_open(dir, fs, NULL, &d);
	ck_assert_uint_eq(store_list_done(l), 0);
	ck_assert(store_list_fill(l, 10));
	v = store_list_entries(l, &n);
	ck_assert_str_eq(title_of(v, n, "b.incident"), "二つ目");
	store_list_free(&l);
	/* ... and written anew. */
	l = store_list_open(dir, fs, NULL, &d);
	ck_assert_uint_eq(store_list_done(l), 4);
	store_list_free(&l);
	free(path);
}
END_TEST

/* Rewrites path in place, same size, its mtime put back: only its ctime
 * changes, and not its folder's. */
static void change_in_place(const char *path, const char *from, const char *to)
{
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	FILE *f = fopen(path, "r+");
	ck_assert_ptr_nonnull(f);
	char text[512];
	size_t len = fread(text, 1, sizeof text - 1, f);
	text[len] = '\0';
	char *t = strstr(text, from);
	ck_assert_ptr_nonnull(t);
	ck_assert_uint_eq(strlen(from), strlen(to));
	memcpy(t, to, strlen(to));
	rewind(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	struct timeval tv[2] = { { st.st_mtime, 0 }, { st.st_mtime, 0 } };
	ck_assert_int_eq(utimes(path, tv), 0);
}

START_TEST(changed_notices_files_and_locks)
{
	struct diag d;
	char a[200], lk[200];
	ck_assert(store_ensure_dir(dir, &d));
	incident("a.incident", "最初の名前", 1600000000);
	incident("b.incident", "二つ目", 1600000100);
	snprintf(a, sizeof a, "%s/a.incident", dir);
	snprintf(lk, sizeof lk, "%s/.b.incident.lock", dir);
	/* A folder not changed in the last second: the short way is taken
	 * (stat of each file), which must still see a change in place. */
	sleep(2);
	struct store_list *l = store_list_open(dir, fs, NULL, &d);
	ck_assert(!store_list_changed(l));
	change_in_place(a, "最初", "最後");
	ck_assert(store_list_changed(l));
	store_list_free(&l);

	/* A lock left by a session that is gone: interrupted, then changed
	 * when the lock file goes. */
	char line[128];
	snprintf(line, sizeof line, "999999 %s someone 2022-10-27T09:00:00+09:00\n", "nohost");
	ck_assert(file_write_atomic(lk, line, strlen(line), 0600, &d));
	l = store_list_open(dir, fs, NULL, &d);
	size_t n;
	struct store_entry *v = store_list_entries(l, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert(v[0].lock_file);   /* b, the newest */
	ck_assert_int_ne(v[0].lock, LOCK_OK);
	ck_assert(!v[1].lock_file);
	ck_assert(!store_list_changed(l));
	ck_assert_int_eq(unlink(lk), 0);
	ck_assert(store_list_changed(l));
	store_list_free(&l);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("storeindex");
	TCase *tc = tcase_create("storeindex");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, stale_on_each_key_field);
	tcase_add_test(tc, stamp_names_what_the_rows_depend_on);
	tcase_add_test(tc, damaged_or_truncated_is_no_index);
	tcase_add_test(tc, file_is_private_and_foreign_ones_are_ignored);
	tcase_add_test(tc, list_reads_through_the_index);
	tcase_add_test(tc, changed_notices_files_and_locks);
	suite_add_tcase(s, tc);
	return s;
}
