/* create — a new incident, the same from `todoke new` and the wizard: the
 * newest IPA form, the PPC report and the notice when installed. */
#include "todoke/incident.h"

#include "todoke/i18n.h"

struct incident *incident_create(const struct formset *fs, const char *title,
                                 struct diag *d)
{
	const struct form *forms[2] = { formset_latest(fs, "ipa-access"),
	                                formset_latest(fs, "ppc-report") };
	if (!forms[0]) {
		diag_set(d, "", 0, _("the IPA form (ipa-access) is not installed in %s/forms"),
		         todoke_datadir());
		return NULL;
	}
	struct incident *inc = incident_new(forms, forms[1] ? 2 : 1);
	incident_adopt_notice(inc, fs);
	if (title && *title)
		incident_set_meta(inc, "title", title);
	return inc;
}
