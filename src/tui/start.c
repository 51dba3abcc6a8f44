/* start — the first screen: start a new incident or resume a saved one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "listrow.h"
#include "trash.h"
#include "wrap.h"
#include "todoke/i18n.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

/* Picks a name; the file is made by open_incident once its lock is held,
 * so two sessions starting at the same moment never share a file. */
static char *new_incident(struct app *a, const char *dir)
{
	struct diag d;
	char *title = dialog_input(a, _("Name of the new incident:"), "");
	if (!title)
		return NULL;
	if (!store_ensure_dir(dir, &d) || !store_check_dir(dir, &d)) {
		char buf[1200];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		free(title);
		return NULL;
	}
	free(a->new_title);
	a->new_title = title;
	return store_new_path(dir, a->today);
}

/* What the list showed, to notice an incident opened or closed elsewhere
 * (a stale 「[in use]」 goes when its session ends). */
static struct {
	const char *dir;
	const struct store_entry *list;
	size_t n;
	time_t checked;
} shown;

static bool list_changed(struct app *a)
{
	time_t now = time(NULL);
	if (!shown.dir || now - shown.checked < 2)
		return false;
	shown.checked = now;
	struct store_entry *l = NULL;
	size_t n = 0;
	struct diag d;
	if (!store_list(shown.dir, a->fs, &l, &n, &d))
		return false;
	bool changed = n != shown.n;
	for (size_t i = 0; !changed && i < n; i++)
		changed = strcmp(l[i].path, shown.list[i].path) != 0 ||
		          l[i].lock != shown.list[i].lock || l[i].mtime != shown.list[i].mtime;
	store_entries_free(&l, n);
	return changed;
}

static const char *const start_help =
	N_("The start screen lists the incidents saved on this computer.\n"
	   "\n"
	   "Up/Down           choose an incident\n"
	   "Enter             open it (or start a new one on the first line)\n"
	   "n                 start a new incident: only its name is asked\n"
	   "r                 rename it: the name shown in this list\n"
	   "c                 copy it: a new incident with the same answers, for a\n"
	   "                  similar case (no history, nothing sent)\n"
	   "Delete, d         delete it, after asking: it goes to the trash with its\n"
	   "                  history and the copies of what was sent\n"
	   "t                 the trash: restore an incident, or delete it for good\n"
	   "F1, ?             this help\n"
	   "q, F10            quit todoke, after asking\n"
	   "\n"
	   "Each incident shows when it was found and last changed, and how many\n"
	   "questions are answered; two of the same name also show their file.\n"
	   "[in use]: open in another session right now: it cannot be renamed or\n"
	   "deleted until that session ends.  [interrupted]: todoke stopped while\n"
	   "it was open; Enter recovers it with every answer saved up to then.");

/* What went wrong with one incident, named as the list names it: its
 * path would leave no room for the reason at 80 columns. */
static void show_error(struct app *a, const char *title, const struct diag *d)
{
	app_msg(a, C_ERROR, "「%s」: %s", title, d->msg);
}

static void rename_incident(struct app *a, const struct store_entry *e)
{
	char *title = dialog_input(a, _("New name of the incident:"), e->title);
	if (!title)
		return;
	struct diag d;
	if (store_rename(e->path, a->fs, title, &d))
		app_msg(a, C_OK, _("Renamed: 「%s」"), title);
	else
		show_error(a, e->title, &d);
	free(title);
}

/* The copy's path (to select it), or NULL. */
static char *copy_incident(struct app *a, const struct store_entry *e)
{
	struct diag d;
	char *p = store_duplicate(e->path, a->fs, a->today, &d);
	if (!p) {
		show_error(a, e->title, &d);
		return NULL;
	}
	app_msg(a, C_OK, "%s", _("Copied as a new incident: same answers, no history."));
	return p;
}

/* False when the session ends while asking. */
static bool delete_incident(struct app *a, const struct store_entry *e)
{
	char text[1600];
	snprintf(text, sizeof text, _("Delete 「%s」? It goes to the trash with its history and "
	         "the copies of what was sent; t shows the trash, where it can be restored or "
	         "deleted for good."), e->title);
	list_explain(text);
	enum confirm c = dialog_confirm(a, _("Move it to the trash?"));
	if (c == CONFIRM_INTERRUPTED)
		return false;
	if (c == CONFIRM_NO) {
		app_msg(a, C_OK, "%s", _("Not deleted."));
		return true;
	}
	struct diag d;
	if (store_trash(e->path, &d))
		app_msg(a, C_OK, _("「%s」 is in the trash (t shows it)."), e->title);
	else
		show_error(a, e->title, &d);
	return true;
}

/* Returns the path of the incident to open, or NULL to leave todoke. */
char *screen_start(struct app *a)
{
	char *dir = store_dir();
	if (!dir) {
		app_msg(a, C_ERROR, "%s", _("no home folder: set HOME or TODOKE_HOME"));
		return NULL;
	}
	struct store_entry *list = NULL;
	size_t n = 0, cur = 0;
	struct diag d;
	char *result = NULL, *pick = NULL;
	bool reload = true;

	for (;;) {
		if (reload) {
			/* The selection stays on its incident across a refresh. */
			char *was = pick ? pick : cur > 0 && cur <= n ? xstrdup(list[cur - 1].path) : NULL;
			pick = NULL;
			bool first = shown.dir == NULL;
			store_entries_free(&list, n);
			n = 0;
			if (!store_list(dir, a->fs, &list, &n, &d)) {
				char buf[1200];
				app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
			}
			reload = false;
			shown.dir = dir;
			shown.list = list;
			shown.n = n;
			shown.checked = time(NULL);
			if (cur > n)
				cur = n;
			for (size_t i = 0; was && i < n; i++)
				if (strcmp(list[i].path, was) == 0)
					cur = i + 1;
			free(was);
			/* An interrupted session is what the user most likely wants. */
			for (size_t i = 0; first && i < n; i++)
				if (list[i].lock == LOCK_TAKEN_STALE) {
					cur = i + 1;
					break;
				}
		}
		app_frame(a, _("Start: a new incident, or resume one"),
		          _("Enter open  n new  r rename  c copy  Del delete  t trash  F1 help  q quit"));
		int bh = app_body_height();
		int top = (int)cur - bh + 1 > 0 ? (int)cur - bh + 1 : 0;
		for (int i = 0; i < bh && top + i <= (int)n; i++) {
			size_t k = (size_t)(top + i);
			struct strbuf row;
			sb_init(&row);
			if (k == 0)
				sb_add(&row, _("[+ Start a new incident]"));
			else
				list_row(&list[k - 1], list_title_repeats(list, n, k - 1), COLS - 2, &row);
			attr_t at = k == cur ? term_attr(C_FOCUS) : A_NORMAL;
			draw_short(app_body_top() + i, 1, row.buf, COLS - 2, at);
			sb_release(&row);
		}
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		a->idle = list_changed;
		int rc = app_key(a, &ch, &quit);
		a->idle = NULL;
		if (quit)
			break;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			reload = true;
			continue;
		}
		/* Esc never quits: nothing is open here to close. */
		if (rc == OK && ch == 27) {
			app_msg(a, C_OK, "%s", _("q or F10 quits todoke."));
			continue;
		}
		if (rc == OK && ch == 'q') {
			app_ask_quit(a);
			continue;
		}
		if ((rc == KEY_CODE_YES && ch == KEY_F(1)) || (rc == OK && ch == '?')) {
			struct strbuf sb;
			sb_init(&sb);
			wrap_text(&sb, _(start_help), COLS - 2, 2);
			dialog_text(a, _("Help"), sb.buf);
			sb_release(&sb);
			continue;
		}
		if (rc == OK && (ch == 'n' || ((ch == '\r' || ch == '\n') && cur == 0))) {
			result = new_incident(a, dir);
			if (result)
				break;
			continue;
		}
		if (rc == OK && (ch == '\r' || ch == '\n') && cur > 0) {
			result = xstrdup(list[cur - 1].path);
			break;
		}
		if (rc == OK && ch == 't') {
			if (!screen_trash(a, dir))
				break;
			reload = true;
			continue;
		}
		bool on_one = cur > 0 && cur <= n;
		if (on_one && rc == OK && ch == 'r') {
			rename_incident(a, &list[cur - 1]);
			reload = true;
			continue;
		}
		if (on_one && rc == OK && ch == 'c') {
			/* The copy is selected: likely the one to open next. */
			free(pick);
			pick = copy_incident(a, &list[cur - 1]);
			reload = true;
			continue;
		}
		if (on_one && ((rc == KEY_CODE_YES && ch == KEY_DC) || (rc == OK && ch == 'd'))) {
			if (!delete_incident(a, &list[cur - 1]))
				break;
			reload = true;
			continue;
		}
		if (!on_one && rc == OK && (ch == 'r' || ch == 'c' || ch == 'd')) {
			app_msg(a, C_OK, "%s", _("Choose an incident first (Down)."));
			continue;
		}
		if (rc == KEY_CODE_YES && ch == KEY_UP && cur > 0)
			cur--;
		else if (rc == KEY_CODE_YES && ch == KEY_DOWN && cur < n)
			cur++;
	}
	shown.dir = NULL;
	free(pick);
	store_entries_free(&list, n);
	free(dir);
	return result;
}
