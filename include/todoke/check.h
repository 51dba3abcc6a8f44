/* check — what is missing or inconsistent in an incident's answers.
 * Used by `todoke check` and by the wizard's review screen. */
#ifndef TODOKE_CHECK_H
#define TODOKE_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/date.h"
#include "todoke/incident.h"
#include "todoke/strbuf.h"

enum severity {
	SEV_ERROR,    /* answers contradict each other or the calendar */
	SEV_MISSING,  /* a question the form needs is not answered */
	SEV_WORDING,  /* a sentence of the notice is not in です・ます */
};

struct problem {
	enum severity sev;
	char *id;      /* question id it is about */
	int line;      /* line in the incident file, or 0 */
	char *msg;     /* full sentence, naming section and question */
};

struct problems {
	struct problem *v;
	size_t n;
	size_t answered, total;  /* units answered, of all shown in the forms
	                            (form.h: a group of boxes is one) */
};

void check_incident(const struct incident *inc, struct date today,
                    struct problems *out);
/* Only the progress of check_incident: the same answered and total, without
 * working out (and wording) the problems, for a status line. */
void check_progress(const struct incident *inc, size_t *answered, size_t *total);
void problems_release(struct problems *p);

/* "2-1)被害を受けた機器等 › その他" — where a question stands. */
char *question_place(const struct incident *inc, const char *id);

/* The places of the answers whose text contains `text` (a character that
 * will not convert, say), joined with ", ", appended to out. */
void answers_containing(const struct incident *inc, const char *text, struct strbuf *out);

/* One character of a document that an encoding lacks (encode.h), as the
 * CLI and the wizard list it: "line 5, column 17: 「髙」 (U+9AD9) in
 * (届出者) › 企業・組織名" — where it stands in the document and which answers
 * hold it.  What to do about it (its stand-in) is the caller's to word.
 * Appended to out. */
struct enc_bad;
void describe_unconvertible(const struct incident *inc, const struct enc_bad *b,
                            struct strbuf *out);

/* The letters of the registry (documents rendered by a template of `set`)
 * that the incident has and that apply: one that cannot be written on
 * these answers is an error; when the PPC report is mandatory, each item
 * 規則第10条 requires (一 二 四 五 九) that a template with `duty` lines (the
 * notice) does not carry is a problem naming the questions that supply
 * it; in the notice to the persons (a document owing those items), each
 * sentence not in です・ます (notice_impolite) is a SEV_WORDING problem
 * quoting it and naming the answer (id, line) or the template file:line it
 * came from, and a customer draft rewritten from an answer that changed
 * since says so.  Nothing is checked when set is NULL. */
struct notice_set;
void check_documents(const struct incident *inc, const struct notice_set *set,
                     struct problems *out);

#endif
