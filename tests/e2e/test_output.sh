#!/bin/sh
# What typing costs the terminal, and that it still shows the right text
# (and a box ticked with Space):
# a character typed at the end of a line is sent alone (no attributes
# switched on and off around it: ≤ 8 bytes ASCII, ≤ 10 Japanese), one
# typed at the start of a line is an insert-character (ICH) and the
# character (≤ 16 bytes), not the row again.  Counted in a pty of our own
# (80x24, xterm-256color); the screen checked in tmux, which carries out
# the ICH itself.
. "$(dirname "$0")/lib.sh"

# ---- bytes, in a pty ----------------------------------------------------
python3 - "$E2E_PROG" "$(cd "$e2e_dir/../bench" && pwd)" > "$e2e_tmp/bytes.txt" <<'PY'
import os, sys, tempfile
sys.path.insert(0, sys.argv[2])
import drive
t = drive.Todoke(sys.argv[1], tempfile.mkdtemp())
p = t.to_diagram(10)
def key(k):
    p.send(k.encode())
    return p.read_quiet(0.3)
out = [key("a"), key("a"), key("あ")]
p.send(b"\x01"); p.read_quiet(0.3)         # Ctrl-A: start of the line
out += [key("b"), key("い"), key("c")]
t.quit(p)
for b in out:
    print(len(b), b.hex())
PY
# A box ticked and unticked with Space (2-1)'s first box, as make bench
# counts it): the box's mark and the count of answers change, nothing else.
python3 - "$E2E_PROG" "$(cd "$e2e_dir/../bench" && pwd)" > "$e2e_tmp/space.txt" <<'PY'
import os, sys, tempfile
sys.path.insert(0, sys.argv[2])
import drive
tmp = tempfile.mkdtemp()
t = drive.Todoke(sys.argv[1], tmp)
p = t.to_boxes()
out = []
for _ in range(2):
    p.send(b" ")
    out.append(p.read_quiet(0.3))
t.quit(p)
for b in out:
    print(len(b), b.hex())
PY
set -- $(cut -d' ' -f1 "$e2e_tmp/bytes.txt")
[ "${1:-99}" -le 8 ] && [ "${2:-99}" -le 8 ] && ok || fail "ASCII at the end of a line: $1, $2 bytes (> 8)"
[ "${3:-99}" -le 10 ] && ok || fail "Japanese at the end of a line: $3 bytes (> 10)"
[ "${4:-99}" -le 16 ] && [ "${5:-99}" -le 16 ] && [ "${6:-99}" -le 16 ] && ok ||
	fail "at the start of a line: $4, $5, $6 bytes (> 16)"
# ESC [ 1 @ and ESC [ 2 @: the terminal inserts, the row is not sent again.
sed -n 4p "$e2e_tmp/bytes.txt" | grep -q ' 1b5b3140' && ok || fail "no ICH for b: $(sed -n 4p "$e2e_tmp/bytes.txt")"
sed -n 5p "$e2e_tmp/bytes.txt" | grep -q ' 1b5b3240' && ok || fail "no ICH for い: $(sed -n 5p "$e2e_tmp/bytes.txt")"

# 49 bytes each (make bench's checklist Space; dialog 49): the mark and the count,
# each with its move and colours, and curses' attribute reset (the cursor,
# hidden on a box, is not moved back).
set -- $(cut -d' ' -f1 "$e2e_tmp/space.txt")
[ "${1:-99}" -le 49 ] && [ "${2:-99}" -le 49 ] && ok || fail "Space on a box: $1, $2 bytes (> 49)"
# The mark goes out: x when ticked, a blank when not (as hex: 78, 20).
sed -n 1p "$e2e_tmp/space.txt" | grep -q '6d78' && ok || fail "no x: $(sed -n 1p "$e2e_tmp/space.txt")"
sed -n 2p "$e2e_tmp/space.txt" | grep -q '6d20' && ok || fail "no blank: $(sed -n 2p "$e2e_tmp/space.txt")"

# ---- the screen, in tmux -------------------------------------------------
inc="$e2e_tmp/out.incident"
printf 'todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\ntitle: out\n\n[answers]\nsystem.diagram:\n| 一行目 first\n| 二行目 second\n\n[end]\n' > "$inc"
chmod 600 "$inc"
e2e_start "$inc"
wait_for "(page 1 of 18)"
keys C-n C-n C-n C-n
wait_for "二行目 second"
keys C-a; type "頭"; type "x"; type "ｶ"
wait_for "頭xｶ二行目 second"
keys Up C-a; type "上"; type "y"
wait_for "上y一行目 first"
keys End; type "末"
wait_for "上y一行目 first末"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
grep -qx '| 上y一行目 first末' "$inc" && grep -qx '| 頭xｶ二行目 second' "$inc" && ok ||
	fail "saved: $(grep '^|' "$inc")"

# Space on a box: after it, the screen shows the tick and the new count,
# the cursor still hidden (the focus colours show the box; a hidden cursor
# is left where curses last wrote); after the second, neither.
box="$e2e_tmp/box.incident"
printf 'todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\ntitle: box\n\n[answers]\n[end]\n' > "$box"
chmod 600 "$box"
e2e_start "$box"
wait_for "(page 1 of 18)"
field_at=$(tm display -p -t e2e '#{cursor_x},#{cursor_y}')
keys C-n C-n
wait_for "2-1)"
keys Tab Tab
wait_for "answered 0 of 28"
screen "$e2e_tmp/before.txt"
[ "$(tm display -p -t e2e '#{cursor_flag}')" = 0 ] && ok || fail "cursor shown on a box"
keys Space
wait_for "answered 1 of 28"
screen "$e2e_tmp/ticked.txt"
[ "$(grep -c '\[x\]' "$e2e_tmp/ticked.txt")" = 1 ] && ok || fail "ticked: $(grep '\[' "$e2e_tmp/ticked.txt" | head -3)"
[ "$(tm display -p -t e2e '#{cursor_flag}')" = 0 ] && ok || fail "cursor shown after Space"
# Only the mark and the count differ from the screen before.
diff "$e2e_tmp/before.txt" "$e2e_tmp/ticked.txt" | grep -c '^[<>]' | grep -qx 4 && ok ||
	fail "changed: $(diff "$e2e_tmp/before.txt" "$e2e_tmp/ticked.txt")"
keys Space
wait_for "answered 0 of 28"
screen "$e2e_tmp/unticked.txt"
cmp -s "$e2e_tmp/before.txt" "$e2e_tmp/unticked.txt" && ok ||
	fail "unticked: $(diff "$e2e_tmp/before.txt" "$e2e_tmp/unticked.txt")"
# Back on page 1, in its first field: the cursor is shown again, where it
# was there before the boxes.
keys C-p C-p
wait_for "(page 1 of 18)"
[ "$(tm display -p -t e2e '#{cursor_flag} #{cursor_x},#{cursor_y}')" = "1 $field_at" ] && ok ||
	fail "in the field: $(tm display -p -t e2e '#{cursor_flag} #{cursor_x},#{cursor_y}'), want 1 $field_at"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
e2e_finish
