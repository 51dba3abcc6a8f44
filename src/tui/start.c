/* start — the first screen: start a new incident or resume a saved one. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "input.h"
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

/* What the list shows, to notice an incident opened or closed elsewhere
 * (a stale 「[in use]」 goes when its session ends), and to fill it
 * between keys. */
static struct {
	struct store_list *list;
	time_t checked;
	struct timespec drawn;
} shown;

static bool list_changed(struct app *a)
{
	(void)a;
	time_t now = time(NULL);
	if (!shown.list || now - shown.checked < 2)
		return false;
	shown.checked = now;
	return store_list_changed(shown.list);
}

static long ms_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) / 1000000;
}

/* Between keys: reads the incidents not described yet, a few at a time
 * and never while a key is waiting (a key always wins); true to draw the
 * count again, about ten times a second and once at the end. */
static bool fill_list(struct app *a)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	bool done = false;
	while (!(done = store_list_fill(shown.list, 1)) && ms_since(&t) < 20 && !input_waiting())
		;
	if (done)
		a->work = NULL;
	if (done || ms_since(&shown.drawn) >= 100) {
		clock_gettime(CLOCK_MONOTONIC, &shown.drawn);
		return true;
	}
	return false;
}

/* The status line's counter: how far the reading is, then how many. */
static void list_counter(const struct store_list *l, size_t n, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!n)
		return;
	struct strbuf done, all;
	sb_init(&done);
	sb_init(&all);
	sb_add_thousands(&done, (long long)store_list_done(l));
	sb_add_thousands(&all, (long long)n);
	if (store_list_done(l) < n)
		snprintf(buf, size, _("reading %s/%s"), done.buf, all.buf);
	else
		snprintf(buf, size, ngettext("%s incident", "%s incidents", (unsigned long)n), all.buf);
	sb_release(&done);
	sb_release(&all);
}

static const char *const start_help =
	N_("The start screen lists the incidents saved on this computer.\n"
	   "\n"
	   "Up/Down           choose an incident\n"
	   "PgUp/PgDn         a page up or down; Home, End: the first, the last\n"
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
	struct store_list *sl = NULL;
	struct store_entry *list = NULL;
	size_t n = 0, cur = 0;
	struct diag d;
	char *result = NULL, *pick = NULL;
	bool reload = true, first = true;
	/* The titles, sorted again when one may have changed: a row's
	 * 「two of one name」 costs a search, not a pass over the list. */
	struct list_titles titles = { 0 };
	size_t titles_done = SIZE_MAX;

	for (;;) {
		if (reload) {
			/* The selection stays on its incident across a refresh. */
			char *was = pick ? pick : cur > 0 && cur <= n ? xstrdup(list[cur - 1].path) : NULL;
			pick = NULL;
			/* What the old list described is not read again. */
			struct store_list *old = sl;
			sl = store_list_open(dir, a->fs, old, &d);
			store_list_free(&old);
			if (!sl) {
				char buf[1200];
				app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
			}
			list = store_list_entries(sl, &n);
			titles_done = SIZE_MAX;
			reload = false;
			shown.list = sl;
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
			first = false;
		}
		int bh = app_body_height();
		int top = (int)cur - bh + 1 > 0 ? (int)cur - bh + 1 : 0;
		/* The rows shown are read now, the others between keys. */
		for (int i = 0; i < bh && top + i <= (int)n; i++)
			if (top + i > 0)
				store_list_describe(sl, (size_t)(top + i - 1));
		if (store_list_done(sl) != titles_done) {
			titles_done = store_list_done(sl);
			list_titles_sort(&titles, list, n);
		}
		char counter[128];
		list_counter(sl, n, counter, sizeof counter);
		app_frame_counted(a, _("Start: a new incident, or resume one"), counter,
		                  _("Enter open  n new  r rename  c copy  Del delete  t trash  F1 help  q quit"));
		for (int i = 0; i < bh && top + i <= (int)n; i++) {
			size_t k = (size_t)(top + i);
			struct strbuf row;
			sb_init(&row);
			if (k == 0)
				sb_add(&row, _("[+ Start a new incident]"));
			else
				list_row(&list[k - 1], list_titles_repeated(&titles, list[k - 1].title),
				         COLS - 2, &row);
			attr_t at = k == cur ? term_attr(C_FOCUS) : A_NORMAL;
			draw_short(app_body_top() + i, 1, row.buf, COLS - 2, at);
			sb_release(&row);
		}
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		a->idle = list_changed;
		a->work = store_list_done(sl) < n ? fill_list : NULL;
		int rc = app_key(a, &ch, &quit);
		a->idle = NULL;
		a->work = NULL;
		if (quit)
			break;
		if (rc == ERR)
			continue;  /* more of the list was read: the counter again */
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
		size_t page = bh > 1 ? (size_t)bh - 1 : 1;
		if (rc == KEY_CODE_YES && ch == KEY_UP && cur > 0)
			cur--;
		else if (rc == KEY_CODE_YES && ch == KEY_DOWN && cur < n)
			cur++;
		else if (rc == KEY_CODE_YES && ch == KEY_PPAGE)
			cur = cur > page ? cur - page : 0;
		else if (rc == KEY_CODE_YES && ch == KEY_NPAGE)
			cur = cur + page < n ? cur + page : n;
		else if (rc == KEY_CODE_YES && ch == KEY_HOME)
			cur = 0;
		else if (rc == KEY_CODE_YES && ch == KEY_END)
			cur = n;
	}
	shown.list = NULL;
	list_titles_release(&titles);
	free(pick);
	store_list_free(&sl);
	free(dir);
	return result;
}
