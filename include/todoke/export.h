/* export — documents written from an incident's answers.  Exporters see
 * only the model and the form data, never the screen. */
#ifndef TODOKE_EXPORT_H
#define TODOKE_EXPORT_H

#include <stdbool.h>

#include "todoke/diag.h"
#include "todoke/document.h"
#include "todoke/form.h"
#include "todoke/incident.h"
#include "todoke/model.h"
#include "todoke/strbuf.h"

/* Prints a form's layout with the answers in place (■/□, blanks at their
 * printed width when unanswered).  Output lines end with "\n". */
void layout_render(const struct form *f, const struct model *m, struct strbuf *out);

/* The documents of the registry (document.h), written by the renderer
 * their entry names: the form's layout, the layout and the PPC decision,
 * or a notice-style template (notice.h). */
struct notice_set;
enum notice_format { NOTICE_TEXT, NOTICE_HTML };
/* Plain text is wrapped at 70 columns: 35 full-width characters, as
 * Japanese e-mail and letters are written. */
#define NOTICE_TEXT_WIDTH 70

/* The incident's form of the document, or NULL: the incident does not
 * have it (an incident begun before the document existed). */
const struct form *document_form(const struct document *doc, const struct incident *inc);
/* Whether it applies to this incident; when not, `why` (if not NULL) gets
 * the reason in the interface language: 「…」 is answered 「…」. */
bool document_applies_to(const struct document *doc, const struct incident *inc,
                         struct strbuf *why);
/* Whether the form's answers are needed: some document written from it
 * applies.  A 委託先 that told its 委託元 writes no notice (法第26条第2項),
 * so the notice's questions are neither required, counted nor listed as
 * unanswered (check, the wizard's count); a form no document names is
 * always needed. */
bool document_form_needed(const struct incident *inc, const struct form *f);
/* Whether a question is needed: some form of the incident that asks it is
 * (the police memo's 相談日 is asked on the notice's page, and needed by
 * the memo when no notice is). */
bool document_question_needed(const struct incident *inc, const char *id);
/* RENDER_TEMPLATE: the template's type — fixed, or chosen by an answer
 * (the notice's by notice.type), the entry's default when unanswered. */
const char *document_template(const struct document *doc, const struct incident *inc);
/* Writes the document, the one way every client makes it: its renderer,
 * then the whole text in Unicode NFC, except CJK compatibility ideographs
 * (U+F900–FAFF, U+2F800–2FA1F), which stay as typed.  `set` holds the
 * templates (RENDER_TEMPLATE; NULL is enough for the others); fmt is
 * NOTICE_HTML only for a document with formats html.  *title (when title
 * is not NULL) gets the Subject of its e-mail draft, malloc'd and
 * normalised too: a letter's own heading, else the form's title and the
 * reporter's organisation.  False with err when the incident lacks the
 * document's form or the template cannot be built. */
bool export_document(const struct document *doc, const struct incident *inc,
                     const struct notice_set *set, enum notice_format fmt,
                     struct strbuf *out, char **title, struct diag *err);
/* The incident's document rendered with the PPC decision (its deadlines
 * are checked and shown), or NULL. */
const struct document *incident_decision_document(const struct incident *inc);

#endif
