#!/bin/sh
# tty-state.sh DIR PROG ARGS... — runs PROG on this terminal and records
# the terminal's modes (stty -g) before and after it in DIR/before and
# DIR/after, and its exit status in DIR/rc: the terminal left as found.
dir=$1; shift
stty -g >"$dir/before"
"$@"
echo $? >"$dir/rc"
stty -g >"$dir/after"
