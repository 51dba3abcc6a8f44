#!/bin/sh
# The command line under faults and hostile files: a write over the file
# size limit, a FIFO or a device named as an incident, hostile bytes.
# Usage: tests/cli/faults.sh PATH-TO-TODOKE
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
golden=$(cd "$(dirname "$0")/../golden/ipa" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# expect NAME WANT-STATUS COMMAND... : runs it, keeps out/err, checks status.
expect() {
	name=$1 want=$2; shift 2
	"$@" >out 2>err; got=$?
	if [ "$got" -eq "$want" ]; then ok; return 0; fi
	bad "$name: exit $got, want $want"; sed 's/^/  /' err out | head -10
	return 1
}
has() { grep -qF -- "$3" "$2" && ok || { bad "$1: $2 lacks \"$3\""; sed 's/^/  /' "$2" | head -5; }; }
cp "$golden/example.incident" ex.incident

# Over the file size limit: a message, the old file intact, no temporary
# file; not death by SIGXFSZ (its default action is reset for the test:
# a parent may have ignored it).
if command -v prlimit >/dev/null && env --default-signal=XFSZ true 2>/dev/null; then
	echo "the previous export" > ipa.txt
	expect efbig-export 2 env --default-signal=XFSZ prlimit --fsize=1000 "$prog" export ipa ex.incident -o ipa.txt &&
		has efbig-export err "ipa.txt: cannot write: File too large"
	[ "$(cat ipa.txt)" = "the previous export" ] && ok || bad "efbig-export: the old file was changed"
	[ -z "$(ls -A | grep '^\.')" ] && ok || bad "efbig-export: temporary file left: $(ls -A)"
	rm -f new.incident
	expect efbig-new 2 env --default-signal=XFSZ prlimit --fsize=100 "$prog" new --title "大きすぎる" new.incident &&
		has efbig-new err "new.incident: cannot write: File too large"
	[ ! -e new.incident ] && ok || bad "efbig-new: new.incident written"
	[ -z "$(ls -A | grep '^\.')" ] && ok || bad "efbig-new: temporary file left: $(ls -A)"
else
	echo "faults: skipped the file size limit (no prlimit or env --default-signal)"
fi

echo "cli-faults: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
