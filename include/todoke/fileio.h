/* fileio — whole-file reads and crash-safe writes of files holding answers. */
#ifndef TODOKE_FILEIO_H
#define TODOKE_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "todoke/diag.h"

/* Reads a whole file into a NUL-terminated buffer (*len excludes the NUL).
 * NUL bytes inside the file are kept; callers that want text check for them. */
bool file_read_all(const char *path, char **data, size_t *len, struct diag *err);

/* Writes data to path atomically: a temporary file in the same directory,
 * created with `mode` (0600 for answers), written, fsync'ed, renamed over
 * path, then the directory fsync'ed.  On any failure path is untouched and
 * the temporary file removed. */
bool file_write_atomic(const char *path, const char *data, size_t len,
                       mode_t mode, struct diag *err);

/* Writes all n bytes to fd, going on after EINTR and short writes. */
bool file_write_fd(int fd, const char *p, size_t n);

#endif
