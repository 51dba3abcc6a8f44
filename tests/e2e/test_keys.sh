#!/bin/sh
# One key scheme (issue 13, points 7 and 9), at 80x24 in ja and C: Tab
# never turns a page; ^N/^P and PgDn/PgUp do, but PgDn inside a multi-line
# field scrolls it; Esc goes back one level and never quits; q (where no
# text is typed) and F10 ask once, then quit the program, also from the
# start screen; the same under TERM=vt100.  A too-small screen says its
# size and quits with q; a stale 「[in use]」 goes when its session ends,
# and the selection stays.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	case $E2E_LANG in
	ja*) p1="(1 / 36 ページ)" p2="(2 / 36 ページ)" p3="(3 / 36 ページ)" p5="(5 / 36 ページ)"
	     last="このページの最後の設問です。次のページへは Ctrl-N か PgDn。"
	     escmsg="Esc はヘルプ・項目・確認画面を閉じます。終了は q か F10 です。"
	     quitq="todoke を終了しますか? 回答は保存されています。 (y/n)"
	     quitq0="todoke を終了しますか? (y/n)" new="[+ 新しいインシデントを作成]"
	     small="端末が小さすぎます: 60x20。" smallq="q か F10: 終了"
	     inuse="[使用中]" startesc="todoke の終了は q か F10 です。" ;;
	*) p1="(page 1 of 36)" p2="(page 2 of 36)" p3="(page 3 of 36)" p5="(page 5 of 36)"
	   last="Last question of this page: Ctrl-N or PgDn for the next page."
	   escmsg="Esc closes helps, entries and the review; q or F10 quits."
	   quitq="Quit todoke? Your answers are saved. (y/n)"
	   quitq0="Quit todoke? (y/n)" new="[+ Start a new incident]"
	   small="Terminal too small: 60x20." smallq="q or F10: quit"
	   inuse="[in use]" startesc="q or F10 quits todoke." ;;
	esac
	inc="$e2e_tmp/k-$E2E_LANG.incident"
	"$E2E_PROG" new --title "キー" "$inc" || fail "todoke new"
	e2e_start "$inc"
	wait_for "$p1"
	# Tab past the last question of a page stays and says so.
	keys Tab Tab Tab Tab Tab Tab Tab
	wait_for "$last"
	wait_for "$p1"
	keys C-n
	wait_for "$p2"
	keys PgDn
	wait_for "$p3"
	keys PgUp C-p
	wait_for "$p1"
	# In a multi-line field (2-3, page 5) PgDn stays in it.
	keys C-n C-n C-n C-n
	wait_for "$p5"
	type "一行目"; keys Enter; type "二行目"
	keys PgDn
	wait_for "$p5"
	keys C-n
	wait_for "3-1)"
	grep -qF "| 二行目" "$inc" && ok || fail "$E2E_LANG: the multi-line text was not kept"
	# Esc never quits a page opened by name; q in a text field is typed.
	keys C-g Home Enter
	wait_for "$p1"
	keys Escape
	wait_for "$escmsg"
	keys F10
	wait_for "$quitq"
	keys n
	wait_for "$p1"
	keys Tab q
	grep -q "$quitq" "$e2e_tmp/last" 2>/dev/null && fail "$E2E_LANG: q in a text field asked to quit" || ok
	keys BSpace
	# q on a box asks once; y quits the program.
	keys C-n C-n
	wait_for "$p3"
	keys q
	wait_for "$quitq"
	keys y
	wait_exit
	tm kill-server

	# From the start screen: Esc on a page goes back to it, Esc there
	# does not quit, q asks and y leaves todoke (not the start screen).
	mkdir -p "$TODOKE_HOME/incidents"
	cp "$inc" "$TODOKE_HOME/incidents/a.incident"
	e2e_start
	wait_for "$new"
	keys Down Enter
	wait_for "$p1"
	keys Escape
	wait_for "$new"
	keys Escape
	wait_for "$startesc"
	keys q
	wait_for "$quitq0"
	keys y
	wait_exit
	tm kill-server

	# A stale [in use] goes when the other session ends; the selection
	# stays where it was.
	sed 's/^title: .*/title: キーB/' "$inc" > "$TODOKE_HOME/incidents/b.incident"
	chmod 600 "$TODOKE_HOME/incidents/b.incident"
	e2e_start "$TODOKE_HOME/incidents/a.incident"
	wait_for "$p1"
	other=$e2e_sock
	e2e_sock="$e2e_tmp/other.sock"
	tm -f /dev/null new-session -d -s e2e -x 80 -y 24 \
		env LANG="$E2E_LANG" LC_ALL="$E2E_LANG" TERM="$E2E_TERM" \
		${TODOKE_LOCALEDIR:+TODOKE_LOCALEDIR=$TODOKE_LOCALEDIR} \
		TODOKE_HOME="$TODOKE_HOME" TODOKE_TODAY="$TODOKE_TODAY" TODOKE_DATADIR="$TODOKE_DATADIR" \
		"$E2E_PROG"
	tm set-option -t e2e remain-on-exit on >/dev/null
	wait_for "$inuse"
	screen "$e2e_tmp/s0.txt"
	# Down to b, however the list is ordered.
	n=$(awk -v new="$new" 'index($0, new) { s = NR } index($0, "キーB") { print NR - s; exit }' "$e2e_tmp/s0.txt")
	while [ "${n:-0}" -gt 0 ]; do keys Down; n=$((n - 1)); done
	e2e_sock=$other
	keys F10 y
	wait_exit
	tm kill-server
	e2e_sock="$e2e_tmp/other.sock"
	i=0
	while tm capture-pane -t e2e -p | grep -qF "$inuse" && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	screen "$e2e_tmp/s.txt"
	grep -qF "$inuse" "$e2e_tmp/s.txt" && fail "$E2E_LANG: a stale [in use] stayed" || ok
	# The selection is still on b (the third line: new, a, b).
	keys Enter
	wait_for "$p1"
	[ -e "$TODOKE_HOME/incidents/.b.incident.lock" ] && ok || fail "$E2E_LANG: the selection moved"
	keys F10 y
	wait_exit
	tm kill-server
	rm -f "$TODOKE_HOME/incidents/"*.incident

	# Too small: says the size, q quits at once.
	e2e_start "$inc"
	wait_for "$p1"
	e2e_resize 60 20
	wait_for "$small"
	wait_for "$smallq"
	keys q
	wait_exit
	tm kill-server

	# TERM=vt100: PgDn turns the page, F10 asks.
	E2E_TERM=vt100 e2e_start "$inc"
	wait_for "$p1"
	keys PgDn
	wait_for "$p2"
	screen "$e2e_tmp/v.txt"
	grep -qF "$quitq" "$e2e_tmp/v.txt" && fail "$E2E_LANG: vt100 PgDn asked to quit" || ok
	keys F10
	wait_for "$quitq"
	keys y
	wait_exit
	tm kill-server
done
unset E2E_LANG
e2e_finish
