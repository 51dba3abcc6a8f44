/* run — opening an incident (new, resumed, recovered) and walking its
 * pages until the user leaves; the terminal is restored on every path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "todoke/fileio.h"
#include "todoke/strbuf.h"

#include "app.h"
#include "field.h"
#include "reload.h"
#include "todoke/history.h"
#include "todoke/i18n.h"
#include "todoke/journal.h"
#include "todoke/lock.h"
#include "todoke/notice.h"
#include "todoke/profile.h"
#include "todoke/store.h"
#include "todoke/tui.h"

static void remember_reporter(struct app *a)
{
	char *path = profile_path();
	struct diag d;
	if (path && !profile_save(path, a->inc->answers, &d)) {
		char buf[1200];
		app_msg(a, C_ERROR, _("profile not saved: %s"), diag_format(&d, buf, sizeof buf));
	}
	free(path);
}

/* A new incident at path (incident_create), with the reporter's details
 * from the profile, saved at once so that nothing typed later can be lost. */
static struct incident *create(struct app *a, const char *path, const char *title,
                               struct diag *d)
{
	struct incident *inc = incident_create(a->fs, title, d);
	if (!inc)
		return NULL;
	char *ppath = profile_path();
	struct diag pd;
	if (ppath && !profile_load(ppath, inc->answers, &pd)) {
		char buf[1200];
		app_msg(a, C_ERROR, _("profile not read: %s"), diag_format(&pd, buf, sizeof buf));
	}
	free(ppath);
	/* A file made meanwhile under this name is not ours to replace. */
	a->file_id = (struct file_id){ .known = true, .exists = false };
	enum history_save_result r = history_save_checked(inc, path, true, &a->file_id, d);
	if (r == HS_FAILED || r == HS_CHANGED)
		incident_free(&inc);
	else if (r == HS_UNRECORDED) {
		char buf[1200];
		app_msg(a, C_ERROR, _("saved, but not in the history: %s"),
		        diag_format(d, buf, sizeof buf));
	}
	return inc;
}

/* A save cut short may have left newer answers in a temporary file. */
static void offer_leftover(struct app *a, const char *path)
{
	char *left = store_leftover(path, a->fs);
	if (!left)
		return;
	struct incident *newer = NULL;
	struct diag d;
	enum confirm c = dialog_confirm(a, _("A save of this incident was cut short; its newer "
	                                     "answers were found. Use them?"));
	if (c == CONFIRM_YES && incident_load(left, a->fs, &newer, &d)) {
		incident_adopt_documents(newer, a->fs);
		incident_free(&a->inc);
		a->inc = newer;
		a->dirty = true;
		if (app_save(a))
			app_msg(a, C_OK, "%s", _("Recovered the answers of the save that was cut short."));
	}
	if (c != CONFIRM_INTERRUPTED && !a->dirty)
		unlink(left);  /* kept only while they are nowhere else */
	free(left);
}

/* What was typed after the last save of a session that was killed (or
 * crashed, or lost its power) is in the journal: it is what the user
 * expects to find, so it is put back at once, saved, and said.  A text
 * that no longer reads (a half-typed date) is shown, never dropped. */
static void replay_journal(struct app *a, const char *path)
{
	struct journal_records r;
	struct diag d;
	char buf[1200];
	diag_clear(&d);
	if (!journal_read(path, &r, &d)) {
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		return;
	}
	size_t done = 0;
	struct strbuf failed;
	sb_init(&failed);
	for (size_t i = 0; i < r.n; i++) {
		/* Each record is a field's whole text: its last one counts. */
		bool later = false;
		for (size_t k = i + 1; k < r.n && !later; k++)
			later = strcmp(r.v[k].key, r.v[i].key) == 0;
		if (later)
			continue;
		diag_clear(&d);
		if (wizard_replay(a->inc, r.v[i].key, r.v[i].text, &d))
			done++;
		else
			sb_addf(&failed, "%s\n  「%s」\n", d.msg, r.v[i].text);
	}
	if (done) {
		a->dirty = true;
		a->gen++;
	}
	if (r.n && !failed.len && app_save(a))
		app_msg(a, C_OK, ngettext("todoke was stopped: put back %zu answer typed after "
		                          "the last save.", "todoke was stopped: put back %zu "
		                          "answers typed after the last save.", done), done);
	else if (failed.len) {
		/* In view until the user has read it; the journal stays until
		 * the next save. */
		sb_addc(&failed, '\n');
		dialog_text(a, _("Typed before todoke was stopped, not put back"), failed.buf);
		app_msg(a, C_ERROR, "%s", _("Some text typed before todoke was stopped could not "
		                            "be put back: retype it."));
	}
	else if (!r.n)
		journal_remove(NULL, path);  /* nothing whole in it */
	sb_release(&failed);
	journal_records_release(&r);
}

static bool open_incident(struct app *a, const char *path)
{
	struct diag d;
	struct stat st;
	diag_clear(&d);
	struct lock_owner who;
	size_t base_len;
	free(a->base_text);
	a->base_text = NULL;
	enum lock_result lr = lock_acquire(path, &a->lock, &who, &d);
	if (lr == LOCK_HELD) {
		/* Who first, the file last: on 80 columns a long name is what
		 * is shortened (issue 13, point 8); the minute is enough. */
		char since[20];
		snprintf(since, sizeof since, "%.16s", who.since);
		if (strlen(since) > 10 && since[10] == 'T')
			since[10] = ' ';
		const char *name = strrchr(path, '/');
		app_msg(a, C_ERROR, _("Being edited by %s (pid %ld on %s) since %s: %s"),
		        who.user, who.pid, who.host, since, name ? name + 1 : path);
		return false;
	}
	if (lr == LOCK_ERROR) {
		char buf[1200];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		return false;
	}
	if (stat(path, &st) == 0) {
		/* A document that applies now brings its form: a change, saved.
		 * The identity is that of the bytes read (store_load). */
		if (store_load(path, a->fs, &a->inc, &a->file_id, &a->base_text, &base_len, &d) &&
		    incident_adopt_documents(a->inc, a->fs))
			a->dirty = true;
		if (a->inc && formset_error(a->fs)) {
			/* A form it adopts does not read: refused, as at load. */
			d = *formset_error(a->fs);
			incident_free(&a->inc);
		}
	} else
		a->inc = create(a, path, a->new_title, &d);
	if (!a->inc) {
		char buf[1200];
		app_msg(a, C_ERROR, "%s", diag_format(&d, buf, sizeof buf));
		lock_release(&a->lock);
		return false;
	}
	free(a->new_title);
	a->new_title = NULL;
	if (lr == LOCK_TAKEN_STALE)
		app_msg(a, C_OK, _("Recovered: todoke stopped while editing this on %s; "
		                   "every answer saved up to then is here."), who.since);
	free(a->path);
	a->path = xstrdup(path);
	a->changed_outside = false;  /* a->file_id: as loaded or created */
	if (!a->base_text)
		app_note_base(a);  /* created: as written */
	offer_leftover(a, path);
	replay_journal(a, path);
	a->inc_opened = true;
	a->wiz = wizard_new(a->inc);
	a->page = 0;
	app_layout_update(a);
	return true;
}

static void close_incident(struct app *a)
{
	if (!a->inc)
		return;
	if (!app_save(a)) {
		/* Never lose answers: write them beside the incident, or home. */
		char rescue[4096];
		struct diag d;
		struct strbuf sb;
		sb_init(&sb);
		incident_serialize(a->inc, &sb);
		snprintf(rescue, sizeof rescue, "%s.rescue-%ld", a->path, (long)getpid());
		bool ok = file_write_atomic(rescue, sb.buf, sb.len, 0600, &d);
		if (!ok && getenv("HOME")) {
			snprintf(rescue, sizeof rescue, "%s/todoke-rescue-%ld.incident",
			         getenv("HOME"), (long)getpid());
			ok = file_write_atomic(rescue, sb.buf, sb.len, 0600, &d);
		}
		if (ok) {
			snprintf(a->save_msg, sizeof a->save_msg,
			         _("%s could not be saved; the answers are in %s"), a->path, rescue);
			app_journal_done(a);
		}
		if (a->print_answers) {
			/* Printed once the screen is gone (tui_run). */
			a->printed = xmalloc(sizeof *a->printed);
			*a->printed = sb;
		} else
			sb_release(&sb);
	} else {
		app_journal_done(a);  /* saved: nothing in it is needed */
		app_commit_history(a);
	}
	remember_reporter(a);
	/* Kept (not removed) while the answers are in no file. */
	journal_close(&a->journal);
	free(a->journaled_key);
	a->journaled_key = NULL;
	a->journaled_field = 0;
	wizard_free(&a->wiz);
	incident_free(&a->inc);
	lock_release(&a->lock);
	app_layout_update(a);
}

/* A document that applies only now (the data held for a 委託元, the police
 * reported to) brings its questions (incident_adopt_documents): the pages
 * are built anew, appended after the others, and the user told where. */
static void adopt_documents(struct app *a)
{
	size_t before = a->inc->nforms;
	if (!incident_adopt_documents(a->inc, a->fs)) {
		if (formset_error(a->fs)) {  /* the form to join does not read */
			char buf[1600];
			app_msg(a, C_ERROR, "%s", diag_format(formset_error(a->fs), buf, sizeof buf));
		}
		return;
	}
	wizard_free(&a->wiz);
	a->wiz = wizard_new(a->inc);
	a->dirty = true;
	app_save(a);
	for (size_t i = 0; i < a->wiz->npages; i++)
		if (a->wiz->pages[i].form == a->inc->forms[before]) {
			app_msg(a, C_OK, _("%s: its questions were added (page %zu on)"),
			        a->inc->forms[before]->title, i + 1);
			break;
		}
}

/* Walks the pages until the user quits (or a signal ends the session). */
static void walk(struct app *a)
{
	/* Arriving at a part's first page by turning pages shows its heading
	 * (part.c): what the document is for, whether it is needed. */
	bool heading = false;
	for (;;) {
		adopt_documents(a);
		enum action act = ACT_NONE;
		if (heading && a->page < a->wiz->npages && a->wiz->pages[a->page].part_first) {
			heading = false;
			act = screen_part(a);
			if (act == ACT_NEXT)
				continue;   /* into the part: its first page */
		} else {
			heading = false;
			act = screen_page(a);
		}
		/* The user asked to reload the file someone else changed: every
		 * screen has left; merged, the walk goes on where it was. */
		if (a->reload) {
			reload_merge(a);  /* failed: said why, the session goes on */
			continue;
		}
		if (act == ACT_SKIP) {
			size_t next = wizard_next_part(a->wiz, a->page);
			if (next < a->wiz->npages) {
				a->page = next;
				heading = true;
				continue;
			}
			act = ACT_REVIEW;   /* the last part skipped */
		}
		app_commit_history(a);  /* a page left (and saved): one commit */
		if (act == ACT_REVIEW || act == ACT_NEXT)
			adopt_documents(a);
		bool last = a->page + 1 >= a->wiz->npages;
		if (act == ACT_INDEX) {
			act = screen_index(a);
			if (a->reload) {
				reload_merge(a);
				continue;
			}
			if (act == ACT_NONE)
				continue;
		}
		if (act == ACT_REVIEW || (act == ACT_NEXT && last)) {
			act = screen_review(a);  /* returns ACT_PREV, ACT_GOTO or ACT_QUIT */
			if (a->reload) {
				reload_merge(a);
				continue;
			}
			if (act == ACT_PREV)
				continue;
		}
		switch (act) {
		case ACT_QUIT:
		case ACT_START:
			return;
		case ACT_GOTO:
			a->page = a->goto_page;
			break;
		case ACT_NEXT:
			a->page++;
			heading = true;
			break;
		case ACT_PREV:
			if (a->page > 0)
				a->page--;
			break;
		default:
			break;
		}
	}
}

int tui_run(struct formset *fs, const char *path)
{
	struct app a = { .fs = fs };
	const char *why;
	if (!date_today(&a.today, &why)) {
		fprintf(stderr, "todoke: TODOKE_TODAY: %s\n", why);
		return 2;
	}
	if (!term_start())
		return 2;
	/* The notice's wording is read when the review needs it (half of the
	 * start-up otherwise): app_load_notices. */
	atexit(term_end);
	bool from_start = path == NULL;
	a.from_start = from_start;
	char *chosen = NULL;
	for (;;) {
		if (from_start) {
			free(chosen);
			chosen = screen_start(&a);
			if (!chosen)
				break;
			path = chosen;
		}
		if (!open_incident(&a, path)) {
			if (!from_start)
				break;
			continue;
		}
		walk(&a);
		close_incident(&a);
		if (a.dirty || a.save_failed)
			break;  /* not saved: say so on the terminal, below */
		/* A signal ends the session; so does leaving a named incident. */
		if (!from_start || term_quit_signal || term_hangup || a.quitting)
			break;
		a.msg[0] = '\0';
	}
	term_end();
	int rc = 0;
	/* Only what the user must act on is repeated after the screen is gone:
	 * an incident that could not be opened or answers not saved. */
	if (a.printed) {
		/* The last resort the user chose: the answers as the file holds
		 * them, to copy from the terminal. */
		fprintf(stderr, "todoke: %s\n", _("the answers, in no file, follow:"));
		fflush(stderr);
		fwrite(a.printed->buf, 1, a.printed->len, stdout);
		fflush(stdout);
		sb_release(a.printed);
		free(a.printed);
	}
	if (a.save_failed) {
		fprintf(stderr, "todoke: %s\n", a.save_msg);
		rc = 1;
	} else if (a.msg[0] && a.msg_role == C_ERROR && (a.dirty || !a.inc_opened)) {
		fprintf(stderr, "todoke: %s\n", a.msg);
		rc = 1;
	}
	free(chosen);
	free(a.path);
	free(a.base_text);
	free(a.new_title);
	notice_set_free(&a.notices);
	return rc;
}
