/* document — the registry of the documents todoke writes, as data
 * (forms/documents, todoke-documents(5)).
 *
 * Each entry names a document: its id (`todoke export ID`), title, the
 * form whose questions it draws from, how it is rendered, its file suffix,
 * the encodings offered, where its e-mail draft goes, and when it applies
 * to an incident.  Every client (the command line, the wizard, check)
 * iterates this list; adding a document is a data file and an entry here,
 * not code.  The registry is read with the forms (formset_load) and lives
 * as long as the formset. */
#ifndef TODOKE_DOCUMENT_H
#define TODOKE_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/diag.h"
#include "todoke/model.h"

/* How a document is written from the answers. */
enum doc_render {
	RENDER_LAYOUT,    /* the form's printed layout (todoke-form(5)) */
	RENDER_DECISION,  /* the layout, then the PPC decision of 規則第7条
	                     and its deadlines */
	RENDER_TEMPLATE,  /* a notice-style template (todoke-notice(5)) */
};

/* Where the e-mail draft (--eml) is addressed. */
enum doc_mailto {
	MAILTO_NONE,      /* To: left for the user to fill */
	MAILTO_FORM,      /* the form's window (its `mailto` line) */
	MAILTO_ANSWER,    /* the answer to a question (mailto_id) */
};

/* One condition of `applies`: the choice `id` is answered with one of
 * opts, or (no opts) `id` is answered, a box ticked; negated, the
 * opposite. */
struct doc_cond {
	char *id;
	char **opts;
	size_t nopts;
	bool negate;
};

/* One kind of a report whose kind is an answer of its own form (`kinds`:
 * the PPC report's 速報 and 確報, each with the answer that records the day
 * it was sent). */
struct doc_kind {
	char *opt;              /* the option of kind_q that says it: prelim */
	char *name;             /* as submissions record it: 速報 */
	char *date_q;           /* the answer set to the day it was sent */
};

/* One file the export screen writes for the document's recipient
 * (`send`): text in an encoding, the web page, or the e-mail draft. */
enum doc_send_kind { SEND_TEXT, SEND_HTML, SEND_EML };
struct doc_send {
	enum doc_send_kind kind;
	char *encoding;         /* text: the first of encodings when NULL;
	                           eml: ISO-2022-JP when NULL */
};

struct document {
	char *id;               /* e.g. the id given to `todoke export` */
	char *title;            /* Japanese, as the document calls itself */
	char *form;             /* the form it draws its questions from */
	bool begins;            /* its form is in every new incident */
	char *adopt_with;       /* its form joins an incident that has this
	                           form once the document applies (one begun
	                           before the document existed, or for which
	                           it applies only now), or NULL */
	enum doc_render render;
	char *tmpl;             /* RENDER_TEMPLATE: the template's type, or the
	                           default when tmpl_by is set */
	char *tmpl_by;          /* the template chosen by this answer, or NULL */
	bool html;              /* also written as one HTML page */
	char *suffix;           /* NAME-SUFFIX.txt beside NAME.incident */
	char **encodings;       /* offered; the first is the default */
	size_t nencodings;
	enum doc_mailto mailto;
	char *mailto_id;        /* MAILTO_ANSWER */
	char **mail_from;       /* the first answered of these is From: */
	size_t nmail_from;
	char **duties;          /* items of 規則第8条第1項 (一 … 九) the document
	                           must carry when the PPC report is mandatory
	                           (規則第10条, the notice to the persons) */
	size_t nduties;
	char *changes_into;     /* a follow-up (--changes) lists what changed
	                           since the last submission in this answer
	                           (the PPC report's 九 その他), or NULL */
	bool followup_lead;     /* its e-mail draft after a submission opens
	                           with the report it follows (IPA 第2報) */
	char *kind_q;           /* the choice that says which kind a report
	                           is (ppc.kind), or NULL: 第1報, 第2報, … */
	struct doc_kind *kinds; /* kind_q's kinds in the order sent: after the
	                           first comes the last */
	size_t nkinds;
	char *dated;            /* the day the document itself bears (the
	                           notice's 掲載日, notice.date), or NULL */
	struct doc_send *send;  /* what the wizard's export screen writes,
	                           the recommended form first; text when the
	                           entry has no `send` line */
	size_t nsend;
	bool assist;            /* `send assist`: its recipient takes it
	                           through a web form (PPC 入力補助) */
	/* The wizard's heading of the document's part (todoke-documents(5)):
	 * what it is for, who receives it and a short name for the progress
	 * line; each in Japanese and, as *_en, English (NULL: the Japanese
	 * serves).  Shown by document_text. */
	char *part;             /* 「IPA 届出」 */
	char *purpose;
	char *recipient;
	char *part_en, *purpose_en, *recipient_en;
	bool needs_ppc_duty;    /* `needed ppc-duty`: needed only when the PPC
	                           report is due (規則第7条), else optional */
	struct doc_cond *applies; /* all must hold; none: always */
	size_t napplies;
	int line;               /* of its `document` line */
};

struct docset {
	struct document *v;
	size_t n;
	char *path;
};

/* Reads a registry; all or nothing, errors with file and line. */
bool docset_parse(const char *text, size_t len, const char *name, struct docset *out,
                  struct diag *err);
void docset_release(struct docset *s);
const struct document *docset_find(const struct docset *s, const char *id);
/* "ipa, ppc, …": the ids, for messages and --help.  malloc'd. */
char *docset_ids(const struct docset *s, const char *sep);

/* The kind of d named `name` (速報), or NULL. */
const struct doc_kind *document_kind(const struct document *d, const char *name);
/* Whether key is an answer about the reporting itself in some document of
 * s (a kind question, a day a kind was sent, the day a document bears),
 * not a fact of the incident. */
bool docset_reporting_answer(const struct docset *s, const char *key);
enum doc_text { DOC_PART, DOC_PURPOSE, DOC_RECIPIENT };
/* One of the part's texts in the interface's language: English when
 * `english` and the registry gives it, else Japanese; the part's name
 * defaults to the title.  "" when the registry gives none. */
const char *document_text(const struct document *d, enum doc_text which, bool english);

/* Whether the document applies to these answers; when it does not and
 * `failed` is given, *failed is the condition that does not hold. */
bool document_applies(const struct document *d, const struct model *m,
                      const struct doc_cond **failed);

#endif
