#!/bin/sh
# Each label once and whole, reused answers say where they come from, and
# no internal code on screen (issue 13, points 4 and 5): the PPC report's
# 一 概要 and 三 本人の数, and the review's list of answers, at 80x24 in ja
# and C.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
on="[x]" off="[ ]"
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	inc="$e2e_tmp/l-$E2E_LANG.incident"
	sed 's/^ppc\.groups\[1\]\.bound: exact$/ppc.groups[1].bound: atmost/' \
		"$e2e_dir/../golden/ppc/final.incident" > "$inc"
	chmod 600 "$inc"
	case $E2E_LANG in
	ja*) found="3-2)発見した内容(疑いを持った状況) の回答を使います"
	     date="(2) 発覚日: 1.発見年月日 の回答を使います"
	     timeline="6-2)本インシデントの対応内容・時系列 の回答を使います"
	     answers="すべての回答" ;;
	*) found="uses the answer of 3-2)発見した内容(疑いを持った状況)"
	   date="(2) 発覚日: uses the answer of 1.発見年月日"
	   timeline="uses the answer of 6-2)本インシデントの対応内容・時系列"
	   answers="All answers" ;;
	esac
	e2e_start "$inc"
	keys C-g Home Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
	wait_for " 一 概要  ("
	screen "$e2e_tmp/p.txt"
	for want in " (1) 発生日: 2022-09-01" " (5) 漏えい等の別:" "   $on 漏えい" "   $off 滅失" \
	            "   $off 毀損" " (6) 発生の別:" " (7) 委託元・委託先の関与:" " (3) 発覚の経緯:" \
	            "     $found" " $date" " (4) 事案の概要:"; do
		grep -qF -- "$want" "$e2e_tmp/p.txt" && ok || fail "$E2E_LANG: 一 概要 lacks \"$want\""
	done
	grep -q "漏えい 滅失\|滅失 毀損" "$e2e_tmp/p.txt" && fail "$E2E_LANG: box labels run together" || ok
	grep -q "^ *7)" "$e2e_tmp/p.txt" && fail "$E2E_LANG: 「(7)」 lost its 「(」" || ok
	[ "$(grep -c "事案の概要" "$e2e_tmp/p.txt")" = 1 ] && ok || fail "$E2E_LANG: 事案の概要 twice"
	# The last question shows what follows it: (8) and whose answer it uses.
	keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
	wait_for " (8) 対応の経緯:"
	wait_for "   $timeline"
	# 三 本人の数: a group as a person would say it.
	keys C-n C-n
	wait_for " 三 本人の数  ("
	wait_for "1. 通販サイトでカード決済をした顧客、人数 1180(最大)"
	wait_for "2. 会員登録のみの顧客、人数 35(確定)"
	keys C-r a
	wait_for "$answers"
	i=0
	until tm capture-pane -t e2e -p | grep -qF "1. 通販サイトでカード決済をした顧客、人数 1180(最大)" || [ $i -gt 12 ]; do
		keys PgDn; i=$((i + 1))
	done
	wait_for "1. 通販サイトでカード決済をした顧客、人数 1180(最大)"
	screen "$e2e_tmp/r.txt"
	grep -qE "atmost|exact|approx" "$e2e_tmp/r.txt" && fail "$E2E_LANG: an internal code in the review" || ok
	tm kill-server
done
unset E2E_LANG
e2e_finish
