#!/bin/sh
# The model, forms, incident files, checks and exporters know nothing of
# curses: only the front end (src/tui/) and the CLI may include it.
set -u
cd "$(dirname "$0")/.." || exit 1
fail=0 pass=0
for dir in src/*/; do
	case "$dir" in src/tui/|src/cli/) continue ;; esac
	if grep -lE '#include *[<"](n?curses|ncursesw/|panel|menu|form\.h>)' "$dir"*.c 2>/dev/null; then
		echo "FAIL: $dir includes curses"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
for h in include/todoke/*.h; do
	case "$h" in include/todoke/tui*.h) continue ;; esac
	if grep -qE '#include *[<"](n?curses|ncursesw/)' "$h"; then
		echo "FAIL: $h includes curses"; fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "layering: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
