#!/bin/sh
# Numbers as people write them (issue 13, point 6): 約6,000人 in the PPC
# report's 人数 is 6000 with 約 in its 確定/最大/約 choice, ６，１８６ and
# 最大6186名 read too, and a typo (6,18) is refused with what to type, the
# text kept in the field; at 80x24 in ja and C.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	inc="$e2e_tmp/n-$E2E_LANG.incident"
	cp "$e2e_dir/../golden/ppc/final.incident" "$inc"
	chmod 600 "$inc"
	case $E2E_LANG in
	ja*) commas="人数: 3桁ごとにカンマを入れます(例: 6,186)" ;;
	*) commas="人数: commas go between groups of three digits, as in 6,186" ;;
	esac
	e2e_start "$inc"
	keys C-g Home Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
	keys C-n C-n
	wait_for " 三 本人の数  ("
	# The first group: its 人数, then its choice 確定/最大/約.
	keys Enter
	wait_for "人数: 1180"
	keys Tab C-u
	type "約6,000人"
	keys Tab
	wait_for "(*) 約"
	wait_file "$inc" '^ppc\.groups\[1\]\.count: 6000$' && ok || fail "$E2E_LANG: 約6,000人 not stored as 6000"
	grep -qx 'ppc.groups\[1\].bound: approx' "$inc" && ok || fail "$E2E_LANG: 約 not kept as approx"
	keys BTab C-u
	type "最大６，１８６名"
	keys Tab
	wait_for "(*) 最大"
	wait_file "$inc" '^ppc\.groups\[1\]\.count: 6186$' && ok || fail "$E2E_LANG: 最大６，１８６名 not stored as 6186"
	grep -qx 'ppc.groups\[1\].bound: atmost' "$inc" && ok || fail "$E2E_LANG: 最大 not kept as atmost"
	# A typo is refused, said plainly, and stays in the field.
	keys BTab C-u
	type "6,18"
	keys Tab
	wait_for "$commas"
	wait_for "人数: 6,18"
	grep -qx 'ppc.groups\[1\].count: 6186' "$inc" && ok || fail "$E2E_LANG: the typo changed the answer"
	keys C-u
	type "6186"
	keys Escape
	wait_for "1. 通販サイトでカード決済をした顧客、人数 6186(最大)"
	keys F10 y
	wait_exit
	tm kill-server
done
unset E2E_LANG
e2e_finish
