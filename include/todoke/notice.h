/* notice — the customer apology notice (お詫びとお知らせ), worded by data.
 *
 * The wording lives in forms/notice/TYPE.notice (todoke-notice(5)), one
 * file per incident type, sharing blocks through `include`: a company can
 * change a phrase, a title or the order of sections without recompiling.
 * Building a notice evaluates that wording against the incident's answers
 * into a small document (headings, paragraphs, list items), which is then
 * written as plain text (e-mail, letters) or as one HTML5 page. */
#ifndef TODOKE_NOTICE_H
#define TODOKE_NOTICE_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/diag.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"

/* The templates of a data directory, one per incident type. */
struct notice_set;

/* Loads every DIR/forms/notice/NAME.notice (DIR as formset_load's); a file that
 * does not parse is an error naming its file and line. */
struct notice_set *notice_set_load(const char *datadir, struct diag *err);
/* The same, with the company's own wording in the directory `own` (when it
 * exists): a file there replaces the installed file of the same name, for
 * `include` too, so one changed phrase is one small file. */
struct notice_set *notice_set_load_own(const char *datadir, const char *own,
                                       struct diag *err);
/* Parses one template from text; `include` is resolved in `dir`. */
struct notice_set *notice_set_parse(const char *text, size_t len, const char *name,
                                    const char *dir, struct diag *err);
void notice_set_free(struct notice_set **s);
size_t notice_set_count(const struct notice_set *s);
/* The type (e.g. "skimming") of the i-th template. */
const char *notice_set_type(const struct notice_set *s, size_t i);

enum nblock_kind {
	NB_TITLE,    /* the notice's title */
	NB_RIGHT,    /* right-aligned line: date, company, 以上 */
	NB_CENTER,   /* centred line: 記 */
	NB_SECTION,  /* 1. 経緯 */
	NB_SUB,      /* (1) 原因 */
	NB_PARA,     /* a paragraph; "\n" inside is a line break */
	NB_ITEM,     /* ・ list item */
	NB_LINE,     /* a line of its own: the inquiry window */
};

/* Where a stretch of a block's text came from: the template's own
 * wording (file:line) or an answer (question id; in a list, the list's id,
 * the entry and the field), so that a problem in the notice leads to what
 * fixes it. */
struct nspan {
	size_t start, end;  /* bytes of the block's text */
	char *file;         /* template wording: where it was written, else NULL */
	int line;
	char *id;           /* an answer: its question (a list's id), else NULL */
	char *field;        /* a field of the list entry, else NULL */
	size_t entry;       /* 1-based list entry, 0 outside a list */
	bool gap;           /* 〔label〕: the question is unanswered */
	bool copy;          /* a draft still a copy of its source (draft_is_copy) */
};

struct nblock {
	enum nblock_kind kind;
	char *text;         /* UTF-8, without the number or the ・ */
	char number[16];    /* NB_SECTION "1.", NB_SUB "(1)" */
	int part;           /* which block of the template's order wrote it */
	struct nspan *spans;/* covering text in order, leaf by leaf */
	size_t nspans;
};

struct notice {
	struct nblock *v;
	size_t n;
	char *type;         /* the template used */
	unsigned covers;    /* bit N: 規則第8条第1項 item N is in the notice */
	char *duty_name[10];/* per item: its name, as the template gives it */
	char *duty_ids[10]; /* per item: the questions that supply it, " "-separated */
};

/* The document worded by the template of this type (the registry says
 * which: the notice's by the answer to notice.type, a letter's fixed).
 * Unanswered answers print as 〔label〕 so that a reader sees what is
 * still missing.  False with err when the set has no template for the
 * type, or the template names what the incident's forms lack. */
bool notice_build_type(const struct notice_set *s, const struct incident *inc,
                       const char *type, struct notice *out, struct diag *err);
void notice_release(struct notice *n);

/* A notice that follows an earlier one (続報): when the model holds
 * NOTICE_FOLLOWUP_KIND (第2報…) and NOTICE_FOLLOWUP_DATE (the day the first
 * was sent), the title gains 「(第2報)」, a paragraph after it refers to
 * the first notice by its date and title (NOTICE_FOLLOWUP_TITLE, else the
 * title now), and a section 「新たに判明した事項」 comes first under 記, an
 * item per line of NOTICE_FOLLOWUP_ITEMS (none: a sentence saying nothing
 * changed).  These are no question of any form: the exporting client sets
 * them from the history (history.h) in the copy it exports, and they are
 * never saved.  Otherwise n is left as it is. */
#define NOTICE_FOLLOWUP_KIND "todoke.followup.kind"
#define NOTICE_FOLLOWUP_DATE "todoke.followup.date"
#define NOTICE_FOLLOWUP_TITLE "todoke.followup.title"
#define NOTICE_FOLLOWUP_ITEMS "todoke.followup.items"
void notice_followup(struct notice *n, const struct model *m);
/* The span of block b that holds byte off of its text, or NULL. */
const struct nspan *nblock_span_at(const struct nblock *b, size_t off);

/* The notice's title (its first title block), or NULL. */
const char *notice_title(const struct notice *n);
/* "一" … "九": the name of item i (1…9) of 規則第8条第1項. */
const char *notice_item_name(int i);

/* Plain text, paragraphs wrapped at `width` columns (0: not wrapped) with
 * 禁則 (no line starts with 、。」 and the like). */
void notice_text(const struct notice *n, int width, struct strbuf *out);
/* One standalone HTML5 page, UTF-8, every text escaped. */
void notice_html(const struct notice *n, struct strbuf *out);
/* Appends s with & < > " ' escaped. */
void html_escape(struct strbuf *out, const char *s);

/* ---- register: a notice to customers is written in です・ます ----------
 * A sentence is the text up to 。 outside quotes and parentheses (「」『』
 * () （） 【】), from the previous 。 or line break on; a heading, a list
 * item or a timeline entry without 。 is no sentence (体言止め is fine
 * there).  A sentence is polite when it ends, parentheses at its end left
 * aside, in one of an allow-list of polite endings (〜ます, 〜ました,
 * 〜ません, 〜です, 〜でした, 〜でしょう, 〜ください, …): so plain forms
 * (〜した。〜である。) and noun stops (〜を提出。) are both caught. */

/* Whether the sentence s (len bytes, without its 。) ends politely. */
bool notice_polite_ending(const char *s, size_t len);

/* A sentence of the notice that does not end politely. */
struct nimpolite {
	size_t block;              /* index in n->v */
	size_t start, end;         /* bytes of its text, 。 included */
	const struct nspan *from;  /* the span of its last word: what to rewrite */
};

/* The notice's impolite sentences, in order, into *out (free() it);
 * sentences ending in an unanswered 〔label〕 are left to the check of
 * what is missing. */
size_t notice_impolite(const struct notice *n, struct nimpolite **out);

/* ---- marks: the problems of a notice in place (the wizard's preview) ---
 * Each unanswered 〔label〕 and each sentence not in です・ます, in document
 * order, with the question that fixes it (NULL: the template's wording). */
struct nmark {
	size_t block;       /* index in n->v */
	size_t at;          /* byte of its text the mark goes before */
	const char *id;     /* borrowed from the notice's spans */
	bool wording;       /* a register problem, else a gap */
};
size_t notice_marks(const struct notice *n, struct nmark **out);
/* Writes 【1】, 【2】 … into the blocks' text at the marks (spans are then
 * stale: for showing only). */
void notice_apply_marks(struct notice *n, const struct nmark *m, size_t k);

#endif
