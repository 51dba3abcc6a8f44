#!/bin/sh
# The notice in the wizard: the requests offered follow the incident type,
# the reason for a late publication is asked only when publication came
# more than 30 days after discovery, and the review previews the notice
# and writes it as a web page identical to `todoke export notice`.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/n.incident"
export TODOKE_TODAY=2024-02-27
cat > "$inc" <<'EOF'
todoke-incident 1

[incident]
form: ipa-access 3.5
form: ppc-report 2024
form: notice 1
title: 会員サイトの不正ログイン

[answers]
reporter.org: 株式会社さくら通販
discovery.date: 2024-01-10
ppc.publish: done
ppc.publish.date: 2024-02-20
notice.site: さくら会員サイト
notice.contact.tel: 0120-000-000

[end]
EOF
chmod 600 "$inc"
e2e_start "$inc"
wait_for "(page 1 of 36)"

# The requests page before a type is chosen: only what fits every type.
keys C-g End Up Up Up Up Enter
wait_for "お知らせ: お客様へのお願い  (page 32 of 36)"
wait_for "不審なメールや電話"
screen "$e2e_tmp/s"
grep -q "パスワードを変更" "$e2e_tmp/s" && fail "password request shown with no type" || ok
grep -q "再発行" "$e2e_tmp/s" && fail "card reissue shown with no type" || ok

# 不正ログイン: the password request appears, the card ones do not.
keys C-g End Up Up Up Up Up Up Up Enter
wait_for "お知らせ: 事案の種類と文面  (page 29 of 36)"
keys Down Space
keys C-g End Up Up Up Up Enter
wait_for "(page 32 of 36)"
wait_for "パスワードを変更いただくこと"
screen "$e2e_tmp/s"
grep -q "再発行" "$e2e_tmp/s" && fail "card reissue shown for a takeover" || ok
grep -q "誤って届いたメール" "$e2e_tmp/s" && fail "delete request shown for a takeover" || ok
keys Space                                   # the first box: the password request
wait_for "[x] パスワードを変更"

# Published 41 days after discovery: the reason is asked.
keys C-n
wait_for "お知らせ: 公表が遅れた経緯  (page 33 of 36)"
wait_for "公表が遅れた理由"
type "外部の調査会社による調査の完了を待って公表したため。"
keys Tab

# The review: the preview of the notice, then the web page.
keys C-r
wait_for "d documents"
keys d
wait_for "notice   お詫びとお知らせ"
keys Down Down Enter
wait_for "Preview: お詫びとお知らせ"
wait_for "「さくら会員サイト」への不正ログインに関するお詫びとお知らせ"
keys End
wait_for "公表が遅れた経緯について"
wait_for "外部の調査会社による調査の完了を待って公表したため。"
keys h
wait_for "Write お詫びとお知らせ (HTML) to:"
wait_for "/会員サイトの不正ログイン-notice.html"   # named after the title
keys Enter
wait_for "Written: $e2e_tmp/会員サイトの不正ログイン-notice.html (UTF-8)"
[ "$(stat -c %a "$e2e_tmp/会員サイトの不正ログイン-notice.html")" = 600 ] && ok || fail "notice not 0600"
keys Enter                                   # still on the notice in the list
wait_for "Preview: お詫びとお知らせ"
keys e
wait_for "Write お詫びとお知らせ to:"
wait_for "/会員サイトの不正ログイン-notice.txt"
keys Enter 4
wait_for "Written: $e2e_tmp/会員サイトの不正ログイン-notice.txt (ISO-2022-JP)"
keys Escape                                  # the documents, then the review
wait_for "Review:"
keys Escape
wait_for "(page 33 of 36)"                   # Tab stays on the reason's page
keys F10 y
wait_exit

"$E2E_PROG" export notice --format=html "$inc" > "$e2e_tmp/cli.html"
same_file "$e2e_tmp/会員サイトの不正ログイン-notice.html" "$e2e_tmp/cli.html"
"$E2E_PROG" export notice --encoding=iso-2022-jp "$inc" > "$e2e_tmp/cli.txt"
same_file "$e2e_tmp/会員サイトの不正ログイン-notice.txt" "$e2e_tmp/cli.txt"
grep -q "notice.ask.password: \[x\]" "$inc" && ok || fail "password request not saved"
e2e_finish
