/* lock — lock files beside incidents; the protocol is described in lock.h. */
#include "todoke/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

struct lock {
	char *path;  /* the lock file */
	int fd;      /* open on it, holding flock(LOCK_EX) while we edit */
	dev_t dev;   /* which file is ours, for "only if still ours" */
	ino_t ino;
};

/* ---- who we are -------------------------------------------------------- */

/* Fields of the lock line are separated by spaces. */
static void no_spaces(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			*s = '_';
}

static void user_of(uid_t uid, char *buf, size_t size)
{
	struct passwd pw, *res = NULL;
	char tmp[4096];
	if (getpwuid_r(uid, &pw, tmp, sizeof tmp, &res) == 0 && res && res->pw_name[0])
		snprintf(buf, size, "%s", res->pw_name);
	else
		snprintf(buf, size, "%lu", (unsigned long)uid);
	no_spaces(buf);
}

static void host_of_this(char *buf, size_t size)
{
	if (gethostname(buf, size - 1) != 0)
		buf[0] = '\0';
	buf[size - 1] = '\0';
	if (!buf[0])
		snprintf(buf, size, "localhost");
	no_spaces(buf);
}

static void iso_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	char z[8];
	if (!localtime_r(&t, &tm)) {
		snprintf(buf, size, "?");
		return;
	}
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	/* %z gives +0900; ISO 8601's extended form, like the date, is +09:00. */
	if (strftime(z, sizeof z, "%z", &tm) == 5) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%.3s:%.2s", z, z + 3);
	}
}

static ssize_t read_small(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n;
	do
		n = read(fd, buf, size - 1);
	while (n < 0 && errno == EINTR);
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static bool boot_id(char *buf, size_t size)
{
	if (read_small("/proc/sys/kernel/random/boot_id", buf, size) <= 0)
		return false;
	buf[strcspn(buf, "\n")] = '\0';
	no_spaces(buf);
	return buf[0] != '\0';
}

/* "BOOT/START": this boot of the kernel and the start time of process pid
 * (field 22 of /proc/PID/stat), which together name one process.  Linux
 * only; false elsewhere or when /proc hides the process. */
static bool process_id(long pid, char *buf, size_t size)
{
	char boot[64], path[64], stat[1024];
	if (!boot_id(boot, sizeof boot))
		return false;
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (read_small(path, stat, sizeof stat) <= 0)
		return false;
	/* The command name in (…) may hold spaces and parentheses. */
	char *p = strrchr(stat, ')');
	if (!p)
		return false;
	p++;
	for (int field = 2; field < 21; field++) {
		p += strspn(p, " ");
		p += strcspn(p, " ");
	}
	p += strspn(p, " ");
	size_t n = strspn(p, "0123456789");
	if (!n)
		return false;
	snprintf(buf, size, "%s/%.*s", boot, (int)n, p);
	return true;
}

static void me(struct lock_owner *o)
{
	memset(o, 0, sizeof *o);
	user_of(getuid(), o->user, sizeof o->user);
	host_of_this(o->host, sizeof o->host);
	o->pid = (long)getpid();
	iso_time(time(NULL), o->since, sizeof o->since);
}

/* ---- reading a lock ---------------------------------------------------- */

struct lockinfo {
	struct lock_owner owner;
	char proc[128];    /* BOOT/START, or "" */
};

static bool copy_field(char *dst, size_t size, const char *s, size_t n)
{
	if (n == 0 || n >= size)
		return false;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return true;
}

/* Exactly one line ending in '\n' with at least four fields. */
static bool parse_lock(const char *buf, size_t len, struct lockinfo *li)
{
	memset(li, 0, sizeof *li);
	if (len == 0 || buf[len - 1] != '\n' || memchr(buf, '\n', len - 1) ||
	    memchr(buf, '\0', len))
		return false;
	const char *f[5];
	size_t fl[5], nf = 0;
	const char *p = buf;
	while (nf < 5) {
		p += strspn(p, " ");
		size_t n = strcspn(p, " \n");
		if (!n)
			break;
		f[nf] = p;
		fl[nf++] = n;
		p += n;
	}
	if (nf < 4)
		return false;
	char num[24];
	if (!copy_field(num, sizeof num, f[0], fl[0]) || strspn(num, "0123456789") != fl[0])
		return false;
	errno = 0;
	long pid = strtol(num, NULL, 10);
	/* kill(0) and kill(-1) would mean whole process groups: never. */
	if (errno || pid <= 0 || pid > INT_MAX)
		return false;
	li->owner.pid = pid;
	if (!copy_field(li->owner.host, sizeof li->owner.host, f[1], fl[1]) ||
	    !copy_field(li->owner.user, sizeof li->owner.user, f[2], fl[2]) ||
	    !copy_field(li->owner.since, sizeof li->owner.since, f[3], fl[3]))
		return false;
	if (nf == 5 && !copy_field(li->proc, sizeof li->proc, f[4], fl[4]))
		li->proc[0] = '\0';
	return true;
}

/* A zombie has ended: it only waits for its parent (or, in a container
 * whose first process reaps nothing, for ever). */
static bool is_zombie(long pid)
{
	char path[64], stat[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	if (read_small(path, stat, sizeof stat) <= 0)
		return false;
	char *p = strrchr(stat, ')');
	return p && p[1] == ' ' && p[2] == 'Z';
}

/* Whether the session that wrote the lock may still run (same host). */
static bool session_alive(const struct lockinfo *li)
{
	if (kill((pid_t)li->owner.pid, 0) != 0 && errno == ESRCH)
		return false;
	if (is_zombie(li->owner.pid))
		return false;
	/* The pid is in use (EPERM: by another user).  By the session itself,
	 * unless the lock names its process and this is another one: the pid
	 * was reused, or the machine has rebooted since. */
	if (li->proc[0]) {
		char boot[64], now[128];
		if (boot_id(boot, sizeof boot)) {
			size_t n = strlen(boot);
			if (strncmp(li->proc, boot, n) != 0 || li->proc[n] != '/')
				return false;
		}
		if (process_id(li->owner.pid, now, sizeof now) && strcmp(now, li->proc) != 0)
			return false;
	}
	return true;
}

enum verdict {
	V_NONE,       /* no lock file (any more) */
	V_HELD,
	V_STALE,
	V_BUSY_DEAD,  /* looks dead, but somebody holds its flock right now */
	V_ERROR,
};

struct seen {
	struct lock_owner owner;
	int fd;               /* V_STALE when taking: open, flock'ed, still named */
	const char *why;      /* V_ERROR */
	int errnum;           /* V_ERROR, or 0 */
};

static void owner_from_stat(const struct stat *st, struct lock_owner *o)
{
	memset(o, 0, sizeof *o);
	user_of(st->st_uid, o->user, sizeof o->user);
	iso_time(st->st_mtime, o->since, sizeof o->since);
}

/* Looks at the lock file.  With `take`, a stale lock is returned with
 * s->fd open on it, flock(LOCK_EX) held and the name verified to still
 * refer to it, so that the caller may replace it. */
static enum verdict examine(const char *path, bool take, struct seen *s)
{
	struct stat st;
	memset(s, 0, sizeof *s);
	s->fd = -1;

	/* O_NONBLOCK: a FIFO put there must not hang us; O_RDWR when taking,
	 * because NFS emulates flock with fcntl locks that need write access. */
	int flags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
	int fd = open(path, (take ? O_RDWR : O_RDONLY) | flags);
	if (fd < 0 && take && (errno == EACCES || errno == EROFS))
		fd = open(path, O_RDONLY | flags);
	if (fd < 0) {
		int e = errno;
		if (e == ENOENT)
			return V_NONE;
		if (e == EACCES && lstat(path, &st) == 0) {
			/* Another user's lock: we cannot read who, only whose. */
			owner_from_stat(&st, &s->owner);
			return V_HELD;
		}
		s->why = e == ELOOP ? N_("is a symbolic link") : N_("cannot open");
		s->errnum = e == ELOOP ? 0 : e;
		return V_ERROR;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		s->why = N_("is not a regular file");
		close(fd);
		return V_ERROR;
	}
	char buf[1024];
	ssize_t n;
	do
		n = read(fd, buf, sizeof buf);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		s->why = N_("cannot read");
		s->errnum = errno;
		close(fd);
		return V_ERROR;
	}
	struct lockinfo li;
	bool wellformed = parse_lock(buf, (size_t)n, &li);
	char host[256];
	host_of_this(host, sizeof host);
	bool here = wellformed && strcmp(li.owner.host, host) == 0;

	if (wellformed && here && li.owner.pid == (long)getpid()) {
		/* Ours, through another struct lock of this process — unless our
		 * pid merely reuses a dead session's.  Decided without flock: on
		 * NFS flock is a per-process fcntl lock and closing our probe
		 * would drop the real lock. */
		char self[128];
		if (!li.proc[0] || !process_id(li.owner.pid, self, sizeof self) ||
		    strcmp(self, li.proc) == 0) {
			s->owner = li.owner;
			close(fd);
			return V_HELD;
		}
	}

	/* Probing takes a shared flock: probes never disturb each other, and a
	 * taker that meets one (V_BUSY_DEAD) just tries again a moment later. */
	bool busy = false;
	if (flock(fd, (take ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0)
		busy = errno == EWOULDBLOCK || errno == EINTR;
	/* Other errors: no flock on this filesystem; judge by the contents. */

	enum verdict v;
	if (wellformed) {
		s->owner = li.owner;
		if (!here)
			v = V_HELD;
		else if (session_alive(&li))
			v = V_HELD;
		else
			v = busy ? V_BUSY_DEAD : V_STALE;
	} else {
		owner_from_stat(&st, &s->owner);
		/* A young one may still be being written by a tool that creates
		 * it in place: wait a minute before calling it dead. */
		if (busy || time(NULL) - st.st_mtime <= LOCK_MALFORMED_GRACE)
			v = V_HELD;
		else
			v = V_STALE;
	}

	if (v == V_STALE && take) {
		/* Replace only the file we judged: not one put there since. */
		struct stat now;
		if (lstat(path, &now) != 0 || now.st_dev != st.st_dev || now.st_ino != st.st_ino) {
			close(fd);
			return V_NONE;
		}
		s->fd = fd;
		return V_STALE;
	}
	close(fd);
	return v;
}

/* ---- public ------------------------------------------------------------ */

/* DIR/.NAME.lock for DIR/NAME; NULL when the path names no file. */
static char *lock_path_of(const char *incident)
{
	const char *slash = strrchr(incident, '/');
	const char *base = slash ? slash + 1 : incident;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return NULL;
	struct strbuf sb;
	sb_init(&sb);
	sb_addn(&sb, incident, (size_t)(base - incident));
	sb_addf(&sb, ".%s.lock", base);
	return sb_detach(&sb);
}

static void set_owner(struct lock_owner *holder, const struct lock_owner *o)
{
	if (!holder)
		return;
	if (o)
		*holder = *o;
	else
		memset(holder, 0, sizeof *holder);
}

enum lock_result lock_acquire(const char *incident_path, struct lock **out,
                              struct lock_owner *holder, struct diag *err)
{
	*out = NULL;
	set_owner(holder, NULL);
	char *path = lock_path_of(incident_path);
	if (!path) {
		diag_set(err, incident_path, 0, "%s", _("not a file name: cannot lock it"));
		return LOCK_ERROR;
	}

	struct lock_owner self;
	me(&self);
	char proc[128];
	struct strbuf line, tmp;
	sb_init(&line);
	sb_init(&tmp);
	sb_addf(&line, "%ld %s %s %s", self.pid, self.host, self.user, self.since);
	if (process_id(self.pid, proc, sizeof proc))
		sb_addf(&line, " %s", proc);
	sb_addc(&line, '\n');
	sb_addf(&tmp, "%s.XXXXXX", path);

	enum lock_result r = LOCK_ERROR;
	bool tmp_exists = false;
	int fd = mkstemp(tmp.buf);  /* mode 0600 */
	if (fd < 0) {
		diag_set(err, incident_path, 0, _("cannot create the lock file %s: %s"),
		         path, strerror(errno));
		goto out;
	}
	tmp_exists = true;
	fcntl(fd, F_SETFD, FD_CLOEXEC);  /* not inherited by $EDITOR and the like */
	/* Locked before it is visible under the lock name, so that nobody can
	 * ever see our lock unheld. */
	flock(fd, LOCK_EX | LOCK_NB);
	/* In a team directory the group reads who holds it (fileio.h). */
	if (fchmod(fd, file_mode_in(path)) != 0 || !file_write_fd(fd, line.buf, line.len) || fsync(fd) != 0) {
		diag_set(err, incident_path, 0, _("cannot write the lock file %s: %s"),
		         path, strerror(errno));
		goto out;
	}

	int busy_tries = 0;
	for (int tries = 0; tries < 100; tries++) {
		int e = 0;
		if (link(tmp.buf, path) != 0) {
			e = errno;
			/* NFS: the link may have been made though its reply was lost. */
			struct stat st;
			if (fstat(fd, &st) == 0 && st.st_nlink == 2)
				e = 0;
		}
		if (e == 0) {
			unlink(tmp.buf);
			tmp_exists = false;
			r = LOCK_OK;
			break;
		}
		if (e != EEXIST) {
			diag_set(err, incident_path, 0, _("cannot create the lock file %s: %s"),
			         path, strerror(e));
			goto out;
		}
		struct seen s;
		switch (examine(path, true, &s)) {
		case V_NONE:
			continue;  /* released meanwhile: try again */
		case V_HELD:
			set_owner(holder, &s.owner);
			r = LOCK_HELD;
			goto out;
		case V_BUSY_DEAD:
			/* Someone is taking it over or looking at it right now. */
			if (++busy_tries >= 50) {
				set_owner(holder, &s.owner);
				r = LOCK_HELD;
				goto out;
			}
			nanosleep(&(struct timespec){ 0, 20 * 1000 * 1000 }, NULL);
			continue;
		case V_STALE: {
			int rc = rename(tmp.buf, path);
			int re = errno;
			close(s.fd);
			if (rc != 0) {
				diag_set(err, incident_path, 0, _("cannot replace the stale lock file %s: %s"),
				         path, strerror(re));
				goto out;
			}
			tmp_exists = false;
			set_owner(holder, &s.owner);
			r = LOCK_TAKEN_STALE;
			break;
		}
		case V_ERROR:
			if (s.errnum)
				diag_set(err, incident_path, 0, _("lock file %s: %s: %s"), path, _(s.why),
				         strerror(s.errnum));
			else
				diag_set(err, incident_path, 0, _("lock file %s: %s"), path, _(s.why));
			goto out;
		}
		break;
	}
	if (r == LOCK_ERROR) {
		diag_set(err, incident_path, 0, _("the lock file %s keeps changing"), path);
		goto out;
	}

	struct stat st;
	fstat(fd, &st);
	struct lock *l = xmalloc(sizeof *l);
	*l = (struct lock){ path, fd, st.st_dev, st.st_ino };
	*out = l;
	path = NULL;
	fd = -1;
out:
	if (tmp_exists)
		unlink(tmp.buf);
	if (fd >= 0)
		close(fd);
	free(path);
	sb_release(&line);
	sb_release(&tmp);
	return r;
}

enum lock_result lock_probe(const char *incident_path, struct lock_owner *holder)
{
	set_owner(holder, NULL);
	char *path = lock_path_of(incident_path);
	if (!path)
		return LOCK_OK;
	struct seen s;
	enum verdict v = examine(path, false, &s);
	free(path);
	switch (v) {
	case V_NONE:
		return LOCK_OK;
	case V_HELD:
		set_owner(holder, &s.owner);
		return LOCK_HELD;
	case V_STALE:
	case V_BUSY_DEAD:  /* dead, and being taken over or looked at */
		set_owner(holder, &s.owner);
		return LOCK_TAKEN_STALE;
	case V_ERROR:
		break;
	}
	return LOCK_ERROR;
}

void lock_release_signal_safe(const struct lock *l)
{
	struct stat st;
	if (l && stat(l->path, &st) == 0 && st.st_dev == l->dev && st.st_ino == l->ino)
		unlink(l->path);
}

void lock_release(struct lock **pl)
{
	struct lock *l = pl ? *pl : NULL;
	if (!l)
		return;
	*pl = NULL;  /* first: a signal handler looking at *pl sees no lock */
	/* Unlink before closing: until then nobody can take it over from us. */
	lock_release_signal_safe(l);
	close(l->fd);
	free(l->path);
	free(l);
}
