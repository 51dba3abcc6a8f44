/* wizard — the wizard's pages as data, built from the forms: which rows a
 * section screen shows, which take answers, how far the user has come.
 * No curses here: the terminal front end (tui) draws these pages. */
#ifndef TODOKE_WIZARD_H
#define TODOKE_WIZARD_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/diag.h"
#include "todoke/document.h"
#include "todoke/form.h"
#include "todoke/incident.h"

enum row_kind {
	ROW_TEXT,    /* a printed line of the form: heading, ・sub-heading */
	ROW_HELP,    /* a ※ note of the form, shown as help */
	ROW_BOX,     /* checkbox */
	ROW_NOTE,    /* a checkbox's inline text; shown while it is ticked */
	ROW_RADIO,   /* one option of an exclusive choice */
	ROW_FIELD,   /* single-line text or number */
	ROW_DATE,
	ROW_PARA,    /* multi-line text */
	ROW_REPEAT,  /* list of entries (timeline) */
};

struct row {
	enum row_kind kind;
	int indent;                  /* columns, from the form's layout */
	char *text;                  /* what is shown before the widget */
	char *tail;                  /* and after it: 「)」 of 「(連絡者:…)」 */
	const struct question *q;    /* NULL for ROW_TEXT/ROW_HELP, but for
	                                the label heading a choice's options */
	int opt;                     /* ROW_RADIO */
	const struct question *bound;/* ROW_FIELD of a number: the choice on
	                                its line with the options atmost and
	                                approx (the PPC report's 確定/最大/約),
	                                which 約6,000 or 最大6,186 answers */
};

struct page {
	const struct form *form;
	int section;                 /* index into form->sections */
	const char *title;
	struct row *rows;
	size_t nrows;
	const struct question *repeat; /* set on an entry page of a repeat */
	/* The document whose part the page belongs to (the registry's entry
	 * of its form, document.h), or NULL; part_first on the first page of
	 * each part, where the wizard shows the part's heading. */
	const struct document *doc;
	bool part_first;
};

struct wizard {
	struct page *pages;          /* one per section that asks something */
	size_t npages;
};

struct wizard *wizard_new(const struct incident *inc);
void wizard_free(struct wizard **w);

/* Parts: the pages of one document.  The part of page i (0-based, in the
 * order of the pages), how many parts there are, and page i's place in its
 * part (1-based) and the part's number of pages. */
size_t wizard_part_of(const struct wizard *w, size_t page);
size_t wizard_nparts(const struct wizard *w);
void wizard_part_pages(const struct wizard *w, size_t page, size_t *nth, size_t *count);
/* The first page of the part after page's, or npages when it is the last. */
size_t wizard_next_part(const struct wizard *w, size_t page);

/* The page that edits one entry of a repeating question (rows for its
 * fields); free with page_release. */
void wizard_entry_page(const struct form *f, const struct question *repeat,
                       struct page *out);
void page_release(struct page *p);

bool row_takes_answer(const struct row *r);
/* Notes show only while their box is ticked; the rows of a question
 * only while it is shown (its `when` conditions hold: question_shown). */
bool row_visible(const struct row *r, const struct model *m);
/* One entry of a list as a person would say it, on one line: dates as
 * 2022年10月24日, a choice by its label (「最大」, never its id), numbers,
 * the first line of a text; "" for an empty entry.  malloc'd. */
char *wizard_entry_summary(const struct question *repeat, const struct model *entry);

/* Units shown on a page (form.h: question_unit, a group of boxes is one),
 * and how many of them have an answer (unit_answered). */
void page_progress(const struct page *p, const struct model *m,
                   size_t *answered, size_t *total);

/* ---- answering (answer.c) ---------------------------------------------
 * What a page's field or box does to the answers.  The front end keeps
 * which row and which model (the incident's, or one entry's) a field is
 * bound to, and shows the reason when the text does not read. */

/* The answer of a text row as the text to edit: 2022-10-24 for a date,
 * digits for a number, "" when unanswered.  malloc'd. */
char *wizard_value_text(const struct row *r, const struct model *m);
/* Stores the text typed in a text row (ROW_FIELD, ROW_DATE, ROW_NOTE,
 * ROW_PARA).  An empty text unsets the answer; a blank date or number
 * (spaces, 全角スペース) does too; other text is kept as typed.  False, with
 * *why naming the question and the problem and the model unchanged, when
 * the text does not read as a date or a whole number. */
bool wizard_store_text(const struct row *r, struct model *m, const char *text,
                       struct diag *why);
/* Space on a box ticks or unticks it (its note kept); on an option of a
 * choice, chooses it.  False for other rows: nothing changed. */
bool wizard_toggle(const struct row *r, struct model *m);
/* A count as people write it (number.c): ASCII or full-width digits
 * (６１８６), commas between groups of three (6,186, 6，186), a counter
 * word after (6186人, 名, 件), blanks around, and a bound: 約, およそ,
 * 概ね, about before or 程度, 前後 after (WIZ_BOUND_APPROX); 最大, 最大で,
 * up to, at most before or 以下, 以内 after (WIZ_BOUND_ATMOST); else
 * WIZ_BOUND_NONE, when an optional sign may lead.  False with *why for
 * anything else or one that does not fit a long long. */
enum wizard_bound { WIZ_BOUND_NONE, WIZ_BOUND_ATMOST, WIZ_BOUND_APPROX };
bool wizard_parse_count(const char *text, long long *out, enum wizard_bound *bound,
                        const char **why);
/* The same, for a number with no bound beside it: 約 or 最大 there is
 * refused (the number must be exact). */
bool wizard_parse_number(const char *text, long long *out, const char **why);

/* ---- the journal (replay.c) -------------------------------------------
 * What is typed is journaled under the key of its answer (journal.h) and
 * stored back from there after a kill. */

/* The key of q's answer in m (the incident's answers or one entry of a
 * list), as in the incident file: id, or id[N].field.  malloc'd; NULL
 * when m is neither. */
char *wizard_answer_key(const struct incident *inc, const struct model *m,
                        const struct question *q);
/* Stores text as the answer of key, as if typed into its field
 * (wizard_store_text; a list's missing entries are added).  False, with
 * *why, when no question takes text under that key or the text does not
 * read (a half-typed date): the caller shows the text, never drops it. */
bool wizard_replay(struct incident *inc, const char *key, const char *text,
                   struct diag *why);

/* ---- reloading a file changed by someone else (merge.c) ---------------
 * A three-way merge by answer (a list is one answer): base is the incident
 * as this session last read or wrote it, mine its answers now, theirs the
 * file now.  An answer this session did not change (mine = base) is the
 * file's; one it changed stays as typed; one both changed, differently,
 * is a conflict: kept as typed until the user takes the file's
 * (wizard_merge_take).  [incident] keys this session changed are its own. */
struct merge {
	struct incident *result;  /* theirs, merged into (not owned) */
	struct model *mine;       /* this session's answers, for the conflicts */
	struct model *file;       /* and the file's, as it was read */
	char **conflicts;         /* keys both changed */
	size_t nconflicts;
	size_t from_file;         /* answers taken from the file's change */
	size_t kept;              /* answers of this session kept */
};
void wizard_merge(const struct incident *base, const struct incident *mine,
                  struct incident *theirs, struct merge *out);
/* Conflict i becomes this session's answer (mine) or the file's. */
void wizard_merge_take(struct merge *m, size_t i, bool mine);
void merge_release(struct merge *m);

#endif
