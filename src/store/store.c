/* store — the directory of the user's incidents and what the start screen
 * shows of each. */
#include "todoke/store.h"

#include <dirent.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/check.h"
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

static void describe(struct store_entry *e, const char *name,
                     const struct formset *fs, struct date today)
{
	struct stat st;
	struct diag d;
	char buf[sizeof d.file + sizeof d.msg + 32];
	size_t n = strlen(name);
	e->title = n > strlen(SUFFIX) && strcmp(name + n - strlen(SUFFIX), SUFFIX) == 0
	           ? xstrndup(name, n - strlen(SUFFIX)) : xstrdup(name);
	e->lock = lock_probe(e->path, &e->owner);
	if (stat(e->path, &st) != 0) {
		diag_set(&d, e->path, 0, _("cannot read: %s"), strerror(errno));
		e->error = xstrdup(diag_format(&d, buf, sizeof buf));
		return;
	}
	e->mtime = st.st_mtime;
	if (!S_ISREG(st.st_mode)) {
		diag_set(&d, e->path, 0, "%s", _("is not a regular file"));
		e->error = xstrdup(diag_format(&d, buf, sizeof buf));
		return;
	}
	struct incident *inc = NULL;
	diag_clear(&d);
	if (!incident_load(e->path, fs, &inc, &d)) {
		e->error = xstrdup(diag_format(&d, buf, sizeof buf));
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

bool store_describe(const char *path, const struct formset *fs, struct store_entry *e)
{
	memset(e, 0, sizeof *e);
	if (!path)
		return false;
	struct date today;
	today_or_clock(&today);
	e->path = xstrdup(path);
	const char *slash = strrchr(path, '/');
	describe(e, slash ? slash + 1 : path, fs, today);
	return true;
}

static int newest_first(const void *pa, const void *pb)
{
	const struct store_entry *a = pa, *b = pb;
	if (a->mtime != b->mtime)
		return a->mtime > b->mtime ? -1 : 1;
	return strcmp(a->path, b->path);
}

bool store_list(const char *dir, const struct formset *fs,
                struct store_entry **out, size_t *n, struct diag *err)
{
	*out = NULL;
	*n = 0;
	if (no_dir(dir, err) || !store_check_dir(dir, err))
		return false;
	DIR *d = opendir(dir);
	if (!d) {
		if (errno == ENOENT)
			return true;
		diag_set(err, dir, 0, _("cannot list the incidents: %s"), strerror(errno));
		return false;
	}
	struct store_entry *v = NULL;
	size_t count = 0;
	struct date today;
	today_or_clock(&today);
	for (;;) {
		errno = 0;
		struct dirent *de = readdir(d);
		if (!de) {
			if (errno) {
				diag_set(err, dir, 0, _("cannot list the incidents: %s"), strerror(errno));
				closedir(d);
				store_entries_free(&v, count);
				return false;
			}
			break;
		}
		if (!is_incident_name(de->d_name))
			continue;
		v = xrealloc(v, (count + 1) * sizeof *v);
		struct store_entry *e = &v[count++];
		memset(e, 0, sizeof *e);
		struct strbuf path;
		sb_init(&path);
		sb_addf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		e->path = sb_detach(&path);
		describe(e, de->d_name, fs, today);
	}
	closedir(d);
	if (count)
		qsort(v, count, sizeof *v, newest_first);
	*out = v;
	*n = count;
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
