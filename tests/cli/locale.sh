#!/bin/sh
# todoke under the locales people have: none at all (env -i: cron, su -, a
# fresh ssh login), LC_ALL=C, a UTF-8 locale not installed, and real
# non-UTF-8 locales (ja_JP.eucJP, ja_JP.SJIS, generated privately with
# localedef into a temporary LOCPATH when the system has localedef and its
# sources).  Documents are the same bytes as under C.UTF-8; messages keep
# their Japanese labels; LANGUAGE chooses the language when nobody chose C;
# under a non-UTF-8 locale messages come in its codeset and the wizard
# refuses with status 3.
# Usage: tests/cli/locale.sh PATH-TO-TODOKE
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
golden="$here/golden"
. "$(dirname "$0")/../lib.sh"
cd "$tmp" || exit 1
# This script's own tools (grep, sed, iconv) on UTF-8; todoke gets its
# locale from clean() alone.
export LC_ALL=C.UTF-8
unset LANGUAGE

# clean [VAR=VALUE]... COMMAND...: with nothing of the caller's environment
# but what todoke's tests need.
clean() {
	env -i PATH="$PATH" HOME="$tmp" TODOKE_DATADIR="${TODOKE_DATADIR:-}" \
		TODOKE_LOCALEDIR="${TODOKE_LOCALEDIR:-}" TODOKE_NOTICE_DIR="${TODOKE_NOTICE_DIR:-}" \
		TODOKE_NOW=1666839600 TODOKE_TODAY=2023-01-05 "$@"
}

# The documents of every golden incident, and the same in CP932 and as an
# e-mail draft, into folder $1 (under the locale of the rest of the args).
documents() {
	d=$1; shift
	mkdir -p "$d"
	for f in "$golden"/ipa/*.incident; do
		n=$(basename "$f" .incident)
		clean "$@" "$prog" export ipa "$f" >"$d/ipa-$n" 2>&1
	done
	for f in "$golden"/ppc/*.incident; do
		n=$(basename "$f" .incident)
		clean "$@" "$prog" export ppc "$f" >"$d/ppc-$n" 2>&1
	done
	for f in "$golden"/notice/*.incident; do
		n=$(basename "$f" .incident)
		clean "$@" "$prog" export notice "$f" >"$d/notice-$n.txt" 2>&1
		clean "$@" "$prog" export notice "$f" --format=html >"$d/notice-$n.html" 2>&1
	done
	clean "$@" "$prog" export ipa "$golden/ipa/example.incident" -e cp932 --crlf -o "$d/cp932" >/dev/null 2>&1
	clean "$@" "$prog" export ipa "$golden/ipa/example.incident" -e euc-jp -o "$d/euc-jp" >/dev/null 2>&1
	# The Date header is the mail's own business (in the C locale).
	clean "$@" "$prog" export ipa "$golden/ipa/example.incident" --eml -o "$d/eml" >/dev/null 2>&1 &&
		grep -v '^Date: ' "$d/eml" >"$d/eml-no-date"
}
# same_documents NAME DIR: DIR holds the goldens and the reference run's files.
same_documents() {
	for f in "$golden"/ipa/*.incident; do
		n=$(basename "$f" .incident)
		same "$1 export ipa $n" "$2/ipa-$n" "$golden/ipa/$n.expected"
	done
	for f in "$golden"/ppc/*.incident; do
		n=$(basename "$f" .incident)
		same "$1 export ppc $n" "$2/ppc-$n" "$golden/ppc/$n.expected"
	done
	for f in "$golden"/notice/*.incident; do
		n=$(basename "$f" .incident)
		same "$1 export notice $n" "$2/notice-$n.txt" "$golden/notice/$n.txt"
		same "$1 export notice $n --format=html" "$2/notice-$n.html" "$golden/notice/$n.html"
	done
	for f in cp932 euc-jp eml-no-date; do
		same "$1 $f" "$2/$f" ref/$f
	done
}

documents ref LC_ALL=C.UTF-8
# The reference itself is what the goldens say (decoded independently).
iconv -f CP932 -t UTF-8 ref/cp932 | tr -d '\r' >cp932.utf8
same "C.UTF-8 cp932" cp932.utf8 "$golden/ipa/example.expected"
iconv -f EUC-JP -t UTF-8 ref/euc-jp >euc.utf8
same "C.UTF-8 euc-jp" euc.utf8 "$golden/ipa/example.expected"

# What cannot be written is listed with its own field only: under C the
# characters printed as 「」 and every field was named.
enc_listing() { # NAME VAR=VALUE...
	name=$1; shift
	expect "$name enc-refused" 1 clean "$@" "$prog" export ipa "$golden/ipa/partial.incident" \
		--encoding=iso-2022-jp -o enc.txt &&
		has_line "$name enc-refused" err "  line 5, column 17: 「髙」 (U+9AD9) in (届出者) › 企業・組織名 — --substitute writes 「高」" &&
		has_line "$name enc-refused" err "  line 39, column 15: 「😀」 (U+1F600) in 2-2)被害を受けた機器の設置環境 › その他"
	if [ -e enc.txt ]; then bad "$name: enc.txt written"; rm -f enc.txt; else ok; fi
}
check_messages() { # NAME VAR=VALUE...
	name=$1; shift
	expect "$name check" 1 clean "$@" "$prog" check "$golden/ipa/partial.incident" &&
		has_line "$name check" out "$golden/ipa/partial.incident:28: error: 4-2)被害の種別 › その他: ticked, but 4-1)被害の有無 is 「被害無し(未遂)」"
	expect "$name bad-command" 2 clean "$@" "$prog" frobnicate x &&
		has_line "$name bad-command" err "todoke: unknown command \"frobnicate\""
}

# No locale at all, and C or POSIX named: the same bytes, readable messages.
for l in "" LC_ALL=C LC_ALL=POSIX LANG=C LC_CTYPE=C; do
	run=${l:-env-i}
	# $l is one assignment or nothing: split on purpose.
	# shellcheck disable=SC2086
	documents "$run" $l
	same_documents "$run" "$run"
	# shellcheck disable=SC2086
	enc_listing "$run" $l
	# shellcheck disable=SC2086
	check_messages "$run" $l
done

# The language: LANGUAGE chooses when nothing else is set (gettext alone
# would ignore it under C); a C that is named keeps English.
expect language-unset 2 clean LANGUAGE=ja "$prog" frobnicate x &&
	has_line language-unset err "todoke: 不明なコマンド「frobnicate」です"
expect language-lc-ctype-c 2 clean LANGUAGE=ja LC_CTYPE=C "$prog" frobnicate x &&
	has_line language-lc-ctype-c err "todoke: 不明なコマンド「frobnicate」です"
expect language-lc-all-c 2 clean LANGUAGE=ja LC_ALL=C "$prog" frobnicate x &&
	has_line language-lc-all-c err "todoke: unknown command \"frobnicate\""
expect language-check 1 clean LANGUAGE=ja "$prog" check "$golden/ipa/partial.incident" &&
	has_line language-check out "$golden/ipa/partial.incident:28: エラー: 4-2)被害の種別 › その他: チェックされていますが、4-1)被害の有無 は「被害無し(未遂)」です"

# LANG=ja_JP.UTF-8 where that locale is not installed (an empty LOCPATH
# hides the system's archive; C.UTF-8 stays, as a directory): C.UTF-8
# characters, Japanese messages.
mkdir empty
if [ "$(LOCPATH="$tmp/empty" LC_ALL=C.UTF-8 locale charmap 2>/dev/null)" = UTF-8 ] &&
   [ "$(LOCPATH="$tmp/empty" LC_ALL=ja_JP.UTF-8 locale charmap 2>/dev/null)" != UTF-8 ]; then
	expect missing-locale 1 clean LOCPATH="$tmp/empty" LANG=ja_JP.UTF-8 "$prog" check "$golden/ipa/partial.incident" &&
		has_line missing-locale out "$golden/ipa/partial.incident:28: エラー: 4-2)被害の種別 › その他: チェックされていますが、4-1)被害の有無 は「被害無し(未遂)」です"
	documents missing LOCPATH="$tmp/empty" LANG=ja_JP.UTF-8
	same_documents missing missing
else
	echo "note: C.UTF-8 is not a locale directory here: the missing-locale test is skipped"
fi

# Real non-UTF-8 locales, generated privately (nothing on the system changes).
mkdir loc
for l in ja_JP.eucJP:EUC-JP ja_JP.SJIS:SHIFT_JIS; do
	loc=${l%%:*} cs=${l#*:}
	# localedef warns (status 1) that SHIFT_JIS is not ASCII-compatible.
	localedef -i ja_JP -f "$cs" "loc/$loc" >/dev/null 2>&1
	if [ "$(LOCPATH="$tmp/loc" LC_ALL=$loc locale charmap 2>/dev/null)" != "$cs" ]; then
		echo "note: cannot generate $loc (localedef and /usr/share/i18n of the locales package): its tests are skipped"
		continue
	fi
	L="LOCPATH=$tmp/loc LANG=$loc"
	# $L is a list of assignments without spaces: split on purpose.
	# shellcheck disable=SC2086
	{
	# The wizard says, in the locale's codeset, that it needs UTF-8.
	expect "$loc wizard" 3 clean $L TERM=xterm "$prog" </dev/null
	iconv -f "$cs" -t UTF-8 err >err.utf8 &&
		has_line "$loc wizard" err.utf8 "todoke: ウィザードには UTF-8 の端末が必要ですが、ここのロケールは $loc ($cs) です。端末を UTF-8 にし、UTF-8 のロケールで起動してください。例: LANG=ja_JP.UTF-8 todoke。export、check、deadlines はこのロケールのままで使えます。"
	expect "$loc wizard-en" 3 clean $L LC_MESSAGES=C "$prog" "$tmp/x.incident"
	grep -qF "the wizard needs a UTF-8 terminal, and the locale here is $loc ($cs)" err && ok ||
		bad "$loc wizard-en: $(cat err)"
	[ ! -e x.incident ] && ok || bad "$loc: the refused wizard created x.incident"
	# Documents: their own bytes, never converted.
	documents "$loc" $L
	same_documents "$loc" "$loc"
	# check's report and the messages: in the codeset, what it lacks
	# transliterated (› as >) or named.
	expect "$loc check" 1 clean $L "$prog" check "$golden/ipa/partial.incident"
	# The same as iconv(1) makes of the UTF-8 report.
	clean LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$prog" check "$golden/ipa/partial.incident" 2>/dev/null |
		iconv -f UTF-8 -t "$cs//TRANSLIT" >check.want
	same "$loc check" out check.want
	grep -qF "$(printf '4-2)被害の種別 > その他' | iconv -t "$cs")" out && ok || bad "$loc check: no 被害の種別 > その他"
	expect "$loc enc-refused" 1 clean $L "$prog" export ipa "$golden/ipa/partial.incident" \
		--encoding=iso-2022-jp -o enc.txt
	iconv -f "$cs" -t UTF-8 err >err.utf8 &&
		has_line "$loc enc-refused" err.utf8 "  39 行 15 列: 「<U+1F600>」 (U+1F600) 回答: 2-2)被害を受けた機器の設置環境 > その他"
	expect "$loc deadlines" 0 clean $L "$prog" --today=2022-10-27 deadlines "$golden/ppc/prelim.incident"
	clean LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$prog" --today=2022-10-27 deadlines "$golden/ppc/prelim.incident" |
		iconv -f UTF-8 -t "$cs//TRANSLIT" >dl.want
	same "$loc deadlines" out dl.want
	expect "$loc help" 0 clean $L "$prog" --help
	iconv -f "$cs" -t UTF-8 out >help.utf8 && grep -qF "コンピュータ不正" help.utf8 && ok ||
		bad "$loc --help not in $cs"
	}
done

finish locale
