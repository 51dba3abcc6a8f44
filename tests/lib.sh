# tests/lib.sh — what every shell suite of todoke shares (after tig's
# test/tools/libtest.sh): the counters, the assertions, a temporary folder
# removed on exit, the summary line and the exit status.  Sourced:
#
#   . "$(dirname "$0")/../lib.sh"   (or /lib.sh from tests/)
#
#   $tmp                        a fresh folder, removed on exit (lib_cleanup;
#                               a suite with more to undo traps its own
#                               cleanup and calls lib_cleanup from it)
#   ok                          one assertion passed
#   bad MESSAGE...              one failed: prints "FAIL: MESSAGE"
#   show FILE                   FILE's first 20 lines, indented (why it failed)
#   has NAME FILE TEXT          FILE holds TEXT (a fixed string)
#   has_line NAME FILE LINE     FILE has LINE as one whole line
#   lacks NAME FILE TEXT        FILE does not hold TEXT
#   eq NAME GOT WANT            two strings are the same
#   same NAME FILE1 FILE2       two files are the same, byte for byte
#   mode_is NAME FILE MODE      FILE's permission bits are MODE (e.g. 600)
#   expect NAME STATUS CMD...   runs CMD with its output in ./out and ./err;
#                               its exit status is STATUS (returns 1 if not)
#   finish [NAME]               prints "NAME: N passed, M failed" (NAME is
#                               the script's name without .sh by default);
#                               its status is the suite's: 0 when none failed
#
# An assertion returns 0 whether it passed or failed, so `test && ok || bad`
# counts once; only expect returns the failure, to skip what depends on it.

lib_pass=0
lib_fail=0
tmp=$(mktemp -d) || exit 1
lib_cleanup() { rm -rf "$tmp"; }
trap lib_cleanup EXIT

ok() { lib_pass=$((lib_pass + 1)); }
bad() { lib_fail=$((lib_fail + 1)); echo "FAIL: $*"; }
show() { head -20 -- "$1" | sed 's/^/  | /'; }

has() {
	if grep -qF -- "$3" "$2"; then ok
	else bad "$1: $2 lacks \"$3\""; show "$2"; fi
}
has_line() {
	if grep -qxF -- "$3" "$2"; then ok
	else bad "$1: $2 has no line \"$3\""; show "$2"; fi
}
lacks() {
	if grep -qF -- "$3" "$2"; then bad "$1: $2 has \"$3\""; grep -nF -- "$3" "$2" | head -5 | sed 's/^/  | /'
	else ok; fi
}
eq() {
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi
}
same() {
	if cmp -s -- "$2" "$3"; then ok
	else bad "$1: $2 and $3 differ"; diff -- "$3" "$2" 2>/dev/null | head -20 | sed 's/^/  | /'; fi
}
mode_is() {
	lib_mode=$(stat -c %a -- "$2" 2>/dev/null)
	if [ "$lib_mode" = "$3" ]; then ok; else bad "$1: mode $lib_mode, want $3"; fi
}
expect() {
	lib_name=$1 lib_want=$2; shift 2
	"$@" >out 2>err; lib_got=$?
	if [ "$lib_got" -eq "$lib_want" ]; then ok; return 0; fi
	bad "$lib_name: exit $lib_got, want $lib_want"; sed 's/^/  | /' err out | head -10
	return 1
}

finish() {
	echo "${1:-$(basename "$0" .sh)}: $lib_pass passed, $lib_fail failed"
	[ "$lib_fail" -eq 0 ]
}
