#!/bin/bash
# The bash completion offers commands, documents (those of the registry,
# from `todoke forms`), encodings and incidents.
# Usage: tests/completion.sh PATH-TO-TODOKE
set -u
# A fixed locale, whatever the caller's (LANG=ja_JP.UTF-8, LANGUAGE=ja, C):
# todoke's messages in English, grep, sort and Python on UTF-8.
# tests/cli/locale.sh runs todoke under the callers' locales.
export LC_ALL=C.UTF-8 PYTHONUTF8=1
unset LANGUAGE
here=$(cd "$(dirname "$0")/.." && pwd)
prog=${1:-$here/build/todoke}
case $prog in /*) ;; *) prog=$here/$prog ;; esac
. "$here/tests/lib.sh"
cd "$tmp" || exit 1
. "$here/completion/todoke.bash"
touch a.incident b.incident notes.txt
# The command as typed is the one asked for the documents.
mkdir bin && ln -s "$prog" bin/todoke && PATH=$tmp/bin:$PATH
want() { # want "WORDS" "EXPECTED"
	local line=$1
	read -ra COMP_WORDS <<<"$line"
	[ "${line: -1}" = " " ] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_todoke
	local got
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
	eq "'$line'" "$got" "$2"
}
want "todoke ex" "export "
want "todoke export " "entrustor ipa notice police ppc "
want "todoke export po" "police "
want "todoke export notice " "a.incident b.incident "
want "todoke export notice a.incident --format " "html text "
want "todoke export notice a.incident --format=h" "--format=html "
want "todoke export notice --format html " "a.incident b.incident "
want "todoke export ipa " "a.incident b.incident "
want "todoke check " "a.incident b.incident "
want "todoke export ipa a.incident --encoding " "cp932 euc-jp iso-2022-jp shift_jis utf-8 "
want "todoke export ipa a.incident --encoding=iso" "--encoding=iso-2022-jp "
want "todoke --ve" "--version "
want "todoke de" "deadlines "
want "todoke su" "submissions submit "
want "todoke submit " "entrustor ipa notice police ppc "
want "todoke submit ppc " "a.incident b.incident "
want "todoke submit ppc a.incident --file " "a.incident b.incident bin notes.txt "
want "todoke diff " "a.incident b.incident "
want "todoke diff a.incident --document " "entrustor ipa notice police ppc "
want "todoke history " "a.incident b.incident "
want "todoke history a.incident " " "
want "todoke --si" "--since "
want "todoke export ppc a.incident --cha" "--changes "
want "todoke wh" "whoami "
want "todoke whoami " "--name "
want "todoke whoami --name " " "
want "todoke --dir " "bin "
finish completion
