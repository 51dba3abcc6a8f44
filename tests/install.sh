#!/bin/sh
# make install into a staging DESTDIR: the installed todoke runs from
# there and finds its forms; the man pages are there; uninstall removes
# every file it installed.  Usage: tests/install.sh MAKE
set -u
make=${1:-make}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

$make -s B=build-install PREFIX=/usr DESTDIR="$tmp/root" install >"$tmp/log" 2>&1 ||
	{ bad "make install"; cat "$tmp/log"; }
for f in usr/bin/todoke usr/share/todoke/forms/ipa-access-3.5.form \
         usr/share/todoke/forms/ppc-report-2024.form \
         usr/share/man/man1/todoke.1 usr/share/man/man5/todoke-incident.5 \
         usr/share/man/man5/todoke-form.5 \
         usr/share/bash-completion/completions/todoke \
         usr/share/locale/ja/LC_MESSAGES/todoke.mo; do
	[ -f "$tmp/root/$f" ] && ok || bad "$f not installed"
done
[ "$(stat -c %a "$tmp/root/usr/bin/todoke")" = 755 ] && ok || bad "binary mode"
# Run from elsewhere, with no TODOKE_DATADIR: it finds its own forms.
out=$(cd / && env -u TODOKE_DATADIR "$tmp/root/usr/bin/todoke" forms 2>&1)
[ "$out" = "$(printf 'ipa-access\t3.5\t2024-03-27\tコンピュータ不正アクセス届出様式\nppc-report\t2024\t2024-04-01\t個人情報保護委員会への漏えい等報告')" ] && ok ||
	bad "installed todoke forms: $out"
# Its messages in Japanese from its own catalogue, wherever it was put.
out=$(cd / && env -u TODOKE_DATADIR -u TODOKE_LOCALEDIR LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 \
	"$tmp/root/usr/bin/todoke" frobnicate x 2>&1)
case $out in *"不明なコマンド「frobnicate」"*) ok ;; *) bad "installed todoke not in Japanese: $out" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
(cd / && env -u TODOKE_DATADIR "$tmp/root/usr/bin/todoke" export ipa "$here/golden/ipa/example.incident") \
	> "$tmp/ex.txt" 2>&1
cmp -s "$tmp/ex.txt" "$here/golden/ipa/example.expected" && ok || bad "installed export differs"
$make -s B=build-install PREFIX=/usr DESTDIR="$tmp/root" uninstall >"$tmp/log" 2>&1 ||
	{ bad "make uninstall"; cat "$tmp/log"; }
left=$(find "$tmp/root" -type f)
[ -z "$left" ] && ok || bad "left after uninstall: $left"
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
