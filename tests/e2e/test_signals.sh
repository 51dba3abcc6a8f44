#!/bin/sh
# Every way a session ends: kill -9 mid-edit (the next start offers the
# recovered incident with what was typed), SIGTERM and SIGHUP (answers
# saved, lock removed), SIGINT, and SIGTSTP/SIGCONT (screen redrawn).
# Every other signal that would end it (QUIT, USR1/2, ALRM by kill) saves,
# leaves the terminal's modes as they were (stty -g before = after), the
# normal screen and no lock; faults (SEGV, BUS, ABRT, FPE, ILL) restore the
# terminal and die; Ctrl-\ typed and SIGXFSZ do nothing; no core dumps.
. "$(dirname "$0")/lib.sh"

# kill -9 while typing: the text typed a few seconds before is kept.
e2e_start
wait_for "[+ Start a new incident]"
keys Enter
wait_for "Name of the new incident:"
type "ランサムウェア被害"; keys Enter
wait_for "(page 1 of 36)"
keys Tab Tab
type "株式会社テスト"
sleep 5    # typed text reaches the file within a few seconds
kill -9 "$(e2e_pid)"
wait_exit
inc=$(ls "$TODOKE_HOME"/incidents/*.incident)
grep -qxF "reporter.org: 株式会社テスト" "$inc" && ok || fail "typed text not saved before kill -9"
tm kill-server
e2e_start
wait_for "ランサムウェア被害"
wait_for "[interrupted: Enter recovers it] ランサムウェア被害"
keys Enter
wait_for "Recovered: todoke stopped while editing this"
wait_for "企業・組織名: 株式会社テスト"

# SIGTERM: the field being typed is saved, the lock removed, the
# terminal left in its normal screen.
keys Tab Tab Tab
type "山田"
kill -TERM "$(e2e_pid)"
wait_exit
grep -qxF "reporter.name: 山田" "$inc" && ok || fail "SIGTERM lost the typed text"
[ -z "$(ls -A "$TODOKE_HOME"/incidents | grep lock)" ] && ok || fail "lock left after SIGTERM"
[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] && ok || fail "terminal not restored"

# SIGHUP (ssh dropped) likewise.
tm kill-server
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys Tab Tab Tab Tab
type "yamada@example.jp"
kill -HUP "$(e2e_pid)"
wait_exit
grep -qxF "reporter.email: yamada@example.jp" "$inc" && ok || fail "SIGHUP lost the typed text"

# SIGTSTP then SIGCONT: the screen comes back whole and typing goes on.
tm kill-server
e2e_start "$inc"
wait_for "(page 1 of 36)"
kill -TSTP "$(e2e_pid)"
sleep 0.3
tm send-keys -t e2e C-l   # the pane is blank meanwhile for a real shell
kill -CONT "$(e2e_pid)"
wait_for "(page 1 of 36)"
wait_for "企業・組織名: 株式会社テスト"
keys Tab Tab Tab Tab Tab
type "03-0000-0000"

# SIGINT (Ctrl-C): saves and leaves.
keys C-c
wait_exit
grep -qxF "reporter.tel: 03-0000-0000" "$inc" && ok || fail "Ctrl-C lost the typed text"
[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] && ok || fail "terminal not restored after Ctrl-C"
# A crash (here SIGSEGV from outside) leaves the terminal usable.
e2e_start "$inc"
wait_for "(page 1 of 36)"
kill -SEGV "$(e2e_pid)"
wait_exit
[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] && ok || fail "terminal not restored after a crash"

# The terminal's modes and the lock after each signal, todoke run from a
# shell that records `stty -g` on the pane's terminal before and after.
st="$e2e_tmp/tty"
mkdir -p "$st"
export E2E_WRAP="sh $e2e_dir/tty-state.sh $st"
prog_pid() { pgrep -P "$(e2e_pid)" -n; }
tty_restored() {
	[ -s "$st/before" ] && [ -s "$st/after" ] && cmp -s "$st/before" "$st/after" && ok ||
		fail "$1: terminal modes not restored ($(cat "$st/before" 2>/dev/null) -> $(cat "$st/after" 2>/dev/null))"
	[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] && ok || fail "$1: left on the alternate screen"
}
no_lock() {
	[ -z "$(ls -A "$TODOKE_HOME"/incidents | grep lock)" ] && ok || fail "$1: lock left behind"
}
for sig in TERM HUP QUIT USR1 USR2 ALRM; do
	rm -f "$st"/*
	e2e_start "$inc"
	wait_for "(page 1 of 36)"
	keys Tab Tab Tab
	keys End
	type "+$sig"
	kill -"$sig" "$(prog_pid)"
	wait_exit
	grep -q "^reporter.name: .*+$sig\$" "$inc" && ok || fail "SIG$sig lost the typed text"
	no_lock "SIG$sig"
	tty_restored "SIG$sig"
done

# Ctrl-\ typed, and SIGXFSZ (ignored: a write over the limit fails with
# EFBIG instead), leave todoke running; it still saves and quits.
rm -f "$st"/*
ulimit -c unlimited 2>/dev/null
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys Tab Tab Tab End
type "+ctrl"
tm send-keys -t e2e 'C-\'
settle
kill -XFSZ "$(prog_pid)"
settle
[ "$(tm display -p -t e2e '#{pane_dead}')" = 0 ] && ok || fail "Ctrl-\\ or SIGXFSZ ended todoke"
wait_for "(page 1 of 36)"
# Core dumps hold personal data: none unless TODOKE_CORE_DUMPS=1.
grep -q '^Max core file size *0 ' "/proc/$(prog_pid)/limits" && ok ||
	fail "core dumps allowed: $(grep core "/proc/$(prog_pid)/limits")"
kill -INT "$(prog_pid)"   # as Ctrl-C, without ending the recording shell
wait_exit
grep -q '^reporter.name: .*+ctrl$' "$inc" && ok || fail "Ctrl-\\ lost the typed text"
tty_restored "Ctrl-\\"
case $E2E_PROG in */build-san/*) asan=1 ;; *) asan= ;; esac
if [ -n "$asan" ]; then
	echo "test_signals: skipped TODOKE_CORE_DUMPS=1 (AddressSanitizer turns core dumps off itself)"
elif [ "$(ulimit -c)" = unlimited ]; then
	TODOKE_CORE_DUMPS=1 e2e_start "$inc"
	wait_for "(page 1 of 36)"
	grep -q '^Max core file size *unlimited' "/proc/$(prog_pid)/limits" && ok ||
		fail "TODOKE_CORE_DUMPS=1 did not keep core dumps"
	kill -TERM "$(prog_pid)"
	wait_exit
else
	echo "test_signals: skipped TODOKE_CORE_DUMPS=1 (ulimit -c unlimited refused)"
fi

# Faults: the terminal restored by the handler alone, then death by the
# same signal (the shell sees 128 + its number).
for sn in SEGV:11 BUS:7 ABRT:6 FPE:8 ILL:4; do
	sig=${sn%:*}
	rm -f "$st"/*
	e2e_start "$inc"
	wait_for "(page 1 of 36)"
	kill -"$sig" "$(prog_pid)"
	wait_exit
	[ "$(cat "$st/rc")" = $((128 + ${sn#*:})) ] && ok ||
		fail "SIG$sig: exit status $(cat "$st/rc"), not death by the signal"
	tty_restored "SIG$sig"
done
unset E2E_WRAP

# A terminal that goes away without a SIGHUP (as with `su user -c`): here
# todoke runs in a session of its own (setsid), so that closing the pane
# hangs up the shell's session only.  Reads then fail at once: that is a
# hang-up — saved, lock released, gone — not a timeout to spin on.
if command -v setsid >/dev/null; then
	E2E_WRAP="setsid -w" e2e_start "$inc"
	wait_for "(page 1 of 36)"
	keys Tab Tab Tab End
	type "+gone"
	pid=$(prog_pid)
	tm kill-server
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 "$pid" 2>/dev/null; then
		fail "todoke still runs after its terminal went away ($(ps -o pcpu= -p "$pid")% CPU)"
		kill -9 "$pid"
	else ok; fi
	grep -q '^reporter.name: .*+gone$' "$inc" && ok || fail "the typed text lost when the terminal went away"
	no_lock "terminal gone"
	unset E2E_WRAP
else
	echo "test_signals: skipped the terminal gone without SIGHUP (no setsid)"
fi
e2e_finish
