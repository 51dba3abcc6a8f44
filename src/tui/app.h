/* app — the wizard's state and the services every screen uses (internal
 * to tui): reading keys with autosave and signals, saving, the frame. */
#ifndef TODOKE_TUI_APP_H
#define TODOKE_TUI_APP_H

#include <stdbool.h>
#include <time.h>

#include "term.h"
#include "todoke/date.h"
#include "todoke/fileid.h"
#include "todoke/form.h"
#include "todoke/incident.h"
#include "todoke/wizard.h"

struct field;
struct journal;
struct notice_set;

enum action { ACT_NONE, ACT_NEXT, ACT_PREV, ACT_INDEX, ACT_REVIEW, ACT_QUIT,
              ACT_GOTO, ACT_START, ACT_SKIP };

struct app {
	struct formset *fs;
	struct notice_set *notices;  /* the notice's wording; NULL if unreadable */
	char notices_err[1200];      /* and then why */
	bool notices_read;           /* app_load_notices has run */
	struct incident *inc;
	char *path;
	struct lock *lock;
	struct wizard *wiz;
	size_t page;             /* current page */
	size_t goto_page;        /* with ACT_GOTO */
	/* The text being typed: committed to the model on leaving the field,
	 * and every few seconds while typing. */
	struct field *field;
	const struct row *field_row;  /* the row it answers (wizard.h) */
	struct model *field_model;    /* in the incident's answers or an entry's */
	time_t field_saved;
	/* The field's text at each burst of typing, in the journal until the
	 * next save (journal.h): the key last written there, and the field
	 * whose text that record holds (0: none) — its next bursts write only
	 * the lines they change. */
	struct journal *journal;
	char *journaled_key;
	unsigned long journaled_field;
	bool dirty;              /* model changed since the last save */
	unsigned long gen;       /* grows whenever the answers may have changed */
	bool inc_opened;         /* an incident was opened this session */
	char *new_title;         /* title for an incident not yet created */
	char msg[512];
	enum color_role msg_role;
	char part[160];          /* the next frame's part (「IPA 届出 3/18」), at
	                            the right of the title bar; "" for none */
	/* While the answers are not in the incident file: why, shown on the
	 * message line whatever else is said, until a save succeeds. */
	bool save_failed;
	char save_msg[1600];
	/* The incident file as this session last read or wrote it: a save
	 * finding it otherwise (someone else wrote it) does not go over it. */
	struct file_id file_id;
	bool changed_outside;    /* and then the answers stay here, unsaved */
	bool reload;             /* the user asked to reload it, merging: every
	                            screen leaves (as on quitting), then walk()
	                            merges (reload.h) and goes on */
	char *base_text;         /* the file as last read or written here: what
	                            "changed in this session" is measured from */
	bool print_answers;      /* the user chose to have them printed at exit */
	struct strbuf *printed;  /* what is printed then */
	struct date today;
	bool from_start;         /* incidents are opened from the start screen */
	bool quitting;           /* the user said yes to quitting: every screen
	                            leaves (app_key reports it as *quit) */
	/* Called about once a second while no key comes; true when the screen
	 * must be drawn again (the start screen's 「[in use]」 went stale). */
	bool (*idle)(struct app *a);
	/* Work to do between keys (the start screen reading its list): while
	 * set, app_key calls it whenever no key is waiting, and returns ERR
	 * (*quit false) when it returns true, for the screen to be drawn
	 * again; it clears a->work when there is no more. */
	bool (*work)(struct app *a);
};

/* Reads one key.  Meanwhile: saves typed text every few seconds, shows
 * "too small" until the terminal grows (q or F10 there quit), and on
 * SIGINT/SIGTERM/SIGHUP, or once the user has said yes to quitting, saves
 * and returns ERR with *quit set.  F10 anywhere asks whether to quit (the
 * one quit key, with q where no text is typed: app_ask_quit); a redraw
 * is returned as KEY_RESIZE. */
int app_key(struct app *a, wint_t *ch, bool *quit);
void app_msg(struct app *a, enum color_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Asks once whether to quit todoke; yes (or a signal meanwhile) sets
 * a->quitting, and every screen then leaves.  True when quitting. */
bool app_ask_quit(struct app *a);
/* Reads the notice's wording on first use (the review and its exports):
 * a->notices, or NULL with a->notices_err saying why; without it the
 * notice cannot be previewed, all else works. */
void app_load_notices(struct app *a);
/* Writes the incident when it changed (its history staged, committed
 * at most once a minute: history.h).  When the file is no longer what
 * this session read or wrote (a->file_id), nothing is written: the
 * answers stay in memory and the message says the file was changed by
 * someone else, until they are saved elsewhere (NAME.mine.incident is
 * offered).  a->file_id is then the identity of what was written. */
bool app_save(struct app *a);
/* Records the incident as just read or written as a->base_text. */
void app_note_base(struct app *a);
/* The answers are in a file again (saved, or a rescue file): the journal
 * of typing is closed and removed. */
void app_journal_done(struct app *a);
/* Commits the incident's history: a page was left, the incident closed. */
void app_commit_history(struct app *a);
/* Asks before leaving.  When the answers are saved: "Quit? saved." (y/n);
 * when not: says so, and offers to save them in another file, to print
 * them on the terminal after the screen is gone, to quit without them, or
 * to stay (CONFIRM_NO). */
enum confirm app_confirm_quit(struct app *a);
/* Asks for a path and writes the answers there (0600); true when written. */
bool app_save_elsewhere(struct app *a);
/* Stores the field being typed as its row's answer (wizard_store_text);
 * false, with the reason as the message and the text kept in the field,
 * when it does not read (a half-typed date). */
bool app_commit_field(struct app *a);
/* Title bar, status/message line and footer with the keys that work. */
void app_frame(struct app *a, const char *where, const char *keys);
/* The same with a counter kept whole after `where` (「(page 3 of 36)」):
 * a long `where` is shortened before it. */
void app_frame_counted(struct app *a, const char *where, const char *counter,
                       const char *keys);
/* The same over a screen app_frame drew last (no other screen since):
 * only the lines whose content changed are drawn again, nothing else of
 * stdscr is touched.  True when the message line was drawn again. */
bool app_frame_update(struct app *a, const char *where, const char *counter,
                      const char *keys);
int app_body_top(void);
/* After an incident is opened or closed: the frame's lines may change. */
void app_layout_update(struct app *a);
int app_body_height(void);

/* A yes/no question on the message line.  CONFIRM_INTERRUPTED when a
 * signal ends the session meanwhile (ssh dropped, SIGTERM): not a yes —
 * the caller does nothing it asked about and leaves at once. */
enum confirm { CONFIRM_NO, CONFIRM_YES, CONFIRM_INTERRUPTED };
enum confirm dialog_confirm(struct app *a, const char *question);
/* A one-line prompt; NULL when cancelled.  malloc'd. */
char *dialog_input(struct app *a, const char *prompt, const char *initial);
/* A scrollable text.  `keys` names extra keys that close it (e.g. "e"),
 * shown as `hint` in the footer; returns the key that closed it, or 0. */
wint_t dialog_text(struct app *a, const char *title, const char *text);
wint_t dialog_text_keys(struct app *a, const char *title, const char *text,
                        const char *keys, const char *hint);

enum action screen_page(struct app *a);
enum action screen_index(struct app *a);
enum action screen_review(struct app *a);
enum action screen_entry(struct app *a, const struct question *repeat, size_t idx);

/* The documents as parts of the wizard (part.c).  screen_part shows the
 * heading of the part that a->page begins: ACT_NEXT enters it, ACT_SKIP
 * (s, ^O) goes past it, ACT_PREV, ACT_INDEX, ACT_REVIEW, ACT_QUIT. */
enum action screen_part(struct app *a);
bool part_english(void);
struct strbuf;
struct document;
/* Whether this incident needs document d, said for the user; its colour. */
enum color_role part_need(const struct app *a, const struct document *d, struct strbuf *out);
/* 「IPA 届出 3/19」: page's part and its place there, for the title bar. */
void part_counter(const struct app *a, size_t page, char *buf, size_t size);
/* The index's line before a part's first page. */
void part_divider(const struct app *a, size_t page, struct strbuf *out);

/* The documents of the registry (documents.c): the list with which apply
 * and why not, preview and export of one.  ACT_QUIT when a signal ends the session meanwhile,
 * ACT_GOTO (a->goto_page set) when the notice's preview leads to the
 * question of one of its marks, else ACT_NONE. */
enum action screen_documents(struct app *a);

/* Shared between the screens' files. */
/* The page that asks question id (the first page when none does). */
size_t app_page_of(const struct app *a, const char *id);
void page_external_edit(struct app *a);
char *screen_start(struct app *a);

/* draw_text of shorten_text(s, cols). */
int draw_short(int y, int x, const char *s, int cols, attr_t attr);

/* Draws UTF-8 text at y,x clipped to cols columns; returns columns used. */
int draw_text(int y, int x, const char *s, int cols, attr_t attr);

#endif
