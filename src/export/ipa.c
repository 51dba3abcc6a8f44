/* ipa — the IPA 「コンピュータ不正アクセス届出様式」. The layout is data
 * (forms/ipa-access-VERSION.form); this picks the incident's version. */
#include "todoke/export.h"

#include "todoke/i18n.h"

bool export_ipa(const struct incident *inc, struct strbuf *out, struct diag *err)
{
	const struct form *f = incident_form(inc, "ipa-access");
	if (!f) {
		diag_set(err, "", 0, "%s", _("this incident has no IPA form (form: ipa-access)"));
		return false;
	}
	layout_render(f, inc->answers, out);
	return true;
}
