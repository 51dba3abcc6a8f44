#!/bin/sh
# Never decide before asking (issue 13, point 2): a fresh incident with
# only IPA 4-1 被害有り answered says the PPC duty is undetermined and what
# to answer, never a deadline or days overdue; at 80x24 in ja and C.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
export TODOKE_TODAY=2026-12-02
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	inc="$e2e_tmp/u-$E2E_LANG.incident"
	"$E2E_PROG" new --title "未判定" "$inc" || fail "todoke new"
	e2e_start "$inc"
	case $E2E_LANG in
	ja*) undecided="個人情報保護委員会: 未判定 (個人データの漏えい等" ;;
	*) undecided="PPC: undetermined, answer 個人データの漏えい等" ;;
	esac
	wait_for "$undecided"
	keys C-g Home Down Down Down Down Down Down Down Enter
	wait_for "4-1)被害の有無"
	keys Space
	grep -qxF "damage.present: yes" "$inc" && ok || fail "$E2E_LANG: 被害有り not saved"
	wait_for "$undecided"
	screen "$e2e_tmp/u.txt"
	grep -qE "超過|overdue|速報 |preliminary 20" "$e2e_tmp/u.txt" && fail "$E2E_LANG: a deadline before the duty is decided" || ok
	keys C-r
	wait_for "$undecided"
	tm kill-server
done
unset E2E_LANG
e2e_finish
