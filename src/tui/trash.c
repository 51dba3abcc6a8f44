/* trash — the start screen's view of the deleted incidents: restore one,
 * or delete it for good (store.h: store_trash_list, store_restore,
 * store_purge). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "listrow.h"
#include "trash.h"
#include "wrap.h"
#include "todoke/i18n.h"
#include "todoke/store.h"
#include "todoke/strbuf.h"

static const char *const trash_help =
	N_("The trash holds the incidents deleted from the start screen, each with\n"
	   "its history and the copies of what was sent.\n"
	   "\n"
	   "Up/Down           choose an incident\n"
	   "Enter, u          restore it: back in the list of incidents\n"
	   "Delete, x         delete it for good, after asking\n"
	   "E                 empty the trash: delete every one for good, after asking\n"
	   "Esc               back to the list of incidents\n"
	   "F1, ?             this help\n"
	   "q, F10            quit todoke, after asking\n"
	   "\n"
	   "Deleted for good, an incident's answers, history and sent copies cannot\n"
	   "be brought back by todoke (copies pushed to another repository or kept\n"
	   "in backups are not reached).");

/* What went wrong with one incident, named as the list names it: its
 * path would leave no room for the reason at 80 columns. */
static void show_error(struct app *a, const char *title, const struct diag *d)
{
	app_msg(a, C_ERROR, "「%s」: %s", title, d->msg);
}

/* Yes to deleting e (all of them: e NULL, n of them) for good. */
static enum confirm ask_purge(struct app *a, const struct store_entry *e, size_t n)
{
	char text[1600];
	if (e)
		snprintf(text, sizeof text, _("Delete 「%s」 for good? Its answers, its history and "
		         "the copies of what was sent are removed and cannot be restored."), e->title);
	else
		snprintf(text, sizeof text, _("Empty the trash? The %zu incidents in it, with their "
		         "histories and the copies of what was sent, are removed for good and cannot "
		         "be restored."), n);
	list_explain(text);
	return dialog_confirm(a, e ? _("Delete it for good?") : _("Empty the trash?"));
}

bool screen_trash(struct app *a, const char *dir)
{
	struct store_entry *list = NULL;
	size_t n = 0, cur = 0;
	bool reload = true, go_on = true;
	struct diag d;
	for (;;) {
		if (reload) {
			store_entries_free(&list, n);
			n = 0;
			if (!store_trash_list(dir, a->fs, &list, &n, &d)) {
				char buf[1200];
				app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
			}
			if (cur >= n)
				cur = n ? n - 1 : 0;
			reload = false;
		}
		app_frame(a, _("Trash: deleted incidents"),
		          n ? _("Enter restore  Del delete for good  E empty  Esc back  F1 help")
		            : _("Esc back  F1 help  q quit"));
		int bh = app_body_height();
		if (!n)
			draw_text(app_body_top(), 1, _("The trash is empty."), COLS - 2, A_NORMAL);
		int top = (int)cur - bh + 1 > 0 ? (int)cur - bh + 1 : 0;
		for (int i = 0; i < bh && (size_t)(top + i) < n; i++) {
			size_t k = (size_t)(top + i);
			struct strbuf row;
			sb_init(&row);
			list_row(&list[k], list_title_repeats(list, n, k), COLS - 2, &row);
			draw_text(app_body_top() + i, 1, row.buf, COLS - 2,
			          k == cur ? term_attr(C_FOCUS) : A_NORMAL);
			sb_release(&row);
		}
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit) {
			go_on = false;
			break;
		}
		bool key = rc == KEY_CODE_YES;
		if (key && ch == KEY_RESIZE)
			reload = true;
		else if (rc == OK && ch == 27)
			break;
		else if (rc == OK && ch == 'q')
			app_ask_quit(a);
		else if ((key && ch == KEY_F(1)) || (rc == OK && ch == '?')) {
			struct strbuf sb;
			sb_init(&sb);
			wrap_text(&sb, _(trash_help), COLS - 2, 2);
			dialog_text(a, _("Help"), sb.buf);
			sb_release(&sb);
		} else if (key && ch == KEY_UP && cur > 0)
			cur--;
		else if (key && ch == KEY_DOWN && cur + 1 < n)
			cur++;
		else if (n && rc == OK && (ch == '\r' || ch == '\n' || ch == 'u')) {
			char *back = store_restore(list[cur].path, &d);
			if (!back)
				show_error(a, list[cur].title, &d);
			else {
				const char *slash = strrchr(back, '/');
				app_msg(a, C_OK, _("「%s」 is back in the list of incidents (%s)."),
				        list[cur].title, slash ? slash + 1 : back);
				free(back);
			}
			reload = true;
		} else if (n && ((key && ch == KEY_DC) || (rc == OK && ch == 'x'))) {
			enum confirm c = ask_purge(a, &list[cur], 1);
			if (c == CONFIRM_INTERRUPTED) {
				go_on = false;
				break;
			}
			if (c == CONFIRM_YES) {
				if (store_purge(list[cur].path, &d))
					app_msg(a, C_OK, _("「%s」 is deleted for good."), list[cur].title);
				else
					show_error(a, list[cur].title, &d);
			}
			reload = true;
		} else if (n && rc == OK && ch == 'E') {
			enum confirm c = ask_purge(a, NULL, n);
			if (c == CONFIRM_INTERRUPTED) {
				go_on = false;
				break;
			}
			size_t done = 0;
			for (size_t i = 0; c == CONFIRM_YES && i < n; i++) {
				if (store_purge(list[i].path, &d))
					done++;
				else
					show_error(a, list[i].title, &d);  /* the others still go */
			}
			if (c == CONFIRM_YES && done == n)
				app_msg(a, C_OK, _("The trash is empty: %zu incidents deleted for good."), done);
			reload = true;
		}
	}
	store_entries_free(&list, n);
	return go_on;
}
