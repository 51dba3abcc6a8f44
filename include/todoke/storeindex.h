/* storeindex — the user's cache of what the start screen shows of each
 * incident (store.h's store_list), so that a folder of thousands opens at
 * once instead of after parsing and checking every file.
 *
 * One file per folder of incidents, in the user's cache directory
 * ($TODOKE_HOME/cache when TODOKE_HOME is set, as for tests, else
 * $XDG_CACHE_HOME/todoke when absolute, else ~/.cache/todoke), made 0700,
 * the file 0600 and written atomically: titles come from answers, so it is
 * kept like answers, per user even for a team directory.
 *
 * A row is trusted only for the same file: its name and its device, inode,
 * size, mtime and ctime (to the nanosecond: ctime cannot be set back, so a
 * file rewritten to its old size and mtime is still noticed).  The whole
 * index is trusted only under the same stamp: the folder, the program's
 * version, the forms and registry it was computed with (their identities
 * and times) and the language of its messages.  The counts shown do not
 * depend on today's date (check_incident counts units, not problems).
 *
 * The reader is all or nothing and bounded (STORE_INDEX_MAX_*): anything
 * else — damaged, truncated, someone else's, another folder's, another
 * version's — is no index at all, and the list is described again.  It is
 * a cache: nothing is said to the user about it. */
#ifndef TODOKE_STOREINDEX_H
#define TODOKE_STOREINDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "todoke/date.h"

struct strbuf;

#define STORE_INDEX_MAX_BYTES  (64u << 20)   /* the whole file */
#define STORE_INDEX_MAX_ROWS   1000000u
#define STORE_INDEX_MAX_TEXT   16384u        /* one name, title or error */

/* What makes a row stale. */
struct store_fkey {
	uint64_t dev, ino, size;
	int64_t mtime_s, mtime_ns, ctime_s, ctime_ns;
};
void store_fkey_of(const struct stat *st, struct store_fkey *k);
bool store_fkey_eq(const struct store_fkey *a, const struct store_fkey *b);

/* What a row of the list shows of a file, as store_describe computes it. */
struct store_irow {
	char *name;              /* the file's name in the folder indexed (the
	                            trash's: FOLDER/FILE); a key, never a path */
	struct store_fkey key;
	char *title;             /* NULL: the file name is the title */
	bool has_discovery;
	struct date discovery;
	size_t answered, total;
	char *error;             /* NULL, or why it does not load */
};

struct store_index {
	struct store_irow *rows;
	size_t n, cap;
	size_t *slot, nslot;     /* open addressing by name: row + 1, 0 empty */
};

void store_index_init(struct store_index *x);
void store_index_release(struct store_index *x);

/* The row of name when it was computed for a file of that key; else NULL. */
const struct store_irow *store_index_find(const struct store_index *x, const char *name,
                                          const struct store_fkey *key);
/* Adds a copy of r, replacing a row of the same name. */
void store_index_put(struct store_index *x, const struct store_irow *r);

/* The stamp of dir's rows computed with the forms of datadir (malloc'd):
 * any change of it makes the whole index stale. */
char *store_index_stamp(const char *dir, const char *datadir);

/* The text of the index, stamped; rows that the reader would refuse (too
 * long) are left out, to be described again. */
void store_index_format(const struct store_index *x, const char *stamp, struct strbuf *out);
/* Parses text; all or nothing: false (and *x empty) for any fault, a
 * missing end, more than the bounds, or another stamp. */
bool store_index_parse(const char *text, size_t len, const char *stamp, struct store_index *x);

/* The file of dir's index (malloc'd), NULL when there is no cache home. */
char *store_index_path(const char *dir);
/* Reads it: only a regular file of the user's, closed to others, in a
 * directory of the user's closed to others, not over the bounds.  False,
 * *x empty, otherwise. */
bool store_index_read(const char *path, const char *stamp, struct store_index *x);
/* Writes it atomically, 0600, making the cache directory 0700 first;
 * false (nothing written) when the directory is not the user's alone. */
bool store_index_write(const char *path, const char *stamp, const struct store_index *x);

#endif
