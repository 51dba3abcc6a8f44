/* Incident locks: one editor at a time, dead sessions recognised and taken
 * over exactly once, other hosts and live processes respected. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileio.h"
#include "todoke/lock.h"

static char tmpdir[64];
static char incident[160];
static char lockfile[160];
static char host[256];
static char user[64];

static void setup(void)
{
	strcpy(tmpdir, "/tmp/todoke-lock-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(incident, sizeof incident, "%s/a.incident", tmpdir);
	snprintf(lockfile, sizeof lockfile, "%s/.a.incident.lock", tmpdir);
	ck_assert_int_eq(gethostname(host, sizeof host - 1), 0);
	struct passwd *pw = getpwuid(getuid());
	ck_assert_ptr_nonnull(pw);
	snprintf(user, sizeof user, "%s", pw->pw_name);
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", tmpdir, tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static char *slurp(const char *path)
{
	char *data;
	size_t len;
	struct diag d;
	ck_assert_msg(file_read_all(path, &data, &len, &d), "%s", d.msg);
	return data;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static int count_entries(const char *dir)
{
	int n = 0;
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* The pid of a process that has exited and been reaped. */
static long dead_pid(void)
{
	pid_t p = fork();
	ck_assert_int_ge(p, 0);
	if (p == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(p, NULL, 0), p);
	return (long)p;
}

static long pid_in(const char *path)
{
	char *text = slurp(path);
	long pid = strtol(text, NULL, 10);
	free(text);
	return pid;
}

START_TEST(acquire_and_release)
{
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	mode_t old = umask(0);  /* a permissive umask still gives 0600 */
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_OK);
	umask(old);
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(who.pid, 0);
	struct stat st;
	ck_assert_int_eq(lstat(lockfile, &st), 0);
	ck_assert(S_ISREG(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	/* Only the lock: the temporary file it was written in is gone. */
	ck_assert_int_eq(count_entries(tmpdir), 1);

	char *text = slurp(lockfile);
	char want[512];
	snprintf(want, sizeof want, "%ld %s %s ", (long)getpid(), host, user);
	ck_assert_msg(strncmp(text, want, strlen(want)) == 0, "lock holds \"%s\"", text);
	/* One line. */
	ck_assert_ptr_eq(strchr(text, '\n'), text + strlen(text) - 1);
	free(text);

	lock_release(&l);
	ck_assert_ptr_null(l);
	ck_assert_int_eq(lstat(lockfile, &st), -1);
	ck_assert_int_eq(errno, ENOENT);
	lock_release(&l);  /* harmless */
	lock_release(NULL);

	/* And it can be taken again. */
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_OK);
	lock_release(&l);
}
END_TEST

START_TEST(second_acquire_is_held)
{
	struct lock *a = NULL, *b = (struct lock *)&b;
	struct lock_owner who;
	struct diag d;
	ck_assert_int_eq(lock_acquire(incident, &a, &who, &d), LOCK_OK);
	char *before = slurp(lockfile);
	ck_assert_int_eq(lock_acquire(incident, &b, &who, &d), LOCK_HELD);
	ck_assert_ptr_null(b);
	ck_assert_int_eq(who.pid, (long)getpid());
	ck_assert_str_eq(who.user, user);
	ck_assert_str_eq(who.host, host);
	ck_assert_int_eq(strlen(who.since), 25);  /* 2026-11-22T09:30:00+09:00 */
	ck_assert_int_eq(who.since[10], 'T');
	ck_assert_int_eq(who.since[22], ':');
	char *after = slurp(lockfile);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	ck_assert_int_eq(count_entries(tmpdir), 1);

	memset(&who, 0, sizeof who);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_HELD);
	ck_assert_int_eq(who.pid, (long)getpid());

	/* Held also in another process (flock is per open file, and the
	 * pid written is alive). */
	/* (Forked with nothing to leak: valgrind checks the child too.) */
	pid_t p = fork();
	if (p == 0) {
		struct lock *c = NULL;
		struct lock_owner o;
		enum lock_result r = lock_acquire(incident, &c, &o, NULL);
		_exit(r == LOCK_HELD && o.pid == (long)getppid() ? 0 : 1);
	}
	int status;
	ck_assert_int_eq(waitpid(p, &status, 0), p);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	lock_release(&a);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_OK);
}
END_TEST

START_TEST(dead_session_is_taken_over)
{
	long dead = dead_pid();
	char line[512];
	snprintf(line, sizeof line, "%ld %s 山田 2022-10-24T09:00:00+09:00\n", dead, host);
	put(lockfile, line);

	struct lock_owner who;
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_TAKEN_STALE);
	ck_assert_int_eq(who.pid, dead);
	ck_assert_int_eq(pid_in(lockfile), dead);  /* probing changed nothing */

	struct lock *l = NULL;
	struct diag d;
	memset(&who, 0, sizeof who);
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_TAKEN_STALE);
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(who.pid, dead);
	ck_assert_str_eq(who.user, "山田");
	ck_assert_str_eq(who.host, host);
	ck_assert_str_eq(who.since, "2022-10-24T09:00:00+09:00");
	ck_assert_int_eq(pid_in(lockfile), (long)getpid());
	struct stat st;
	ck_assert_int_eq(stat(lockfile, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(count_entries(tmpdir), 1);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_HELD);
	ck_assert_int_eq(who.pid, (long)getpid());
	lock_release(&l);
	ck_assert_int_eq(count_entries(tmpdir), 0);
}
END_TEST

/* A session killed where nobody reaps it stays a zombie: it has ended
 * all the same (containers whose first process reaps nothing). */
START_TEST(zombie_session_is_stale)
{
	pid_t p = fork();
	ck_assert_int_ge(p, 0);
	if (p == 0)
		_exit(0);
	/* Not reaped yet: wait until it is a zombie. */
	char path[64], stat_line[512] = "";
	snprintf(path, sizeof path, "/proc/%ld/stat", (long)p);
	for (int i = 0; i < 200; i++) {
		FILE *f = fopen(path, "r");
		if (f) {
			if (!fgets(stat_line, sizeof stat_line, f))
				stat_line[0] = '\0';
			fclose(f);
		}
		char *close = strrchr(stat_line, ')');
		if (close && close[2] == 'Z')
			break;
		usleep(10000);
	}
	char line[512];
	snprintf(line, sizeof line, "%ld %s 山田 2022-10-24T09:00:00+09:00\n", (long)p, host);
	put(lockfile, line);
	struct lock_owner who;
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_TAKEN_STALE);
	ck_assert_int_eq(waitpid(p, NULL, 0), p);
}
END_TEST

START_TEST(other_host_is_held)
{
	const char *line = "1 other-host.example alice 2022-10-24T09:00:00+09:00\n";
	put(lockfile, line);
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_HELD);
	ck_assert_ptr_null(l);
	ck_assert_int_eq(who.pid, 1);
	ck_assert_str_eq(who.host, "other-host.example");
	ck_assert_str_eq(who.user, "alice");
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_HELD);
	char *text = slurp(lockfile);
	ck_assert_str_eq(text, line);
	free(text);
	ck_assert_int_eq(count_entries(tmpdir), 1);
}
END_TEST

/* A live pid on this host is respected — unless the lock names the exact
 * process and this is another one (pid reused, or rebooted since). */
START_TEST(live_pid_held_reused_pid_stale)
{
	char line[600];
	struct lock_owner who;
	long parent = (long)getppid();
	snprintf(line, sizeof line, "%ld %s bob 2022-10-24T09:00:00+09:00\n", parent, host);
	put(lockfile, line);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_HELD);
	ck_assert_int_eq(who.pid, parent);

	char boot[64] = "";
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
	if (!f)
		return;  /* not Linux: no process identity to compare */
	ck_assert_ptr_nonnull(fgets(boot, sizeof boot, f));
	fclose(f);
	boot[strcspn(boot, "\n")] = '\0';

	snprintf(line, sizeof line, "%ld %s bob 2022-10-24T09:00:00+09:00 %s/1\n",
	         parent, host, boot);
	put(lockfile, line);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_TAKEN_STALE);

	snprintf(line, sizeof line, "%ld %s bob 2022-10-24T09:00:00+09:00 "
	         "00000000-0000-0000-0000-000000000000/1\n", parent, host);
	put(lockfile, line);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_TAKEN_STALE);

	struct lock *l = NULL;
	struct diag d;
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_TAKEN_STALE);
	ck_assert_int_eq(who.pid, parent);
	/* Our own line names our process, so it is not mistaken for reuse. */
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_HELD);
	char *text = slurp(lockfile);
	ck_assert_ptr_nonnull(strstr(text, boot));
	free(text);
	lock_release(&l);
}
END_TEST

START_TEST(malformed_lock_waits_a_minute)
{
	const char *bad[] = { "", "garbage\n", "123 host-without-more", "0 h u s\n",
	                      "-1 h u s\n", "12 h u\n" };
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		put(lockfile, bad[i]);
		ck_assert_msg(lock_acquire(incident, &l, &who, &d) == LOCK_HELD, "case %zu", i);
		ck_assert_int_eq(who.pid, 0);
		ck_assert_str_eq(who.user, user);  /* the file's owner */
		ck_assert_str_eq(who.host, "");
		ck_assert_int_eq(lock_probe(incident, &who), LOCK_HELD);

		struct timespec old[2] = { { time(NULL) - 2 * LOCK_MALFORMED_GRACE, 0 },
		                           { time(NULL) - 2 * LOCK_MALFORMED_GRACE, 0 } };
		ck_assert_int_eq(utimensat(AT_FDCWD, lockfile, old, 0), 0);
		ck_assert_int_eq(lock_probe(incident, &who), LOCK_TAKEN_STALE);
		ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_TAKEN_STALE);
		ck_assert_int_eq(pid_in(lockfile), (long)getpid());
		lock_release(&l);
		ck_assert_int_eq(count_entries(tmpdir), 0);
	}
}
END_TEST

START_TEST(probe_creates_nothing)
{
	struct lock_owner who;
	who.pid = 42;
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_OK);
	ck_assert_int_eq(who.pid, 0);
	ck_assert_int_eq(lock_probe(incident, NULL), LOCK_OK);
	ck_assert_int_eq(count_entries(tmpdir), 0);
	/* Nor in a directory that does not exist. */
	char missing[160];
	snprintf(missing, sizeof missing, "%s/no/such.incident", tmpdir);
	ck_assert_int_eq(lock_probe(missing, &who), LOCK_OK);
	ck_assert_int_eq(count_entries(tmpdir), 0);
}
END_TEST

START_TEST(not_a_regular_file_is_an_error)
{
	ck_assert_int_eq(mkdir(lockfile, 0700), 0);
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	diag_clear(&d);
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_ERROR);
	ck_assert_ptr_null(l);
	ck_assert_str_eq(d.file, incident);
	ck_assert_ptr_nonnull(strstr(d.msg, lockfile));
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_ERROR);
	rmdir(lockfile);
	ck_assert_int_eq(symlink("/etc/passwd", lockfile), 0);
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_ERROR);
	ck_assert_ptr_nonnull(strstr(d.msg, "symbolic link"));
	ck_assert_int_eq(count_entries(tmpdir), 1);
}
END_TEST

/* Root ignores permissions: these checks then run in a child that has
 * become nobody, and are skipped only when that is impossible. */
static int as_other_user(int (*body)(void))
{
	pid_t p = fork();
	ck_assert_int_ge(p, 0);
	if (p == 0) {
		if (geteuid() == 0) {
			struct passwd *pw = getpwnam("nobody");
			uid_t uid = pw ? pw->pw_uid : 65534;
			gid_t gid = pw ? pw->pw_gid : 65534;
			if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0 ||
			    geteuid() == 0)
				_exit(77);
		}
		_exit(body());
	}
	int status;
	ck_assert_int_eq(waitpid(p, &status, 0), p);
	ck_assert(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77)
		fprintf(stderr, "test_lock: cannot drop root privileges: permission test skipped\n");
	return WEXITSTATUS(status) == 77 ? 0 : WEXITSTATUS(status);
}

static char rodir[160];

static int read_only_body(void)
{
	char inc[200], lk[220];
	snprintf(inc, sizeof inc, "%s/a.incident", rodir);
	snprintf(lk, sizeof lk, "%s/.a.incident.lock", rodir);
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	diag_clear(&d);
	if (lock_acquire(inc, &l, &who, &d) != LOCK_ERROR || l)
		return 1;
	if (strcmp(d.file, inc) != 0 || !strstr(d.msg, lk) || !strstr(d.msg, strerror(EACCES))) {
		fprintf(stderr, "read-only: %s: %s\n", d.file, d.msg);
		return 2;
	}
	if (lock_probe(inc, &who) != LOCK_OK)
		return 3;
	return 0;
}

START_TEST(read_only_directory_is_an_error)
{
	snprintf(rodir, sizeof rodir, "%s/ro", tmpdir);
	ck_assert_int_eq(mkdir(rodir, 0555), 0);
	ck_assert_int_eq(chmod(rodir, 0555), 0);
	ck_assert_int_eq(chmod(tmpdir, 0755), 0);  /* nobody may enter */
	ck_assert_int_eq(as_other_user(read_only_body), 0);
	ck_assert_int_eq(count_entries(rodir), 0);
}
END_TEST

static int unreadable_body(void)
{
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	if (lock_probe(incident, &who) != LOCK_HELD || strcmp(who.user, user) != 0 ||
	    who.pid != 0 || !who.since[0])
		return 1;
	if (lock_acquire(incident, &l, &who, &d) != LOCK_HELD || l || strcmp(who.user, user) != 0)
		return 2;
	return 0;
}

/* Another user's 0600 lock in a shared directory: held, and by whom. */
START_TEST(unreadable_lock_is_held_by_its_owner)
{
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	ck_assert_int_eq(chmod(tmpdir, 0777), 0);
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_OK);
	if (geteuid() != 0)
		ck_assert_int_eq(chmod(lockfile, 0), 0);  /* unreadable to us too */
	ck_assert_int_eq(as_other_user(unreadable_body), 0);
	ck_assert_int_eq(count_entries(tmpdir), 1);
	lock_release(&l);
	ck_assert_int_eq(count_entries(tmpdir), 0);
}
END_TEST

START_TEST(release_leaves_a_lock_that_is_not_ours)
{
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_OK);
	/* Someone broke our lock by hand and another session took it. */
	char other[160];
	snprintf(other, sizeof other, "%s/other", tmpdir);
	put(other, "1 other-host.example alice 2022-10-24T09:00:00+09:00\n");
	ck_assert_int_eq(rename(other, lockfile), 0);
	lock_release_signal_safe(l);
	ck_assert_int_eq(count_entries(tmpdir), 1);
	lock_release(&l);
	ck_assert_ptr_null(l);
	ck_assert_int_eq(count_entries(tmpdir), 1);
	ck_assert_int_eq(pid_in(lockfile), 1);
}
END_TEST

START_TEST(signal_safe_release_unlinks)
{
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_OK);
	lock_release_signal_safe(l);
	ck_assert_int_eq(count_entries(tmpdir), 0);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_OK);
	lock_release_signal_safe(NULL);
	lock_release(&l);  /* frees; the file is gone already */
	ck_assert_int_eq(count_entries(tmpdir), 0);
}
END_TEST

/* A session killed with SIGKILL leaves a lock that the next one takes. */
START_TEST(killed_session_is_recovered)
{
	int ready[2];
	ck_assert_int_eq(pipe(ready), 0);
	pid_t p = fork();
	ck_assert_int_ge(p, 0);
	if (p == 0) {
		struct lock *l = NULL;
		struct lock_owner o;
		char c = lock_acquire(incident, &l, &o, NULL) == LOCK_OK ? 'y' : 'n';
		if (write(ready[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	char c = 0;
	close(ready[1]);
	ck_assert_int_eq(read(ready[0], &c, 1), 1);
	close(ready[0]);
	ck_assert_int_eq(c, 'y');
	struct lock_owner who;
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_HELD);
	ck_assert_int_eq(who.pid, (long)p);
	kill(p, SIGKILL);
	ck_assert_int_eq(waitpid(p, NULL, 0), p);
	ck_assert_int_eq(lock_probe(incident, &who), LOCK_TAKEN_STALE);
	struct lock *l = NULL;
	struct diag d;
	ck_assert_int_eq(lock_acquire(incident, &l, &who, &d), LOCK_TAKEN_STALE);
	ck_assert_int_eq(who.pid, (long)p);
	lock_release(&l);
}
END_TEST

/* Several sessions taking over one dead session's lock at the same
 * moment: exactly one wins.  Each reports its result at once and winners
 * hold the lock until every child has reported. */
START_TEST(simultaneous_takeover_has_one_winner)
{
	enum { N = 6, ROUNDS = 3 };
	for (int round = 0; round < ROUNDS; round++) {
		char line[512];
		snprintf(line, sizeof line, "%ld %s 山田 2022-10-24T09:00:00+09:00\n",
		         dead_pid(), host);
		put(lockfile, line);
		int go[2], res[2], done[2];
		ck_assert_int_eq(pipe(go), 0);
		ck_assert_int_eq(pipe(res), 0);
		ck_assert_int_eq(pipe(done), 0);
		pid_t kids[N];
		for (int i = 0; i < N; i++) {
			kids[i] = fork();
			ck_assert_int_ge(kids[i], 0);
			if (kids[i] == 0) {
				char c;
				close(go[1]);
				close(res[0]);
				close(done[1]);
				if (read(go[0], &c, 1) != 0)  /* EOF: everyone starts */
					_exit(3);
				struct lock *l = NULL;
				struct lock_owner o;
				enum lock_result r = lock_acquire(incident, &l, &o, NULL);
				c = r == LOCK_TAKEN_STALE ? 's' : r == LOCK_HELD ? 'h'
				    : r == LOCK_OK ? 'o' : 'e';
				if (write(res[1], &c, 1) != 1 || read(done[0], &c, 1) != 0)
					_exit(3);
				lock_release(&l);
				_exit(0);
			}
		}
		close(go[0]);
		close(res[1]);
		close(done[0]);
		close(go[1]);
		int stale = 0, held = 0;
		for (int i = 0; i < N; i++) {
			char c = 0;
			ck_assert_int_eq(read(res[0], &c, 1), 1);
			ck_assert_msg(c == 's' || c == 'h', "round %d: result %c", round, c);
			stale += c == 's';
			held += c == 'h';
		}
		close(done[1]);
		close(res[0]);
		for (int i = 0; i < N; i++) {
			int status;
			ck_assert_int_eq(waitpid(kids[i], &status, 0), kids[i]);
			ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		}
		ck_assert_int_eq(stale, 1);
		ck_assert_int_eq(held, N - 1);
		ck_assert_int_eq(count_entries(tmpdir), 0);
	}
}
END_TEST

START_TEST(bad_incident_path)
{
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	char dir[80];
	snprintf(dir, sizeof dir, "%s/", tmpdir);
	ck_assert_int_eq(lock_acquire(dir, &l, &who, &d), LOCK_ERROR);
	ck_assert_str_eq(d.file, dir);
	ck_assert_int_eq(lock_probe(dir, &who), LOCK_OK);
	ck_assert_int_eq(count_entries(tmpdir), 0);
}
END_TEST

/* A relative incident path locks beside it in the current directory. */
START_TEST(relative_path)
{
	char cwd[4096];
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(chdir(tmpdir), 0);
	struct lock *l = NULL;
	struct lock_owner who;
	struct diag d;
	ck_assert_int_eq(lock_acquire("a.incident", &l, &who, &d), LOCK_OK);
	ck_assert_int_eq(access(lockfile, F_OK), 0);
	lock_release(&l);
	ck_assert_int_eq(access(lockfile, F_OK), -1);
	ck_assert_int_eq(chdir(cwd), 0);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("lock");
	TCase *tc = tcase_create("lock");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, acquire_and_release);
	tcase_add_test(tc, second_acquire_is_held);
	tcase_add_test(tc, dead_session_is_taken_over);
	tcase_add_test(tc, zombie_session_is_stale);
	tcase_add_test(tc, other_host_is_held);
	tcase_add_test(tc, live_pid_held_reused_pid_stale);
	tcase_add_test(tc, malformed_lock_waits_a_minute);
	tcase_add_test(tc, probe_creates_nothing);
	tcase_add_test(tc, not_a_regular_file_is_an_error);
	tcase_add_test(tc, read_only_directory_is_an_error);
	tcase_add_test(tc, unreadable_lock_is_held_by_its_owner);
	tcase_add_test(tc, release_leaves_a_lock_that_is_not_ours);
	tcase_add_test(tc, signal_safe_release_unlinks);
	tcase_add_test(tc, killed_session_is_recovered);
	tcase_add_test(tc, simultaneous_takeover_has_one_winner);
	tcase_add_test(tc, bad_incident_path);
	tcase_add_test(tc, relative_path);
	suite_add_tcase(s, tc);
	return s;
}
