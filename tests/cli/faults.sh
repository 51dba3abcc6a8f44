#!/bin/sh
# The command line under faults and hostile files: a write over the file
# size limit, a FIFO or a device named as an incident, hostile bytes.
# Usage: tests/cli/faults.sh PATH-TO-TODOKE
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
golden=$(cd "$(dirname "$0")/../golden/ipa" && pwd)
. "$(dirname "$0")/../lib.sh"
cd "$tmp" || exit 1
cp "$golden/example.incident" ex.incident

# Over the file size limit: a message, the old file intact, no temporary
# file; not death by SIGXFSZ (its default action is reset for the test:
# a parent may have ignored it).
if command -v prlimit >/dev/null && env --default-signal=XFSZ true 2>/dev/null; then
	echo "the previous export" > ipa.txt
	expect efbig-export 2 env --default-signal=XFSZ prlimit --fsize=1000 "$prog" export ipa ex.incident -o ipa.txt &&
		has efbig-export err "ipa.txt: cannot write: File too large"
	[ "$(cat ipa.txt)" = "the previous export" ] && ok || bad "efbig-export: the old file was changed"
	[ -z "$(ls -A | grep '^\.' | grep -vx '\.todoke-history')" ] && ok || bad "efbig-export: temporary file left: $(ls -A)"
	rm -f new.incident
	expect efbig-new 2 env --default-signal=XFSZ prlimit --fsize=100 "$prog" new --title "大きすぎる" new.incident &&
		has efbig-new err "new.incident: cannot write: File too large"
	[ ! -e new.incident ] && ok || bad "efbig-new: new.incident written"
	[ -z "$(ls -A | grep '^\.' | grep -vx '\.todoke-history')" ] && ok || bad "efbig-new: temporary file left: $(ls -A)"
else
	echo "faults: skipped the file size limit (no prlimit or env --default-signal)"
fi

# A FIFO, a device or a directory named as an incident: refused at once,
# never waited on (a FIFO nobody writes to used to block for ever).
mkfifo fifo.incident
expect fifo 2 timeout 10 "$prog" check fifo.incident &&
	has fifo err "fifo.incident: not a regular file (a FIFO, device or socket): not read"
expect fifo-export 2 timeout 10 "$prog" export ipa fifo.incident -o fifo.txt &&
	has fifo-export err "fifo.incident: not a regular file"
expect device 2 timeout 10 "$prog" check /dev/zero && has device err "/dev/zero: not a regular file"
mkdir dir.incident
expect directory 2 "$prog" check dir.incident && has directory err "dir.incident: is a directory"

# Hostile bytes: a C1 control (U+009B, CSI to a terminal) in an answer is
# refused at its line and column, as C0 ones are, and never echoed raw.
printf 'todoke-incident 1\n[incident]\nform: ipa-access 3.5\n[answers]\nreporter.name: a\302\233[2Jb\n[end]\n' > c1.incident
expect c1-answer 2 "$prog" check c1.incident &&
	has c1-answer err "c1.incident:5:17: control character U+009B: not text, remove it"
LC_ALL=C grep -q "$(printf '\302\233')" err && bad "c1-answer: raw CSI on stderr" || ok
# new --title: what is written must read back.
expect title-esc 2 "$prog" new --title "$(printf 'a\033]0;x\007b')" esc.incident &&
	has title-esc err "--title: control character U+001B: not text, remove it"
expect title-c1 2 "$prog" new --title "$(printf 'a\302\233b')" c1t.incident &&
	has title-c1 err "--title: control character U+009B: not text, remove it"
expect title-utf8 2 "$prog" new --title "$(printf 'a\377b')" u8.incident &&
	has title-utf8 err "--title: not valid UTF-8 (byte 0xFF)"
[ ! -e esc.incident ] && [ ! -e c1t.incident ] && [ ! -e u8.incident ] && ok || bad "new --title wrote a file"
expect title-tab 0 "$prog" new --title "$(printf 'a\tb')" tab.incident
expect title-tab-reads 1 "$prog" check tab.incident && has title-tab-reads out "missing:"

# ESC or CSI in a company's own wording of the notice never reaches the
# HTML page: refused at its line and column.
mkdir -p own
cp "$golden/../notice/intrusion.incident" n.incident
for v in 'ESC:\033[31m弊社:15:001B' 'CSI:弊社\302\233:19:009B'; do
	name=${v%%:*}; rest=${v#*:}; text=${rest%%:*}; rest=${rest#*:}; col=${rest%%:*}; cp=${rest#*:}
	printf "todoke-notice 1\ninclude common.notice\nset we        $text\n" > own/common.notice
	expect "notice-$name" 2 env TODOKE_NOTICE_DIR="$tmp/own" "$prog" export notice n.incident --format=html -o n.html &&
		has "notice-$name" err "own/common.notice:3:$col: control character U+$cp: not text, remove it"
	[ ! -e n.html ] && ok || bad "notice-$name: n.html written"
done

# A file's name is shown with its control characters visible, in check's
# report and in messages.
esc=$(printf 'a\033]0;x\007b')
cp ex.incident "$esc.incident"
sed 's/^discovery.date: 2022-10-24$/discovery.date: 2099-10-24/' ex.incident > "$esc.incident"
expect name-check 1 env TODOKE_TODAY=2022-10-27 "$prog" check "$esc.incident" &&
	has name-check out "a<U+001B>]0;x<U+0007>b.incident:16: error:"
LC_ALL=C grep -q "$(printf '\033')" out && bad "name-check: raw ESC on stdout" || ok
expect name-error 2 "$prog" export ipa "$esc.missing" -o x.txt &&
	has name-error err "a<U+001B>]0;x<U+0007>b.missing: cannot open"
LC_ALL=C grep -q "$(printf '\033')" err && bad "name-error: raw ESC on stderr" || ok

# libgit2 is opened on first use (src/history/gitload.h): when it cannot
# be, the answers are still written, saying why; a history cannot be read.
# A file that is no library, first on the search path, stands for a broken
# or missing libgit2.  In a folder of its own: the tests above leave a
# history cut short by the file size limit.
mkdir gitload && cd gitload || exit 1
expect git-new 0 "$prog" new --title "履歴あり" git.incident
expect git-history 0 "$prog" history git.incident
mkdir nogit
soname=$(sed -n 's/^#define TODOKE_LIBGIT2 "\(.*\)"$/\1/p' "$(dirname "$prog")/config.h")
echo "not a library" > "nogit/$soname"
nogit="env LD_LIBRARY_PATH=$tmp/gitload/nogit"
expect nogit-new 0 $nogit "$prog" new --title "履歴なし" nogit.incident &&
	has nogit-new err "history: libgit2 cannot be loaded: $tmp/gitload/nogit/$soname"
[ -s nogit.incident ] && [ "$(stat -c %a nogit.incident)" = 600 ] && ok ||
	bad "nogit-new: the incident was not written, 0600"
expect nogit-history 2 $nogit "$prog" history git.incident &&
	has nogit-history err "history: libgit2 cannot be loaded"
cd .. || exit 1

finish cli-faults
