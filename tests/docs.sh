#!/bin/sh
# The documentation as a newcomer types it: every command line of the
# README's batch example runs as written (EDITOR unset, in a fresh folder),
# and todoke(1)'s EXAMPLES show what `check` prints today.
# Usage: tests/docs.sh PATH-TO-TODOKE   (from the top of the tree)
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
top=$(pwd)
. "$(dirname "$0")/lib.sh"

# README: the indented lines after "For batch work", up to a blank line.
awk '/^For batch work/ { on = 1; next }
     on && /^    / { print substr($0, 5); seen = 1; next }
     on && seen && /^$/ { exit }' README > "$tmp/lines"
[ "$(wc -l < "$tmp/lines")" -ge 10 ] && ok || bad "README: the batch example not found"
mkdir "$tmp/run" "$tmp/bin"
ln -s "$prog" "$tmp/run/todoke"
# The editor a fresh Debian has when EDITOR is unset, standing in: it
# records the file it was given.
printf '#!/bin/sh\necho "$@" >> "%s/edited"\n' "$tmp" > "$tmp/bin/nano"
chmod +x "$tmp/bin/nano"
# The README says which files are the reader's own: those are made here.
grep -q "^diagram.png stands for a file of your own" README && printf 'PNG' > "$tmp/run/diagram.png"
n=0
while IFS= read -r line; do
	n=$((n + 1))
	(cd "$tmp/run" && env -u EDITOR -u VISUAL PATH="$tmp/bin:$PATH" sh -c "$line") \
		</dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	case $line in
	*"in the wizard"*)
		# No terminal here: the wizard says so, nothing else.
		if [ "$rc" = 2 ] && grep -q "the wizard needs a terminal" "$tmp/err"; then ok
		else bad "README line $n: $line: exit $rc"; sed 's/^/  | /' "$tmp/err"; fi ;;
	*)
		# 1 is `check` finding problems (nothing is answered yet).
		if [ "$rc" -le 1 ] && ! grep -q "not found\|cannot open\|unknown" "$tmp/err"; then ok
		else bad "README line $n: $line: exit $rc"; sed 's/^/  | /' "$tmp/err"; fi ;;
	esac
done < "$tmp/lines"
[ "$(cat "$tmp/edited" 2>/dev/null)" = case.incident ] && ok || bad "README: the editor line did not open case.incident"
for f in ipa-report.txt ppc-report.txt for-windows.txt to-ipa.eml notice.txt notice.html; do
	[ -s "$tmp/run/$f" ] && ok || bad "README: $f not written"
done

# todoke(1): the output shown after "$ todoke check case.incident", where
# "…" leaves out the rest of a line or lines, is what check prints for the
# incident the example makes.
(cd "$tmp" && "$prog" new -t 'ECサイトの不正アクセス' case.incident &&
	"$prog" check case.incident) > "$tmp/check.out" 2>&1
awk '/^\$ todoke check case.incident$/ { on = 1; next }
     on && (/^\.Ed/ || /^\$ /) { exit } on' man/todoke.1 > "$tmp/check.man"
python3 - "$tmp/check.man" "$tmp/check.out" <<'EOF' && ok || bad "todoke(1) EXAMPLES: check's output differs (above)"
import sys
want = open(sys.argv[1], encoding="utf-8").read().splitlines()
got = open(sys.argv[2], encoding="utf-8").read().splitlines()
i, gap = 0, False
if not want:
    sys.exit("no output shown after '$ todoke check case.incident'")
for w in want:
    if w == "…":
        gap = True
        continue
    prefix = w.endswith("…")
    w0 = w[:-1] if prefix else w
    fits = (lambda g: g.startswith(w0)) if prefix else (lambda g: g == w0)
    while gap and i < len(got) and not fits(got[i]):
        i += 1
    if i >= len(got) or not fits(got[i]):
        print("  man:   " + w)
        print("  check: " + (got[i] if i < len(got) else "(nothing more)"))
        sys.exit(1)
    i += 1
    gap = False
if i != len(got) and not gap:
    print("  check goes on: " + got[i])
    sys.exit(1)
EOF

# --help and the README name every manual page of man/; --help fits 79
# columns in English and Japanese, and its exit-status paragraph is filled
# (no short line but its last).
"$prog" --help > "$tmp/help.en"
env LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 LANGUAGE= "$prog" --help > "$tmp/help.ja"
for page in man/*.[1-9]; do
	name=$(basename "$page"); ref="${name%.*}(${name##*.})"
	grep -qF "$ref" "$tmp/help.en" && ok || bad "--help does not name $ref"
	grep -qF "$ref" "$tmp/help.ja" && ok || bad "--help (ja) does not name $ref"
	grep -qF "$ref" README && ok || bad "README does not name $ref"
done
for lang in en ja; do
	python3 - "$tmp/help.$lang" <<'EOF' && ok || bad "--help ($lang) layout (above)"
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def cols(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
bad = [l for l in lines if cols(l) > 79]
for l in bad: print("  %d columns: %s" % (cols(l), l))
start = next(i for i, l in enumerate(lines) if l.startswith(("Exit status:", "終了コード:")))
end = next(i for i in range(start, len(lines)) if not lines[i])
short = [l for l in lines[start:end - 1] if cols(l) < 50]
for l in short: print("  a short line in the exit status: " + l)
sys.exit(1 if bad or short else 0)
EOF
done

# The keys the README and todoke(1) name for the review are keys the
# review and its documents and export screens take (their key bars: "a answers", "d
# documents", "e export" ...), not those of an older wizard.
keys=$(grep -ho '_("[^"]*")' src/tui/review.c src/tui/documents.c src/tui/exports.c |
	grep -o '\(("\|  \)[a-z] [a-zA-Z]' | sed 's/^("//; s/^  //' | cut -c1 | sort -u | tr -d '\n')
man_keys=$(awk '/^The review lists/ { on = 1 } on && /^\.Pp/ { exit } on' man/todoke.1 |
	awk '/^\.Sq [a-z]$/ { print $2 }')
readme_keys=$(awk '/^`make run` opens/ { on = 1 } on && /^$/ { exit } on' README |
	grep -o '([a-z])' | tr -d '()')
[ -n "$keys" ] && [ -n "$man_keys" ] && [ -n "$readme_keys" ] && ok ||
	bad "review keys not found (key bars: $keys, todoke(1): $man_keys, README: $readme_keys)"
for k in $man_keys; do
	case $keys in *"$k"*) ok ;; *) bad "todoke(1) names the review key '$k', which the review does not take (it takes: $keys)" ;; esac
done
for k in $readme_keys; do
	case $keys in *"$k"*) ok ;; *) bad "README names the review key ($k), which the review does not take (it takes: $keys)" ;; esac
done

finish docs
