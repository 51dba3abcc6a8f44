# tests/e2e/lib.sh — drive the real wizard in tmux, as a person would:
# keystrokes in with send-keys, the screen out with capture-pane, compared
# as text (after tig's test/tools/libtest.sh).  Sourced by tests/e2e/*.sh.
#
#   e2e_start [ARGS...]     run todoke ARGS in a fresh tmux server
#                           ($E2E_WRAP, when set, is a command run before it)
#   keys KEY...             send-keys (tmux key names: Tab Enter Escape C-n)
#   type TEXT               send TEXT literally (Japanese included)
#   wait_file FILE PATTERN  until FILE holds a line matching PATTERN (10 s)
#   wait_for TEXT           until the screen shows TEXT (fails after 10 s)
#   settle                  until the screen stops changing
#   screen FILE             the screen as text
#   check_screen NAME       screen == tests/e2e/screens/NAME.txt
#   ok/fail                 count results (fail also shows the screen);
#                           e2e_finish prints the summary
# and the assertions of tests/lib.sh (bad, has, has_line, lacks, eq, …).

set -u
# grep and sort on UTF-8 whatever the caller's locale; the program's own
# locale is set in e2e_start.
export LC_ALL=C.UTF-8
unset LANGUAGE
E2E_PROG=${E2E_PROG:?set E2E_PROG to the todoke binary}
E2E_COLS=${E2E_COLS:-100}
E2E_LINES=${E2E_LINES:-30}
# tmux encodes keys (Home, End, F1…) as its own terminal type does.
E2E_TERM=${E2E_TERM:-tmux-256color}
e2e_dir=$(cd "$(dirname "$0")" && pwd)
. "$e2e_dir/../lib.sh"
e2e_tmp=$tmp
e2e_sock="$e2e_tmp/tmux.sock"
export TODOKE_HOME="$e2e_tmp/home"
export TODOKE_TODAY=${TODOKE_TODAY:-2022-10-27}
mkdir -p "$TODOKE_HOME"

tm() { tmux -S "$e2e_sock" "$@"; }

e2e_cleanup() {
	tm kill-server 2>/dev/null
	# The program may still be saving as it ends.
	rm -rf "$e2e_tmp" 2>/dev/null || { sleep 1; rm -rf "$e2e_tmp"; }
}
trap e2e_cleanup EXIT

# bad, and the screen it failed on.
fail() {
	bad "$@"
	screen "$e2e_tmp/last" 2>/dev/null && sed 's/^/  | /' "$e2e_tmp/last"
}

# The program runs under a fixed size, locale ($E2E_LANG, default C.UTF-8), terminal and no colour
# preference, with its own home for profile and incidents.  E2E_LANG=unset
# runs it with no locale variable at all (a fresh ssh login, cron, su -);
# LANGUAGE is $E2E_LANGUAGE or unset; $E2E_ENV adds assignments (split on
# spaces), such as LOCPATH=DIR.
e2e_nstart=0
e2e_start() {
	# A fresh server on a fresh socket: a server still shutting down
	# must not take the new session with it.
	tm kill-server 2>/dev/null
	e2e_nstart=$((e2e_nstart + 1))
	e2e_sock="$e2e_tmp/tmux.$e2e_nstart.sock"
	if [ "${E2E_LANG:-}" = unset ]; then
		e2e_locale="-u LANG -u LC_ALL -u LC_CTYPE -u LC_MESSAGES -u LC_COLLATE -u LC_TIME -u LC_NUMERIC -u LC_MONETARY"
	else
		e2e_locale="LANG=${E2E_LANG:-C.UTF-8} LC_ALL=${E2E_LANG:-C.UTF-8}"
	fi
	# $e2e_locale and $E2E_ENV are lists of words: split on purpose.
	# shellcheck disable=SC2086
	tm -f /dev/null new-session -d -s e2e -x "$E2E_COLS" -y "$E2E_LINES" \
		env -u LANGUAGE $e2e_locale ${E2E_LANGUAGE:+LANGUAGE=$E2E_LANGUAGE} ${E2E_ENV:-} TERM="$E2E_TERM" \
		${TODOKE_LOCALEDIR:+TODOKE_LOCALEDIR=$TODOKE_LOCALEDIR} \
		TODOKE_HOME="$TODOKE_HOME" TODOKE_TODAY="$TODOKE_TODAY" \
		TODOKE_DATADIR="$TODOKE_DATADIR" VISUAL="${VISUAL:-}" EDITOR="${EDITOR:-}" \
		${NO_COLOR:+NO_COLOR=$NO_COLOR} \
		${TODOKE_CORE_DUMPS:+TODOKE_CORE_DUMPS=$TODOKE_CORE_DUMPS} \
		ASAN_OPTIONS="log_path=$e2e_tmp/sanitizer" UBSAN_OPTIONS="log_path=$e2e_tmp/sanitizer:print_stacktrace=1" \
		${E2E_WRAP:-} "$E2E_PROG" "$@"
	tm set-option -t e2e remain-on-exit on >/dev/null
	settle
}

keys() { tm send-keys -t e2e "$@"; settle; }
type() { tm send-keys -t e2e -l "$1"; settle; }

screen() { tm capture-pane -t e2e -p >"$1"; }

settle() {
	prev="" i=0
	while [ $i -lt 200 ]; do
		cur=$(tm capture-pane -t e2e -p 2>/dev/null; tm display -p -t e2e '#{cursor_x},#{cursor_y}' 2>/dev/null)
		if [ -n "$prev" ] && [ "$cur" = "$prev" ]; then return 0; fi
		prev=$cur
		sleep 0.05
		i=$((i + 1))
	done
}

wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		if tm capture-pane -t e2e -p 2>/dev/null | grep -qF -- "$1"; then ok; return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "screen never showed \"$1\""
	return 1
}

# A file comes to hold a line matching the grep pattern (a save happens
# after the screen settles): wait_file FILE PATTERN, up to 10 s.
wait_file() {
	i=0
	while [ $i -lt 200 ]; do
		grep -q -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# The program has exited (remain-on-exit keeps the pane to read it).
wait_exit() {
	i=0
	while [ $i -lt 200 ]; do
		if [ "$(tm display -p -t e2e '#{pane_dead}' 2>/dev/null)" = 1 ]; then ok; return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "todoke did not exit"
	return 1
}

check_screen() {
	screen "$e2e_tmp/$1.txt"
	if cmp -s "$e2e_tmp/$1.txt" "$e2e_dir/screens/$1.txt"; then ok
	else
		fail "screen $1 differs from tests/e2e/screens/$1.txt"
		diff "$e2e_dir/screens/$1.txt" "$e2e_tmp/$1.txt" | head -20
		[ -n "${E2E_UPDATE:-}" ] && cp "$e2e_tmp/$1.txt" "$e2e_dir/screens/$1.txt"
	fi
}

same_file() {
	if cmp -s "$1" "$2"; then ok; else fail "$1 and $2 differ"; diff "$2" "$1" | head -20; fi
}

e2e_finish() {
	# A sanitizer build (make check-sanitize) reports into these files.
	for f in "$e2e_tmp"/sanitizer.*; do
		[ -e "$f" ] || continue
		fail "sanitizer report"; cat "$f"
	done
	finish "$(basename "$0" .sh)"
}

# The pid of the program in the pane (env execs it).
e2e_pid() { tm display -p -t e2e '#{pane_pid}'; }
e2e_resize() { tm resize-window -t e2e -x "$1" -y "$2"; settle; }
