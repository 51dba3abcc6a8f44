#!/bin/sh
# 「PPC 入力補助」 (issue 13, point 14): from the documents screen, the PPC
# report's items in the form's order; Enter sends the chosen item's text
# as OSC 52 (ESC ] 52 ; c ; BASE64 BEL), marks it copied and moves on.
# The program's raw output is captured with pipe-pane and the base64
# decoded back to the text `todoke export ppc` writes for the item.
. "$(dirname "$0")/lib.sh"

golden="$e2e_dir/../golden"
E2E_COLS=80 E2E_LINES=24
# The OSC 52 payloads in the captured bytes, decoded, one per file N.
osc52() {
	n=0
	tr '\a' '\n' < "$1" | sed -n 's/.*\x1b\]52;c;\([A-Za-z0-9+/=]*\)$/\1/p' |
	while read -r b; do
		n=$((n + 1))
		printf '%s' "$b" | base64 -d > "$2.$n" || echo "bad base64: $b"
	done
}
for E2E_LANG in ja_JP.UTF-8 C.UTF-8; do
	inc="$e2e_tmp/r-$E2E_LANG.incident"
	cp "$golden/ppc/ransomware.incident" "$inc"
	raw="$e2e_tmp/raw-$E2E_LANG"
	: > "$raw"
	e2e_start "$inc"
	settle
	keys C-r
	keys d
	wait_for "ppc      個人情報保護委員会への漏えい等報告"
	keys p
	wait_for "[ ] 報告者: 氏名又は名称"
	# The chosen item's text alone, below the list.
	wait_for " 株式会社あおば調剤"
	tm pipe-pane -t e2e -o "cat >> '$raw'"
	keys Enter
	wait_for "[x] 報告者: 氏名又は名称"
	wait_for " 宮城県仙台市青葉区一番町0丁目0番00号"
	keys Enter
	wait_for "[x] 報告者: 住所"
	keys End
	wait_for " 宮城県警察に被害を相談し"
	keys Enter
	settle
	tm pipe-pane -t e2e
	osc52 "$raw" "$e2e_tmp/clip-$E2E_LANG"
	printf '株式会社あおば調剤' > "$e2e_tmp/want1"
	printf '宮城県仙台市青葉区一番町0丁目0番00号' > "$e2e_tmp/want2"
	printf '宮城県警察に被害を相談し、厚生労働省にも報告済み。身代金の支払いには応じていない。\n他機関への届出: ■関係省庁 ■警察 ■セキュリティベンダ □その他' > "$e2e_tmp/want3"
	for i in 1 2 3; do
		if [ -f "$e2e_tmp/clip-$E2E_LANG.$i" ]; then
			same_file "$e2e_tmp/clip-$E2E_LANG.$i" "$e2e_tmp/want$i"
		else
			fail "$E2E_LANG: no OSC 52 sequence number $i in the output"
		fi
	done
	[ -f "$e2e_tmp/clip-$E2E_LANG.4" ] && fail "$E2E_LANG: more copies than Enters" || ok
	# The same items as the exported report: the texts are its own lines.
	"$E2E_PROG" export ppc "$inc" > "$e2e_tmp/cli.txt"
	grep -qxF "氏名又は名称: 株式会社あおば調剤" "$e2e_tmp/cli.txt" && ok || fail "export differs"
	keys Escape Escape F10 y
	wait_exit
done
e2e_finish
