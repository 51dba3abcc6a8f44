/* fileio: where a write lands, as cp(1) decides — regular and new files
 * replaced atomically, the user's or root's device or FIFO written in
 * place (never replaced, created or chmod'ed), someone else's FIFO or
 * device, a directory, a socket, a block device and a dangling link
 * refused.  Device nodes are made in a temporary folder (never /dev). */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "suite.h"

#include "todoke/fileio.h"

static char tmpdir[64];

static void setup(void)
{
	strcpy(tmpdir, "/tmp/todoke-fileio-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

static const char *in_tmp(const char *name)
{
	static char buf[32][256];  /* enough for the names one test keeps */
	static int k;
	k = (k + 1) % 32;
	snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
	return buf[k];
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

static mode_t kind_of(const char *path)
{
	struct stat st;
	ck_assert_int_eq(lstat(path, &st), 0);
	return st.st_mode & S_IFMT;
}

static mode_t perm_of(const char *path)
{
	struct stat st;
	ck_assert_int_eq(lstat(path, &st), 0);
	return st.st_mode & 07777;
}

/* The export screen's default names: Japanese kept, nothing a shell, a
 * Windows share or ls -a would trip on, never half a character. */
static const struct { const char *title; size_t max; const char *name; } titles[] = {
	{ "ECサイトの不正アクセス", 100, "ECサイトの不正アクセス" },
	{ "会員サイト　不正ログイン (第1報)", 100, "会員サイト_不正ログイン_(第1報)" },
	{ "a/b\\c:d*e?f\"g<h>i|j", 100, "a_b_c_d_e_f_g_h_i_j" },
	{ ".hidden", 100, "hidden" },
	{ "--rm -rf", 100, "rm_-rf" },
	{ "tab\there\nnewline", 100, "tab_here_newline" },
	{ "  ", 100, "" },
	{ "か\xe3\x82\x99き", 4, "" },          /* が is 6 bytes: not cut after か */
	{ "か\xe3\x82\x99き", 7, "か\xe3\x82\x99" },
	{ "漏えい事案", 7, "漏え" },
	{ "末尾. ", 100, "末尾" },
};

START_TEST(names_from_titles)
{
	char *got = file_name_from_title(titles[_i].title, titles[_i].max);
	ck_assert_str_eq(got, titles[_i].name);
	free(got);
}
END_TEST

START_TEST(new_file_is_created_0600)
{
	struct diag d;
	enum file_target k;
	const char *p = in_tmp("doc.txt");
	ck_assert(file_output_target(p, &k, &d));
	ck_assert_int_eq(k, FILE_TARGET_NEW);
	ck_assert_msg(file_write_output(p, "届け\n", strlen("届け\n"), 0600, &d), "%s", d.msg);
	char *s = slurp(p);
	ck_assert_str_eq(s, "届け\n");
	free(s);
	ck_assert_int_eq(kind_of(p), S_IFREG);
	ck_assert_int_eq(perm_of(p), 0600);
	ck_assert_int_eq(count_entries(tmpdir), 1);
}
END_TEST

START_TEST(regular_file_is_replaced_atomically)
{
	struct diag d;
	enum file_target k;
	const char *p = in_tmp("doc.txt");
	put(p, "old\n");
	chmod(p, 0644);
	struct stat before, after;
	ck_assert_int_eq(stat(p, &before), 0);
	ck_assert(file_output_target(p, &k, &d));
	ck_assert_int_eq(k, FILE_TARGET_REGULAR);
	ck_assert_msg(file_write_output(p, "new\n", 4, 0600, &d), "%s", d.msg);
	ck_assert_int_eq(stat(p, &after), 0);
	/* A new inode: renamed over, not rewritten. */
	ck_assert(before.st_ino != after.st_ino);
	ck_assert_int_eq(perm_of(p), 0600);
	char *s = slurp(p);
	ck_assert_str_eq(s, "new\n");
	free(s);
	ck_assert_int_eq(count_entries(tmpdir), 1);
}
END_TEST

/* The link stays; its target is replaced, beside the target. */
START_TEST(symlink_is_followed_to_its_target)
{
	struct diag d;
	enum file_target k;
	ck_assert_int_eq(mkdir(in_tmp("real"), 0700), 0);
	ck_assert_int_eq(mkdir(in_tmp("links"), 0700), 0);
	put(in_tmp("real/doc.txt"), "old\n");
	ck_assert_int_eq(symlink("../real/doc.txt", in_tmp("links/doc.txt")), 0);
	ck_assert_int_eq(symlink("doc.txt", in_tmp("links/again")), 0);
	const char *link = in_tmp("links/again");
	ck_assert(file_output_target(link, &k, &d));
	ck_assert_int_eq(k, FILE_TARGET_REGULAR);
	ck_assert_msg(file_write_output(link, "new\n", 4, 0600, &d), "%s", d.msg);
	ck_assert_int_eq(kind_of(in_tmp("links/doc.txt")), S_IFLNK);
	ck_assert_int_eq(kind_of(link), S_IFLNK);
	char *s = slurp(in_tmp("real/doc.txt"));
	ck_assert_str_eq(s, "new\n");
	free(s);
	ck_assert_int_eq(count_entries(in_tmp("real")), 1);
	ck_assert_int_eq(count_entries(in_tmp("links")), 2);
	/* The answers' writer follows links the same way. */
	ck_assert_msg(file_write_atomic(link, "answers\n", 8, 0600, &d), "%s", d.msg);
	ck_assert_int_eq(kind_of(link), S_IFLNK);
	s = slurp(in_tmp("real/doc.txt"));
	ck_assert_str_eq(s, "answers\n");
	free(s);
}
END_TEST

/* As GNU cp: "not writing through dangling symlink". */
START_TEST(dangling_symlink_is_refused)
{
	struct diag d;
	enum file_target k;
	const char *link = in_tmp("doc.txt");
	ck_assert_int_eq(symlink("elsewhere.txt", link), 0);
	ck_assert(!file_output_target(link, &k, &d));
	ck_assert(!file_write_output(link, "x\n", 2, 0600, &d));
	ck_assert_str_eq(d.file, link);
	ck_assert_msg(strstr(d.msg, "symbolic link to elsewhere.txt, which does not exist"), "%s", d.msg);
	ck_assert(!file_write_atomic(link, "x\n", 2, 0600, &d));
	ck_assert_int_eq(count_entries(tmpdir), 1);
	ck_assert_int_eq(kind_of(link), S_IFLNK);
}
END_TEST

START_TEST(directory_is_refused)
{
	struct diag d;
	enum file_target k;
	const char *dir = in_tmp("out");
	ck_assert_int_eq(mkdir(dir, 0755), 0);
	ck_assert_int_eq(symlink("out", in_tmp("to-out")), 0);
	ck_assert(!file_output_target(dir, &k, &d));
	ck_assert(!file_write_output(dir, "x\n", 2, 0600, &d));
	ck_assert_msg(strstr(d.msg, "is a directory"), "%s", d.msg);
	ck_assert(!file_write_atomic(dir, "x\n", 2, 0600, &d));
	ck_assert(!file_write_output(in_tmp("to-out"), "x\n", 2, 0600, &d));
	ck_assert_msg(strstr(d.msg, "is a directory"), "%s", d.msg);
	/* A name ending in / is a folder's, even when there is none yet. */
	ck_assert(!file_write_output(in_tmp("new/"), "x\n", 2, 0600, &d));
	ck_assert_msg(strstr(d.msg, "is a directory"), "%s", d.msg);
	ck_assert(!file_write_atomic(in_tmp("new/"), "x\n", 2, 0600, &d));
	ck_assert_int_eq(kind_of(dir), S_IFDIR);
	ck_assert_int_eq(perm_of(dir), 0755);
	ck_assert_int_eq(count_entries(dir), 0);
	ck_assert_int_eq(count_entries(tmpdir), 2);
}
END_TEST

/* A reader of the FIFO in a child: what it read goes to `into`. */
static pid_t reader(const char *fifo, const char *into)
{
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int in = open(fifo, O_RDONLY);
		int out = open(into, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		char buf[256];
		ssize_t n;
		while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
			if (write(out, buf, (size_t)n) != n)
				_exit(1);
		_exit(in >= 0 && out >= 0 ? 0 : 1);
	}
	return pid;
}

START_TEST(own_fifo_is_written_in_place)
{
	struct diag d;
	enum file_target k;
	const char *fifo = in_tmp("pipe");
	ck_assert_int_eq(mkfifo(fifo, 0640), 0);
	ck_assert_int_eq(chmod(fifo, 0640), 0);
	ck_assert_int_eq(symlink("pipe", in_tmp("link")), 0);
	ck_assert(file_output_target(fifo, &k, &d));
	ck_assert_int_eq(k, FILE_TARGET_STREAM);
	/* Through the link too, as cp writes through it. */
	const char *targets[] = { fifo, in_tmp("link") };
	for (int i = 0; i < 2; i++) {
		pid_t pid = reader(fifo, in_tmp("got"));
		ck_assert_msg(file_write_output(targets[i], "届け\n", strlen("届け\n"), 0600, &d),
		              "%s", d.msg);
		int status;
		ck_assert_int_eq(waitpid(pid, &status, 0), pid);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		char *s = slurp(in_tmp("got"));
		ck_assert_str_eq(s, "届け\n");
		free(s);
		ck_assert_int_eq(kind_of(fifo), S_IFIFO);
		ck_assert_int_eq(perm_of(fifo), 0640);
		ck_assert_int_eq(kind_of(in_tmp("link")), S_IFLNK);
	}
	/* No temporary file was left, nothing replaced. */
	ck_assert_int_eq(count_entries(tmpdir), 3);
}
END_TEST

/* The answers' writer never writes onto a FIFO or a device. */
START_TEST(answers_need_a_regular_file)
{
	struct diag d;
	const char *fifo = in_tmp("pipe");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert(!file_write_atomic(fifo, "x\n", 2, 0600, &d));
	ck_assert_msg(strstr(d.msg, "is not a regular file"), "%s", d.msg);
	ck_assert_int_eq(kind_of(fifo), S_IFIFO);
	ck_assert_int_eq(count_entries(tmpdir), 1);
}
END_TEST

/* Someone else's FIFO: refused before it is opened.  A reader waits on it
 * (non-blocking), so a write would not hang the test but be seen. */
START_TEST(foreign_fifo_is_refused)
{
	if (geteuid() != 0) {
		fprintf(stderr, "foreign_fifo_is_refused: needs root to chown (skipped)\n");
		return;
	}
	struct diag d;
	enum file_target k;
	const char *fifo = in_tmp("theirs");
	ck_assert_int_eq(mkfifo(fifo, 0666), 0);
	ck_assert_int_eq(chmod(fifo, 0666), 0);
	ck_assert_int_eq(chown(fifo, 65534, 65534), 0);
	int rd = open(fifo, O_RDONLY | O_NONBLOCK);
	ck_assert_int_ge(rd, 0);
	ck_assert(!file_output_target(fifo, &k, &d));
	ck_assert(!file_write_output(fifo, "personal\n", 9, 0600, &d));
	ck_assert_str_eq(d.file, fifo);
	ck_assert_msg(strstr(d.msg, "is a FIFO of another user (uid 65534)"), "%s", d.msg);
	char buf[16];
	ck_assert_int_eq(read(rd, buf, sizeof buf), 0);  /* no writer ever came */
	close(rd);
	ck_assert_int_eq(kind_of(fifo), S_IFIFO);
	ck_assert_int_eq(perm_of(fifo), 0666);
	ck_assert_int_eq(count_entries(tmpdir), 1);
}
END_TEST

/* A copy of the null device (1,3) made here: written in place, still a
 * device of its mode; someone else's is refused; a block device too. */
START_TEST(device_node_is_written_in_place)
{
	if (geteuid() != 0) {
		fprintf(stderr, "device_node_is_written_in_place: needs root to mknod (skipped)\n");
		return;
	}
	struct diag d;
	enum file_target k;
	const char *null = in_tmp("null");
	ck_assert_int_eq(mknod(null, S_IFCHR | 0666, makedev(1, 3)), 0);
	ck_assert_int_eq(chmod(null, 0666), 0);
	ck_assert(file_output_target(null, &k, &d));
	ck_assert_int_eq(k, FILE_TARGET_STREAM);
	ck_assert_msg(file_write_output(null, "x\n", 2, 0600, &d), "%s", d.msg);
	ck_assert_int_eq(kind_of(null), S_IFCHR);
	ck_assert_int_eq(perm_of(null), 0666);
	ck_assert(!file_write_atomic(null, "x\n", 2, 0600, &d));
	ck_assert_int_eq(kind_of(null), S_IFCHR);

	const char *theirs = in_tmp("their-null");
	ck_assert_int_eq(mknod(theirs, S_IFCHR | 0666, makedev(1, 3)), 0);
	ck_assert_int_eq(chown(theirs, 65534, 65534), 0);
	ck_assert(!file_write_output(theirs, "x\n", 2, 0600, &d));
	ck_assert_msg(strstr(d.msg, "is a device of another user (uid 65534)"), "%s", d.msg);
	ck_assert_int_eq(kind_of(theirs), S_IFCHR);

	/* Never opened: refused on its type. */
	const char *blk = in_tmp("blk");
	ck_assert_int_eq(mknod(blk, S_IFBLK | 0600, makedev(7, 250)), 0);
	ck_assert(!file_write_output(blk, "x\n", 2, 0600, &d));
	ck_assert_msg(strstr(d.msg, "neither a regular file"), "%s", d.msg);
	ck_assert_int_eq(kind_of(blk), S_IFBLK);
	ck_assert_int_eq(count_entries(tmpdir), 3);
}
END_TEST

/* The user's own terminal (a pty's slave, a character device the user
 * owns, root or not): the bytes arrive at the master. */
START_TEST(own_terminal_gets_the_bytes)
{
	struct diag d;
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	ck_assert_int_ge(m, 0);
	ck_assert_int_eq(grantpt(m), 0);
	ck_assert_int_eq(unlockpt(m), 0);
	const char *slave = ptsname(m);
	ck_assert_ptr_nonnull(slave);
	int s = open(slave, O_RDWR | O_NOCTTY);
	ck_assert_int_ge(s, 0);
	struct termios t;
	ck_assert_int_eq(tcgetattr(s, &t), 0);
	cfmakeraw(&t);
	ck_assert_int_eq(tcsetattr(s, TCSANOW, &t), 0);
	ck_assert_int_eq(symlink(slave, in_tmp("tty")), 0);
	ck_assert_msg(file_write_output(in_tmp("tty"), "届け\n", strlen("届け\n"), 0600, &d),
	              "%s", d.msg);
	char buf[64];
	size_t got = 0;
	struct pollfd p = { .fd = m, .events = POLLIN };
	while (got < strlen("届け\n") && poll(&p, 1, 2000) == 1) {
		ssize_t n = read(m, buf + got, sizeof buf - 1 - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	ck_assert_str_eq(buf, "届け\n");
	ck_assert_int_eq(kind_of(slave), S_IFCHR);
	close(s);
	close(m);
}
END_TEST

START_TEST(socket_is_refused)
{
	struct diag d;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	ck_assert_int_ge(fd, 0);
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	snprintf(a.sun_path, sizeof a.sun_path, "%s", in_tmp("sock"));
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	ck_assert(!file_write_output(in_tmp("sock"), "x\n", 2, 0600, &d));
	ck_assert_msg(strstr(d.msg, "neither a regular file"), "%s", d.msg);
	ck_assert_int_eq(kind_of(in_tmp("sock")), S_IFSOCK);
	close(fd);
}
END_TEST

START_TEST(missing_folder_is_named)
{
	struct diag d;
	ck_assert(!file_write_output(in_tmp("nodir/doc.txt"), "x\n", 2, 0600, &d));
	ck_assert_str_eq(d.file, in_tmp("nodir/doc.txt"));
	ck_assert_msg(strstr(d.msg, "cannot create a temporary file in"), "%s", d.msg);
	ck_assert(!file_read_all(in_tmp("nodir/doc.txt"), &(char *){ NULL }, &(size_t){ 0 }, &d));
	ck_assert_msg(strstr(d.msg, "cannot open: "), "%s", d.msg);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("fileio");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, names_from_titles, 0, (int)(sizeof titles / sizeof titles[0]));
	tcase_add_test(tc, new_file_is_created_0600);
	tcase_add_test(tc, regular_file_is_replaced_atomically);
	tcase_add_test(tc, symlink_is_followed_to_its_target);
	tcase_add_test(tc, dangling_symlink_is_refused);
	tcase_add_test(tc, directory_is_refused);
	tcase_add_test(tc, own_fifo_is_written_in_place);
	tcase_add_test(tc, answers_need_a_regular_file);
	tcase_add_test(tc, foreign_fifo_is_refused);
	tcase_add_test(tc, device_node_is_written_in_place);
	tcase_add_test(tc, own_terminal_gets_the_bytes);
	tcase_add_test(tc, socket_is_refused);
	tcase_add_test(tc, missing_folder_is_named);
	suite_add_tcase(s, tc);
	return s;
}
