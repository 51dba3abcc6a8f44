/* incident — one incident: its answers, the forms (and versions) it is
 * written against, and its file (todoke-incident(5)). */
#ifndef TODOKE_INCIDENT_H
#define TODOKE_INCIDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/diag.h"
#include "todoke/form.h"
#include "todoke/model.h"
#include "todoke/strbuf.h"

#define INCIDENT_FORMAT 1

struct meta {
	char *key;
	char *value;
};

struct incident {
	const struct form **forms;  /* owned by the formset */
	size_t nforms;
	struct meta *meta;          /* [incident] keys other than form:, in order,
	                               unknown ones included (kept on save) */
	size_t nmeta;
	struct model *answers;
	struct strbuf extra;        /* unknown [sections], verbatim */
	const struct formset *fs;   /* read against, with its registry of
	                               documents; NULL for incident_new's */
};

/* A new, empty incident written against the given forms. */
struct incident *incident_new(const struct form *const *forms, size_t nforms);
/* A new incident as `todoke new` and the wizard begin one: the newest
 * form of each document of fs's registry that is installed, in its order,
 * the title when not empty.  Not saved yet.  NULL, with d set, when the
 * first document's form is not installed. */
struct incident *incident_create(const struct formset *fs, const char *title,
                                 struct diag *d);
void incident_free(struct incident **inc);

/* Reads a whole incident or nothing: on any problem returns false, leaves
 * *out NULL and says in err which file, line and what. */
bool incident_parse(const char *text, size_t len, const char *name,
                    const struct formset *fs, struct incident **out,
                    struct diag *err);
bool incident_load(const char *path, const struct formset *fs,
                   struct incident **out, struct diag *err);

/* The file's text; incident_parse(serialize(x)) gives x back. */
void incident_serialize(const struct incident *inc, struct strbuf *out);
/* Atomic, mode 0600 (see fileio.h). */
bool incident_save(const struct incident *inc, const char *path, struct diag *err);

const char *incident_meta(const struct incident *inc, const char *key);
void incident_set_meta(struct incident *inc, const char *key, const char *value);
void incident_unset_meta(struct incident *inc, const char *key);

/* The question with this id in any of the incident's forms, or NULL. */
const struct question *incident_question(const struct incident *inc,
                                         const char *id,
                                         const struct form **form);
/* Adds a form (the notice, to an incident begun before it existed); false
 * when the incident already has a form with that id. */
bool incident_add_form(struct incident *inc, const struct form *f);
/* A document of the registry whose entry says adopt-with FORM gains its
 * form (the newest of fs) for an incident that has FORM, once the document
 * applies (its `applies` conditions hold): begun before the document
 * existed, or a 委託先 only now.  The document is written from the same
 * answers; saved with the next save.  How many forms joined. */
size_t incident_adopt_documents(struct incident *inc, const struct formset *fs);
/* The incident's form with this id, or NULL. */
const struct form *incident_form(const struct incident *inc, const char *id);

/* ---- drafts (draft.c): customer wording that starts as a copy ---------
 * A question declared with `draft ID SOURCE` (todoke-form(5)) reads, while
 * it has no answer of its own, as SOURCE's answer, derived each time: an
 * unedited draft is never stored, so a later correction of the report
 * reaches it.  Once the user edits it, their text is its answer and
 * [incident] keeps `draft.ID: FINGERPRINT` of SOURCE's text at that moment,
 * so that a later change of SOURCE is noticed (draft_stale). */

/* The question q is drafted from, or NULL (not a draft, or a source no
 * form of the incident has). */
const struct question *draft_source(const struct incident *inc, const struct question *q);
/* SOURCE's answer as the draft's text: a text as written (trailing blanks
 * off); a list, one paragraph per entry, its answered fields joined by
 * 「、」 (dates as 2022年10月24日), entries apart by an empty line.
 * malloc'd; "" when unanswered. */
char *draft_source_text(const struct incident *inc, const struct question *q);
/* The same, with where each piece of it came from: bytes [start, end),
 * the 1-based entry and field of a list (0 and NULL for a text).
 * *pieces malloc'd. */
struct draft_piece {
	size_t start, end;
	size_t entry;
	const char *field;
};
char *draft_source_pieces(const struct incident *inc, const struct question *q,
                          struct draft_piece **pieces, size_t *npieces);
/* q is a draft without an answer of its own and its source has text:
 * what the notice and the wizard show is the copy. */
bool draft_is_copy(const struct incident *inc, const struct question *q);
/* After the user stored text in q: a text equal to the copy is no edit
 * (unset, and the fingerprint dropped); another is, and the source's
 * fingerprint is kept; no answer drops it too. */
void draft_edited(struct incident *inc, const struct question *q);
/* q was edited, and its source's text has changed since. */
bool draft_stale(const struct incident *inc, const struct question *q);

#endif
