#!/bin/sh
# What todoke needs to build and test: Debian packages and the ja_JP and
# en_US UTF-8 locales the tests run in.  Everything missing is found first
# and fixed with one command: run as root, or with sudo; otherwise (not
# root, no sudo) that one command is printed, to be run as root.  Without
# apt-get it prints the list.  Quiet and quick when all is there.
# `install-deps.sh check` (make check) also installs what only some tests
# use, headless Chromium, when it can: where it cannot, it says so and
# those tests are skipped with a message; nothing fails for it.
#
# For tests (tests/deps.sh), never needed otherwise: TODOKE_DEPS_ROOT is
# put before the files looked at and written (/usr/include/…, /etc/locale.gen,
# /usr/sbin/locale-gen), so that a fake system in a folder is checked;
# commands (id, locale, sudo, apt-get…) are found on PATH.
set -u
root=${TODOKE_DEPS_ROOT:-}

missing=""
need() { # need PACKAGE TEST...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then missing="$missing $pkg"; fi
}
has() { command -v "$1"; }

need gcc        has cc
need libc6-dev  test -f "$root/usr/include/stdio.h"
need make       has make
need pkg-config has pkg-config
need libncurses-dev sh -c 'pkg-config --exists ncursesw panelw menuw'
need check      sh -c 'pkg-config --exists check'
need libunistring-dev test -f "$root/usr/include/uninorm.h"
need libgit2-dev sh -c 'pkg-config --exists libgit2'
need gettext    has msgfmt
need tmux       has tmux
need mandoc     has mandoc
need valgrind   has valgrind
need python3    has python3
# `make fuzz` only (install-deps.sh fuzz): clang and its libFuzzer runtime.
if [ "${1:-}" = fuzz ]; then
	need clang has clang
	need libclang-rt-14-dev sh -c 'ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a'
fi

# `make check` only (install-deps.sh check): Chromium renders the notice
# page headless (tests/notice/screenshot.sh, axe-core's layout rules).
optional=""
if [ "${1:-}" = check ] && ! has chromium >/dev/null 2>&1 && ! has chromium-browser >/dev/null 2>&1; then
	optional=" chromium"
fi
# Root, sudo, or neither ("none").
sudo_how() {
	if [ "$(id -u)" -eq 0 ]; then echo root
	elif command -v sudo >/dev/null 2>&1; then echo sudo
	else echo none; fi
}
# The optional packages: installed when they can be, on their own so that
# their failure never stops the build's; the tests that need them skip.
optional_install() {
	[ -n "$optional" ] || return 0
	ocmd="apt-get update && apt-get install -y --no-install-recommends$optional"
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "todoke: for all the tests install:$optional (without it they are skipped)" >&2
		return 0
	fi
	case $(sudo_how) in
	root) osudo="" ;;
	sudo) osudo=sudo ;;
	*)	echo "todoke: not root and no sudo: the tests that need$optional are skipped; as root, run: $ocmd" >&2
		return 0 ;;
	esac
	echo "todoke: installing for the tests${osudo:+ with sudo}: $ocmd" >&2
	# $osudo is empty or "sudo": unquoted on purpose.
	$osudo env DEBIAN_FRONTEND=noninteractive sh -c "$ocmd" >&2 ||
		echo "todoke: could not install$optional: the tests that need it are skipped" >&2
	return 0
}

# The tests run the wizard in Japanese and in English: those locales must be
# generated.  On Debian they are lines of /etc/locale.gen, which the
# `locales` package brings with locale-gen (a minimal system has neither).
locales_missing=""
for l in ja_JP en_US; do
	locale -a 2>/dev/null | grep -qix "$l.utf-\{0,1\}8" || locales_missing="$locales_missing $l.UTF-8"
done
if [ -n "$locales_missing" ] && [ ! -x "$root/usr/sbin/locale-gen" ]; then
	case " $missing " in *" locales "*) ;; *) missing="$missing locales" ;; esac
fi

if [ -z "$missing" ] && [ -z "$locales_missing" ]; then
	optional_install
	exit 0
fi

{
	echo "todoke: missing for building and testing todoke:"
	[ -n "$missing" ] && echo "  packages:$missing"
	[ -n "$locales_missing" ] && echo "  locales: $locales_missing"
} >&2

if ! command -v apt-get >/dev/null 2>&1; then
	echo "todoke: no apt-get here; install the equivalents of these Debian packages and generate those locales" >&2
	exit 1
fi

# The one command that fixes it all, as root.
gen="$root/etc/locale.gen"
cmd=""
[ -n "$missing" ] && cmd="apt-get update && apt-get install -y --no-install-recommends$missing"
if [ -n "$locales_missing" ]; then
	# A line commented out ("# ja_JP.UTF-8 UTF-8") does not count: the
	# locale is added uncommented, once.
	step="for l in$locales_missing; do grep -qsx \"\$l UTF-8\" $gen || echo \"\$l UTF-8\" >> $gen; done && $root/usr/sbin/locale-gen"
	cmd="${cmd:+$cmd && }$step"
fi

case $(sudo_how) in
root) SUDO="" ;;
sudo) SUDO="sudo" ;;
*)
	echo "todoke: you are not root and there is no sudo; as root (su -), run this one command:" >&2
	echo "  $cmd" >&2
	echo "todoke: then run make again." >&2
	exit 1 ;;
esac
echo "todoke: installing them${SUDO:+ with sudo}: $cmd" >&2
# $SUDO is empty or "sudo": unquoted on purpose.
$SUDO env DEBIAN_FRONTEND=noninteractive sh -c "$cmd" >&2 || {
	echo "todoke: that failed; fix what it says, or run it by hand as root:" >&2
	echo "  $cmd" >&2
	exit 1
}
for l in $locales_missing; do
	locale -a 2>/dev/null | grep -qix "${l%.UTF-8}.utf-\{0,1\}8" || {
		echo "todoke: locale-gen did not make $l; see $gen" >&2
		exit 1
	}
done
optional_install
exit 0
