/* history — who changed which answer, and what was sent, kept in one git
 * repository per store (libgit2), so that git log, diff and blame also
 * work on it by hand and a team shares it by git push/pull.
 *
 * The repository of the incidents in DIR is DIR/.todoke-history (a git
 * directory; its work tree is DIR).  Never DIR/.git: an incident file
 * given on the command line may sit in someone's project checkout, whose
 * repository is not ours to commit into.  By hand:
 *     git --git-dir=DIR/.todoke-history --work-tree=DIR log -p NAME.incident
 *
 * Saving (history_save) stages the new text of NAME.incident in the
 * repository's index before the file itself is replaced, so a crash at any
 * point leaves the history at least as new as the file.  A commit (author:
 * the user, history_whoami) is made by history_commit — when a page is
 * left, the wizard closes, a command saves — and by an autosave whose
 * first uncommitted change is HISTORY_AUTOSAVE_SECONDS old, so at most one
 * a minute while typing.  A change staged but never committed (a session
 * killed) is committed with its own author before anyone else's change.
 *
 * A submission (submit.c) is an annotated tag todoke/NAME/N on a commit
 * outside the branch whose tree holds the incident as it was
 * (NAME.incident) and the exact bytes sent (sent/FILE); the tag's message
 * is the record (todoke-incident(5)).
 *
 * Modes follow the store: 0600 files and 0700 folders, or, in a team
 * directory (the store folder has the setgid bit), 0660/2770 so that the
 * group can work in it.  Operations on one repository are serialised by
 * flock on DIR/.todoke-history/todoke.lock.  todoke never rewrites or
 * deletes history, but for history_remove when an incident is deleted. */
#ifndef TODOKE_HISTORY_H
#define TODOKE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "todoke/date.h"
#include "todoke/diag.h"
#include "todoke/form.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"

#define HISTORY_DIR ".todoke-history"
#define HISTORY_AUTOSAVE_SECONDS 60
/* The message of an incident's first commit when it had answers before it
 * had a history: what it holds was not changed by that commit's author. */
#define HISTORY_BEGINS "history begins (answers given before)"

/* Who is working: the login from the password file (getpwuid(getuid()),
 * not $USER, which anyone can set) and one's 氏名: the profile's own name
 * (user.name, profile.h), else the full name of the password file's
 * GECOS field, else "". */
struct who {
	char login[64];
	char name[256];
};
void history_whoami(struct who *w);

enum history_save_result {
	HS_OK,          /* recorded and saved */
	HS_UNRECORDED,  /* saved, but the history could not be written: err */
	HS_FAILED,      /* not saved: err */
	HS_CHANGED,     /* not saved: the file is not what `id` says was read
	                   or written last (another writer): err */
};
/* Saves inc to path (incident_save) after staging its
 * text in the history.  commit: commit now (a page left, a command);
 * otherwise an autosave, committed only once a minute. */
enum history_save_result history_save(const struct incident *inc, const char *path,
                                      bool commit, struct diag *err);
/* The same for a file this process read or wrote before: when *id (known)
 * no longer describes path (fileid.h), nothing is staged or written and
 * HS_CHANGED returned; after a save *id is the identity of what was
 * written, taken from the file written.  id NULL: as history_save. */
struct file_id;
enum history_save_result history_save_checked(const struct incident *inc, const char *path,
                                              bool commit, struct file_id *id,
                                              struct diag *err);
/* Commits what is staged and not yet committed of path's incident (none:
 * nothing done, true). */
bool history_commit(const char *path, struct diag *err);

/* ---- what changed (changes.c) ---------------------------------------- */

/* One answer added, changed or removed: key as in the incident file
 * (id, or id[N].field), values as text ("" when unanswered), and where the
 * question is: its form and section (NULL when no longer in any form). */
struct change {
	char *key;
	char *old_text, *new_text;
	const struct form *form;
	int section;
	const char *label;
};
struct changes {
	struct change *v;
	size_t n;
};
/* The answers that differ between two incidents (either may be NULL: no
 * answers), in form and question order of `after` (then of `before`). */
void changes_between(const struct incident *before, const struct incident *after,
                     struct changes *out);
void changes_release(struct changes *c);
/* An answer as one line of text: the option's label of a choice, [x]/[ ]
 * and its note for a box, 2026-11-22 for a date; lines of a multi-line
 * text joined by " ⏎ ". malloc'd, "" when unanswered. */
char *answer_text(const struct question *q, const struct model *m, const char *id);

/* A unified diff (git's, three lines of context) of a document as sent
 * and as it is now, both in `encoding` (NULL: UTF-8; read back to UTF-8
 * for the terminal, CR LF as LF).  Nothing appended when they are the
 * same.  False, with err, when a text does not read in the encoding. */
bool history_text_diff(const char *sent, size_t sent_len, const char *now, size_t now_len,
                       const char *encoding, const char *sent_name, const char *now_name,
                       struct strbuf *out, struct diag *err);

/* ---- what changed since a submission (since.c) ------------------------- */

struct submission;

/* The form the registry's document is written from (forms/documents), or
 * NULL when there is no such document. */
const char *history_document_form(const struct formset *fs, const char *document);
/* The changes of the questions of s's document since s, appended to out
 * by section in the form's order, answers about the reporting itself left
 * out: for the terminal ("SECTION" lines, then "  id (label): old → new"),
 * or for a follow-up document ("・section label: old → new", lines of a
 * text kept, 「(記載なし)」 for nothing); *count how many. */
bool history_changes_since(const struct formset *fs, const char *path,
                           const struct incident *now, const struct submission *s,
                           bool for_document, struct strbuf *out, size_t *count,
                           struct diag *err);

/* ---- the log (log.c) -------------------------------------------------- */

/* key NULL: the incident's history begins here; old_text is NULL and
 * new_text says how many answers it had (or, with a question asked for,
 * its answer then). */
struct history_entry {
	char login[64];
	char name[256];
	time_t when;
	int tz_minutes;
	char *key, *old_text, *new_text;
};
struct history_log {
	struct history_entry *v;
	size_t n;
};
/* Every committed change of path's answers, oldest first; only those of
 * question `question` (its id, or a list's entries id[N].field) when not
 * NULL.  An incident without history gives an empty log.  Versions that
 * no longer read (forms not installed) are an error naming the commit. */
bool history_log(const char *path, const struct formset *fs, const char *question,
                 struct history_log *out, struct diag *err);
void history_log_release(struct history_log *l);

/* ---- submissions (submit.c) ------------------------------------------ */

struct submission {
	unsigned number;     /* 1, 2, … per incident */
	char *document;      /* ipa, ppc, notice… */
	char *kind;          /* 速報, 確報, 第1報, 第2報… */
	struct date date;    /* the day it was sent */
	char *file;          /* the name the sent copy is kept under */
	char *options;       /* how todoke exported it ("-e cp932 --crlf"), "" */
	char login[64];
	char name[256];
	time_t recorded;
	char *tag;           /* todoke/NAME/N */
};
struct submissions {
	struct submission *v;
	size_t n;
};

/* Records a submission of path's incident as it is now (its text is read
 * from path, so save first) with the bytes sent and the export options
 * (NULL or "": a file given as sent); fills out (release it). */
bool submission_record(const char *path, const char *document, const char *kind,
                       struct date date, const char *file_name, const char *options,
                       const char *sent, size_t sent_len,
                       struct submission *out, struct diag *err);
/* The submissions of path's incident, in order. */
bool submissions_list(const char *path, struct submissions *out, struct diag *err);
void submissions_release(struct submissions *s);
void submission_release(struct submission *s);
/* The last submission of document (NULL: of any), or NULL. */
const struct submission *submissions_last(const struct submissions *s,
                                          const char *document);
/* The incident's text as it was when s was sent, and the bytes sent;
 * malloc'd (NULL allowed for either). */
bool submission_read(const char *path, const struct submission *s,
                     char **incident_text, size_t *incident_len,
                     char **sent, size_t *sent_len, struct diag *err);
struct document;
struct docset;
/* The kind a new submission of doc gets: for a report with `kinds` in the
 * registry (todoke-documents(5)) the one its answer says (the PPC
 * report's 報告区分, ppc.kind: 速報 or 確報), unanswered the first kind, or
 * the last after a submission; otherwise 第N報 after N-1 earlier ones. */
char *submission_next_kind(const struct submissions *s, const struct document *doc,
                           const struct incident *inc);
/* Marking a document as submitted, as `todoke submit` and the wizard's
 * 「提出済みにする」 do: the kind (NULL: submission_next_kind), the day the
 * law counts set as its answer (ppc.prelim.date for a 速報…; one already
 * given stays, and res->kept_date says so), the report's own kind answer
 * (ppc.kind), inc saved and committed, the submission recorded with the
 * bytes sent, then, after a 速報, its 報告区分 set to 確報 and saved (each
 * save with history_save_checked against id, when not NULL).  On
 * false err says why and res says how far it came (rec.number 0: nothing
 * recorded).  Release res->rec. */
struct submit_result {
	struct submission rec;
	const char *date_question;  /* the answer set with the day, or NULL */
	char kept_date[16];         /* it had another day: kept (ISO), or "" */
	const char *next_kind;      /* 確報 after a 速報, or NULL */
	const char *kind_question;  /* and the answer set to it */
};
bool history_submit(struct incident *inc, const char *path, const struct document *doc,
                    const char *kind, struct date when, const char *file_name,
                    const char *options, const char *bytes, size_t len,
                    struct file_id *id, struct submit_result *res, struct diag *err);
/* Answers about the reporting itself (報告区分 and the days sent: the
 * registry's `kinds`; the day the notice bears: `dated`), not facts of
 * the incident: left out of what changed since a submission. */
bool submission_bookkeeping(const struct docset *docs, const char *key);

/* ---- follow-up letters (followup.c) ---------------------------------- */

struct notice_set;
struct document;
/* When the letter doc (rendered by a template: the notice…) was submitted
 * before, sets in inc's answers what makes its export the next report
 * (notice_followup, notice.h): the kind (第2報…), the day and title of the
 * last one sent, and an item per fact changed since — the changes of the
 * letter's own questions and of those its items of 規則第8条 draw from
 * (its template's duties), answers about the reporting itself left out.
 * True when set; history_followup_clear takes them out again (they are
 * no questions, and are never saved). */
bool history_followup_letter(const struct formset *fs, const struct notice_set *set,
                             const struct document *doc, const char *path,
                             struct incident *inc);
void history_followup_clear(struct incident *inc);

/* ---- deleting an incident (remove.c) --------------------------------- */

/* The incident at path leaves its history: the branch is rewritten
 * without its file (commits that changed only it vanish; the others keep
 * their authors, dates and messages), its submission tags and sent copies
 * go, the other incidents' submissions are re-parented onto the new
 * branch, and the repository is repacked from what is still reachable, so
 * that none of its answers stays.  Copies already pushed elsewhere are not
 * reached (todoke makes no network connection).  For the wizard's delete,
 * after a confirmation that says so; the incident file itself is the
 * caller's to remove.  No history: nothing to do, true. */
bool history_remove(const char *path, struct diag *err);

/* ---- moving an incident's history (move.c) ----------------------------- */

/* Carries the history of the incident at `from` into the repository of
 * `to`'s folder (made when missing), as the history of to's name: what
 * from has staged is committed first (history_commit), then each version
 * of from's file on its branch becomes a commit on to's branch that
 * changes only to's file, with its author, dates and message, and each
 * submission the same record (todoke/TONAME/N) on the same tree with the
 * bytes sent.  from's history is left as it was: the caller removes it
 * (history_remove) or the folder that holds it once the copy is made.
 * For the trash (store.h): deleting an incident moves it with its
 * history, restoring it brings both back.  No history: nothing to do,
 * true.  Refused when to's name already has a history there. */
bool history_copy(const char *from, const char *to, struct diag *err);
/* Whether the incident at path has any history: a version on the branch,
 * one staged, or a submission. */
bool history_has(const char *path);

#endif
