#!/bin/sh
# Golden files through the real command line, for every document of the
# registry (see the loop), and example.expected must be IPA's reference
# text when shared/ is there.
# Usage: tests/golden/run.sh PATH-TO-TODOKE
# After a deliberate change of the notice wording, regenerate and reread:
#   for f in tests/golden/notice/*.incident; do n=${f%.incident}
#     ./todoke export notice "$f" >"$n.txt"
#     ./todoke export notice "$f" --format=html >"$n.html"; done
# (the same for the letters: entrustor, police).
set -u
# A fixed locale, whatever the caller's (LANG=ja_JP.UTF-8, LANGUAGE=ja, C):
# todoke's messages in English, grep, sort and Python on UTF-8.
# tests/cli/locale.sh runs todoke under the callers' locales.
export LC_ALL=C.UTF-8 PYTHONUTF8=1
unset LANGUAGE
prog=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$(dirname "$0")/../lib.sh"


# One loop over the registry's documents (`todoke forms`: export ID FORM
# FORMATS TITLE): tests/golden/ID/NAME.incident exports to NAME.expected
# (or NAME.txt) byte for byte, and with --format=html to NAME.html where
# the document offers HTML.  A new document's goldens are a folder here.
docs=$("$prog" forms | awk -F'\t' '$1 == "export" { print $2 ":" $4 }')
[ -n "$docs" ] || bad "todoke forms lists no documents"
for doc in $docs; do
	id=${doc%%:*} formats=${doc#*:}
	[ -d "$here/$id" ] || { bad "no golden files for the document $id (tests/golden/$id)"; continue; }
	for inc in "$here/$id"/*.incident; do
		name=$(basename "$inc" .incident)
		for fmt in txt html; do
			want="$here/$id/$name.$fmt"
			[ "$fmt" = txt ] && [ -f "$here/$id/$name.expected" ] && want="$here/$id/$name.expected"
			set -- export "$id" "$inc"
			if [ "$fmt" = html ]; then
				case $formats in *html*) ;; *) continue ;; esac
				set -- "$@" --format=html
			fi
			got="$tmp/$id-$name.$fmt"
			if "$prog" "$@" >"$got" 2>"$tmp/err" && cmp -s "$got" "$want"; then
				ok
			else
				bad "export $id $name ($fmt)"; cat "$tmp/err"
				diff "$want" "$got" | head -20
			fi
		done
		# The letters' incidents are complete: nothing missing or inconsistent.
		if grep -qx "$id" "$here/checked"; then
			if out=$(TODOKE_TODAY=2024-12-01 "$prog" check "$inc" 2>&1); then ok
			else bad "check $id/$name: $out"; fi
		fi
	done
done
# notice_has FILE TEXT / notice_hasnt FILE TEXT: a fixed string is (not) in the export.
notice_has() { if grep -qF -- "$2" "$tmp/notice-$1"; then ok; else bad "$1 lacks: $2"; fi; }
notice_hasnt() { if grep -qiF -- "$2" "$tmp/notice-$1"; then bad "$1 has: $2"; else ok; fi; }
# Published 80 days after the discovery, with the reason; 11 days after.
notice_has skimming.txt '公表が遅れた経緯について'
notice_has skimming.txt '本件の公表までにお時間をいただきましたこと'
notice_hasnt takeover.txt '公表が遅れた'
notice_has skimming.txt '再発防止策ならびに「さくら堂オンラインショップ」の再開について'
notice_has intrusion.html 'お問い合わせフォームをご利用になったお客様は、最大8,520名です。'
notice_has intrusion.txt '(最大9,566名分)'
notice_has takeover.txt '当社' && notice_has takeover.txt 'お客さま' && notice_hasnt takeover.txt 'お客様'
notice_has skimming.txt '弊社' && notice_hasnt skimming.txt '当社'
# The shown boxes only: a missent notice asks to delete the mail.
notice_has missent.txt '当該メールを削除していただきますよう'
notice_hasnt missent.txt '公的機関への報告'
# Documents are in NFC: the answer's Cafe + U+0301 is written Café.
notice_has other.txt 'ﾌﾘｶﾞﾅ' && notice_has other.txt '🔔' && notice_has other.txt 'Café' && notice_hasnt other.txt "$(printf 'Cafe\314\201')"

# Escaping: markup in the answers is text in the HTML, and stays as typed
# in the plain text.
notice_hasnt escape.html '<script'
notice_hasnt escape.html '<img'
notice_has escape.html '&lt;script&gt;alert(1)&lt;/script&gt;'
notice_has escape.html '&amp;amp;'
notice_has escape.html 'Tom &amp; Jerry&#39;s &quot;Shop&quot;'
notice_has escape.html '&quot;VIP&quot; &amp; &#39;Gold&#39;'
notice_has escape.html '<li>A&amp;amp;B</li>'
notice_has escape.html "<li>&lt;/li&gt;&lt;/ul&gt;&lt;script&gt;"
notice_has escape.txt '<script>alert(1)</script>'
notice_has escape.txt "Tom & Jerry's \"Shop\" <script>alert(1)</script> &amp;"
notice_has escape.txt '・A&amp;B'
notice_has escape.txt '<script>alert("窓口")</script> &'
notice_hasnt escape.txt '&lt;script'
notice_hasnt escape.txt '&quot;'
notice_hasnt escape.txt '&#39;'

# A box's ( ) text is carried when given (`text` conditions): the logs'
# 機器・期間, else only their time zone.
sed 's/^police.ev.logs: .*/police.ev.logs: [x]/' "$here/police/evidence.incident" > "$tmp/nolog.incident"
"$prog" export police "$tmp/nolog.incident" > "$tmp/notice-nolog.txt" 2>&1
notice_has nolog.txt '・ログ(時刻の基準:機器によって異なる)'
notice_hasnt nolog.txt '・ログ:'
notice_has nolog.txt '・その他の証拠:受付用パソコンの画面の写真'

ref="$here/../../../shared/reference/ipa-access-form-v3.5-example.txt"
if [ -f "$ref" ]; then
	if cmp -s "$ref" "$here/ipa/example.expected"; then ok
	else bad "tests/golden/ipa/example.expected differs from $ref"; fi
	# The flat text (line breaks as spaces) is what IPA received.
	flat="$here/../../../shared/reference/ipa-access-form-v3.5-example.flat.txt"
	if [ "$(sed -e '$!s/$/ /' "$tmp/ipa-example.txt" | tr -d '\n')" = "$(cat "$flat")" ]; then ok
	else bad "example export does not flatten to $flat"; fi
else
	echo "note: $ref not found; compared with the committed copy only"
fi

finish golden
