#!/bin/sh
# The interface speaks the user's language: Japanese under ja_JP.UTF-8
# (po/ja.po), English under en_US.UTF-8 and C.UTF-8.  Form labels are the
# form's own Japanese either way.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
inc="$e2e_tmp/l.incident"
"$E2E_PROG" new --title "言語テスト" "$inc" || fail "todoke new"

E2E_LANG=ja_JP.UTF-8
e2e_start
wait_for "[+ 新しいインシデントを作成]"
wait_for "Enter 開く  n 新規  r 名前変更  c 複製  Del 削除  t ごみ箱  F1 ヘルプ  q 終了"
check_screen start-ja
tm kill-server

e2e_start "$inc"
wait_for "(1 / 36 ページ)"
wait_for "回答済み 0 / "
# The review and the notice's preview, keys and all, in Japanese at 80x24.
keys C-r
wait_for "d 文書  e 書出し  Esc 戻る  q 終了"
keys d
wait_for "上下 選択  Enter プレビュー  e 書出し  p PPC入力補助  Esc 戻る  q 終了"
keys Down Down Enter
wait_for "プレビュー: お詫びとお知らせ"
wait_for "e/h 書出し  1-9 印へ  矢印 PgUp PgDn スクロール  Esc 戻る  q 終了"
keys Escape
wait_for "Enter プレビュー"            # back in the documents
keys Escape
wait_for "d 文書"                      # back in the review
keys Escape
wait_for "Tab 次へ  Shift-Tab 前へ"     # back on the page
keys Escape
wait_for "Esc はヘルプ・項目・確認画面を閉じます。終了は q か F10 です。"
keys F10
wait_for "todoke を終了しますか? 回答は保存されています。 (y/n)"
keys y
wait_exit

for E2E_LANG in en_US.UTF-8 C.UTF-8; do
	tm kill-server
	e2e_start
	wait_for "[+ Start a new incident]"
	wait_for "Enter open  n new  r rename  c copy  Del delete  t trash  F1 help  q quit"
	tm kill-server
	e2e_start "$inc"
	wait_for "(page 1 of 36)"
	wait_for "answered 0 of "
	keys F10 y
	wait_exit
done
unset E2E_LANG
e2e_finish
