#!/bin/sh
# The translations: po/ja.po compiles cleanly (formats checked), has nothing
# untranslated or fuzzy, covers po/todoke.pot exactly, and po/todoke.pot
# holds exactly the messages now in the sources.  Japanese key-hint footers
# fit the 78 columns the footer line has at 80x24.
# Usage: tests/po-check.sh "XGETTEXT ARGS"   (from the top of the tree)
set -u
# A fixed locale, whatever the caller's (LANG=ja_JP.UTF-8, LANGUAGE=ja, C):
# todoke's messages in English, grep, sort and Python on UTF-8.
# tests/cli/locale.sh runs todoke under the callers' locales.
export LC_ALL=C.UTF-8 PYTHONUTF8=1
unset LANGUAGE
args=$1
. "$(dirname "$0")/lib.sh"

if msgfmt --check --statistics -o /dev/null po/ja.po 2>"$tmp/stat"; then ok
else bad "msgfmt --check po/ja.po"; cat "$tmp/stat"; fi
grep -q 'untranslated\|fuzzy' "$tmp/stat" && bad "ja.po: $(cat "$tmp/stat")" || ok
[ -z "$(msgattrib --untranslated --no-obsolete po/ja.po)" ] && ok || bad "ja.po has untranslated entries"
[ -z "$(msgattrib --only-fuzzy --no-obsolete po/ja.po)" ] && ok || bad "ja.po has fuzzy entries"

# shellcheck disable=SC2086
if xgettext $args -o "$tmp/new.pot" 2>"$tmp/err"; then
	# The message ids alone, sorted: locations and dates do not count.
	ids() { msgcat --no-location --no-wrap --sort-output "$1" | sed '/^"POT-Creation-Date:/d;/^"PO-Revision-Date:/d'; }
	ids "$tmp/new.pot" > "$tmp/a"; ids po/todoke.pot > "$tmp/b"
	diff -u "$tmp/b" "$tmp/a" > "$tmp/d" && ok || { bad "po/todoke.pot is out of date: run make pot"; cat "$tmp/d"; }
else
	bad "xgettext"; cat "$tmp/err"
fi
msgcmp po/ja.po po/todoke.pot 2>"$tmp/err" && ok || { bad "ja.po lacks messages of todoke.pot"; cat "$tmp/err"; }
msgcmp --use-untranslated po/todoke.pot po/ja.po 2>"$tmp/err" && ok ||
	{ bad "ja.po has messages todoke.pot does not (make them obsolete)"; cat "$tmp/err"; }

# Footers: msgids with "Esc" key hints, one line each; full-width = 2 columns.
msgcat --no-wrap --no-location po/ja.po | python3 -c '
import sys, unicodedata, re
text = sys.stdin.read()
def un(s): return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)
bad = 0
for m in re.finditer(r"^msgid \"(.*)\"\nmsgstr \"(.*)\"$", text, re.M):
    mid, s = un(m.group(1)), un(m.group(2))
    if "Esc" not in mid or "\n" in mid:
        continue
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
    if w > 78:
        print("FAIL: footer is %d columns: %s" % (w, s)); bad += 1
# The keys of a preview go before the scrolling keys on the same line.
tr = {un(m.group(1)): un(m.group(2)) for m in re.finditer(r"^msgid \"(.*)\"\nmsgstr \"(.*)\"$", text, re.M)}
scroll = "↑↓ PgUp PgDn scroll  ←→ sideways  Esc/q back"
for hint in ("e export", "e export text  h export HTML", "s stand-ins  e encoding"):
    for a, b in ((hint, scroll), (tr.get(hint, ""), tr.get(scroll, ""))):
        s = a + "  " + b
        w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
        if not a or w > 78:
            print("FAIL: preview footer is %d columns: %s" % (w, s)); bad += 1
sys.exit(1 if bad else 0)
' && ok || bad "the wizard's footers and hints (above)"

finish po-check
