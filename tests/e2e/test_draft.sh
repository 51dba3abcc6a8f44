#!/bin/sh
# A customer draft in the wizard: shown as a marked copy of the report's
# answer until edited; an edit is stored (with the source's fingerprint), a
# copy left as it was is not; the notice uses the edit, and `check` says
# when the report's answer changed after it.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/d.incident"
export TODOKE_TODAY=2024-06-01
cat > "$inc" <<'EOF2'
todoke-incident 1

[incident]
form: ipa-access 3.5
form: ppc-report 2024
form: notice 1
title: 下書きの試験

[answers]
reporter.org: 株式会社さくら通販
cause: 第三者に不正アクセスされた。
measures.prevention: WAFを導入する。
notice.type: other
notice.site: さくら会員サイト
notice.contact.tel: 0120-000-000

[end]
EOF2
chmod 600 "$inc"
"$E2E_PROG" check "$inc" > "$e2e_tmp/before" 2>&1
grep -qF "rewrite the answer お知らせ: お客様向けの文面 › 原因(お客様向け), still a copy of 5.原因" "$e2e_tmp/before" && ok ||
	fail "check does not name the copied draft: $(cat "$e2e_tmp/before")"

e2e_start "$inc"
wait_for "(page 1 of 36)"
# The preview marks each gap and each plain-form sentence in place.
keys C-r
wait_for "d documents"
keys d
wait_for "Enter preview"
keys Down Down Enter
wait_for "4 place(s) marked 【n】 below: press its number (1-9) to go to"
wait_for "【1】 not answered: 七 公表 › 公表の日"
wait_for "【2】 not in です・ます: お知らせ: お客様向けの文面 › 原因(お客様向け)"
wait_for "〔公表の日〕【1】"
keys Down Down Down
wait_for "第三者に不正アクセスされた。【2】"
# …and its number goes to the question that fixes it.
keys 2
wait_for "お知らせ: お客様向けの文面  (page 36 of 36)"
wait_for "[copied from 5.原因"
wait_for "第三者に不正アクセスされた。"
wait_for "[copied from 6-3)再発防止"
# 原因 is the third text of the page: opened on its copy, edited at its end.
keys Tab Tab
wait_for "[copied from 5.原因"
keys End BSpace BSpace
type "ました。"
keys Tab                                     # leaves it: stored
wait_for "第三者に不正アクセスされました。"
# The text shows before Tab is handled; the mark goes once it is stored
# (the first save may take a moment: it loads libgit2 for the history).
i=0
while [ $i -lt 200 ] && tm capture-pane -t e2e -p | grep -qF "[copied from 5.原因"; do
	sleep 0.05
	i=$((i + 1))
done
screen "$e2e_tmp/s"
grep -qF "[copied from 5.原因" "$e2e_tmp/s" && fail "the edited draft is still marked as a copy" || ok
# 二次被害 has no source: nothing copied; 再発防止策 opened and left as it is.
keys Tab
wait_for "[copied from 6-3)再発防止"
keys F10
wait_for "Quit todoke?"
keys y
wait_exit

grep -A1 -xF "notice.cause:" "$inc" | grep -qxF "| 第三者に不正アクセスされました。" && ok ||
	fail "edited draft not stored"
grep -q "^draft.notice.cause: [0-9a-f]\{16\}$" "$inc" && ok || fail "no fingerprint of the source"
grep -q "^notice.prevention" "$inc" && fail "an unedited copy was stored" || ok
grep -A1 -xF "cause:" "$inc" | grep -qxF "| 第三者に不正アクセスされた。" && ok ||
	fail "the report's answer changed"
"$E2E_PROG" export notice "$inc" > "$e2e_tmp/n.txt"
grep -qF "第三者に不正アクセスされました。" "$e2e_tmp/n.txt" && ok || fail "notice lacks the edit"
grep -qF "されたた。" "$e2e_tmp/n.txt" && fail "notice has the report's wording" || ok

# The report corrected afterwards: the review says the draft may be stale.
sed -i 's/^| 第三者に不正アクセスされた。$/| 委託先の設定の誤りによる。/' "$inc"
"$E2E_PROG" check "$inc" > "$e2e_tmp/after" 2>&1
grep -qF "notice: お知らせ: お客様向けの文面 › 原因(お客様向け) was rewritten from 5.原因, which has changed since" "$e2e_tmp/after" && ok ||
	fail "check does not see the source changed: $(cat "$e2e_tmp/after")"
e2e_finish
