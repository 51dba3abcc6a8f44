/* fileio — whole-file reads and crash-safe writes of files holding answers.
 *
 * Where a write lands is decided as cp(1) decides (file_output_target):
 *  - a symbolic link is followed to its target, which is then judged by
 *    these same rules; a dangling link is refused, as GNU cp refuses to
 *    write through one (the name it points to may be anyone's to create);
 *  - a regular file, or a name that does not exist yet, is replaced
 *    atomically (temporary file, fsync, rename: never half a file);
 *  - a character device or a FIFO is written in place (opened for writing,
 *    never created, replaced or chmod'ed) when it belongs to the user or
 *    to root: `-o /dev/stdout`, a terminal, a pipe;
 *  - someone else's FIFO or device is refused (on a shared server it would
 *    hand them the personal data), and so are a directory, a socket and a
 *    block device.
 * Messages are in the interface language (gettext). */
#ifndef TODOKE_FILEIO_H
#define TODOKE_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "todoke/diag.h"

/* Reads a whole regular file into a NUL-terminated buffer (*len excludes
 * the NUL); a directory, FIFO, device or socket is refused at once, never
 * waited on.
 * NUL bytes inside the file are kept; callers that want text check for them. */
bool file_read_all(const char *path, char **data, size_t *len, struct diag *err);
/* The same, with *st the fstat of the descriptor the bytes came from
 * (not a later stat of the name, which may be another file by then). */
bool file_read_all_st(const char *path, char **data, size_t *len, struct stat *st,
                      struct diag *err);

enum file_target {
	FILE_TARGET_NEW,      /* nothing there yet: created atomically */
	FILE_TARGET_REGULAR,  /* a regular file (perhaps through links): replaced atomically */
	FILE_TARGET_STREAM,   /* the user's or root's device or FIFO: written in place */
};

/* What a write of a document to path would do, by the rules above; false,
 * with the reason in err, when it is refused.  Writing checks again. */
bool file_output_target(const char *path, enum file_target *kind, struct diag *err);

/* Writes a document where the user pointed (`-o FILE`, the wizard's
 * export) by the rules above; a new or replaced file gets `mode`.  On any
 * failure a regular file is untouched. */
bool file_write_output(const char *path, const char *data, size_t len,
                       mode_t mode, struct diag *err);

/* Writes data to path atomically: a temporary file in the same directory
 * as the file (the target of a symbolic link), created with `mode` (0600
 * for answers), written, fsync'ed, renamed over it, then the directory
 * fsync'ed.  Only regular files and new names: anything else is refused.
 * On any failure the file is untouched and the temporary file removed. */
bool file_write_atomic(const char *path, const char *data, size_t len,
                       mode_t mode, struct diag *err);
/* The same, with *st the fstat of the file written (after fsync; the
 * rename keeps its inode): what this process wrote, not what a later
 * stat of the name finds. */
bool file_write_atomic_st(const char *path, const char *data, size_t len,
                          mode_t mode, struct stat *st, struct diag *err);

/* A team directory (todoke(1), --dir): setgid, its group may read, write
 * and enter it, others nothing (mode 2770).  Files in it are shared with
 * the group: file_mode_in() gives 0660 there, 0600 anywhere else. */
bool file_is_team_dir(const struct stat *st);
mode_t file_mode_in(const char *path);

/* A title made into a file name, for the documents written from it:
 * Japanese kept; spaces (U+3000 too), control characters and / \ : * ? "
 * < > | (refused by Windows) become one _; no leading . or -, so never a
 * hidden file or an option; at most max_bytes, cut between grapheme
 * clusters.  malloc'd; "" when nothing is left. */
char *file_name_from_title(const char *title, size_t max_bytes);

/* Writes all n bytes to fd, going on after EINTR and short writes. */
bool file_write_fd(int fd, const char *p, size_t n);

#endif
