/* ppc — the report to the 個人情報保護委員会 (規則第8条の事項), laid out by
 * forms/ppc-report-VERSION.form, then the decision and the deadlines. */
#include "todoke/export.h"

#include "todoke/i18n.h"
#include "todoke/ppc.h"

bool export_ppc(const struct incident *inc, struct strbuf *out, struct diag *err)
{
	const struct form *f = incident_form(inc, "ppc-report");
	if (!f) {
		diag_set(err, "", 0, "%s", _("this incident has no PPC report (form: ppc-report)"));
		return false;
	}
	layout_render(f, inc->answers, out);
	struct ppc_decision d;
	ppc_decide(inc->answers, &d);
	/* Dates not checked against the closed days are not written. */
	if (*d.calendar_error) {
		diag_set(err, "", 0, _("the holiday calendar cannot be read: %s"), d.calendar_error);
		return false;
	}
	ppc_appendix(&d, out);
	return true;
}
