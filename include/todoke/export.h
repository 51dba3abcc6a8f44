/* export — documents written from an incident's answers.  Exporters see
 * only the model and the form data, never the screen. */
#ifndef TODOKE_EXPORT_H
#define TODOKE_EXPORT_H

#include <stdbool.h>

#include "todoke/diag.h"
#include "todoke/form.h"
#include "todoke/incident.h"
#include "todoke/model.h"
#include "todoke/strbuf.h"

/* Prints a form's layout with the answers in place (■/□, blanks at their
 * printed width when unanswered).  Output lines end with "\n". */
void layout_render(const struct form *f, const struct model *m, struct strbuf *out);

/* The IPA 「コンピュータ不正アクセス届出様式」 in the version the incident
 * was started with.  False (with err) when the incident has no IPA form. */
bool export_ipa(const struct incident *inc, struct strbuf *out, struct diag *err);

/* The report to the 個人情報保護委員会, items 一〜九 of 規則第8条 (未確定
 * where unanswered), then the decision of 規則第7条 and the deadlines. */
bool export_ppc(const struct incident *inc, struct strbuf *out, struct diag *err);

/* The customer apology notice (お詫びとお知らせ) of the incident's type,
 * worded by the templates of `set` (see notice.h). */
struct notice_set;
enum notice_format { NOTICE_TEXT, NOTICE_HTML };
/* Plain text is wrapped at 70 columns: 35 full-width characters, as
 * Japanese e-mail and letters are written. */
#define NOTICE_TEXT_WIDTH 70
/* *title (when title is not NULL) gets the notice's title, malloc'd: the
 * Subject: of its e-mail draft. */
bool export_notice(const struct incident *inc, const struct notice_set *set,
                   enum notice_format fmt, struct strbuf *out, char **title,
                   struct diag *err);

/* The one way a document is made (the command line and the wizard): the
 * exporter of `kind`, then the whole document in Unicode NFC, except CJK
 * compatibility ideographs (U+F900–FAFF, U+2F800–2FA1F), which stay as
 * typed.  *title (when title is not NULL) gets the Subject of its e-mail
 * draft, malloc'd and normalised too: the form's title and the reporter's
 * organisation, or the notice's title.  `set` is only read for the notice. */
enum doc_kind { DOC_IPA, DOC_PPC, DOC_NOTICE, DOC_NOTICE_HTML };
bool export_document(const struct incident *inc, const struct notice_set *set,
                     enum doc_kind kind, struct strbuf *out, char **title,
                     struct diag *err);

#endif
