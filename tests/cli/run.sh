#!/bin/sh
# The command line as a user meets it: exit codes, messages naming file and
# line, file modes, and that nothing is written but the asked-for file.
# Usage: tests/cli/run.sh PATH-TO-TODOKE
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
golden=$(cd "$(dirname "$0")/../golden/ipa" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
pass=0 fail=0

# expect NAME WANT-STATUS COMMAND... : runs it, keeps out/err, checks status.
expect() {
	name=$1 want=$2; shift 2
	"$@" >out 2>err; got=$?
	if [ "$got" -eq "$want" ]; then pass=$((pass + 1)); return 0; fi
	fail=$((fail + 1)); echo "FAIL: $name: exit $got, want $want"; sed 's/^/  /' err out | head -10
	return 1
}
# has NAME FILE TEXT : FILE contains TEXT (fixed string).
has() {
	if grep -qF -- "$3" "$2"; then pass=$((pass + 1))
	else fail=$((fail + 1)); echo "FAIL: $1: $2 lacks \"$3\""; sed 's/^/  /' "$2" | head -10; fi
}
same() {
	if cmp -s "$2" "$3"; then pass=$((pass + 1))
	else fail=$((fail + 1)); echo "FAIL: $1: $2 and $3 differ"; fi
}
mode_is() {
	m=$(stat -c %a "$2")
	if [ "$m" = "$3" ]; then pass=$((pass + 1))
	else fail=$((fail + 1)); echo "FAIL: $1: mode $m, want $3"; fi
}

expect help 0 "$prog" --help && has help out "export ipa INCIDENT"
expect version 0 "$prog" --version && has version out "todoke 0."
expect bad-option 2 "$prog" --frobnicate && has bad-option err "Try 'todoke --help'"
expect bad-command 2 "$prog" frobnicate x && has bad-command err "unknown command"
expect wizard-needs-tty 2 "$prog" && has wizard-needs-tty err "the wizard needs a terminal"
expect command-without-file 2 "$prog" check && has command-without-file err "usage: check"
expect forms 0 "$prog" forms && has forms out "ipa-access	3.5	2024-03-27	コンピュータ不正アクセス届出様式" &&
	has forms out "ppc-report	2024	2024-04-01	個人情報保護委員会への漏えい等報告"

# check
cp "$golden/example.incident" ex.incident
expect check-example 0 env TODOKE_TODAY=2022-10-27 "$prog" check ex.incident &&
	has check-example out "0 problem(s); 25 of 68 questions answered"
expect check-today-option 1 "$prog" --today=2022-10-01 check ex.incident &&
	has check-today-option out "ex.incident:16: error: 1.発見年月日: 2022-10-24 is in the future (today is 2022-10-01)"
expect check-partial 1 env TODOKE_TODAY=2023-01-05 "$prog" check "$golden/partial.incident" &&
	has check-partial out "partial.incident:28: error: 4-2)被害の種別 › その他: ticked, but 4-1)被害の有無 is 「被害無し(未遂)」" &&
	has check-partial out "missing: 6-4)他機関への届出状況 › その他: ticked, but the text in its ( ) is empty"
expect check-all 1 env TODOKE_TODAY=2023-01-05 "$prog" check --all "$golden/partial.incident" &&
	has check-all out "unanswered: 2-3)システムの接続形態図"
expect bad-today 2 env TODOKE_TODAY=2022-13-01 "$prog" check ex.incident && has bad-today err "TODOKE_TODAY"

# broken files: file, line and problem named; nothing written
sed 's/^discovery.date: 2022-10-24$/discovery.date: 2022-02-30/' ex.incident > impossible.incident
expect impossible-date 2 "$prog" check impossible.incident &&
	has impossible-date err "impossible.incident:16: \"discovery.date\": bad date \"2022-02-30\": no such day: February 2022 has 28 days"
expect impossible-date-ja 2 env LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$prog" check impossible.incident &&
	has impossible-date-ja err "impossible.incident:16: 「discovery.date」: 日付「2022-02-30」が正しくありません: 存在しない日付です(2022年2月は28日まで)"
head -c 700 ex.incident > cut.incident
expect truncated 2 "$prog" export ipa cut.incident -o cut.txt && has truncated err "cut.incident:" &&
	has truncated err "cut short"
[ ! -e cut.txt ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: cut.txt written"; }
printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\nreporter.name: \377\n[end]\n' > latin.incident
expect invalid-utf8 2 "$prog" check latin.incident && has invalid-utf8 err "latin.incident:5:16: not valid UTF-8 (byte 0xFF)"
# A control character is named at its column, and never reaches the terminal raw.
printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\nreporter.\033[2Jname: x\n[end]\n' > ctl.incident
expect control-char 2 "$prog" check ctl.incident &&
	has control-char err "ctl.incident:5:10: control character U+001B: not text, remove it"
if LC_ALL=C grep -q "$(printf '\033')" err; then fail=$((fail + 1)); echo "FAIL: control-char: raw ESC on stderr"; else pass=$((pass + 1)); fi
sed 's/^reporter.tel:/reporter.fax:/' ex.incident > unknown.incident
expect unknown-id 2 "$prog" check unknown.incident && has unknown-id err "unknown.incident:15: unknown question id \"reporter.fax\""
sed 's/^env.cloud: \[x\]$/env.cloud: yes/' ex.incident > type.incident
expect wrong-type 2 "$prog" check type.incident && has wrong-type err "type.incident:18: \"env.cloud\" is a checkbox"
expect missing-file 2 "$prog" check nothere.incident && has missing-file err "nothere.incident: cannot open"

# export: stdout, -o FILE (0600), the incident untouched, nothing else written
cp ex.incident before.incident
expect export-stdout 0 "$prog" export ipa ex.incident && same export-stdout out "$golden/example.expected"
umask 022
expect export-file 0 "$prog" export ipa ex.incident -o report.txt && same export-file report.txt "$golden/example.expected"
mode_is export-file report.txt 600
same incident-untouched ex.incident before.incident
# In a folder holding only the incident, export leaves exactly one new file.
mkdir iso && cp ex.incident iso/
(cd iso && "$prog" export ipa ex.incident -o report.txt && "$prog" check ex.incident) >/dev/null 2>&1
if [ "$(ls -A iso | tr '\n' ' ')" = "ex.incident report.txt " ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL: export wrote other files:"; ls -A iso; fi
expect export-unknown-doc 2 "$prog" export frob ex.incident && has export-unknown-doc err "unknown document"
expect export-bad-dir 2 "$prog" export ipa ex.incident -o nodir/x.txt && has export-bad-dir err "nodir/x.txt"

# deadlines: the PPC decision against today; exit 1 once one has passed
ppcdir=$(cd "$golden/../ppc" && pwd)
expect deadlines-ok 0 "$prog" --today=2022-10-27 deadlines "$ppcdir/prelim.incident" &&
	has deadlines-ok out "PPC report: mandatory" &&
	has deadlines-ok out "第4号 1,000人超: yes — 本人の数が最大1,200人で1,000人を超えるため (4号)" &&
	has deadlines-ok out "Preliminary report (速報): preliminary by 2022-10-29 (2 days left)" &&
	has deadlines-ok out "Final report (確報): final by 2022-12-23 (57 days left) — 60 days from the day found, as 3号 applies"
expect deadlines-late 1 env TODOKE_TODAY=2022-10-30 "$prog" deadlines "$ppcdir/prelim.incident" &&
	has deadlines-late out "preliminary by 2022-10-29 (1 day late)" &&
	has deadlines-late out "A deadline has passed"
expect deadlines-sent 0 "$prog" --today=2022-11-21 deadlines "$ppcdir/final.incident" &&
	has deadlines-sent out "preliminary sent 2022-10-27"
expect check-overdue 1 "$prog" --today=2022-10-30 check "$ppcdir/prelim.incident" &&
	has check-overdue out "error: overdue: PPC report due: preliminary by 2022-10-29 (1 day late)"
expect deadlines-no-ppc 2 "$prog" deadlines ex.incident && has deadlines-no-ppc err "no PPC report"
expect export-ppc 0 "$prog" export ppc "$ppcdir/final.incident" && same export-ppc out "$ppcdir/final.expected"

# encodings: every character that will not convert is listed, with line
# and field, and nothing is written unless --substitute (or it converts)
cp "$golden/partial.incident" enc.incident
expect enc-refused 1 "$prog" export ipa enc.incident --encoding=iso-2022-jp -o enc.txt &&
	has enc-refused err "13 character(s) of the IPA form cannot be written in ISO-2022-JP; nothing was written" &&
	has enc-refused err "line 5, column 17: 「髙」 (U+9AD9) in (届出者) › 企業・組織名 — --substitute writes 「高」" &&
	has enc-refused err "line 39, column 15: 「😀」 (U+1F600) in 2-2)被害を受けた機器の設置環境 › その他" &&
	has enc-refused err "utf-8 can write every character."
[ ! -e enc.txt ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: enc.txt written"; }
# The encoding that just failed is not tried again as the alternative
# (it freed a report never filled: SIGSEGV).
for e in cp932 euc-jp shift_jis iso-2022-jp; do
	expect "enc-alternative-$e" 1 "$prog" export ipa enc.incident --encoding=$e --substitute -o enc.txt &&
		has "enc-alternative-$e" err "line 39, column 15: 「😀」 (U+1F600)" &&
		has "enc-alternative-$e" err "utf-8 can write every character."
done
[ ! -e enc.txt ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: enc.txt written"; }
# In the C locale too: the character itself, and only the answers holding it.
expect enc-refused-c-locale 1 env LC_ALL=C LANG=C "$prog" export ipa enc.incident --encoding=iso-2022-jp -o enc.txt &&
	has enc-refused-c-locale err "line 5, column 17: 「髙」 (U+9AD9) in (届出者) › 企業・組織名 — --substitute writes 「高」"
expect enc-still-emoji 1 "$prog" export ipa enc.incident --encoding=iso-2022-jp --substitute -o enc.txt &&
	has enc-still-emoji err "1 character(s) of the IPA form cannot be written"
sed 's/ 😀//' enc.incident > enc2.incident
expect enc-substituted 0 "$prog" export ipa enc2.incident --encoding=iso-2022-jp --substitute -o enc.txt
iconv -f ISO-2022-JP -t UTF-8 enc.txt > enc.utf8 && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: not ISO-2022-JP"; }
has enc-substituted enc.utf8 "企業・組織名:株式会社サンプル(株)高崎"
has enc-substituted enc.utf8 "   ■その他(業務用サーバ)"
expect enc-cp932 0 "$prog" export ipa enc2.incident --encoding=cp932 --crlf -o win.txt
iconv -f CP932 -t UTF-8 win.txt | tr -d '\r' > win.utf8
"$prog" export ipa enc2.incident > enc2.expected
same enc-cp932 win.utf8 enc2.expected
[ "$(head -c 200 win.txt | grep -c "$(printf '\r')")" -gt 0 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL: no CRLF"; }
expect enc-unknown 2 "$prog" export ipa enc2.incident --encoding=latin1 && has enc-unknown err "unknown encoding"

# new
expect new 0 "$prog" new --title "テスト事案" new.incident && mode_is new new.incident 600
has new new.incident "title: テスト事案"
expect new-blank-export 0 "$prog" export ipa new.incident && same new-blank-export out "$golden/blank.expected"
cp new.incident new.before
expect new-no-overwrite 2 "$prog" new new.incident && has new-no-overwrite err "already exists"
same new-untouched new.incident new.before

# forms come from $TODOKE_DATADIR: a broken form is named with its line
mkdir -p data/forms && printf 'todoke-form 1\nid x\nversion 1\ntitle X\n|{box a}A\n|{box a}B\n' > data/forms/x-1.form
expect bad-form 2 env TODOKE_DATADIR="$tmp/data" "$prog" forms &&
	has bad-form err "data/forms/x-1.form:6: question \"a\" already declared on line 5"

# The notice: with the PPC report mandatory, `check` says which item of
# 規則第10条 it lacks and what to answer; a template that names a question
# no form has stops the export with its file and line.
notices="$golden/../notice"
awk '/^cause:/ { skip = 1; next } skip && /^\|/ { next } { skip = 0; print }' \
	"$notices/skimming.incident" > nocause.incident
expect notice-duty 1 env TODOKE_TODAY=2024-12-01 "$prog" check nocause.incident &&
	has notice-duty out "item 四 原因, which 規則第10条 requires when the PPC report is mandatory, is not in it; answer 5.原因"
expect notice-duty-ok 0 env TODOKE_TODAY=2024-12-01 "$prog" check "$notices/skimming.incident"
expect notice-text 0 "$prog" export notice nocause.incident && has notice-text out "〔原因〕"
# --all lists what is still open, never a question that does not apply:
# takeover was published 11 days after discovery (no reason asked) and has
# no card requests.
expect notice-all 0 env TODOKE_TODAY=2024-12-01 "$prog" check --all "$notices/takeover.incident"
if grep -q "公表が遅れた理由\|カード再発行" out; then fail=$((fail + 1)); echo "FAIL: notice-all lists questions that do not apply"
else pass=$((pass + 1)); fi
mkdir -p "$tmp/ndata/forms/notice"
cp "$TODOKE_DATADIR"/forms/*.form "$tmp/ndata/forms/"
cp "$TODOKE_DATADIR"/forms/notice/*.notice "$tmp/ndata/forms/notice/"
sed 's/{cause}/{caus}/' "$TODOKE_DATADIR/forms/notice/common.notice" > "$tmp/ndata/forms/notice/common.notice"
expect notice-bad-template 2 env TODOKE_DATADIR="$tmp/ndata" "$prog" export notice "$notices/skimming.incident" &&
	has notice-bad-template err "forms/notice/common.notice:"
has notice-bad-template err "no question \"caus\" in this incident's forms"
# One's own wording: a file in $TODOKE_HOME/notice (~/.config/todoke/notice)
# replaces the installed one of its name; including its own name adds to
# the installed file.  $TODOKE_NOTICE_DIR names a company's folder instead.
mkdir -p "$tmp/home/notice"
printf 'todoke-notice 1\ninclude common.notice\nset items.lead 次の情報が含まれます。\n' \
	> "$tmp/home/notice/common.notice"
expect notice-own 0 env -u TODOKE_NOTICE_DIR TODOKE_HOME="$tmp/home" "$prog" export notice "$notices/skimming.incident" &&
	has notice-own out "　次の情報が含まれます。"
grep -qF "漏えいした可能性のある情報は、次のとおりです。" out && { fail=$((fail + 1)); echo "FAIL: notice-own: installed phrase kept"; } || pass=$((pass + 1))
has notice-own out "2. 個人情報漏えい状況"
printf 'todoke-notice 1\ntype skimming\ninclude common.notice\nset leak.head 漏えいの状況\n' \
	> "$tmp/home/notice/skimming.notice"
expect notice-own-type 0 env -u TODOKE_NOTICE_DIR TODOKE_HOME="$tmp/home" "$prog" export notice "$notices/skimming.incident" &&
	has notice-own-type out "2. 漏えいの状況"
has notice-own-type out "　次の情報が含まれます。"
expect notice-company 0 env TODOKE_HOME="$tmp/home" TODOKE_NOTICE_DIR="$tmp/none" "$prog" export notice "$notices/skimming.incident" &&
	has notice-company out "漏えいした可能性のある情報は、次のとおりです。"
printf 'todoke-notice 1\ntype skimming\nblock x\n|{nosuch}\nend\norder x\n' > "$tmp/home/notice/skimming.notice"
expect notice-own-bad 2 env -u TODOKE_NOTICE_DIR TODOKE_HOME="$tmp/home" "$prog" export notice "$notices/skimming.incident" &&
	has notice-own-bad err "home/notice/skimming.notice:4: no question \"nosuch\""
expect notice-format 2 "$prog" export ipa ex.incident --format=html &&
	has notice-format err "--format=html is for the notice"
expect notice-format-bad 2 "$prog" export notice nocause.incident --format=pdf

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
