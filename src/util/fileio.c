/* fileio — read whole files; write them atomically (temp, fsync, rename),
 * or in place onto the user's own device or FIFO, as cp(1) would. */
#include "todoke/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/i18n.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"
#include "todoke/utf8.h"

bool file_read_all(const char *path, char **data, size_t *len, struct diag *err)
{
	return file_read_all_st(path, data, len, NULL, err);
}

bool file_read_all_st(const char *path, char **data, size_t *len, struct stat *out,
                      struct diag *err)
{
	/* O_NONBLOCK: opening a FIFO nobody writes to must not hang (it is
	 * refused below); O_NOCTTY: a terminal named here never becomes ours. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		diag_set(err, path, 0, _("cannot open: %s"), strerror(errno));
		return false;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		bool dir = S_ISDIR(st.st_mode);
		close(fd);
		diag_set(err, path, 0, "%s", dir ? _("is a directory")
		         : _("not a regular file (a FIFO, device or socket): not read"));
		return false;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	struct strbuf sb;
	sb_init(&sb);
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_set(err, path, 0, _("cannot read: %s"), strerror(errno));
			close(fd);
			sb_release(&sb);
			return false;
		}
		if (n == 0)
			break;
		sb_addn(&sb, chunk, (size_t)n);
	}
	/* What was read, from the file it was read from: a rename over path
	 * meanwhile does not change it (fileid.h). */
	if (out && fstat(fd, out) != 0) {
		diag_set(err, path, 0, _("cannot read: %s"), strerror(errno));
		close(fd);
		sb_release(&sb);
		return false;
	}
	close(fd);
	*len = sb.len;
	*data = sb_detach(&sb);
	sb_release(&sb);
	return true;
}

bool file_is_team_dir(const struct stat *st)
{
	return S_ISDIR(st->st_mode) && (st->st_mode & S_ISGID) &&
	       (st->st_mode & 0777) == 0770;
}

mode_t file_mode_in(const char *path)
{
	char *copy = xstrdup(path);
	struct stat st;
	bool team = stat(dirname(copy), &st) == 0 && file_is_team_dir(&st);
	free(copy);
	return team ? 0660 : 0600;
}

bool file_write_fd(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Someone else's: not the user's and not root's (root owns /dev/tty). */
static bool foreign(const struct stat *st)
{
	return st->st_uid != geteuid() && st->st_uid != 0;
}

/* Where a write to path goes: *real is the file to write (path itself,
 * or the target of its links), *st what is there now (when not new).
 * `streams`: devices and FIFOs may be written in place. */
static bool resolve(const char *path, bool streams, char **real, struct stat *st,
                    enum file_target *kind, struct diag *err)
{
	*real = NULL;
	if (lstat(path, st) != 0) {
		if (errno != ENOENT) {
			diag_set(err, path, 0, _("cannot write: %s"), strerror(errno));
			return false;
		}
		/* "out/" names a folder, never a file "out" (as cp says). */
		size_t n = strlen(path);
		if (n && path[n - 1] == '/') {
			diag_set(err, path, 0, "%s", _("is a directory; give the name of a file"));
			return false;
		}
		*real = xstrdup(path);
		*kind = FILE_TARGET_NEW;
		return true;
	}
	if (S_ISLNK(st->st_mode)) {
		if (stat(path, st) != 0) {
			int e = errno;
			char to[PATH_MAX];
			ssize_t n = readlink(path, to, sizeof to - 1);
			to[n > 0 ? n : 0] = '\0';
			if (e == ENOENT)
				diag_set(err, path, 0, _("is a symbolic link to %s, which does not "
				         "exist; not writing through it (give that name itself to "
				         "create it)"), to);
			else
				diag_set(err, path, 0, _("cannot write: %s"), strerror(e));
			return false;
		}
		/* The atomic replacement happens beside the target. */
		if (S_ISREG(st->st_mode) && !(*real = realpath(path, NULL))) {
			diag_set(err, path, 0, _("cannot write: %s"), strerror(errno));
			return false;
		}
	}
	if (!*real)
		*real = xstrdup(path);
	if (S_ISREG(st->st_mode)) {
		*kind = FILE_TARGET_REGULAR;
		return true;
	}
	bool fifo = S_ISFIFO(st->st_mode);
	if (S_ISDIR(st->st_mode))
		diag_set(err, path, 0, "%s", _("is a directory; give the name of a file"));
	else if ((fifo || S_ISCHR(st->st_mode)) && !streams)
		diag_set(err, path, 0, "%s", _("is not a regular file; not replacing it"));
	else if ((fifo || S_ISCHR(st->st_mode)) && foreign(st))
		diag_set(err, path, 0, fifo ? _("is a FIFO of another user (uid %lu); not "
		                                "writing personal data to it")
		                            : _("is a device of another user (uid %lu); not "
		                                "writing personal data to it"),
		         (unsigned long)st->st_uid);
	else if (fifo || S_ISCHR(st->st_mode)) {
		*kind = FILE_TARGET_STREAM;
		return true;
	} else
		diag_set(err, path, 0, "%s", _("is neither a regular file nor a character "
		                               "device nor a FIFO; not writing to it"));
	free(*real);
	*real = NULL;
	return false;
}

bool file_output_target(const char *path, enum file_target *kind, struct diag *err)
{
	char *real;
	struct stat st;
	bool ok = resolve(path, true, &real, &st, kind, err);
	free(real);
	return ok;
}

/* In place, onto the device or FIFO that resolve() judged: opened for
 * writing only, never created; the one opened must be the one judged. */
static bool write_in_place(const char *path, const char *real, const struct stat *st,
                           const char *data, size_t len, struct diag *err)
{
	int fd = open(real, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		diag_set(err, path, 0, _("cannot open: %s"), strerror(errno));
		return false;
	}
	struct stat now;
	if (fstat(fd, &now) != 0 || now.st_dev != st->st_dev || now.st_ino != st->st_ino ||
	    !(S_ISCHR(now.st_mode) || S_ISFIFO(now.st_mode)) || foreign(&now)) {
		close(fd);
		diag_set(err, path, 0, "%s", _("was replaced while being opened; nothing was "
		                               "written"));
		return false;
	}
	bool ok = file_write_fd(fd, data, len);
	int e = errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok)
		diag_set(err, path, 0, _("cannot write: %s"), strerror(e));
	return ok;
}

/* Temp file beside real, written, fsync'ed, renamed over it.  Messages
 * name path, what the user gave. */
static bool replace_atomically(const char *path, const char *real, const char *data,
                               size_t len, mode_t mode, struct stat *out, struct diag *err)
{
	char *dircopy = xstrdup(real);
	char *dir = dirname(dircopy);
	char *basecopy = xstrdup(real);
	char *base = basename(basecopy);
	struct strbuf tmp;
	sb_init(&tmp);
	sb_addf(&tmp, "%s/.%s.XXXXXX", dir, base);
	bool ok = false;

	int fd = mkstemp(tmp.buf); /* mkstemp creates 0600 */
	if (fd < 0) {
		diag_set(err, path, 0, _("cannot create a temporary file in %s: %s"),
		         dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0 || !file_write_fd(fd, data, len) || fsync(fd) != 0 ||
	    (out && fstat(fd, out) != 0)) {
		diag_set(err, path, 0, _("cannot write: %s"), strerror(errno));
		close(fd);
		unlink(tmp.buf);
		goto out;
	}
	if (close(fd) != 0) {
		diag_set(err, path, 0, _("cannot write: %s"), strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	if (rename(tmp.buf, real) != 0) {
		diag_set(err, path, 0, _("cannot replace: %s"), strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	/* Make the rename itself durable. */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	ok = true;
out:
	sb_release(&tmp);
	free(dircopy);
	free(basecopy);
	return ok;
}

static bool write_to(const char *path, bool streams, const char *data, size_t len,
                     mode_t mode, struct stat *out, struct diag *err)
{
	char *real;
	struct stat st;
	enum file_target kind;
	if (!resolve(path, streams, &real, &st, &kind, err))
		return false;
	bool ok = kind == FILE_TARGET_STREAM
	          ? write_in_place(path, real, &st, data, len, err)
	          : replace_atomically(path, real, data, len, mode, out, err);
	free(real);
	return ok;
}

bool file_write_output(const char *path, const char *data, size_t len,
                       mode_t mode, struct diag *err)
{
	return write_to(path, true, data, len, mode, NULL, err);
}

bool file_write_atomic(const char *path, const char *data, size_t len,
                       mode_t mode, struct diag *err)
{
	return write_to(path, false, data, len, mode, NULL, err);
}

bool file_write_atomic_st(const char *path, const char *data, size_t len, mode_t mode,
                          struct stat *st, struct diag *err)
{
	return write_to(path, false, data, len, mode, st, err);
}

char *file_name_from_title(const char *title, size_t max_bytes)
{
	struct strbuf sb;
	size_t n = strlen(title);
	sb_init(&sb);
	for (size_t i = 0; i < n;) {
		int cols;
		size_t len = tw_cluster_u8(title + i, n - i, TW_SCREEN, &cols);
		unsigned char c = (unsigned char)title[i];
		bool gap = (len == 1 && (c <= ' ' || c == 0x7f || strchr("/\\:*?\"<>|", c))) ||
		           (len >= 3 && memcmp(title + i, "\xe3\x80\x80", 3) == 0) ||
		           !utf8_seqlen((const unsigned char *)title + i, n - i);
		if (gap) {
			if (sb.len && sb.buf[sb.len - 1] != '_' && sb.len < max_bytes)
				sb_addc(&sb, '_');
		} else if ((c == '.' || c == '-') && !sb.len) {
			/* not at the start: a hidden file, an option */
		} else if (sb.len + len <= max_bytes) {
			sb_addn(&sb, title + i, len);
		} else
			break;
		i += len;
	}
	while (sb.len && (sb.buf[sb.len - 1] == '_' || sb.buf[sb.len - 1] == '.'))
		sb.buf[--sb.len] = '\0';
	return sb_detach(&sb);
}
