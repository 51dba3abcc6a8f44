#!/bin/sh
# Two people carry one incident from 速報 to 確報: the first answers in the
# wizard, exports the 速報 and marks it submitted there; the second changes
# three answers in the wizard, whose review shows them as changed since
# the 速報; `todoke diff` shows exactly those three since the 速報,
# `todoke history` says the second person changed them (login and 氏名),
# and the PPC report exports as the 確報; a notice sent once is then
# exported, in the wizard as on the command line, as its 第2報.
#
# The login comes from the password file, never from $USER: run as root,
# the second person is a real user made here (useradd; removed after),
# and the store is handed to them (chown) as an administrator would.
# Without root or useradd the second person is the same login with
# another profile 氏名, and only the 氏名 is checked.
. "$(dirname "$0")/lib.sh"

store="$TODOKE_HOME/incidents"
inc="$store/shop.incident"
mkdir -p "$store"
cp "$e2e_dir/../golden/ppc/prelim.incident" "$inc"
profile() { printf 'todoke-profile 1\nuser.name: %s\n' "$1" > "$TODOKE_HOME/profile"; }
real_prog=$E2E_PROG
first=$(id -un)

# The first person answers one question (氏名) in the wizard, then exports
# the 速報 from the review and marks it submitted (提出済みにする).
profile "山田 太郎"
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys Tab Tab Tab C-a C-k
type "山田 太郎"; keys Tab
keys C-r
wait_for "d documents"
keys d
wait_for "ppc      個人情報保護委員会への漏えい等報告"
keys Down Enter
wait_for "Preview: 個人情報保護委員会への漏えい等報告"
keys e
wait_for "Write 個人情報保護委員会への漏えい等報告 to:"   # the line above the path
wait_for " $store/ECサイトのカード情報漏えい(速報)-ppc.txt"
keys Enter 2
wait_for "Written: $store/ECサイトのカード情報漏えい(速報)-ppc.txt (CP932)"
keys Escape                                  # the documents, then the review
wait_for "m: mark as submitted (提出済みにする)"
keys m
wait_for "Submitted (提出済みにする) ECサイトのカード情報漏えい(速報)-ppc.txt, sent on:"   # the line above the date
wait_for " 2022-10-27"
keys Enter
wait_for "Submitted: ppc 速報, sent 2022-10-27 (submission 1); next: 確報"
wait_for "submitted 1, changed since 0 (s)"
keys Escape
settle
keys F10
settle
keys y
wait_exit
grep -qxF "reporter.name: 山田 太郎" "$inc" && ok || fail "the first answer was not saved"
grep -qxF "ppc.prelim.date: 2022-10-27" "$inc" && ok || fail "the 速報's date was not recorded"
"$real_prog" submissions "$inc" > "$e2e_tmp/out" 2>&1
grep -qF "1	2022-10-27	ppc	速報	ECサイトのカード情報漏えい(速報)-ppc.txt	recorded by $first (山田 太郎)" "$e2e_tmp/out" && ok ||
	fail "submissions: $(cat "$e2e_tmp/out")"
# The copy kept is the file written, in CP932, byte for byte.
git --git-dir="$store/.todoke-history" show "todoke/shop/1:sent/ECサイトのカード情報漏えい(速報)-ppc.txt" > "$e2e_tmp/kept.txt"
same_file "$e2e_tmp/kept.txt" "$store/ECサイトのカード情報漏えい(速報)-ppc.txt"
iconv -f CP932 -t UTF-8 "$store/ECサイトのカード情報漏えい(速報)-ppc.txt" | head -1 | tr -d "\r" | grep -qxF "個人情報保護委員会への漏えい等報告(速報)" && ok ||
	fail "not a 速報 in CP932"

# The second person.
second=$first
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null && command -v runuser >/dev/null; then
	second="tdk$$"
	useradd -M -N -s /bin/sh "$second" || fail "useradd"
	trap 'userdel "$second" 2>/dev/null; e2e_cleanup' EXIT
	chmod 711 "$e2e_tmp"
	chown -R "$second" "$TODOKE_HOME"
	printf '#!/bin/sh\nexec runuser -u %s -- %s "$@"\n' "$second" "$real_prog" > "$e2e_tmp/as-second"
	chmod 755 "$e2e_tmp/as-second"
	E2E_PROG="$e2e_tmp/as-second"
fi
profile "鈴木 花子"
[ "$second" != "$first" ] && chown "$second" "$TODOKE_HOME/profile"
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys Tab Tab C-a C-k
type "(株)新商店"; keys Tab Tab C-a C-k
type "info@example.jp"; keys Tab C-a C-k
type "03-1234-5678"; keys Tab
# The review says what changed since the 速報, before the next export.
keys C-r
wait_for "submitted 1, changed since 3 (s)"
keys s
wait_for "Changed since the last submission (前回の提出から変わった項目)"
wait_for "  reporter.tel (TEL): ○○-○○○○-○○○○ → 03-1234-5678"
keys Escape
settle
keys Escape
settle
keys F10
settle
keys y
wait_exit
# Closing remembered the incident's reporter (山田 太郎) in the second
# person's profile; the 氏名 the history records stays their own.
grep -qxF "user.name: 鈴木 花子" "$TODOKE_HOME/profile" && ok || fail "the own name was lost: $(cat "$TODOKE_HOME/profile")"
"$E2E_PROG" whoami > "$e2e_tmp/whoami" 2>&1
head -1 "$e2e_tmp/whoami" | grep -qxF "$second (鈴木 花子)" && ok || fail "whoami: $(cat "$e2e_tmp/whoami")"
E2E_PROG=$real_prog

# Exactly those three since the 速報.
"$real_prog" diff "$inc" > "$e2e_tmp/diff" 2>&1
[ "$(grep -c ' → ' "$e2e_tmp/diff")" = 3 ] && ok || fail "diff: not three changes: $(cat "$e2e_tmp/diff")"
grep -qxF "  reporter.org (企業・組織名): (株)○○商店 → (株)新商店" "$e2e_tmp/diff" && ok || fail "diff: reporter.org"
grep -qxF "  reporter.email (E-Mail): △△△@××.□□.○○○ → info@example.jp" "$e2e_tmp/diff" && ok ||
	fail "diff: reporter.email"
grep -qxF "  reporter.tel (TEL): ○○-○○○○-○○○○ → 03-1234-5678" "$e2e_tmp/diff" && ok || fail "diff: reporter.tel"
# And the history says who: the three, by the second person alone.
"$real_prog" history "$inc" > "$e2e_tmp/history" 2>&1
[ "$(grep -c "  $second (鈴木 花子)  " "$e2e_tmp/history")" = 3 ] && ok ||
	fail "history: not three changes by $second: $(cat "$e2e_tmp/history")"
grep -qF "  $second (鈴木 花子)  reporter.tel: ○○-○○○○-○○○○ → 03-1234-5678" "$e2e_tmp/history" && ok ||
	fail "history: reporter.tel"
grep -qF "  $first (山田 太郎)  reporter.name: □□□□ → 山田 太郎" "$e2e_tmp/history" && ok ||
	fail "history: the first answer"
if [ "$second" != "$first" ]; then
	git --git-dir="$store/.todoke-history" log -1 --format=%ae main | grep -qxF "$second" && ok ||
		fail "git: the last commit is not $second's"
fi

# The 確報.
"$real_prog" export ppc "$inc" > "$e2e_tmp/kakuho.txt"
head -1 "$e2e_tmp/kakuho.txt" | grep -qxF "個人情報保護委員会への漏えい等報告(確報)" && ok || fail "not a 確報"
grep -qxF "速報の提出日: 2022年10月27日" "$e2e_tmp/kakuho.txt" && ok || fail "the 速報's date"
"$real_prog" export ppc "$inc" --changes > "$e2e_tmp/kakuho2.txt"
grep -qxF "  ・報告者 TEL: ○○-○○○○-○○○○ → 03-1234-5678" "$e2e_tmp/kakuho2.txt" && ok ||
	fail "the 確報's 九 without the changes"
grep -qxF "担当者の電話番号: 03-1234-5678" "$e2e_tmp/kakuho.txt" && ok || fail "the new TEL"

# A notice sent once is exported next, in the wizard as on the command
# line, as its 第2報.
"$real_prog" submit notice "$inc" --date 2022-10-28 > /dev/null 2>&1 || fail "submit notice"
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys C-r
wait_for "d documents"
keys d
wait_for "notice   お詫びとお知らせ"
keys Down Down Enter
wait_for "(第2報)"
keys e
wait_for "/ECサイトのカード情報漏えい(速報)-notice.txt"   # named after the title
keys Enter 1
wait_for "Written: $store/ECサイトのカード情報漏えい(速報)-notice.txt (UTF-8)"
keys Escape
settle
keys Escape
settle
keys F10
settle
keys y
wait_exit
"$real_prog" export notice "$inc" > "$e2e_tmp/notice-2.txt"
same_file "$store/ECサイトのカード情報漏えい(速報)-notice.txt" "$e2e_tmp/notice-2.txt"
grep -qF "2022年10月28日にお知らせいたしました" "$e2e_tmp/notice-2.txt" && ok || fail "the 第2報's opening"
e2e_finish
