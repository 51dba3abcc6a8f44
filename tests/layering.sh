#!/bin/sh
# The model, forms, incident files, checks and exporters know nothing of
# curses: only the front end (src/tui/) and the CLI may include it.  And no
# two files of src/tui include or call each other, directly or round a
# circle: the graph of their `#include "…"` lines and of their calls (the
# file that defines each non-static function another one uses, read with
# nm from the build's objects) has no loop.
# Usage: tests/layering.sh [BUILD_DIR]   (default: build)
set -u
cd "$(dirname "$0")/.." || exit 1
. tests/lib.sh
objdir=${1:-build}
for dir in src/*/; do
	case "$dir" in src/tui/|src/cli/) continue ;; esac
	if grep -lE '#include *[<"](n?curses|ncursesw/|panel|menu|form\.h>)' "$dir"*.c 2>/dev/null; then
		bad "$dir includes curses"
	else
		ok
	fi
done
for h in include/todoke/*.h; do
	case "$h" in include/todoke/tui*.h) continue ;; esac
	if grep -qE '#include *[<"](n?curses|ncursesw/)' "$h"; then
		bad "$h includes curses"
	else
		ok
	fi
done

# ---- no circles between the files of src/tui ---------------------------
# A file and its header are one node: app.c and app.h are "app".
: > "$tmp/edges"
: > "$tmp/defs"
: > "$tmp/why"
for f in src/tui/*.c src/tui/*.h; do
	from=$(basename "$f"); from=${from%.*}
	echo "$from $from" >> "$tmp/edges"   # every file is a node, even alone
	for to in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"/]*\)\.h".*/\1/p' "$f"); do
		if [ -e "src/tui/$to.h" ] && [ "$to" != "$from" ]; then
			echo "$from $to" >> "$tmp/edges"
			echo "$from includes $to.h" >> "$tmp/why"
		fi
	done
done
built=true
for f in src/tui/*.c; do
	m=$(basename "$f" .c)
	if [ ! -f "$objdir/src/tui/$m.o" ]; then
		echo "$objdir/src/tui/$m.o is not built: its calls cannot be read"
		built=false
	else
		nm -g --defined-only "$objdir/src/tui/$m.o" | awk -v m="$m" 'NF == 3 { print $3, m }' >> "$tmp/defs"
	fi
done
if $built; then
	sort -k1,1 "$tmp/defs" > "$tmp/defs.sorted"
	for f in src/tui/*.c; do
		m=$(basename "$f" .c)
		nm -u "$objdir/src/tui/$m.o" | awk '{ print $NF }' | sort -u |
			join -o 1.1,2.2 - "$tmp/defs.sorted" |
			while read -r sym to; do
				[ "$to" = "$m" ] && continue
				echo "$m $to" >> "$tmp/edges"
				echo "$m calls $sym of $to.c" >> "$tmp/why"
			done
	done
	if [ ! -s "$tmp/defs.sorted" ]; then
		bad "nm found no functions defined in $objdir/src/tui/*.o"
	elif tsort "$tmp/edges" > /dev/null 2> "$tmp/loop"; then
		ok
	else
		# tsort names the files of each loop, one a line after "input
		# contains a loop:"; show why each of them depends on the next.
		bad "src/tui files include or call each other in a circle:"
		sed -n 's/^tsort: //p' "$tmp/loop" | grep -v 'loop:$' | sort -u > "$tmp/inloop"
		while read -r a verb rest; do
			b=${rest##* }; b=${b%.[ch]}
			grep -qxF "$a" "$tmp/inloop" && grep -qxF "$b" "$tmp/inloop" &&
				echo "  $a $verb $rest"
		done < "$tmp/why"
	fi
else
	bad "the objects of src/tui are not all built (make first)"
fi

# One width module (include/todoke/textwidth.h): nothing else measures
# characters or finds clusters, so the editor, the wizard and the notice
# cannot disagree again; and text reaches curses through src/tui/draw.c.
width_calls='wc(s)?width|uc_width|u(8|16|32)_(str)?width|[a-z0-9]*_grapheme_(breaks|next|prev)|uc_is_grapheme_break'
# Code only: comments may name what the module uses.
code_of() { sed -e 's:/\*.*\*/::g' -e 's:^[[:space:]]*\*.*::' -e 's:/\*.*::' "$1"; }
found=0
for f in src/*/*.c src/*/*.h include/todoke/*.h; do
	[ "$f" = src/util/textwidth.c ] && continue
	if code_of "$f" | grep -nE "\\b($width_calls) *\\(" | sed "s|^|$f:|" | grep .; then found=1; fi
done
if [ $found = 1 ]; then
	bad "widths or clusters computed outside src/util/textwidth.c"
else
	ok
fi
if grep -nE '\b(w|mvw|mv)?(add_wch|addn?wstr|add_wchn?str|ins_wch)\b' src/tui/*.c | grep -v '^src/tui/draw\.c:'; then
	bad "wide text drawn outside src/tui/draw.c"
else
	ok
fi
# Documents are data (forms/documents, todoke-documents(5)): no document's
# id is a string in the code, outside the registry's reader.  The folder
# of the templates (DATADIR_TEMPLATES) is a folder's name, not an id.
ids=$(awk '$1 == "document" { print $2 }' forms/documents)
[ -n "$ids" ] || bad "forms/documents names no document"
for id in $ids; do
	if grep -rnF "\"$id\"" src include | grep -v '^src/form/documents\.c:' |
	   grep -v '#define DATADIR_TEMPLATES '; then
		bad "the document id \"$id\" is written in the code (above), not read from forms/documents"
	else
		ok
	fi
done
finish layering
