/* check — the notice to the persons carries what 規則第10条 requires. */
#include "todoke/check.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/lexer.h"
#include "todoke/notice.h"
#include "todoke/ppc.h"
#include "todoke/strbuf.h"

void check_notice(const struct incident *inc, const struct notice_set *set,
                  struct problems *out)
{
	if (!incident_form(inc, "notice") || !set)
		return;
	struct notice n;
	struct diag d;
	struct strbuf sb;
	diag_clear(&d);
	if (!notice_build(set, inc, &n, &d)) {
		char buf[2048];
		check_add(out, SEV_ERROR, "notice.type", 0, _("the notice cannot be written: %s"),
		          diag_format(&d, buf, sizeof buf));
		return;
	}
	struct ppc_decision dec;
	ppc_decide(inc->answers, &dec);
	if (dec.verdict == PPC_MANDATORY) {
		for (int i = 1; i <= 9; i++) {
			if (!(NOTICE_DUTY_ITEMS & (1u << i)) || (n.covers & (1u << i)))
				continue;
			/* Name the questions that would supply the item. */
			struct strbuf qs;
			sb_init(&qs);
			if (n.duty_ids[i]) {
				char *ids = xstrdup(n.duty_ids[i]), *rest = ids;
				for (char *w; *(w = lex_word(&rest));) {
					char *pl = question_place(inc, w);
					sb_addf(&qs, "%s%s", qs.len ? _(" or ") : "", pl);
					free(pl);
				}
				free(ids);
			}
			sb_init(&sb);
			if (qs.len)
				sb_addf(&sb, _("notice: item %s %s, which 規則第10条 requires when the "
				               "PPC report is mandatory, is not in it; answer %s"),
				        notice_item_name(i), n.duty_name[i] ? n.duty_name[i] : "", qs.buf);
			else
				sb_addf(&sb, _("notice: item %s, which 規則第10条 requires when the PPC "
				               "report is mandatory, is not in it; the template of type "
				               "\"%s\" has no section that covers it"), notice_item_name(i), n.type);
			/* The problem leads to the first of them (the review jumps there). */
			char first[128] = "notice.type";
			if (n.duty_ids[i])
				snprintf(first, sizeof first, "%.*s", (int)strcspn(n.duty_ids[i], " "),
				         n.duty_ids[i]);
			check_add(out, SEV_MISSING, first, 0, "%s", sb.buf);
			sb_release(&sb);
			sb_release(&qs);
		}
	}
	notice_release(&n);
}
