/* create — a new incident, the same from `todoke new` and the wizard: the
 * newest form of each document of the registry that begins one, when
 * installed, then those it adopts (incident_adopt_documents). */
#include "todoke/incident.h"

#include <stdlib.h>

#include "todoke/document.h"
#include "todoke/i18n.h"

struct incident *incident_create(const struct formset *fs, const char *title,
                                 struct diag *d)
{
	const struct docset *s = formset_documents(fs);
	const struct form *first = s->n ? formset_latest(fs, s->v[0].form) : NULL;
	if (!first && formset_error(fs)) {
		*d = *formset_error(fs);  /* installed, but it does not read */
		return NULL;
	}
	if (!first) {
		diag_set(d, "", 0, _("the form of %s (%s) is not installed in %s/forms"),
		         s->n ? s->v[0].title : "forms/documents", s->n ? s->v[0].form : "-",
		         todoke_datadir());
		return NULL;
	}
	struct incident *inc = incident_new(NULL, 0);
	inc->fs = fs;
	for (size_t i = 0; i < s->n; i++) {
		const struct form *f = formset_latest(fs, s->v[i].form);
		if (f && (i == 0 || s->v[i].begins))
			incident_add_form(inc, f);
	}
	incident_adopt_documents(inc, fs);
	if (formset_error(fs)) {
		*d = *formset_error(fs);
		incident_free(&inc);
		return NULL;
	}
	if (title && *title)
		incident_set_meta(inc, "title", title);
	return inc;
}
