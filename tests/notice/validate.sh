#!/bin/sh
# The notice pages against independent checkers: the W3C Nu HTML checker
# (npm vnu-jar, run with the system's Java) with no error, and axe-core
# with no violation (in headless Chromium at 390 px, with no horizontal
# scrolling, where Debian's chromium is installed; else in jsdom, the rules
# that need no layout).  The npm packages go into $TODOKE_NODE_DIR (the
# Makefile: build/node), installed on first use; each check that cannot
# run is skipped with a message saying why.
# Usage: tests/notice/validate.sh PAGE.html...
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
dir=${TODOKE_NODE_DIR:-$here/../../build/node}
mods=$dir/node_modules
jar=$mods/vnu-jar/build/dist/vnu.jar
limit=""
command -v timeout >/dev/null 2>&1 && limit="timeout 600"

# Pinned: a new checker version is a deliberate change.
pkgs="vnu-jar@26.9.27 axe-core@4.14.1 jsdom@26.1.0 puppeteer-core@25.16.0"
if [ ! -f "$jar" ] || [ ! -f "$mods/axe-core/axe.min.js" ] || [ ! -d "$mods/jsdom" ]; then
	# An install that failed within the hour is not tried again: each call
	# would wait out its timeout (a registry out of reach: 10 minutes).
	if [ -n "$(find "$dir.failed" -mmin -60 2>/dev/null)" ]; then
		echo "validate: npm install failed less than an hour ago; not retried (remove $dir.failed to retry)"
	elif command -v npm >/dev/null 2>&1; then
		# Into a fresh folder, moved into place only when whole: an install
		# cut short (timeout, network) must read as "not installed" and be
		# skipped, never as a half-installed checker that fails.
		rm -rf "$dir.part" && mkdir -p "$dir.part"
		# No install scripts: vnu-jar's would fetch a Java; ours is Debian's.
		# shellcheck disable=SC2086
		if $limit npm install --prefix "$dir.part" --no-audit --no-fund --ignore-scripts \
			--loglevel=error $pkgs >"$dir.part/install.log" 2>&1; then
			rm -rf "$dir" "$dir.failed" && mv "$dir.part" "$dir"
		else
			echo "validate: npm install failed (see $dir.part/install.log)"
			touch "$dir.failed"
		fi
	else
		echo "validate: no npm: the checkers cannot be installed"
	fi
fi

if [ ! -f "$jar" ]; then
	echo "validate: Nu checker skipped: no $jar"
elif ! command -v java >/dev/null 2>&1; then
	echo "validate: Nu checker skipped: no java (Debian: openjdk-17-jre-headless)"
elif $limit java -jar "$jar" --errors-only --format gnu "$@" >"$dir/vnu.out" 2>&1 &&
     [ ! -s "$dir/vnu.out" ]; then
	ok
else
	bad "Nu HTML checker"; head -20 "$dir/vnu.out"
fi

browser=-
for b in ${CHROMIUM:-} /usr/bin/chromium chromium chromium-browser; do
	if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
if [ ! -f "$mods/axe-core/axe.min.js" ]; then
	echo "validate: axe-core skipped: not installed"
elif ! command -v node >/dev/null 2>&1; then
	echo "validate: axe-core skipped: no node"
else
	[ "$browser" = - ] &&
		echo "validate: axe-core in jsdom: no chromium, so no layout rules (colour contrast) and no 390 px check"
	if $limit node "$here/axe.js" "$mods" "$browser" "$@" >"$dir/axe.out" 2>&1; then ok
	else bad "axe-core"; head -20 "$dir/axe.out"; fi
fi
finish validate
