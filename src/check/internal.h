/* check internals: shared by the checks of the forms (check.c) and of the
 * notice (notice.c). */
#ifndef TODOKE_CHECK_INTERNAL_H
#define TODOKE_CHECK_INTERNAL_H

#include "todoke/check.h"

/* Adds a problem whose message is fmt, formatted. */
void check_add(struct problems *p, enum severity sev, const char *id, int line,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
