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
wait_for "(page 1 of 36)"

# An impossible date: message, the focus stays, the text is kept.
type "2022-02-30"; keys Tab
wait_for "届出日: no such day: February 2022 has 28 days"
wait_for "届出日: 2022-02-30"
keys BSpace BSpace; type "28"; keys Tab
wait_for "answered 1 of 90"
keys C-g
wait_for "Pages"
keys Down Down Enter
wait_for "2-1)被害を受けた機器等  (page 3 of 36)"
# 「その他」 of サーバ: its text field appears only once ticked.
keys Down Down Down Down Down Down Down Down
keys Space
wait_for "[x] その他(...)"
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
# Export for mail: ISO-2022-JP lacks half-width kana and the emoji; the
# stand-ins fix the kana, not the emoji; CP932 lacks it too; UTF-8 writes.
keys C-r
wait_for "Review:"
keys d
wait_for "Enter preview  e export"
keys e
wait_for "Write コンピュータ不正アクセス届出様式 to:"
keys Enter
wait_for "Encoding: 1 UTF-8"
keys 4
wait_for "Characters that will not convert"
wait_for "cannot be written in ISO-2022-JP:"
wait_for "「ｻ」 (U+FF7B) in 2-1)被害を受けた機器等 › サーバ:その他: stand-in 「サ」"
wait_for "「😀」 (U+1F600) in 2-1)被害を受けた機器等 › サーバ:その他, 2-3)"
wait_for "Nothing has been written."
# か + U+3099 is written が (the document is NFC): nothing to list.
screen "$e2e_tmp/list.txt"
grep -qF "U+3099" "$e2e_tmp/list.txt" && fail "U+3099 listed: the export is not NFC" || ok
keys s
wait_for "2 character(s) cannot be written in ISO-2022-JP:"   # 😀 twice
keys e
wait_for "Encoding: 1 UTF-8"
keys 2
wait_for "cannot be written in CP932:"
keys e 1
wait_for "(UTF-8)"
[ -f "$e2e_tmp/edit-ipa.txt" ] && ok || fail "not exported in the end"
# The export is NFC; the incident keeps what was typed.
grep -qF "ｻｰﾊﾞ😀が" "$e2e_tmp/edit-ipa.txt" && ok || fail "export not NFC"
grep -qF "$(printf 'ｻｰﾊﾞ😀か\343\202\231')" "$inc" && ok || fail "the incident lost what was typed"
keys Escape                                  # the documents, then the review
wait_for "Review:"
keys Escape
wait_for "(page 5 of 36)"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
"$E2E_PROG" export ipa "$inc" > "$e2e_tmp/out.txt"
grep -qxF "2022年2月28日" "$e2e_tmp/out.txt" && ok || fail "date not exported"
grep -qxF "   ■その他(ｻｰﾊﾞ😀が)" "$e2e_tmp/out.txt" && ok || fail "note not exported (in NFC)"
grep -qxF "   二行目には漢字とかなとｶﾀｶﾅと😀続き" "$e2e_tmp/out.txt" && ok || fail "text lost"
grep -qxF "   外部エディタで追記した行" "$e2e_tmp/out.txt" && ok || fail "Ctrl-X text lost"
e2e_finish
