#!/bin/sh
# Every way a session ends: kill -9 mid-edit (the next start offers the
# recovered incident with what was typed), SIGTERM and SIGHUP (answers
# saved, lock removed), SIGINT, and SIGTSTP/SIGCONT (screen redrawn).
. "$(dirname "$0")/lib.sh"

# kill -9 while typing: the text typed a few seconds before is kept.
e2e_start
wait_for "[+ Start a new incident]"
keys Enter
wait_for "Name of the new incident:"
type "ランサムウェア被害"; keys Enter
wait_for "(page 1 of 35)"
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
wait_for "(page 1 of 35)"
keys Tab Tab Tab Tab
type "yamada@example.jp"
kill -HUP "$(e2e_pid)"
wait_exit
grep -qxF "reporter.email: yamada@example.jp" "$inc" && ok || fail "SIGHUP lost the typed text"

# SIGTSTP then SIGCONT: the screen comes back whole and typing goes on.
tm kill-server
e2e_start "$inc"
wait_for "(page 1 of 35)"
kill -TSTP "$(e2e_pid)"
sleep 0.3
tm send-keys -t e2e C-l   # the pane is blank meanwhile for a real shell
kill -CONT "$(e2e_pid)"
wait_for "(page 1 of 35)"
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
wait_for "(page 1 of 35)"
kill -SEGV "$(e2e_pid)"
wait_exit
[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] && ok || fail "terminal not restored after a crash"
e2e_finish
