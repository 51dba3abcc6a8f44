/* log — who changed which answer when: the commits of the branch that
 * touch the incident, each read back and compared with its parent's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

static bool parse_blob(git_blob *b, const char *what, const struct formset *fs,
                       struct incident **out, struct diag *err)
{
	*out = NULL;
	if (!b)
		return true;
	return incident_parse(git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), what, fs,
	                      out, err);
}

/* "id" matches id and, for a list, each id[N].field. */
static bool key_matches(const char *key, const char *question)
{
	size_t n = strlen(question);
	return strncmp(key, question, n) == 0 && (key[n] == '\0' || key[n] == '[');
}

static void add_entry(struct history_log *l, const git_signature *sig, const struct change *c,
                      bool begins)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	struct history_entry *e = &l->v[l->n++];
	memset(e, 0, sizeof *e);
	snprintf(e->login, sizeof e->login, "%s", sig->email);
	/* The name is the profile's 氏名, or the login repeated when none. */
	if (strcmp(sig->name, sig->email) != 0)
		snprintf(e->name, sizeof e->name, "%s", sig->name);
	e->when = (time_t)sig->when.time;
	e->tz_minutes = sig->when.offset;
	e->key = c->key ? xstrdup(c->key) : NULL;
	e->old_text = begins ? NULL : xstrdup(c->old_text);
	e->new_text = xstrdup(c->new_text);
}

bool history_log(const char *path, const struct formset *fs, const char *question,
                 struct history_log *out, struct diag *err)
{
	struct hrepo h;
	out->v = NULL;
	out->n = 0;
	if (!hrepo_open(&h, path, false, err))
		return err->msg[0] == '\0';  /* no repository: no history yet */
	git_revwalk *walk = NULL;
	git_oid oid;
	bool ok = true;
	if (git_revwalk_new(&walk, h.repo) < 0) {
		ok = hrepo_fail(&h, err, _("cannot read the history"));
		goto out;
	}
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
	int rc = git_revwalk_push_head(walk);
	if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
		goto out;  /* nothing committed yet */
	if (rc < 0) {
		ok = hrepo_fail(&h, err, _("cannot read the history"));
		goto out;
	}
	while (ok && git_revwalk_next(&oid, walk) == 0) {
		git_commit *c = NULL, *p = NULL;
		if (git_commit_lookup(&c, h.repo, &oid) < 0) {
			ok = hrepo_fail(&h, err, _("cannot read the history"));
			break;
		}
		if (git_commit_parentcount(c) > 0)
			git_commit_parent(&p, c, 0);
		git_blob *nb = hrepo_blob_at(h.repo, c, h.name);
		git_blob *ob = hrepo_blob_at(h.repo, p, h.name);
		if ((nb || ob) && !(nb && ob && git_oid_equal(git_blob_id(nb), git_blob_id(ob)))) {
			char what[600];
			char hex[GIT_OID_HEXSZ + 1];
			git_oid_tostr(hex, 9, &oid);
			snprintf(what, sizeof what, "%s@%s", h.name, hex);
			struct incident *a = NULL, *b = NULL;
			if (parse_blob(ob, what, fs, &a, err) && parse_blob(nb, what, fs, &b, err)) {
				struct changes ch;
				changes_between(a, b, &ch);
				struct strbuf first;
				sb_init(&first);
				sb_addf(&first, "%s: %s", h.name, HISTORY_BEGINS);
				const char *m = git_commit_message(c);
				bool begins = !ob && strncmp(m, first.buf, first.len) == 0;
				sb_release(&first);
				for (size_t i = 0; i < ch.n; i++)
					if (question ? key_matches(ch.v[i].key, question) : !begins)
						add_entry(out, git_commit_author(c), &ch.v[i], begins);
				if (begins && !question) {
					char n[32];
					snprintf(n, sizeof n, "%zu", ch.n);
					struct change all = { .new_text = n };
					add_entry(out, git_commit_author(c), &all, true);
				}
				changes_release(&ch);
			} else
				ok = false;
			incident_free(&a);
			incident_free(&b);
		}
		git_blob_free(nb);
		git_blob_free(ob);
		git_commit_free(p);
		git_commit_free(c);
	}
out:
	git_revwalk_free(walk);
	hrepo_close(&h);
	if (!ok)
		history_log_release(out);
	return ok;
}

void history_log_release(struct history_log *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].key);  /* NULL for where the history begins */
		free(l->v[i].old_text);
		free(l->v[i].new_text);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
