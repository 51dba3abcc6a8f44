/* check internals: shared by the checks of the forms (check.c) and of the
 * documents (documents.c) and of the notice's wording (wording.c). */
#ifndef TODOKE_CHECK_INTERNAL_H
#define TODOKE_CHECK_INTERNAL_H

#include "todoke/check.h"

/* Adds a problem whose message is fmt, formatted. */
void check_add(struct problems *p, enum severity sev, const char *id, int line,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The notice's sentences not in です・ます, as SEV_WORDING problems
 * (wording.c). */
struct notice;
void check_wording(const struct incident *inc, const struct notice *n, struct problems *out);
/* The customer drafts of the notice form rewritten from an answer that has
 * changed since (wording.c). */
void check_drafts(const struct incident *inc, struct problems *out);

#endif
