/* fileid — what a file was when this process last read or wrote it:
 * device, inode, size, modification time and a hash of its bytes.  Two
 * writers of one incident (the wizard, and a hand edit, another tool or
 * `git pull` meanwhile) are told apart by comparing the identity recorded
 * at load or save with the file's now: a difference means someone else
 * wrote it, and a save must not go over it silently.  Knows nothing of
 * incidents or curses. */
#ifndef TODOKE_FILEID_H
#define TODOKE_FILEID_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

struct file_id {
	bool known;      /* recorded at all (false: nothing to compare with) */
	bool exists;     /* the file was there */
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	uint64_t hash;   /* FNV-1a of the bytes */
};

/* Records path's identity now; a missing file is recorded as missing.
 * False (id->known false) when it cannot be read (a stat or read error
 * other than ENOENT). */
bool file_id_read(const char *path, struct file_id *id);
/* The identity of bytes read from, or written to, the descriptor st was
 * taken from (fileio.h: file_read_all_st, file_write_atomic_st): no
 * second look at the name, which someone may have replaced meanwhile. */
struct stat;
void file_id_of(const struct stat *st, const char *data, size_t len, struct file_id *id);
/* True when both were recorded and describe the same file with the
 * same bytes; an unrecorded one compares equal (nothing known against). */
bool file_id_same(const struct file_id *a, const struct file_id *b);
/* True when path is no longer what `was` recorded (or cannot be read). */
bool file_id_changed(const char *path, const struct file_id *was);

#endif
