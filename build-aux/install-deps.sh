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

need gcc        has cc
need libc6-dev  test -f /usr/include/stdio.h
need make       has make
need pkg-config has pkg-config
need libncurses-dev sh -c 'pkg-config --exists ncursesw panelw menuw'
need check      sh -c 'pkg-config --exists check'
need libunistring-dev test -f /usr/include/uninorm.h
need gettext    has msgfmt
need tmux       has tmux
need mandoc     has mandoc
need valgrind   has valgrind
need python3    has python3

# The tests run the wizard in Japanese and in English: those locales must be
# generated (Debian's `locales` package, /etc/locale.gen, locale-gen).
locales_missing=""
for l in ja_JP en_US; do
	locale -a 2>/dev/null | grep -qix "$l.utf-\{0,1\}8" || locales_missing="$locales_missing $l.UTF-8"
done
if [ -n "$locales_missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then LSUDO=""
	elif command -v sudo >/dev/null 2>&1; then LSUDO="sudo"
	else LSUDO="none"
	fi
	if [ "$LSUDO" != none ] && command -v apt-get >/dev/null 2>&1; then
		echo "todoke: generating locales:$locales_missing" >&2
		if ! command -v locale-gen >/dev/null 2>&1; then
			$LSUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends locales >&2 ||
				{ $LSUDO apt-get update -qq >&2 &&
				  $LSUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends locales >&2; }
		fi
		for l in $locales_missing; do
			if grep -q "^# *$l UTF-8" /etc/locale.gen 2>/dev/null; then
				$LSUDO sed -i "s/^# *$l UTF-8/$l UTF-8/" /etc/locale.gen
			elif ! grep -q "^$l UTF-8" /etc/locale.gen 2>/dev/null; then
				echo "$l UTF-8" | $LSUDO tee -a /etc/locale.gen >/dev/null
			fi
		done
		$LSUDO locale-gen >/dev/null 2>&1 || {
			echo "todoke: locale-gen failed; generate by hand:$locales_missing" >&2
			exit 1
		}
	else
		echo "todoke: missing locales:$locales_missing (enable them in /etc/locale.gen and run locale-gen)" >&2
		exit 1
	fi
fi

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
	# $missing is a list of package names: split on purpose.
	# shellcheck disable=SC2086
	$SUDO apt-get update -qq >&2 &&
	$SUDO apt-get install -y -qq --no-install-recommends $missing >&2 || {
		echo "todoke: apt-get failed; install by hand:$missing" >&2
		exit 1
	}
	exit 0
fi
echo "todoke: no apt-get here; install the equivalents of:$missing" >&2
exit 1
