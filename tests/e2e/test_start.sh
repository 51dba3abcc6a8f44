#!/bin/sh
# The start screen (issue 13, point 15; issue 16's deletion), at 80x24 in
# ja and C: its header names the program and version; F1 names its keys;
# two incidents of one name show their files; r renames (the title, the
# file stays), c copies (answers, no history), d deletes after a
# confirmation naming the incident and its history, into the trash, from
# which t restores it with its history, or deletes it for good after
# asking; an incident open in another session is not deleted; a signal
# during a confirmation deletes nothing; a ticked box's note has its label.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
store="$TODOKE_HOME/incidents"
version=$("$E2E_PROG" --version | sed -n '1s/^todoke //p')

# An incident titled $2 at $store/$1.incident, found on $3, one answer committed.
make_incident() {
	"$E2E_PROG" new --title "$2" "$store/$1.incident" >/dev/null || fail "todoke new $1"
	sed -i "s/^\[answers\]\$/[answers]\ndiscovery.date: $3\nppc.summary: 概要$1/" "$store/$1.incident"
	# A version in the history and a copy sent, as submitting makes them.
	"$E2E_PROG" submit ipa "$store/$1.incident" --date 2022-10-27 --file "$store/$1.incident" \
		>/dev/null 2>&1 || fail "todoke submit $1"
	touch -d "$4" "$store/$1.incident"
}

# Selects the list's line that shows $1 (the list starts on line 3).
select_row() {
	screen "$e2e_tmp/sel.txt"
	line=$(grep -nF -- "$1" "$e2e_tmp/sel.txt" | head -1 | cut -d: -f1)
	[ -n "$line" ] || { fail "no line shows $1"; return 1; }
	keys Up Up Up Up Up Up Up Up
	sr_i=3
	while [ "$sr_i" -lt "$line" ]; do keys Down; sr_i=$((sr_i + 1)); done
}

for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	rm -rf "$store"; mkdir -p "$store"; chmod 700 "$store"
	case $E2E_LANG in
	ja*) help_r="名前を変更" newname="インシデントの新しい名前:" copy="(コピー)"
	     ask="ごみ箱に移しますか?" named="「同じ名前」を削除しますか? 履歴と送付した文書の控え"
	     notdel="削除しませんでした。" intrash="をごみ箱に移しました" trash="ごみ箱: 削除したインシデント"
	     deleted="(削除 " back="をインシデントの一覧に戻しました" forgood="完全に削除しますか?"
	     gone="を完全に削除しました。" empty="ごみ箱は空です。" inuse="[使用中]" editing="が編集中です"
	     start="[+ 新しいインシデントを作成]" tool="ツール名称:" all="すべての回答" diagram="2-3)システムの接続形態図: (空欄)" ;;
	*) help_r="rename it: the name shown in this list" newname="New name of the incident:" copy="(copy)"
	   ask="Move it to the trash?" named="Delete 「同じ名前」? It goes to the trash with its history and"
	   notdel="Not deleted." intrash="is in the trash" trash="Trash: deleted incidents"
	   deleted="(deleted " back="is back in the list of incidents" forgood="Delete it for good?"
	   gone="is deleted for good." empty="The trash is empty." inuse="[in use]" editing="is being edited by"
	   start="[+ Start a new incident]" tool="ツール名称:" all="All answers" diagram="2-3)システムの接続形態図: (empty)" ;;
	esac
	make_incident a "同じ名前" 2022-10-20 "2022-10-25 10:00"
	make_incident b "同じ名前" 2022-10-21 "2022-10-26 10:00"
	e2e_start
	wait_for "$start"
	# The header names the program and its version.
	screen "$e2e_tmp/s.txt"
	head -1 "$e2e_tmp/s.txt" | grep -qF "todoke $version" && ok || fail "$E2E_LANG: header lacks todoke $version"
	# Two of one name: told apart by file, and by the day found.
	wait_for "同じ名前 [a]"
	wait_for "同じ名前 [b]"
	grep -q "同じ名前 \[a\].*2022-10-20" "$e2e_tmp/s.txt" && ok || fail "$E2E_LANG: no discovery date"
	# F1 names the keys.
	keys F1
	wait_for "$help_r"
	keys Escape
	wait_for "$start"

	# Rename: the title changes, the file and its history stay.
	select_row "同じ名前 [b]"
	keys r
	wait_for "$newname"
	keys C-u; type "改名した事案"; keys Enter
	wait_for "改名した事案  ("  # the list's row, not the name typed
	file=$(grep -l "title: 改名した事案" "$store"/*.incident)
	[ "$(basename "$file")" = b.incident ] && ok || fail "$E2E_LANG: rename moved the file: $file"
	[ "$(stat -c %a "$file")" = 600 ] && ok || fail "$E2E_LANG: renamed file is $(stat -c %a "$file")"
	screen "$e2e_tmp/s.txt"
	grep -qF "同じ名前 [a]" "$e2e_tmp/s.txt" && fail "$E2E_LANG: unique names still show their files" || ok

	# Copy: a new incident with the same answers and no submissions.
	keys c
	wait_for "改名した事案 $copy"
	copyf=$(grep -l "title: 改名した事案 $copy" "$store"/*.incident)
	[ -n "$copyf" ] && grep -qx "| 概要b" "$copyf" && ok || fail "$E2E_LANG: copy lacks the answers"
	[ "$(stat -c %a "$copyf")" = 600 ] && ok || fail "$E2E_LANG: copy is $(stat -c %a "$copyf")"
	"$E2E_PROG" submissions "$copyf" > "$e2e_tmp/sub.txt" 2>&1
	grep -q "ipa" "$e2e_tmp/sub.txt" && fail "$E2E_LANG: the copy has the original's submissions" || ok
	"$E2E_PROG" submissions "$store/b.incident" | grep -q "ipa" && ok || fail "$E2E_LANG: the original lost its submission"

	# Delete: a confirmation naming it and its history; no keeps it.
	select_row "同じ名前"
	keys d
	wait_for "$ask"
	wait_for "$named"
	keys n
	wait_for "$notdel"
	[ -e "$store/a.incident" ] && ok || fail "$E2E_LANG: n deleted it"
	keys d
	wait_for "$named"
	keys y
	wait_for "$intrash"
	[ ! -e "$store/a.incident" ] && ok || fail "$E2E_LANG: a.incident still in the store"
	git --git-dir="$store/.todoke-history" log --all --name-only 2>/dev/null | grep -q "^a.incident" &&
		fail "$E2E_LANG: a's history stayed in the store" || ok
	grep -rqs "概要a" "$store"/*.incident && fail "$E2E_LANG: a's answers in the store" || ok

	# The trash: a, with its history and submission; Enter restores both.
	keys t
	wait_for "$trash"
	wait_for "$deleted"
	keys Enter
	wait_for "$back"
	[ -e "$store/a.incident" ] && ok || fail "$E2E_LANG: a not restored"
	"$E2E_PROG" submissions "$store/a.incident" | grep -q "ipa" && ok || fail "$E2E_LANG: a's submission not restored"
	wait_for "$empty"
	keys Escape
	wait_for "$start"

	# Open in another session: not deleted.
	tm new-window -d -t e2e env LANG="$E2E_LANG" LC_ALL="$E2E_LANG" TERM="$E2E_TERM" \
		TODOKE_HOME="$TODOKE_HOME" TODOKE_TODAY="$TODOKE_TODAY" TODOKE_DATADIR="$TODOKE_DATADIR" \
		${TODOKE_LOCALEDIR:+TODOKE_LOCALEDIR=$TODOKE_LOCALEDIR} "$E2E_PROG" "$store/a.incident"
	wait_for "$inuse"
	select_row "同じ名前"
	keys d
	wait_for "$ask"
	keys y
	wait_for "$editing"
	[ -e "$store/a.incident" ] && ok || fail "$E2E_LANG: deleted while open elsewhere"
	tm kill-window -t e2e:1
	sleep 2.5   # the list notices the session ended
	keys Escape
	screen "$e2e_tmp/s.txt"
	grep -qF "$inuse" "$e2e_tmp/s.txt" && fail "$E2E_LANG: stale [in use]" || ok

	# Deleted for good: asked first; then nothing of it is left.
	select_row "同じ名前"
	keys d
	wait_for "$ask"
	keys y
	wait_for "$intrash"
	keys t
	wait_for "$trash"
	keys DC
	wait_for "$forgood"
	keys y
	wait_for "$gone"
	wait_for "$empty"
	grep -rqs "概要a" "$store" && fail "$E2E_LANG: a's answers remain in the store" || ok
	git --git-dir="$store/.todoke-history" cat-file --batch-all-objects --batch 2>/dev/null | grep -q "概要a" &&
		fail "$E2E_LANG: a's answers remain in the history" || ok
	keys Escape
	wait_for "$start"

	# A signal while asking: nothing deleted, and todoke ends.
	select_row "改名した事案"
	keys d
	wait_for "$ask"
	n_before=$(ls "$store"/*.incident | wc -l)
	kill -TERM "$(e2e_pid)"
	wait_exit
	[ "$(ls "$store"/*.incident | wc -l)" = "$n_before" ] && ok || fail "$E2E_LANG: deleted on SIGTERM"
	[ -z "$(ls -A "$store/.trash" 2>/dev/null)" ] && ok || fail "$E2E_LANG: something went to the trash on SIGTERM"

	# A ticked box's note is labeled; the review names each empty text.
	e2e_start "$store/b.incident"
	keys C-g Home Down Down Down Down Down Enter
	wait_for "3-1)"
	keys Down Space
	settle
	screen "$e2e_tmp/p.txt"
	grep -q "^ *$tool *\$" "$e2e_tmp/p.txt" && ok || fail "$E2E_LANG: the note has no label"
	keys C-r a
	wait_for "$all"
	wait_for "$diagram"
	keys F10 y
	wait_exit
	tm kill-server
done
unset E2E_LANG
e2e_finish
