/* i18n — interface strings go through gettext (domain "todoke"). Labels
 * that come from forms are printed as the form prints them. */
#ifndef TODOKE_I18N_H
#define TODOKE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
