/* form — a document form described as data (forms/NAME.form, todoke-form(5)).
 *
 * A form is its printed layout, line by line, with placeholders where the
 * answers go.  Questions are declared by the placeholders themselves, so the
 * layout is the single source of the questions' order, grouping and labels.
 * A new form version (IPA ver.3.6) is a new data file, not new code. */
#ifndef TODOKE_FORM_H
#define TODOKE_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/datadir.h" /* todoke_datadir(), where forms/ are */

#include "todoke/diag.h"
#include "todoke/model.h"

struct q_option {
	char *id;
	char *label;
};

/* A condition of a `when` line (todoke-form(5)): the question it is on is
 * asked only while all of its conditions hold.  The ids it names may be
 * questions of another form: the answers of an incident are one model. */
enum q_cond_kind {
	QC_CHOICE,     /* the choice `id` is answered with one of `opts` */
	QC_DATE_GAP,   /* the dates `id` and `other` are answered, and `id`
	                  is more than `days` days after `other` */
};

struct q_cond {
	enum q_cond_kind kind;
	char *id;
	char **opts;            /* QC_CHOICE: option ids */
	size_t nopts;
	char *other;            /* QC_DATE_GAP: the earlier date */
	long days;              /* QC_DATE_GAP: 0 or more */
	int line;               /* line of the `when` in the form file */
};

struct question {
	char *id;
	enum q_type type;
	char *label;            /* as shown by the wizard and in messages */
	int section;            /* index into form->sections */
	int line;               /* line of the form file that declared it */
	bool has_note;          /* Q_CHECK with an inline text blank */
	int note_width;
	struct q_option *opts;  /* Q_CHOICE options, in layout order */
	size_t nopts;
	struct question *fields;/* Q_REPEAT: the fields of one entry */
	size_t nfields;
	struct q_cond *when;    /* `when`: asked only while all hold */
	size_t nwhen;
	bool optional;          /* `optional`: not required when it applies */
	char *help;             /* `help` lines: what the question's terms
	                           mean, with an example; NULL when none */
	char *draft;            /* `draft`: the question whose answer this
	                           text starts as (incident.h: draft_*), or NULL */
};

enum seg_kind {
	SEG_TEXT,   /* literal text */
	SEG_BOX,    /* ■/□ of a checkbox */
	SEG_NOTE,   /* a checkbox's inline text, blank of `width` when empty */
	SEG_FIELD,  /* single-line text or number, blank of `width` */
	SEG_DATE,   /* 2022年10月24日, blank 「    年  月  日」 */
	SEG_RADIO,  /* ■/□ of one option of a choice */
	SEG_PARA,   /* multi-line text, one output line per text line */
	SEG_CHOICE, /* the label of the chosen option of a choice */
};

enum date_style { DATE_YMD, DATE_MD };

struct segment {
	enum seg_kind kind;
	char *text;             /* SEG_TEXT */
	int q;                  /* question index (field index inside a repeat) */
	int width;              /* blank width in columns (spaces) */
	int opt;                /* SEG_RADIO option index */
	enum date_style style;  /* SEG_DATE */
	int ref;                /* DATE_MD: top-level date question whose year
	                           is left out when equal, else -1 */
};

enum line_kind {
	LINE_TEXT,    /* always printed */
	LINE_COND,    /* printed only when a placeholder on it has an answer */
	LINE_REPEAT,  /* `body` printed once per entry of question q */
};

struct layout_line {
	enum line_kind kind;
	bool help;              /* also shown as the section's help */
	bool unprinted;         /* help for the wizard only, not in the document */
	struct segment *segs;
	size_t nsegs;
	int section;
	int srcline;
	int q;                  /* LINE_REPEAT */
	struct layout_line *body;
	size_t nbody;
};

struct section {
	char *id;
	char *title;
	int line;
};

enum rule_kind {
	RULE_REQUIRE,     /* at least one of ids answered */
	RULE_CONFLICT,    /* ids[0] == opt forbids ticks on ids[1]* */
	RULE_NOT_FUTURE,  /* date ids[0] not after today */
	RULE_NOT_BEFORE,  /* date ids[0] not before date ids[1] */
};

struct rule {
	enum rule_kind kind;
	char **ids;
	size_t nids;
	char *opt;
	int line;
};

struct form {
	char *path;
	char *id;               /* e.g. ipa-access */
	char *version;          /* e.g. 3.5 */
	char *released;         /* e.g. 2024-03-27 */
	char *title;
	char *mailto;           /* where the document is e-mailed, or NULL */
	char *unanswered;       /* printed for an unanswered field (「未確定」),
	                           or NULL: blanks as on a paper form */
	struct question *qs;
	size_t nqs;
	struct section *sections;
	size_t nsections;
	struct layout_line *lines;   /* in the file's order: by section, each
	                                section's lines one after another */
	size_t nlines;
	struct rule *rules;
	size_t nrules;
	/* qs by id for form_find_question, kept as the parse declares: open
	 * addressing, qindex_n slots (a power of two) of index + 1, 0 free.
	 * The checks and the wizard look questions up by id on every change. */
	size_t *qindex;
	size_t qindex_n;
};

struct form *form_parse(const char *text, size_t len, const char *name,
                        struct diag *err);
struct form *form_load(const char *path, struct diag *err);
void form_free(struct form **f);

int form_find_question(const struct form *f, const char *id);
const struct question *form_question(const struct form *f, const char *id);
int question_option(const struct question *q, const char *opt);
int question_field(const struct question *q, const char *field);
/* True when the question has no `when` conditions or all of them hold for
 * these answers; a hidden question is not asked, counted or required. */
bool question_shown(const struct question *q, const struct model *m);
/* Whether the question has an answer, the one rule of every client (check's
 * require rules, the wizard's pages, the notice; progress counts units of
 * these, below): text that is not blank
 * (answer_blank), a date, a number, a choice, a box set either way ([x] or
 * [ ]: "no" is an answer), at least one entry of a list. */
bool question_answered(const struct question *q, const struct model *m);
/* Only spaces, tabs, newlines and 全角スペース (U+3000), or NULL. */
bool answer_blank(const char *text);

/* What progress counts (todoke check's "N of M", the status line, the
 * wizard's page progress and the review): a group of boxes is one unit —
 * boxes next to each other in qs (a form's questions or a list's fields,
 * in layout order) in one section, with nothing else asked between them,
 * as 2-1)'s fourteen; any other question is a unit of its own. */
struct q_unit {
	const struct question *q;   /* its first question */
	size_t n;                   /* q[0..n) */
};
/* The unit that holds qs[i]. */
struct q_unit question_unit(const struct question *qs, size_t nqs, size_t i);
/* Shown when any of its questions is (question_shown). */
bool unit_shown(struct q_unit u, const struct model *m);
/* A group: when one of its shown boxes is ticked — an unticked box, even
 * one written [ ], does not answer a group (nothing is said until one
 * applies, or its 不明/該当なし box is ticked).  A unit of one question:
 * question_answered, so a lone box set [ ] is still answered "no". */
bool unit_answered(struct q_unit u, const struct model *m);

/* All forms of a data directory. */
struct formset;
/* Finds every DIR/forms/ID-VERSION.form (DIR is $TODOKE_DATADIR, else the
 * install dir) and reads the registry of documents.  A form is parsed when
 * first asked for (find, latest, at): the start screen needs none, an
 * incident the forms it names.  One that does not read (or whose text
 * names another id or version than its file) is then NULL, and
 * formset_error says why: the caller stops there, as it would have at
 * load (`todoke forms` reads them all). */
struct formset *formset_load(const char *datadir, struct diag *err);
void formset_free(struct formset **fs);
const struct form *formset_find(const struct formset *fs, const char *id,
                                const char *version);
/* The newest version of a form id (for new incidents). */
const struct form *formset_latest(const struct formset *fs, const char *id);
size_t formset_count(const struct formset *fs);
const struct form *formset_at(const struct formset *fs, size_t i);
/* The first form that could not be read, NULL while none. */
const struct diag *formset_error(const struct formset *fs);
/* The registry of documents read with the forms (forms/documents,
 * document.h); empty when the data directory has none. */
struct docset;
const struct docset *formset_documents(const struct formset *fs);

#endif
