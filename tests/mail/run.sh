#!/bin/sh
# E-mail drafts (export --eml) read back by a real parser, Python's email
# package: headers, decoded body, attachments.  Usage: tests/mail/run.sh TODOKE
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
export TODOKE_NOW=1666839600
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# check_mail FILE PYTHON-ASSERTIONS: m is the parsed message, parts its parts.
check_mail() {
	if python3 - "$1" "$here" <<PY
import email, email.policy, sys
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
parts = list(m.iter_parts()) if m.is_multipart() else [m]
body = parts[0].get_content().replace('\r\n', '\n')
golden = sys.argv[2] + '/golden'
assert not m.defects and not any(p.defects for p in parts), (m.defects, [p.defects for p in parts])
assert all(len(l) <= 998 for l in open(sys.argv[1], 'rb').read().split(b'\r\n'))
$2
PY
	then ok; else bad "$1: $2"; fi
}

sed 's/^reporter.email: .*/reporter.email: taro@example.jp/' "$here/golden/ipa/example.incident" > ex.incident
printf 'PNG\0\001\377' > 構成図.png
"$prog" export ipa ex.incident > ex.txt
"$prog" export ipa ex.incident --eml --attach 構成図.png -o ipa.eml 2>err && ok || { bad "export --eml"; cat err; }
[ "$(stat -c %a ipa.eml)" = 600 ] && ok || bad "eml not 0600"
check_mail ipa.eml "
assert m['To'] == 'crack@ipa.go.jp', m['To']
assert m['From'] == 'taro@example.jp', m['From']
assert str(m['Subject']) == 'コンピュータ不正アクセス届出様式((株)○○商店)', m['Subject']
assert m['Date'] == 'Thu, 27 Oct 2022 03:00:00 +0000' or m['Date'].datetime.timestamp() == 1666839600
assert m['MIME-Version'] == '1.0'
assert parts[0].get_content_type() == 'text/plain'
assert parts[0].get_content_charset() == 'iso-2022-jp'
assert parts[0]['Content-Transfer-Encoding'] == '7bit'
assert all(b < 0x80 for b in open(sys.argv[1], 'rb').read())
assert body == open('ex.txt', encoding='utf-8').read()
assert parts[1].get_filename() == '構成図.png', parts[1].get_filename()
assert parts[1].get_content() == b'PNG\x00\x01\xff'
"

"$prog" export ipa ex.incident --eml --encoding=utf-8 -o utf8.eml 2>err && ok || { bad "--eml utf-8"; cat err; }
check_mail utf8.eml "
assert not m.is_multipart()
assert m.get_content_charset() == 'utf-8' and m['Content-Transfer-Encoding'] == 'base64'
assert body == open('ex.txt', encoding='utf-8').read()
"

# The example's own E-Mail (△△△@××…) is no address: From is left empty, said so.
"$prog" export ipa "$here/golden/ipa/example.incident" --eml -o plain.eml 2>err && ok || bad "--eml example"
grep -qF 'From: left empty' err && ok || bad "no note about From"
check_mail plain.eml "
assert m['From'] == '', m['From']
assert body == open(golden + '/ipa/example.expected', encoding='utf-8').read()
"

# Characters ISO-2022-JP lacks: listed, nothing written, unless substituted.
sed -e 's/ 😀//' "$here/golden/ipa/partial.incident" > p.incident
"$prog" export ipa p.incident --eml -o p.eml 2>err; [ $? -eq 1 ] && ok || bad "unconvertible --eml not refused"
grep -qF '「髙」 (U+9AD9) in (届出者) › 企業・組織名' err && ok || { bad "no list"; cat err; }
[ ! -e p.eml ] && ok || bad "p.eml written"
"$prog" export ipa p.incident --eml --substitute -o p.eml 2>err && ok || { bad "--substitute"; cat err; }
check_mail p.eml "
assert '企業・組織名:株式会社サンプル(株)高崎' in body, body[:300]
assert m['From'] == '', m['From']
"
"$prog" export ipa ex.incident --eml --attach nothere.png -o x.eml 2>err; [ $? -eq 2 ] && ok || bad "missing attachment"
grep -qF 'nothere.png' err && ok || bad "attachment not named"
echo "mail: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
