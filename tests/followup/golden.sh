#!/bin/sh
# Golden files of the follow-up reports, through the real command line: a
# PPC 速報 and an IPA 第1報 submitted, then the answers of shop-later, and
# the 確報 (with what changed since the 速報 in 九 その他, --changes) and
# the IPA 第2報 e-mail draft (it follows the report of its date and lists
# what is new or changed before the whole form) must equal their golden
# files byte for byte; the e-mail is read back by Python's email package.
# Usage: tests/followup/golden.sh PATH-TO-TODOKE
# After a deliberate change: UPDATE=1 rewrites them (then reread them).
set -u
export LC_ALL=C.UTF-8 PYTHONUTF8=1
unset LANGUAGE
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/../lib.sh"
export TODOKE_HOME="$tmp/home" TODOKE_TODAY=2022-11-20 TODOKE_NOW=1668902400
mkdir -p "$tmp/home" "$tmp/store"
inc="$tmp/store/shop.incident"
cp "$here/shop.incident" "$inc"
"$prog" submit ppc "$inc" --date 2022-10-26 >/dev/null 2>"$tmp/err" || bad "submit ppc: $(cat "$tmp/err")"
"$prog" submit ipa "$inc" --date 2022-10-26 --eml >/dev/null 2>"$tmp/err" || bad "submit ipa: $(cat "$tmp/err")"
# The later answers, with the dates submit recorded.
sed -e 's/^ppc.kind: .*/ppc.kind: final/' -e 's/^\(ppc.report.date: .*\)$/\1\nppc.prelim.date: 2022-10-26/' \
	"$here/shop-later.incident" > "$inc"
grep -q '^ppc.prelim.date: 2022-10-26$' "$inc" && ok || bad "shop-later has no ppc.report.date line"

golden() { # golden NAME FILE
	if [ -n "${UPDATE:-}" ]; then cp "$2" "$here/$1"; fi
	if cmp -s "$2" "$here/$1"; then ok; else bad "$1 differs"; diff "$here/$1" "$2" | head -20; fi
}
"$prog" export ppc "$inc" --changes > "$tmp/kakuho.txt" 2>"$tmp/err" || bad "export ppc: $(cat "$tmp/err")"
golden kakuho.expected "$tmp/kakuho.txt"
"$prog" export ipa "$inc" --eml > "$tmp/ipa-2.eml" 2>"$tmp/err" || bad "export ipa --eml: $(cat "$tmp/err")"
golden ipa-2.eml "$tmp/ipa-2.eml"
# Without --changes the 確報 leaves 九 as answered; an answer of one's own
# is never replaced.
"$prog" export ppc "$inc" > "$tmp/plain.txt"
grep -qF "からの変更点" "$tmp/plain.txt" && bad "九 changed without --changes" || ok
python3 - "$tmp/ipa-2.eml" <<'PY' && ok || bad "the 第2報 e-mail does not read back"
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
assert m['Subject'].startswith('【第2報】コンピュータ不正アクセス届出様式'), m['Subject']
assert m['To'] == 'crack@ipa.go.jp', m['To']
body = m.get_content()
lines = body.splitlines()
assert lines[0] == '2022年10月26日にお送りした届出(第1報)の続報(第2報)です。', lines[0]
assert '・(届出者) TEL: ○○-○○○○-○○○○ → 03-1234-5678' in lines, body[:600]
assert '・5.原因: 現時点で不明。調査完了後に結果を連絡する。 → 決済画面の改ざん(外部からの不正アクセスによる)。' in lines, body[:800]
assert '    侵入経路は調査中。' in lines
i = lines.index('更新した届出様式の全文を以下に記載します。')
assert lines[i + 2] == 'コンピュータ不正アクセス届出様式', lines[i + 2]
PY
# お知らせ(第2報): after the first notice was submitted, its title says
# 第2報, it opens with the first one's date and title, and 「新たに判明した
# 事項」 comes first under 記 with what changed of the facts it carries.
ninc="$tmp/store/notice.incident"
cp "$here/notice.incident" "$ninc"
"$prog" submit notice "$ninc" --date 2024-09-02 >/dev/null 2>"$tmp/err" || bad "submit notice: $(cat "$tmp/err")"
cp "$here/notice-later.incident" "$ninc"
"$prog" export notice "$ninc" > "$tmp/notice-2.txt" 2>"$tmp/err" || bad "export notice: $(cat "$tmp/err")"
golden notice-2.txt "$tmp/notice-2.txt"
"$prog" export notice "$ninc" --format=html > "$tmp/notice-2.html" 2>"$tmp/err" || bad "export notice html"
golden notice-2.html "$tmp/notice-2.html"
grep -qF "お知らせ(第2報)" "$tmp/notice-2.txt" && ok || bad "the title lacks (第2報)"
grep -qF "2024年9月2日にお知らせいたしました" "$tmp/notice-2.txt" && ok || bad "no reference to the first notice"
grep -qxF "1. 新たに判明した事項" "$tmp/notice-2.txt" && ok || bad "新たに判明した事項 is not first"
grep -qxF "・対象ごとの本人の数(人数): 2,500(前回のお知らせでは「2314」)" "$tmp/notice-2.txt" && ok ||
	bad "the count's item"
# Every sentence of it in です・ます: none ends in the plain form.
grep -E "([^ま]した|である|[^とな]だ)。" "$tmp/notice-2.txt" && bad "plain-form sentence" || ok
grep -qF "お知らせの日付" "$tmp/notice-2.txt" && bad "the notice's own date listed as a fact" || ok
# The first notice, before any submission, is not a follow-up.
"$prog" export notice "$here/notice.incident" | grep -qF "第2報" && bad "a first notice says 第2報" || ok

finish followup-golden
