/* answer — what the user types or ticks on a page becomes an answer in the
 * model, and an answer becomes the text of a field again.  No curses: the
 * front end passes the text and shows the reason when it does not read. */
#include "todoke/wizard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/i18n.h"
#include "todoke/strbuf.h"

char *wizard_value_text(const struct row *r, const struct model *m)
{
	const struct value *val = model_get(m, r->q->id);
	char buf[32];
	if (!val)
		return xstrdup("");
	if (r->kind == ROW_DATE && val->type == Q_DATE) {
		date_format_iso(val->date, buf, sizeof buf);
		return xstrdup(buf);
	}
	if (val->type == Q_NUMBER) {
		snprintf(buf, sizeof buf, "%lld", val->number);
		return xstrdup(buf);
	}
	return xstrdup(val->text ? val->text : "");
}

bool wizard_store_text(const struct row *r, struct model *m, const char *text,
                       struct diag *why)
{
	const char *id = r->q->id;
	bool blank = answer_blank(text);
	const char *reason;
	switch (r->kind) {
	case ROW_NOTE:
		model_set_check(m, id, model_checked(m, id), *text ? text : NULL);
		return true;
	case ROW_DATE: {
		struct date d;
		if (blank) {
			model_unset(m, id);
			return true;
		}
		if (!date_parse(text, &d, &reason)) {
			diag_set(why, "", 0, _("%s: %s — e.g. 2022-10-24, 2022/10/24 or 2022年10月24日"),
			         r->q->label, reason);
			return false;
		}
		model_set_date(m, id, d);
		return true;
	}
	case ROW_FIELD:
		if (r->q->type == Q_NUMBER) {
			long long n;
			if (blank) {
				model_unset(m, id);
				return true;
			}
			enum wizard_bound b;
			bool ok = r->bound ? wizard_parse_count(text, &n, &b, &reason)
			                   : wizard_parse_number(text, &n, &reason);
			if (!ok) {
				diag_set(why, "", 0, "%s: %s", r->q->label, reason);
				return false;
			}
			model_set_number(m, id, n);
			/* 約6,000 is 6000 and 約 in the choice beside it. */
			if (r->bound && b != WIZ_BOUND_NONE)
				model_set_text(m, r->bound->id, Q_CHOICE,
				               b == WIZ_BOUND_APPROX ? "approx" : "atmost");
		} else if (!*text) {
			model_unset(m, id);
		} else {
			/* Kept as typed, even blank: never lose what was typed.
			 * A blank text is not an answer (question_answered). */
			model_set_text(m, id, Q_TEXT, text);
		}
		return true;
	case ROW_PARA:
		if (!*text)
			model_unset(m, id);
		else
			model_set_text(m, id, Q_LINES, text);
		return true;
	default:
		diag_set(why, "", 0, "%s: %s", r->q ? r->q->label : "", _("this row takes no text"));
		return false;
	}
}

bool wizard_toggle(const struct row *r, struct model *m)
{
	if (r->kind == ROW_BOX) {
		const struct value *old = model_get(m, r->q->id);
		/* model_set_check replaces the value the note points into. */
		char *note = old && old->text ? xstrdup(old->text) : NULL;
		model_set_check(m, r->q->id, !model_checked(m, r->q->id), note);
		free(note);
		return true;
	}
	if (r->kind == ROW_RADIO) {
		model_set_text(m, r->q->id, Q_CHOICE, r->q->opts[r->opt].id);
		return true;
	}
	return false;
}
