#!/bin/sh
# The start screen with a few hundred incidents (issue 14): the newest rows
# show, the list completes (the header then counts it) and End reaches the
# oldest; the index it leaves is 0600 in a 0700 folder of the cache; the
# next start reads it, and an incident changed behind its back (in place,
# its size and mtime put back) shows its new title; a damaged index is
# read as none.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
store="$TODOKE_HOME/incidents"
cache="$TODOKE_HOME/cache"
n=300
mkdir -p "$store"; chmod 700 "$store"

# Incident $1 (000 oldest … 299 newest) titled $2, changed at minute $1.
make_incident() {
	f="$store/$1.incident" m=$((1$1 - 1000))
	printf 'todoke-incident 1\n\n[incident]\nform: ipa-access 3.5\ntitle: %s\n\n[answers]\ndiscovery.date: 2022-10-%02d\n\n[end]\n' \
		"$2" $((1 + m % 28)) > "$f"
	chmod 600 "$f"
	touch -d "@$((1664550000 + m * 60))" "$f"
}
i=0
while [ $i -lt $n ]; do
	k=$(printf %03d $i)
	case $i in
	0) t="最古の届出" ;;
	$((n - 1))) t="最新の届出" ;;
	*) t="不正アクセス 第${i}報" ;;
	esac
	make_incident "$k" "$t"
	i=$((i + 1))
done
printf 'not an incident\n' > "$store/150.incident"

for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	case $E2E_LANG in
	ja*) count="300件" ;;
	*) count="300 incidents" ;;
	esac
	rm -rf "$cache"
	e2e_start
	wait_for "最新の届出"
	wait_for "不正アクセス 第298報"
	wait_for "$count"
	keys End
	wait_for "最古の届出"
	screen "$e2e_tmp/s.txt"
	grep -q "150: .*150.incident" "$e2e_tmp/s.txt" && fail "$E2E_LANG: the damaged one is on the last page" || ok
	keys Home
	wait_for "最新の届出"
	keys q
	keys y
	wait_exit
	idx=$(ls "$cache"/list-* 2>/dev/null | head -1)
	[ -n "$idx" ] && ok || fail "$E2E_LANG: no index in $cache"
	[ "$(stat -c %a "$idx")" = 600 ] && ok || fail "$E2E_LANG: index is $(stat -c %a "$idx")"
	[ "$(stat -c %a "$cache")" = 700 ] && ok || fail "$E2E_LANG: cache folder is $(stat -c %a "$cache")"
	grep -q "不正アクセス 第17報" "$idx" && ok || fail "$E2E_LANG: the index lacks a title"
done

# Changed behind the index's back: same size, mtime put back.
f="$store/$((n - 1)).incident"
sed -i 's/最新の届出/改めた届出/' "$f"
touch -d "@$((1664550000 + (n - 1) * 60))" "$f"
f="$store/005.incident"
sed -i 's/第5報/第X報/' "$f"
touch -d "@$((1664550000 + 5 * 60))" "$f"
e2e_start
wait_for "改めた届出"
wait_for "300 incidents"
keys End
wait_for "不正アクセス 第X報"
keys q
keys y
wait_exit

# A damaged index: the list is read again, whole and right.
idx=$(ls "$cache"/list-* | head -1)
head -c 200 "$idx" > "$idx.cut" && mv "$idx.cut" "$idx"
e2e_start
wait_for "改めた届出"
wait_for "300 incidents"
keys End
wait_for "最古の届出"
keys q
keys y
wait_exit
grep -q "^end 300$" "$idx" && ok || fail "the index was not written again"

e2e_finish
