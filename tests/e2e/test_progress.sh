#!/bin/sh
# Progress counts questions, not boxes (issue 13, point 11): 2-1)'s
# fourteen boxes are one question, answered once one of them is ticked
# (「不明」 when nothing else applies), never by a box left unticked; the
# review, the status line and `todoke check` count alike.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/p.incident"
"$E2E_PROG" new --title "進捗" "$inc" || fail "todoke new"
e2e_start "$inc"
wait_for "(page 1 of 36)"
wait_for "answered 0 of 90"
keys C-r
wait_for "[ ] 2-1)被害を受けた機器等  (0/1)"
keys Escape
keys C-n C-n
wait_for "2-1)被害を受けた機器等  (page 3 of 36)"
keys Space
wait_for "[x] パソコン"
wait_for "answered 1 of 90"
keys C-r
wait_for "    2-1)被害を受けた機器等  (1/1)"
keys Escape
wait_for "2-1)被害を受けた機器等  (page 3 of 36)"
# Unticked again: a box written [ ] says nothing of the group.
keys Space
wait_for "[ ] パソコン"
wait_for "answered 0 of 90"
keys C-r
wait_for "[ ] 2-1)被害を受けた機器等  (0/1)"
keys Escape
wait_for "2-1)被害を受けた機器等  (page 3 of 36)"
# 「不明」, the last of the fourteen, answers it.
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Space
wait_for "[x] 不明"
wait_for "answered 1 of 90"
keys F10 y
wait_exit
grep -qxF "device.unknown: [x]" "$inc" && ok || fail "不明 not saved"
"$E2E_PROG" check "$inc" > "$e2e_tmp/check.out"
grep -qF "questions answered" "$e2e_tmp/check.out" || fail "check printed no count"
grep -qF "; 1 of 90 questions answered" "$e2e_tmp/check.out" && ok ||
	fail "todoke check counts otherwise: $(tail -1 "$e2e_tmp/check.out")"

e2e_finish
