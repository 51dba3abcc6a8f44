#!/bin/sh
# The documents as parts (issue 13, point 3): the index groups the pages
# by document under a divider saying whether this incident needs it; the
# title bar names the part and the page's place in it; turning into a
# part shows its heading (what it is for, who receives it, whether it is
# needed, from forms/documents), and s skips a part.  With no personal data
# the PPC report and the notice are not needed.  80x24, ja and C.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	case $E2E_LANG in
	ja*) ipa="-- 1. コンピュータ不正アクセス届出様式: 記入します"
	     ppc_undecided="-- 2. 個人情報保護委員会への漏えい等報告: 未判定"
	     ppc_not="-- 2. 個人情報保護委員会への漏えい等報告: 不要: このインシデントには当て"
	     notice_not="-- 3. お詫びとお知らせ: 不要: 報告義務はありません"
	     counter1="第1部 (全3部): IPA 届出 1/18" part2="第2部 (全3部): 個情委報告"
	     part3="第3部 (全3部): お知らせ" what="目的: 個人データの漏えい等を個人情報保護委員会に報告します"
	     who="提出先: 個人情報保護委員会(ウェブの報告フォームから提出)"
	     need_not="このインシデントでは: 不要: このインシデントには当てはまりません (飛ばせます)"
	     page18="(18 / 36 ページ)"
	     counter29="第3部 (全3部): お知らせ 1/8" review="確認"
	     help="この部を飛ばして次の部へ" ;;
	*) ipa="-- 1. コンピュータ不正アクセス届出様式: to fill in"
	   ppc_undecided="-- 2. 個人情報保護委員会への漏えい等報告: not decided yet"
	   ppc_not="-- 2. 個人情報保護委員会への漏えい等報告: not needed: it does not apply"
	   notice_not="-- 3. お詫びとお知らせ: not needed: no report to the PPC is due"
	   counter1="part 1 of 3: IPA 1/18" part2="Part 2 of 3: PPC" part3="Part 3 of 3: Notice"
	   what="What for: Reports the leak of personal data to the Personal Information"
	   who="Who receives it: the Personal Information Protection Commission (through its"
	   need_not="For this incident: not needed: it does not apply here (you may skip it)"
	   page18="(page 18 of 36)"
	   counter29="part 3 of 3: Notice 1/8" review="Review"
	   help="skip the part, to the next one" ;;
	esac
	inc="$e2e_tmp/p-$E2E_LANG.incident"
	"$E2E_PROG" new --title "部のテスト" "$inc" || fail "todoke new"
	e2e_start "$inc"
	wait_for "$counter1"
	keys C-g
	wait_for "$ipa"
	keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
	wait_for "$ppc_undecided"
	# No personal data: neither the report nor the notice is needed.
	keys Escape F10 y
	wait_exit
	tm kill-server
	sed -i 's/^\[end\]$/ppc.involved: no\n[end]/' "$inc"
	e2e_start "$inc"
	wait_for "$counter1"
	keys C-g Home Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
	wait_for "$ppc_not"
	keys End
	wait_for "$notice_not"
	# From the IPA form's last page into the PPC part: its heading.
	keys Home Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
	wait_for "$page18"
	keys C-n
	wait_for "$part2"
	wait_for "$what"
	wait_for "$who"
	wait_for "$need_not"
	# F1 there says what the heading is and its keys.
	keys F1
	wait_for "$help"
	keys Escape
	wait_for "$need_not"
	# s skips it: the notice's heading; Enter begins that part.
	keys s
	wait_for "$part3"
	keys Enter
	wait_for "$counter29"
	# ^O skips the rest of a part: the notice is the last, so the review.
	keys C-o
	wait_for "$review"
	keys F10 y
	wait_exit
	tm kill-server
done
unset E2E_LANG
e2e_finish
