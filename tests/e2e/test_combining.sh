#!/bin/sh
# Combining marks and joined emoji on screen, at 100x30, C.UTF-8, TERM
# tmux-256color: か+U+3099 typed as two code points shows as one cell that
# holds both (it used to show か alone: curses put the mark on the second
# half of か and never sent it); the family 👨‍👩‍👧 keeps its ZWJs and takes
# the 6 columns the editor counts, so the cursor is where the editor says;
# a cell with more marks than curses holds shows U+FFFD, not a cut mark.
. "$(dirname "$0")/lib.sh"

ga=$(printf 'か\343\202\231')                                 # か U+3099
family=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')
kana=$(printf '\357\275\266\357\276\236')                     # ｶﾞ
e4=$(printf 'e\314\201\314\202\314\203\314\204')             # e + 4 marks: fits a cchar_t
e5=$(printf 'e\314\201\314\202\314\203\314\204\314\205')     # e + 5 marks: does not
zwj=$(printf '\342\200\215')
repl=$(printf '\357\277\275')                                 # U+FFFD

cursor_x() { tm display -p -t e2e '#{cursor_x}'; }
line_of() { screen "$e2e_tmp/screen"; grep -F -- "$1" "$e2e_tmp/screen" | head -1; }

e2e_start "$e2e_tmp/combining.incident"
wait_for "(page 1 of 36)"
keys Tab
wait_for "住所:"
x0=$(cursor_x)

# か then U+3099, the bytes sent as they are.
type "$ga"
l=$(line_of "住所:")
case "$l" in *"住所: $ga"*) ok ;; *) fail "か+U+3099 not on screen as typed: $l" ;; esac
[ "$(cursor_x)" -eq $((x0 + 2)) ] && ok || fail "cursor at $(cursor_x) after が, want $((x0 + 2))"

type "|$family|"
l=$(line_of "住所:")
case "$l" in *"$ga|👨$zwj"*"👩$zwj"*"👧|"*) ok ;; *) fail "the family lost its ZWJs: $l" ;; esac
# が 2 + | 1 + three emoji 6 + | 1
[ "$(cursor_x)" -eq $((x0 + 10)) ] && ok || fail "cursor at $(cursor_x) after the family, want $((x0 + 10))"

type "$kana|$e4|$e5|"
l=$(line_of "住所:")
case "$l" in *"|$kana|$e4|$repl|") ok ;; *) fail "ｶﾞ, e with 4 marks, e with 5 marks: $l" ;; esac
[ "$(cursor_x)" -eq $((x0 + 17)) ] && ok || fail "cursor at $(cursor_x) at the end, want $((x0 + 17))"

# Moving left over them goes a cluster at a time, to the columns the
# editor counts: | e5 | e4 | ｶﾞ | — 1+1+1+1+1+2+1 = 8 columns back.
keys Left Left Left Left Left Left Left
[ "$(cursor_x)" -eq $((x0 + 9)) ] && ok || fail "cursor at $(cursor_x) after 7 Left, want $((x0 + 9))"
keys Left
[ "$(cursor_x)" -eq $((x0 + 3)) ] && ok || fail "cursor at $(cursor_x) before the family, want $((x0 + 3))"

# The answer shown without focus keeps the marks too.
keys Tab
l=$(line_of "住所:")
case "$l" in *"住所: $ga|👨$zwj"*"|$kana|$e4|$repl|"*) ok ;; *) fail "the answer without focus: $l" ;; esac

keys F10
wait_for "Quit todoke?"
keys y
wait_exit
# What was typed is saved as typed (the screen's ZWNJ is the screen's).
grep -qxF "reporter.address: $ga|$family|$kana|$e4|$e5|" "$e2e_tmp/combining.incident" && ok ||
	fail "not saved as typed: $(grep address "$e2e_tmp/combining.incident")"
e2e_finish
