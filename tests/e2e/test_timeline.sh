#!/bin/sh
# The timeline (6-2): entries added, edited, reordered and deleted; and
# the reporter's details remembered in the profile for the next incident.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/t.incident"
e2e_start "$inc"
wait_for "(page 1 of 36)"
keys Tab; type "東京都千代田区"; keys Tab; type "株式会社例"; keys Tab
type "佐藤 花子"; keys Tab; type "hanako@example.jp"; keys Tab; type "03-1111-2222"
keys C-g
wait_for "Pages"
keys Home Down Down Down Down Down Down Down Down Down Down Down Down Enter
wait_for "6-2)本インシデントの対応内容・時系列  (page 13 of 36)"
for d in 1 2 3; do
	keys Enter
	wait_for "日付:"
	type "2022-11-0$d"; keys Tab; type "作業$d"; keys Escape
	wait_for "$d. 2022年11月$d日: 作業$d"
	keys Down
done
# The second entry to the top, then the (new) third deleted after a "no".
keys Up Up -
wait_for "1. 2022年11月2日: 作業2"
wait_for "2. 2022年11月1日: 作業1"
keys Down Down x
wait_for "Delete this entry? (y/n)"
keys n
wait_for "3. 2022年11月3日: 作業3"
keys DC
wait_for "Delete this entry? (y/n)"
keys y
keys Up Enter
wait_for "日付:"
keys Tab End; type "(追記)"; keys Escape
wait_for "2. 2022年11月1日: 作業1(追記)"
keys F10 y
wait_exit
"$E2E_PROG" export ipa "$inc" > "$e2e_tmp/out.txt"
sed -n '/^ 6-2)/,/^ 6-3)/p' "$e2e_tmp/out.txt" > "$e2e_tmp/timeline.txt"
printf '%s\n' " 6-2)本インシデントの対応内容・時系列:" "  2022年11月2日:" "  作業2" \
	"  2022年11月1日:" "  作業1(追記)" " 6-3)再発防止のための対策:" > "$e2e_tmp/want.txt"
same_file "$e2e_tmp/timeline.txt" "$e2e_tmp/want.txt"

# A new incident offers the reporter's details from the profile.
[ "$(stat -c %a "$TODOKE_HOME/profile")" = 600 ] && ok || fail "profile not 0600"
e2e_start "$e2e_tmp/second.incident"
wait_for "住所: 東京都千代田区"
wait_for "氏名: 佐藤 花子"
wait_for "TEL: 03-1111-2222"
keys F10 y
wait_exit
grep -qxF "reporter.email: hanako@example.jp" "$e2e_tmp/second.incident" && ok ||
	fail "profile not used for the new incident"
e2e_finish
