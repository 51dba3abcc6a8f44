/* repo — the store's git repository: opening it with the store's modes,
 * staging each save before the file is replaced, committing as the user. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/fileid.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/model.h"
#include "todoke/profile.h"
#include "todoke/strbuf.h"

void history_whoami(struct who *w)
{
	memset(w, 0, sizeof *w);
	struct passwd pw, *res = NULL;
	char buf[4096];
	if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &res) == 0 && res && res->pw_name[0])
		snprintf(w->login, sizeof w->login, "%s", res->pw_name);
	else
		snprintf(w->login, sizeof w->login, "uid%lu", (unsigned long)getuid());
	/* The 氏名 is the user's own (the profile's user.name), else the
	 * account's full name (GECOS, as git takes it) — never the reporter
	 * of the incident last edited, who may be someone else. */
	char *path = profile_path();
	if (!path || !profile_own_name(path, w->name, sizeof w->name)) {
		/* The GECOS full name when it says more than the login. */
		size_t n = res && res->pw_gecos ? strcspn(res->pw_gecos, ",") : 0;
		if (n && !(strlen(w->login) == n && memcmp(w->login, res->pw_gecos, n) == 0))
			snprintf(w->name, sizeof w->name, "%.*s", (int)n, res->pw_gecos);
	}
	free(path);
	/* A signature holds no angle brackets nor line breaks. */
	for (char *p = w->name; *p; p++)
		if (*p == '<' || *p == '>' || (unsigned char)*p < ' ')
			*p = ' ';
}

int hrepo_signature(git_signature **out, const struct who *w)
{
	return git_signature_now(out, w->name[0] ? w->name : w->login, w->login);
}

static bool lib_init(struct diag *err)
{
	static bool done;
	if (done)
		return true;
	if (!gitload(err))
		return false;
	done = true;
	git_libgit2_init();
	/* A team directory's repository is created by one member and written
	 * by all: git's "not owned by you" refusal would lock the others out. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	/* The history must survive a crash as the answer file does. */
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1);
	return true;
}

bool hrepo_fail(struct hrepo *h, struct diag *err, const char *what)
{
	const git_error *e = git_error_last();
	diag_set(err, h && h->gitdir ? h->gitdir : "", 0, _("history: %s: %s"), what,
	         e && e->message ? e->message : _("unknown error"));
	return false;
}

static char *join(const char *a, const char *b)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/%s", a, b);
	return sb_detach(&sb);
}

/* A fresh repository: work tree the store, HEAD main, only incidents
 * tracked (info/exclude), core.worktree so that git finds the store when
 * given only --git-dir. */
static bool create_repo(struct hrepo *h, bool team, struct diag *err)
{
	git_repository_init_options o;
	git_repository_init_options_init(&o, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
	/* Made bare, then given its work tree by config: libgit2 would
	 * otherwise write a .git file into the folder, perhaps over the .git
	 * of someone's project. */
	o.flags = GIT_REPOSITORY_INIT_MKDIR | GIT_REPOSITORY_INIT_NO_REINIT |
	          GIT_REPOSITORY_INIT_BARE;
	/* Modes come from our umask (007 or 077); in a team folder the
	 * setgid bit and the group pass to every new folder by themselves. */
	o.mode = GIT_REPOSITORY_INIT_SHARED_UMASK;
	o.initial_head = "main";
	git_repository *r = NULL;
	int rc = git_repository_init_ext(&r, h->gitdir, &o);
	if (rc == GIT_EEXISTS)
		return true;  /* another session made it meanwhile */
	if (rc < 0)
		return hrepo_fail(h, err, _("cannot create the repository"));
	/* Relative: the store may be moved or copied whole. */
	git_config *cfg = NULL;
	if (git_repository_config(&cfg, r) == 0) {
		git_config_set_bool(cfg, "core.bare", 0);
		git_config_set_string(cfg, "core.worktree", "..");
		/* git by hand (git status, pull) keeps the store's modes too. */
		git_config_set_string(cfg, "core.sharedRepository", team ? "0660" : "0600");
		git_config_free(cfg);
	}
	git_repository_free(r);
	/* An executable sample, of no use here. */
	char *sample = join(h->gitdir, "hooks/README.sample");
	unlink(sample);
	free(sample);
	char *ex = join(h->gitdir, "info/exclude");
	static const char rules[] = "# todoke: only the incidents are tracked\n.*\n";
	bool ok = file_write_atomic(ex, rules, sizeof rules - 1, team ? 0660 : 0600, err);
	free(ex);
	return ok;
}

bool hrepo_open(struct hrepo *h, const char *path, bool create, struct diag *err)
{
	memset(h, 0, sizeof *h);
	h->lockfd = -1;
	diag_clear(err);
	const char *slash = strrchr(path, '/');
	h->dir = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path)))
	               : xstrdup(".");
	h->name = xstrdup(slash ? slash + 1 : path);
	h->gitdir = join(h->dir, HISTORY_DIR);
	struct stat st;
	/* The store's mode: a team folder (setgid) shares with its group. */
	bool team = stat(h->dir, &st) == 0 && (st.st_mode & S_ISGID);
	h->old_umask = umask(team ? 007 : 077);
	bool exists = stat(h->gitdir, &st) == 0;
	if (!exists && (errno != ENOENT || !create)) {
		if (errno != ENOENT)
			diag_set(err, h->gitdir, 0, _("history: cannot read: %s"), strerror(errno));
		hrepo_close(h);
		return false;
	}
	/* libgit2 is loaded only now: a store with no history to read
	 * never needs it. */
	if (!lib_init(err) || (!exists && !create_repo(h, team, err))) {
		hrepo_close(h);
		return false;
	}
	char *lk = join(h->gitdir, "todoke.lock");
	h->lockfd = open(lk, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, team ? 0660 : 0600);
	free(lk);
	if (h->lockfd < 0 || flock(h->lockfd, LOCK_EX) != 0) {
		diag_set(err, h->gitdir, 0, _("history: cannot lock the repository: %s"),
		         strerror(errno));
		hrepo_close(h);
		return false;
	}
	if (git_repository_open_ext(&h->repo, h->gitdir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		hrepo_fail(h, err, _("cannot open the repository"));
		hrepo_close(h);
		return false;
	}
	return true;
}

void hrepo_close(struct hrepo *h)
{
	if (h->repo)  /* else libgit2 may not be loaded */
		git_repository_free(h->repo);
	h->repo = NULL;
	if (h->lockfd >= 0)
		close(h->lockfd);  /* drops the flock */
	h->lockfd = -1;
	if (h->dir)
		umask(h->old_umask);
	free(h->dir);
	free(h->name);
	free(h->gitdir);
	h->dir = h->name = h->gitdir = NULL;
}

git_blob *hrepo_blob_at(git_repository *r, const git_commit *c, const char *name)
{
	git_tree *t = NULL;
	git_blob *b = NULL;
	if (!c || git_commit_tree(&t, c) < 0)
		return NULL;
	const git_tree_entry *e = git_tree_entry_byname(t, name);
	if (e && git_tree_entry_type(e) == GIT_OBJECT_BLOB)
		git_blob_lookup(&b, r, git_tree_entry_id(e));
	git_tree_free(t);
	return b;
}

bool hrepo_blob_id_at(const git_commit *c, const char *name, git_oid *id)
{
	git_tree *t = NULL;
	if (!c || git_commit_tree(&t, c) < 0)
		return false;
	const git_tree_entry *e = git_tree_entry_byname(t, name);
	bool ok = e && git_tree_entry_type(e) == GIT_OBJECT_BLOB;
	if (ok)
		*id = *git_tree_entry_id(e);
	git_tree_free(t);
	return ok;
}

char *hrepo_tag_prefix(const char *name)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "todoke/");
	size_t n = strlen(name);
	if (n > 9 && strcmp(name + n - 9, ".incident") == 0)
		n -= 9;
	/* What git forbids in a ref name (., ~, ^, :, space, …) as %XX. */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c == '-' || c == '_')
			sb_addc(&sb, (char)c);
		else
			sb_addf(&sb, "%%%02X", c);
	}
	return sb_detach(&sb);
}

/* ---- staging and committing ------------------------------------------- */

/* The author of changes staged and not yet committed: a line
 * "LOGIN\tNAME\tSINCE" in GITDIR/todoke-pending/NAME. */
static char *pending_path(const struct hrepo *h)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s/todoke-pending/%s", h->gitdir, h->name);
	return sb_detach(&sb);
}

static bool pending_read(const struct hrepo *h, struct who *w, time_t *since)
{
	char *p = pending_path(h);
	FILE *fp = fopen(p, "r");
	free(p);
	if (!fp)
		return false;
	char line[512];
	bool ok = false;
	if (fgets(line, sizeof line, fp)) {
		char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (t1 && t2) {
			memset(w, 0, sizeof *w);
			snprintf(w->login, sizeof w->login, "%.*s", (int)(t1 - line), line);
			snprintf(w->name, sizeof w->name, "%.*s", (int)(t2 - t1 - 1), t1 + 1);
			*since = (time_t)strtoll(t2 + 1, NULL, 10);
			ok = w->login[0] != '\0';
		}
	}
	fclose(fp);
	return ok;
}

static bool pending_write(const struct hrepo *h, const struct who *w, struct diag *err)
{
	char *dir = join(h->gitdir, "todoke-pending");
	mkdir(dir, 0777);  /* the umask makes it the store's mode */
	free(dir);
	char *p = pending_path(h);
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s\t%s\t%lld\n", w->login, w->name, (long long)time(NULL));
	mode_t um = umask(0);
	umask(um);
	bool ok = file_write_atomic(p, sb.buf, sb.len, 0666 & ~um, err);
	sb_release(&sb);
	free(p);
	return ok;
}

static void pending_clear(const struct hrepo *h)
{
	char *p = pending_path(h);
	unlink(p);
	free(p);
}

static int head_commit(git_repository *r, git_commit **out)
{
	git_oid oid;
	*out = NULL;
	int rc = git_reference_name_to_id(&oid, r, "HEAD");
	if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
		return 0;
	if (rc < 0)
		return rc;
	return git_commit_lookup(out, r, &oid);
}

/* The staged blob of NAME differs from the one HEAD has: *staged set. */
static bool staged_change(struct hrepo *h, git_index *idx, git_oid *staged)
{
	const git_index_entry *e = git_index_get_bypath(idx, h->name, 0);
	if (!e)
		return false;
	*staged = e->id;
	git_commit *c = NULL;
	head_commit(h->repo, &c);
	git_oid at_head;
	bool differs = !hrepo_blob_id_at(c, h->name, &at_head) || !git_oid_equal(&at_head, staged);
	git_commit_free(c);
	return differs;
}

/* One commit on HEAD: HEAD's tree with NAME's blob replaced by `blob` —
 * only this incident, never another's staged change. */
static bool commit_blob(struct hrepo *h, const git_oid *blob, const struct who *w,
                        const char *what, struct diag *err)
{
	git_commit *parent = NULL;
	git_tree *base = NULL, *tree = NULL;
	git_treebuilder *tb = NULL;
	git_signature *sig = NULL;
	git_oid tree_id, commit_id;
	bool ok = false;
	if (head_commit(h->repo, &parent) < 0 ||
	    (parent && git_commit_tree(&base, parent) < 0) ||
	    git_treebuilder_new(&tb, h->repo, base) < 0 ||
	    git_treebuilder_insert(NULL, tb, h->name, blob, GIT_FILEMODE_BLOB) < 0 ||
	    git_treebuilder_write(&tree_id, tb) < 0 ||
	    git_tree_lookup(&tree, h->repo, &tree_id) < 0 ||
	    hrepo_signature(&sig, w) < 0) {
		hrepo_fail(h, err, _("cannot write a commit"));
		goto out;
	}
	struct strbuf msg;
	sb_init(&msg);
	sb_addf(&msg, "%s: %s\n", h->name, what);
	const git_commit *parents[1] = { parent };
	int rc = git_commit_create(&commit_id, h->repo, "HEAD", sig, sig, NULL, msg.buf, tree,
	                           parent ? 1 : 0, parents);
	sb_release(&msg);
	if (rc < 0) {
		hrepo_fail(h, err, _("cannot write a commit"));
		goto out;
	}
	pending_clear(h);
	ok = true;
out:
	git_signature_free(sig);
	git_tree_free(tree);
	git_tree_free(base);
	git_treebuilder_free(tb);
	git_commit_free(parent);
	return ok;
}

/* What a session left staged (it was killed before committing) is
 * committed first, as its author's, when someone else now saves. */
static bool commit_orphan(struct hrepo *h, git_index *idx, const struct who *me,
                          struct diag *err)
{
	git_oid staged;
	struct who w;
	time_t since;
	if (!staged_change(h, idx, &staged))
		return true;
	if (!pending_read(h, &w, &since))
		w = *me;
	if (strcmp(w.login, me->login) == 0 && strcmp(w.name, me->name) == 0)
		return true;  /* one's own: goes into one's next commit */
	return commit_blob(h, &staged, &w, "answers saved (committed after the session ended)", err);
}

/* An incident saved before it had a history (or copied into the store):
 * its text as it is on disk becomes the first version, so that what this
 * save changes is told apart from what was there. */
static bool baseline(struct hrepo *h, git_index *idx, const struct who *me, struct diag *err)
{
	if (git_index_get_bypath(idx, h->name, 0))
		return true;
	git_commit *c = NULL;
	head_commit(h->repo, &c);
	git_blob *b = hrepo_blob_at(h->repo, c, h->name);
	git_commit_free(c);
	if (b) {
		git_blob_free(b);
		return true;
	}
	char *path = join(h->dir, h->name), *data;
	size_t len;
	struct diag ignore;
	bool there = file_read_all(path, &data, &len, &ignore);
	free(path);
	if (!there)
		return true;  /* a new incident */
	git_oid blob;
	bool ok = git_blob_create_from_buffer(&blob, h->repo, data, len) == 0;
	free(data);
	if (!ok)
		return hrepo_fail(h, err, _("cannot write the answers"));
	return commit_blob(h, &blob, me, HISTORY_BEGINS, err);
}

static bool record(struct hrepo *h, const char *text, size_t len, bool commit,
                   struct diag *err)
{
	struct who me;
	history_whoami(&me);
	git_index *idx = NULL;
	git_oid blob;
	bool ok = false;
	if (git_repository_index(&idx, h->repo) < 0)
		return hrepo_fail(h, err, _("cannot read the index"));
	if (!commit_orphan(h, idx, &me, err) || !baseline(h, idx, &me, err))
		goto out;
	if (git_blob_create_from_buffer(&blob, h->repo, text, len) < 0) {
		hrepo_fail(h, err, _("cannot write the answers"));
		goto out;
	}
	git_index_entry e;
	memset(&e, 0, sizeof e);
	e.path = h->name;
	e.mode = GIT_FILEMODE_BLOB;
	e.id = blob;
	e.file_size = (uint32_t)len;
	if (git_index_add(idx, &e) < 0 || git_index_write(idx) < 0) {
		hrepo_fail(h, err, _("cannot write the index"));
		goto out;
	}
	git_oid staged;
	if (!staged_change(h, idx, &staged)) {
		pending_clear(h);  /* back to what HEAD has */
		ok = true;
		goto out;
	}
	struct who pw;
	time_t since = 0;
	if (!pending_read(h, &pw, &since)) {
		if (!pending_write(h, &me, err))
			goto out;
		since = time(NULL);
	}
	if (commit || time(NULL) - since >= HISTORY_AUTOSAVE_SECONDS)
		ok = commit_blob(h, &blob, &me, "answers saved", err);
	else
		ok = true;
out:
	git_index_free(idx);
	return ok;
}

enum history_save_result history_save(const struct incident *inc, const char *path,
                                      bool commit, struct diag *err)
{
	return history_save_checked(inc, path, commit, NULL, err);
}

enum history_save_result history_save_checked(const struct incident *inc, const char *path,
                                              bool commit, struct file_id *id,
                                              struct diag *err)
{
	/* Another writer's change is theirs: neither staged as ours nor
	 * written over. */
	if (id && file_id_changed(path, id)) {
		diag_set(err, path, 0, "%s", id->exists
		         ? _("was changed by someone else since todoke read it; not saved over it")
		         : _("was created by someone else meanwhile; not overwriting it"));
		return HS_CHANGED;
	}
	struct strbuf sb;
	struct hrepo h;
	sb_init(&sb);
	incident_serialize(inc, &sb);
	bool recorded = hrepo_open(&h, path, true, err) && record(&h, sb.buf, sb.len, commit, err);
	hrepo_close(&h);
	struct diag hist = *err;
	/* The answers are saved even when their history cannot be: losing
	 * what was typed would be worse.  0600, or 0660 in a team directory. */
	diag_clear(err);
	struct stat st;
	bool saved = file_write_atomic_st(path, sb.buf, sb.len, file_mode_in(path), &st, err);
	if (saved && id)
		file_id_of(&st, sb.buf, sb.len, id);  /* what we wrote, not a second look */
	sb_release(&sb);
	if (!saved)
		return HS_FAILED;
	if (!recorded) {
		*err = hist;
		return HS_UNRECORDED;
	}
	return HS_OK;
}

bool history_commit(const char *path, struct diag *err)
{
	struct hrepo h;
	if (!hrepo_open(&h, path, false, err))
		return err->msg[0] == '\0';
	git_index *idx = NULL;
	git_oid staged;
	bool ok = true;
	if (git_repository_index(&idx, h.repo) < 0)
		ok = hrepo_fail(&h, err, _("cannot read the index"));
	else if (staged_change(&h, idx, &staged)) {
		struct who w;
		time_t since;
		if (!pending_read(&h, &w, &since))
			history_whoami(&w);
		ok = commit_blob(&h, &staged, &w, "answers saved", err);
	}
	git_index_free(idx);
	hrepo_close(&h);
	return ok;
}
