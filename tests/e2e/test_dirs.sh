#!/bin/sh
# The folder of incidents on a shared server: one of another user or
# writable by others is refused with a clear message (an attacker's
# TODOKE_HOME/incidents would see or swap the answers); a FIFO in it does
# not hang the start screen; a team directory chosen with --dir (setgid,
# 2770) is used, its files 0660 so that a teammate can open them.
E2E_COLS=160
. "$(dirname "$0")/lib.sh"

store="$TODOKE_HOME/incidents"
mkdir -p "$store"
chmod 700 "$store"

# A FIFO named like an incident: listed as unreadable, never waited on.
mkfifo "$store/trap.incident"
e2e_start
wait_for "[+ Start a new incident]"
wait_for "trap: cannot be read:"
wait_for "not a regular file"
keys F10 y
wait_exit
rm -f "$store/trap.incident"

# Writable by others: refused, and nothing is created in it.
chmod 777 "$store"
e2e_start
wait_for "others can write to the folder of incidents (mode 0777)"
keys n
wait_for "Name of the new incident:"
type "罠"; keys Enter
wait_for "others can write to the folder of incidents (mode 0777)"
[ -z "$(ls -A "$store")" ] && ok || fail "a file was made in a world-writable store: $(ls -A "$store")"
keys F10 y
wait_exit
chmod 700 "$store"

if [ "$(id -u)" = 0 ]; then
	# Another user's folder (made here as root for uid 65534).
	chown 65534 "$store"
	e2e_start
	wait_for "the folder of incidents belongs to another user (uid 65534)"
	keys F10 y
	wait_exit
	chown 0 "$store"

	# A team directory: setgid, group users, 2770.
	team="$e2e_tmp/team"
	chmod 711 "$e2e_tmp"   # the teammate below reaches the team directory
	mkdir "$team"
	chgrp users "$team"
	chmod 0770 "$team"
	e2e_start --dir "$team"
	wait_for "not a team directory (mode 0770)"
	keys F10 y
	wait_exit
	chmod 2770 "$team"
	e2e_start --dir "$team"
	wait_for "[+ Start a new incident]"
	keys Enter
	wait_for "Name of the new incident:"
	type "チームの届出"; keys Enter
	wait_for "(page 1 of"
	inc=$(ls "$team"/*.incident)
	[ "$(stat -c %a:%G "$inc")" = 660:users ] && ok || fail "team incident is $(stat -c %a:%G "$inc"), not 660:users"
	lockf=$(ls -A "$team" | grep '\.lock$')
	[ -n "$lockf" ] && [ "$(stat -c %a:%G "$team/$lockf")" = 660:users ] && ok ||
		fail "team lock is $(stat -c %a:%G "$team/$lockf" 2>/dev/null), not 660:users"
	keys Tab Tab Tab
	type "山田"
	keys Escape   # back to the start screen (saved)
	wait_for "[+ Start a new incident]"
	keys F10 y
	wait_exit
	grep -qxF "reporter.name: 山田" "$inc" && ok || fail "team incident not saved"
	[ "$(stat -c %a:%G "$inc")" = 660:users ] && ok || fail "saved team incident is $(stat -c %a:%G "$inc")"
	# The profile stays the user's own, not in the team directory.
	[ -e "$TODOKE_HOME/profile" ] && [ ! -e "$team/profile" ] && ok || fail "profile not per user: $(ls -A "$TODOKE_HOME" "$team")"
	# A teammate (another uid, group users only) reads it after the holder quit.
	if setpriv --reuid=65534 --regid=100 --clear-groups env TODOKE_TODAY=2022-10-27 "$E2E_PROG" check "$inc" >"$e2e_tmp/mate.out" 2>&1 ||
	   grep -q "problem(s)" "$e2e_tmp/mate.out"; then
		grep -q "problem(s)" "$e2e_tmp/mate.out" && ok || fail "teammate cannot read: $(cat "$e2e_tmp/mate.out")"
	else
		fail "teammate cannot read: $(cat "$e2e_tmp/mate.out")"
	fi
	# TODOKE_DIR is the same as --dir, and wins over the personal store.
	E2E_WRAP="env TODOKE_DIR=$team" e2e_start
	wait_for "チームの届出"
	keys F10 y
	wait_exit
else
	echo "test_dirs: skipped another user's folder and the team directory (needs root)"
fi
e2e_finish
