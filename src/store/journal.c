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

#define HEADER "todoke-journal 1\n"

struct journal {
	int fd;
};

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

static uint32_t checksum(const char *key, size_t kn, const char *text, size_t tn)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < kn; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	for (size_t i = 0; i < tn; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	return h;
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
	}
	free(p);
	return ok;
}

bool journal_append(struct journal **j, const char *incident_path, const char *key,
                    const char *text, struct diag *err)
{
	if (!*j && !create(j, incident_path, err))
		return false;
	size_t kn = strlen(key), tn = strlen(text);
	struct strbuf rec;
	sb_init(&rec);
	sb_addf(&rec, "R %zu %zu %08x\n", kn, tn, (unsigned)checksum(key, kn, text, tn));
	sb_addn(&rec, key, kn);
	sb_addn(&rec, text, tn);
	sb_addc(&rec, '\n');
	/* One write(2): a kill leaves it whole or torn, never interleaved. */
	bool ok = file_write_fd((*j)->fd, rec.buf, rec.len);
	if (!ok) {
		char *p = journal_path(incident_path);
		diag_set(err, p, 0, _("cannot write: %s"), strerror(errno));
		free(p);
	}
	sb_release(&rec);
	return ok;
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

bool journal_parse(const char *data, size_t len, const char *name,
                   struct journal_records *out, struct diag *err)
{
	memset(out, 0, sizeof *out);
	if (len < sizeof HEADER - 1 || memcmp(data, HEADER, sizeof HEADER - 1) != 0) {
		diag_set(err, name, 1, "%s", _("not a todoke journal (the first line must be "
		                               "\"todoke-journal 1\"); left as it is"));
		return false;
	}
	const char *p = data + sizeof HEADER - 1, *end = data + len;
	while (p < end) {
		const char *at = p;
		size_t kn, tn;
		unsigned long sum;
		char *after;
		if (end - p < 2 || p[0] != 'R' || p[1] != ' ')
			break;
		p += 2;
		if (!number(&p, end, ' ', &kn) || !number(&p, end, ' ', &tn) || end - p < 9 ||
		    p[8] != '\n') {
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
		if (kn == 0 || (size_t)(end - p) < kn || (size_t)(end - p) - kn < tn + 1 ||
		    p[kn + tn] != '\n' || checksum(p, kn, p + kn, tn) != (uint32_t)sum ||
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
			return false;
		}
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n].key = xstrndup(p, kn);
		out->v[out->n].text = xstrndup(p + kn, tn);
		out->n++;
		p += kn + tn + 1;
	}
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
