#!/bin/sh
# Encodings checked against an independent implementation, Python's codecs:
# what todoke writes, what it refuses, and that every document of its own
# (the golden incidents) goes into every encoding it offers, as a file and
# as an e-mail draft.  Usage: tests/encode/run.sh TODOKE
set -u
prog=$1
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/lib.sh"
cd "$tmp" || exit 1
export TODOKE_NOW=1666839600
# The checks are Python's (its codecs are the other implementation); it
# prints the summary line and its status is the suite's.
python3 "$here/encode/codecs_check.py" "$prog" "$here"
