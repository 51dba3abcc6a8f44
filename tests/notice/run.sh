#!/bin/sh
# The notice's HTML, read by a real parser (html-check.py, which first
# proves on broken pages that it rejects them): the golden pages and pages
# exported now, from the golden incidents, from the PPC goldens (which take
# the notice form on) and from an incident of each type with nothing but
# its type answered; then one page rendered in headless Chromium
# (screenshot.sh; skipped where there is none).
# Usage: tests/notice/run.sh PATH-TO-TODOKE
set -u
# A fixed locale, whatever the caller's (LANG=ja_JP.UTF-8, LANGUAGE=ja, C):
# todoke's messages in English, grep, sort and Python on UTF-8.
# tests/cli/locale.sh runs todoke under the callers' locales.
export LC_ALL=C.UTF-8 PYTHONUTF8=1
unset LANGUAGE
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
check="$here/notice/html-check.py"
. "$(dirname "$0")/../lib.sh"

if python3 "$check" --self-test >"$tmp/out" 2>&1; then ok
else bad "html-check.py --self-test"; cat "$tmp/out"; fi

# html_ok FILE: the page passes the checker.
html_ok() {
	if python3 "$check" "$1" >"$tmp/out" 2>&1; then ok
	else bad "html-check $1"; grep -v '^html-check:' "$tmp/out"; fi
}

# Every HTML golden of the registry's documents (the notice, the police memo).
for page in "$here"/golden/*/*.html; do
	html_ok "$page"
done

# Exported now: every incident that has (or takes on) the notice form.
for inc in "$here"/golden/notice/*.incident "$here"/golden/ppc/*.incident; do
	name=$(basename "$(dirname "$inc")")-$(basename "$inc" .incident)
	if "$prog" export notice "$inc" --format=html >"$tmp/$name.html" 2>"$tmp/err"; then
		html_ok "$tmp/$name.html"
	else
		bad "export notice --format=html $inc"; cat "$tmp/err"
	fi
done

# Each type with nothing else answered: every gap a 〔label〕, headings
# that head nothing dropped, the numbers still 1. 2. 3.
for type in skimming takeover intrusion ransomware missent insider other; do
	printf 'todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\nform: ppc-report 2024\nform: notice 1\ntitle: %s\n\n[answers]\nnotice.type: %s\n\n[end]\n' \
		"$type" "$type" >"$tmp/blank-$type.incident"
	if "$prog" export notice "$tmp/blank-$type.incident" --format=html >"$tmp/blank-$type.html" 2>"$tmp/err"; then
		html_ok "$tmp/blank-$type.html"
		if grep -qF '〔' "$tmp/blank-$type.html"; then ok; else bad "blank $type: no 〔〕 gap shown"; fi
	else
		bad "export notice --format=html blank $type"; cat "$tmp/err"
	fi
done

# At a phone's width in a real browser.
if sh "$here/notice/screenshot.sh" "$here/golden/notice/skimming.html" >"$tmp/out" 2>&1; then
	ok; grep -v ' passed, ' "$tmp/out"
else
	bad "screenshot"; cat "$tmp/out"
fi

# The W3C Nu checker and axe-core (validate.sh): every page above passes,
# and a page with an error and a violation does not (they can fail).
if sh "$here/notice/validate.sh" "$here"/golden/notice/*.html "$tmp"/*.html >"$tmp/out" 2>&1; then
	ok; grep -v ' passed, ' "$tmp/out"
else
	bad "validate"; cat "$tmp/out"
fi
sed 's/<html lang="ja">/<html>/; s/<title>[^<]*<\/title>/<title><\/title>/' \
	"$here/golden/notice/takeover.html" >"$tmp/broken.html"
sh "$here/notice/validate.sh" "$tmp/broken.html" >"$tmp/out" 2>&1
# Each checker that ran must have failed it.
nu_ok=1 axe_ok=1
grep -q 'Nu checker skipped' "$tmp/out" || grep -q 'FAIL: Nu HTML checker' "$tmp/out" || nu_ok=0
grep -q 'axe-core skipped' "$tmp/out" || grep -q 'html-has-lang' "$tmp/out" || axe_ok=0
if [ $nu_ok = 1 ] && [ $axe_ok = 1 ]; then ok
else bad "validate passes a broken page"; cat "$tmp/out"; fi
# In Chromium at 390 px, a long token that cannot wrap is caught.
if grep -q 'axe-core in jsdom\|axe-core skipped' "$tmp/out"; then
	echo "validate: the 390 px check needs chromium: not run"
else
	sed 's/h1,h2,h3,p,li{overflow-wrap:anywhere}//; s|</main>|<p>https://www.example.jp/0123456789012345678901234567890123456789012345678901234567890123456789</p></main>|' \
		"$here/golden/notice/takeover.html" >"$tmp/wide.html"
	sh "$here/notice/validate.sh" "$tmp/wide.html" >"$tmp/out" 2>&1
	if grep -q 'at a 390 px viewport: something does not wrap' "$tmp/out"; then ok
	else bad "validate passes a page wider than a phone"; cat "$tmp/out"; fi
fi

finish notice
