#!/bin/sh
# Screens compared as text at 80x24, the wizard under each terminal type
# users have, and NO_COLOR.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
inc="$e2e_tmp/s.incident"
"$E2E_PROG" new --title "画面テスト" "$inc" || fail "todoke new"

e2e_start
wait_for "[+ Start a new incident]"
check_screen start-empty
tm kill-server

e2e_start "$inc"
wait_for "(page 1 of 36)"
check_screen page-reporter
keys C-n C-n
wait_for "2-1)被害を受けた機器等  (page 3 of 36)"
keys Down Down Space
check_screen page-devices
keys F1
wait_for "Help"
check_screen help
keys Escape
keys C-g
wait_for "Pages"
check_screen index
keys Escape
e2e_resize 79 24
wait_for "Terminal too small: 79x24."
check_screen too-small
e2e_resize 80 24
wait_for "(page 3 of 36)"
keys F10 y
wait_exit

# The terminals of ssh sessions, consoles and multiplexers.
for term in xterm-256color screen tmux-256color linux vt100; do
	tm kill-server
	E2E_TERM=$term e2e_start "$inc"
	wait_for "(page 1 of 36)" || continue
	keys Tab Tab Tab C-u
	type "端末$term"
	keys F10 y
	wait_exit
	grep -qxF "reporter.name: 端末$term" "$inc" && ok || fail "TERM=$term: answer not saved"
done

# Colour by default, none at all with NO_COLOR.
tm kill-server
e2e_start "$inc"
wait_for "(page 1 of 36)"
tm capture-pane -t e2e -p -e | grep -q "$(printf '\033')\[[0-9;]*4[0-7]m" && ok || fail "no colour by default"
keys F10 y
wait_exit
tm kill-server
NO_COLOR=1
export NO_COLOR
e2e_start "$inc"
wait_for "(page 1 of 36)"
tm capture-pane -t e2e -p -e | grep -q "$(printf '\033')\[[0-9;]*[34][0-7]m" && fail "colour despite NO_COLOR" || ok
tm capture-pane -t e2e -p -e | grep -q "$(printf '\033')\[7m" && ok || fail "no reverse video for the bars"
keys F10 y
wait_exit
unset NO_COLOR
e2e_finish
