/* fileio — read whole files; write them atomically (temp, fsync, rename). */
#include "todoke/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/strbuf.h"

bool file_read_all(const char *path, char **data, size_t *len, struct diag *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_set(err, path, 0, "cannot open: %s", strerror(errno));
		return false;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		diag_set(err, path, 0, "is a directory");
		return false;
	}
	struct strbuf sb;
	sb_init(&sb);
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_set(err, path, 0, "cannot read: %s", strerror(errno));
			close(fd);
			sb_release(&sb);
			return false;
		}
		if (n == 0)
			break;
		sb_addn(&sb, chunk, (size_t)n);
	}
	close(fd);
	*len = sb.len;
	*data = sb_detach(&sb);
	sb_release(&sb);
	return true;
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

bool file_write_atomic(const char *path, const char *data, size_t len,
                       mode_t mode, struct diag *err)
{
	char *dircopy = xstrdup(path);
	char *dir = dirname(dircopy);
	char *basecopy = xstrdup(path);
	char *base = basename(basecopy);
	struct strbuf tmp;
	sb_init(&tmp);
	sb_addf(&tmp, "%s/.%s.XXXXXX", dir, base);
	bool ok = false;

	int fd = mkstemp(tmp.buf); /* mkstemp creates 0600 */
	if (fd < 0) {
		diag_set(err, path, 0, "cannot create a temporary file in %s: %s",
		         dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0 || !file_write_fd(fd, data, len) || fsync(fd) != 0) {
		diag_set(err, path, 0, "cannot write: %s", strerror(errno));
		close(fd);
		unlink(tmp.buf);
		goto out;
	}
	if (close(fd) != 0) {
		diag_set(err, path, 0, "cannot write: %s", strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	if (rename(tmp.buf, path) != 0) {
		diag_set(err, path, 0, "cannot replace: %s", strerror(errno));
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
