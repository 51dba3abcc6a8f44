/* profile — the reporter's details (住所, 企業・組織名, 氏名, E-Mail, TEL),
 * remembered per user and offered for each new incident.
 *
 * The file (todoke-profile 1):
 *
 *     todoke-profile 1
 *     reporter.name: 山田 太郎
 *     reporter.tel: 03-1234-5678
 *
 * UTF-8, one "key: value" a line; the one space after the colon is the
 * separator and everything after it, spaces included, is the value.  '#'
 * lines and blank lines are ignored; a CR before the line end is dropped.
 *
 * One more key, user.name, is the user's own name: the 氏名 the history
 * records beside the login (history_whoami).  It is not a reporter's
 * detail — the reporter of the incident one last edited may be someone
 * else — so no incident ever sets it: profile_save keeps it as it is,
 * profile_set_own_name (todoke whoami --name) alone changes it.
 *
 * Unknown keys (a profile written by a newer todoke, or a typo) are
 * ignored on load, so that a profile never stops a new incident, and are
 * not written back: the file holds only the keys of profile_keys.  A key
 * given twice, a line without "key:", a control character other than tab
 * or bad UTF-8 anywhere in the file are errors naming file and line (and
 * column), read by the shared lexer (lexer.h). */
#ifndef TODOKE_PROFILE_H
#define TODOKE_PROFILE_H

#include <stdbool.h>

#include "todoke/diag.h"
#include "todoke/model.h"

#define PROFILE_FORMAT 1

/* reporter.address, reporter.org, reporter.name, reporter.email,
 * reporter.tel; NULL-terminated. */
extern const char *const profile_keys[];

/* $TODOKE_HOME/profile if TODOKE_HOME is set, else
 * $XDG_CONFIG_HOME/todoke/profile (when absolute), else
 * ~/.config/todoke/profile.  malloc'd; NULL when no home directory can be
 * found (profile_load and profile_save then report an error). */
char *profile_path(void);
/* NAME in the same folder (TODOKE_HOME, XDG_CONFIG_HOME/todoke or
 * ~/.config/todoke); malloc'd, NULL without a home directory. */
char *config_path(const char *name);
/* Where one's own wording of the notice is: $TODOKE_NOTICE_DIR (a
 * company's, set for everyone on a shared server), else the folder
 * `notice` beside the profile (DATADIR_TEMPLATES, the installed
 * templates' folder name).  malloc'd, or NULL. */
char *notice_own_dir(void);

/* Sets the profile's answers into m (Q_TEXT, only the keys above),
 * replacing answers m had for them.  A missing file is not an error
 * (returns true, sets nothing).  A broken file sets nothing: false with
 * err naming file and line. */
bool profile_load(const char *path, struct model *m, struct diag *err);

/* The user's own name (user.name) into buf; false, buf "", when the
 * profile has none or cannot be read. */
bool profile_own_name(const char *path, char *buf, size_t n);
/* Sets the own name ("" removes it), keeping the rest of the profile;
 * false with err for a broken profile or a name with a control character. */
bool profile_set_own_name(const char *path, const char *name, struct diag *err);

/* Writes the keys above that m has answered with text (Q_TEXT or Q_LINES;
 * an empty text included) to path: the first line "todoke-profile 1",
 * then "key: value" lines, and the own name the file had.  Missing
 * directories are created 0700, the file 0600, atomically
 * (file_write_atomic).  A value with a line break or other control
 * character cannot be written: false, file untouched. */
bool profile_save(const char *path, const struct model *m, struct diag *err);

#endif
