#!/bin/sh
# Two writers of one incident: a change made to the file while the wizard
# has it open (by hand, another tool, git pull) is never saved over.  The
# wizard keeps its answers, says so in a message that stays, and offers
# to save them beside the file as NAME.mine.incident (0600).
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/w.incident"
mine="$e2e_tmp/w.mine.incident"
"$E2E_PROG" new --title "二人の書き手" "$inc" || fail "todoke new"
e2e_start "$inc"
wait_for "(page 1 of 36)"
type "2022-10-27"; keys Tab
wait_for "answered 1 of"
wait_file "$inc" "2022-10-27" && ok || fail "the wizard's own answer was not saved"
# Someone else edits the file underneath (sed -i writes a new file).
sed -i 's/^\[answers\]$/[answers]\nreporter.name: 外で書いた名前/' "$inc"
type "社内で入力"
wait_for "was changed by someone else since todoke read it"
sleep 4   # past the autosave: still not saved over
wait_for "NOT SAVED:"
grep -qxF "reporter.name: 外で書いた名前" "$inc" && ok || fail "the outside edit was overwritten"
grep -q "社内で入力" "$inc" && fail "saved over the outside edit" || ok
# F10: not saved; o offers NAME.mine.incident beside it.
keys F10
wait_for "NOT SAVED: r reload  o save elsewhere"
keys o
wait_for "$mine"
keys Enter
wait_file "$mine" "社内で入力" && ok || fail "the answers are not in $mine"
grep -q "2022-10-27" "$mine" && ok || fail "$mine lacks the earlier answer"
[ "$(stat -c %a "$mine")" = 600 ] && ok || fail "$mine is not 0600"
wait_for "Your answers are only in the file you chose."
keys y
wait_exit
grep -qxF "reporter.name: 外で書いた名前" "$inc" && ok || fail "the outside edit was lost at exit"
grep -q "社内で入力" "$inc" && fail "saved over the outside edit at exit" || ok
e2e_finish
