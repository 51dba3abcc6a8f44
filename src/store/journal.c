/* journal — the typing since the last save, appended at each burst and
 * replayed after a kill (journal.h). */
#include "todoke/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/lexer.h"
#include "todoke/utf8.h"
#include "todoke/strbuf.h"

/* Version 2 adds line records (L); a version 1 journal (R only) still
 * reads. */
#define HEADER "todoke-journal 2\n"
#define HEADER_1 "todoke-journal 1\n"

struct journal {
	int fd;
	size_t size;   /* bytes written */
	size_t whole;  /* those of the last R record */
	size_t lines;  /* L records written */
};

/* At a save the journal is started again rather than marked once its
 * replay would apply many line records (each copies its field's text) or
 * it holds much more than the text the next record changes. */
#define JOURNAL_MAX_LINES 1024
#define JOURNAL_SLACK (64 * 1024)

char *journal_path(const char *incident_path)
{
	const char *slash = strrchr(incident_path, '/');
	const char *base = slash ? slash + 1 : incident_path;
	struct strbuf sb;
	sb_init(&sb);
	sb_addn(&sb, incident_path, (size_t)(base - incident_path));
	sb_addf(&sb, ".%s.journal", base);
	return sb_detach(&sb);
}

static uint32_t fnv(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* FNV-1a 32 of KEY and TEXT; of an L record's two line counts too, as
 * written ("FIRST TAIL"), between them. */
static uint32_t checksum(const char *key, size_t kn, const char *lines, const char *text,
                         size_t tn)
{
	uint32_t h = fnv(2166136261u, key, kn);
	if (lines)
		h = fnv(h, lines, strlen(lines));
	return fnv(h, text, tn);
}

/* A new journal of our own: O_EXCL, never through a link, mode exact. */
static bool create(struct journal **j, const char *incident_path, struct diag *err)
{
	char *p = journal_path(incident_path);
	int fd = -1;
	for (int tries = 0; fd < 0 && tries < 2; tries++) {
		fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW | O_CLOEXEC |
		         O_NOCTTY, 0600);
		if (fd < 0 && errno == EEXIST)
			unlink(p);  /* an earlier session's, already replayed */
		else if (fd < 0)
			break;
	}
	bool ok = fd >= 0 && fchmod(fd, file_mode_in(incident_path)) == 0 &&
	          file_write_fd(fd, HEADER, sizeof HEADER - 1);
	if (!ok) {
		diag_set(err, p, 0, _("cannot write: %s"), strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(p);
		}
	} else {
		*j = xmalloc(sizeof **j);
		(*j)->fd = fd;
		(*j)->size = sizeof HEADER - 1;
		(*j)->whole = (*j)->lines = 0;
	}
	free(p);
	return ok;
}

static bool append(struct journal **j, const char *incident_path, const char *key,
                   const char *lines, const char *text, struct diag *err)
{
	if (!*j && !create(j, incident_path, err))
		return false;
	size_t kn = strlen(key), tn = strlen(text);
	struct strbuf rec;
	sb_init(&rec);
	unsigned sum = (unsigned)checksum(key, kn, lines, text, tn);
	if (lines)
		sb_addf(&rec, "L %zu %s %zu %08x\n", kn, lines, tn, sum);
	else
		sb_addf(&rec, "R %zu %zu %08x\n", kn, tn, sum);
	sb_addn(&rec, key, kn);
	sb_addn(&rec, text, tn);
	sb_addc(&rec, '\n');
	/* One write(2): a kill leaves it whole or torn, never interleaved. */
	bool ok = file_write_fd((*j)->fd, rec.buf, rec.len);
	if (ok) {
		(*j)->size += rec.len;
		if (lines)
			(*j)->lines++;
		else
			(*j)->whole = rec.len;
	}
	if (!ok) {
		char *p = journal_path(incident_path);
		diag_set(err, p, 0, _("cannot write: %s"), strerror(errno));
		free(p);
	}
	sb_release(&rec);
	return ok;
}

bool journal_append(struct journal **j, const char *incident_path, const char *key,
                    const char *text, struct diag *err)
{
	return append(j, incident_path, key, NULL, text, err);
}

bool journal_append_lines(struct journal **j, const char *incident_path, const char *key,
                          size_t first, size_t tail, const char *text, struct diag *err)
{
	if (!*j)  /* a new journal has no text to change lines of */
		return false;
	char lines[48];
	snprintf(lines, sizeof lines, "%zu %zu", first, tail);
	return append(j, incident_path, key, lines, text, err);
}

bool journal_saved(struct journal **j, const char *incident_path)
{
	if (*j && (*j)->lines <= JOURNAL_MAX_LINES &&
	    (*j)->size - (*j)->whole <= (*j)->whole + JOURNAL_SLACK &&
	    file_write_fd((*j)->fd, "S\n", 2)) {
		(*j)->size += 2;
		return true;
	}
	journal_remove(j, incident_path);
	return false;
}

void journal_close(struct journal **j)
{
	if (!j || !*j)
		return;
	close((*j)->fd);
	free(*j);
	*j = NULL;
}

void journal_remove(struct journal **j, const char *incident_path)
{
	journal_close(j);
	if (!incident_path)
		return;
	char *p = journal_path(incident_path);
	unlink(p);
	free(p);
}

/* A decimal length at *p, then the separator sep. */
static bool number(const char **p, const char *end, char sep, size_t *out)
{
	size_t v = 0;
	const char *s = *p;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		if (v > (SIZE_MAX - 9) / 10)
			return false;
		v = v * 10 + (size_t)(*s - '0');
	}
	if (s >= end || *s != sep)
		return false;
	*p = s + 1;
	*out = v;
	return true;
}

static bool clean_text(const char *s, size_t n, bool lines)
{
	size_t bad;
	if (!utf8_valid(s, n, &bad))
		return false;
	for (const char *end = s + n; s < end;) {
		const char *nl = lines ? memchr(s, '\n', (size_t)(end - s)) : NULL;
		size_t k = nl ? (size_t)(nl - s) : (size_t)(end - s);
		if (lex_find_control(s, k, LEX_TABS))
			return false;
		s += k + (nl != NULL);
	}
	return true;
}

/* Where line l of s (n bytes, more than l lines) begins: after its l-th
 * newline. */
static size_t line_start(const char *s, size_t n, size_t l)
{
	size_t at = 0;
	for (size_t k = 0; k < l; k++)
		at = (size_t)((const char *)memchr(s + at, '\n', n - at) - s) + 1;
	return at;
}

/* The text of `base` with its lines [first, lines - tail) replaced by mid
 * (journal.h); false when base has fewer than first + tail lines or mid
 * does not end a line where the kept tail begins. */
static bool splice_lines(const char *base, size_t first, size_t tail, const char *mid,
                         size_t mn, char **out)
{
	size_t bn = strlen(base), lines = 1;
	for (const char *q = base; (q = memchr(q, '\n', (size_t)(base + bn - q))); q++)
		lines++;
	if (first > lines || tail > lines - first || (tail && (!mn || mid[mn - 1] != '\n')))
		return false;
	size_t a = first < lines ? line_start(base, bn, first) : bn;
	size_t b = tail ? line_start(base, bn, lines - tail) : bn;
	struct strbuf sb;
	sb_init(&sb);
	sb_addn(&sb, base, a);
	sb_addn(&sb, mid, mn);
	sb_addn(&sb, base + b, bn - b);
	*out = sb_detach(&sb);
	return true;
}

bool journal_parse(const char *data, size_t len, const char *name,
                   struct journal_records *out, struct diag *err)
{
	memset(out, 0, sizeof *out);
	if (len < sizeof HEADER - 1 || (memcmp(data, HEADER, sizeof HEADER - 1) != 0 &&
	                                memcmp(data, HEADER_1, sizeof HEADER_1 - 1) != 0)) {
		diag_set(err, name, 1, "%s", _("not a todoke journal (the first line must be "
		                               "\"todoke-journal 2\"); left as it is"));
		return false;
	}
	bool v1 = memcmp(data, HEADER_1, sizeof HEADER_1 - 1) == 0;
	const char *p = data + sizeof HEADER - 1, *end = data + len;
	/* The last record read, which a line record changes: it stays across
	 * a save's mark, after which only the records that follow count. */
	struct journal_record last = { 0 };
	while (p < end) {
		const char *at = p;
		size_t kn, tn, first = 0, tail = 0;
		unsigned long sum;
		char *after;
		if (!v1 && end - p >= 2 && p[0] == 'S' && p[1] == '\n') {
			journal_records_release(out);
			p += 2;
			continue;
		}
		if (end - p < 2 || (p[0] != 'R' && (p[0] != 'L' || v1)) || p[1] != ' ')
			break;
		bool lines = p[0] == 'L';
		p += 2;
		const char *counts = NULL;
		size_t ncounts = 0;
		if (!number(&p, end, ' ', &kn)) {
			p = at;
			break;
		}
		if (lines) {
			counts = p;
			if (!number(&p, end, ' ', &first) || !number(&p, end, ' ', &tail)) {
				p = at;
				break;
			}
			ncounts = (size_t)(p - counts) - 1;
		}
		if (!number(&p, end, ' ', &tn) || end - p < 9 || p[8] != '\n') {
			p = at;
			break;
		}
		char hex[9];
		memcpy(hex, p, 8);
		hex[8] = '\0';
		sum = strtoul(hex, &after, 16);
		if (after != hex + 8) {
			p = at;
			break;
		}
		p += 9;
		char cbuf[48] = "";
		if (lines) {
			if (ncounts >= sizeof cbuf) {
				p = at;
				break;
			}
			memcpy(cbuf, counts, ncounts);
			cbuf[ncounts] = '\0';
		}
		if (kn == 0 || (size_t)(end - p) < kn || (size_t)(end - p) - kn < tn + 1 ||
		    p[kn + tn] != '\n' ||
		    checksum(p, kn, lines ? cbuf : NULL, p + kn, tn) != (uint32_t)sum ||
		    memchr(p, '\0', kn + tn)) {
			p = at;
			break;
		}
		/* Text for the answers, as any file todoke reads: UTF-8, no
		 * control character but the line ends of a paragraph. */
		if (!clean_text(p, kn, false) || !clean_text(p + kn, tn, true)) {
			diag_set(err, name, 0, _("record %zu (%.*s): not UTF-8 text or a control "
			         "character; not replayed"), out->n + 1, (int)(kn > 64 ? 64 : kn), p);
			journal_records_release(out);
			free(last.key);
			free(last.text);
			return false;
		}
		/* Lines change the text of the record before, which is of the
		 * same field (else the record is where reading stops, as at a
		 * tear). */
		bool same = last.key && strlen(last.key) == kn && memcmp(last.key, p, kn) == 0;
		char *text;
		if (lines) {
			if (!same || !splice_lines(last.text, first, tail, p + kn, tn, &text)) {
				p = at;
				break;
			}
		} else
			text = xstrndup(p + kn, tn);
		free(last.text);
		last.text = text;
		if (!same) {
			free(last.key);
			last.key = xstrndup(p, kn);
		}
		/* A field typed into in one stretch is one record: the last text
		 * counts. */
		struct journal_record *prev = out->n ? &out->v[out->n - 1] : NULL;
		if (prev && strcmp(prev->key, last.key) == 0) {
			free(prev->text);
			prev->text = xstrdup(text);
		} else {
			out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
			out->v[out->n].key = xstrdup(last.key);
			out->v[out->n].text = xstrdup(text);
			out->n++;
		}
		p += kn + tn + 1;
	}
	free(last.key);
	free(last.text);
	out->torn = p < end;  /* p: where the first record not whole begins */
	return true;
}

bool journal_read(const char *incident_path, struct journal_records *out, struct diag *err)
{
	memset(out, 0, sizeof *out);
	char *p = journal_path(incident_path);
	struct stat st;
	bool ok = false;
	if (lstat(p, &st) != 0) {
		ok = errno == ENOENT;
		if (!ok)
			diag_set(err, p, 0, _("cannot read: %s"), strerror(errno));
		free(p);
		return ok;
	}
	/* Replayed into one's answers: only a regular file of one's own, or
	 * of the team in a team directory (0660 there). */
	if (!S_ISREG(st.st_mode) || (st.st_uid != geteuid() && file_mode_in(incident_path) != 0660)) {
		diag_set(err, p, 0, "%s", _("is not a journal of yours (not a regular file, or "
		                            "another user's); not replayed"));
		free(p);
		return false;
	}
	char *data;
	size_t len;
	if (file_read_all(p, &data, &len, err)) {
		ok = journal_parse(data, len, p, out, err);
		free(data);
	}
	free(p);
	return ok;
}

void journal_records_release(struct journal_records *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].key);
		free(r->v[i].text);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}
