/* trash — deleted incidents, kept until the trash is emptied (store.h).
 *
 * DIR/.trash/NAME-XXXXXX/ holds one deleted incident: NAME.incident as it
 * was and, in .todoke-history, its own history and submissions (moved
 * there from DIR's repository: history_copy, then history_remove).  One
 * folder each, so that restoring carries one history back and purging
 * removes one folder whole.  Modes as the store's: 0700, or 2770 in a
 * team directory. */
#include "todoke/store.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "todoke/datadir.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

#define TRASH ".trash"

static char *join(const char *a, const char *b)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s%s%s", a, *a && a[strlen(a) - 1] == '/' ? "" : "/", b);
	return sb_detach(&sb);
}

static char *parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *store_trash_dir(const char *dir)
{
	return dir ? join(dir, TRASH) : NULL;
}

/* A folder of the store's mode: 2770 when the store is a team directory
 * (setgid: the group passes down), else 0700, whatever the umask. */
static bool make_folder(const char *path, const char *store, struct diag *err)
{
	struct stat st;
	bool team = stat(store, &st) == 0 && (st.st_mode & S_ISGID);
	mode_t mode = team ? 02770 : 0700;
	if (mkdir(path, 0700) != 0 && errno != EEXIST) {
		diag_set(err, path, 0, _("cannot create the directory: %s"), strerror(errno));
		return false;
	}
	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
		if (!(lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && team &&
		      (st.st_mode & 07777) == mode)) {
			diag_set(err, path, 0, "%s", _("the trash is not a folder of this store's mode"));
			return false;
		}
		return true;  /* a team member's: already right */
	}
	if ((st.st_mode & 07777) != mode && chmod(path, mode) != 0) {
		diag_set(err, path, 0, _("cannot set the mode of the new directory: %s"),
		         strerror(errno));
		return false;
	}
	return true;
}

/* A new entry folder DIR/.trash/NAME-XXXXXX. */
static char *new_entry(const char *dir, const char *name, struct diag *err)
{
	char *trash = store_trash_dir(dir);
	if (!make_folder(trash, dir, err)) {
		free(trash);
		return NULL;
	}
	size_t n = strlen(name);
	if (n > 9 && strcmp(name + n - 9, ".incident") == 0)
		n -= 9;
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/%.*s-XXXXXX", trash, (int)n, name);
	free(trash);
	if (!mkdtemp(sb.buf)) {
		diag_set(err, sb.buf, 0, _("cannot create the directory: %s"), strerror(errno));
		sb_release(&sb);
		return NULL;
	}
	if (!make_folder(sb.buf, dir, err)) {
		rmdir(sb.buf);
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

/* Removes a folder and all in it (not following links). */
static bool remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0;
	DIR *d = opendir(path);
	bool ok = d != NULL;
	for (struct dirent *e; d && (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = join(path, e->d_name);
		ok &= remove_tree(p);
		free(p);
	}
	if (d)
		closedir(d);
	return ok && rmdir(path) == 0;
}

bool store_trash(const char *path, struct diag *err)
{
	struct lock *lk;
	if (!store_take(path, &lk, err))
		return false;
	struct stat st;
	char *dir = parent_of(path), *entry = NULL, *moved = NULL;
	bool ok = false;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_set(err, path, 0, "%s", _("is not a regular file"));
		goto out;
	}
	if (!(entry = new_entry(dir, base_of(path), err)))
		goto out;
	moved = join(entry, base_of(path));
	/* The history first: should anything stop half-way, it is then in
	 * both places, never in none. */
	if (!history_copy(path, moved, err))
		goto undo;
	if (rename(path, moved) != 0) {
		diag_set(err, path, 0, _("cannot move it to the trash: %s"), strerror(errno));
		goto undo;
	}
	/* Only now does the store's repository forget it.  Should that fail
	 * the incident is in the trash all the same, and err says what stayed. */
	ok = history_remove(path, err);
	if (ok)
		diag_clear(err);
	goto out;
undo:
	remove_tree(entry);
out:
	lock_release(&lk);
	free(moved);
	free(entry);
	free(dir);
	return ok;
}

/* The incident file inside an entry folder. */
static char *entry_file(const char *entry)
{
	DIR *d = opendir(entry);
	char *found = NULL;
	size_t k = strlen(".incident");
	for (struct dirent *e; d && !found && (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] != '.' && n > k && strcmp(e->d_name + n - k, ".incident") == 0)
			found = join(entry, e->d_name);
	}
	if (d)
		closedir(d);
	return found;
}

static int newest_deleted_first(const void *pa, const void *pb)
{
	const struct store_entry *a = pa, *b = pb;
	if (a->deleted != b->deleted)
		return a->deleted > b->deleted ? -1 : 1;
	return strcmp(a->path, b->path);
}

bool store_trash_list(const char *dir, const struct formset *fs, struct store_entry **out,
                      size_t *n, struct diag *err)
{
	*out = NULL;
	*n = 0;
	if (!dir) {
		diag_set(err, "", 0, "%s", _("cannot find your home directory: set HOME (or TODOKE_HOME)"));
		return false;
	}
	char *trash = store_trash_dir(dir);
	DIR *d = opendir(trash);
	if (!d) {
		bool none = errno == ENOENT;
		if (!none)
			diag_set(err, trash, 0, _("cannot list the incidents: %s"), strerror(errno));
		free(trash);
		return none;
	}
	struct store_entry *v = NULL;
	size_t count = 0;
	/* The rows of the incidents in the trash, as the start screen's: an
	 * index of the trash folder, its rows named FOLDER/FILE. */
	struct store_index x;
	store_index_init(&x);
	char *ipath = NULL, *stamp = NULL;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char *entry = join(trash, e->d_name), *file = entry_file(entry);
		struct stat st;
		/* A folder without its incident is a deletion cut short before
		 * the file moved: the incident and its history are still in the
		 * store, and this is a copy of that history, which goes (after a
		 * minute: another session may be deleting right now). */
		if (!file && lstat(entry, &st) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_uid == geteuid() && time(NULL) - st.st_mtime > 60)
			remove_tree(entry);
		if (file && stat(entry, &st) == 0) {
			struct store_entry one;
			if (!ipath) {
				ipath = store_index_path(trash);
				stamp = store_index_stamp(trash, todoke_datadir());
				store_index_read(ipath, stamp, &x);
			}
			if (store_describe_indexed(file, file + strlen(trash) + 1, fs, &x, &one)) {
				/* The folder was made, and last written, as it was deleted. */
				one.deleted = st.st_mtime;
				v = xrealloc(v, (count + 1) * sizeof *v);
				v[count++] = one;
			}
		}
		free(file);
		free(entry);
	}
	closedir(d);
	/* Written again when it is not exactly the rows listed. */
	struct store_index now;
	store_index_init(&now);
	for (size_t i = 0; i < count; i++)
		store_index_put_entry(&now, v[i].path + strlen(trash) + 1, &v[i]);
	bool same = now.n == x.n;
	for (size_t i = 0; same && i < now.n; i++)
		same = store_index_find(&x, now.rows[i].name, &now.rows[i].key) != NULL;
	if (ipath && !same)
		store_index_write(ipath, stamp, &now);
	store_index_release(&now);
	store_index_release(&x);
	free(ipath);
	free(stamp);
	free(trash);
	if (count)
		qsort(v, count, sizeof *v, newest_deleted_first);
	*out = v;
	*n = count;
	return true;
}

/* The store's name for a restored incident: its own when free (no file,
 * lock or history of that name), else NAME-2.incident, … */
static char *free_name(const char *dir, const char *name)
{
	size_t n = strlen(name);
	if (n > 9 && strcmp(name + n - 9, ".incident") == 0)
		n -= 9;
	struct strbuf sb;
	sb_init(&sb);
	for (unsigned k = 1;; k++) {
		sb.len = 0;
		sb.buf[0] = '\0';
		if (k == 1)
			sb_addf(&sb, "%s/%.*s.incident", dir, (int)n, name);
		else
			sb_addf(&sb, "%s/%.*s-%u.incident", dir, (int)n, name, k);
		char *lock = join(dir, "");
		struct strbuf lk;
		sb_init(&lk);
		sb_addf(&lk, "%s.%s.lock", lock, base_of(sb.buf));
		free(lock);
		struct stat st;
		bool taken = lstat(sb.buf, &st) == 0 || lstat(lk.buf, &st) == 0 ||
		             history_has(sb.buf);
		sb_release(&lk);
		if (!taken)
			break;
	}
	return sb_detach(&sb);
}

char *store_restore(const char *trashed, struct diag *err)
{
	char *entry = parent_of(trashed), *trash = parent_of(entry), *dir = parent_of(trash);
	char *to = NULL;
	struct lock *lk = NULL, *tlk = NULL;
	bool ok = false;
	if (strcmp(base_of(trash), TRASH) != 0) {
		diag_set(err, trashed, 0, "%s", _("is not in the trash"));
		goto out;
	}
	if (!store_take(trashed, &tlk, err))
		goto out;  /* another session restores or purges it */
	for (int tries = 0; tries < 100 && !lk; tries++) {
		free(to);
		to = free_name(dir, base_of(trashed));
		if (lock_acquire(to, &lk, NULL, err) == LOCK_ERROR)
			goto out;
	}
	if (!lk)
		goto out;
	if (!history_copy(trashed, to, err))
		goto out;
	if (rename(trashed, to) != 0) {
		diag_set(err, trashed, 0, _("cannot restore it: %s"), strerror(errno));
		struct diag ignored;  /* the copy made goes again; err says why */
		history_remove(to, &ignored);
		goto out;
	}
	ok = true;
	lock_release(&tlk);
	/* Its history is back in the store: the entry's copy goes. */
	remove_tree(entry);
	diag_clear(err);
out:
	lock_release(&tlk);
	lock_release(&lk);
	free(entry);
	free(trash);
	free(dir);
	if (!ok) {
		free(to);
		to = NULL;
	}
	return to;
}

bool store_purge(const char *trashed, struct diag *err)
{
	char *entry = parent_of(trashed), *trash = parent_of(entry);
	bool ok = false;
	struct lock *lk = NULL;
	if (strcmp(base_of(trash), TRASH) != 0)
		diag_set(err, trashed, 0, "%s", _("is not in the trash"));
	else if (store_take(trashed, &lk, err)) {
		lock_release(&lk);
		ok = remove_tree(entry);
		if (!ok)
			diag_set(err, entry, 0, _("cannot remove it: %s"), strerror(errno));
	}
	free(entry);
	free(trash);
	return ok;
}
