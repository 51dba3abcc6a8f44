#!/bin/sh
# The command line as a user meets it: exit codes, messages naming file and
# line, file modes, and that nothing is written but the asked-for file.
# Usage: tests/cli/run.sh PATH-TO-TODOKE
set -u
# A fixed locale, whatever the caller's (LANG=ja_JP.UTF-8, LANGUAGE=ja, C):
# todoke's messages in English, grep, sort and Python on UTF-8.
# tests/cli/locale.sh runs todoke under the callers' locales.
export LC_ALL=C.UTF-8 PYTHONUTF8=1
unset LANGUAGE
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
golden=$(cd "$(dirname "$0")/../golden/ipa" && pwd)
. "$(dirname "$0")/../lib.sh"
cd "$tmp" || exit 1


expect help 0 "$prog" --help && has help out "export DOCUMENT INCIDENT"
# --help lists the documents of the registry, not a list of its own.
has help out "  entrustor  text      委託元への通知" && has help out "  police     text,html 警察への相談メモ"
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
	has check-example out "0 problem(s); 22 of 28 questions answered"
expect check-today-option 1 "$prog" --today=2022-10-01 check ex.incident &&
	has check-today-option out "ex.incident:16: error: 1.発見年月日: 2022-10-24 is in the future (today is 2022-10-01)"
expect check-partial 1 env TODOKE_TODAY=2023-01-05 "$prog" check "$golden/partial.incident" &&
	has check-partial out "partial.incident:28: error: 4-2)被害の種別 › その他: ticked, but 4-1)被害の有無 is 「被害無し(未遂)」" &&
	has check-partial out "missing: 6-4)他機関への届出状況 › その他: ticked, but the text in its ( ) is empty"
expect check-all 1 env TODOKE_TODAY=2023-01-05 "$prog" check --all "$golden/partial.incident" &&
	has check-all out "unanswered: 2-3)システムの接続形態図"
# A group of boxes is one question (issue 13, point 11): listed once by its
# section when none is ticked, never box by box; the list is what the
# count says is left.
printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\ndevice.pc: [ ]\nenv.cloud: [x]\n[end]\n' > "$tmp/groups.incident"
expect check-groups 1 "$prog" check --all "$tmp/groups.incident" &&
	has check-groups out "unanswered: 2-1)被害を受けた機器等" &&
	has check-groups out "; 1 of 28 questions answered"
if grep -q "unanswered: 2-[12])[^›]*›" out || grep -q "unanswered: 2-2)" out ||
   [ "$(grep -c ": unanswered: " out)" -ne 27 ]; then
	bad "check-groups: boxes listed one by one, or not 28 - 1"; sed 's/^/  /' out | head -10
else ok; fi
# A document that does not apply asks nothing: a 委託先 that told its 委託元
# writes no notice (法第26条第2項), so no お知らせ question is counted or
# listed; a question the police memo needs, asked on the notice's page,
# still is.
grep -v '^notice.police.station:' "$golden/../entrustor/intrusion.incident" > onbehalf.incident
expect check-not-needed 0 env TODOKE_TODAY=2024-03-10 "$prog" check --all onbehalf.incident &&
	has check-not-needed out "; 59 of 83 questions answered" &&
	has check-not-needed out "unanswered: お知らせ: 再開と届出 › 届出先の警察署"
if [ "$(grep -c "unanswered: お知らせ" out)" -ne 1 ]; then
	bad "check-not-needed: the notice's questions listed"; grep お知らせ out | head -3
else ok; fi
# A group with no 「該当なし」 of its own in the IPA layout (6-4) is
# answered by the wizard-only box reported.none, which prints nothing.
printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\nreported.none: [x]\n[end]\n' > none.incident
expect check-reported-none 1 "$prog" check --all none.incident &&
	has check-reported-none out "; 1 of 28 questions answered"
if grep -q "unanswered: 6-4)" out; then
	bad "check-reported-none: 6-4 still unanswered"
else ok; fi
expect export-reported-none 0 "$prog" export ipa none.incident -o none.txt &&
	has export-reported-none none.txt "   □その他(                     )"
if grep -q "他機関には届け出ていない" none.txt; then
	bad "export-reported-none: the wizard-only box was printed"
else ok; fi
# The requests to customers are answered by 「お客様にお願いすることはない」
# (a wizard-only box) when none fits: the group is no longer left open.
grep -v '^notice.ask\.' "$golden/../notice/intrusion.incident" > noask.incident
"$prog" check --all noask.incident > out 2>&1
has check-noask out "unanswered: お知らせ: お客様へのお願い"
sed 's/^\[end\]$/notice.ask.none: [x]\n[end]/' noask.incident > noask2.incident
"$prog" check --all noask2.incident > out 2>&1
if grep -qx "noask2.incident: unanswered: お知らせ: お客様へのお願い" out; then
	bad "check-noask: お願い still unanswered"
else ok; fi
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
[ ! -e cut.txt ] && ok || { bad "cut.txt written"; }
printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\nreporter.name: \377\n[end]\n' > latin.incident
expect invalid-utf8 2 "$prog" check latin.incident && has invalid-utf8 err "latin.incident:5:16: not valid UTF-8 (byte 0xFF)"
# A control character is named at its column, and never reaches the terminal raw.
printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\nreporter.\033[2Jname: x\n[end]\n' > ctl.incident
expect control-char 2 "$prog" check ctl.incident &&
	has control-char err "ctl.incident:5:10: control character U+001B: not text, remove it"
if LC_ALL=C grep -q "$(printf '\033')" err; then bad "control-char: raw ESC on stderr"; else ok; fi
sed 's/^reporter.tel:/reporter.fax:/' ex.incident > unknown.incident
expect unknown-id 2 "$prog" check unknown.incident && has unknown-id err "unknown.incident:15: unknown question id \"reporter.fax\""
sed 's/^env.cloud: \[x\]$/env.cloud: yes/' ex.incident > type.incident
expect wrong-type 2 "$prog" check type.incident && has wrong-type err "type.incident:18: \"env.cloud\" is a checkbox"
expect missing-file 2 "$prog" check nothere.incident && has missing-file err "nothere.incident: cannot open"
expect missing-file-ja 2 env LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$prog" check nothere.incident &&
	has missing-file-ja err "nothere.incident: 開けません: "

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
if [ "$(ls -A iso | tr '\n' ' ')" = "ex.incident report.txt " ]; then ok
else bad "export wrote other files:"; ls -A iso; fi
expect export-unknown-doc 2 "$prog" export frob ex.incident && has export-unknown-doc err "unknown document"
expect export-bad-dir 2 "$prog" export ipa ex.incident -o nodir/x.txt && has export-bad-dir err "nodir/x.txt"
# -o onto what is not a regular file, as cp behaves: a FIFO or device of
# one's own (or root's) is written in place, never replaced by a file;
# someone else's FIFO, a directory, a dangling link are refused; a link is
# followed.  Device nodes are made here, never /dev/null itself.
mkdir outdir
expect export-onto-dir 2 "$prog" export ipa ex.incident -o outdir &&
	has export-onto-dir err "outdir: is a directory"
[ -d outdir ] && [ -z "$(ls -A outdir)" ] && ok || { bad "outdir changed"; }
mkfifo fifo && chmod 644 fifo
timeout 20 cat fifo > from-fifo & catpid=$!  # never waits for ever
expect export-onto-fifo 0 "$prog" export ipa ex.incident -o fifo
wait $catpid
same export-onto-fifo from-fifo "$golden/example.expected"
[ -p fifo ] && [ "$(stat -c %a fifo)" = 644 ] && ok || { bad "fifo replaced"; ls -l fifo; }
ln -s ex.txt link.txt && echo old > ex.txt
expect export-through-link 0 "$prog" export ipa ex.incident -o link.txt && same export-through-link ex.txt "$golden/example.expected"
[ -L link.txt ] && ok || { bad "link.txt replaced by a file"; }
ln -s gone.txt dangling.txt
expect export-dangling 2 "$prog" export ipa ex.incident -o dangling.txt &&
	has export-dangling err "dangling.txt: is a symbolic link to gone.txt, which does not exist"
[ -L dangling.txt ] && [ ! -e gone.txt ] && ok || { bad "dangling link written through"; }
if [ "$(id -u)" -eq 0 ]; then
	mknod null c 1 3 && chmod 666 null
	expect export-onto-device 0 "$prog" export ipa ex.incident -o null
	[ -c null ] && [ "$(stat -c %a null)" = 666 ] && ok || { bad "device replaced"; ls -l null; }
	mkfifo theirs && chown 65534 theirs
	expect export-foreign-fifo 2 timeout 20 "$prog" export ipa ex.incident -o theirs &&
		has export-foreign-fifo err "theirs: is a FIFO of another user (uid 65534); not writing personal data to it"
	[ -p theirs ] && ok || { bad "their fifo replaced"; }
else
	echo "cli: not root: the device node and someone else's FIFO are not tested"
fi

# deadlines: the PPC decision against today; exit 1 once one was missed
ppcdir=$(cd "$golden/../ppc" && pwd)
# law NAME ANSWER... : an incident of the IPA and PPC forms with these
# answers (personal data involved, a private business, unless overridden).
law() {
	n=$1; shift
	{ printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\nform: ppc-report 2024\n'
	  printf 'title: %s\n[answers]\n' "$n"
	  for a in "$@"; do printf '%s\n' "$a"; done
	  case " $* " in *" ppc.involved: "*) ;; *) echo "ppc.involved: yes" ;; esac
	  case " $* " in *" ppc.public: "*) ;; *) echo "ppc.public: no" ;; esac
	  echo "[end]"; } >"$n.incident"
}
# A card skimming known in 2022: whether the shop held the data decides.
expect deadlines-skim-2022 0 "$prog" --today=2022-10-27 deadlines "$ppcdir/prelim.incident" &&
	has deadlines-skim-2022 out "PPC report: undetermined (answer: 抜き取られたのは保存していた個人データか)"
sed 's/^ppc.unlawful: skimming$/ppc.unlawful: skimming\nppc.acquire: held/' "$ppcdir/prelim.incident" >held.incident
expect deadlines-ok 0 "$prog" --today=2022-10-27 deadlines held.incident &&
	has deadlines-ok out "PPC report: mandatory" &&
	has deadlines-ok out "第4号 1,000人超: yes (本人の数が最大1,200人で1,000人を超えるため (4号))" &&
	has deadlines-ok out "Preliminary report (速報): promptly; target: by 2022-10-29 (5 days from the day known) (2 days left)" &&
	has deadlines-ok out "Final report (確報): by 2022-12-23 (知った日から60日、第3号に該当するため) (57 days left)"
expect deadlines-late 1 env TODOKE_TODAY=2022-10-30 "$prog" deadlines held.incident &&
	has deadlines-late out "target: by 2022-10-29 (5 days from the day known) (1 day late)" &&
	has deadlines-late out "A deadline has passed"
sed 's/^ppc.unlawful: skimming$/ppc.unlawful: skimming\nppc.acquire: held/' "$ppcdir/final.incident" >held-final.incident
expect deadlines-sent 0 "$prog" --today=2022-11-21 deadlines held-final.incident &&
	has deadlines-sent out "preliminary sent 2022-10-27"
expect check-overdue 1 "$prog" --today=2022-10-30 check held.incident &&
	has check-overdue out "error: overdue: PPC: preliminary 2022-10-29 (1 day late)"
# 60 days to 2022-10-10, スポーツの日: due the next day, and why.
law sports "discovery.date: 2022-08-11" "ppc.unlawful: access" "ppc.sensitive: no" "ppc.financial: no" \
	"ppc.groups[1].count: 10" "ppc.groups[1].bound: exact"
expect deadlines-holiday 0 "$prog" --today=2022-08-12 deadlines sports.incident &&
	has deadlines-holiday out "Final report (確報): by 2022-10-11 (60日目の10-10がスポーツの日のため翌日) (60 days left)" &&
	has deadlines-holiday out "target: by 2022-08-16 (5 days from the day known) (4 days left)"
expect export-ppc-holiday 0 "$prog" export ppc sports.incident &&
	has export-ppc-holiday out "確報の期限: 2022-10-11 (60日目の10-10がスポーツの日のため翌日)" &&
	has export-ppc-holiday out "速報: 速やかに。目安: 2022-08-16 まで (知った日から5日)"
# 30 days to a Sunday; to 12-30 (年末年始).
law sunday "discovery.date: 2023-12-15" "ppc.sensitive: yes"
expect deadlines-sunday 0 "$prog" --today=2023-12-15 deadlines sunday.incident &&
	has deadlines-sunday out "by 2024-01-15 (30日目の01-14が日曜日のため翌日)"
law yearend "discovery.date: 2022-11-30" "ppc.sensitive: yes"
expect deadlines-yearend 0 "$prog" --today=2022-12-01 deadlines yearend.incident &&
	has deadlines-yearend out "by 2023-01-04 (30日目の12-30が年末年始のため次の開庁日)"
# Known 2022-03-31, before the duty: no duty, no date, never exit 1.
law before "discovery.date: 2022-03-31" "ppc.unlawful: access" "ppc.groups[1].count: 5000" \
	"ppc.groups[1].bound: exact"
expect deadlines-before-2022 0 "$prog" --today=2023-01-01 deadlines before.incident &&
	has deadlines-before-2022 out "PPC report: no duty: the duty did not apply on the day known (voluntary)" &&
	has deadlines-before-2022 out "努力義務" &&
	has deadlines-before-2022 out "Deadlines: none, as no report is due"
if grep -q "by 20" out; then bad "deadlines-before-2022 prints a date"; else ok; fi
expect export-ppc-before-2022 0 "$prog" export ppc before.incident -o before.txt &&
	has export-ppc-before-2022 before.txt "判定: 報告義務なし(知った日には報告の義務の規定が適用されていない。任意の報告)" &&
	has export-ppc-before-2022 before.txt "期限: なし(報告義務がないため)"
if grep -q "確報の期限\|速報: " before.txt; then bad "export-ppc-before-2022 prints a deadline"; else ok; fi
expect check-before-2022 1 "$prog" --today=2023-01-01 check before.incident
if grep -q "PPC\|overdue\|late:" out; then bad "check-before-2022 names a PPC deadline"; else ok; fi
sed 's/^discovery.date: 2022-03-31$/discovery.date: 2022-04-01/' before.incident >from.incident
expect deadlines-from-2022 1 "$prog" --today=2023-01-01 deadlines from.incident &&
	has deadlines-from-2022 out "PPC report: mandatory"
# No personal data: nothing due, whatever IPA was told.
law nodata "discovery.date: 2024-05-01" "damage.present: yes" "ppc.involved: no" "ppc.unlawful: access"
expect deadlines-no-data 0 "$prog" --today=2024-12-01 deadlines nodata.incident &&
	has deadlines-no-data out "PPC report: not concerned" &&
	has deadlines-no-data out "Deadlines: none, as no report is due"
# Personal data not answered: undetermined, it says which question.
law unanswered "discovery.date: 2024-05-01" "damage.present: yes" "ppc.involved: unknown"
expect deadlines-unanswered 0 "$prog" --today=2024-05-02 deadlines unanswered.incident &&
	has deadlines-unanswered out "PPC report: undetermined (answer: 個人データの漏えい等"
# A public body: more than 100.
law public "discovery.date: 2024-05-01" "ppc.public: yes" "ppc.sensitive: no" "ppc.financial: no" \
	"ppc.unlawful: none" "ppc.groups[1].count: 101" "ppc.groups[1].bound: exact"
expect deadlines-public 0 "$prog" --today=2024-05-02 deadlines public.incident &&
	has deadlines-public out "第4号 100人超: yes (本人の数が101人で100人を超えるため (4号))" &&
	has deadlines-public out "報告先は個人情報保護委員会"
# Skimmed before the shop had it: nothing before 2024-04-01, 3号 from then.
law skim0331 "discovery.date: 2024-03-31" "ppc.unlawful: skimming" "ppc.acquire: acquiring" \
	"ppc.fin.card: [x]" "ppc.groups[1].count: 3000" "ppc.groups[1].bound: exact"
expect deadlines-skim-0331 0 "$prog" --today=2024-04-02 deadlines skim0331.incident &&
	has deadlines-skim-0331 out "PPC report: voluntary"
sed 's/^discovery.date: 2024-03-31$/discovery.date: 2024-04-01/' skim0331.incident >skim0401.incident
expect deadlines-skim-0401 0 "$prog" --today=2024-04-02 deadlines skim0401.incident &&
	has deadlines-skim-0401 out "PPC report: mandatory" &&
	has deadlines-skim-0401 out "取得しようとしていた個人情報"
# A 委託先 that told its 委託元: not its report, nor its notice.
law entrusted "discovery.date: 2024-05-01" "ppc.unlawful: access" "ppc.onbehalf: yes" \
	"ppc.onbehalf.notified: yes"
expect deadlines-entrusted 0 "$prog" --today=2024-12-01 deadlines entrusted.incident &&
	has deadlines-entrusted out "規則第9条" && has deadlines-entrusted out "法第26条第2項"
# Its notice to the persons is the 委託元's (法第26条第2項): check asks
# nothing of it; export still writes it, with a note.
sed 's/^form: ppc-report 2024$/form: ppc-report 2024\nform: notice 1/' entrusted.incident >entrusted-n.incident
expect check-entrusted 1 "$prog" --today=2024-12-01 check entrusted-n.incident
if grep -q "お知らせ" out; then bad "check-entrusted asks for the notice"; sed 's/^/  /' out | grep お知らせ | head -3; else ok; fi
expect notice-entrusted 0 "$prog" export notice entrusted-n.incident -o entrusted-n.txt &&
	has notice-entrusted err "note: お詫びとお知らせ does not apply to this incident: 委託元に知らせたか is answered 「委託元に知らせた」"
sed 's/^ppc.onbehalf.notified: yes$/ppc.onbehalf.notified: no/' entrusted-n.incident >entrusted-no.incident
expect check-entrusted-not-told 1 "$prog" --today=2024-12-01 check entrusted-no.incident &&
	has check-entrusted-not-told out "お知らせ: 事案の種類と文面: not answered"
# No holiday calendar: no unchecked due date is given as the due date.
mkdir -p nocal/forms && cp "$golden"/../../../forms/*.form "$golden"/../../../forms/documents nocal/forms/ &&
	cp -r "$golden"/../../../forms/notice nocal/forms/
expect deadlines-no-calendar 2 env TODOKE_DATADIR="$tmp/nocal" "$prog" --today=2022-08-12 deadlines sports.incident &&
	has deadlines-no-calendar err "the holiday calendar cannot be read: $tmp/nocal/forms/calendar/jp-holidays" &&
	has deadlines-no-calendar out "Warning: the holiday calendar cannot be read"
expect export-ppc-no-calendar 2 env TODOKE_DATADIR="$tmp/nocal" "$prog" export ppc sports.incident -o nocal.txt &&
	has export-ppc-no-calendar err "the holiday calendar cannot be read"
[ ! -e nocal.txt ] && ok || { bad "nocal.txt written"; }
# Reports recorded late: flagged by deadlines and check, in Japanese too.
law late "discovery.date: 2023-03-01" "ppc.sensitive: yes" "ppc.prelim.date: 2023-03-03" \
	"ppc.final.date: 2023-04-10"
expect deadlines-final-late 1 "$prog" --today=2023-05-01 deadlines late.incident &&
	has deadlines-final-late out "final sent 2023-04-10, after its deadline 2023-03-31" &&
	has deadlines-final-late out "A report was recorded after its deadline"
expect check-final-late 1 "$prog" --today=2023-05-01 check late.incident &&
	has check-final-late out "error: late: PPC: preliminary sent 2023-03-03, final sent 2023-04-10, after its deadline 2023-03-31"
expect check-final-late-ja 1 env LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$prog" --today=2023-05-01 check late.incident &&
	has check-final-late-ja out "確報 提出 2023-04-10、期限 2023-03-31 を過ぎています"
sed 's/^ppc.final.date: 2023-04-10$/ppc.final.date: 2023-03-31/' late.incident >ontime.incident
expect deadlines-final-on-time 0 "$prog" --today=2023-05-01 deadlines ontime.incident &&
	has deadlines-final-on-time out "final sent 2023-03-31"
sed 's/^ppc.prelim.date: 2023-03-03$/ppc.prelim.date: 2023-03-07/' ontime.incident >prelate.incident
expect deadlines-prelim-late 1 "$prog" --today=2023-05-01 deadlines prelate.incident &&
	has deadlines-prelim-late out "preliminary sent 2023-03-07, after its target 2023-03-06"
expect deadlines-no-ppc 2 "$prog" deadlines ex.incident && has deadlines-no-ppc err "no PPC report"
expect export-ppc 0 "$prog" export ppc "$ppcdir/final.incident" && same export-ppc out "$ppcdir/final.expected"

# encodings: every character that will not convert is listed, with line
# and field, and nothing is written unless --substitute (or it converts)
cp "$golden/partial.incident" enc.incident
expect enc-refused 1 "$prog" export ipa enc.incident --encoding=iso-2022-jp -o enc.txt &&
	has enc-refused err "13 character(s) of コンピュータ不正アクセス届出様式 cannot be written in ISO-2022-JP; nothing was written" &&
	has enc-refused err "line 5, column 17: 「髙」 (U+9AD9) in (届出者) › 企業・組織名 — --substitute writes 「高」" &&
	has enc-refused err "line 39, column 15: 「😀」 (U+1F600) in 2-2)被害を受けた機器の設置環境 › その他" &&
	has enc-refused err "utf-8 can write every character."
[ ! -e enc.txt ] && ok || { bad "enc.txt written"; }
# The encoding that just failed is not tried again as the alternative
# (it freed a report never filled: SIGSEGV).
for e in cp932 euc-jp shift_jis iso-2022-jp; do
	expect "enc-alternative-$e" 1 "$prog" export ipa enc.incident --encoding=$e --substitute -o enc.txt &&
		has "enc-alternative-$e" err "line 39, column 15: 「😀」 (U+1F600)" &&
		has "enc-alternative-$e" err "utf-8 can write every character."
done
[ ! -e enc.txt ] && ok || { bad "enc.txt written"; }
# In the C locale too: the character itself, and only the answers holding it.
expect enc-refused-c-locale 1 env LC_ALL=C LANG=C "$prog" export ipa enc.incident --encoding=iso-2022-jp -o enc.txt &&
	has enc-refused-c-locale err "line 5, column 17: 「髙」 (U+9AD9) in (届出者) › 企業・組織名 — --substitute writes 「高」"
# The encoding that just failed is not tried again as the alternative
# (it freed a report never filled: SIGSEGV).
for e in cp932 euc-jp shift_jis iso-2022-jp; do
	expect "enc-alternative-$e" 1 "$prog" export ipa enc.incident --encoding=$e --substitute -o enc.txt &&
		has "enc-alternative-$e" err "line 39, column 15: 「😀」 (U+1F600)" &&
		has "enc-alternative-$e" err "utf-8 can write every character."
done
[ ! -e enc.txt ] && ok || { bad "enc.txt written"; }
expect enc-still-emoji 1 "$prog" export ipa enc.incident --encoding=iso-2022-jp --substitute -o enc.txt &&
	has enc-still-emoji err "1 character(s) of コンピュータ不正アクセス届出様式 cannot be written"
sed 's/ 😀//' enc.incident > enc2.incident
expect enc-substituted 0 "$prog" export ipa enc2.incident --encoding=iso-2022-jp --substitute -o enc.txt
iconv -f ISO-2022-JP -t UTF-8 enc.txt > enc.utf8 && ok || { bad "not ISO-2022-JP"; }
has enc-substituted enc.utf8 "企業・組織名:株式会社サンプル(株)高崎"
has enc-substituted enc.utf8 "   ■その他(業務用サーバ)"
expect enc-cp932 0 "$prog" export ipa enc2.incident --encoding=cp932 --crlf -o win.txt
iconv -f CP932 -t UTF-8 win.txt | tr -d '\r' > win.utf8
"$prog" export ipa enc2.incident > enc2.expected
same enc-cp932 win.utf8 enc2.expected
[ "$(head -c 200 win.txt | grep -c "$(printf '\r')")" -gt 0 ] && ok || { bad "no CRLF"; }
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
if grep -q "公表が遅れた理由\|カード再発行" out; then bad "notice-all lists questions that do not apply"
else ok; fi
# Answers written for the authorities (plain form, noun stops) land in a
# letter to customers: `check` quotes each such sentence and names the
# answer, with its line, to rewrite; every golden notice passes.
sed -e 's/^| 当社が運営する「ほしぞらブックス会員サイト」において.*$/| 当社の会員サイトに対し、第三者によるパスワードリスト攻撃が行われ、一部のアカウントに不正ログインされた。/' \
    -e 's/^| 海外からのアクセスを遮断し.*$/| 個人情報保護委員会へ速報を提出。/' \
	"$notices/takeover.incident" > report-style.incident
expect notice-register 1 env TODOKE_TODAY=2024-12-01 "$prog" check report-style.incident &&
	has notice-register out "report-style.incident:60: wording: notice: 「当社の会員サイトに対し、第三者によるパス…、一部のアカウントに不正ログインされた。」 does not end in the polite form (です・ます) a notice to customers is written in; rewrite the answer お知らせ: お客様向けの文面 › 経緯の概要(お客様向け), still a copy of 一 概要 › 事案の概要" &&
	has notice-register out "report-style.incident:40: wording: notice: 「2024年5月21日、個人情報保護委員会へ速報を提出。」" &&
	has notice-register out "rewrite the answer お知らせ: お客様向けの文面 › 経緯(お客様向け), still a copy of 6-2)本インシデントの対応内容・時系列, entry 2, 対応内容"
for f in "$notices"/*.incident; do
	env TODOKE_TODAY=2024-12-01 "$prog" check "$f" > out 2>&1
	if grep -q ": wording: " out; then bad "notice-register-golden: $f"; grep ": wording: " out | head -3
	else ok; fi
done
mkdir -p "$tmp/ndata/forms/notice"
cp "$TODOKE_DATADIR"/forms/*.form "$TODOKE_DATADIR"/forms/documents "$tmp/ndata/forms/"
cp "$TODOKE_DATADIR"/forms/notice/*.notice "$tmp/ndata/forms/notice/"
sed 's/{notice.cause}/{notice.caus}/' "$TODOKE_DATADIR/forms/notice/common.notice" > "$tmp/ndata/forms/notice/common.notice"
expect notice-bad-template 2 env TODOKE_DATADIR="$tmp/ndata" "$prog" export notice "$notices/skimming.incident" &&
	has notice-bad-template err "forms/notice/common.notice:"
has notice-bad-template err "no question \"notice.caus\" in this incident's forms"
# Forms are parsed when first used (formset_load): a form that does not
# read stops what uses it with its FILE:LINE, and `todoke forms`, which
# reads them all; what uses only other forms is not stopped by it.
mkdir -p "$tmp/fdata/forms"
cp "$TODOKE_DATADIR"/forms/*.form "$TODOKE_DATADIR"/forms/documents "$tmp/fdata/forms/"
printf '|{text}\n' >> "$tmp/fdata/forms/notice-1.form"
fbad="$tmp/fdata/forms/notice-1.form:$(wc -l < "$tmp/fdata/forms/notice-1.form"):"
expect form-bad-forms 2 env TODOKE_DATADIR="$tmp/fdata" "$prog" forms &&
	has form-bad-forms err "$fbad"
expect form-bad-unused 0 env TODOKE_DATADIR="$tmp/fdata" "$prog" export ipa "$golden/example.incident"
same form-bad-unused out "$golden/example.expected"
expect form-bad-used 2 env TODOKE_DATADIR="$tmp/fdata" "$prog" check "$notices/skimming.incident" &&
	has form-bad-used err "skimming.incident:$(grep -n '^form: notice 1$' "$notices/skimming.incident" | cut -d: -f1): $fbad"
# Its id and version are those of its name, ID-VERSION.form.
cp "$TODOKE_DATADIR/forms/notice-1.form" "$tmp/fdata/forms/notice-1.form"
sed -i 's/^version    1$/version    2/' "$tmp/fdata/forms/notice-1.form"
expect form-misnamed 2 env TODOKE_DATADIR="$tmp/fdata" "$prog" forms &&
	has form-misnamed err "forms/notice-1.form: declares form notice version 2: its file must be named notice-2.form"
mv "$tmp/fdata/forms/notice-1.form" "$tmp/fdata/forms/notice.form"
expect form-noversion 2 env TODOKE_DATADIR="$tmp/fdata" "$prog" export ipa "$golden/example.incident" &&
	has form-noversion err "forms/notice.form: a form file is named ID-VERSION.form"
# One's own wording: a file in $TODOKE_HOME/notice (~/.config/todoke/notice)
# replaces the installed one of its name; including its own name adds to
# the installed file.  $TODOKE_NOTICE_DIR names a company's folder instead.
mkdir -p "$tmp/home/notice"
printf 'todoke-notice 1\ninclude common.notice\nset items.lead 次の情報が含まれます。\n' \
	> "$tmp/home/notice/common.notice"
expect notice-own 0 env -u TODOKE_NOTICE_DIR TODOKE_HOME="$tmp/home" "$prog" export notice "$notices/skimming.incident" &&
	has notice-own out "　次の情報が含まれます。"
grep -qF "漏えいした可能性のある情報は、次のとおりです。" out && { bad "notice-own: installed phrase kept"; } || ok
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
printf 'todoke-notice 1\ntype skimming\nblock x\n|{if text notice.site}x{end}\nend\norder x\n' > "$tmp/home/notice/skimming.notice"
expect notice-own-text-cond 2 env -u TODOKE_NOTICE_DIR TODOKE_HOME="$tmp/home" "$prog" export notice "$notices/skimming.incident" &&
	has notice-own-text-cond err "home/notice/skimming.notice:4: \"notice.site\" is not a checkbox"
expect notice-format 2 "$prog" export ipa ex.incident --format=html &&
	has notice-format err "--format=html: the ipa document is plain text (HTML: notice, police)"
expect notice-format-bad 2 "$prog" export notice nocause.incident --format=pdf

# The registry's documents: `forms` lists what `export` takes; a document
# whose questions the incident lacks, or that does not apply, is said so.
letters="$golden/.."
expect forms-docs 0 "$prog" forms &&
	has forms-docs out "export	ipa	ipa-access	text	コンピュータ不正アクセス届出様式" &&
	has forms-docs out "export	entrustor	entrustor-notice	text	委託元への通知" &&
	has forms-docs out "export	police	police-memo	text,html	警察への相談メモ"
expect export-unknown-lists 2 "$prog" export frob ex.incident &&
	has export-unknown-lists err "(known: ipa, ppc, notice, entrustor, police)"
expect entrustor-text 0 "$prog" export entrustor "$letters/entrustor/intrusion.incident" -o ent.txt &&
	same entrustor-text ent.txt "$letters/entrustor/intrusion.txt" && mode_is entrustor-text ent.txt 600
expect entrustor-html 2 "$prog" export entrustor "$letters/entrustor/intrusion.incident" --format=html &&
	has entrustor-html err "the entrustor document is plain text"
# Not a 委託先 (yet): the form is not there, and the answer says why.
expect entrustor-absent 2 "$prog" export entrustor "$letters/notice/intrusion.incident" &&
	has entrustor-absent err "this incident has no 委託元への通知 (form: entrustor-notice)"
sed 's/^ppc.onbehalf: yes$/ppc.onbehalf: no/' "$letters/entrustor/intrusion.incident" > own.incident
expect entrustor-not-due 0 "$prog" export entrustor own.incident &&
	has entrustor-not-due err "own.incident: note: 委託元への通知 does not apply to this incident: 委託元から預かった個人データか is answered 「自社の個人データ」"
# The letter as an e-mail to the 委託元, from the 委託先's contact.
expect entrustor-eml 0 env TODOKE_NOW=1666839600 "$prog" export entrustor "$letters/entrustor/intrusion.incident" --eml &&
	has entrustor-eml out "To: joho-sys@hikari-fudosan.example.jp" &&
	has entrustor-eml out "From: info-sys@hikari-system.example.jp"
expect police-both 0 "$prog" export police "$letters/police/ransomware.incident" -o pol.txt &&
	same police-text pol.txt "$letters/police/ransomware.txt"
expect police-html 0 "$prog" export police "$letters/police/ransomware.incident" --format=html -o pol.html &&
	same police-html pol.html "$letters/police/ransomware.html"
# Police not among those reported to: a note, the memo still written.
sed 's/^reported.police: \[x\]$/reported.police: [ ]/' "$letters/police/ransomware.incident" > nopolice.incident
expect police-not-due 0 "$prog" export police nopolice.incident &&
	has police-not-due err "note: 警察への相談メモ does not apply to this incident: 警察 is not ticked"
# check writes every letter that applies: a complete incident has nothing
# to say, a letter whose wording names an unknown question is an error.
expect check-letters 0 env TODOKE_TODAY=2024-12-01 "$prog" check "$letters/police/ransomware.incident"
mkdir -p badpolice
printf 'todoke-notice 1\ntype police\nblock x\n|{nosuch}\nend\norder x\n' > badpolice/police.notice
expect check-bad-letter 1 env TODOKE_TODAY=2024-12-01 TODOKE_NOTICE_DIR="$tmp/badpolice" "$prog" check "$letters/police/ransomware.incident" &&
	has check-bad-letter out "error: 警察への相談メモ cannot be written: " &&
	has check-bad-letter out "badpolice/police.notice:4: no question \"nosuch\""

finish cli
