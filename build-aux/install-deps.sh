#!/bin/sh
# Installs what todoke needs to build and test, on Debian/Ubuntu with apt-get
# (using sudo when not root). Elsewhere it prints exactly what is missing.
# Quiet and quick when everything is already there.
set -u

missing=""
need() { # need PACKAGE TEST...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then missing="$missing $pkg"; fi
}
has() { command -v "$1"; }
pc() { pkg-config --exists "$1"; }

need gcc        has cc
need make       has make
need pkg-config has pkg-config
need libncurses-dev sh -c 'pkg-config --exists ncursesw panelw menuw'
need check      sh -c 'pkg-config --exists check'
need gettext    has msgfmt
need tmux       has tmux
need mandoc     has mandoc
need valgrind   has valgrind
need python3    has python3

[ -z "$missing" ] && exit 0

echo "todoke: missing build packages:$missing" >&2
if command -v apt-get >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then SUDO=""
	elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"
	else
		echo "todoke: not root and no sudo; install them with: apt-get install$missing" >&2
		exit 1
	fi
	echo "todoke: installing them with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq >&2 &&
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing >&2 || {
		echo "todoke: apt-get failed; install by hand:$missing" >&2
		exit 1
	}
	exit 0
fi
echo "todoke: no apt-get here; install the equivalents of:$missing" >&2
exit 1
