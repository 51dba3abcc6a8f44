#!/bin/sh
# build-aux/install-deps.sh on fake systems in a temporary folder, never
# this one: PATH holds only stand-ins (id, locale, apt-get, sudo,
# locale-gen, which log what they are asked) and a few real tools, and
# TODOKE_DEPS_ROOT puts the files looked at (/usr/include, /etc/locale.gen,
# /usr/sbin/locale-gen) in the folder.  A newcomer who is not root and has
# no sudo is told everything missing at once and one command to run as
# root; that command, run, fixes it; with sudo it is run.
# Usage: tests/deps.sh   (from the top of the tree)
set -u
script=$(pwd)/build-aux/install-deps.sh
. "$(dirname "$0")/lib.sh"

# A fake system: $1/bin is its PATH, $1/root its files, $1/log what the
# stand-ins were asked, $1/locales what `locale -a` lists.
fake() {
	d=$1
	mkdir -p "$d/bin" "$d/root"
	: > "$d/log"
	printf 'C\nC.utf8\nPOSIX\n' > "$d/locales"
	for t in sh grep cat env mkdir sed ln; do ln -s "$(command -v $t)" "$d/bin/$t"; done
	cat > "$d/bin/id" <<-EOF
	#!/bin/sh
	[ "\$1" = -u ] && echo \${FAKE_UID:-1000}
	EOF
	cat > "$d/bin/locale" <<-EOF
	#!/bin/sh
	[ "\$1" = -a ] && cat "$d/locales"
	EOF
	# apt-get: logs; installing `locales` brings locale-gen and a
	# locale.gen with every line commented out, as Debian's does.
	cat > "$d/bin/apt-get" <<-EOF
	#!/bin/sh
	echo "apt-get \$*" >> "$d/log"
	case " \$* " in *" chromium "*)
		[ -n "\${FAKE_NO_CHROMIUM:-}" ] && { echo "E: Unable to locate package chromium" >&2; exit 100; }
		printf '#!/bin/sh\nexit 0\n' > "$d/bin/chromium"; $(command -v chmod) +x "$d/bin/chromium" ;;
	esac
	case " \$* " in *" locales "*)
		mkdir -p "$d/root/usr/sbin" "$d/root/etc"
		ln -sf "$d/bin/locale-gen" "$d/root/usr/sbin/locale-gen"
		printf '# ja_JP.UTF-8 UTF-8\n# en_US.UTF-8 UTF-8\n' > "$d/root/etc/locale.gen" ;;
	esac
	EOF
	# locale-gen: what is uncommented in locale.gen becomes a locale.
	cat > "$d/bin/locale-gen" <<-EOF
	#!/bin/sh
	echo "locale-gen" >> "$d/log"
	sed -n 's/^\([a-z][a-z]_[A-Z][A-Z]\)\.UTF-8 UTF-8\$/\1.utf8/p' "$d/root/etc/locale.gen" >> "$d/locales"
	EOF
	chmod +x "$d/bin/"*
}
# sudo, for the systems that have it: logs, then runs as asked.
with_sudo() {
	cat > "$1/bin/sudo" <<-EOF
	#!/bin/sh
	echo "sudo \$*" >> "$1/log"
	exec "\$@"
	EOF
	chmod +x "$1/bin/sudo"
}
# Every package there (stand-ins that succeed), but no locales package.
all_packages() {
	for t in cc make pkg-config msgfmt tmux mandoc valgrind python3; do
		printf '#!/bin/sh\nexit 0\n' > "$1/bin/$t"; chmod +x "$1/bin/$t"
	done
	mkdir -p "$1/root/usr/include"
	: > "$1/root/usr/include/stdio.h"; : > "$1/root/usr/include/uninorm.h"
}
run() { # run SYSTEM [VAR=VALUE...]: the script there, as a user, out/err/status kept
	d=$1; shift
	env -i PATH="$d/bin" TODOKE_DEPS_ROOT="$d/root" "$@" sh "$script" ${mode:-} >"$d/out" 2>"$d/err"
	echo $? > "$d/status"
}
status_is() { [ "$(cat "$2/status")" = "$3" ] && ok || { bad "$1: exit $(cat "$2/status"), want $3"; sed 's/^/  | /' "$2/err"; }; }

# 1. A bare system, not root, no sudo: every package and both locales in
# one message, `locales` among the packages (no locale-gen, no
# /etc/locale.gen), one command for root; nothing is run.
s=$tmp/bare; fake "$s"
run "$s"
status_is bare "$s" 1
has bare "$s/err" "packages: gcc libc6-dev make pkg-config libncurses-dev check libunistring-dev libgit2-dev gettext tmux mandoc valgrind python3 locales"
has bare "$s/err" "locales:  ja_JP.UTF-8 en_US.UTF-8"
has bare "$s/err" "you are not root and there is no sudo; as root (su -), run this one command:"
[ "$(grep -c '^  apt-get' "$s/err")" = 1 ] && ok || bad "bare: not one command"
[ -s "$s/log" ] && bad "bare: something was run: $(cat "$s/log")" || ok
cmd=$(sed -n 's/^  \(apt-get .*\)$/\1/p' "$s/err")
case $cmd in
"apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev make pkg-config libncurses-dev check libunistring-dev libgit2-dev gettext tmux mandoc valgrind python3 locales && "*"locale-gen") ok ;;
*) bad "bare: the command: $cmd" ;;
esac
# That command, run as root there, installs the packages and makes the
# locales.
env -i PATH="$s/bin" FAKE_UID=0 sh -c "$cmd" >/dev/null 2>&1 && ok || bad "bare: the command failed"
has bare-fixed "$s/log" "apt-get install -y --no-install-recommends gcc libc6-dev"
has bare-fixed "$s/log" "locale-gen"
has bare-fixed "$s/locales" "ja_JP.utf8"
has bare-fixed "$s/locales" "en_US.utf8"
[ "$(grep -c '^ja_JP.UTF-8 UTF-8$' "$s/root/etc/locale.gen")" = 1 ] && ok || bad "bare: locale.gen: $(cat "$s/root/etc/locale.gen")"

# 2. Packages there, the locales package too, locales not generated: only
# the locale step; run, the script is then quiet.
s=$tmp/nolocale; fake "$s"; all_packages "$s"
mkdir -p "$s/root/usr/sbin" "$s/root/etc"
ln -s "$s/bin/locale-gen" "$s/root/usr/sbin/locale-gen"
printf '# ja_JP.UTF-8 UTF-8\nen_US.UTF-8 UTF-8\n' > "$s/root/etc/locale.gen"
run "$s"
status_is nolocale "$s" 1
grep -q "packages:" "$s/err" && bad "nolocale: packages listed" || ok
has nolocale "$s/err" "locales:  ja_JP.UTF-8 en_US.UTF-8"
cmd=$(sed -n 's/^  \(.*locale-gen\)$/\1/p' "$s/err")
case $cmd in "for l in ja_JP.UTF-8 en_US.UTF-8; do"*) ok ;; *) bad "nolocale: the command: $cmd" ;; esac
env -i PATH="$s/bin" sh -c "$cmd" >/dev/null 2>&1 && ok || bad "nolocale: the command failed"
[ "$(grep -c '^en_US.UTF-8 UTF-8$' "$s/root/etc/locale.gen")" = 1 ] && ok || bad "nolocale: en_US added twice"
run "$s"
status_is nolocale-fixed "$s" 0
[ -s "$s/err" ] || [ -s "$s/out" ] && bad "nolocale-fixed: not quiet: $(cat "$s/err")" || ok

# 3. Not root, with sudo: the same one command is run through sudo, once.
s=$tmp/sudo; fake "$s"; with_sudo "$s"
run "$s"
status_is sudo "$s" 0
[ "$(grep -c '^sudo ' "$s/log")" = 1 ] && ok || bad "sudo: not one sudo: $(cat "$s/log")"
has sudo "$s/log" "sudo env DEBIAN_FRONTEND=noninteractive sh -c apt-get update && apt-get install -y --no-install-recommends gcc"
has sudo "$s/log" "apt-get install -y --no-install-recommends gcc libc6-dev make pkg-config libncurses-dev check libunistring-dev libgit2-dev gettext tmux mandoc valgrind python3 locales"
has sudo "$s/log" "locale-gen"
has sudo "$s/locales" "ja_JP.utf8"

# 4. Root with everything: nothing said, nothing run.
s=$tmp/done; fake "$s"; all_packages "$s"
printf 'C\nen_US.utf8\nja_JP.utf8\n' > "$s/locales"
run "$s" FAKE_UID=0
status_is done "$s" 0
[ -s "$s/err" ] || [ -s "$s/out" ] || [ -s "$s/log" ] && bad "done: not quiet" || ok

# 5. make check (install-deps.sh check) as root, everything but Chromium:
# it is installed on its own; then all is quiet.
s=$tmp/chromium; fake "$s"; all_packages "$s"
printf 'C\nen_US.utf8\nja_JP.utf8\n' > "$s/locales"
mode=check run "$s" FAKE_UID=0
status_is chromium "$s" 0
has chromium "$s/log" "apt-get install -y --no-install-recommends chromium"
[ "$(grep -c '^apt-get install' "$s/log")" = 1 ] && ok || bad "chromium: not one install: $(cat "$s/log")"
: > "$s/log"
mode=check run "$s" FAKE_UID=0
status_is chromium-there "$s" 0
[ -s "$s/err" ] || [ -s "$s/log" ] && bad "chromium-there: not quiet: $(cat "$s/err")" || ok
# Without `check` (make run) Chromium is not asked for.
rm "$s/bin/chromium"; : > "$s/log"
run "$s" FAKE_UID=0
[ -s "$s/err" ] || [ -s "$s/log" ] && bad "chromium-run: Chromium asked for by make run" || ok

# 6. Chromium that cannot be installed (no such package, no network):
# said, and the check goes on (its test skips).
s=$tmp/nochromium; fake "$s"; all_packages "$s"
printf 'C\nen_US.utf8\nja_JP.utf8\n' > "$s/locales"
mode=check run "$s" FAKE_UID=0 FAKE_NO_CHROMIUM=1
status_is nochromium "$s" 0
has nochromium "$s/err" "todoke: could not install chromium: the tests that need it are skipped"
# A bare system: the build's packages in their own command, which does
# not fail for Chromium.
s=$tmp/barechromium; fake "$s"; with_sudo "$s"
mode=check run "$s" FAKE_NO_CHROMIUM=1
status_is barechromium "$s" 0
has barechromium "$s/log" "apt-get install -y --no-install-recommends gcc libc6-dev make pkg-config libncurses-dev check libunistring-dev libgit2-dev gettext tmux mandoc valgrind python3 locales"
has barechromium "$s/err" "could not install chromium"

# 7. Not root, no sudo, all the build needs there: the command for
# Chromium is given, nothing is run, and make check goes on.
s=$tmp/userchromium; fake "$s"; all_packages "$s"
printf 'C\nen_US.utf8\nja_JP.utf8\n' > "$s/locales"
mode=check run "$s"
status_is userchromium "$s" 0
has userchromium "$s/err" "the tests that need chromium are skipped; as root, run: apt-get update && apt-get install -y --no-install-recommends chromium"
[ -s "$s/log" ] && bad "userchromium: something was run: $(cat "$s/log")" || ok

finish deps
