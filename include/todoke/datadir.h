/* datadir — where todoke's installed data (forms/, forms/notice/,
 * forms/calendar/) is read from.  Shared by the forms, the notice's wording
 * and the calendar, so that they are always found in the same place. */
#ifndef TODOKE_DATADIR_H
#define TODOKE_DATADIR_H

/* $TODOKE_DATADIR, else the installed data dir (compiled in), else the data
 * dir beside the binary, else — todoke run from its build tree — the source
 * tree.  A directory that holds forms/. */
const char *todoke_datadir(void);

/* The folder of the letters' templates (todoke-notice(5)): forms/THIS in
 * the data dir, and a folder of one's own wording of the same name beside
 * the profile (~/.config/todoke/THIS, notice_own_dir). */
#define DATADIR_TEMPLATES "notice"

#endif
