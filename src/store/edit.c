/* edit — what the start screen does to a whole incident: rename it (its
 * title: the name the list shows) and duplicate it (store.h). */
#include "todoke/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"
#include "todoke/utf8.h"

bool store_take(const char *path, struct lock **lk, struct diag *err)
{
	struct lock_owner who;
	*lk = NULL;
	/* A dead session's lock is not taken over here: opening the incident
	 * recovers what that session left (store_leftover). */
	enum lock_result r = lock_probe(path, &who);
	if (r == LOCK_OK)
		r = lock_acquire(path, lk, &who, err);
	else if (r == LOCK_ERROR)
		r = lock_acquire(path, lk, &who, err);  /* for its message */
	if (r == LOCK_OK)
		return true;
	if (r == LOCK_TAKEN_STALE) {
		lock_release(lk);
		diag_set(err, path, 0, "%s", _("was interrupted: open it first (Enter) to recover "
		         "the answers its session saved"));
	} else if (r == LOCK_HELD)
		diag_set(err, path, 0, _("is being edited by %s (pid %ld on %s) since %s"),
		         who.user, who.pid, who.host, who.since);
	else
		lock_release(lk);
	return false;
}

/* A title as one line of text: no control characters, valid UTF-8,
 * spaces around it dropped.  NULL, with err, otherwise. */
static char *clean_title(const char *path, const char *title, struct diag *err)
{
	size_t bad;
	if (!utf8_valid(title, strlen(title), &bad)) {
		diag_set(err, path, 0, _("name: not valid UTF-8 (byte 0x%02X)"),
		         (unsigned char)title[bad]);
		return NULL;
	}
	for (const unsigned char *p = (const unsigned char *)title; *p; p++)
		if (*p < 0x20 || *p == 0x7f) {
			diag_set(err, path, 0, _("name: control character U+%04X is not allowed"), *p);
			return NULL;
		}
	const char *s = title + strspn(title, " ");
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!n) {
		diag_set(err, path, 0, "%s", _("name: empty"));
		return NULL;
	}
	return xstrndup(s, n);
}

bool store_rename(const char *path, const struct formset *fs, const char *title,
                  struct diag *err)
{
	char *t = clean_title(path, title, err);
	if (!t)
		return false;
	struct lock *lk;
	struct incident *inc = NULL;
	bool ok = false;
	if (!store_take(path, &lk, err))
		goto out;
	if (!incident_load(path, fs, &inc, err))
		goto out;
	incident_set_meta(inc, "title", t);
	/* A change like any other: saved with its history, committed. */
	ok = history_save(inc, path, true, err) != HS_FAILED;
	if (ok)
		diag_clear(err);
out:
	incident_free(&inc);
	lock_release(&lk);
	free(t);
	return ok;
}

char *store_duplicate(const char *path, const struct formset *fs, struct date today,
                      struct diag *err)
{
	struct incident *inc = NULL;
	if (!incident_load(path, fs, &inc, err))
		return NULL;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	const char *old = incident_meta(inc, "title");
	char *name = NULL;
	if (!old || !old[strspn(old, " ")]) {
		const char *base = slash ? slash + 1 : path;
		size_t n = strlen(base);
		name = n > 9 && strcmp(base + n - 9, ".incident") == 0 ? xstrndup(base, n - 9)
		                                                      : xstrdup(base);
		old = name;
	}
	struct strbuf title;
	sb_init(&title);
	sb_addf(&title, _("%s (copy)"), old);
	incident_set_meta(inc, "title", title.buf);
	sb_release(&title);
	free(name);
	char *out = NULL;
	/* A new name, taken under its lock before the file is made (as a new
	 * incident is): another session cannot take it meanwhile. */
	for (int tries = 0; tries < 100 && !out; tries++) {
		char *p = store_new_path(dir, today);
		struct lock *lk = NULL;
		enum lock_result r = lock_acquire(p, &lk, NULL, err);
		if (r == LOCK_HELD) {
			free(p);
			continue;
		}
		if (r == LOCK_ERROR) {
			free(p);
			break;
		}
		/* Its history begins with the copy: no versions, no submissions
		 * of the original (those stay the original's). */
		if (history_save(inc, p, true, err) != HS_FAILED) {
			diag_clear(err);
			out = p;
		} else
			free(p);
		lock_release(&lk);
		if (!out)
			break;
	}
	free(dir);
	incident_free(&inc);
	return out;
}
