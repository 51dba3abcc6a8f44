/* submit — 「提出済みにする」 after a document is written on the export
 * screen, and what the review shows of what was sent and what changed
 * since (history.h does the work; this asks and shows). */
#include "submit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/document.h"
#include "todoke/form.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/strbuf.h"

/* The document written last, until it is marked or the incident closes. */
static struct {
	char document[32];
	char *incident;   /* the incident it was written from */
	char *path;
	struct strbuf bytes;
	char options[160];
	bool set;
} last;

static void forget(void)
{
	if (last.set) {
		free(last.incident);
		free(last.path);
		sb_release(&last.bytes);
	}
	memset(&last, 0, sizeof last);
}

void submit_written(const struct app *a, const char *document, const char *path,
                    const char *bytes, size_t len, const char *options)
{
	forget();
	snprintf(last.document, sizeof last.document, "%s", document);
	snprintf(last.options, sizeof last.options, "%s", options);
	last.incident = xstrdup(a->path);
	last.path = xstrdup(path);
	sb_init(&last.bytes);
	sb_addn(&last.bytes, bytes, len);
	last.set = true;
}

static bool pending(const struct app *a)
{
	return last.set && a->path && strcmp(last.incident, a->path) == 0;
}

void submit_mark(struct app *a)
{
	if (!pending(a)) {
		app_msg(a, C_ERROR, "%s", _("Export a document first (e), then mark it as submitted."));
		return;
	}
	char today[16];
	date_format_iso(a->today, today, sizeof today);
	char prompt[300];
	const char *base = strrchr(last.path, '/');
	base = base ? base + 1 : last.path;
	snprintf(prompt, sizeof prompt, _("Submitted (提出済みにする) %s, sent on:"), base);
	char *day = dialog_input(a, prompt, today);
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
	if (a->changed_outside || file_id_changed(a->path, &a->file_id)) {
		/* Marking saves the incident: not over another writer's change. */
		a->dirty = true;
		app_save(a);
		app_msg(a, C_ERROR, "%s", _("Not marked as submitted: the incident file was "
		                            "changed by someone else."));
		return;
	}
	struct submit_result res;
	struct diag d;
	diag_clear(&d);
	bool ok = history_submit(a->inc, a->path,
	                         docset_find(formset_documents(a->fs), last.document), NULL, when, base, last.options,
	                         last.bytes.buf, last.bytes.len, &a->file_id, &res, &d);
	if (res.rec.number) {
		a->dirty = false;
		app_note_base(a);  /* saved by history_submit */
	}
	if (!ok) {
		char buf[1200];
		app_msg(a, C_ERROR, _("Not marked as submitted: %s"), diag_format(&d, buf, sizeof buf));
	} else {
		char iso[16];
		date_format_iso(when, iso, sizeof iso);
		app_msg(a, C_OK, _("Submitted: %s %s, sent %s (submission %u)%s%s"), last.document,
		        res.rec.kind, iso, res.rec.number, res.next_kind ? _("; next: ") : "",
		        res.next_kind ? res.next_kind : "");
		forget();
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
	size_t nsub, nchanged, len = strlen(where);
	if (pending(a)) {
		snprintf(where + len, size - len, "%s", _("  m: mark as submitted (提出済みにする)"));
		len = strlen(where);
	}
	if (gather(a, NULL, &nsub, &nchanged))
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
