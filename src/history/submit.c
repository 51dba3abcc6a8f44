/* submit — what was sent: a tag per submission on a commit holding the
 * incident as it was and the exact bytes sent; the tag's message is the
 * record ("todoke-submission 1", then "key: value" lines). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "todoke/document.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

#define RECORD_HEADER "todoke-submission 1\n"

void submission_release(struct submission *s)
{
	free(s->document);
	free(s->kind);
	free(s->file);
	free(s->options);
	free(s->tag);
	memset(s, 0, sizeof *s);
}

void submissions_release(struct submissions *s)
{
	for (size_t i = 0; i < s->n; i++)
		submission_release(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

const struct submission *submissions_last(const struct submissions *s, const char *document)
{
	for (size_t i = s->n; i-- > 0;)
		if (!document || strcmp(s->v[i].document, document) == 0)
			return &s->v[i];
	return NULL;
}

/* The record's value of key, malloc'd, or NULL. */
static char *field(const char *msg, const char *key)
{
	size_t k = strlen(key);
	for (const char *p = msg; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, key, k) == 0 && p[k] == ':' && p[k + 1] == ' ') {
			const char *v = p + k + 2, *e = strchr(v, '\n');
			return e ? xstrndup(v, (size_t)(e - v)) : xstrdup(v);
		}
	return NULL;
}

/* 1: a record, read into s; 0: a tag that is no record (made by hand);
 * -1: its object cannot be read (a damaged or half-copied history). */
static int read_tag(struct hrepo *h, const char *refname, struct submission *s)
{
	git_object *o = NULL;
	memset(s, 0, sizeof *s);
	/* Not git_revparse_single: libgit2 1.5 leaks a reference there when
	 * the tag's object is missing. */
	git_oid id;
	if (git_reference_name_to_id(&id, h->repo, refname) < 0 ||
	    git_object_lookup(&o, h->repo, &id, GIT_OBJECT_ANY) < 0)
		return -1;
	bool ok = false;
	if (git_object_type(o) == GIT_OBJECT_TAG) {
		const git_tag *t = (const git_tag *)o;
		const char *msg = git_tag_message(t);
		const char *num = strrchr(refname, '/');
		char *date = field(msg, "date");
		const char *why;
		s->document = field(msg, "document");
		s->kind = field(msg, "kind");
		s->file = field(msg, "file");
		s->options = field(msg, "options");
		if (!s->options)
			s->options = xstrdup("");
		s->number = num ? (unsigned)strtoul(num + 1, NULL, 10) : 0;
		const git_signature *sig = git_tag_tagger(t);
		if (sig) {
			snprintf(s->login, sizeof s->login, "%s", sig->email);
			if (strcmp(sig->name, sig->email) != 0)
				snprintf(s->name, sizeof s->name, "%s", sig->name);
			s->recorded = (time_t)sig->when.time;
		}
		ok = strncmp(msg, RECORD_HEADER, strlen(RECORD_HEADER)) == 0 && s->document &&
		     s->kind && s->file && date && date_parse(date, &s->date, &why) && s->number;
		free(date);
		s->tag = xstrdup(refname + strlen("refs/tags/"));
	}
	git_object_free(o);
	if (!ok)
		submission_release(s);
	return ok;
}

static int by_number(const void *pa, const void *pb)
{
	const struct submission *a = pa, *b = pb;
	return a->number < b->number ? -1 : a->number > b->number;
}

static bool list(struct hrepo *h, struct submissions *out, struct diag *err)
{
	char *prefix = hrepo_tag_prefix(h->name);
	struct strbuf pat;
	sb_init(&pat);
	sb_addf(&pat, "%s/*", prefix);
	free(prefix);
	git_strarray names = { 0 };
	bool ok = git_tag_list_match(&names, pat.buf, h->repo) == 0;
	sb_release(&pat);
	if (!ok)
		return hrepo_fail(h, err, _("cannot list the submissions"));
	for (size_t i = 0; i < names.count; i++) {
		struct strbuf ref;
		sb_init(&ref);
		sb_addf(&ref, "refs/tags/%s", names.strings[i]);
		struct submission s;
		/* A tag that is not a record (made by hand) is not a submission;
		 * one whose object is gone is a history that cannot be trusted. */
		int r = read_tag(h, ref.buf, &s);
		if (r > 0) {
			out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
			out->v[out->n++] = s;
		}
		sb_release(&ref);
		if (r < 0) {
			ok = hrepo_fail(h, err, names.strings[i]);
			break;
		}
	}
	git_strarray_dispose(&names);
	if (!ok) {
		submissions_release(out);
		return false;
	}
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_number);
	return true;
}

bool submissions_list(const char *path, struct submissions *out, struct diag *err)
{
	struct hrepo h;
	out->v = NULL;
	out->n = 0;
	if (!hrepo_open(&h, path, false, err))
		return err->msg[0] == '\0';
	bool ok = list(&h, out, err);
	hrepo_close(&h);
	return ok;
}

/* A tree holding NAME (the incident) and sent/FILE. */
static bool snapshot_tree(struct hrepo *h, const git_oid *incident, const char *file,
                          const git_oid *sent, git_oid *tree)
{
	git_treebuilder *sub = NULL, *top = NULL;
	git_oid sub_id;
	bool ok = git_treebuilder_new(&sub, h->repo, NULL) == 0 &&
	          git_treebuilder_insert(NULL, sub, file, sent, GIT_FILEMODE_BLOB) == 0 &&
	          git_treebuilder_write(&sub_id, sub) == 0 &&
	          git_treebuilder_new(&top, h->repo, NULL) == 0 &&
	          git_treebuilder_insert(NULL, top, h->name, incident, GIT_FILEMODE_BLOB) == 0 &&
	          git_treebuilder_insert(NULL, top, "sent", &sub_id, GIT_FILEMODE_TREE) == 0 &&
	          git_treebuilder_write(tree, top) == 0;
	git_treebuilder_free(sub);
	git_treebuilder_free(top);
	return ok;
}

bool submission_record(const char *path, const char *document, const char *kind,
                       struct date date, const char *file_name, const char *options,
                       const char *sent, size_t sent_len,
                       struct submission *out, struct diag *err)
{
	memset(out, 0, sizeof *out);
	const char *base = strrchr(file_name, '/');
	base = base ? base + 1 : file_name;
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		diag_set(err, file_name, 0, "%s", _("not a file name"));
		return false;
	}
	char *text;
	size_t len;
	if (!file_read_all(path, &text, &len, err))
		return false;
	struct hrepo h;
	if (!hrepo_open(&h, path, true, err)) {
		free(text);
		return false;
	}
	struct who me;
	history_whoami(&me);
	struct submissions prior = { 0 };
	git_oid inc_blob, sent_blob, tree_id, commit_id, tag_id;
	git_tree *tree = NULL;
	git_commit *parent = NULL;
	git_signature *sig = NULL;
	git_object *target = NULL;
	struct strbuf msg, tag;
	sb_init(&msg);
	sb_init(&tag);
	bool ok = false;
	if (!list(&h, &prior, err))
		goto out;
	git_oid head;
	if (git_reference_name_to_id(&head, h.repo, "HEAD") == 0)
		git_commit_lookup(&parent, h.repo, &head);
	const git_commit *parents[1] = { parent };
	char iso[16];
	date_format_iso(date, iso, sizeof iso);
	sb_addf(&msg, RECORD_HEADER "document: %s\nkind: %s\ndate: %s\nfile: %s\n", document,
	        kind, iso, base);
	if (options && *options)
		sb_addf(&msg, "options: %s\n", options);
	if (git_blob_create_from_buffer(&inc_blob, h.repo, text, len) < 0 ||
	    git_blob_create_from_buffer(&sent_blob, h.repo, sent, sent_len) < 0 ||
	    !snapshot_tree(&h, &inc_blob, base, &sent_blob, &tree_id) ||
	    git_tree_lookup(&tree, h.repo, &tree_id) < 0 || hrepo_signature(&sig, &me) < 0 ||
	    git_commit_create(&commit_id, h.repo, NULL, sig, sig, NULL, msg.buf, tree,
	                      parent ? 1 : 0, parents) < 0 ||
	    git_object_lookup(&target, h.repo, &commit_id, GIT_OBJECT_COMMIT) < 0) {
		hrepo_fail(&h, err, _("cannot record the submission"));
		goto out;
	}
	unsigned n = prior.n ? prior.v[prior.n - 1].number + 1 : 1;
	char *prefix = hrepo_tag_prefix(h.name);
	sb_addf(&tag, "%s/%u", prefix, n);
	free(prefix);
	if (git_tag_create(&tag_id, h.repo, tag.buf, target, sig, msg.buf, 0) < 0) {
		hrepo_fail(&h, err, _("cannot record the submission"));
		goto out;
	}
	out->number = n;
	out->document = xstrdup(document);
	out->kind = xstrdup(kind);
	out->date = date;
	out->file = xstrdup(base);
	out->options = xstrdup(options ? options : "");
	snprintf(out->login, sizeof out->login, "%s", me.login);
	snprintf(out->name, sizeof out->name, "%s", me.name);
	out->recorded = time(NULL);
	out->tag = sb_detach(&tag);
	ok = true;
out:
	sb_release(&tag);
	sb_release(&msg);
	submissions_release(&prior);
	git_object_free(target);
	git_signature_free(sig);
	git_commit_free(parent);
	git_tree_free(tree);
	hrepo_close(&h);
	free(text);
	return ok;
}

static char *blob_copy(git_repository *r, git_tree *t, const char *p, size_t *len)
{
	git_tree_entry *e = NULL;
	git_blob *b = NULL;
	char *out = NULL;
	if (git_tree_entry_bypath(&e, t, p) == 0 &&
	    git_blob_lookup(&b, r, git_tree_entry_id(e)) == 0) {
		*len = (size_t)git_blob_rawsize(b);
		out = xmalloc(*len + 1);
		memcpy(out, git_blob_rawcontent(b), *len);
		out[*len] = '\0';
	}
	git_blob_free(b);
	git_tree_entry_free(e);
	return out;
}

bool submission_read(const char *path, const struct submission *s,
                     char **incident_text, size_t *incident_len,
                     char **sent, size_t *sent_len, struct diag *err)
{
	struct hrepo h;
	if (incident_text)
		*incident_text = NULL;
	if (sent)
		*sent = NULL;
	if (!hrepo_open(&h, path, false, err)) {
		if (!err->msg[0])
			diag_set(err, path, 0, "%s", _("has no history"));
		return false;
	}
	struct strbuf ref, sp;
	sb_init(&ref);
	sb_init(&sp);
	sb_addf(&ref, "refs/tags/%s^{commit}", s->tag);
	sb_addf(&sp, "sent/%s", s->file);
	git_object *o = NULL;
	git_tree *t = NULL;
	bool ok = git_revparse_single(&o, h.repo, ref.buf) == 0 &&
	          git_commit_tree(&t, (git_commit *)o) == 0;
	if (ok && incident_text)
		ok = (*incident_text = blob_copy(h.repo, t, h.name, incident_len)) != NULL;
	if (ok && sent)
		ok = (*sent = blob_copy(h.repo, t, sp.buf, sent_len)) != NULL;
	if (!ok) {
		diag_set(err, h.gitdir, 0, _("history: submission %s cannot be read"), s->tag);
		if (incident_text) {
			free(*incident_text);
			*incident_text = NULL;
		}
	}
	git_tree_free(t);
	git_object_free(o);
	sb_release(&ref);
	sb_release(&sp);
	hrepo_close(&h);
	return ok;
}

/* The registry's kinds and dated: todoke-documents(5). */
bool submission_bookkeeping(const struct docset *docs, const char *key)
{
	return docset_reporting_answer(docs, key);
}

/* The kinds (速報, 確報) are the registry's: `kinds` in
 * todoke-documents(5). */
char *submission_next_kind(const struct submissions *s, const struct document *doc,
                           const struct incident *inc)
{
	if (doc->nkinds) {
		/* The report says which it is (報告区分). */
		const char *said = inc ? model_text(inc->answers, doc->kind_q) : "";
		for (size_t i = 0; i < doc->nkinds; i++)
			if (strcmp(said, doc->kinds[i].opt) == 0)
				return xstrdup(doc->kinds[i].name);
		/* Unanswered: the first kind first, then the last one. */
		const struct doc_kind *k = submissions_last(s, doc->id) ? &doc->kinds[doc->nkinds - 1]
		                                                        : &doc->kinds[0];
		return xstrdup(k->name);
	}
	unsigned n = 1;
	for (size_t i = 0; i < s->n; i++)
		n += strcmp(s->v[i].document, doc->id) == 0;
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "第%u報", n);
	return sb_detach(&sb);
}

bool history_submit(struct incident *inc, const char *path, const struct document *doc,
                    const char *kind, struct date when, const char *file_name,
                    const char *options, const char *bytes, size_t len,
                    struct file_id *id, struct submit_result *res, struct diag *err)
{
	struct submissions prior;
	memset(res, 0, sizeof *res);
	if (!doc) {
		diag_set(err, path, 0, "%s", _("history: the document is not in the registry "
		                               "(forms/documents)"));
		return false;
	}
	if (!submissions_list(path, &prior, err))
		return false;
	char *k = kind ? xstrdup(kind) : submission_next_kind(&prior, doc, inc);
	submissions_release(&prior);
	bool ok = false;
	/* The day the law counts: recorded before the answers are kept; the
	 * first one given stays (a 速報 sent again is still the first). */
	const struct doc_kind *dk = document_kind(doc, k);
	const char *dq = dk ? dk->date_q : NULL;
	if (dq && incident_question(inc, dq, NULL)) {
		struct date had;
		res->date_question = dq;
		if (!model_date(inc->answers, dq, &had))
			model_set_date(inc->answers, dq, when);
		else if (date_cmp(had, when) != 0)
			date_format_iso(had, res->kept_date, sizeof res->kept_date);
	}
	if (dk && incident_question(inc, doc->kind_q, NULL) &&
	    strcmp(model_text(inc->answers, doc->kind_q), dk->opt) != 0)
		model_set_text(inc->answers, doc->kind_q, Q_CHOICE, dk->opt);
	/* Saved and committed even when unchanged here: the answers sent are
	 * then a version on the branch too (a hand edit since the last save
	 * is committed now, as the submitter's). */
	if (history_save_checked(inc, path, true, id, err) != HS_OK)
		goto out;
	if (!submission_record(path, doc->id, k, when, file_name, options, bytes, len, &res->rec,
	                       err))
		goto out;
	/* After the first kind of a report (速報) comes its last (確報). */
	const struct doc_kind *first = doc->nkinds ? &doc->kinds[0] : NULL;
	const struct doc_kind *last = doc->nkinds ? &doc->kinds[doc->nkinds - 1] : NULL;
	if (first && first != last && strcmp(k, first->name) == 0 &&
	    incident_question(inc, doc->kind_q, NULL)) {
		model_set_text(inc->answers, doc->kind_q, Q_CHOICE, last->opt);
		res->next_kind = last->name;
		res->kind_question = doc->kind_q;
		if (history_save_checked(inc, path, true, id, err) != HS_OK)
			goto out;
	}
	ok = true;
out:
	free(k);
	return ok;
}
