/* index — the cache of the start screen's rows (storeindex.h): its stamp,
 * its text, and the file in the user's cache directory.
 *
 * Not read with the lexer: a row holds file names, which may be any bytes
 * but '/' and NUL, so every byte below 0x20, DEL and '\' is written as an
 * escape and the reader takes the rest as bytes.  Nobody reads it but
 * this reader, which gives no message: a fault is only "no index". */
#include "todoke/storeindex.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "todoke/fileio.h"
#include "todoke/strbuf.h"

#define HEADER "todoke-index 1\n"

void store_fkey_of(const struct stat *st, struct store_fkey *k)
{
	memset(k, 0, sizeof *k);
	k->dev = (uint64_t)st->st_dev;
	k->ino = (uint64_t)st->st_ino;
	k->size = (uint64_t)st->st_size;
	k->mtime_s = (int64_t)st->st_mtim.tv_sec;
	k->mtime_ns = (int64_t)st->st_mtim.tv_nsec;
	k->ctime_s = (int64_t)st->st_ctim.tv_sec;
	k->ctime_ns = (int64_t)st->st_ctim.tv_nsec;
}

bool store_fkey_eq(const struct store_fkey *a, const struct store_fkey *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns &&
	       a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns;
}

/* ---- rows -------------------------------------------------------------- */

void store_index_init(struct store_index *x)
{
	memset(x, 0, sizeof *x);
}

static void row_release(struct store_irow *r)
{
	free(r->name);
	free(r->title);
	free(r->error);
}

void store_index_release(struct store_index *x)
{
	for (size_t i = 0; i < x->n; i++)
		row_release(&x->rows[i]);
	free(x->rows);
	free(x->slot);
	store_index_init(x);
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211u;
	return h;
}

#define FNV_BASIS 14695981039346656037u

static size_t *slot_of(const struct store_index *x, const char *name)
{
	size_t mask = x->nslot - 1, i = (size_t)fnv(FNV_BASIS, name, strlen(name)) & mask;
	while (x->slot[i] && strcmp(x->rows[x->slot[i] - 1].name, name) != 0)
		i = (i + 1) & mask;
	return &x->slot[i];
}

static void grow_slots(struct store_index *x)
{
	free(x->slot);
	x->nslot = x->nslot ? x->nslot * 2 : 64;
	x->slot = xcalloc(x->nslot, sizeof *x->slot);
	for (size_t i = 0; i < x->n; i++)
		*slot_of(x, x->rows[i].name) = i + 1;
}

const struct store_irow *store_index_find(const struct store_index *x, const char *name,
                                          const struct store_fkey *key)
{
	if (!x->nslot)
		return NULL;
	size_t s = *slot_of(x, name);
	if (!s || !store_fkey_eq(&x->rows[s - 1].key, key))
		return NULL;
	return &x->rows[s - 1];
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Takes r's strings. */
static void put_owned(struct store_index *x, struct store_irow *r)
{
	if ((x->n + 1) * 2 > x->nslot)
		grow_slots(x);
	size_t *s = slot_of(x, r->name);
	if (*s) {
		row_release(&x->rows[*s - 1]);
		x->rows[*s - 1] = *r;
		return;
	}
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 64;
		x->rows = xrealloc(x->rows, x->cap * sizeof *x->rows);
	}
	x->rows[x->n] = *r;
	*s = ++x->n;
}

void store_index_put(struct store_index *x, const struct store_irow *r)
{
	struct store_irow c = *r;
	c.name = xstrdup(r->name);
	c.title = dup_or_null(r->title);
	c.error = dup_or_null(r->error);
	put_owned(x, &c);
}

/* ---- the stamp ----------------------------------------------------------- */

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* The files of DATADIR/forms (the forms and the registry, which decide the
 * counts and the errors), by identity and times: a sum, so readdir's
 * order does not matter. */
static uint64_t forms_print(const char *datadir)
{
	uint64_t sum = 0;
	struct strbuf p;
	sb_init(&p);
	sb_addf(&p, "%s/forms", datadir ? datadir : ".");
	size_t base = p.len;
	DIR *d = opendir(p.buf);
	for (struct dirent *de; d && (de = readdir(d));) {
		struct stat st;
		if (de->d_name[0] == '.')
			continue;
		p.len = base;
		p.buf[base] = '\0';
		sb_addf(&p, "/%s", de->d_name);
		if (stat(p.buf, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		struct store_fkey k;
		store_fkey_of(&st, &k);
		uint64_t h = fnv(FNV_BASIS, de->d_name, strlen(de->d_name) + 1);
		sum += fnv(h, &k, sizeof k);
	}
	if (d)
		closedir(d);
	sb_release(&p);
	return sum;
}

/* Escapes what would end a field or a line. */
static void add_escaped(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f || c == '\\')
			sb_addf(out, "\\%02x", c);
		else
			sb_addc(out, (char)c);
	}
}

char *store_index_stamp(const char *dir, const char *datadir)
{
	struct strbuf sb;
	sb_init(&sb);
	/* Messages (the errors shown) are in the language of the session. */
	const char *lang = env("LANGUAGE");
	const char *msgs = setlocale(LC_MESSAGES, NULL);
	sb_addf(&sb, "%s|%016llx|", TODOKE_VERSION, (unsigned long long)forms_print(datadir));
	add_escaped(&sb, msgs ? msgs : "");
	sb_addc(&sb, '|');
	add_escaped(&sb, lang ? lang : "");
	sb_addc(&sb, '|');
	add_escaped(&sb, dir ? dir : "");
	return sb_detach(&sb);
}

/* ---- the text ------------------------------------------------------------ */

static bool fits(const char *s)
{
	return !s || strlen(s) <= STORE_INDEX_MAX_TEXT;
}

void store_index_format(const struct store_index *x, const char *stamp, struct strbuf *out)
{
	size_t n = 0;
	sb_add(out, HEADER);
	sb_add(out, "stamp ");
	add_escaped(out, stamp);
	sb_addc(out, '\n');
	for (size_t i = 0; i < x->n && n < STORE_INDEX_MAX_ROWS; i++) {
		const struct store_irow *r = &x->rows[i];
		if (!*r->name || !fits(r->name) || !fits(r->title) || !fits(r->error) ||
		    (r->has_discovery && (r->discovery.y < 0 || r->discovery.y > 9999)))
			continue;
		char disc[16] = "-";
		if (r->has_discovery)
			date_format_iso(r->discovery, disc, sizeof disc);
		sb_add(out, "r ");
		add_escaped(out, r->name);
		sb_addf(out, "\t%llu\t%llu\t%llu\t%lld\t%lld\t%lld\t%lld\t%s\t%zu\t%zu\t%c\t",
		        (unsigned long long)r->key.dev, (unsigned long long)r->key.ino,
		        (unsigned long long)r->key.size, (long long)r->key.mtime_s,
		        (long long)r->key.mtime_ns, (long long)r->key.ctime_s,
		        (long long)r->key.ctime_ns, disc, r->answered, r->total,
		        r->error ? 'e' : r->title ? 't' : 'n');
		add_escaped(out, r->error ? r->error : r->title ? r->title : "");
		sb_addc(out, '\n');
		n++;
	}
	sb_addf(out, "end %zu\n", n);
}

/* A cursor over one line's fields; every reader below fails on a fault. */
struct cur {
	const char *p, *end;
};

/* A lowercase hex digit's value, -1 for anything else. */
static int hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The field up to the next tab (or the end of the line when last),
 * unescaped into a new string; NULL on a bad escape, a control byte (a
 * NUL among them) or a field over the bound.  Fields without an escape,
 * nearly all, are one copy. */
static char *field(struct cur *c, bool last)
{
	const char *start = c->p;
	const char *stop = last ? c->end : memchr(c->p, '\t', (size_t)(c->end - c->p));
	if (!stop || (size_t)(stop - start) > 3 * STORE_INDEX_MAX_TEXT)
		return NULL;
	bool escaped = false;
	for (const char *q = start; q < stop; q++) {
		unsigned char ch = (unsigned char)*q;
		if (ch < 0x20 || ch == 0x7f)
			return NULL;
		escaped |= ch == '\\';
	}
	char *out = xmalloc((size_t)(stop - start) + 1), *o = out;
	for (const char *q = start; q < stop; q++) {
		if (!escaped || *q != '\\') {
			*o++ = *q;
			continue;
		}
		int hi = stop - q >= 3 ? hex(q[1]) : -1;
		int lo = hi >= 0 ? hex(q[2]) : -1;
		unsigned char ch = (unsigned char)(hi * 16 + lo);
		/* Only what the writer escapes, never a NUL. */
		if (lo < 0 || !ch || !(ch < 0x20 || ch == 0x7f || ch == '\\')) {
			free(out);
			return NULL;
		}
		*o++ = (char)ch;
		q += 2;
	}
	*o = '\0';
	if ((size_t)(o - out) > STORE_INDEX_MAX_TEXT) {
		free(out);
		return NULL;
	}
	c->p = last ? stop : stop + 1;
	return out;
}

/* A decimal number up to the next tab (consumed), or to the end of the
 * line when last; at most max, and written one way only (no leading 0). */
static bool digits(struct cur *c, unsigned long long max, bool last, unsigned long long *out)
{
	unsigned long long v = 0;
	const char *start = c->p;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		unsigned d = (unsigned)(*c->p++ - '0');
		if (v > (max - d) / 10)
			return false;
		v = v * 10 + d;
	}
	if (c->p == start || (start[0] == '0' && c->p - start > 1))
		return false;
	if (last ? c->p != c->end : c->p == c->end || *c->p != '\t')
		return false;
	if (!last)
		c->p++;
	*out = v;
	return true;
}

static bool unsigned_field(struct cur *c, uint64_t *out)
{
	unsigned long long v;
	if (!digits(c, UINT64_MAX, false, &v))
		return false;
	*out = v;
	return true;
}

static bool signed_field(struct cur *c, int64_t *out, long long lo, long long hi)
{
	bool neg = c->p < c->end && *c->p == '-';
	unsigned long long v;
	c->p += neg;
	if (!digits(c, neg ? (unsigned long long)INT64_MAX + 1 : (unsigned long long)INT64_MAX,
	            false, &v) || (neg && v == 0))
		return false;
	long long s = !neg ? (long long)v
	              : v > (unsigned long long)INT64_MAX ? INT64_MIN : -(long long)v;
	if (s < lo || s > hi)
		return false;
	*out = s;
	return true;
}

static bool size_field(struct cur *c, size_t *out)
{
	unsigned long long v;
	if (!digits(c, 100000000u, false, &v))
		return false;
	*out = (size_t)v;
	return true;
}

/* YYYY-MM-DD exactly as date_format_iso writes a valid date. */
static bool iso_date(const char *s, struct date *d)
{
	int v[8];
	for (int i = 0, k = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return false;
		v[k++] = s[i] - '0';
	}
	if (s[10])
		return false;
	d->y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	d->m = v[4] * 10 + v[5];
	d->d = v[6] * 10 + v[7];
	return date_valid(d->y, d->m, d->d);
}

static bool parse_row(struct cur *c, struct store_irow *r)
{
	memset(r, 0, sizeof *r);
	char *disc = NULL, *kind = NULL, *text = NULL;
	bool ok = (r->name = field(c, false)) && *r->name &&
	          unsigned_field(c, &r->key.dev) && unsigned_field(c, &r->key.ino) &&
	          unsigned_field(c, &r->key.size) &&
	          signed_field(c, &r->key.mtime_s, INT64_MIN, INT64_MAX) &&
	          signed_field(c, &r->key.mtime_ns, 0, 999999999) &&
	          signed_field(c, &r->key.ctime_s, INT64_MIN, INT64_MAX) &&
	          signed_field(c, &r->key.ctime_ns, 0, 999999999) &&
	          (disc = field(c, false)) && size_field(c, &r->answered) &&
	          size_field(c, &r->total) && r->answered <= r->total &&
	          (kind = field(c, false)) && (text = field(c, true));
	if (ok && strcmp(disc, "-") != 0)
		r->has_discovery = ok = iso_date(disc, &r->discovery);
	if (ok && strcmp(kind, "t") == 0 && *text) {
		r->title = text;
		text = NULL;
	} else if (ok && strcmp(kind, "e") == 0 && *text) {
		r->error = text;
		text = NULL;
	} else if (!(ok && strcmp(kind, "n") == 0 && !*text))
		ok = false;
	free(disc);
	free(kind);
	free(text);
	if (!ok) {
		row_release(r);
		memset(r, 0, sizeof *r);
	}
	return ok;
}

/* The next line of text at *p (without its '\n'); false at the end or at
 * a last line without one (a truncated file). */
static bool next_line(const char **p, const char *end, struct cur *line)
{
	const char *nl = *p < end ? memchr(*p, '\n', (size_t)(end - *p)) : NULL;
	if (!nl)
		return false;
	line->p = *p;
	line->end = nl;
	*p = nl + 1;
	return true;
}

static bool starts(struct cur *c, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
		return false;
	c->p += n;
	return true;
}

bool store_index_parse(const char *text, size_t len, const char *stamp, struct store_index *x)
{
	store_index_init(x);
	const char *p = text, *end = text + len;
	struct cur c;
	if (!text || len > STORE_INDEX_MAX_BYTES || len < strlen(HEADER) ||
	    memcmp(text, HEADER, strlen(HEADER)) != 0)
		return false;
	p += strlen(HEADER);
	if (!next_line(&p, end, &c) || !starts(&c, "stamp "))
		return false;
	char *st = field(&c, true);
	bool same = st && stamp && strcmp(st, stamp) == 0;
	free(st);
	if (!same)
		return false;
	for (;;) {
		if (!next_line(&p, end, &c))
			break;
		if (starts(&c, "r ")) {
			struct store_irow r;
			if (x->n >= STORE_INDEX_MAX_ROWS || !parse_row(&c, &r))
				break;
			size_t before = x->n;
			put_owned(x, &r);
			if (x->n == before)
				break;  /* a name twice: not what the writer writes */
			continue;
		}
		/* The end, with the count of rows: nothing may follow. */
		unsigned long long n;
		if (starts(&c, "end ") && digits(&c, STORE_INDEX_MAX_ROWS, true, &n) && n == x->n &&
		    p == end)
			return true;
		break;
	}
	store_index_release(x);
	return false;
}

/* ---- the file ------------------------------------------------------------ */

static char *cache_home(void)
{
	struct strbuf sb;
	const char *base;
	sb_init(&sb);
	if ((base = env("TODOKE_HOME")))
		sb_addf(&sb, "%s/cache", base);
	else if ((base = env("XDG_CACHE_HOME")) && base[0] == '/')
		sb_addf(&sb, "%s/todoke", base);
	else {
		base = env("HOME");
		struct passwd *pw = base ? NULL : getpwuid(getuid());
		if (!base && pw && pw->pw_dir && *pw->pw_dir)
			base = pw->pw_dir;
		if (!base) {
			sb_release(&sb);
			return NULL;
		}
		sb_addf(&sb, "%s/.cache/todoke", base);
	}
	return sb_detach(&sb);
}

char *store_index_path(const char *dir)
{
	char *home = dir ? cache_home() : NULL;
	if (!home)
		return NULL;
	struct strbuf sb;
	sb_init(&sb);
	/* One file per folder; the stamp inside names the folder in full. */
	sb_addf(&sb, "%s/list-%016llx", home,
	        (unsigned long long)fnv(FNV_BASIS, dir, strlen(dir)));
	free(home);
	return sb_detach(&sb);
}

/* The user's own, and nobody else's to read or change. */
static bool private_to_me(const struct stat *st, mode_t others)
{
	return st->st_uid == geteuid() && !(st->st_mode & others);
}

static bool dir_is_private(const char *path)
{
	char *d = xstrdup(path);
	char *slash = strrchr(d, '/');
	struct stat st;
	bool ok = false;
	if (slash) {
		*slash = '\0';
		ok = lstat(*d ? d : "/", &st) == 0 && S_ISDIR(st.st_mode) && private_to_me(&st, 077);
	}
	free(d);
	return ok;
}

bool store_index_read(const char *path, const char *stamp, struct store_index *x)
{
	store_index_init(x);
	if (!path || !dir_is_private(path))
		return false;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat st;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && private_to_me(&st, 077) &&
	          st.st_size <= (off_t)STORE_INDEX_MAX_BYTES;
	char *buf = ok ? xmalloc((size_t)st.st_size + 1) : NULL;
	size_t len = 0;
	while (ok) {
		/* One more byte than the size: a file growing under us is refused. */
		ssize_t r = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			ok = r == 0;
			break;
		}
		len += (size_t)r;
		if (len > (size_t)st.st_size)
			ok = false;
	}
	close(fd);
	ok = ok && len == (size_t)st.st_size && store_index_parse(buf, len, stamp, x);
	free(buf);
	return ok;
}

/* Each missing directory of path's folder, 0700; the last one must be the
 * user's alone. */
static bool make_cache_dir(const char *path)
{
	char *d = xstrdup(path);
	char *slash = strrchr(d, '/');
	bool ok = slash != NULL && slash != d;
	if (ok) {
		*slash = '\0';
		for (char *s = d + 1; ok; s++) {
			if (*s != '/' && *s)
				continue;
			char c = *s;
			*s = '\0';
			if (mkdir(d, 0700) == 0)
				ok = chmod(d, 0700) == 0;
			else
				ok = errno == EEXIST;
			*s = c;
			if (!c)
				break;
		}
	}
	free(d);
	return ok && dir_is_private(path);
}

bool store_index_write(const char *path, const char *stamp, const struct store_index *x)
{
	if (!path || !make_cache_dir(path))
		return false;
	struct strbuf sb;
	sb_init(&sb);
	store_index_format(x, stamp, &sb);
	struct diag d;
	bool ok = sb.len <= STORE_INDEX_MAX_BYTES &&
	          file_write_atomic(path, sb.buf, sb.len, 0600, &d);
	sb_release(&sb);
	return ok;
}
