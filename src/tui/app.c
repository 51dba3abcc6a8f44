/* app — the wizard's main loop and the services of every screen. */
#include "app.h"
#include "wrap.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "draw.h"
#include "config.h"
#include "field.h"
#include "input.h"
#include "todoke/check.h"
#include "todoke/history.h"
#include "todoke/fileio.h"
#include "todoke/i18n.h"
#include "todoke/journal.h"
#include "todoke/lock.h"
#include "todoke/export.h"
#include "todoke/notice.h"
#include "todoke/ppc.h"
#include "todoke/profile.h"
#include "todoke/strbuf.h"
#include "todoke/textwidth.h"
#include "todoke/tui.h"

/* Typed text reaches the file at least this often (seconds). */
#define AUTOSAVE_SECONDS 3

void app_msg(struct app *a, enum color_role role, const char *fmt, ...)
{
	va_list ap;
	char raw[sizeof a->msg];
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	diag_visible(a->msg, sizeof a->msg, raw);  /* names, paths from outside */
	a->msg_role = role;
}

bool app_commit_field(struct app *a)
{
	/* Unchanged since stored: nothing to write (a failed save stays
	 * as it was, not retried as if new answers came). */
	if (!a->field || !a->field_row || !field_changed(a->field))
		return true;
	char *text = field_text(a->field);
	struct diag why;
	diag_clear(&why);
	bool ok = wizard_store_text(a->field_row, a->field_model, text, &why);
	free(text);
	if (!ok) {
		app_msg(a, C_ERROR, "%s", why.msg);
		return false;
	}
	/* A customer draft left as its copy is not stored; an edited one keeps
	 * its source's fingerprint. */
	if (a->field_model == a->inc->answers)
		draft_edited(a->inc, a->field_row->q);
	a->dirty = true;
	a->gen++;
	field_mark_saved(a->field);
	return true;
}

bool app_save(struct app *a)
{
	struct diag d;
	if (!a->dirty)
		return true;
	a->gen++;
	diag_clear(&d);
	if (a->changed_outside || file_id_changed(a->path, &a->file_id)) {
		/* Another writer's change is theirs to keep: never saved over. */
		a->changed_outside = true;
		a->save_failed = true;
		snprintf(a->save_msg, sizeof a->save_msg,
		         _("NOT SAVED: %s was changed by someone else since todoke read it; "
		           "your answers are kept here (F10: r reloads it, keeping your edits)"),
		         a->path);
		a->msg[0] = '\0';
		return false;
	}
	/* An autosave: its history commit waits for the page to be left (or
	 * a minute). */
	enum history_save_result r = history_save_checked(a->inc, a->path, false, &a->file_id, &d);
	char buf[1200];
	if (r == HS_CHANGED) {
		a->changed_outside = true;  /* changed since the check above */
		return app_save(a);
	}
	if (r == HS_FAILED) {
		app_msg(a, C_ERROR, _("NOT SAVED: %s"), diag_format(&d, buf, sizeof buf));
		a->save_failed = true;
		snprintf(a->save_msg, sizeof a->save_msg, "%s", a->msg);
		return false;
	}
	if (r == HS_UNRECORDED)
		app_msg(a, C_ERROR, _("saved, but not in the history: %s"),
		        diag_format(&d, buf, sizeof buf));
	a->save_failed = false;
	a->dirty = false;
	a->field_saved = time(NULL);  /* a->file_id: as written (history_save_checked) */
	/* The journal goes on after a mark, so that the next burst still
	 * writes only its lines; started again, it needs a whole record. */
	if (!journal_saved(&a->journal, a->path)) {
		free(a->journaled_key);
		a->journaled_key = NULL;
		a->journaled_field = 0;
	}
	app_note_base(a);
	return true;
}

void app_note_base(struct app *a)
{
	struct strbuf sb;
	sb_init(&sb);
	incident_serialize(a->inc, &sb);
	free(a->base_text);
	a->base_text = sb_detach(&sb);
}

void app_journal_done(struct app *a)
{
	journal_remove(&a->journal, a->path);
	free(a->journaled_key);
	a->journaled_key = NULL;
	a->journaled_field = 0;
}

/* After each burst of keys: what it changed in the field goes to the
 * journal (one write, no fsync), so that kill -9 loses none of it.  The
 * first record of a field is its whole text; while the same field stays
 * in the journal, each burst writes only the lines it changed: typing into
 * a long text costs a line, not the text (issue 14). */
static void journal_typing(struct app *a)
{
	size_t first, tail;
	if (!a->field || !a->field_row || !a->inc || !a->path ||
	    !field_changed_lines(a->field, &first, &tail))
		return;
	char *key = wizard_answer_key(a->inc, a->field_model, a->field_row->q);
	if (!key)
		return;
	bool lines = a->journal && a->journaled_field == field_serial(a->field) &&
	             a->journaled_key && strcmp(key, a->journaled_key) == 0;
	char *text = lines ? field_lines_text(a->field, first, tail) : field_text(a->field);
	struct diag d;
	/* Not written (disk full): the autosave says NOT SAVED soon enough. */
	bool ok = lines ? journal_append_lines(&a->journal, a->path, key, first, tail, text, &d)
	                : journal_append(&a->journal, a->path, key, text, &d);
	free(text);
	if (ok) {
		field_mark_lines(a->field);
		free(a->journaled_key);
		a->journaled_key = key;
		a->journaled_field = field_serial(a->field);
	} else {
		free(key);
		/* The next burst starts again with the whole text. */
		a->journaled_field = 0;
	}
}

void app_commit_history(struct app *a)
{
	struct diag d;
	diag_clear(&d);
	if (a->path && !history_commit(a->path, &d)) {
		char buf[1200];
		app_msg(a, C_ERROR, _("saved, but not in the history: %s"),
		        diag_format(&d, buf, sizeof buf));
	}
}

void app_load_notices(struct app *a)
{
	if (a->notices_read)
		return;
	a->notices_read = true;
	struct diag nd;
	diag_clear(&nd);
	char *own = notice_own_dir();
	a->notices = notice_set_load_own(todoke_datadir(), own, &nd);
	free(own);
	if (!a->notices)
		diag_format(&nd, a->notices_err, sizeof a->notices_err);
}

/* What typing has changed goes to the model and the file now. */
static void autosave(struct app *a)
{
	if (a->field && field_changed(a->field)) {
		/* A half-typed date does not read yet: keep it in the field. */
		char saved[sizeof a->msg];
		memcpy(saved, a->msg, sizeof saved);
		enum color_role role = a->msg_role;
		app_commit_field(a);
		memcpy(a->msg, saved, sizeof saved);
		a->msg_role = role;
	}
	app_save(a);
}

bool app_ask_quit(struct app *a)
{
	static bool asking;   /* F10 inside this very question */
	if (asking || a->quitting)
		return a->quitting;
	asking = true;
	/* With an incident open, the question says where the answers are, and
	 * never that they are saved when they are not (app_confirm_quit). */
	enum confirm c = a->inc ? app_confirm_quit(a) : dialog_confirm(a, _("Quit todoke?"));
	asking = false;
	if (c != CONFIRM_NO)
		a->quitting = true;
	return a->quitting;
}

int app_key(struct app *a, wint_t *ch, bool *quit)
{
	*quit = false;
	journal_typing(a);  /* the key before this one has been handled */
	for (;;) {
		if (term_quit_signal || term_hangup || a->quitting || a->reload) {
			autosave(a);
			*quit = true;
			return ERR;
		}
		if (term_too_small()) {
			term_draw_too_small();
			int rc = input_get(ch, 1000);
			if (rc == INPUT_EOF) {
				term_hangup = 1; /* the terminal is gone: save and leave */
				continue;
			}
			if (rc == ERR)
				autosave(a);
			/* Too small to ask: q and F10 quit at once, answers saved. */
			if ((rc == OK && (*ch == 'q' || *ch == 'Q')) ||
			    (rc == KEY_CODE_YES && *ch == KEY_F(10))) {
				a->quitting = true;
				continue;
			}
			if (!term_too_small()) {
				/* Big enough again: the screen redraws itself. */
				*ch = KEY_RESIZE;
				return KEY_CODE_YES;
			}
			continue;
		}
		int rc = input_get(ch, a->work ? 0 : 1000);
		if (rc == INPUT_EOF) {
			term_hangup = 1; /* the terminal is gone: save and leave */
			continue;
		}
		if (rc == ERR && a->work) {
			if (a->work(a))
				return ERR;
			continue;
		}
		if (rc == ERR) {
			bool failed = a->save_failed;
			if (a->field && field_changed(a->field) &&
			    time(NULL) - a->field_saved >= AUTOSAVE_SECONDS)
				autosave(a);
			if (a->save_failed && !failed) {
				*ch = KEY_RESIZE;   /* NOT SAVED is shown now, not at the next key */
				return KEY_CODE_YES;
			}
			if (errno == EINTR || term_quit_signal || term_hangup)
				continue;
			if (a->idle && a->idle(a)) {
				*ch = KEY_RESIZE;
				return KEY_CODE_YES;
			}
			continue;
		}
		if (rc == KEY_CODE_YES && *ch == KEY_RESIZE)
			return rc;
		if (rc == KEY_CODE_YES && *ch == KEY_F(10)) {
			a->msg[0] = '\0';
			if (!app_ask_quit(a)) {
				*ch = KEY_RESIZE;   /* "no": draw the screen again */
				return KEY_CODE_YES;
			}
			continue;
		}
		if (a->field && field_changed(a->field) &&
		    time(NULL) - a->field_saved >= AUTOSAVE_SECONDS)
			autosave(a);
		/* A new key clears an old message; what it leads to may set one. */
		a->msg[0] = '\0';
		return rc;
	}
}

/* A third line at the top while the incident has a PPC report: whether it
 * is due, and the days left. */
static bool ppc_line;

void app_layout_update(struct app *a)
{
	a->gen++; /* another incident, or none */
	ppc_line = a->inc && incident_decision_document(a->inc);
}

int app_body_top(void)
{
	return ppc_line ? 3 : 2;
}

int app_body_height(void)
{
	return LINES - 4 - ppc_line;
}

int draw_text(int y, int x, const char *s, int cols, attr_t attr)
{
	attrset(attr);
	move(y, x);
	int used = draw_u8(stdscr, s, strlen(s), cols);
	attrset(A_NORMAL);
	return used;
}

static void fill_line(int y, attr_t attr)
{
	move(y, 0);
	hline(' ' | attr, COLS);
}

/* The status lines' content: the checks and the PPC decision are run when
 * the answers may have changed (a->gen, unsaved changes, another day),
 * not on every key typed into a field. */
static struct {
	bool ok;
	const struct incident *inc;
	unsigned long gen;
	struct date today;
	size_t answered, total;
	struct strbuf ppc;
	enum color_role ppc_role;
} status;

static void status_update(struct app *a)
{
	if (status.ok && status.inc == a->inc && status.gen == a->gen && !a->dirty &&
	    date_cmp(status.today, a->today) == 0)
		return;
	check_progress(a->inc, &status.answered, &status.total);
	if (status.ppc.buf)
		sb_release(&status.ppc);
	sb_init(&status.ppc);
	if (ppc_line) {
		struct ppc_decision d;
		ppc_decide(a->inc->answers, &d);
		ppc_status(&d, a->today, &status.ppc);
		status.ppc_role = ppc_overdue(&d, a->today) || ppc_late(&d) ? C_ERROR
		                  : d.verdict == PPC_MANDATORY ? C_HEADING : C_HELP;
	}
	status.ok = true;
	status.inc = a->inc;
	status.gen = a->gen;
	status.today = a->today;
}

int draw_short(int y, int x, const char *s, int cols, attr_t attr)
{
	struct strbuf sb;
	sb_init(&sb);
	shorten_text(&sb, s, cols);
	int used = draw_text(y, x, sb.buf, cols, attr);
	sb_release(&sb);
	return used;
}

/* A line as erase() leaves it (erased already when drawing all). */
static void clear_line(int y, bool all)
{
	if (!all) {
		move(y, 0);
		clrtoeol();
	}
}

/* What each line of the frame last showed, as the text and roles that
 * drew it: app_frame_update draws only the lines that differ. */
enum { FL_TITLE, FL_STATUS, FL_PPC, FL_MSG, FL_KEYS, FL_N };
static struct strbuf frame_shown[FL_N];

/* True when line `which` is to be drawn: all (app_frame), or its content
 * `sig` is not what it showed; the cache keeps sig. */
static bool frame_line_changed(int which, bool all, const struct strbuf *sig)
{
	struct strbuf *was = &frame_shown[which];
	if (!all && was->buf && was->len == sig->len && memcmp(was->buf, sig->buf, sig->len) == 0)
		return false;
	if (!was->buf)
		sb_init(was);
	was->len = 0;
	sb_addn(was, sig->buf, sig->len);
	return true;
}

static bool frame_lines(struct app *a, const char *where, const char *counter,
                        const char *keys, bool all)
{
	char buf[512];
	struct strbuf sig;
	sb_init(&sig);
	bool msg_drawn = false;
	if (!counter)
		counter = "";

	const char *title = a->inc ? incident_meta(a->inc, "title") : NULL;
	snprintf(buf, sizeof buf, " todoke %s  %s", TODOKE_VERSION, title && *title ? title :
	         (a->path ? a->path : ""));
	sb_addf(&sig, "%d %s|%s", COLS, buf, a->part);
	if (frame_line_changed(FL_TITLE, all, &sig)) {
		fill_line(0, term_attr(C_TITLE));
		/* A page's part at the right (「IPA 届出 3/18」), the title before it. */
		int pw = a->part[0] ? tw_swidth(a->part) : 0;
		if (pw)
			draw_text(0, COLS - pw - 1, a->part, pw, term_attr(C_TITLE));
		draw_short(0, 0, buf, pw ? COLS - pw - 3 : COLS, term_attr(C_TITLE));
	}
	a->part[0] = '\0';   /* said for this frame only */

	ppc_line = a->inc && incident_decision_document(a->inc);
	char count[128] = "";
	if (a->inc) {
		status_update(a);
		snprintf(count, sizeof count, _("answered %zu of %zu"), status.answered, status.total);
	}
	sig.len = 0;
	sb_addf(&sig, "%d %d %s|%s|%s", COLS, a->inc != NULL, where, counter, count);
	if (frame_line_changed(FL_STATUS, all, &sig)) {
		fill_line(1, term_attr(C_STATUS));
		/* Right to left: the count of answers, the counter, then `where`
		 * in what is left, shortened (never a cut word, issue 13 point 8). */
		int right = COLS - 1;
		if (a->inc) {
			int w = tw_swidth(count);
			right = COLS - w - 1;
			draw_text(1, right, count, w, term_attr(C_STATUS));
			right -= 2;
		}
		if (*counter) {
			int w = tw_swidth(counter), ww = tw_swidth(where);
			/* Just after `where` when it fits, else at the right. */
			int x = 1 + ww + 2 + w <= right ? 1 + ww + 2 : right - w;
			if (x > 1)
				draw_text(1, x, counter, w, term_attr(C_STATUS));
			right = x - 2;
		}
		if (right > 1)
			draw_short(1, 1, where, right - 1, term_attr(C_STATUS));
	}
	sig.len = 0;
	sb_addf(&sig, "%d %d %d %s", COLS, ppc_line, ppc_line ? (int)status.ppc_role : 0,
	        ppc_line ? status.ppc.buf : "");
	if (frame_line_changed(FL_PPC, all, &sig) && ppc_line) {
		clear_line(2, all);
		draw_short(2, 1, status.ppc.buf, COLS - 2, term_attr(status.ppc_role));
	}
	/* Answers not saved: that stays in view; any other message follows. */
	sig.len = 0;
	sb_addf(&sig, "%d %d %d %d %s|%s", COLS, LINES, a->save_failed, a->dirty,
	        a->save_failed ? a->save_msg : "", a->msg);
	sb_addf(&sig, "|%d", (int)a->msg_role);
	if (frame_line_changed(FL_MSG, all, &sig)) {
		msg_drawn = true;
		clear_line(LINES - 2, all);
		int used = 0;
		if (a->save_failed) {
			char line[sizeof a->save_msg + 200];
			snprintf(line, sizeof line, "%s%s%s", a->save_msg, a->dirty ? "  " : "",
			         a->dirty ? _("(Esc offers to save them elsewhere)") : "");
			used = draw_short(LINES - 2, 1, line, COLS - 2, term_attr(C_ERROR)) + 2;
		}
		if (a->msg[0] && !(a->save_failed && strstr(a->save_msg, a->msg)) &&
		    used < COLS - 2)
			draw_short(LINES - 2, 1 + used, a->msg, COLS - 2 - used,
			           term_attr(a->msg_role == C_ERROR ? C_ERROR : C_OK));
	}
	sig.len = 0;
	sb_addf(&sig, "%d %d %s", COLS, LINES, keys);
	if (frame_line_changed(FL_KEYS, all, &sig)) {
		fill_line(LINES - 1, term_attr(C_FOOTER));
		draw_short(LINES - 1, 1, keys, COLS - 2, term_attr(C_FOOTER));
	}
	sb_release(&sig);
	return msg_drawn;
}

void app_frame(struct app *a, const char *where, const char *keys)
{
	app_frame_counted(a, where, NULL, keys);
}

void app_frame_counted(struct app *a, const char *where, const char *counter,
                       const char *keys)
{
	erase();
	frame_lines(a, where, counter, keys, true);
}

bool app_frame_update(struct app *a, const char *where, const char *counter,
                      const char *keys)
{
	return frame_lines(a, where, counter, keys, false);
}

/* ---- dialogs ----------------------------------------------------------- */

enum confirm dialog_confirm(struct app *a, const char *question)
{
	for (;;) {
		char buf[600];
		snprintf(buf, sizeof buf, "%s %s", question, _("(y/n)"));
		fill_line(LINES - 2, term_attr(C_FOCUS));
		draw_text(LINES - 2, 1, buf, COLS - 2, term_attr(C_FOCUS));
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit)
			return CONFIRM_INTERRUPTED;
		if (rc == OK && (ch == 'y' || ch == 'Y' || ch == L'ｙ'))
			return CONFIRM_YES;
		if (rc == OK && (ch == 'n' || ch == 'N' || ch == 27 || ch == L'ｎ'))
			return CONFIRM_NO;
	}
}

bool app_save_elsewhere(struct app *a)
{
	char *def = NULL;
	const char *home = getenv("HOME");
	struct strbuf sb;
	sb_init(&sb);
	const char *slash = strrchr(a->path, '/');
	size_t n = strlen(a->path);
	if (a->changed_outside) {
		/* Beside the file the other writer changed: NAME.mine.incident. */
		if (n > 9 && strcmp(a->path + n - 9, ".incident") == 0)
			n -= 9;
		sb_addn(&sb, a->path, n);
		sb_add(&sb, ".mine.incident");
	} else {
		if (home && *home)
			sb_addf(&sb, "%s/", home);
		sb_addf(&sb, "%s.rescue", slash ? slash + 1 : a->path);
	}
	def = sb_detach(&sb);
	sb_release(&sb);
	char *path = dialog_input(a, _("Save the answers in:"), def);
	free(def);
	bool ok = false;
	struct stat st;
	if (path && *path && stat(path, &st) == 0) {
		char q[1200];
		snprintf(q, sizeof q, _("%s exists. Replace it?"), path);
		if (dialog_confirm(a, q) != CONFIRM_YES) {
			free(path);
			return false;
		}
	}
	if (path && *path) {
		struct diag d;
		sb_init(&sb);
		incident_serialize(a->inc, &sb);
		if (file_write_atomic(path, sb.buf, sb.len, 0600, &d)) {
			/* The incident file is still behind: say where they are. */
			snprintf(a->save_msg, sizeof a->save_msg,
			         _("%s could not be saved; the answers are in %s"), a->path, path);
			a->dirty = false;
			a->msg[0] = '\0';
			app_journal_done(a);  /* the typing is in that file */
			ok = true;
		} else {
			char buf[1200];
			app_msg(a, C_ERROR, _("not saved there either: %s"), diag_format(&d, buf, sizeof buf));
		}
		sb_release(&sb);
	}
	free(path);
	return ok;
}

enum confirm app_confirm_quit(struct app *a)
{
	if (app_save(a) && !a->save_failed)
		return dialog_confirm(a, _("Quit todoke? Your answers are saved."));
	for (;;) {
		if (!a->dirty) {
			/* Saved elsewhere since: that is where they are. */
			return dialog_confirm(a, _("Quit todoke? Your answers are only in the file "
			                           "you chose."));
		}
		fill_line(LINES - 2, term_attr(C_ERROR));
		draw_text(LINES - 2, 1, a->changed_outside
		          ? _("NOT SAVED: r reload  o save elsewhere  p print and quit  Q quit  "
		              "Esc back")
		          : _("NOT SAVED: o save in another file  p print and quit  "
		              "Q quit anyway  Esc back"),
		          COLS - 2, term_attr(C_ERROR));
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit)
			return CONFIRM_INTERRUPTED;
		if (rc != OK)
			continue;
		if (ch == 27 || ch == 'n')
			return CONFIRM_NO;
		if (ch == 'Q')
			return CONFIRM_YES;
		/* The field's text must be an answer first: leaving the
		 * screens would drop a half-typed date. */
		bool why = false;
		if (ch == 'r' && a->changed_outside) {
			a->msg[0] = '\0';
			if (app_commit_field(a)) {
				a->reload = true;  /* the screens leave, walk() merges */
				return CONFIRM_NO;
			}
			why = true;
		}
		if (ch == 'p') {
			a->print_answers = true;
			return CONFIRM_YES;
		}
		if (ch == 'o' && app_save_elsewhere(a))
			continue;  /* and ask again, saying where they are */
		if ((ch == 'o' || why) && a->msg[0]) {
			/* Why it failed, until a key is pressed. */
			fill_line(LINES - 2, term_attr(C_ERROR));
			draw_text(LINES - 2, 1, a->msg, COLS - 2, term_attr(C_ERROR));
			refresh();
			app_key(a, &ch, &quit);
			if (quit)
				return CONFIRM_INTERRUPTED;
		}
	}
}

char *dialog_input(struct app *a, const char *prompt, const char *initial)
{
	struct field *f = field_new(false, initial);
	char *result = NULL;
	for (;;) {
		fill_line(LINES - 2, A_NORMAL);
		/* A long prompt (「Write コンピュータ不正アクセス届出様式 to:」)
		 * gets the line above, whole: the path keeps the width. */
		int pw = 0;
		if (tw_swidth(prompt) > COLS / 3) {
			fill_line(LINES - 3, A_NORMAL);
			draw_short(LINES - 3, 1, prompt, COLS - 2, term_attr(C_HEADING));
			pw = -1;
		} else
			pw = draw_text(LINES - 2, 1, prompt, COLS / 3, term_attr(C_HEADING));
		field_draw(f, stdscr, LINES - 2, pw + 2, COLS - pw - 3, 1, true);
		curs_set(1);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit || (rc == OK && ch == 27))
			break;
		if (rc == OK && (ch == '\r' || ch == '\n')) {
			result = field_text(f);
			break;
		}
		if (rc != ERR)
			field_key(f, rc, ch);
	}
	field_free(&f);
	return result;
}

wint_t dialog_text(struct app *a, const char *title, const char *text)
{
	return dialog_text_keys(a, title, text, "", NULL);
}

/* A scrollable text: help, the preview of a document. */
wint_t dialog_text_keys(struct app *a, const char *title, const char *text,
                        const char *keys, const char *hint)
{
	wint_t closed = 0;
	size_t nlines = 0, cap = 64;
	const char **lines = xmalloc(cap * sizeof *lines);
	size_t *lens = xmalloc(cap * sizeof *lens);
	for (const char *s = text; *s;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		if (nlines == cap) {
			cap *= 2;
			lines = xrealloc(lines, cap * sizeof *lines);
			lens = xrealloc(lens, cap * sizeof *lens);
		}
		lines[nlines] = s;
		lens[nlines++] = n;
		s += n + (nl != NULL);
	}
	int top = 0, left = 0;
	for (;;) {
		int bh = app_body_height();
		if (top > (int)nlines - bh)
			top = (int)nlines > bh ? (int)nlines - bh : 0;
		if (top < 0)
			top = 0;
		char footer[256];
		snprintf(footer, sizeof footer, "%s%s%s", hint ? hint : "", hint ? "  " : "",
		         _("arrows PgUp PgDn scroll  Esc back  q quit"));
		app_frame(a, title, footer);
		for (int i = 0; i < bh && top + i < (int)nlines; i++) {
			const char *s = lines[top + i];
			size_t n = lens[top + i];
			/* Skip `left` columns without splitting a character. */
			int skipped;
			size_t off = tw_fit(s, n, left, TW_SCREEN, &skipped);
			char *piece = xstrndup(s + off, n - off);
			draw_text(app_body_top() + i, 1 + (skipped < left), piece, COLS - 2, A_NORMAL);
			free(piece);
		}
		char pos[64];
		snprintf(pos, sizeof pos, " %d-%d/%zu ", nlines ? top + 1 : 0,
		         top + bh < (int)nlines ? top + bh : (int)nlines, nlines);
		draw_text(LINES - 2, COLS - (int)strlen(pos) - 1, pos, (int)strlen(pos), term_attr(C_DIM));
		curs_set(0);
		refresh();
		wint_t ch;
		bool quit;
		int rc = app_key(a, &ch, &quit);
		if (quit || (rc == OK && (ch == 27 || ch == '\r' || ch == '\n')))
			break;
		if (rc == OK && ch == 'q') {
			app_ask_quit(a);
			continue;
		}
		if (rc == OK && ch < 128 && ch && strchr(keys, (int)ch)) {
			closed = ch;
			break;
		}
		if (rc != KEY_CODE_YES && !(rc == OK && ch == ' '))
			continue;
		if (rc == OK || ch == KEY_NPAGE)
			top += bh - 1;
		else if (ch == KEY_PPAGE)
			top -= bh - 1;
		else if (ch == KEY_DOWN)
			top++;
		else if (ch == KEY_UP)
			top--;
		else if (ch == KEY_HOME)
			top = 0, left = 0;
		else if (ch == KEY_END)
			top = (int)nlines;
		else if (ch == KEY_RIGHT)
			left += 8;
		else if (ch == KEY_LEFT && left > 0)
			left -= 8;
	}
	free(lines);
	free(lens);
	return closed;
}

size_t app_page_of(const struct app *a, const char *id)
{
	const struct form *f = NULL;
	const struct question *q = id ? incident_question(a->inc, id, &f) : NULL;
	for (size_t i = 0; q && i < a->wiz->npages; i++)
		if (a->wiz->pages[i].form == f && a->wiz->pages[i].section == q->section)
			return i;
	return 0;
}
