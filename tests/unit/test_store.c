/* The store of saved incidents: where it is, what the start screen lists
 * (broken files included, never skipped), in which order, and new names. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileio.h"
#include "todoke/incident.h"
#include "todoke/store.h"

static struct formset *fs;
static char tmpdir[64];
static char dir[128];  /* tmpdir/incidents */

static void setup(void)
{
	struct diag d;
	const char *data = getenv("TODOKE_DATADIR");
	fs = formset_load(data ? data : ".", &d);
	ck_assert_msg(fs != NULL, "forms: %s", d.msg);
	strcpy(tmpdir, "/tmp/todoke-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(dir, sizeof dir, "%s/incidents", tmpdir);
	setenv("TODOKE_HOME", tmpdir, 1);
	setenv("TODOKE_TODAY", "2026-11-22", 1);
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", tmpdir, tmpdir);
	ck_assert_int_eq(system(cmd), 0);
	formset_free(&fs);
	unsetenv("TODOKE_HOME");
	unsetenv("TODOKE_TODAY");
}

static void put(const char *path, const char *text)
{
	struct diag d;
	ck_assert_msg(file_write_atomic(path, text, strlen(text), 0600, &d), "%s", d.msg);
}

static char *in_dir(const char *name)
{
	static char buf[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
	return buf[k];
}

static void set_mtime(const char *path, time_t t)
{
	struct timespec ts[2] = { { t, 0 }, { t, 0 } };
	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
}

START_TEST(store_dir_precedence)
{
	char *p;
	setenv("HOME", "/home/yamada", 1);
	setenv("XDG_DATA_HOME", "/xdg/data", 1);
	setenv("TODOKE_HOME", "/t/home", 1);
	ck_assert_str_eq(p = store_dir(), "/t/home/incidents");
	free(p);
	setenv("TODOKE_HOME", "", 1);  /* empty counts as unset */
	ck_assert_str_eq(p = store_dir(), "/xdg/data/todoke/incidents");
	free(p);
	unsetenv("TODOKE_HOME");
	ck_assert_str_eq(p = store_dir(), "/xdg/data/todoke/incidents");
	free(p);
	setenv("XDG_DATA_HOME", "relative/data", 1);  /* ignored, as XDG says */
	ck_assert_str_eq(p = store_dir(), "/home/yamada/.local/share/todoke/incidents");
	free(p);
	unsetenv("XDG_DATA_HOME");
	ck_assert_str_eq(p = store_dir(), "/home/yamada/.local/share/todoke/incidents");
	free(p);
	/* Without HOME, the password file's home. */
	unsetenv("HOME");
	p = store_dir();
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(strstr(p, "/.local/share/todoke/incidents"));
	free(p);
}
END_TEST

START_TEST(ensure_dir_makes_0700_parents)
{
	char deep[200];
	snprintf(deep, sizeof deep, "%s/a/b/incidents", tmpdir);
	mode_t old = umask(022);
	struct diag d;
	ck_assert_msg(store_ensure_dir(deep, &d), "%s", d.msg);
	umask(old);
	const char *parts[] = { "a", "a/b", "a/b/incidents" };
	for (size_t i = 0; i < 3; i++) {
		char p[256];
		struct stat st;
		snprintf(p, sizeof p, "%s/%s", tmpdir, parts[i]);
		ck_assert_int_eq(stat(p, &st), 0);
		ck_assert(S_ISDIR(st.st_mode));
		ck_assert_msg((st.st_mode & 07777) == 0700, "%s: %o", p, st.st_mode & 07777);
	}
	/* Again: nothing to do.  With a trailing slash too. */
	ck_assert(store_ensure_dir(deep, &d));
	strcat(deep, "/");
	ck_assert(store_ensure_dir(deep, &d));
	/* An existing directory keeps its mode (the user's choice). */
	ck_assert_int_eq(chmod(tmpdir, 0750), 0);
	ck_assert(store_ensure_dir(tmpdir, &d));
	struct stat st;
	ck_assert_int_eq(stat(tmpdir, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0750);
}
END_TEST

START_TEST(ensure_dir_reports_a_file_in_the_way)
{
	char file[160], under[200];
	snprintf(file, sizeof file, "%s/file", tmpdir);
	snprintf(under, sizeof under, "%s/sub/x", file);
	put(file, "x");
	struct diag d;
	diag_clear(&d);
	ck_assert(!store_ensure_dir(under, &d));
	ck_assert_str_eq(d.file, file);
	ck_assert_ptr_nonnull(strstr(d.msg, "cannot create the directory"));
	ck_assert(!store_ensure_dir(NULL, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "home directory"));
}
END_TEST

START_TEST(missing_dir_is_an_empty_list)
{
	struct store_entry *e = (struct store_entry *)&e;
	size_t n = 99;
	struct diag d;
	ck_assert(store_list(dir, fs, &e, &n, &d));
	ck_assert_ptr_null(e);
	ck_assert_uint_eq(n, 0);
	store_entries_free(&e, n);
	ck_assert(!store_list(NULL, fs, &e, &n, &d));
}
END_TEST

static const struct store_entry *find(const struct store_entry *e, size_t n,
                                      const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(e[i].path, in_dir(name)) == 0)
			return &e[i];
	ck_abort_msg("%s not listed", name);
	return NULL;
}

START_TEST(list_shows_every_incident)
{
	struct diag d;
	ck_assert(store_ensure_dir(dir, &d));
	char *text;
	size_t len;
	const char *data = getenv("TODOKE_DATADIR");
	char example[4096];
	snprintf(example, sizeof example, "%s/tests/golden/ipa/example.incident",
	         data ? data : ".");
	ck_assert_msg(file_read_all(example, &text, &len, &d), "%s", d.msg);
	ck_assert(file_write_atomic(in_dir("example.incident"), text, len, 0600, &d));
	free(text);
	put(in_dir("broken.incident"), "todoke-incident 1\n[incident]\nform: ipa-access 3.5\n"
	    "[answers]\ndiscovery.date: 2022-02-30\n[end]\n");
	/* A new incident without a title: named after its file. */
	struct incident *inc = incident_new(&(const struct form *){
		formset_latest(fs, "ipa-access") }, 1);
	ck_assert(incident_save(inc, in_dir("2026-11-22.incident"), &d));
	incident_set_meta(inc, "title", "   ");  /* blank counts as none */
	ck_assert(incident_save(inc, in_dir("blank.incident"), &d));
	incident_free(&inc);
	/* Not incidents. */
	put(in_dir("notes.txt"), "x");
	put(in_dir("example.incident.bak"), "x");
	put(in_dir(".hidden.incident"), "x");
	put(in_dir(".incident"), "x");
	ck_assert_int_eq(mkdir(in_dir("folder.incident"), 0700), 0);

	time_t now = time(NULL);
	set_mtime(in_dir("2026-11-22.incident"), now - 50);
	set_mtime(in_dir("example.incident"), now - 100);
	set_mtime(in_dir("broken.incident"), now - 200);
	set_mtime(in_dir("blank.incident"), now - 300);
	set_mtime(in_dir("folder.incident"), now - 400);

	/* One incident open in this session, one left by a dead one. */
	struct lock *l = NULL;
	struct lock_owner who;
	ck_assert_int_eq(lock_acquire(in_dir("example.incident"), &l, &who, &d), LOCK_OK);
	pid_t dead = fork();
	if (dead == 0)
		_exit(0);
	waitpid(dead, NULL, 0);
	char host[256] = "", line[600];
	gethostname(host, sizeof host - 1);
	snprintf(line, sizeof line, "%ld %s 山田 2022-10-24T09:00:00+09:00\n", (long)dead, host);
	put(in_dir(".2026-11-22.incident.lock"), line);

	struct store_entry *e = NULL;
	size_t n = 0;
	ck_assert_msg(store_list(dir, fs, &e, &n, &d), "%s", d.msg);
	ck_assert_uint_eq(n, 5);
	const char *order[] = { "2026-11-22.incident", "example.incident", "broken.incident",
	                        "blank.incident", "folder.incident" };
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(e[i].path, in_dir(order[i]));

	const struct store_entry *x = find(e, n, "example.incident");
	ck_assert_str_eq(x->title, "IPA記入例 (ECサイトのカード情報漏えい)");
	ck_assert(x->has_discovery);
	ck_assert_int_eq(x->discovery.y, 2022);
	ck_assert_int_eq(x->discovery.m, 10);
	ck_assert_int_eq(x->discovery.d, 24);
	ck_assert_uint_eq(x->answered, 22);
	ck_assert_uint_eq(x->total, 28);  /* a group of boxes counts once (form.h) */
	ck_assert_ptr_null(x->error);
	ck_assert_int_eq(x->mtime, now - 100);
	ck_assert_int_eq(x->lock, LOCK_HELD);
	ck_assert_int_eq(x->owner.pid, (long)getpid());

	x = find(e, n, "2026-11-22.incident");
	ck_assert_str_eq(x->title, "2026-11-22");
	ck_assert(!x->has_discovery);
	ck_assert_uint_eq(x->answered, 0);
	ck_assert_uint_eq(x->total, 28);
	ck_assert_ptr_null(x->error);
	ck_assert_int_eq(x->lock, LOCK_TAKEN_STALE);
	ck_assert_int_eq(x->owner.pid, (long)dead);
	ck_assert_str_eq(x->owner.user, "山田");

	x = find(e, n, "blank.incident");
	ck_assert_str_eq(x->title, "blank");
	ck_assert_int_eq(x->lock, LOCK_OK);

	x = find(e, n, "broken.incident");
	ck_assert_str_eq(x->title, "broken");
	ck_assert_ptr_nonnull(x->error);
	char want[300];
	snprintf(want, sizeof want, "%s:5: ", in_dir("broken.incident"));
	ck_assert_msg(strncmp(x->error, want, strlen(want)) == 0, "error: %s", x->error);
	ck_assert_ptr_nonnull(strstr(x->error, "28 days"));
	ck_assert_int_eq(x->mtime, now - 200);

	x = find(e, n, "folder.incident");
	ck_assert_ptr_nonnull(x->error);
	ck_assert_ptr_nonnull(strstr(x->error, "folder.incident"));

	store_entries_free(&e, n);
	ck_assert_ptr_null(e);
	lock_release(&l);
	store_entries_free(&e, 0);  /* harmless */
}
END_TEST

static int unreadable_body(void)
{
	struct store_entry *e = NULL;
	size_t n = 0;
	struct diag d;
	int rc = 0;
	if (!store_list(dir, fs, &e, &n, &d) || n != 1)
		return 1;
	if (!e[0].error || !strstr(e[0].error, in_dir("secret.incident")) ||
	    !strstr(e[0].error, strerror(EACCES)) || strcmp(e[0].title, "secret") != 0) {
		fprintf(stderr, "unreadable: %s\n", e[0].error ? e[0].error : "(no error)");
		rc = 2;
	}
	store_entries_free(&e, n);
	return rc;
}

/* Unreadable files are listed too.  Root reads everything, so then the
 * listing is done by a child that has become nobody. */
START_TEST(unreadable_file_is_listed)
{
	struct diag d;
	ck_assert(store_ensure_dir(dir, &d));
	put(in_dir("secret.incident"), "x");
	if (geteuid() != 0) {
		ck_assert_int_eq(chmod(in_dir("secret.incident"), 0), 0);
		ck_assert_int_eq(unreadable_body(), 0);
		return;
	}
	ck_assert_int_eq(chmod(tmpdir, 0755), 0);
	ck_assert_int_eq(chmod(dir, 0755), 0);
	/* The folder is nobody's own (another user's is refused: test below). */
	struct passwd *nob = getpwnam("nobody");
	ck_assert_int_eq(chown(dir, nob ? nob->pw_uid : 65534, (gid_t)-1), 0);
	pid_t p = fork();
	ck_assert_int_ge(p, 0);
	if (p == 0) {
		struct passwd *pw = getpwnam("nobody");
		if (setgroups(0, NULL) != 0 || setgid(pw ? pw->pw_gid : 65534) != 0 ||
		    setuid(pw ? pw->pw_uid : 65534) != 0)
			_exit(77);
		_exit(unreadable_body());
	}
	int status;
	ck_assert_int_eq(waitpid(p, &status, 0), p);
	ck_assert(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		fprintf(stderr, "test_store: cannot drop root privileges: test skipped\n");
	else
		ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

/* The folder of incidents: one's own and writable by nobody else, or the
 * team directory chosen (TODOKE_DIR: setgid, 2770), which comes first. */
START_TEST(check_dir_refuses_what_others_control)
{
	struct diag d;
	ck_assert(store_check_dir(dir, &d));  /* not there yet: made 0700 later */
	ck_assert(store_ensure_dir(dir, &d));
	ck_assert_msg(store_check_dir(dir, &d), "%s", d.msg);
	ck_assert_int_eq(chmod(dir, 0777), 0);
	ck_assert(!store_check_dir(dir, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "others can write to the folder of incidents (mode 0777)"));
	struct store_entry *e;
	size_t n;
	ck_assert(!store_list(dir, fs, &e, &n, &d));  /* nothing listed from it */
	ck_assert_int_eq(chmod(dir, 0720), 0);
	ck_assert(!store_check_dir(dir, &d));
	ck_assert_int_eq(chmod(dir, 0700), 0);
	if (geteuid() == 0) {
		ck_assert_int_eq(chown(dir, 65534, (gid_t)-1), 0);
		ck_assert(!store_check_dir(dir, &d));
		ck_assert_ptr_nonnull(strstr(d.msg, "belongs to another user (uid 65534)"));
		ck_assert_int_eq(chown(dir, 0, (gid_t)-1), 0);
	}
	/* The team directory: chosen, it must be one; never made. */
	char team[160];
	snprintf(team, sizeof team, "%s/team", tmpdir);
	setenv("TODOKE_DIR", team, 1);
	char *p = store_dir();
	ck_assert_str_eq(p, team);  /* before TODOKE_HOME */
	free(p);
	ck_assert(!store_ensure_dir(team, &d));
	ck_assert_int_eq(mkdir(team, 0700), 0);
	ck_assert(!store_check_dir(team, &d));
	ck_assert_ptr_nonnull(strstr(d.msg, "not a team directory (mode 0700)"));
	ck_assert_int_eq(chmod(team, 02770), 0);
	ck_assert_msg(store_check_dir(team, &d), "%s", d.msg);
	ck_assert_msg(store_ensure_dir(team, &d), "%s", d.msg);
	ck_assert_int_eq(file_mode_in(in_dir("x.incident")), 0600);
	char f[200];
	snprintf(f, sizeof f, "%s/x.incident", team);
	ck_assert_int_eq(file_mode_in(f), 0660);
	ck_assert_int_eq(chmod(team, 02777), 0);  /* open to others: not a team's */
	ck_assert(!store_check_dir(team, &d));
	ck_assert_int_eq(file_mode_in(f), 0600);
	unsetenv("TODOKE_DIR");
}
END_TEST

START_TEST(new_path_numbering)
{
	struct date today = { 2026, 11, 22 };
	char *p = store_new_path(dir, today);  /* the directory need not exist */
	ck_assert_str_eq(p, in_dir("2026-11-22.incident"));
	free(p);
	struct diag d;
	ck_assert(store_ensure_dir(dir, &d));
	put(in_dir("2026-11-22.incident"), "x");
	ck_assert_str_eq(p = store_new_path(dir, today), in_dir("2026-11-22-2.incident"));
	free(p);
	/* A session that has not saved yet holds the name by its lock. */
	put(in_dir(".2026-11-22-2.incident.lock"), "x");
	ck_assert_str_eq(p = store_new_path(dir, today), in_dir("2026-11-22-3.incident"));
	free(p);
	put(in_dir("2026-11-22-3.incident"), "x");
	put(in_dir("2026-11-22-5.incident"), "x");
	ck_assert_str_eq(p = store_new_path(dir, today), in_dir("2026-11-22-4.incident"));
	free(p);
	/* A trailing slash gives no double slash; another day starts again. */
	char slashed[160];
	snprintf(slashed, sizeof slashed, "%s/", dir);
	ck_assert_str_eq(p = store_new_path(slashed, (struct date){ 2027, 1, 5 }),
	                 in_dir("2027-01-05.incident"));
	free(p);
	ck_assert_ptr_null(store_new_path(NULL, today));
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, store_dir_precedence);
	tcase_add_test(tc, ensure_dir_makes_0700_parents);
	tcase_add_test(tc, ensure_dir_reports_a_file_in_the_way);
	tcase_add_test(tc, missing_dir_is_an_empty_list);
	tcase_add_test(tc, list_shows_every_incident);
	tcase_add_test(tc, unreadable_file_is_listed);
	tcase_add_test(tc, new_path_numbering);
	tcase_add_test(tc, check_dir_refuses_what_others_control);
	suite_add_tcase(s, tc);
	return s;
}
