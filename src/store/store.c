/* store — the directory of the user's incidents and what the start screen
 * shows of each. */
#include "todoke/store.h"

#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/check.h"
#include "todoke/datadir.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"

#define SUFFIX ".incident"

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* $HOME, else the password file; NULL when neither knows. */
static const char *home(void)
{
	const char *h = env("HOME");
	if (h)
		return h;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
}

char *store_dir(void)
{
	struct strbuf sb;
	const char *base;
	sb_init(&sb);
	if ((base = env("TODOKE_DIR")))
		sb_add(&sb, base);
	else if ((base = env("TODOKE_HOME")))
		sb_addf(&sb, "%s/incidents", base);
	/* The XDG spec says to ignore relative paths. */
	else if ((base = env("XDG_DATA_HOME")) && base[0] == '/')
		sb_addf(&sb, "%s/todoke/incidents", base);
	else if ((base = home()))
		sb_addf(&sb, "%s/.local/share/todoke/incidents", base);
	else {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

static bool no_dir(const char *dir, struct diag *err)
{
	if (dir)
		return false;
	diag_set(err, "", 0, "%s", _("cannot find your home directory: set HOME (or TODOKE_HOME)"));
	return true;
}

/* dir is the team directory chosen ($TODOKE_DIR, --dir). */
static bool is_team_path(const char *dir)
{
	const char *team = env("TODOKE_DIR");
	return team && strcmp(team, dir) == 0;
}

bool store_check_dir(const char *dir, struct diag *err)
{
	struct stat st;
	if (no_dir(dir, err))
		return false;
	if (stat(dir, &st) != 0) {
		if (errno == ENOENT && !is_team_path(dir))
			return true;  /* made 0700 when the first incident is */
		diag_set(err, dir, 0, _("cannot open the folder of incidents: %s"), strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_set(err, dir, 0, "%s", _("is not a directory"));
		return false;
	}
	if (is_team_path(dir)) {
		if (file_is_team_dir(&st))
			return true;
		diag_set(err, dir, 0, _("not a team directory (mode %04o): it must be setgid, of "
		         "the team's group and closed to others: chgrp TEAM DIR; chmod 2770 DIR"),
		         (unsigned)(st.st_mode & 07777));
		return false;
	}
	/* Someone who can rename or replace what is in it could read or change
	 * the answers: only a folder of one's own, writable by nobody else. */
	if (st.st_uid != geteuid()) {
		diag_set(err, dir, 0, _("the folder of incidents belongs to another user (uid %ld); "
		         "todoke keeps answers only in a folder of your own"), (long)st.st_uid);
		return false;
	}
	if (st.st_mode & 022) {
		diag_set(err, dir, 0, _("others can write to the folder of incidents (mode %04o): "
		         "chmod go-w it, or make it a team directory (todoke(1), --dir)"),
		         (unsigned)(st.st_mode & 07777));
		return false;
	}
	return true;
}

bool store_ensure_dir(const char *dir, struct diag *err)
{
	if (no_dir(dir, err))
		return false;
	if (!*dir) {
		diag_set(err, dir, 0, "%s", _("empty directory name"));
		return false;
	}
	/* A team directory is made by whoever runs the team (setgid, group). */
	if (is_team_path(dir))
		return store_check_dir(dir, err);
	char *p = xstrdup(dir);
	bool ok = true;
	/* Each prefix ending before a '/', then the whole path. */
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		struct stat st;
		if (mkdir(p, 0700) == 0) {
			/* Exactly 0700 whatever the umask. */
			if (chmod(p, 0700) != 0) {
				diag_set(err, p, 0, _("cannot set the mode of the new directory: %s"),
				         strerror(errno));
				ok = false;
			}
		} else if (errno != EEXIST || stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
			int e = errno == EEXIST ? ENOTDIR : errno;
			diag_set(err, p, 0, _("cannot create the directory: %s"), strerror(e));
			ok = false;
		}
		*s = c;
		if (!ok || !c)
			break;
		while (s[1] == '/')
			s++;
		if (!s[1])
			break;  /* trailing slash */
	}
	free(p);
	return ok;
}

static bool is_incident_name(const char *name)
{
	size_t n = strlen(name), k = strlen(SUFFIX);
	return name[0] != '.' && n > k && strcmp(name + n - k, SUFFIX) == 0;
}

static void today_or_clock(struct date *d)
{
	const char *why;
	if (date_today(d, &why))
		return;
	/* A malformed $TODOKE_TODAY: the counts shown do not depend on it, but
	 * "today" is still the date in Japan, as everywhere else. */
	*d = date_in_japan(time(NULL));
}

/* The title a file has before (or without) its description. */
static char *name_title(const char *name)
{
	size_t n = strlen(name), k = strlen(SUFFIX);
	return n > k && strcmp(name + n - k, SUFFIX) == 0 ? xstrndup(name, n - k) : xstrdup(name);
}

static void set_error(struct store_entry *e, struct diag *d)
{
	char buf[sizeof d->file + sizeof d->msg + 32];
	e->error = xstrdup(diag_format(d, buf, sizeof buf));
}

/* What stat says: the time, the key, and an error for a file that cannot
 * be one; true when the file is to be read (the entry then pending). */
static bool stat_entry(struct store_entry *e, const char *name)
{
	struct stat st;
	struct diag d;
	e->title = name_title(name);
	if (stat(e->path, &st) != 0) {
		diag_set(&d, e->path, 0, _("cannot read: %s"), strerror(errno));
		set_error(e, &d);
		return false;
	}
	e->mtime = st.st_mtime;
	if (!S_ISREG(st.st_mode)) {
		diag_set(&d, e->path, 0, "%s", _("is not a regular file"));
		set_error(e, &d);
		return false;  /* listed by stat alone: no key, never in the index */
	}
	store_fkey_of(&st, &e->key);
	e->pending = true;
	return true;
}

/* Reads a pending entry: its title, discovery date and progress, or why
 * it does not load. */
static void load_entry(struct store_entry *e, const struct formset *fs, struct date today)
{
	struct incident *inc = NULL;
	struct diag d;
	diag_clear(&d);
	e->pending = false;
	if (!incident_load(e->path, fs, &inc, &d)) {
		set_error(e, &d);
		return;
	}
	const char *title = incident_meta(inc, "title");
	if (title && title[strspn(title, " ")]) {
		free(e->title);
		e->title = xstrdup(title);
	}
	e->has_discovery = model_date(inc->answers, "discovery.date", &e->discovery);
	struct problems p = { 0 };
	check_incident(inc, today, &p);
	e->answered = p.answered;
	e->total = p.total;
	problems_release(&p);
	incident_free(&inc);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

bool store_describe(const char *path, const struct formset *fs, struct store_entry *e)
{
	memset(e, 0, sizeof *e);
	if (!path)
		return false;
	struct date today;
	today_or_clock(&today);
	e->path = xstrdup(path);
	e->lock = lock_probe(e->path, &e->owner);
	if (stat_entry(e, base_name(path)))
		load_entry(e, fs, today);
	return true;
}

static int newest_first(const void *pa, const void *pb)
{
	const struct store_entry *a = pa, *b = pb;
	if (a->mtime != b->mtime)
		return a->mtime > b->mtime ? -1 : 1;
	return strcmp(a->path, b->path);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folder's incidents, stat'ed, sorted, lock states probed: the lock
 * files (.NAME.lock) are in the same listing, so only those incidents are
 * probed. */
static bool scan(const char *dir, struct store_entry **out, size_t *n, struct stat *dst,
                 struct diag *err)
{
	*out = NULL;
	*n = 0;
	if (no_dir(dir, err) || !store_check_dir(dir, err))
		return false;
	/* Before reading it: a change while reading is then a later mtime. */
	if (dst && stat(dir, dst) != 0)
		memset(dst, 0, sizeof *dst);
	DIR *d = opendir(dir);
	if (!d) {
		if (errno == ENOENT)
			return true;
		diag_set(err, dir, 0, _("cannot list the incidents: %s"), strerror(errno));
		return false;
	}
	struct store_entry *v = NULL;
	size_t count = 0, cap = 0, nlocks = 0, lcap = 0;
	char **locks = NULL;
	size_t dlen = strlen(dir);
	const char *sep = dir[dlen - 1] == '/' ? "" : "/";
	size_t seplen = strlen(sep);
	bool ok = true;
	for (;;) {
		errno = 0;
		struct dirent *de = readdir(d);
		if (!de) {
			if (errno) {
				diag_set(err, dir, 0, _("cannot list the incidents: %s"), strerror(errno));
				ok = false;
			}
			break;
		}
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' && len > 6 && strcmp(de->d_name + len - 5, ".lock") == 0) {
			if (nlocks == lcap)
				locks = xrealloc(locks, (lcap = lcap ? lcap * 2 : 16) * sizeof *locks);
			locks[nlocks++] = xstrndup(de->d_name + 1, len - 6);
			continue;
		}
		if (!is_incident_name(de->d_name))
			continue;
		if (count == cap)
			v = xrealloc(v, (cap = cap ? cap * 2 : 64) * sizeof *v);
		struct store_entry *e = &v[count++];
		memset(e, 0, sizeof *e);
		e->path = xmalloc(dlen + seplen + len + 1);
		memcpy(e->path, dir, dlen);
		memcpy(e->path + dlen, sep, seplen);
		memcpy(e->path + dlen + seplen, de->d_name, len + 1);
		stat_entry(e, de->d_name);
	}
	closedir(d);
	if (nlocks)
		qsort(locks, nlocks, sizeof *locks, cmp_str);
	for (size_t i = 0; ok && nlocks && i < count; i++) {
		const char *name = base_name(v[i].path);
		if (bsearch(&name, locks, nlocks, sizeof *locks, cmp_str)) {
			v[i].lock_file = true;
			v[i].lock = lock_probe(v[i].path, &v[i].owner);
		}
	}
	for (size_t i = 0; i < nlocks; i++)
		free(locks[i]);
	free(locks);
	if (!ok) {
		store_entries_free(&v, count);
		return false;
	}
	if (count)
		qsort(v, count, sizeof *v, newest_first);
	*out = v;
	*n = count;
	return true;
}

struct store_list {
	char *dir;
	const struct formset *fs;
	struct date today;
	struct store_entry *v;
	size_t n, done, next;
	char *index_path, *stamp;
	bool dirty;                /* described rows the index has not */
	struct stat dir_st;        /* the folder, just before it was read */
	time_t scanned;
};

/* Takes r's description into a pending entry. */
static void take_row(struct store_entry *e, const struct store_irow *r)
{
	e->pending = false;
	if (r->title) {
		free(e->title);
		e->title = xstrdup(r->title);
	}
	e->error = r->error ? xstrdup(r->error) : NULL;
	e->has_discovery = r->has_discovery;
	e->discovery = r->discovery;
	e->answered = r->answered;
	e->total = r->total;
}

/* Puts e's description into x as the row of name. */
static void put_row(const struct store_entry *e, const char *name, struct store_index *x)
{
	char *fallback = name_title(base_name(e->path));
	struct store_irow r = {
		.name = NULL,
		.key = e->key,
		.title = strcmp(e->title, fallback) != 0 ? e->title : NULL,
		.has_discovery = e->has_discovery,
		.discovery = e->discovery,
		.answered = e->answered,
		.total = e->total,
		.error = e->error,
	};
	char *n = xstrdup(name);
	r.name = n;
	store_index_put(x, &r);
	free(n);
	free(fallback);
}

/* Takes what x knows of each pending entry; returns how many. */
static size_t from_index(struct store_list *l, const struct store_index *x)
{
	size_t got = 0;
	for (size_t i = 0; i < l->n; i++) {
		struct store_entry *e = &l->v[i];
		const struct store_irow *r = e->pending
		                             ? store_index_find(x, base_name(e->path), &e->key) : NULL;
		if (!r)
			continue;
		take_row(e, r);
		l->done++;
		got++;
	}
	return got;
}

/* The rows described (from the index or read), in the list's order. */
static void described(const struct store_list *l, struct store_index *x)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct store_entry *e = &l->v[i];
		if (e->pending || !e->key.ino)
			continue;  /* never read, or not a file: nothing to keep */
		put_row(e, base_name(e->path), x);
	}
}

bool store_describe_indexed(const char *path, const char *name, const struct formset *fs,
                            const struct store_index *x, struct store_entry *e)
{
	memset(e, 0, sizeof *e);
	if (!path)
		return false;
	e->path = xstrdup(path);
	e->lock = lock_probe(e->path, &e->owner);
	if (!stat_entry(e, base_name(path)))
		return true;
	const struct store_irow *r = store_index_find(x, name, &e->key);
	if (r) {
		take_row(e, r);
		return true;
	}
	struct date today;
	today_or_clock(&today);
	load_entry(e, fs, today);
	return true;
}

void store_index_put_entry(struct store_index *x, const char *name, const struct store_entry *e)
{
	if (!e->pending && e->key.ino)
		put_row(e, name, x);
}

struct store_list *store_list_open(const char *dir, const struct formset *fs,
                                   struct store_list *prev, struct diag *err)
{
	struct store_entry *v;
	size_t n;
	struct stat dst;
	time_t now = time(NULL);
	if (!scan(dir, &v, &n, &dst, err))
		return NULL;
	struct store_list *l = xcalloc(1, sizeof *l);
	l->dir_st = dst;
	l->scanned = now;
	l->dir = xstrdup(dir);
	l->fs = fs;
	l->v = v;
	l->n = n;
	for (size_t i = 0; i < n; i++)
		l->done += !v[i].pending;
	struct store_index x;
	store_index_init(&x);
	if (prev && strcmp(prev->dir, dir) == 0) {
		described(prev, &x);
		size_t got = from_index(l, &x);
		/* What prev had not written yet is written with this list. */
		l->dirty = prev->dirty || got != x.n;
		prev->dirty = false;
		l->index_path = prev->index_path;
		l->stamp = prev->stamp;
		prev->index_path = prev->stamp = NULL;
		store_index_release(&x);
	}
	/* An empty folder reads no index (the first start stays cheap). */
	if (l->done < n && !l->index_path) {
		l->index_path = store_index_path(dir);
		l->stamp = store_index_stamp(dir, todoke_datadir());
		store_index_read(l->index_path, l->stamp, &x);
		size_t got = from_index(l, &x);
		/* Rows of files gone or changed are dropped at the next write. */
		l->dirty = l->dirty || got != x.n;
		store_index_release(&x);
	}
	return l;
}

struct store_entry *store_list_entries(struct store_list *l, size_t *n)
{
	*n = l ? l->n : 0;
	return l ? l->v : NULL;
}

size_t store_list_done(const struct store_list *l)
{
	return l ? l->done : 0;
}

static void write_index(struct store_list *l)
{
	if (!l->dirty || !l->index_path)
		return;
	struct store_index x;
	store_index_init(&x);
	described(l, &x);
	store_index_write(l->index_path, l->stamp, &x);
	store_index_release(&x);
	l->dirty = false;
}

void store_list_describe(struct store_list *l, size_t i)
{
	if (!l || i >= l->n || !l->v[i].pending)
		return;
	if (!l->today.y)
		today_or_clock(&l->today);  /* on first use: an empty list needs none */
	load_entry(&l->v[i], l->fs, l->today);
	l->done++;
	l->dirty = true;
	if (l->done == l->n)
		write_index(l);
}

bool store_list_fill(struct store_list *l, size_t max)
{
	if (!l)
		return true;
	for (; l->next < l->n && max; l->next++)
		if (l->v[l->next].pending) {
			store_list_describe(l, l->next);
			max--;
		}
	while (l->next < l->n && !l->v[l->next].pending)
		l->next++;
	return l->next >= l->n;
}

static bool same_time(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* The folder as it was listed: the same names (no file made, removed or
 * renamed in it since, so neither an incident nor a lock file).  Its times
 * come from a coarse clock: one of the second of the listing proves
 * nothing. */
static bool same_names(const struct store_list *l)
{
	struct stat st;
	return l->dir_st.st_ino && stat(l->dir, &st) == 0 && st.st_ino == l->dir_st.st_ino &&
	       st.st_dev == l->dir_st.st_dev && same_time(&st.st_mtim, &l->dir_st.st_mtim) &&
	       same_time(&st.st_ctim, &l->dir_st.st_ctim) && l->scanned > st.st_mtime + 1 &&
	       l->scanned > st.st_ctime + 1;
}

bool store_list_changed(struct store_list *l)
{
	if (!l)
		return false;
	if (same_names(l)) {
		/* Only the files and the locks can have changed. */
		for (size_t i = 0; i < l->n; i++) {
			const struct store_entry *e = &l->v[i];
			struct stat st;
			struct store_fkey k;
			if (stat(e->path, &st) != 0) {
				if (e->key.ino || e->mtime)
					return true;
				continue;
			}
			memset(&k, 0, sizeof k);
			if (S_ISREG(st.st_mode))
				store_fkey_of(&st, &k);
			if (st.st_mtime != e->mtime || !store_fkey_eq(&k, &e->key))
				return true;
			struct lock_owner o;
			if (e->lock_file && lock_probe(e->path, &o) != e->lock)
				return true;
		}
		return false;
	}
	struct store_entry *v;
	size_t n;
	struct diag d;
	struct stat dst;
	time_t now = time(NULL);
	if (!scan(l->dir, &v, &n, &dst, &d))
		return false;
	bool changed = n != l->n;
	for (size_t i = 0; !changed && i < n; i++)
		changed = strcmp(v[i].path, l->v[i].path) != 0 || v[i].lock != l->v[i].lock ||
		          v[i].mtime != l->v[i].mtime || !store_fkey_eq(&v[i].key, &l->v[i].key);
	store_entries_free(&v, n);
	if (!changed) {
		/* The same as listed: the next check may take the short way. */
		l->dir_st = dst;
		l->scanned = now;
	}
	return changed;
}

void store_list_free(struct store_list **pl)
{
	struct store_list *l = pl ? *pl : NULL;
	if (!l)
		return;
	write_index(l);
	store_entries_free(&l->v, l->n);
	free(l->dir);
	free(l->index_path);
	free(l->stamp);
	free(l);
	*pl = NULL;
}

bool store_list(const char *dir, const struct formset *fs,
                struct store_entry **out, size_t *n, struct diag *err)
{
	*out = NULL;
	*n = 0;
	struct store_list *l = store_list_open(dir, fs, NULL, err);
	if (!l)
		return false;
	store_list_fill(l, SIZE_MAX);
	write_index(l);
	*out = l->v;
	*n = l->n;
	l->v = NULL;
	l->n = 0;
	store_list_free(&l);
	return true;
}

void store_entries_free(struct store_entry **pe, size_t n)
{
	struct store_entry *e = pe ? *pe : NULL;
	if (!e)
		return;
	for (size_t i = 0; i < n; i++) {
		free(e[i].path);
		free(e[i].title);
		free(e[i].error);
	}
	free(e);
	*pe = NULL;
}

/* Whether name is taken: the file, or a lock of a session not saved yet.
 * Only a sure "no such file" counts as free; on other errors the name is
 * taken as free too, and saving there will report the real problem. */
static bool taken(const char *path)
{
	struct stat st;
	if (lstat(path, &st) == 0)
		return true;
	if (errno != ENOENT)
		return false;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	struct strbuf lk;
	sb_init(&lk);
	sb_addn(&lk, path, (size_t)(base - path));
	sb_addf(&lk, ".%s.lock", base);
	bool t = lstat(lk.buf, &st) == 0;
	sb_release(&lk);
	return t;
}

char *store_new_path(const char *dir, struct date today)
{
	if (!dir)
		return NULL;
	char iso[16];
	date_format_iso(today, iso, sizeof iso);
	const char *sep = !*dir || dir[strlen(dir) - 1] == '/' ? "" : "/";
	struct strbuf sb;
	sb_init(&sb);
	for (unsigned k = 1;; k++) {
		sb.len = 0;
		sb.buf[0] = '\0';
		if (k == 1)
			sb_addf(&sb, "%s%s%s" SUFFIX, dir, sep, iso);
		else
			sb_addf(&sb, "%s%s%s-%u" SUFFIX, dir, sep, iso, k);
		if (!taken(sb.buf))
			break;
	}
	return sb_detach(&sb);
}
