#!/bin/sh
# todoke submit, submissions, diff and history from the command line: a
# PPC 速報 submitted, answers changed, what changed since, who changed it,
# the 確報 after it; the history as git sees it; modes; bad input named.
# Usage: tests/cli/followups.sh PATH-TO-TODOKE
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
golden=$(cd "$(dirname "$0")/../golden" && pwd)
. "$(dirname "$0")/../lib.sh"
cd "$tmp" || exit 1
export TODOKE_HOME="$tmp/home" TODOKE_TODAY=2022-10-27
mkdir -p home store

lines_are() {
	n=$(grep -c -- "$3" "$2")
	if [ "$n" = "$4" ]; then ok
	else bad "$1: $n lines with \"$3\", want $4"; sed 's/^/  /' "$2" | head -20; fi
}
profile() { printf 'todoke-profile 1\nuser.name: %s\n' "$1" > home/profile; }

I=store/shop.incident
cp "$golden/ppc/prelim.incident" "$I"
profile "山田 太郎"
expect none-submitted 0 "$prog" submissions "$I" && has none-submitted out "nothing recorded as submitted"
expect diff-none 0 "$prog" diff "$I" && has diff-none out "nothing recorded as submitted"

# The 速報 as exported now: the bytes kept are exactly those of export.
"$prog" export ppc "$I" --encoding=cp932 > sent.txt
expect submit 0 "$prog" submit ppc "$I" --date 2022-10-26 --encoding=cp932 &&
	has submit out "recorded submission 1: ppc 速報 sent 2022-10-26" &&
	has submit out "the next ppc report is the 確報 (ppc.kind set)"
has prelim-date "$I" "ppc.prelim.date: 2022-10-26"
has kind-final "$I" "ppc.kind: final"
G="git --git-dir=store/.todoke-history"
$G show todoke/shop/1:sent/shop-ppc.txt > kept.txt 2>/dev/null
if cmp -s kept.txt sent.txt; then ok; else bad "the kept 速報 is not what export wrote"; fi
expect submissions 0 "$prog" submissions "$I" &&
	has submissions out "1	2022-10-26	ppc	速報	shop-ppc.txt	recorded by $(id -un) (山田 太郎)"
expect diff-nothing 0 "$prog" diff "$I" && has diff-nothing out "== ppc 速報 (submission 1, sent 2022-10-26)" &&
	has diff-nothing out "nothing changed"

# A second person changes three answers.
profile "鈴木 花子"
sed -e 's/^ppc.certainty: .*/ppc.certainty: actual/' \
    -e 's/^reporter.tel: .*/reporter.tel: 03-1234-5678/' \
    -e 's/^ppc.secondary: .*/ppc.secondary: yes/' "$I" > edited
grep -q '^ppc.certainty:' edited && grep -q '^ppc.secondary:' edited || { bad "the golden incident lacks the answers changed"; }
# As a user saves: through todoke (the check of `new` and the wizard save
# alike), here by submitting nothing but saving: `todoke new` cannot, so
# the file is replaced and the next save records it.
cp edited "$I"
expect diff-three 0 "$prog" diff "$I"
lines_are diff-three out " → " 3
has diff-three out "  reporter.tel ("
has diff-three out "五 二次被害"
has diff-three out "  ppc.certainty (発生したか、そのおそれか): 発生したおそれがある → 発生した"
lacks diff-three out "ppc.kind"
lacks diff-three out "ppc.prelim.date"

# The document as text against what was sent, read back from cp932: the
# title's 報告区分, the 速報's date in two places and the three answers.
expect text-diff 0 "$prog" diff "$I" --document ppc
has text-diff out "--- shop-ppc.txt (ppc 速報)"
has text-diff out "-個人情報保護委員会への漏えい等報告(速報)"
has text-diff out "+個人情報保護委員会への漏えい等報告(確報)"
has text-diff out "+担当者の電話番号: 03-1234-5678"
has text-diff out "-担当者の電話番号: ○○-○○○○-○○○○"
has text-diff out "+速報の提出日: 2022年10月26日"
has text-diff out "提出済み: 2022-10-26"
lines_are text-diff out "^+[^+]" 6
expect text-diff-unknown 2 "$prog" diff "$I" --document frob && has text-diff-unknown err "unknown document"
expect text-diff-none 2 "$prog" diff "$I" --document ipa && has text-diff-none err "no ipa recorded as submitted"

# The 確報: its kind from the report itself, its date recorded.
expect submit-final 0 "$prog" submit ppc "$I" --date 2022-11-20 &&
	has submit-final out "recorded submission 2: ppc 確報 sent 2022-11-20"
has final-date "$I" "ppc.final.date: 2022-11-20"
expect history 0 "$prog" history "$I"
has history out "history begins"
has history out "$(id -un) (鈴木 花子)  reporter.tel: ○○-○○○○-○○○○ → 03-1234-5678"
has history out "$(id -un) (山田 太郎)  ppc.prelim.date: (unanswered) → 2022-10-26"
expect history-one 0 "$prog" history "$I" ppc.final.date
lines_are history-one out "ppc.final.date" 1
expect diff-since 0 "$prog" diff "$I" --since 1 && lines_are diff-since out " → " 3
expect diff-since-tag 0 "$prog" diff "$I" --since todoke/shop/2 && has diff-since-tag out "nothing changed"
expect diff-since-bad 2 "$prog" diff "$I" --since 9 && has diff-since-bad err "no submission \"9\""

# A file given as sent is kept byte for byte; 第1報, then 第2報 for others.
printf 'IPA\r\n\0\377' > mail.eml
expect submit-file 0 "$prog" submit ipa "$I" --file mail.eml && has submit-file out "ipa 第1報 sent 2022-10-27"
$G show todoke/shop/3:sent/mail.eml > kept.eml
if cmp -s kept.eml mail.eml; then ok; else bad "the file sent is not kept exactly"; fi
expect submit-second 0 "$prog" submit ipa "$I" --file mail.eml --date 2022-11-21 && has submit-second out "ipa 第2報"
expect submit-kind 0 "$prog" submit notice "$I" --file mail.eml --kind 第1報（お知らせ） &&
	has submit-kind out "notice 第1報（お知らせ）"

# Bad input named.
expect submit-unknown 2 "$prog" submit frob "$I" && has submit-unknown err "unknown document"
expect submit-bad-date 2 "$prog" submit ipa "$I" --file mail.eml --date 2022-02-30 && has submit-bad-date err "--date"
expect submit-no-file 2 "$prog" submit ipa "$I" --file nothere && has submit-no-file err "nothere"
expect submit-usage 2 "$prog" submit ppc && has submit-usage err "usage: submit"
expect history-usage 2 "$prog" history && has history-usage err "usage: history"
expect history-missing 2 "$prog" history nothere.incident && has history-missing err "nothere.incident: cannot open"
expect diff-missing 2 "$prog" diff nothere.incident && has diff-missing err "nothere.incident: cannot open"

# Git reads it as it is: the branch holds only the incident, nothing is
# left uncommitted, and every file of the history is private.
$G ls-tree --name-only main > tree 2>&1
has git-tree tree "shop.incident"
lines_are git-tree tree "." 1
(cd store && git --git-dir=.todoke-history status --porcelain) > status 2>&1
if [ -s status ]; then bad "git status not clean:"; cat status; else ok; fi
$G log --format='%an <%ae>' main > authors
has git-authors authors "鈴木 花子 <$(id -un)>"
loose=$(find store/.todoke-history \( -type f -perm /077 \) -o \( -type d -perm /077 \) | head -3)
if [ -z "$loose" ]; then ok; else bad "not private: $loose"; fi
[ ! -e store/.git ] && ok || { bad "a .git in the store"; }

# Shared as the README says, through a bare repository (a folder here):
# the clone sees the submissions, its change comes back with its author.
(
	umask 077
	git init -q --bare --shared=0660 -b main srv.git
	cd store && git --git-dir=.todoke-history remote add origin "$tmp/srv.git" &&
		git --git-dir=.todoke-history push -q --tags origin main
) >/dev/null 2>&1
(
	umask 077
	mkdir other && cd other &&
		git clone -q -b main --separate-git-dir=incidents/.todoke-history "$tmp/srv.git" incidents &&
		rm incidents/.git && git --git-dir=incidents/.todoke-history config core.worktree ..
) >/dev/null 2>&1
expect clone-submissions 0 "$prog" submissions other/incidents/shop.incident &&
	lines_are clone-submissions out "recorded by" 5
profile "佐藤 一郎"
sed -i 's/^reporter.tel: .*/reporter.tel: 03-0000-0000/' other/incidents/shop.incident
expect clone-submit 0 "$prog" submit notice other/incidents/shop.incident --file mail.eml &&
	has clone-submit out "recorded submission 6"
(cd other/incidents && git --git-dir=.todoke-history push -q --tags origin main) >/dev/null 2>&1
(cd store && umask 077 && git --git-dir=.todoke-history pull -q --tags --ff-only origin main) >pull.log 2>&1 || cat pull.log
expect pulled-history 0 "$prog" history "$I" reporter.tel &&
	has pulled-history out "(佐藤 一郎)  reporter.tel: 03-1234-5678 → 03-0000-0000"
expect pulled-submissions 0 "$prog" submissions "$I" && lines_are pulled-submissions out "recorded by" 6
mode_is pulled-mode "$I" 600

# A follow-up whose history cannot be read is refused, said, never
# written as a first report (the objects of a copy of the store gone).
mkdir broken && cp "$I" broken/shop.incident && cp -a store/.todoke-history broken/
find broken/.todoke-history/objects -type f -delete
expect broken-changes 2 "$prog" export ppc broken/shop.incident --changes &&
	has broken-changes err "cannot be"
expect broken-ipa-eml 2 "$prog" export ipa broken/shop.incident --eml &&
	has broken-ipa-eml err "cannot be"

# An incident without history: diff, history and submissions say so.
cp "$golden/ppc/prelim.incident" plain.incident
expect plain-history 0 "$prog" history plain.incident && has plain-history out "no recorded change"
[ ! -e .todoke-history ] && ok || { bad "reading made a history"; }

finish followups
