#!/bin/sh
# Reloading an incident someone else changed while the wizard had it open
# (F10, then r on the NOT SAVED line): answers not edited in this session
# come from the file, those edited stay as typed, and an answer both
# changed is shown with both values for the user to choose (1 yours,
# 2 the file's; Esc keeps yours).  Then it is saved over the file as read
# now, and saving goes on as usual.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/r.incident"
"$E2E_PROG" new --title "読み直し" "$inc" || fail "todoke new"
e2e_start "$inc"
wait_for "(page 1 of 36)"
type "2022-10-27"; keys Tab
wait_file "$inc" "^report.date: 2022-10-27$" && ok || fail "the first answer was not saved"
# Someone else: a name, a telephone and an organisation.
sed -i 's/^\[answers\]$/[answers]\nreporter.name: 外の名前\nreporter.tel: 03-0000-1111\nreporter.org: 外の会社/' "$inc"
type "東京都"; keys Tab
type "内の会社"; keys Tab
wait_for "was changed by someone else since todoke read it"
keys F10
wait_for "NOT SAVED: r reload"
keys r
wait_for "Reloading: conflict 1 of 1"
wait_for "企業・組織名 (reporter.org)"
wait_for "内の会社"
wait_for "外の会社"
keys 2
wait_for "Reloaded, your edits kept (from the file: 2 answers; yours: 1; conflicts settled: 1)."
wait_file "$inc" "^reporter.address: 東京都$" && ok || fail "the answer typed here was not kept"
for want in "reporter.name: 外の名前" "reporter.tel: 03-0000-1111" "reporter.org: 外の会社" \
            "report.date: 2022-10-27"; do
	grep -qxF "$want" "$inc" && ok || fail "after the reload the file lacks $want"
done
grep -q "内の会社" "$inc" && fail "the conflict was settled for the file, yet ours was saved" || ok
wait_for "住所: 東京都"
wait_for "企業・組織名: 外の会社"
# Saving goes on over the file as reloaded (the page opens at its top).
keys Tab Tab; keys End; type "二"; keys Tab
wait_file "$inc" "^reporter.org: 外の会社二$" && ok || fail "no save after the reload"

# Once more, Esc at the conflict: this session's answer stays.
sed -i 's/^reporter.tel: .*/reporter.tel: 03-0000-2222/' "$inc"
keys Tab Tab; keys C-u; type "03-9999-9999"; keys Tab
wait_for "was changed by someone else since todoke read it"
keys F10
wait_for "NOT SAVED: r reload"
keys r
wait_for "Reloading: conflict 1 of 1"
keys Escape
wait_for "conflicts settled: 1"
wait_file "$inc" "^reporter.tel: 03-9999-9999$" && ok || fail "Esc did not keep the answer typed here"

# A half-typed date in the field: r says why and reloads nothing, the
# text stays in the field; once it reads, r reloads with it.
sed -i 's/^reporter.tel: .*/reporter.tel: 03-0000-3333/' "$inc"
keys Tab; keys End; type "区"; keys Tab
wait_for "was changed by someone else since todoke read it"
keys BTab BTab; keys C-u; type "2022-1"
keys F10
wait_for "NOT SAVED: r reload"
keys r
wait_for "expected a date"
keys Space
wait_for "NOT SAVED: r reload"
keys Escape
wait_for "届出日: 2022-1"
keys C-u; type "2022-10-28"
keys F10; wait_for "NOT SAVED: r reload"; keys r
wait_for "conflicts settled: 0"
wait_file "$inc" "^report.date: 2022-10-28$" && ok || fail "the date typed before the reload was lost"
grep -qxF "reporter.address: 東京都区" "$inc" && ok || fail "the address edited before the reload was lost"
grep -qxF "reporter.tel: 03-0000-3333" "$inc" && ok || fail "the file's telephone was not taken"
keys F10; wait_for "Quit todoke? Your answers are saved."; keys y; wait_exit
e2e_finish
