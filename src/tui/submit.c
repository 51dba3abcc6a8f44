/* submit — 「提出済みにする」 after a document is written on the export
 * screen, and what the review shows of what was sent and what changed
 * since (history.h does the work; this asks and shows). */
#include "submit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

void submit_offer(struct app *a, const char *document, const char *path, const char *bytes,
                  size_t len, const char *options)
{
	char written[sizeof a->msg];
	snprintf(written, sizeof written, "%s", a->msg);
	if (dialog_confirm(a, _("Mark it as submitted (提出済みにする)?")) != CONFIRM_YES) {
		snprintf(a->msg, sizeof a->msg, "%s", written);
		return;
	}
	char today[16];
	date_format_iso(a->today, today, sizeof today);
	char *day = dialog_input(a, _("Sent on (YYYY-MM-DD):"), today);
	struct date when;
	const char *why;
	if (!day || !date_parse(day, &when, &why)) {
		if (day)
			app_msg(a, C_ERROR, _("Not marked as submitted: %s: %s"), day, why);
		else
			app_msg(a, C_OK, "%s", _("Not marked as submitted."));
		free(day);
		return;
	}
	free(day);
	/* What is typed is in the model already (the review has no field);
	 * history_submit saves it with the day and 報告区分 it sets. */
	const char *base = strrchr(path, '/');
	struct submit_result res;
	struct diag d;
	diag_clear(&d);
	bool ok = history_submit(a->inc, a->path, document, NULL, when, base ? base + 1 : path,
	                         options, bytes, len, &res, &d);
	if (res.rec.number)
		a->dirty = false;
	if (!ok) {
		char buf[1200];
		app_msg(a, C_ERROR, _("Not marked as submitted: %s"), diag_format(&d, buf, sizeof buf));
	} else {
		char iso[16];
		date_format_iso(when, iso, sizeof iso);
		app_msg(a, C_OK, _("Submitted: %s %s, sent %s (submission %u)%s%s"), document,
		        res.rec.kind, iso, res.rec.number, res.next_kind ? _("; next: ") : "",
		        res.next_kind ? res.next_kind : "");
	}
	submission_release(&res.rec);
}

/* For each document, its last submission and the changes since. */
static bool gather(const struct app *a, struct strbuf *out, size_t *nsub, size_t *nchanged)
{
	struct submissions s;
	struct diag d;
	diag_clear(&d);
	*nsub = *nchanged = 0;
	if (!a->path || !submissions_list(a->path, &s, &d) || !s.n) {
		if (d.msg[0] && out) {
			char buf[1200];
			sb_addf(out, "%s\n", diag_format(&d, buf, sizeof buf));
		}
		return false;
	}
	*nsub = s.n;
	if (out) {
		sb_addf(out, "%s\n", _("Submitted"));
		for (size_t i = 0; i < s.n; i++) {
			char iso[16];
			date_format_iso(s.v[i].date, iso, sizeof iso);
			sb_addf(out, "  %u  %s  %s %s  %s  %s%s%s%s\n", s.v[i].number, iso,
			        s.v[i].document, s.v[i].kind, s.v[i].file, s.v[i].login,
			        s.v[i].name[0] ? " (" : "", s.v[i].name, s.v[i].name[0] ? ")" : "");
		}
		sb_addf(out, "\n%s\n", _("Changed since the last submission (前回の提出から変わった項目)"));
	}
	for (size_t i = 0; i < s.n; i++) {
		if (submissions_last(&s, s.v[i].document) != &s.v[i])
			continue;
		struct strbuf part;
		size_t n = 0;
		sb_init(&part);
		if (history_changes_since(a->fs, a->path, a->inc, &s.v[i], false, &part, &n, &d)) {
			*nchanged += n;
			if (out) {
				char iso[16];
				date_format_iso(s.v[i].date, iso, sizeof iso);
				sb_addf(out, "== %s %s (%s)\n%s", s.v[i].document, s.v[i].kind, iso,
				        n ? part.buf : "");
				if (!n)
					sb_addf(out, "  %s\n", _("nothing changed"));
			}
		} else if (out) {
			char buf[1200];
			sb_addf(out, "%s\n", diag_format(&d, buf, sizeof buf));
		}
		sb_release(&part);
	}
	submissions_release(&s);
	return true;
}

void submit_review_title(const struct app *a, char *where, size_t size)
{
	size_t nsub, nchanged;
	if (!gather(a, NULL, &nsub, &nchanged))
		return;
	size_t len = strlen(where);
	snprintf(where + len, size - len, _("  submitted %zu, changed since %zu (s)"), nsub,
	         nchanged);
}

void submit_review(struct app *a)
{
	struct strbuf sb;
	size_t nsub, nchanged;
	sb_init(&sb);
	if (!gather(a, &sb, &nsub, &nchanged) && !sb.len)
		sb_add(&sb, _("Nothing is marked as submitted yet: export a document, then mark it."));
	dialog_text(a, _("Submissions and what changed since"), sb.buf);
	sb_release(&sb);
}
