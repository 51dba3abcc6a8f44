/* What the start screen does to a whole incident (store.h): rename (its
 * title), duplicate (answers only), delete into the trash with its history
 * and submissions, restore them, purge for good; refused while another
 * session has it open. */
#include <check.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/history.h"
#include "todoke/incident.h"
#include "todoke/lock.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

static struct formset *fs;
static char tmpdir[64];
static char dir[128];
static char path[200];

static void setup(void)
{
	fs = test_forms();
	strcpy(tmpdir, "/tmp/todoke-trash-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(dir, sizeof dir, "%s/incidents", tmpdir);
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/2026-11-22.incident", dir);
	setenv("TODOKE_HOME", tmpdir, 1);
	setenv("TODOKE_TODAY", "2026-11-22", 1);
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	formset_free(&fs);
	unsetenv("TODOKE_HOME");
	unsetenv("TODOKE_TODAY");
	unsetenv("TODOKE_DIR");
}

/* An incident at p titled `title` with one answer, committed. */
static void make(const char *p, const char *title, const char *summary)
{
	struct diag d;
	struct incident *inc = incident_create(fs, title, &d);
	ck_assert_msg(inc != NULL, "%s", d.msg);
	model_set_text(inc->answers, "ppc.summary", Q_LINES, summary);
	ck_assert_int_eq(history_save(inc, p, true, &d), HS_OK);
	incident_free(&inc);
}

static char *title_of(const char *p)
{
	struct incident *inc = NULL;
	struct diag d;
	ck_assert_msg(incident_load(p, fs, &inc, &d), "%s", d.msg);
	char *t = xstrdup(incident_meta(inc, "title"));
	incident_free(&inc);
	return t;
}

/* Whether any object of the repository in folder holds text. */
static bool repository_holds(const char *folder, const char *text)
{
	char cmd[600];
	snprintf(cmd, sizeof cmd,
	         "cd %s 2>/dev/null && git --git-dir=" HISTORY_DIR " cat-file --batch-all-objects --batch"
	         " 2>/dev/null | grep -q '%s'", folder, text);
	return system(cmd) == 0;
}

static size_t log_length(const char *p)
{
	struct history_log l;
	struct diag d;
	ck_assert_msg(history_log(p, fs, NULL, &l, &d), "%s", d.msg);
	size_t n = l.n;
	history_log_release(&l);
	return n;
}

/* A child holding p's lock until it is killed: another session. */
static pid_t hold_lock(const char *p)
{
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct lock *lk;
		struct diag d;
		close(fds[0]);
		if (lock_acquire(p, &lk, NULL, &d) != LOCK_OK)
			_exit(1);
		(void)!write(fds[1], "x", 1);
		pause();
		_exit(0);
	}
	close(fds[1]);
	char c;
	ck_assert_int_eq(read(fds[0], &c, 1), 1);
	close(fds[0]);
	return pid;
}

static void end_session(pid_t pid, const char *p)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	/* The dead session's lock stays behind: taken over, released. */
	struct lock *lk;
	struct diag d;
	ck_assert_int_eq(lock_acquire(p, &lk, NULL, &d), LOCK_TAKEN_STALE);
	lock_release(&lk);
}

START_TEST(rename_changes_the_title_only)
{
	struct diag d;
	make(path, "旧い名前", "概要A");
	ck_assert_msg(store_rename(path, fs, "  新しい名前  ", &d), "%s", d.msg);
	char *t = title_of(path);
	ck_assert_str_eq(t, "新しい名前");
	free(t);
	/* Same file; the rename is a version of its history. */
	ck_assert_uint_eq(log_length(path), 1);  /* answers: the title is no answer */
	char cmd[300];
	snprintf(cmd, sizeof cmd, "cd %s && test \"$(git --git-dir=" HISTORY_DIR " log --oneline"
	         " -- 2026-11-22.incident | wc -l)\" -eq 2", dir);
	ck_assert_int_eq(system(cmd), 0);
	/* Refused: empty, control characters; the title stays. */
	ck_assert(!store_rename(path, fs, "   ", &d));
	ck_assert(strstr(d.msg, "empty") != NULL);
	ck_assert(!store_rename(path, fs, "a\tb", &d));
	ck_assert(strstr(d.msg, "U+0009") != NULL);
	ck_assert(!store_rename(path, fs, "\xff", &d));
	t = title_of(path);
	ck_assert_str_eq(t, "新しい名前");
	free(t);
	/* Open in another session: refused, naming who. */
	pid_t pid = hold_lock(path);
	ck_assert(!store_rename(path, fs, "別名", &d));
	ck_assert(strstr(d.msg, "is being edited by") != NULL);
	ck_assert(strstr(d.file, "2026-11-22.incident") != NULL);
	/* An interrupted one is recovered first, not renamed behind its back. */
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	ck_assert(!store_rename(path, fs, "別名", &d));
	ck_assert(strstr(d.msg, "interrupted") != NULL);
	struct lock *lk;
	ck_assert_int_eq(lock_acquire(path, &lk, NULL, &d), LOCK_TAKEN_STALE);
	lock_release(&lk);
	t = title_of(path);
	ck_assert_str_eq(t, "新しい名前");
	free(t);
}
END_TEST

START_TEST(duplicate_copies_answers_not_history)
{
	struct diag d;
	make(path, "元の事案", "概要A");
	struct submission r;
	ck_assert_msg(submission_record(path, "ppc", "速報", (struct date){ 2026, 11, 25 }, "a.txt",
	                                NULL, "送付物A", strlen("送付物A"), &r, &d), "%s", d.msg);
	submission_release(&r);
	char *copy = store_duplicate(path, fs, (struct date){ 2026, 11, 22 }, &d);
	ck_assert_msg(copy != NULL, "%s", d.msg);
	ck_assert_str_ne(copy, path);
	ck_assert(strstr(copy, "/2026-11-22-2.incident") != NULL);
	char *t = title_of(copy);
	ck_assert_str_eq(t, "元の事案 (copy)");
	free(t);
	struct incident *inc = NULL;
	ck_assert(incident_load(copy, fs, &inc, &d));
	ck_assert_str_eq(model_text(inc->answers, "ppc.summary"), "概要A");
	incident_free(&inc);
	struct stat st;
	ck_assert_int_eq(stat(copy, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	struct submissions s;
	ck_assert(submissions_list(copy, &s, &d));
	ck_assert_uint_eq(s.n, 0);
	submissions_release(&s);
	ck_assert(submissions_list(path, &s, &d));
	ck_assert_uint_eq(s.n, 1);
	submissions_release(&s);
	free(copy);
}
END_TEST

START_TEST(trash_takes_history_and_restore_brings_it_back)
{
	struct diag d;
	char other[200];
	snprintf(other, sizeof other, "%s/other.incident", dir);
	make(path, "消す事案", "削除される概要A");
	make(other, "残る事案", "残る概要B");
	struct submission r;
	ck_assert_msg(submission_record(path, "ppc", "速報", (struct date){ 2026, 11, 25 }, "a.txt",
	                                NULL, "送付物A", strlen("送付物A"), &r, &d), "%s", d.msg);
	submission_release(&r);
	ck_assert(repository_holds(dir, "削除される概要A"));

	ck_assert_msg(store_trash(path, &d), "%s", d.msg);
	struct stat st;
	ck_assert_int_ne(lstat(path, &st), 0);
	/* Out of the store and its repository; the list no longer has it. */
	ck_assert(!repository_holds(dir, "削除される概要A"));
	ck_assert(!repository_holds(dir, "送付物A"));
	ck_assert(repository_holds(dir, "残る概要B"));
	struct store_entry *e;
	size_t n;
	ck_assert(store_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 1);
	store_entries_free(&e, n);
	/* In the trash with its history and submission. */
	ck_assert(store_trash_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(e[0].title, "消す事案");
	ck_assert(e[0].deleted > 0);
	char *trashed = xstrdup(e[0].path);
	store_entries_free(&e, n);
	ck_assert(strstr(trashed, "/.trash/2026-11-22-") != NULL);
	ck_assert_uint_eq(log_length(trashed), 1);
	struct submissions s;
	ck_assert(submissions_list(trashed, &s, &d));
	ck_assert_uint_eq(s.n, 1);
	submissions_release(&s);
	ck_assert_int_eq(stat(trashed, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);
	/* git finds the trash folder's repository whole, with only this one. */
	char cmd[600];
	snprintf(cmd, sizeof cmd, "cd %.*s && git --git-dir=" HISTORY_DIR " fsck >/dev/null 2>&1 &&"
	         " git --git-dir=" HISTORY_DIR " log --format=%%an%%s | grep -q 2026-11-22.incident &&"
	         " ! git --git-dir=" HISTORY_DIR " log --all --name-only | grep -q other",
	         (int)(strrchr(trashed, '/') - trashed), trashed);
	ck_assert_int_eq(system(cmd), 0);
	char *tdir = store_trash_dir(dir);
	ck_assert_int_eq(stat(tdir, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0700);

	/* Meanwhile a new incident takes the name: the restored one gets
	 * another, and neither history mixes into the other. */
	make(path, "新しい事案", "新しい概要C");
	char *back = store_restore(trashed, &d);
	ck_assert_msg(back != NULL, "%s", d.msg);
	ck_assert(strstr(back, "/2026-11-22-2.incident") != NULL);
	char *t = title_of(back);
	ck_assert_str_eq(t, "消す事案");
	free(t);
	ck_assert_uint_eq(log_length(back), 1);
	ck_assert_uint_eq(log_length(path), 1);
	ck_assert(submissions_list(back, &s, &d));
	ck_assert_uint_eq(s.n, 1);
	char *text, *bytes;
	size_t tl, bl;
	ck_assert_msg(submission_read(back, &s.v[0], &text, &tl, &bytes, &bl, &d), "%s", d.msg);
	ck_assert_uint_eq(bl, strlen("送付物A"));
	ck_assert(memcmp(bytes, "送付物A", bl) == 0);
	ck_assert(strstr(text, "削除される概要A") != NULL);
	free(text);
	free(bytes);
	submissions_release(&s);
	ck_assert(submissions_list(path, &s, &d));
	ck_assert_uint_eq(s.n, 0);
	submissions_release(&s);
	/* The trash folder is gone; git finds the store's repository whole. */
	ck_assert(store_trash_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 0);
	snprintf(cmd, sizeof cmd, "cd %s && git --git-dir=" HISTORY_DIR " fsck >/dev/null 2>&1",
	         dir);
	ck_assert_int_eq(system(cmd), 0);
	free(back);
	free(trashed);
	free(tdir);
}
END_TEST

START_TEST(purge_is_final)
{
	struct diag d;
	make(path, "消す事案", "最後に消える概要");
	ck_assert_msg(store_trash(path, &d), "%s", d.msg);
	struct store_entry *e;
	size_t n;
	ck_assert(store_trash_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 1);
	char *trashed = xstrdup(e[0].path);
	store_entries_free(&e, n);
	char *tdir = store_trash_dir(dir);
	/* Not while another session has it open. */
	pid_t pid = hold_lock(trashed);
	ck_assert(!store_purge(trashed, &d));
	ck_assert(strstr(d.msg, "is being edited by") != NULL);
	ck_assert(store_restore(trashed, &d) == NULL);
	end_session(pid, trashed);
	ck_assert_msg(store_purge(trashed, &d), "%s", d.msg);
	ck_assert(store_trash_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 0);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "! grep -r -q '最後に消える概要' %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	/* Only a file of the trash is purged. */
	make(path, "残す", "x");
	ck_assert(!store_purge(path, &d));
	ck_assert(strstr(d.msg, "not in the trash") != NULL);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	free(trashed);
	free(tdir);
}
END_TEST

START_TEST(trash_refuses_an_open_incident)
{
	struct diag d;
	make(path, "開いている事案", "概要");
	pid_t pid = hold_lock(path);
	ck_assert(!store_trash(path, &d));
	ck_assert(strstr(d.msg, "is being edited by") != NULL);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	struct store_entry *e;
	size_t n;
	ck_assert(store_trash_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 0);
	end_session(pid, path);
	ck_assert_msg(store_trash(path, &d), "%s", d.msg);
}
END_TEST

/* A deletion cut short before the file moved leaves a folder holding only
 * a copy of the history: listing the trash removes it (not a young one,
 * which another session may be filling); the incident stays in the store. */
START_TEST(a_deletion_cut_short_leaves_nothing)
{
	struct diag d;
	make(path, "残る事案", "途中の概要");
	char entry[300], cmd[1400];
	snprintf(entry, sizeof entry, "%s/.trash/2026-11-22-AbCdEf", dir);
	snprintf(cmd, sizeof cmd, "mkdir -p %s/.trash && chmod 700 %s/.trash && "
	         "cp -a %s/" HISTORY_DIR " %s && chmod 700 %s", dir, dir, dir, entry, entry);
	ck_assert_int_eq(system(cmd), 0);
	struct store_entry *e;
	size_t n;
	ck_assert(store_trash_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 0);
	struct stat st;
	ck_assert_int_eq(stat(entry, &st), 0);  /* young: left alone */
	struct timespec old[2] = { { time(NULL) - 3600, 0 }, { time(NULL) - 3600, 0 } };
	ck_assert_int_eq(utimensat(AT_FDCWD, entry, old, 0), 0);
	ck_assert(store_trash_list(dir, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 0);
	ck_assert_int_ne(stat(entry, &st), 0);
	ck_assert(!repository_holds(entry, "途中の概要"));
	ck_assert(repository_holds(dir, "途中の概要"));
	ck_assert_int_eq(stat(path, &st), 0);
}
END_TEST

/* A team directory: the trash and its folders 2770, files stay 0660. */
START_TEST(team_directory_keeps_its_modes)
{
	struct diag d;
	char team[160];
	snprintf(team, sizeof team, "%s/team", tmpdir);
	ck_assert_int_eq(mkdir(team, 0700), 0);
	ck_assert_int_eq(chmod(team, 02770), 0);
	setenv("TODOKE_DIR", team, 1);
	char p[200];
	snprintf(p, sizeof p, "%s/t.incident", team);
	make(p, "チーム", "共有の概要");
	struct stat st;
	ck_assert_int_eq(stat(p, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0660);
	ck_assert_msg(store_trash(p, &d), "%s", d.msg);
	char *tdir = store_trash_dir(team);
	ck_assert_int_eq(stat(tdir, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 02770);
	struct store_entry *e;
	size_t n;
	ck_assert(store_trash_list(team, fs, &e, &n, &d));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(stat(e[0].path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0660);
	char *entry = xstrndup(e[0].path, (size_t)(strrchr(e[0].path, '/') - e[0].path));
	ck_assert_int_eq(stat(entry, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 02770);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "test -z \"$(find %s -perm /0007)\"", entry);
	ck_assert_int_eq(system(cmd), 0);
	char *back = store_restore(e[0].path, &d);
	ck_assert_msg(back != NULL, "%s", d.msg);
	ck_assert_int_eq(stat(back, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0660);
	ck_assert_uint_eq(log_length(back), 1);
	store_entries_free(&e, n);
	free(entry);
	free(back);
	free(tdir);
}
END_TEST

/* The trash lists through an index of its own (as the start screen): the
 * second listing takes the rows from it, and a file changed in place,
 * size and mtime put back, shows its new title. */
START_TEST(trash_list_reads_through_an_index)
{
	struct diag d;
	make(path, "捨てた届出", "概要");
	ck_assert_msg(store_trash(path, &d), "%s", d.msg);
	struct store_entry *v;
	size_t n;
	ck_assert(store_trash_list(dir, fs, &v, &n, &d));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].title, "捨てた届出");
	char *trashed = xstrdup(v[0].path);
	store_entries_free(&v, n);
	char *trash = store_trash_dir(dir), *ipath = store_index_path(trash);
	struct stat st;
	ck_assert_int_eq(stat(ipath, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0600);

	/* A row of the index, for the same file, is what the list shows. */
	ck_assert_int_eq(stat(trashed, &st), 0);
	const char *data = getenv("TODOKE_DATADIR");
	char *stamp = store_index_stamp(trash, data ? data : ".");
	struct store_index x;
	store_index_init(&x);
	struct store_irow r = { .name = trashed + strlen(trash) + 1, .title = "索引の名前",
	                        .answered = 1, .total = 2 };
	store_fkey_of(&st, &r.key);
	store_index_put(&x, &r);
	ck_assert(store_index_write(ipath, stamp, &x));
	store_index_release(&x);
	free(stamp);
	ck_assert(store_trash_list(dir, fs, &v, &n, &d));
	ck_assert_str_eq(v[0].title, "索引の名前");
	ck_assert_uint_eq(v[0].total, 2);
	store_entries_free(&v, n);

	/* In place, the same size, the mtime put back: only the ctime tells. */
	FILE *f = fopen(trashed, "r+");
	ck_assert_ptr_nonnull(f);
	char text[4096];
	size_t len = fread(text, 1, sizeof text - 1, f);
	text[len] = '\0';
	char *t = strstr(text, "捨てた");
	ck_assert_ptr_nonnull(t);
	memcpy(t, "消した", strlen("消した"));
	rewind(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	struct timespec ts[2] = { st.st_atim, st.st_mtim };
	ck_assert_int_eq(utimensat(AT_FDCWD, trashed, ts, 0), 0);
	ck_assert(store_trash_list(dir, fs, &v, &n, &d));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].title, "消した届出");
	store_entries_free(&v, n);

	/* Restored: the trash is empty, and so is its index. */
	char *back = store_restore(trashed, &d);
	ck_assert_msg(back != NULL, "%s", d.msg);
	ck_assert(store_trash_list(dir, fs, &v, &n, &d));
	ck_assert_uint_eq(n, 0);
	free(back);
	free(trashed);
	free(trash);
	free(ipath);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("trash");
	TCase *tc = tcase_create("trash");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, rename_changes_the_title_only);
	tcase_add_test(tc, duplicate_copies_answers_not_history);
	tcase_add_test(tc, trash_takes_history_and_restore_brings_it_back);
	tcase_add_test(tc, purge_is_final);
	tcase_add_test(tc, trash_refuses_an_open_incident);
	tcase_add_test(tc, a_deletion_cut_short_leaves_nothing);
	tcase_add_test(tc, team_directory_keeps_its_modes);
	tcase_add_test(tc, trash_list_reads_through_an_index);
	suite_add_tcase(s, tc);
	return s;
}
