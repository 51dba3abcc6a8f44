#!/bin/sh
# A signal while a yes/no question is asked is never a yes: SIGHUP (a
# dropped ssh connection) at every confirmation of the wizard leaves the
# incident and the files as they were, and ends the session.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/c.incident"
"$E2E_PROG" new --title "確認の途中で切断" "$inc" || fail "todoke new"
# Two timeline entries, a name, a box: the answers the questions could lose.
sed -i 's/^\[answers\]$/[answers]\nreporter.name: 山田\ndevice.pc: [x]\ntimeline[1].date: 2022-10-24\ntimeline[1].text: 連絡を受けた\ntimeline[2].date: 2022-10-26\ntimeline[2].text: 調査を依頼した/' "$inc"
"$E2E_PROG" export ipa "$inc" -o "$e2e_tmp/want-ipa.txt" || fail "export of the start"

# The incident exports as before, and nobody holds it any more.
unchanged() {
	wait_exit
	"$E2E_PROG" export ipa "$inc" -o "$e2e_tmp/now-ipa.txt" || fail "export after $1"
	same_file "$e2e_tmp/now-ipa.txt" "$e2e_tmp/want-ipa.txt"
	# As written above, or as todoke writes it (a text of the list on lines
	# of its own): nothing changed is not saved again.
	grep -qxF "timeline[1].date: 2022-10-24" "$inc" && grep -qE "^(timeline\[1\]\.text: |\| )連絡を受けた$" "$inc" &&
		ok || fail "$1: the first entry is gone"
	grep -qxF "timeline[2].date: 2022-10-26" "$inc" && grep -qE "^(timeline\[2\]\.text: |\| )調査を依頼した$" "$inc" &&
		ok || fail "$1: the second entry is gone"
	[ ! -e "$e2e_tmp/.c.incident.lock" ] && ok || fail "$1: lock left behind"
	[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ] && ok || fail "$1: terminal not restored"
}

# "Delete this entry?" in the timeline (6-2, page 13).
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-g
wait_for "Pages"
keys Home Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "6-2)本インシデントの対応内容・時系列  (page 13 of 36)"
wait_for "1. 2022年10月24日: 連絡を受けた"
keys x
wait_for "Delete this entry? (y/n)"
kill -HUP "$(e2e_pid)"
unchanged "SIGHUP at Delete this entry?"

# The same with Delete, on the second entry.
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-g
wait_for "Pages"
keys Home Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "(page 13 of 36)"
keys Down DC
wait_for "Delete this entry? (y/n)"
kill -HUP "$(e2e_pid)"
unchanged "SIGHUP at Delete (second entry)"

# "Quit todoke?" after F10, and after q on a box (2-1, page 3).
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
kill -HUP "$(e2e_pid)"
unchanged "SIGHUP at Quit (F10)"
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-n C-n
wait_for "2-1)被害を受けた機器等  (page 3 of 36)"
keys q
wait_for "Quit todoke? Your answers are saved. (y/n)"
kill -HUP "$(e2e_pid)"
unchanged "SIGHUP at Quit (q)"

# "… exists. Replace it?" when exporting from the review (the name the
# export screen gives: the title): the file that
# is there stays, for the IPA form and for the notice's web page alike
# (that one is UTF-8 only: nothing else was asked before writing it).
for how in ipa html; do
	printf 'the file before\n' > "$e2e_tmp/確認の途中で切断-ipa.txt"
	printf 'the file before\n' > "$e2e_tmp/確認の途中で切断-notice.html"
	e2e_start "$inc"
	wait_for "(page 1 of 36)"
	keys C-r
	wait_for "Review:"
	if [ "$how" = ipa ]; then
		keys d                   # the documents: e exports the one chosen
		wait_for "Enter preview  e export"
		keys e
		wait_for "Write コンピュータ不正アクセス届出様式 to:"   # the line above the path
		wait_for " $e2e_tmp/確認の途中で切断-ipa.txt"
	else
		keys d
		wait_for "Enter preview  e export"
		keys Down Down Enter
		wait_for "Preview: お詫びとお知らせ"
		keys h
		wait_for "Write お詫びとお知らせ (HTML) to:"   # the line above the path
		wait_for " $e2e_tmp/確認の途中で切断-notice.html"
	fi
	keys Enter
	wait_for "exists. Replace it? (y/n)"
	kill -HUP "$(e2e_pid)"
	unchanged "SIGHUP at Replace ($how)"
	[ "$(cat "$e2e_tmp/確認の途中で切断-ipa.txt")" = "the file before" ] && ok || fail "$how: c-ipa.txt replaced"
	[ "$(cat "$e2e_tmp/確認の途中で切断-notice.html")" = "the file before" ] && ok ||
		fail "$how: c-notice.html replaced"
done

# And a "no" is a no, a "yes" a yes (the questions still work).
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-g
wait_for "Pages"
keys Home Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "(page 13 of 36)"
keys x
wait_for "Delete this entry? (y/n)"
keys n
wait_for "1. 2022年10月24日: 連絡を受けた"
keys x
wait_for "Delete this entry? (y/n)"
keys y
wait_for "1. 2022年10月26日: 調査を依頼した"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
grep -qF "連絡を受けた" "$inc" && fail "the entry deleted with y is still there" || ok
grep -qxF "timeline[1].date: 2022-10-26" "$inc" && grep -qxF "| 調査を依頼した" "$inc" &&
	ok || fail "the other entry lost"
e2e_finish
