#!/bin/sh
# The review starts with what is wrong (issue 13, point 12): problems
# first, then the pages; PgDn/PgUp move by screens, End and Home to the
# ends; at 80x24 in ja and C.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	case $E2E_LANG in
	ja*) missing="未記入:" review="確認: 問題" ;;
	*) missing="missing:" review="Review:" ;;
	esac
	inc="$e2e_tmp/r-$E2E_LANG.incident"
	"$E2E_PROG" new --title "確認画面" "$inc" || fail "todoke new"
	e2e_start "$inc"
	keys C-r
	wait_for "$review"
	screen "$e2e_tmp/r1.txt"
	# The body starts on line 4 (title, status, PPC line): a problem.
	sed -n 4p "$e2e_tmp/r1.txt" | grep -qF " $missing" && ok ||
		fail "$E2E_LANG: the review does not start with a problem"
	first=$(sed -n 4p "$e2e_tmp/r1.txt")
	keys PgDn
	screen "$e2e_tmp/r2.txt"
	# A screen further: the line that was at the bottom's next is on top.
	[ "$(sed -n 4p "$e2e_tmp/r2.txt")" != "$first" ] && ok || fail "$E2E_LANG: PgDn did not move a screen"
	grep -qxF "$first" "$e2e_tmp/r2.txt" && fail "$E2E_LANG: PgDn kept the first screen's lines" || ok
	keys End
	wait_for "お知らせ: お問い合わせ窓口"
	keys Home
	screen "$e2e_tmp/r3.txt"
	[ "$(sed -n 4p "$e2e_tmp/r3.txt")" = "$first" ] && ok || fail "$E2E_LANG: Home did not go back"
	keys F10 y
	wait_exit
	tm kill-server
done
unset E2E_LANG
e2e_finish
