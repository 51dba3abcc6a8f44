#!/bin/sh
# Editing in the wizard: a bad date is refused with a message and kept,
# 「その他」 opens its text when ticked, a multi-line text survives resizes
# (also below the minimum size), and Ctrl-X edits in $VISUAL.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/edit.incident"
cat > "$e2e_tmp/visual" <<'SH'
#!/bin/sh
printf '外部エディタで追記した行\n' >> "$1"
SH
chmod +x "$e2e_tmp/visual"
VISUAL="$e2e_tmp/visual" e2e_start "$inc"
wait_for "(page 1 of 28)"

# An impossible date: message, the focus stays, the text is kept.
type "2022-02-30"; keys Tab
wait_for "届出日: no such day: February 2022 has 28 days"
wait_for "届出日: 2022-02-30"
keys BSpace BSpace; type "28"; keys Tab
wait_for "answered 1 of 106"
keys C-g
wait_for "Pages"
keys Down Down Enter
wait_for "2-1)被害を受けた機器等  (page 3 of 28)"
# 「その他」 of サーバ: its text field appears only once ticked.
keys Down Down Down Down Down Down Down Down
keys Space
wait_for "[■] その他(…)"
keys Down; type "$(printf 'ｻｰﾊﾞ😀か\343\202\231')"
keys C-n C-n
wait_for "2-3)システムの接続形態図"
type "一行目の文章はここまで。"; keys Enter
type "二行目には漢字とかなとｶﾀｶﾅと😀"
# Narrower, wider, too small and back: nothing typed is lost.
e2e_resize 80 24
wait_for "二行目には漢字とかなとｶﾀｶﾅと😀"
e2e_resize 60 20
wait_for "Terminal too small: 60x20."
e2e_resize 100 30
wait_for "一行目の文章はここまで。"
type "続き"
wait_for "二行目には漢字とかなとｶﾀｶﾅと😀続き"
keys C-x
wait_for "外部エディタで追記した行"
keys Escape
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
"$E2E_PROG" export ipa "$inc" > "$e2e_tmp/out.txt"
grep -qxF "2022年2月28日" "$e2e_tmp/out.txt" && ok || fail "date not exported"
grep -qxF "   ■その他(ｻｰﾊﾞ😀か$(printf '\343\202\231'))" "$e2e_tmp/out.txt" && ok || fail "note not exported"
grep -qxF "   二行目には漢字とかなとｶﾀｶﾅと😀続き" "$e2e_tmp/out.txt" && ok || fail "text lost"
grep -qxF "   外部エディタで追記した行" "$e2e_tmp/out.txt" && ok || fail "Ctrl-X text lost"
e2e_finish
