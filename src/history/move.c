/* move — an incident's history carried into another repository: into the
 * trash with the incident, and back out when it is restored (history.h,
 * history_copy).  Objects are copied byte for byte (same ids); the
 * versions are replayed as commits that change only the incident's file,
 * keeping their authors, dates and messages; each submission becomes the
 * same tag on the same tree, under the incident's name there. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

/* Where each commit of the source branch landed in the destination. */
struct landing {
	git_oid *from, *to;
	size_t n;
};

static void land(struct landing *l, const git_oid *from, const git_oid *to)
{
	l->from = xrealloc(l->from, (l->n + 1) * sizeof *l->from);
	l->to = xrealloc(l->to, (l->n + 1) * sizeof *l->to);
	l->from[l->n] = *from;
	l->to[l->n] = *to;
	l->n++;
}

static const git_oid *landed(const struct landing *l, const git_oid *from)
{
	for (size_t i = 0; i < l->n; i++)
		if (git_oid_equal(&l->from[i], from))
			return git_oid_is_zero(&l->to[i]) ? NULL : &l->to[i];
	return NULL;
}

struct mover {
	struct hrepo *src, *dst;
	git_odb *sodb, *dodb;
};

/* A blob, or a tree with everything under it, into dst's object store. */
static int copy_object(struct mover *m, const git_oid *id)
{
	if (git_odb_exists(m->dodb, id))
		return 0;
	git_odb_object *o = NULL;
	int rc = git_odb_read(&o, m->sodb, id);
	if (rc < 0)
		return rc;
	git_object_t type = git_odb_object_type(o);
	if (type == GIT_OBJECT_TREE) {
		/* Entries first: a tree whose entries are missing is broken. */
		git_tree *t = NULL;
		rc = git_tree_lookup(&t, m->src->repo, id);
		for (size_t i = 0; rc == 0 && i < git_tree_entrycount(t); i++)
			rc = copy_object(m, git_tree_entry_id(git_tree_entry_byindex(t, i)));
		git_tree_free(t);
	}
	git_oid out;
	if (rc == 0)
		rc = git_odb_write(&out, m->dodb, git_odb_object_data(o), git_odb_object_size(o), type);
	git_odb_object_free(o);
	return rc;
}

static int head_of(git_repository *r, git_oid *out)
{
	int rc = git_reference_name_to_id(out, r, "HEAD");
	if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) {
		memset(out, 0, sizeof *out);
		return 0;
	}
	return rc;
}

/* A commit on dst's branch: its tip's tree with the incident's file set to
 * blob (NULL: taken out), author, committer and message those of c. */
static int replay(struct mover *m, const git_commit *c, const git_oid *blob, git_oid *out)
{
	git_oid tip, tree_id;
	git_commit *parent = NULL;
	git_tree *base = NULL, *tree = NULL;
	git_treebuilder *tb = NULL;
	int rc = head_of(m->dst->repo, &tip);
	if (rc == 0 && !git_oid_is_zero(&tip))
		rc = git_commit_lookup(&parent, m->dst->repo, &tip);
	if (rc == 0 && parent)
		rc = git_commit_tree(&base, parent);
	if (rc == 0)
		rc = git_treebuilder_new(&tb, m->dst->repo, base);
	if (rc == 0 && blob)
		rc = copy_object(m, blob) ||
		     git_treebuilder_insert(NULL, tb, m->dst->name, blob, GIT_FILEMODE_BLOB);
	else if (rc == 0 && git_treebuilder_get(tb, m->dst->name))
		rc = git_treebuilder_remove(tb, m->dst->name);
	if (rc == 0)
		rc = git_treebuilder_write(&tree_id, tb);
	if (rc == 0)
		rc = git_tree_lookup(&tree, m->dst->repo, &tree_id);
	const git_commit *parents[1] = { parent };
	if (rc == 0)
		rc = git_commit_create(out, m->dst->repo, "HEAD", git_commit_author(c),
		                       git_commit_committer(c), git_commit_message_encoding(c),
		                       git_commit_message(c), tree, parent ? 1 : 0, parents);
	git_tree_free(tree);
	git_treebuilder_free(tb);
	git_tree_free(base);
	git_commit_free(parent);
	return rc;
}

/* Every commit of src's branch that changed the incident, oldest first. */
static bool copy_branch(struct mover *m, struct landing *l, git_oid *last_blob,
                        struct diag *err)
{
	git_oid head, oid, tip;
	memset(last_blob, 0, sizeof *last_blob);
	if (head_of(m->src->repo, &head) < 0)
		return hrepo_fail(m->src, err, _("cannot read the history"));
	if (git_oid_is_zero(&head))
		return true;
	git_revwalk *w = NULL;
	bool ok = git_revwalk_new(&w, m->src->repo) == 0 && git_revwalk_push(w, &head) == 0;
	if (ok)
		git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	while (ok && git_revwalk_next(&oid, w) == 0) {
		git_commit *c = NULL, *p = NULL;
		if (git_commit_lookup(&c, m->src->repo, &oid) < 0) {
			ok = false;
			break;
		}
		if (git_commit_parentcount(c) > 0)
			git_commit_parent(&p, c, 0);
		git_blob *nb = hrepo_blob_at(m->src->repo, c, m->src->name);
		git_blob *ob = hrepo_blob_at(m->src->repo, p, m->src->name);
		bool changed = (nb || ob) && !(nb && ob && git_oid_equal(git_blob_id(nb), git_blob_id(ob)));
		if (changed)
			ok = replay(m, c, nb ? git_blob_id(nb) : NULL, &tip) == 0;
		else
			ok = head_of(m->dst->repo, &tip) == 0;
		if (ok)
			land(l, &oid, &tip);
		if (changed && nb)
			*last_blob = *git_blob_id(nb);
		else if (changed)
			memset(last_blob, 0, sizeof *last_blob);
		git_blob_free(nb);
		git_blob_free(ob);
		git_commit_free(p);
		git_commit_free(c);
	}
	git_revwalk_free(w);
	return ok || hrepo_fail(m->dst, err, _("cannot copy the history"));
}

/* The tree of a submission under dst's name for the incident. */
static int tag_tree(struct mover *m, const git_commit *c, git_oid *out)
{
	git_tree *t = NULL;
	git_treebuilder *tb = NULL;
	int rc = git_commit_tree(&t, c);
	if (rc == 0)
		rc = git_treebuilder_new(&tb, m->dst->repo, NULL);
	for (size_t i = 0; rc == 0 && i < git_tree_entrycount(t); i++) {
		const git_tree_entry *e = git_tree_entry_byindex(t, i);
		const char *name = strcmp(git_tree_entry_name(e), m->src->name) == 0
		                   ? m->dst->name : git_tree_entry_name(e);
		rc = copy_object(m, git_tree_entry_id(e));
		if (rc == 0)
			rc = git_treebuilder_insert(NULL, tb, name, git_tree_entry_id(e),
			                            git_tree_entry_filemode(e));
	}
	if (rc == 0)
		rc = git_treebuilder_write(out, tb);
	git_treebuilder_free(tb);
	git_tree_free(t);
	return rc;
}

/* One submission tag: the same record on the same tree, its parent the
 * version it was sent from as it landed in dst. */
static int copy_tag(struct mover *m, const struct landing *l, const char *name,
                    const char *dst_prefix, const char *number)
{
	struct strbuf ref, tag;
	sb_init(&ref);
	sb_init(&tag);
	sb_addf(&ref, "refs/tags/%s", name);
	sb_addf(&tag, "%s/%s", dst_prefix, number);
	git_object *o = NULL, *target = NULL;
	git_commit *c = NULL, *parent = NULL;
	git_tree *tree = NULL;
	git_oid tree_id, nc, nt;
	int rc = git_revparse_single(&o, m->src->repo, ref.buf);
	if (rc == 0 && git_object_type(o) != GIT_OBJECT_TAG)
		goto out;  /* made by hand: no record, not ours to carry */
	if (rc == 0)
		rc = git_commit_lookup(&c, m->src->repo, git_tag_target_id((git_tag *)o));
	if (rc == 0 && git_commit_parentcount(c) > 0) {
		const git_oid *p = landed(l, git_commit_parent_id(c, 0));
		if (p)
			rc = git_commit_lookup(&parent, m->dst->repo, p);
	}
	if (rc == 0)
		rc = tag_tree(m, c, &tree_id);
	if (rc == 0)
		rc = git_tree_lookup(&tree, m->dst->repo, &tree_id);
	const git_commit *parents[1] = { parent };
	if (rc == 0)
		rc = git_commit_create(&nc, m->dst->repo, NULL, git_commit_author(c),
		                       git_commit_committer(c), git_commit_message_encoding(c),
		                       git_commit_message(c), tree, parent ? 1 : 0, parents);
	if (rc == 0)
		rc = git_object_lookup(&target, m->dst->repo, &nc, GIT_OBJECT_COMMIT);
	if (rc == 0)
		rc = git_tag_create(&nt, m->dst->repo, tag.buf, target, git_tag_tagger((git_tag *)o),
		                    git_tag_message((git_tag *)o), 0);
out:
	git_object_free(target);
	git_tree_free(tree);
	git_commit_free(parent);
	git_commit_free(c);
	git_object_free(o);
	sb_release(&ref);
	sb_release(&tag);
	return rc;
}

static bool copy_tags(struct mover *m, const struct landing *l, struct diag *err)
{
	char *sp = hrepo_tag_prefix(m->src->name), *dp = hrepo_tag_prefix(m->dst->name);
	struct strbuf pat;
	sb_init(&pat);
	sb_addf(&pat, "%s/*", sp);
	git_strarray names = { 0 };
	bool ok = git_tag_list_match(&names, pat.buf, m->src->repo) == 0;
	size_t plen = strlen(sp) + 1;
	for (size_t i = 0; ok && i < names.count; i++)
		if (!strchr(names.strings[i] + plen, '/'))
			ok = copy_tag(m, l, names.strings[i], dp, names.strings[i] + plen) == 0;
	git_strarray_dispose(&names);
	sb_release(&pat);
	free(sp);
	free(dp);
	return ok || hrepo_fail(m->dst, err, _("cannot copy the submissions"));
}

/* The destination must not mix another incident's history into this one. */
static bool has_history(struct hrepo *h)
{
	git_oid head;
	git_commit *c = NULL;
	bool has = false;
	if (head_of(h->repo, &head) == 0 && !git_oid_is_zero(&head) &&
	    git_commit_lookup(&c, h->repo, &head) == 0) {
		git_blob *b = hrepo_blob_at(h->repo, c, h->name);
		has = b != NULL;
		git_blob_free(b);
	}
	git_commit_free(c);
	char *prefix = hrepo_tag_prefix(h->name);
	struct strbuf pat;
	sb_init(&pat);
	sb_addf(&pat, "%s/*", prefix);
	git_strarray names = { 0 };
	if (git_tag_list_match(&names, pat.buf, h->repo) == 0 && names.count)
		has = true;
	git_strarray_dispose(&names);
	sb_release(&pat);
	free(prefix);
	git_index *idx = NULL;
	if (git_repository_index(&idx, h->repo) == 0 && git_index_get_bypath(idx, h->name, 0))
		has = true;
	git_index_free(idx);
	return has;
}

bool history_has(const char *path)
{
	struct hrepo h;
	struct diag err;
	if (!hrepo_open(&h, path, false, &err))
		return false;
	bool has = has_history(&h);
	hrepo_close(&h);
	return has;
}

static char *folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
}

bool history_copy(const char *from, const char *to, struct diag *err)
{
	/* What a killed session left staged is a version too, its author's. */
	if (!history_commit(from, err))
		return false;
	struct hrepo src, dst;
	memset(&src, 0, sizeof src);
	memset(&dst, 0, sizeof dst);
	src.lockfd = dst.lockfd = -1;
	/* Two sessions locking the same two repositories take them in the
	 * same order (by folder name): never each waiting for the other. */
	char *fd = folder_of(from), *td = folder_of(to);
	bool src_first = strcmp(fd, td) <= 0;
	free(fd);
	free(td);
	bool opened;
	if (src_first) {
		opened = hrepo_open(&src, from, false, err);
		if (!opened)
			return err->msg[0] == '\0';  /* no history: nothing to carry */
		opened = hrepo_open(&dst, to, true, err);
	} else {
		opened = hrepo_open(&dst, to, true, err);
		if (opened && !hrepo_open(&src, from, false, err)) {
			hrepo_close(&dst);
			return err->msg[0] == '\0';
		}
	}
	bool ok = opened;
	struct mover m = { &src, &dst, NULL, NULL };
	struct landing l = { 0 };
	git_oid last;
	if (ok && has_history(&dst)) {
		diag_set(err, to, 0, "%s", _("history: this name already has a history"));
		ok = false;
	}
	if (ok && (git_repository_odb(&m.sodb, src.repo) < 0 ||
	           git_repository_odb(&m.dodb, dst.repo) < 0))
		ok = hrepo_fail(&dst, err, _("cannot copy the history"));
	if (ok)
		ok = copy_branch(&m, &l, &last, err) && copy_tags(&m, &l, err);
	/* The index holds what the branch holds, as after any commit. */
	git_index *idx = NULL;
	if (ok && !git_oid_is_zero(&last) && git_repository_index(&idx, dst.repo) == 0) {
		git_index_entry e;
		memset(&e, 0, sizeof e);
		e.path = dst.name;
		e.mode = GIT_FILEMODE_BLOB;
		e.id = last;
		ok = (git_index_add(idx, &e) == 0 && git_index_write(idx) == 0) ||
		     hrepo_fail(&dst, err, _("cannot write the index"));
	}
	git_index_free(idx);
	git_odb_free(m.sodb);
	git_odb_free(m.dodb);
	free(l.from);
	free(l.to);
	/* Closed in the reverse order: each restores the umask it found. */
	if (src_first) {
		hrepo_close(&dst);
		hrepo_close(&src);
	} else {
		hrepo_close(&src);
		hrepo_close(&dst);
	}
	return ok;
}
