#!/bin/sh
# A key typed into a field redraws only that field (src/tui/page.c
# draw_typed): the screen must stay what a full draw shows.  After each
# step the screen is compared with the same screen drawn from scratch
# (F1 and Esc: the help closes, the page is drawn again): a `when`
# question appearing above the field being typed, the field growing over
# the rows below it, and an autosave while idle changing the status line.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/r.incident"
export TODOKE_TODAY=2024-02-27
cat > "$inc" <<'EOF2'
todoke-incident 1

[incident]
form: ipa-access 3.5
form: ppc-report 2024
form: notice 1
title: 会員サイトの不正ログイン

[answers]
reporter.org: 株式会社さくら通販
discovery.date: 2024-01-10
notice.type: takeover

[end]
EOF2
chmod 600 "$inc"

# The screen now, then after a full draw (the page's title $2 back): the
# same.
n=0
same_after_full_draw() {
	n=$((n + 1))
	screen "$e2e_tmp/typed.$n"
	keys F1
	wait_for "Help"
	keys Escape
	wait_for "$2"
	screen "$e2e_tmp/full.$n"
	if cmp -s "$e2e_tmp/typed.$n" "$e2e_tmp/full.$n"; then ok
	else
		fail "$1: the screen after typing is not the page drawn again"
		diff "$e2e_tmp/full.$n" "$e2e_tmp/typed.$n" | head -20
	fi
}

e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-g End Up Up Up Up Enter
wait_for "お知らせ: お客様へのお願い  (page 32 of 36)"
# Focus on the last question, 「その他のお願い」 (a multi-line field): past
# the boxes, 「お客様にお願いすることはない」 and the reset's two options.
keys Down Down Down Down Down
type "一行目のお願い"
wait_for "一行目のお願い"
same_after_full_draw "typing at the end" "(page 32 of 36)"

# Lines typed make the field taller: the rows below it move.
type "$(printf '\n二行目\n三行目\n四行目\n五行目')"
wait_for "五行目"
same_after_full_draw "the field grown by its lines" "(page 32 of 36)"
keys BSpace BSpace BSpace BSpace
same_after_full_draw "the field shrunk back" "(page 32 of 36)"

# Up to 「当社でパスワードを初期化した」: its `when` question appears above
# the field typed into; back down there, typing goes to its new place.
keys BTab BTab
keys Space
wait_for "(*) 当社でパスワードを初期化した"
keys Down Down Down
type "追記"
wait_for "四行目追記"
screen "$e2e_tmp/s"
# The row of 「その他のお願い」 moved down: the typed text is under it,
# and nothing of it is left where the field was before.
above=$(grep -n "その他のお願い" "$e2e_tmp/s" | head -1 | cut -d: -f1)
typed=$(grep -n "四行目追記" "$e2e_tmp/s" | head -1 | cut -d: -f1)
if [ -n "$above" ] && [ -n "$typed" ] && [ "$typed" -gt "$above" ]; then ok
else fail "the typed text is not in the field's new place"; fi
[ "$(grep -c "四行目" "$e2e_tmp/s")" -eq 1 ] && ok || fail "a stale copy of the field is on the screen"
same_after_full_draw "typing after a when question appeared" "(page 32 of 36)"

# Idle long enough for the autosave: the answers count changes on the
# status line at the next key, as a full draw would show it.
keys C-p C-p
wait_for "(page 30 of 36)"
type "さくら会員サイト"
before=$(tm capture-pane -t e2e -p | sed -n 2p)
sleep 4
type "x"
wait_for "さくら会員サイトx"
after=$(tm capture-pane -t e2e -p | sed -n 2p)
[ "$before" != "$after" ] && ok || fail "the status line did not change after the autosave: $after"
same_after_full_draw "typing after an autosave" "(page 30 of 36)"
wait_file "$inc" "notice.site: さくら会員サイト" && ok || fail "the autosave did not write the answer"

keys F10
wait_for "(y/n)"
keys y
wait_exit
e2e_finish
