/* store — the user's saved incidents, for the wizard's start screen.
 *
 * Incidents live as NAME.incident in one directory per user (store_dir()).
 * Dot files there (lock files, temporary files of atomic writes) are never
 * incidents. */
#ifndef TODOKE_STORE_H
#define TODOKE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "todoke/date.h"
#include "todoke/diag.h"
#include "todoke/fileid.h"
#include "todoke/form.h"
#include "todoke/lock.h"

struct store_entry {
	char *path;
	char *title;             /* [incident] title:, or the file name without .incident */
	bool has_discovery;
	struct date discovery;   /* answer "discovery.date" */
	time_t mtime;            /* last change */
	size_t answered, total;  /* completeness, from check_incident() (check.h) */
	char *error;             /* NULL, or why the file cannot be read
	                            (diag formatted "FILE:LINE: msg") */
	enum lock_result lock;   /* from lock_probe(): LOCK_OK, LOCK_HELD (in use),
	                            LOCK_TAKEN_STALE (interrupted: recover),
	                            LOCK_ERROR (lock file unexaminable) */
	struct lock_owner owner; /* who holds it, for HELD and TAKEN_STALE */
};

/* $TODOKE_DIR (a team directory, chosen with --dir) if set, else
 * $TODOKE_HOME/incidents if TODOKE_HOME is set (tests), else
 * $XDG_DATA_HOME/todoke/incidents (when absolute, as the XDG spec asks),
 * else ~/.local/share/todoke/incidents ($HOME, else the password file).
 * Returns a malloc'd path, or NULL when no home directory can be found;
 * the functions below accept that NULL and report it as an error. */
char *store_dir(void);

/* Whether dir may hold answers: the user's own and writable by nobody
 * else, or, when it is the team directory chosen, a team directory
 * (fileio.h: setgid, 2770).  A missing personal dir is fine (made 0700); false with the
 * reason otherwise. */
bool store_check_dir(const char *dir, struct diag *err);

/* Creates the directory and any missing parents with mode 0700.  Existing
 * ones are left as they are (store_check_dir judges the store).  The team
 * directory is never made, only checked. */
bool store_ensure_dir(const char *dir, struct diag *err);

/* Every NAME.incident in dir (not dot files, so not lock files), newest
 * first by mtime (then by name); unreadable or broken files are listed
 * with `error` set, never skipped silently.  A missing dir is an empty
 * list, not an error.  On false (dir unreadable) *out is NULL, *n 0. */
bool store_list(const char *dir, const struct formset *fs,
                struct store_entry **out, size_t *n, struct diag *err);
void store_entries_free(struct store_entry **e, size_t n);

/* A new file name in dir for an incident started on `today`:
 * "2026-11-22.incident", then "2026-11-22-2.incident", …: never the name
 * of an existing file, nor of one whose lock file exists (a session that
 * has not saved yet).  Two sessions asking at the same moment can still
 * get the same name: take its lock (lock_acquire) before creating the
 * file, and on LOCK_HELD ask again.  malloc'd; NULL when dir is NULL. */
char *store_new_path(const char *dir, struct date today);

/* The temporary files a save of path that was cut short (kill -9, power
 * off before the rename) left beside it, .NAME.XXXXXX: the newest one not
 * older than path that reads whole as an incident is returned (malloc'd)
 * for the caller to offer and then remove; every other one of the user's
 * is removed, as it holds personal data and nothing more.  NULL when there
 * is none.  Call only while holding path's lock (no save of it runs). */
char *store_leftover(const char *path, const struct formset *fs);

/* incident_load, and *id the identity of the bytes parsed, taken from the
 * descriptor they were read from: a write by someone else just after the
 * read is noticed at the next save, never taken for what was read
 * (load.c).  With text: the bytes themselves too, malloc'd. */
struct incident;
bool store_load(const char *path, const struct formset *fs, struct incident **out,
                struct file_id *id, char **text, size_t *len, struct diag *err);

#endif
