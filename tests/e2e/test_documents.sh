#!/bin/sh
# The registry's documents in the wizard: a letter that applies brings its
# questions when the incident is opened (the data held for a 委託元, the
# police reported to); the documents screen previews and exports each as
# the command line writes it; one that does not apply is listed with the
# reason and not offered.
. "$(dirname "$0")/lib.sh"

golden="$e2e_dir/../golden"
export TODOKE_TODAY=2024-12-01

# The police reported to, the memo's questions not in the file yet: they
# join on opening.
inc="$e2e_tmp/d.incident"
cp "$golden/entrustor/intrusion.incident" "$inc"
t=物件検索サイトのデータベースへの不正アクセス   # its title
grep -q '^form: police-memo' "$inc" && fail "police memo already in the file" || ok
e2e_start "$inc"
wait_for "(page 1 of"
keys C-r
wait_for "d documents"
keys d
wait_for "ipa      コンピュータ不正アクセス届出様式"
wait_for "entrustor 委託元への通知"
wait_for "police   警察への相談メモ"
keys Down Down Down Enter
wait_for "Preview: 委託元への通知"
wait_for "個人データの漏えい等に関するご報告"
keys e
wait_for "Write 委託元への通知 to:"
wait_for "/$t-entrustor.txt"     # the export screen's name: the title
keys Enter
wait_for "Encoding: 1 UTF-8"
keys 1
wait_for "Written: $e2e_tmp/$t-entrustor.txt (UTF-8)"
keys Down Enter
wait_for "Preview: 警察への相談メモ"
wait_for "1. 相談者"
keys h
wait_for "Write 警察への相談メモ (HTML) to:"
wait_for "/$t-police.html"
keys Enter
wait_for "Written: $e2e_tmp/$t-police.html (UTF-8)"
keys Escape
wait_for "Review:"
keys Escape F10 y
wait_exit
# The files are the CLI's, and the incident now names the memo's form.
"$E2E_PROG" export entrustor "$inc" > "$e2e_tmp/cli-entrustor.txt"
same_file "$e2e_tmp/$t-entrustor.txt" "$e2e_tmp/cli-entrustor.txt"
same_file "$e2e_tmp/$t-entrustor.txt" "$golden/entrustor/intrusion.txt"
"$E2E_PROG" export police "$inc" --format=html > "$e2e_tmp/cli-police.html"
same_file "$e2e_tmp/$t-police.html" "$e2e_tmp/cli-police.html"
grep -qx 'form: police-memo 1' "$inc" && ok || fail "police memo form not saved"

# Not a 委託先, the police not reported to: listed, with the reason.
own="$e2e_tmp/own.incident"
grep -v '^form: entrustor-notice 1$\|^entrustor\.' "$golden/entrustor/intrusion.incident" |
	sed 's/^ppc.onbehalf: yes$/ppc.onbehalf: no/; s/^reported.police: \[x\]$/reported.police: [ ]/' > "$own"
e2e_start "$own"
wait_for "(page 1 of"
keys C-r
wait_for "d documents"
keys d
wait_for "entrustor 委託元への通知: does not apply: 委託元から預かった個人データか"
wait_for "police   警察への相談メモ: does not apply: 警察 is not ticked"
keys Down Down Down Enter
wait_for "委託元への通知 does not apply: 委託元から預かった個人データか is answered 「自社の個人データ」"
keys Escape Escape F10 y
wait_exit
grep -q '^form: entrustor-notice' "$own" && fail "entrustor form added to an incident it does not apply to" || ok
e2e_finish
