/* remove — an incident deleted takes its history and its sent copies with
 * it: the branch is rewritten without its file, its submission tags go,
 * the other incidents' submissions are re-parented onto the new branch,
 * and the objects are repacked from what is still reachable, so that no
 * version of its answers stays in the repository.  The one place todoke
 * rewrites history, and only after the user confirmed the deletion. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

struct map {
	git_oid *from, *to;  /* to zero: the commit vanished with no ancestor */
	size_t n;
};

static const git_oid *mapped(const struct map *m, const git_oid *old)
{
	for (size_t i = 0; i < m->n; i++)
		if (git_oid_equal(&m->from[i], old))
			return git_oid_is_zero(&m->to[i]) ? NULL : &m->to[i];
	return old;  /* not rewritten */
}

static void map_add(struct map *m, const git_oid *from, const git_oid *to)
{
	m->from = xrealloc(m->from, (m->n + 1) * sizeof *m->from);
	m->to = xrealloc(m->to, (m->n + 1) * sizeof *m->to);
	m->from[m->n] = *from;
	if (to)
		m->to[m->n] = *to;
	else
		memset(&m->to[m->n], 0, sizeof m->to[m->n]);
	m->n++;
}

/* The commit's tree without `name`. */
static int tree_without(git_repository *r, const git_commit *c, const char *name, git_oid *out)
{
	git_tree *t = NULL;
	git_treebuilder *tb = NULL;
	int rc = git_commit_tree(&t, c);
	if (rc == 0)
		rc = git_treebuilder_new(&tb, r, t);
	if (rc == 0 && git_treebuilder_get(tb, name))
		rc = git_treebuilder_remove(tb, name);
	if (rc == 0)
		rc = git_treebuilder_write(out, tb);
	git_treebuilder_free(tb);
	git_tree_free(t);
	return rc;
}

/* Each commit of the branch again without NAME, oldest first; commits
 * that changed only NAME vanish.  The branch then points at the new tip,
 * or is gone when nothing is left. */
static bool rewrite_branch(struct hrepo *h, struct map *m, struct diag *err)
{
	git_oid head, oid;
	int rc = git_reference_name_to_id(&head, h->repo, "HEAD");
	if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
		return true;
	if (rc < 0)
		return hrepo_fail(h, err, _("cannot read the history"));
	git_revwalk *w = NULL;
	bool ok = git_revwalk_new(&w, h->repo) == 0 && git_revwalk_push(w, &head) == 0;
	if (ok)
		git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	while (ok && git_revwalk_next(&oid, w) == 0) {
		git_commit *c = NULL;
		git_oid tree_id;
		if (git_commit_lookup(&c, h->repo, &oid) < 0 ||
		    tree_without(h->repo, c, h->name, &tree_id) < 0) {
			git_commit_free(c);
			ok = false;
			break;
		}
		const git_commit *parents[16];
		size_t np = 0;
		for (unsigned i = 0; i < git_commit_parentcount(c) && np < 16; i++) {
			const git_oid *p = mapped(m, git_commit_parent_id(c, i));
			git_commit *pc = NULL;
			if (p && git_commit_lookup(&pc, h->repo, p) == 0)
				parents[np++] = pc;
		}
		bool same = false;
		if (np == 1)
			same = git_oid_equal(git_commit_tree_id(parents[0]), &tree_id);
		else if (np == 0) {
			git_tree *t = NULL;
			same = git_tree_lookup(&t, h->repo, &tree_id) == 0 && git_tree_entrycount(t) == 0;
			git_tree_free(t);
		}
		if (same)
			map_add(m, &oid, np ? git_commit_id(parents[0]) : NULL);
		else {
			git_tree *t = NULL;
			git_oid nc;
			ok = git_tree_lookup(&t, h->repo, &tree_id) == 0 &&
			     git_commit_create(&nc, h->repo, NULL, git_commit_author(c),
			                       git_commit_committer(c), git_commit_message_encoding(c),
			                       git_commit_message(c), t, np, parents) == 0;
			git_tree_free(t);
			if (ok)
				map_add(m, &oid, &nc);
		}
		for (size_t i = 0; i < np; i++)
			git_commit_free((git_commit *)(uintptr_t)parents[i]);
		git_commit_free(c);
	}
	git_revwalk_free(w);
	if (!ok)
		return hrepo_fail(h, err, _("cannot rewrite the history"));
	const git_oid *tip = mapped(m, &head);
	git_reference *head_ref = NULL, *branch = NULL;
	if (git_repository_head(&head_ref, h->repo) < 0)
		return hrepo_fail(h, err, _("cannot rewrite the history"));
	if (tip)
		ok = git_reference_set_target(&branch, head_ref, tip, "todoke: incident deleted") == 0;
	else
		ok = git_reference_delete(head_ref) == 0;
	git_reference_free(branch);
	git_reference_free(head_ref);
	/* The reflogs would keep the old commits, and so the answers. */
	git_reflog_delete(h->repo, "HEAD");
	git_reflog_delete(h->repo, "refs/heads/main");
	return ok || hrepo_fail(h, err, _("cannot rewrite the history"));
}

/* Tags: the incident's go; the others' commits get the new parents. */
static bool retag(struct hrepo *h, const struct map *m, struct diag *err)
{
	char *prefix = hrepo_tag_prefix(h->name);
	size_t plen = strlen(prefix);
	git_strarray names = { 0 };
	bool ok = git_tag_list_match(&names, "todoke/*", h->repo) == 0;
	for (size_t i = 0; ok && i < names.count; i++) {
		const char *n = names.strings[i];
		if (strncmp(n, prefix, plen) == 0 && n[plen] == '/') {
			ok = git_tag_delete(h->repo, n) == 0;
			continue;
		}
		struct strbuf ref;
		sb_init(&ref);
		sb_addf(&ref, "refs/tags/%s", n);
		git_object *o = NULL;
		git_commit *c = NULL;
		if (git_revparse_single(&o, h->repo, ref.buf) == 0 &&
		    git_object_type(o) == GIT_OBJECT_TAG &&
		    git_commit_lookup(&c, h->repo, git_tag_target_id((git_tag *)o)) == 0 &&
		    git_commit_parentcount(c) == 1) {
			const git_oid *p = mapped(m, git_commit_parent_id(c, 0));
			if (!p || !git_oid_equal(p, git_commit_parent_id(c, 0))) {
				git_commit *pc = NULL;
				git_tree *t = NULL;
				git_object *target = NULL;
				git_oid nc, nt;
				const git_commit *parents[1];
				size_t np = 0;
				if (p && git_commit_lookup(&pc, h->repo, p) == 0)
					parents[np++] = pc;
				ok = git_commit_tree(&t, c) == 0 &&
				     git_commit_create(&nc, h->repo, NULL, git_commit_author(c),
				                       git_commit_committer(c), NULL, git_commit_message(c),
				                       t, np, parents) == 0 &&
				     git_object_lookup(&target, h->repo, &nc, GIT_OBJECT_COMMIT) == 0 &&
				     git_tag_create(&nt, h->repo, n, target, git_tag_tagger((git_tag *)o),
				                    git_tag_message((git_tag *)o), 1) == 0;
				git_object_free(target);
				git_tree_free(t);
				git_commit_free(pc);
			}
		}
		git_commit_free(c);
		git_object_free(o);
		sb_release(&ref);
	}
	git_strarray_dispose(&names);
	free(prefix);
	return ok || hrepo_fail(h, err, _("cannot remove the submissions"));
}

static void unlink_in(const char *dir, bool (*want)(const char *))
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.' || !want(e->d_name))
			continue;
		struct strbuf p;
		sb_init(&p);
		sb_addf(&p, "%s/%s", dir, e->d_name);
		unlink(p.buf);
		sb_release(&p);
	}
	closedir(d);
}

static bool any(const char *n)
{
	(void)n;
	return true;
}

static const char *new_pack;  /* the pack written by repack, kept */

static bool old_pack(const char *n)
{
	return strncmp(n, "pack-", 5) == 0 && !(new_pack && strstr(n, new_pack));
}

/* Everything still reachable (every ref, the index's staged answers of
 * other incidents) into one new pack; then every loose object and every
 * older pack goes: what only the deleted incident reached is gone. */
static bool repack(struct hrepo *h, struct diag *err)
{
	git_packbuilder *pb = NULL;
	git_revwalk *w = NULL;
	git_index *idx = NULL;
	git_strarray refs = { 0 };
	bool ok = git_packbuilder_new(&pb, h->repo) == 0 && git_revwalk_new(&w, h->repo) == 0 &&
	          git_reference_list(&refs, h->repo) == 0;
	for (size_t i = 0; ok && i < refs.count; i++) {
		git_oid id;
		git_object *o = NULL;
		if (git_reference_name_to_id(&id, h->repo, refs.strings[i]) < 0)
			continue;
		if (git_object_lookup(&o, h->repo, &id, GIT_OBJECT_ANY) == 0 &&
		    git_object_type(o) == GIT_OBJECT_TAG)
			ok = git_packbuilder_insert(pb, &id, NULL) == 0;
		git_object_free(o);
	}
	if (ok && refs.count)
		ok = git_revwalk_push_glob(w, "refs/*") == 0 && git_packbuilder_insert_walk(pb, w) == 0;
	if (ok && git_repository_index(&idx, h->repo) == 0) {
		size_t n = git_index_entrycount(idx);
		for (size_t i = 0; ok && i < n; i++) {
			const git_index_entry *e = git_index_get_byindex(idx, i);
			if (strcmp(e->path, h->name) != 0)
				ok = git_packbuilder_insert(pb, &e->id, NULL) == 0;
		}
	}
	char *objects = NULL, *packdir = NULL;
	if (ok) {
		struct strbuf sb;
		sb_init(&sb);
		sb_addf(&sb, "%s/objects", h->gitdir);
		objects = sb_detach(&sb);
		sb_init(&sb);
		sb_addf(&sb, "%s/pack", objects);
		packdir = sb_detach(&sb);
		new_pack = NULL;
		if (git_packbuilder_object_count(pb) > 0) {
			ok = git_packbuilder_write(pb, packdir, 0, NULL, NULL) == 0;
			if (ok)
				new_pack = git_packbuilder_name(pb);
		}
	}
	if (ok) {
		/* The pack holds them all now: loose copies and older packs go. */
		DIR *d = opendir(objects);
		for (struct dirent *e; d && (e = readdir(d));) {
			if (strlen(e->d_name) != 2 || e->d_name[0] == '.')
				continue;
			struct strbuf p;
			sb_init(&p);
			sb_addf(&p, "%s/%s", objects, e->d_name);
			unlink_in(p.buf, any);
			rmdir(p.buf);
			sb_release(&p);
		}
		if (d)
			closedir(d);
		unlink_in(packdir, old_pack);
	}
	new_pack = NULL;
	free(objects);
	free(packdir);
	git_strarray_dispose(&refs);
	git_index_free(idx);
	git_revwalk_free(w);
	git_packbuilder_free(pb);
	return ok || hrepo_fail(h, err, _("cannot repack the history"));
}

bool history_remove(const char *path, struct diag *err)
{
	struct hrepo h;
	if (!hrepo_open(&h, path, false, err))
		return err->msg[0] == '\0';  /* never had a history */
	struct map m = { 0 };
	git_index *idx = NULL;
	bool ok = rewrite_branch(&h, &m, err) && retag(&h, &m, err);
	if (ok && git_repository_index(&idx, h.repo) == 0) {
		git_index_remove_bypath(idx, h.name);
		ok = git_index_write(idx) == 0 || hrepo_fail(&h, err, _("cannot write the index"));
	}
	git_index_free(idx);
	if (ok) {
		struct strbuf p;
		sb_init(&p);
		sb_addf(&p, "%s/todoke-pending/%s", h.gitdir, h.name);
		unlink(p.buf);
		sb_release(&p);
		ok = repack(&h, err);
	}
	free(m.from);
	free(m.to);
	hrepo_close(&h);
	return ok;
}
