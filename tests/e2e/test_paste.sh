#!/bin/sh
# A big paste loses nothing: 1 MB of Japanese text (11,000+ lines of
# kanji, kana, half-width ｶﾀｶﾅ, é, emoji, a combining mark, and a BEL and
# Ctrl-G that must stay text, never commands) pasted by tmux as a bracketed
# paste into a multi-line field is saved byte for byte, however tmux and
# the pty cut it; text outside a paste is unchanged too.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/paste.incident"
python3 - "$e2e_tmp/paste.txt" "$e2e_tmp/want.txt" <<'PY'
import random, sys
random.seed(14)
pieces = ["届出", "漏えい", "ランサムウェア", "ｶﾀｶﾅ", "ひらがな", "café", "😀",
          "か\u3099", "サーバ", "ログ", "2022-10-24 03:14:15", "123,456", "（株）",
          "〜", "①", "髙﨑", "\u0007", "\u0007\u0007"]
lines, size = [], 0
while size < 1 << 20:
    n = random.randint(3, 14)
    line = "行%d:" % (len(lines) + 1) + "".join(random.choice(pieces) for _ in range(n)) + "。"
    lines.append(line)
    size += len(line.encode()) + 1
text = "\n".join(lines)
open(sys.argv[1], "w", encoding="utf-8").write(text)
# BEL and Ctrl-G are text inside a paste: the editor keeps no controls.
open(sys.argv[2], "w", encoding="utf-8").write(text.replace("\u0007", ""))
PY
size=$(wc -c < "$e2e_tmp/paste.txt")
[ "$size" -ge 1048576 ] && ok || fail "the paste is only $size bytes"

e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-n C-n C-n C-n
wait_for "2-3)システムの接続形態図"
tm load-buffer -b big "$e2e_tmp/paste.txt"
tm paste-buffer -p -b big -t e2e
# The last line shows when all of it is in.
last=$(tail -n 1 "$e2e_tmp/want.txt" | cut -c1-12)
i=0
while [ $i -lt 600 ] && ! tm capture-pane -t e2e -p | grep -qF "$last"; do
	sleep 0.1; i=$((i + 1))
done
wait_for "$last"
# Keys after the paste are keys again: Tab moves on, the page changes.
keys C-n
wait_for "3-1)発見契機"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
# The saved answer: its lines after "system.diagram:", each "| " + line.
awk '/^system\.diagram:/ { on = 1; next } on && /^\| / { print substr($0, 3); next }
     on && /^\|$/ { print ""; next } on { exit }' "$inc" > "$e2e_tmp/got.txt"
printf '\n' >> "$e2e_tmp/want.txt"
same_file "$e2e_tmp/got.txt" "$e2e_tmp/want.txt"

# PgUp in a multi-line field moves one page of rows, not two: 100 short
# lines pasted, the cursor on the empty line after it; the field shows 21 rows,
# so PgUp goes 20 rows up, to the start of L081 (twice as far before).
inc2="$e2e_tmp/pgup.incident"
seq -f 'L%03g' 1 100 > "$e2e_tmp/lines.txt"
e2e_start "$inc2"
wait_for "(page 1 of 36)"
keys C-n C-n C-n C-n
wait_for "2-3)システムの接続形態図"
tm load-buffer -b lines "$e2e_tmp/lines.txt"
tm paste-buffer -p -b lines -t e2e
wait_for "L100"
keys PPage
type "X"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
grep -qx '| XL081' "$inc2" && ok || fail "PgUp did not go one page: $(grep X "$inc2")"
e2e_finish
