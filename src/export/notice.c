/* notice — the customer apology notice (お詫びとお知らせ), worded by
 * forms/notice/TYPE.notice, as plain text or one HTML page. */
#include "todoke/export.h"

#include "todoke/i18n.h"
#include "todoke/notice.h"

bool export_notice(const struct incident *inc, const struct notice_set *set,
                   enum notice_format fmt, struct strbuf *out, char **title,
                   struct diag *err)
{
	if (!incident_form(inc, "notice")) {
		diag_set(err, "", 0, "%s", _("this incident has no notice (form: notice)"));
		return false;
	}
	struct notice n;
	if (!notice_build(set, inc, &n, err))
		return false;
	notice_followup(&n, inc->answers);
	if (fmt == NOTICE_HTML)
		notice_html(&n, out);
	else
		notice_text(&n, NOTICE_TEXT_WIDTH, out);
	if (title)
		*title = xstrdup(notice_title(&n) ? notice_title(&n) : "お詫びとお知らせ");
	notice_release(&n);
	return true;
}
