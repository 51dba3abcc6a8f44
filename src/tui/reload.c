/* reload — read the file someone else changed, keep this session's edits,
 * let the user settle what both changed (reload.h). */
#include "reload.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

/* An answer as the conflict shows it: a list entry by entry. */
static void show_answer(struct strbuf *out, const struct question *q,
                        const struct model *m, const char *key)
{
	if (q && q->type == Q_REPEAT) {
		size_t n = model_entry_count(m, key);
		for (size_t i = 0; i < n; i++) {
			char *s = wizard_entry_summary(q, model_entry(m, key, i));
			sb_addf(out, "    %zu. %s\n", i + 1, s);
			free(s);
		}
		if (!n)
			sb_addf(out, "    %s\n", _("(no entries)"));
		return;
	}
	char *s = answer_text(q, m, key);
	sb_addf(out, "    %s\n", *s ? s : _("(unanswered)"));
	free(s);
}

/* Both changed key i: the user picks; Esc keeps what was typed here. */
static bool settle(struct app *a, struct merge *m, size_t i)
{
	const char *key = m->conflicts[i];
	const struct question *q = incident_question(m->result, key, NULL);
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, _("Changed both here and in the file: %s (%s)\n\n"),
	        q && q->label && *q->label ? q->label : key, key);
	sb_addf(&sb, "%s\n", _("1  yours, as typed in this session:"));
	show_answer(&sb, q, m->mine, key);
	sb_addf(&sb, "\n%s\n", _("2  in the file now:"));
	show_answer(&sb, q, m->file, key);
	char title[200];
	snprintf(title, sizeof title, _("Reloading: conflict %zu of %zu"), i + 1, m->nconflicts);
	wint_t k = dialog_text_keys(a, title, sb.buf, "12",
	                            _("1 keep yours  2 take the file's"));
	sb_release(&sb);
	if (term_quit_signal || term_hangup || a->quitting)
		return false;
	wizard_merge_take(m, i, k != '2');
	return true;
}

bool reload_merge(struct app *a)
{
	a->reload = false;
	struct incident *theirs = NULL, *base = NULL;
	struct file_id id;
	struct diag d;
	char buf[1200];
	diag_clear(&d);
	if (!store_load(a->path, a->fs, &theirs, &id, NULL, NULL, &d) ||
	    !incident_parse(a->base_text, strlen(a->base_text), a->path, a->fs, &base, &d)) {
		incident_free(&theirs);
		app_msg(a, C_ERROR, _("Not reloaded: %s"), diag_format(&d, buf, sizeof buf));
		return false;
	}
	incident_adopt_documents(theirs, a->fs);
	struct merge m;
	wizard_merge(base, a->inc, theirs, &m);
	bool done = true;
	for (size_t i = 0; i < m.nconflicts && done; i++)
		done = settle(a, &m, i);
	if (!done) {
		/* A signal meanwhile: this session's answers stay as they are. */
		merge_release(&m);
		incident_free(&theirs);
		incident_free(&base);
		return false;
	}
	size_t from_file = m.from_file, kept = m.kept, conflicts = m.nconflicts;
	merge_release(&m);
	incident_free(&base);
	incident_free(&a->inc);
	a->inc = theirs;
	a->file_id = id;
	a->changed_outside = false;
	a->save_failed = false;
	a->dirty = true;
	a->gen++;
	wizard_free(&a->wiz);
	a->wiz = wizard_new(a->inc);
	if (a->page >= a->wiz->npages)
		a->page = 0;
	app_layout_update(a);
	if (app_save(a))
		app_msg(a, C_OK, _("Reloaded, your edits kept (from the file: %zu answers; "
		                   "yours: %zu; conflicts settled: %zu)."), from_file, kept,
		        conflicts);
	return true;
}
