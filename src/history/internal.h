/* history internals: the repository of a store, opened under its lock with
 * the store's modes (repo.c), shared by the log and the submissions. */
#ifndef TODOKE_HISTORY_INTERNAL_H
#define TODOKE_HISTORY_INTERNAL_H

#include <git2.h>
#include <stdbool.h>
#include <sys/types.h>

#include "gitload.h"

#include "todoke/diag.h"
#include "todoke/history.h"

struct hrepo {
	git_repository *repo;
	char *dir;      /* the store folder (work tree) */
	char *name;     /* NAME.incident */
	char *gitdir;
	int lockfd;
	mode_t old_umask;
};

/* Opens (create: creating when missing) the repository of path's folder,
 * takes its lock and sets the umask of the store's mode.  With create
 * false and no repository: false and err cleared (err->msg empty). */
bool hrepo_open(struct hrepo *h, const char *path, bool create, struct diag *err);
void hrepo_close(struct hrepo *h);
/* err from libgit2's last error, with what was being done. */
bool hrepo_fail(struct hrepo *h, struct diag *err, const char *what);
/* The signature of the user now. */
int hrepo_signature(git_signature **out, const struct who *w);
/* The blob of `name` in a commit's tree, or NULL (not there). */
git_blob *hrepo_blob_at(git_repository *r, const git_commit *c, const char *name);
/* Only its id, from the tree: the blob is not read (inflating a big
 * incident's text at each autosave only to compare ids cost more than the
 * rest of the save).  False when the tree has no such blob. */
bool hrepo_blob_id_at(const git_commit *c, const char *name, git_oid *id);
/* The tag prefix of an incident: "todoke/" + a ref-safe form of NAME. */
char *hrepo_tag_prefix(const char *name);

#endif
