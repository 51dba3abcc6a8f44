#!/bin/sh
# The PPC pages in the wizard: the status line follows the answers, from
# undetermined to mandatory with days left, and a recorded 速報; IPA's
# 被害有り does not decide 3号.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/p.incident"
export TODOKE_TODAY=2024-02-27
e2e_start "$inc"
wait_for "(page 1 of 36)"
wait_for "PPC: undetermined, answer 個人データの漏えい等、要配慮個人情報"
keys C-n
type "2024-02-26"; keys C-n
wait_for "2-1)被害を受けた機器等"
keys C-g End Up Up Up Up Up Up Up Up Enter   # the last PPC page, before the notice's 8
wait_for "報告義務の判定に用いる事項  (page 28 of 36)"
keys Space Down Down Down Space    # 個人データの漏えい等: 発生した; 要配慮個人情報: 含まれる
wait_for "PPC report due: preliminary by 2024-03-02 (4 days left), final by 2024-03-27 (29 days left)"
# 被害有り in the IPA form does not make 3号 apply: still 30 days.
keys C-g Home Down Down Down Down Down Down Down Enter
wait_for "4-1)被害の有無"
keys Space
settle
wait_for "final by 2024-03-27 (29 days left)"
# Sent the 速報: recorded on the 報告区分 page.
keys C-g Home
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "報告区分  (page 19 of 36)"
keys Space Down Down Down          # 速報, then its date sent
wait_for "速報の提出日:"
type "2024-02-28"; keys Tab
wait_for "PPC report due: preliminary sent 2024-02-28, final by 2024-03-27 (29 days left)"
# The review shows the report with the decision and its reasons, and
# exports it.
keys C-r
wait_for "d documents"
keys d
wait_for "ppc      個人情報保護委員会への漏えい等報告"
keys Down Enter
wait_for "Preview: 個人情報保護委員会への漏えい等報告"
keys End
wait_for "判定: 報告義務あり(規則第7条 第1号)"
wait_for "第1号 要配慮個人情報: 該当(要配慮個人情報が含まれるため (1号))"
keys e
wait_for "Write 個人情報保護委員会への漏えい等報告 to:"   # the line above the path, whole
wait_for " $e2e_tmp/p-ppc.txt"
keys Enter 1
wait_for "Written: $e2e_tmp/p-ppc.txt (UTF-8)"
keys Escape                                  # the documents, then the review
wait_for "Review:"
keys Escape
wait_for "(page 19 of 36)"
keys F10 y
wait_exit
"$E2E_PROG" export ppc "$inc" > "$e2e_tmp/cli-ppc.txt"
same_file "$e2e_tmp/p-ppc.txt" "$e2e_tmp/cli-ppc.txt"
"$E2E_PROG" export ppc "$inc" > "$e2e_tmp/ppc.txt"
grep -qxF "個人情報保護委員会への漏えい等報告(速報)" "$e2e_tmp/ppc.txt" && ok || fail "報告区分 not exported"
"$E2E_PROG" export ipa "$inc" | grep -qF "■被害有り" && ok || fail "被害有り not answered"
grep -qxF "判定: 報告義務あり(規則第7条 第1号)" "$e2e_tmp/ppc.txt" && ok || fail "decision not exported"
grep -qxF "速報: 速やかに。目安: 2024-03-02 まで (知った日から5日) 提出済み: 2024-02-28" "$e2e_tmp/ppc.txt" && ok ||
	fail "deadline not exported"
e2e_finish
