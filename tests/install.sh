#!/bin/sh
# make install into a staging DESTDIR: the installed todoke runs from
# there and finds its forms and the notice's wording; the man pages are
# there; uninstall removes every file it installed and the folders it made
# (the staging tree is empty after), never a folder with others' files.
# Usage: tests/install.sh MAKE [BUILD_DIR]
# BUILD_DIR (build-install by default) is its own per build flavour: objects
# made with the sanitizers must never be linked into a plain build.
set -u
make=${1:-make}
ib=${2:-build-install}
. "$(dirname "$0")/lib.sh"

if $make -s B="$ib" PREFIX=/usr DESTDIR="$tmp/root" install >"$tmp/log" 2>&1; then ok
else bad "make install"; cat "$tmp/log"; fi
here=$(cd "$(dirname "$0")" && pwd)
notices=$(cd "$here/.." && ls forms/notice/*.notice)
# $notices is a list of file names without spaces: split on purpose.
# shellcheck disable=SC2086
for f in usr/bin/todoke usr/share/todoke/forms/ipa-access-3.5.form \
         usr/share/todoke/forms/ppc-report-2024.form \
         usr/share/todoke/forms/notice-1.form \
         usr/share/todoke/forms/documents \
         usr/share/todoke/forms/entrustor-notice-1.form \
         usr/share/todoke/forms/police-memo-1.form \
         usr/share/man/man5/todoke-documents.5 \
         usr/share/todoke/forms/calendar/jp-holidays \
         usr/share/man/man5/todoke-calendar.5 \
         $(printf 'usr/share/todoke/%s ' $notices) \
         usr/share/man/man1/todoke.1 usr/share/man/man5/todoke-incident.5 \
         usr/share/man/man5/todoke-form.5 \
         usr/share/man/man7/todoke-law.7 \
         usr/share/bash-completion/completions/todoke \
         usr/share/locale/ja/LC_MESSAGES/todoke.mo; do
	if [ -f "$tmp/root/$f" ]; then ok; else bad "$f not installed"; fi
done
if [ "$(stat -c %a "$tmp/root/usr/bin/todoke")" = 755 ]; then ok; else bad "binary mode"; fi
# Run from elsewhere, with no TODOKE_DATADIR: it finds its own forms.
out=$(cd / && env -u TODOKE_DATADIR "$tmp/root/usr/bin/todoke" forms 2>&1)
# Every form of the source tree, then every document of its registry.
want=$(cd "$here/.." && ls forms/*.form | sed 's|forms/||; s|\.form$||' | sort)
got=$(printf '%s\n' "$out" | awk -F'\t' '$1 != "export" { print $1 "-" $2 }' | sort)
if [ "$got" = "$want" ]; then ok; else bad "installed todoke forms: $out"; fi
want=$(cd "$here/.." && awk '$1 == "document" { print $2 }' forms/documents)
got=$(printf '%s\n' "$out" | awk -F'\t' '$1 == "export" { print $2 }')
if [ -n "$want" ] && [ "$got" = "$want" ]; then ok; else bad "installed documents: $out"; fi
# Its messages in Japanese from its own catalogue, wherever it was put.
out=$(cd / && env -u TODOKE_DATADIR -u TODOKE_LOCALEDIR -u LANGUAGE LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 \
	"$tmp/root/usr/bin/todoke" frobnicate x 2>&1)
case $out in *"不明なコマンド「frobnicate」"*) ok ;; *) bad "installed todoke not in Japanese: $out" ;; esac
(cd / && env -u TODOKE_DATADIR "$tmp/root/usr/bin/todoke" export ipa "$here/golden/ipa/example.incident") \
	> "$tmp/ex.txt" 2>&1
if cmp -s "$tmp/ex.txt" "$here/golden/ipa/example.expected"; then ok; else bad "installed export differs"; fi
# The notice, worded by the installed forms/notice/*.notice.
for fmt in txt html; do
	set -- export notice "$here/golden/notice/skimming.incident"
	[ "$fmt" = html ] && set -- "$@" --format=html
	(cd / && env -u TODOKE_DATADIR "$tmp/root/usr/bin/todoke" "$@") >"$tmp/notice.$fmt" 2>&1
	if cmp -s "$tmp/notice.$fmt" "$here/golden/notice/skimming.$fmt"; then ok
	else bad "installed export notice ($fmt) differs"; head -5 "$tmp/notice.$fmt"; fi
done
if $make -s B="$ib" PREFIX=/usr DESTDIR="$tmp/root" uninstall >"$tmp/log" 2>&1; then ok
else bad "make uninstall"; cat "$tmp/log"; fi
left=$(find "$tmp/root" -mindepth 1)
if [ -z "$left" ]; then ok; else bad "left after uninstall: $left"; fi
if [ ! -e "$tmp/root/usr/share/todoke" ]; then ok; else bad "usr/share/todoke left after uninstall"; fi
# Folders holding someone else's files stay, with the files.
$make -s B="$ib" PREFIX=/usr DESTDIR="$tmp/root" install >"$tmp/log" 2>&1 || { bad "make install again"; cat "$tmp/log"; }
# $others: names without spaces, split on purpose.
others="usr/bin/other usr/share/man/man1/other.1 usr/share/locale/ja/LC_MESSAGES/other.mo"
for f in $others; do echo x > "$tmp/root/$f"; done
$make -s B="$ib" PREFIX=/usr DESTDIR="$tmp/root" uninstall >"$tmp/log" 2>&1 || { bad "make uninstall again"; cat "$tmp/log"; }
left=$(cd "$tmp/root" && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ')
want=$(printf '%s\n' $others | sort | tr '\n' ' ')
if [ "$left" = "$want" ]; then ok; else bad "others' files after uninstall: $left (want $want)"; fi
left=$(cd "$tmp/root" && find . -mindepth 1 -type d | sed 's|^\./||' | sort | tr '\n' ' ')
want="usr usr/bin usr/share usr/share/locale usr/share/locale/ja usr/share/locale/ja/LC_MESSAGES usr/share/man usr/share/man/man1 "
if [ "$left" = "$want" ]; then ok; else bad "folders after uninstall: $left (want $want)"; fi
# The default PREFIX (/usr/local): the folders above it that install made
# in the staging tree (usr) go too; the staging tree itself stays.
rm -rf "$tmp/root2"
if $make -s B="$ib" DESTDIR="$tmp/root2" install >"$tmp/log" 2>&1 &&
   $make -s B="$ib" DESTDIR="$tmp/root2" uninstall >"$tmp/log" 2>&1; then ok
else bad "make install/uninstall with the default PREFIX"; cat "$tmp/log"; fi
left=$(find "$tmp/root2" -mindepth 1)
if [ -d "$tmp/root2" ] && [ -z "$left" ]; then ok; else bad "left after uninstall (default PREFIX): $left"; fi
finish install
