#!/bin/sh
# E-mail drafts (export --eml) read back by a real parser, Python's email
# package: headers, decoded body, attachments.  Usage: tests/mail/run.sh TODOKE
set -u
# A fixed locale, whatever the caller's (LANG=ja_JP.UTF-8, LANGUAGE=ja, C):
# todoke's messages in English, grep, sort and Python on UTF-8.
# tests/cli/locale.sh runs todoke under the callers' locales.
export LC_ALL=C.UTF-8 PYTHONUTF8=1
unset LANGUAGE
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
. "$(dirname "$0")/../lib.sh"
cd "$tmp" || exit 1
export TODOKE_NOW=1666839600

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
if "$prog" export ipa ex.incident --eml --attach 構成図.png -o ipa.eml 2>err; then ok; else bad "export --eml"; cat err; fi
if [ "$(stat -c %a ipa.eml)" = 600 ]; then ok; else bad "eml not 0600"; fi
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

if "$prog" export ipa ex.incident --eml --encoding=utf-8 -o utf8.eml 2>err; then ok; else bad "--eml utf-8"; cat err; fi
check_mail utf8.eml "
assert not m.is_multipart()
assert m.get_content_charset() == 'utf-8' and m['Content-Transfer-Encoding'] == 'base64'
assert body == open('ex.txt', encoding='utf-8').read()
"

# The example's own E-Mail (△△△@××…) is no address: From is left empty, said so.
if "$prog" export ipa "$here/golden/ipa/example.incident" --eml -o plain.eml 2>err; then ok; else bad "--eml example"; fi
if grep -qF 'From: left empty' err; then ok; else bad "no note about From"; fi
check_mail plain.eml "
assert m['From'] == '', m['From']
assert body == open(golden + '/ipa/example.expected', encoding='utf-8').read()
"

# Characters ISO-2022-JP lacks: listed, nothing written, unless substituted.
sed -e 's/ 😀//' "$here/golden/ipa/partial.incident" > p.incident
"$prog" export ipa p.incident --eml -o p.eml 2>err; if [ $? -eq 1 ]; then ok; else bad "unconvertible --eml not refused"; fi
if grep -qF '「髙」 (U+9AD9) in (届出者) › 企業・組織名' err; then ok; else bad "no list"; cat err; fi
if [ ! -e p.eml ]; then ok; else bad "p.eml written"; fi
if "$prog" export ipa p.incident --eml --substitute -o p.eml 2>err; then ok; else bad "--substitute"; cat err; fi
check_mail p.eml "
assert '企業・組織名:株式会社サンプル(株)高崎' in body, body[:300]
assert m['From'] == '', m['From']
"
"$prog" export ipa ex.incident --eml --attach nothere.png -o x.eml 2>err; if [ $? -eq 2 ]; then ok; else bad "missing attachment"; fi
if grep -qF 'nothere.png' err; then ok; else bad "attachment not named"; fi

# The Date is English whatever the locale (not 「金, 05  4月」), and parses.
LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$prog" export ipa ex.incident --eml -o ja.eml 2>err || { bad "--eml under ja_JP"; cat err; }
check_mail ja.eml "
import email.utils
raw = [l for l in open(sys.argv[1], 'rb').read().split(b'\r\n') if l.startswith(b'Date:')][0]
assert all(b < 0x80 for b in raw), raw
assert email.utils.parsedate_to_datetime(raw[5:].decode().strip()).timestamp() == 1666839600, raw
"
if LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 python3 -c "
import email.utils, sys
l = [l for l in open('ja.eml', 'rb').read().split(b'\r\n') if l.startswith(b'Date:')][0]
sys.exit(email.utils.parsedate_to_datetime(l[5:].decode()).timestamp() != 1666839600)"; then ok
else bad "Date not parsed under LANG=ja_JP.UTF-8"; fi

# The Subject in encoded-words of whole clusters: ｶﾞ, か + U+3099 and an
# emoji ZWJ sequence never cut across two words; the body's --substitute
# rules (ｶﾞ → ガ) apply to it; header lines within 78 characters.
check_words() {
	check_mail "$1" "
import base64, re, unicodedata
raw = open(sys.argv[1], 'rb').read().decode('ascii').split('\r\n\r\n')[0]
lines = raw.split('\r\n')
assert all(len(l) <= 78 for l in lines), [l for l in lines if len(l) > 78]
at = [i for i, l in enumerate(lines) if l.startswith('Subject:')][0]
subj = lines[at]
for l in lines[at + 1:]:
    if not l.startswith(' '):
        break
    subj += l
words = re.findall(r'=\?([^?]+)\?B\?([^?]*)\?=', subj)
assert len(words) > 1, subj
pieces = [base64.b64decode(w).decode(cs) for cs, w in words]
for p in pieces[1:]:
    first = p[0]
    assert not unicodedata.combining(first) and first not in '\u200d\uff9e\uff9f\u3099\u309a\ufe0f', repr(p)
for p in pieces[:-1]:
    assert p[-1] != '\u200d', repr(p)
assert ''.join(pieces) == str(m['Subject']), (pieces, str(m['Subject']))
$2
"
}
long=$(python3 -c "print('あいうえおかきくけこ' * 3)")
sed "s/^reporter.org: .*/reporter.org: 株式ｶﾞｽか$(printf '\343\202\231')${long}ﾊﾟﾝ/" ex.incident > sj.incident
"$prog" export ipa sj.incident --eml -o sj.eml 2>err
if [ $? -eq 1 ] && grep -qF '(U+FF9E)' err && [ ! -e sj.eml ]; then ok; else bad "ｶﾞ in ISO-2022-JP not refused"; cat err; fi
if "$prog" export ipa sj.incident --eml --substitute -o sj.eml 2>err; then ok; else bad "--substitute Subject"; cat err; fi
check_words sj.eml "
assert str(m['Subject']) == 'コンピュータ不正アクセス届出様式(株式ガスが${long}パン)', str(m['Subject'])
assert '株式ガスが${long}パン' in body, body[:400]
"
family=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')
sed "s/^reporter.org: .*/reporter.org: 株式ｶﾞｽか$(printf '\343\202\231')商店商店商店${family}${family}${long}${family}/" ex.incident > u8.incident
if "$prog" export ipa u8.incident --eml --encoding=utf-8 -o u8s.eml 2>err; then ok; else bad "utf-8 Subject"; cat err; fi
check_words u8s.eml "
assert str(m['Subject']) == 'コンピュータ不正アクセス届出様式(株式ｶﾞｽが商店商店商店${family}${family}${long}${family})', str(m['Subject'])
"

# A line over 998 octets in ISO-2022-JP (560 characters: 1,128 octets) is
# not folded: the part goes in base64 and reads back as the document.
python3 -c "print('damage.impact:\n| ' + '漏えいの影響を調査中。' * 56)" > long.txt
sed -e '/^damage.impact:/,/^[a-z]/{/^damage.impact:/d;/^|/d}' ex.incident | sed '/^\[answers\]/r long.txt' > long.incident
"$prog" export ipa long.incident > long.out || bad "export long"
if "$prog" export ipa long.incident --eml -o long.eml 2>err; then ok; else bad "--eml long line"; cat err; fi
check_mail long.eml "
assert parts[0].get_content_charset() == 'iso-2022-jp'
assert parts[0]['Content-Transfer-Encoding'] == 'base64', parts[0]['Content-Transfer-Encoding']
assert body == open('long.out', encoding='utf-8').read()
assert ('漏えいの影響を調査中。' * 56) in body
"
# Short lines stay 7bit (above); UTF-8 is always base64.

# The notice (お詫びとお知らせ) as a draft: To: left to the user (it goes to
# the persons concerned), From: the inquiry window, Subject: the notice's
# title, the body exactly the text export.
notice=$here/golden/notice
title='「さくら堂オンラインショップ」への不正アクセスによる個人情報漏えいに関するお詫びとお知らせ'
"$prog" export notice "$notice/skimming.incident" > notice.txt
if "$prog" export notice "$notice/skimming.incident" --eml -o notice.eml 2>err; then ok
else bad "export notice --eml"; cat err; fi
if [ "$(stat -c %a notice.eml)" = 600 ]; then ok; else bad "notice eml not 0600"; fi
check_mail notice.eml "
import html, re
assert not m['To'], m['To']
assert m['From'] == 'info@sakurado.example.jp', m['From']
assert str(m['Subject']) == '$title', m['Subject']
page = open(golden + '/notice/skimming.html', encoding='utf-8').read()
assert str(m['Subject']) == html.unescape(re.search('<title>(.*)</title>', page).group(1))
assert not m.is_multipart()
assert m.get_content_type() == 'text/plain'
assert m.get_content_charset() == 'iso-2022-jp' and m['Content-Transfer-Encoding'] == '7bit'
assert all(b < 0x80 for b in open(sys.argv[1], 'rb').read())
assert body == open('notice.txt', encoding='utf-8').read()
assert body == open(golden + '/notice/skimming.txt', encoding='utf-8').read()
"
# Its long title: encoded-words of whole clusters, lines within 78.
check_words notice.eml ""
if "$prog" export notice "$notice/skimming.incident" --eml --encoding=utf-8 -o notice8.eml 2>err; then ok
else bad "export notice --eml --encoding=utf-8"; cat err; fi
check_mail notice8.eml "
assert not m['To'], m['To']
assert str(m['Subject']) == '$title', m['Subject']
assert m.get_content_charset() == 'utf-8' and m['Content-Transfer-Encoding'] == 'base64'
assert body == open('notice.txt', encoding='utf-8').read()
"
# No inquiry address: From: is the reporter's E-Mail.
if "$prog" export notice "$notice/intrusion.incident" --eml -o intrusion.eml 2>err; then ok
else bad "intrusion --eml"; cat err; fi
check_mail intrusion.eml "
assert m['From'] == 'info-sys@hikari-fudosan.example.jp', m['From']
assert body == open(golden + '/notice/intrusion.txt', encoding='utf-8').read()
"
# Markup and quotes in the title and the body: kept as typed.
if "$prog" export notice "$notice/escape.incident" --eml -o escape.eml 2>err; then ok
else bad "escape --eml"; cat err; fi
check_mail escape.eml "
import html, re
page = open(golden + '/notice/escape.html', encoding='utf-8').read()
assert str(m['Subject']) == html.unescape(re.search('<title>(.*)</title>', page).group(1)), m['Subject']
assert str(m['Subject']).startswith('「Tom & Jerry\'s \"Shop\" <script>alert(1)</script> &amp;」'), m['Subject']
assert m['From'] == '', m['From']
assert body == open(golden + '/notice/escape.txt', encoding='utf-8').read()
"
# Emoji and a combining mark: not in ISO-2022-JP, listed, nothing written;
# UTF-8 carries them all.
"$prog" export notice "$notice/other.incident" --eml -o other.eml 2>err
if [ $? -eq 1 ]; then ok; else bad "other --eml (emoji) not refused"; fi
if grep -qF '「🔔」 (U+1F514)' err; then ok; else bad "emoji not listed"; cat err; fi
if [ ! -e other.eml ]; then ok; else bad "other.eml written"; fi
if "$prog" export notice "$notice/other.incident" --eml --encoding=utf-8 -o other8.eml 2>err; then ok
else bad "other --eml --encoding=utf-8"; cat err; fi
check_mail other8.eml "
assert 'Caf\u00e9' in str(m['Subject']) and 'Cafe\u0301' not in str(m['Subject']), m['Subject']
assert body == open(golden + '/notice/other.txt', encoding='utf-8').read()
assert 'ﾌﾘｶﾞﾅ' in body and '🔔' in body
"
# With --substitute, what has no stand-in is listed as for a plain export:
# exit 1, the emoji named, nothing written; ｶﾞ would have become ガ.
"$prog" export notice "$notice/other.incident" --eml --substitute -o sub.eml 2>err
if [ $? -eq 1 ]; then ok; else bad "other --eml --substitute: not exit 1"; fi
if grep -qF '「🔔」 (U+1F514)' err; then ok; else bad "--substitute: emoji not listed"; cat err; fi
if [ ! -e sub.eml ]; then ok; else bad "sub.eml written"; fi
# The HTML page is no mail body.
"$prog" export notice "$notice/skimming.incident" --format=html --eml -o html.eml 2>err
if [ $? -eq 2 ]; then ok; else bad "--format=html --eml not refused with 2"; fi
if grep -qF -- '--format=html' err; then ok; else bad "--format=html --eml: no reason"; cat err; fi
if [ ! -e html.eml ]; then ok; else bad "html.eml written"; fi
finish mail
