#!/bin/sh
# Golden files through the real command line: `todoke export ipa` of every
# tests/golden/ipa/NAME.incident must equal NAME.expected byte for byte
# (and `export ppc` of tests/golden/ppc/NAME.incident),
# and example.expected must be IPA's reference text when shared/ is there.
# Usage: tests/golden/run.sh PATH-TO-TODOKE
set -u
prog=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

for inc in "$here"/ipa/*.incident; do
	name=$(basename "$inc" .incident)
	if "$prog" export ipa "$inc" >"$tmp/$name.out" 2>"$tmp/err" &&
	   cmp -s "$tmp/$name.out" "$here/ipa/$name.expected"; then
		ok
	else
		bad "export ipa $name"; cat "$tmp/err"
		diff "$here/ipa/$name.expected" "$tmp/$name.out" | head -20
	fi
done

# The PPC report: the 速報 and the later 確報 of one incident.
for inc in "$here"/ppc/*.incident; do
	name=$(basename "$inc" .incident)
	if "$prog" export ppc "$inc" >"$tmp/ppc-$name.out" 2>"$tmp/err" &&
	   cmp -s "$tmp/ppc-$name.out" "$here/ppc/$name.expected"; then
		ok
	else
		bad "export ppc $name"; cat "$tmp/err"
		diff "$here/ppc/$name.expected" "$tmp/ppc-$name.out" | head -20
	fi
done

ref="$here/../../../shared/reference/ipa-access-form-v3.5-example.txt"
if [ -f "$ref" ]; then
	if cmp -s "$ref" "$here/ipa/example.expected"; then ok
	else bad "tests/golden/ipa/example.expected differs from $ref"; fi
	# The flat text (line breaks as spaces) is what IPA received.
	flat="$here/../../../shared/reference/ipa-access-form-v3.5-example.flat.txt"
	if [ "$(sed -e '$!s/$/ /' "$tmp/example.out" | tr -d '\n')" = "$(cat "$flat")" ]; then ok
	else bad "example export does not flatten to $flat"; fi
else
	echo "note: $ref not found; compared with the committed copy only"
fi

echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
