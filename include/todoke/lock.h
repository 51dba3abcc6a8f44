/* lock — one editor per incident file, also between users of a shared
 * server, and recognising a session that died (kill -9, dropped ssh) so
 * that the wizard can offer to recover its incident.
 *
 * The lock of DIR/NAME.incident is DIR/.NAME.incident.lock, mode 0600, one
 * line "PID HOST USER SINCE [BOOT/START]\n" (SINCE is ISO 8601 local time,
 * e.g. 2026-11-22T09:30:00+09:00; BOOT/START, written on Linux, names the
 * exact process: kernel boot id and start time, so that a pid reused after
 * a crash or a reboot is not taken for the dead session).  Readers ignore
 * further fields.
 *
 * Creation: the line is written and fsync'ed into a unique temporary file
 * beside it, which is then link(2)ed to the lock name.  Like O_CREAT|O_EXCL
 * this fails with EEXIST when a lock exists, but no reader ever sees a
 * half-written lock, and it is the method that is also safe on NFS (a lost
 * reply is recognised by the link count of the temporary file).
 *
 * Liveness: the session keeps the lock file open with flock(LOCK_EX), which
 * the kernel drops when the process dies however it dies.  A lock counts as
 * stale only when its HOST is this host and its PID is gone (kill(pid, 0)
 * fails with ESRCH) or provably another process (BOOT/START differ).  A
 * lock from another host is always held: we cannot tell whether it lives.
 * (So machines sharing a directory must have distinct host names, as
 * every lock of this kind assumes.)
 *
 * Malformed or empty lock (todoke never leaves one, but a tool creating it
 * in place, a hand edit or a damaged disk can): stale when its mtime is
 * more than LOCK_MALFORMED_GRACE seconds old and nobody holds its flock,
 * else held — a young one may still be being written, and waiting a
 * minute costs little.  Its holder is then described by the file's owner
 * and mtime (pid 0, host "").
 *
 * Take-over race: the taker first takes flock(LOCK_EX|LOCK_NB) on the
 * stale file, checks that the lock name still refers to that very file
 * (device and inode), and only then rename(2)s its own, fully written
 * temporary lock over it.  Of two takers only the one holding the flock can
 * replace the file; the other then finds the name pointing at a new, live
 * lock and reports LOCK_HELD.  (Renaming first and re-reading afterwards
 * would not do: both takers can read back their own line.)  On a
 * filesystem without flock this serialisation is lost; the rest holds.
 *
 * A lock file another user cannot read (their 0600 lock in a shared group
 * directory) is reported held, with that user (from the file's owner) and
 * the file's time. */
#ifndef TODOKE_LOCK_H
#define TODOKE_LOCK_H

#include "todoke/diag.h"

/* Seconds after which a malformed lock nobody holds counts as stale. */
#define LOCK_MALFORMED_GRACE 60

struct lock;

struct lock_owner {
	char user[64];     /* login name ("" when unknown) */
	char host[256];    /* "" when unknown (unreadable or malformed lock) */
	long pid;          /* 0 when unknown */
	char since[32];    /* ISO 8601 local time */
};

enum lock_result { LOCK_OK, LOCK_TAKEN_STALE, LOCK_HELD, LOCK_ERROR };

/* Takes the lock of incident_path (the incident itself need not exist
 * yet).  LOCK_OK: taken.  LOCK_TAKEN_STALE: taken over from a dead session
 * described in *holder (offer its incident for recovery).  LOCK_HELD: not
 * taken; *holder says who has it (for "山田 (pid 1234 on host) has been
 * editing this since …").  LOCK_ERROR: err says why, naming the incident
 * and the lock file (e.g. a read-only directory).  *out is set only for
 * LOCK_OK and LOCK_TAKEN_STALE.  holder may be NULL; it is zeroed when
 * there is nobody to describe. */
enum lock_result lock_acquire(const char *incident_path, struct lock **out,
                              struct lock_owner *holder, struct diag *err);

/* What lock_acquire would find, for the start screen's list: LOCK_OK (no
 * lock), LOCK_TAKEN_STALE (a dead session's lock), LOCK_HELD.  Never
 * creates, changes or removes anything.  LOCK_ERROR only when a lock file
 * exists but cannot be examined (not a regular file, I/O error). */
enum lock_result lock_probe(const char *incident_path, struct lock_owner *holder);

/* Removes the lock file if it is still ours (same device and inode), frees
 * and sets *l = NULL.  NULL or *l == NULL is fine. */
void lock_release(struct lock **l);

/* For the SIGTERM/SIGHUP handler: async-signal-safe (stat and unlink only,
 * still only if the file is ours); frees nothing. */
void lock_release_signal_safe(const struct lock *l);

#endif
