/* journal — what was typed into the wizard since the incident was last
 * saved, so that kill -9, a crash or a power cut loses none of it.
 *
 * Beside NAME.incident, as .NAME.incident.journal (a dot file: never an
 * incident; mode 0600, 0660 in a team directory): a header line, then one
 * record per burst of typing, appended with one write(2) and no fsync (a
 * killed process loses nothing the kernel has; a power cut may lose the
 * last seconds).  A record is the whole text of one field as it stood,
 * keyed as in the incident file (id, or id[N].field for a list entry):
 *
 *     todoke-journal 2\n
 *     R KEYLEN TEXTLEN CHECKSUM\nKEY TEXT\n      (lengths in bytes, decimal;
 *                                              CHECKSUM: FNV-1a 32 of KEY
 *                                              and TEXT, 8 hex digits)
 *
 * After the first record of a stretch of typing into one field, each
 * burst writes only the lines it changed (editor.h: ed_changed_lines):
 *
 *     L KEYLEN FIRST TAIL TEXTLEN CHECKSUM\nKEY TEXT\n
 *
 * the text of the record before (of the same KEY) with its first FIRST
 * lines and its last TAIL lines kept and TEXT between them (CHECKSUM: of
 * KEY, "FIRST TAIL" and TEXT), so that typing into a long text writes a
 * line per burst, not the text.  Version 1 journals (R only) still read.
 *
 * A record cut short (the process killed inside the write) or damaged is
 * where reading stops: what came before it is replayed.  A save writes
 *
 *     S\n
 *
 * (what came before is in the file: only what follows is replayed) and
 * the journal goes on, so that the line records after it still have the
 * text they change.  It is started again instead once it holds over 1,024
 * line records, or over 64 KiB more than twice its last whole record.
 * The session removes it when it ends with the answers in a file.  Knows
 * nothing of forms,
 * the wizard's rows or curses (wizard.h: wizard_replay applies a record). */
#ifndef TODOKE_JOURNAL_H
#define TODOKE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "todoke/diag.h"

/* The journal of the incident at path; malloc'd. */
char *journal_path(const char *incident_path);

/* One incident's journal while it is written: opened on the first append. */
struct journal;
/* Appends a record (creating the file, 0600 or 0660 beside the incident,
 * when *j is NULL or was removed).  False with err when it cannot be
 * written; nothing else changes then. */
bool journal_append(struct journal **j, const char *incident_path, const char *key,
                    const char *text, struct diag *err);
/* Appends an L record: the text of the last record, of this same key,
 * with its lines [first, LINES - tail) replaced by text.  False, writing
 * nothing, when *j is not open (a new journal starts with an R record). */
bool journal_append_lines(struct journal **j, const char *incident_path, const char *key,
                          size_t first, size_t tail, const char *text, struct diag *err);
/* The answers are saved: marks it in the journal (S\n: what comes before
 * is in the file, but line records may still change a text of before it)
 * and returns true; or, when the journal has grown long (above) or cannot be
 * written, removes it and returns false (the next record must be whole).
 * When *j is not open, a journal left there (by an earlier session, now
 * replayed) is removed. */
bool journal_saved(struct journal **j, const char *incident_path);
/* Closes the journal and removes the file: the answers are saved.  A
 * journal left by an earlier session is removed too (j may be NULL). */
void journal_remove(struct journal **j, const char *incident_path);
void journal_close(struct journal **j);

struct journal_record {
	char *key;
	char *text;
};
struct journal_records {
	struct journal_record *v;
	size_t n;
	bool torn;   /* something after the last whole record was ignored */
};
/* The whole records of the journal of incident_path, in order, each the
 * whole text of its field (line records applied; the records of one
 * stretch of typing into one field are one); a missing
 * journal is none.  False with err for a file that is not one's own
 * regular file (another user's, a link, a FIFO), cannot be read, or is not
 * a journal at all (bad header): it is left alone. */
bool journal_read(const char *incident_path, struct journal_records *out, struct diag *err);
void journal_records_release(struct journal_records *r);

/* Parses a journal's bytes as journal_read does (name for messages). */
bool journal_parse(const char *data, size_t len, const char *name,
                   struct journal_records *out, struct diag *err);

#endif
