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
#include "todoke/storeindex.h"

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
	time_t deleted;          /* in the trash (store_trash_list): when deleted */
	bool pending;            /* store_list_open: not described yet (title is
	                            the file name, no counts): store_list_fill */
	struct store_fkey key;   /* the file's identity when it was listed */
	bool lock_file;          /* its lock file was in the listing */
};

/* One incident file described as store_list describes each (its path
 * copied); false only when path is NULL.  Release with
 * store_entries_free on an array of one, or free its strings. */
bool store_describe(const char *path, const struct formset *fs, struct store_entry *e);

/* store_describe with an index (storeindex.h): a row of x for the same
 * file under name is taken instead of reading it.  The trash's list. */
bool store_describe_indexed(const char *path, const char *name, const struct formset *fs,
                            const struct store_index *x, struct store_entry *e);
/* Puts e's description into x as the row of name (none for a file that
 * is not described, or not a regular file). */
void store_index_put_entry(struct store_index *x, const char *name, const struct store_entry *e);

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

/* The same list, read in two steps so that the start screen draws at once
 * with thousands of incidents: store_list_open reads the folder (readdir
 * and stat, no file opened), sorts it as store_list does and takes each
 * entry's description from the index (storeindex.h) where it is fresh;
 * the others are `pending` until store_list_describe (the rows shown) or
 * store_list_fill (the rest, between keys) reads them.  Lock states are
 * probed at open, for the incidents that have a lock file.  What was
 * described is written to the index when the list is complete and at
 * store_list_free.  With prev (the same folder's list, read before: a
 * refresh), what it described of files unchanged is taken from it first.
 * NULL with err as store_list fails. */
struct store_list;
struct store_list *store_list_open(const char *dir, const struct formset *fs,
                                   struct store_list *prev, struct diag *err);
/* The entries (valid until the list is freed) and their number. */
struct store_entry *store_list_entries(struct store_list *l, size_t *n);
/* How many are described (not pending). */
size_t store_list_done(const struct store_list *l);
/* Describes entry i if it is pending. */
void store_list_describe(struct store_list *l, size_t i);
/* Describes up to max pending entries, in the list's order; true when none
 * is pending any more. */
bool store_list_fill(struct store_list *l, size_t max);
/* Whether the folder now lists otherwise: another file, another order, a
 * file changed, or a lock state changed (reads the folder again, no file). */
bool store_list_changed(struct store_list *l);
void store_list_free(struct store_list **l);

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

/* ---- what the start screen does to an incident (edit.c, trash.c) ------
 *
 * Each takes the incident's lock for as long as it works (store_take):
 * one open in another session (LOCK_HELD) is refused with who has it, and
 * so is an interrupted one (a dead session's lock), which is opened first
 * to recover what that session left. */

/* The incident's lock when nobody else has it (*lk, to lock_release);
 * false with err naming the file and who holds it otherwise. */
bool store_take(const char *path, struct lock **lk, struct diag *err);

/* Renaming: the name the list shows is the incident's title ([incident]
 * title:), so that is what changes; the file, its lock, its history and
 * its submissions keep their names.  The change is saved and committed
 * like any answer.  A name with control characters, not UTF-8, or empty
 * is refused (err names it). */
bool store_rename(const char *path, const struct formset *fs, const char *title,
                  struct diag *err);

/* A new incident in the same folder with the same answers, for a similar
 * case: a new file (store_new_path), titled "TITLE (copy)", its history
 * beginning with the copy — the original's versions and submissions stay
 * the original's.  Returns its path (malloc'd), or NULL with err. */
char *store_duplicate(const char *path, const struct formset *fs, struct date today,
                      struct diag *err);

/* The trash of the store dir: DIR/.trash (malloc'd; NULL for NULL). */
char *store_trash_dir(const char *dir);

/* Deleting: the incident moves into the trash, DIR/.trash/NAME-XXXXXX/
 * (0700, or 2770 in a team directory; the file keeps its mode), with its
 * history and submissions, which leave DIR's repository (history_copy,
 * then history_remove): nothing of it stays outside its trash folder.
 * False with err when it cannot be moved (nothing changed then), or, the
 * file already in the trash, when the store's history could not forget
 * it (err says so). */
bool store_trash(const char *path, struct diag *err);

/* The incidents in the trash, most recently deleted first, described as
 * store_list does (path: the file in its trash folder; deleted set).  No
 * trash: an empty list.  A trash folder without its incident, older than a
 * minute (a deletion cut short before the file moved: the incident is
 * still in the store), is removed: it holds a copy of a history only. */
bool store_trash_list(const char *dir, const struct formset *fs, struct store_entry **out,
                      size_t *n, struct diag *err);

/* Brings an incident of the trash (its path there) back into the store
 * with its history and submissions: under its own name when that is
 * free, else NAME-2.incident, …  Returns the path it now has (malloc'd),
 * or NULL with err (it stays in the trash). */
char *store_restore(const char *trashed, struct diag *err);

/* Empties one trash folder: the incident, its history and sent copies are
 * removed for good (copies pushed elsewhere are not reached).  */
bool store_purge(const char *trashed, struct diag *err);

#endif
