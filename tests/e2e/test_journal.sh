#!/bin/sh
# kill -9 a moment after typing loses nothing: each burst of typing is
# appended to .NAME.incident.journal (0600) at once, long before the
# autosave; the next start puts it back, says so, saves, and removes the
# journal.  A text that no longer reads (a half-typed date) is shown, not
# dropped.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/j.incident"
journal="$e2e_tmp/.j.incident.journal"
"$E2E_PROG" new --title "ジャーナル" "$inc" || fail "todoke new"

# Types TEXT and kills todoke with SIGKILL as soon as the screen shows it
# (well within 0.2 s of typing: the autosave comes only after 3 s).
type_and_kill() {
	t0=$(date +%s%N)
	tm send-keys -t e2e -l "$1"
	i=0
	while [ $i -lt 400 ] && ! tm capture-pane -t e2e -p | grep -qF -- "$1"; do
		sleep 0.01; i=$((i + 1))
	done
	kill -9 "$(e2e_pid)"
	t1=$(date +%s%N)
	echo "killed $(( (t1 - t0) / 1000000 )) ms after typing"
	wait_exit
}

e2e_start "$inc"
wait_for "(page 1 of 36)"
keys Tab Tab
wait_for "企業・組織名:"
type_and_kill "株式会社ジャーナル"
grep -q "株式会社ジャーナル" "$inc" && fail "saved before the kill: the test proves nothing" || ok
[ -f "$journal" ] && ok || fail "no journal after typing"
[ "$(stat -c %a "$journal" 2>/dev/null)" = 600 ] && ok || fail "the journal is not 0600"
grep -q "株式会社ジャーナル" "$journal" && ok || fail "the journal lacks the typed text"

e2e_start "$inc"
wait_for "todoke was stopped: put back 1 answer typed after the last save."
wait_for "企業・組織名: 株式会社ジャーナル"
wait_file "$inc" "^reporter.org: 株式会社ジャーナル$" && ok || fail "the text put back was not saved"
[ ! -e "$journal" ] && ok || fail "the journal stays after the save"

# A paragraph, typed in several bursts and lines: all of it comes back.
keys F10; wait_for "Quit todoke? Your answers are saved."; keys y; wait_exit
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-g
wait_for "Pages"
keys Down Down Down Down Enter
wait_for "2-3)システムの接続形態図"
type "一行目の文章"
type "、続き"
keys Enter
type_and_kill "二行目"
e2e_start "$inc"
wait_for "todoke was stopped: put back 1 answer typed after the last save."
wait_file "$inc" "^| 二行目$" && ok || fail "the paragraph's last line was lost"
grep -qxF "| 一行目の文章、続き" "$inc" && ok || fail "the paragraph's first line was lost"
keys F10; wait_for "Quit todoke?"; keys y; wait_exit

# A long paragraph: after its first record, each burst writes only the
# lines it changed (an L record), not the whole text again, and the text
# comes back whole: typed at its end, then in the middle.
long="$e2e_tmp/long.incident"
{
	printf 'todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\ntitle: 長い図\n\n[answers]\nsystem.diagram:\n'
	i=0
	while [ $i -lt 2000 ]; do printf '| %05d 行目の接続です abc\n' $i; i=$((i + 1)); done
	printf '\n[end]\n'
} > "$long"
chmod 600 "$long"
size=$(stat -c %s "$long")
e2e_start "$long"
wait_for "(page 1 of"
keys C-g
wait_for "Pages"
keys Down Down Down Down Enter
wait_for "2-3)システムの接続形態図"
type "末尾A"
# The autosave (after 3 s) marks the journal; typing goes on with lines.
wait_file "$long" "末尾A$" || fail "no autosave"
type "末尾B"
keys PPage PPage
type "途中"
type_and_kill "最後"
jsize=$(stat -c %s "$e2e_tmp/.long.incident.journal")
echo "journal $jsize bytes, incident $size bytes"
[ "$jsize" -lt $((size + size / 4)) ] && ok || fail "the journal ($jsize bytes) holds the text again for each burst (incident $size bytes)"
[ "$(grep -c '^L ' "$e2e_tmp/.long.incident.journal")" -ge 2 ] && ok || fail "no line records in the journal"
grep -qx 'S' "$e2e_tmp/.long.incident.journal" && ok || fail "the autosave did not mark the journal"
[ "$(grep -c '^R ' "$e2e_tmp/.long.incident.journal")" = 1 ] && ok || fail "the whole text was written again after the autosave"
e2e_start "$long"
wait_for "todoke was stopped: put back 1 answer typed after the last save."
wait_file "$long" "最後" && ok || fail "the last burst was lost"
grep -q "^| 01999 行目の接続です abc末尾A末尾B$" "$long" && ok || fail "the bursts at the end were lost"
[ "$(grep -c '途中' "$long")" = 1 ] && ok || fail "the burst in the middle was lost"
[ "$(grep -c '^| [0-9]\{5\} 行目の接続です abc' "$long")" = 2000 ] && ok || fail "lines of the paragraph were lost"
keys F10; wait_for "Quit todoke?"; keys y; wait_exit

# A half-typed date: not an answer, but shown to retype.
e2e_start "$inc"
wait_for "(page 1 of 36)"
type_and_kill "2022-1"
e2e_start "$inc"
wait_for "Typed before todoke was stopped, not put back"
wait_for "「2022-1」"
keys Escape
wait_for "could not be put back: retype it."
[ -f "$journal" ] && ok || fail "the journal was removed though nothing was put back"
keys F10; wait_for "Quit todoke?"; keys y; wait_exit
e2e_finish
