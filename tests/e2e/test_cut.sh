#!/bin/sh
# Nothing cut off at 80x24 (issue 13, point 8), in Japanese and English:
# every page, the index, the review, the documents, PPC 入力補助, export,
# help, the start screen and the lock message.  On each screen the frame's
# lines (title bar, status, PPC line, message, footer) are whole or end in "...", the
# page counter and the count of answers appear whole, and no line ends in
# half a date or a pid; the index's titles are whole or end in "...".
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
nscreens=0

# check_cut NAME: the checks above on the screen now shown.
check_cut() {
	nscreens=$((nscreens + 1))
	screen "$e2e_tmp/c.txt"
	bad=$(python3 - "$e2e_tmp/c.txt" "$1" $E2E_COLS $E2E_LINES <<'PY'
import re, sys, unicodedata
path, name, cols, lines = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
count = r"(answered [0-9]+ of [0-9]+|回答済み [0-9]+ / [0-9]+)$"
part = r"(part [0-9]+ of [0-9]+|第[0-9]+部 \(全[0-9]+部\)): \S+( \S+)? [0-9]+/[0-9]+$"
for n, line in enumerate(open(path, encoding="utf-8").read().split("\n")[:lines], 1):
    line = line.rstrip(" ")
    w = width(line)
    # A frame line that reaches the edge was cut unless it ends in "...".
    if n in (1, 2, 3, lines - 1, lines) and w >= cols - 1 and not line.endswith("...") \
            and not (n == 2 and re.search(count, line)) and not (n == 1 and re.search(part, line)):
        print(f"{name}: line {n} cut: {line}")
    # The status line: its counters whole.
    if n == 2 and re.search(r"\(page|ページ\)", line) and \
            not re.search(r"\(page [0-9]+ of [0-9]+\)|\([0-9]+ / [0-9]+ ページ\)", line):
        print(f"{name}: page counter cut: {line}")
    if n == 2 and re.search("answered|回答済み", line) and not re.search(count, line):
        print(f"{name}: count of answers cut: {line}")
    # Half a date or a pid at the edge of any line.
    if w >= cols - 2 and re.search(r"(^|[^0-9])[0-9]{4}-([0-9]{1,2}|[0-9]{2}-[0-9]?)?$|\(pid [0-9]*$", line):
        print(f"{name}: line {n} ends in half a date or pid: {line}")
PY
)
	if [ -n "$bad" ]; then fail "$E2E_LANG: $bad"; else ok; fi
}

for E2E_LANG in ${CUT_LANGS:-ja_JP.UTF-8 C.UTF-8}; do
	case $E2E_LANG in
	ja*) counter="ページ)" last_re="(\([0-9]+ / [0-9]+ ページ\))" pages="ページ一覧" review="確認"
	     docs="文書" assist="入力補助" help="ヘルプ" write="書き出し先" inuse="から編集中です" ;;
	*) counter="(page " last_re="" pages="Pages" review="Review" docs="Documents"
	   assist="PPC form assistant" help="Help" write="to:" inuse="Being edited by" ;;
	esac
	# A fresh incident (the PPC line lists what to answer) and one whose
	# report is due (the PPC line has its deadlines).
	fresh="$e2e_tmp/fresh-$E2E_LANG.incident"
	"$E2E_PROG" new --title "画面の切れ目を調べるための少し長めの題名のインシデントです" "$fresh" ||
		fail "todoke new"
	due="$e2e_tmp/due-$E2E_LANG.incident"
	sed -e 's/^\[end\]$/ppc.acquire: held\n[end]/' -e '/^ppc\.\(prelim\|final\)\.date:/d' \
	    -e 's/^ppc\.kind: final/ppc.kind: prelim/' "$e2e_dir/../golden/ppc/final.incident" >"$due"
	chmod 600 "$due"
	for inc in "$fresh" "$due"; do
		e2e_start "$inc"
		wait_for "$counter"
		# Every page, to the last.
		n=0
		while :; do
			check_cut "page $((n + 1)) of $(basename "$inc")"
			screen "$e2e_tmp/p.txt"
			sed -n 2p "$e2e_tmp/p.txt" | grep -qE "\(page ([0-9]+) of \1\)|\(([0-9]+) / \2 ページ\)" && break
			n=$((n + 1))
			[ $n -gt 60 ] && { fail "$E2E_LANG: never reached the last page"; break; }
			keys C-n
		done
		keys C-g
		wait_for "$pages"
		for k in Home PgDn PgDn End; do keys $k; check_cut "index $k"; done
		keys Enter C-r
		wait_for "$review"
		check_cut review
		keys PgDn
		check_cut "review PgDn"
		keys d
		wait_for "$docs"
		check_cut documents
		keys e
		wait_for "$write"
		check_cut export
		keys Escape Escape
		keys p
		check_cut "PPC form assistant"
		keys Escape F1
		wait_for "$help"
		check_cut help
		keys Escape
		keys F10 y
		wait_exit
		tm kill-server
	done
	# The start screen, and the lock message of an incident in use.
	mkdir -p "$TODOKE_HOME/incidents"
	cp "$due" "$TODOKE_HOME/incidents/an-incident-with-a-rather-long-file-name-$E2E_LANG.incident"
	e2e_start "$TODOKE_HOME/incidents/an-incident-with-a-rather-long-file-name-$E2E_LANG.incident"
	wait_for "$counter"
	other=$e2e_sock
	e2e_sock="$e2e_tmp/other.sock"
	tm -f /dev/null new-session -d -s e2e -x 80 -y 24 \
		env LANG="$E2E_LANG" LC_ALL="$E2E_LANG" TERM="$E2E_TERM" \
		${TODOKE_LOCALEDIR:+TODOKE_LOCALEDIR=$TODOKE_LOCALEDIR} \
		TODOKE_HOME="$TODOKE_HOME" TODOKE_TODAY="$TODOKE_TODAY" TODOKE_DATADIR="$TODOKE_DATADIR" \
		"$E2E_PROG"
	tm set-option -t e2e remain-on-exit on >/dev/null
	settle
	check_cut "start screen"
	# Down to the incident in use, and try to open it.
	screen "$e2e_tmp/s.txt"
	n=$(awk 'index($0, "画面の切れ目") || index($0, "ECサイト") { print NR; exit }' "$e2e_tmp/s.txt")
	s=$(awk 'index($0, "[+") { print NR; exit }' "$e2e_tmp/s.txt")
	i=$((${n:-0} - ${s:-0}))
	while [ $i -gt 0 ]; do keys Down; i=$((i - 1)); done
	keys Enter
	wait_for "$inuse"
	check_cut "lock message"
	screen "$e2e_tmp/l.txt"
	grep -qE "\(pid [0-9]+" "$e2e_tmp/l.txt" && ok || fail "$E2E_LANG: the lock message lost its pid"
	tm kill-server
	e2e_sock=$other
	keys F10 y
	wait_exit
	tm kill-server
	rm -f "$TODOKE_HOME/incidents/"*.incident
done
unset E2E_LANG
[ $nscreens -gt 150 ] && ok || fail "only $nscreens screens looked at"
e2e_finish
