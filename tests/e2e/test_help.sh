#!/bin/sh
# F1 explains the question in focus first, then the keys (issue 13,
# point 1): the terms a non-expert stops at carry help in their form
# (`help` lines), wrapped to 80 columns, in ja and C.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	inc="$e2e_tmp/h-$E2E_LANG.incident"
	"$E2E_PROG" new --title "ヘルプ" "$inc" || fail "todoke new"
	case $E2E_LANG in
	ja*) hint="F1: この質問の意味と例" title="ヘルプ: この質問の説明とキー操作"
	     about="この質問について: 要配慮個人情報" keyhelp="Tab, 下" plain="ヘルプ" ;;
	*) hint="F1: what this question means, with an example" title="Help: this question, then the keys"
	   about="About this question: 要配慮個人情報" keyhelp="Tab, Down" plain="Help" ;;
	esac
	e2e_start "$inc"
	keys C-g End Up Up Up Up Up Up Up Up Enter
	wait_for "報告義務の判定に用いる事項"
	keys Down Down Down     # 要配慮個人情報: 含まれる
	wait_for "$hint"
	keys F1
	wait_for "$title"
	wait_for "$about"
	wait_for "要配慮個人情報: 知られると差別や偏見につながるおそれがあるため、法律で特に慎"
	wait_for "含まれるもの: 病歴"
	wait_for "$keyhelp"
	keys Escape
	wait_for "報告義務の判定に用いる事項"
	# 法人番号: where to find it.
	keys C-g Home Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
	wait_for "報告者"
	keys Tab             # 代表者の氏名, then 法人番号
	wait_for "$hint"
	keys F1
	wait_for "法人番号公表サイト"
	keys Escape
	# A question without help: the keys alone, under the plain title.
	keys C-g Home Enter
	wait_for "届出日:"
	keys F1
	wait_for "$keyhelp"
	screen "$e2e_tmp/h.txt"
	grep -qF "$about" "$e2e_tmp/h.txt" && fail "$E2E_LANG: help of another question" || ok
	sed -n 2p "$e2e_tmp/h.txt" | grep -qF " $plain " && ok || fail "$E2E_LANG: title is not $plain"
	keys Escape
	tm kill-server
done
unset E2E_LANG
e2e_finish
