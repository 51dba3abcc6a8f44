/* model — the answers of one incident, keyed by stable question ids.
 *
 * The model is shared by every document: the IPA form, the PPC report and
 * the notice read the same answers.  It knows the type of each value but
 * nothing of forms, files or screens. */
#ifndef TODOKE_MODEL_H
#define TODOKE_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/date.h"

enum q_type {
	Q_CHECK,   /* checkbox, optionally with an inline text (その他(…)) */
	Q_CHOICE,  /* exclusive choice: the chosen option's id */
	Q_TEXT,    /* single-line text */
	Q_LINES,   /* multi-line text */
	Q_DATE,
	Q_NUMBER,
	Q_REPEAT,  /* repeating entries, each a model of its own fields */
};

const char *q_type_name(enum q_type t);

struct model;

struct value {
	enum q_type type;
	bool checked;          /* Q_CHECK */
	char *text;            /* Q_CHECK inline text, Q_TEXT, Q_LINES,
	                          Q_CHOICE option id; never NULL when set */
	struct date date;      /* Q_DATE */
	long long number;      /* Q_NUMBER */
	struct model **entries;/* Q_REPEAT */
	size_t nentries;
	int line;              /* line in the incident file it came from, or 0 */
};

struct model *model_new(void);
void model_free(struct model **m);

/* NULL when the question has not been answered. */
const struct value *model_get(const struct model *m, const char *id);
bool model_checked(const struct model *m, const char *id);
/* The text of a Q_TEXT/Q_LINES/Q_CHOICE/Q_CHECK value, "" when unset. */
const char *model_text(const struct model *m, const char *id);
bool model_date(const struct model *m, const char *id, struct date *out);

/* Setters replace any earlier value of the id.  `note` may be NULL for
 * "no inline text". */
struct value *model_set_check(struct model *m, const char *id, bool checked,
                              const char *note);
struct value *model_set_text(struct model *m, const char *id, enum q_type type,
                             const char *text);
struct value *model_set_date(struct model *m, const char *id, struct date d);
struct value *model_set_number(struct model *m, const char *id, long long n);
void model_unset(struct model *m, const char *id);

/* Repeating entries (Q_REPEAT). */
size_t model_entry_count(const struct model *m, const char *id);
struct model *model_entry(const struct model *m, const char *id, size_t i);
struct model *model_entry_add(struct model *m, const char *id);
void model_entry_delete(struct model *m, const char *id, size_t i);
void model_entry_move(struct model *m, const char *id, size_t from, size_t to);

/* Iteration in the order answers were first set. */
size_t model_count(const struct model *m);
const char *model_key_at(const struct model *m, size_t i);
const struct value *model_value_at(const struct model *m, size_t i);

/* Deep copy, for undo and for comparing a loaded file with the original. */
struct model *model_clone(const struct model *m);
bool model_equal(const struct model *a, const struct model *b);
/* Two answers the same (a list: every entry); NULL is unanswered. */
bool model_value_equal(const struct value *a, const struct value *b);
/* id's answer becomes a deep copy of v (from any model); NULL unsets. */
void model_set_value(struct model *m, const char *id, const struct value *v);

#endif
