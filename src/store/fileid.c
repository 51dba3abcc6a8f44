/* fileid — a file's identity, to notice another writer (fileid.h). */
#include "todoke/fileid.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t fnv1a(const unsigned char *p, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

#define FNV_BASIS 14695981039346656037ULL

void file_id_of(const struct stat *st, const char *data, size_t len, struct file_id *id)
{
	memset(id, 0, sizeof *id);
	id->known = true;
	id->exists = true;
	id->dev = st->st_dev;
	id->ino = st->st_ino;
	id->size = st->st_size;
	id->mtime = st->st_mtim;
	id->hash = fnv1a((const unsigned char *)data, len, FNV_BASIS);
}

bool file_id_read(const char *path, struct file_id *id)
{
	memset(id, 0, sizeof *id);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		if (errno != ENOENT)
			return false;
		id->known = true;  /* known to be missing */
		return true;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return false;
	}
	/* Hashing catches a rewrite within the clock's granularity with
	 * the same size; incident files are small, so it is cheap. */
	uint64_t h = FNV_BASIS;
	unsigned char buf[8192];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return false;
		}
		h = fnv1a(buf, (size_t)n, h);
	}
	/* The size and time of the bytes hashed, from the same descriptor. */
	if (fstat(fd, &st) != 0) {
		close(fd);
		return false;
	}
	close(fd);
	file_id_of(&st, "", 0, id);
	id->hash = h;
	return true;
}

bool file_id_same(const struct file_id *a, const struct file_id *b)
{
	if (!a->known || !b->known)
		return true;
	if (a->exists != b->exists)
		return false;
	if (!a->exists)
		return true;
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec &&
	       a->hash == b->hash;
}

bool file_id_changed(const char *path, const struct file_id *was)
{
	if (!was->known)
		return false;
	struct file_id now;
	if (!file_id_read(path, &now))
		return true;
	return !file_id_same(was, &now);
}
