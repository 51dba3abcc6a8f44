#!/bin/sh
# The one export screen (issue 13, point 13), at 80x24 in English and
# Japanese: the review's e lists every document the incident needs, each in
# the form its recipient takes, named after the incident's title in its
# folder; w writes them all, byte for byte what `todoke export` writes with
# the same options; a name is changed before writing; a file already there
# is asked about one by one (overwrite, new name, skip) and never replaced
# unasked.  Then (issue 16) m marks a file as submitted there; after three
# answers change, the screen says so, shows what changed before writing
# again (前回の提出から変わった項目), the PPC report's 九 その他 lists the
# changes when asked (c: as `export ppc --changes`), and t shows the report
# as text against the copy sent.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80
E2E_LINES=24
E2E_ENV="TODOKE_NOW=1666828800"   # the e-mail drafts' Date:
export TODOKE_NOW=1666828800
store="$TODOKE_HOME/incidents"
mkdir -p "$store"
stem="ECサイトのカード情報漏えい(速報)"

for lang in C ja; do
	if [ $lang = ja ]; then
		E2E_LANG=ja_JP.UTF-8
		t_page="1 / 36"; t_review="e 書出し";t_export="書き出し"; t_written="書き出し %s、スキップ %s。"; t_exists="既にあります: "
		t_skipped="この事案では不要: 委託元への通知、警察への相談メモ"
		t_changed="前回の提出から変わった項目"; t_sent0="提出: 速報 2022-10-27、その後に変わった回答 0 件"
		t_sent3="提出: 速報 2022-10-27、その後に変わった回答 3 件"; t_diff="個人情報保護委員会への漏えい等報告: 提出したものと今の内容"
		t_first="先にこのファイルを書き出して (w)"
		t_nine="九 その他に速報からの変更点を記載: [ ] (c)"; t_nine_on="九 その他に速報からの変更点を記載: [x] (c)"
		t_mark="m: 提出済みにする"; t_name="ファイル名:"; t_newname="書き出し先:"
		t_eml="メールの下書き (ISO-2022-JP)"; t_cp932="テキスト (CP932, CR LF)"
		t_assist="p PPC 入力補助"
	else
		E2E_LANG=C.UTF-8
		t_page="(page 1 of 36)"; t_review="e export";t_export="Export"; t_written="Written %s, skipped %s."; t_exists="Exists: "
		t_skipped="Not needed for this incident: 委託元への通知, 警察への相談メモ"
		t_changed="Changed since the last submission"; t_sent0="Sent: 速報 2022-10-27; 0 answer(s) changed since"
		t_sent3="Sent: 速報 2022-10-27; 3 answer(s) changed since"; t_diff="個人情報保護委員会への漏えい等報告: as sent, and now"
		t_first="Write this file first (w)"
		t_nine="九 その他 lists the changes since the 速報: [ ] (c)"; t_nine_on="九 その他 lists the changes since the 速報: [x] (c)"
		t_mark="m: 提出済みにする"; t_name="File name:"; t_newname="Write to:"
		t_eml="e-mail draft (ISO-2022-JP)"; t_cp932="text (CP932, CR LF)"
		t_assist="p PPC 入力補助"
	fi
	rm -rf "$store"; mkdir -p "$store"
	inc="$store/shop.incident"
	cp "$e2e_dir/../golden/ppc/prelim.incident" "$inc"
	e2e_start "$inc"
	wait_for "$t_page"
	keys C-r
	wait_for "$t_review"
	keys e
	wait_for "$t_export"
	# Every document needed, in its recipient's form, named for the title.
	wait_for "[x] $stem-ipa.eml  $t_eml"
	wait_for "[x] $stem-ipa.txt  $t_cp932"
	wait_for "[x] $stem-ppc.txt"
	wait_for "$t_assist"
	wait_for "[x] $stem-notice.html"
	wait_for "[x] $stem-notice.txt"
	wait_for "$t_skipped"
	# A name changed before writing.
	keys Down Down Down Down
	keys Enter
	wait_for "$t_name"
	keys C-u; type "$store/letter.txt"; keys Enter
	wait_for "[x] letter.txt"
	keys w
	wait_for "$(printf "$t_written" 5 0)"
	for f in "$stem-ipa.eml" "$stem-ipa.txt" "$stem-ppc.txt" "$stem-notice.html" letter.txt; do
		[ "$(stat -c %a "$store/$f" 2>/dev/null)" = 600 ] && ok || fail "$lang: $f not written 0600"
	done
	"$E2E_PROG" export ipa --eml "$inc" > "$e2e_tmp/ipa.eml" 2>/dev/null
	same_file "$store/$stem-ipa.eml" "$e2e_tmp/ipa.eml"
	"$E2E_PROG" export ipa --encoding=cp932 --crlf "$inc" > "$e2e_tmp/ipa.txt"
	same_file "$store/$stem-ipa.txt" "$e2e_tmp/ipa.txt"
	"$E2E_PROG" export ppc "$inc" > "$e2e_tmp/ppc.txt"
	same_file "$store/$stem-ppc.txt" "$e2e_tmp/ppc.txt"
	"$E2E_PROG" export notice --format=html "$inc" > "$e2e_tmp/notice.html"
	same_file "$store/$stem-notice.html" "$e2e_tmp/notice.html"
	"$E2E_PROG" export notice "$inc" > "$e2e_tmp/notice.txt"
	same_file "$store/letter.txt" "$e2e_tmp/notice.txt"
	grep -q "^To: " "$store/$stem-ipa.eml" && ok || fail "$lang: the e-mail draft has no To:"

	# Again: each file there is asked about, none replaced unasked.
	printf 'kept\n' > "$store/$stem-ppc.txt"
	printf 'old\n' > "$store/$stem-ipa.eml"
	keys w
	wait_for "$t_exists$stem-ipa.eml"
	keys o                                       # overwrite
	wait_for "$t_exists$stem-ipa.txt"
	keys n                                       # a new name
	wait_for "$t_newname"
	keys C-u; type "$store/ipa-2.txt"; keys Enter
	wait_for "$t_exists$stem-ppc.txt"
	keys s                                       # skip the rest
	wait_for "$t_exists$stem-notice.html"
	keys s
	wait_for "${t_exists}letter.txt"
	keys s
	wait_for "$(printf "$t_written" 2 3)"
	same_file "$store/$stem-ipa.eml" "$e2e_tmp/ipa.eml"
	same_file "$store/ipa-2.txt" "$e2e_tmp/ipa.txt"
	[ "$(cat "$store/$stem-ppc.txt")" = kept ] && ok || fail "$lang: a skipped file was replaced"

	# 提出済みにする from here, for a file written: the PPC report's text
	# was skipped (what is there is not what todoke wrote), so it is
	# written again first.
	keys Up Up                                   # the PPC report's text
	keys m
	wait_for "$t_first"
	keys w
	wait_for "$t_exists$stem-ipa.eml"
	keys s
	wait_for "${t_exists}ipa-2.txt"
	keys s
	wait_for "$t_exists$stem-ppc.txt"
	keys o
	wait_for "$t_exists$stem-notice.html"
	keys s
	wait_for "${t_exists}letter.txt"
	keys s
	wait_for "$(printf "$t_written" 1 4)"
	keys m
	wait_for "$stem-ppc.txt"
	wait_for "2022-10-27"
	keys Enter
	wait_for "$t_sent0"
	wait_for "$t_nine"
	keys Escape
	settle
	keys Escape
	settle
	keys F10
	settle
	keys y
	wait_exit
	"$E2E_PROG" submissions "$inc" > "$e2e_tmp/subs" 2>&1
	grep -qF "1	2022-10-27	ppc	速報	$stem-ppc.txt	" "$e2e_tmp/subs" && ok ||
		fail "$lang: not recorded as submitted: $(cat "$e2e_tmp/subs")"
	git --git-dir="$store/.todoke-history" show "todoke/shop/1:sent/$stem-ppc.txt" > "$e2e_tmp/kept"
	same_file "$e2e_tmp/kept" "$e2e_tmp/ppc.txt"

	# Three answers change; the next export says so and shows them first.
	sed -i -e 's/^reporter.org: .*/reporter.org: (株)新商店/' \
		-e 's/^reporter.email: .*/reporter.email: info@example.jp/' \
		-e 's/^reporter.tel: .*/reporter.tel: 03-1234-5678/' "$inc"
	e2e_start "$inc"
	wait_for "$t_page"
	keys C-r
	wait_for "$t_review"
	keys e
	wait_for "$t_sent3"
	keys Down Down                               # the PPC report's text
	keys v
	wait_for "$t_changed"
	wait_for "reporter.tel (TEL): ○○-○○○○-○○○○ → 03-1234-5678"
	keys Escape
	keys t                                       # as text, against the copy sent
	wait_for "$t_diff"
	wait_for "+氏名又は名称: (株)新商店"
	keys End
	wait_for "+担当者の電話番号: 03-1234-5678"
	keys Escape
	keys c
	wait_for "$t_nine_on"
	# Only the PPC report this time.
	keys Up Up Space Down Space Down Down Space Down Space
	keys w
	wait_for "$t_changed"
	wait_for "reporter.email (E-Mail): △△△@××.□□.○○○ → info@example.jp"
	keys w
	wait_for "$t_exists$stem-ppc.txt"
	keys o
	wait_for "$(printf "$t_written" 1 0)"
	"$E2E_PROG" export ppc --changes "$inc" > "$e2e_tmp/final.txt"
	same_file "$store/$stem-ppc.txt" "$e2e_tmp/final.txt"
	grep -qF "からの変更点:" "$store/$stem-ppc.txt" && ok || fail "$lang: 九 has no changes"
	keys Escape
	settle
	keys F10
	settle
	keys y
	wait_exit
	grep -qF "からの変更点" "$inc" && fail "$lang: the changes were saved as an answer" || ok
done

# An incident in a hidden folder (the personal store is in ~/.local/share)
# writes its documents where the user sees them: ~/todoke/, made 0700; a
# title with a / and spaces is a safe name.
E2E_LANG=C.UTF-8
mkdir -p "$e2e_tmp/.hidden" "$e2e_tmp/h"
"$E2E_PROG" new --title "会員サイト 不正ログイン/第1報" "$e2e_tmp/.hidden/case.incident" >/dev/null 2>&1
E2E_ENV="TODOKE_NOW=1666828800 HOME=$e2e_tmp/h"
e2e_start "$e2e_tmp/.hidden/case.incident"
wait_for "(page 1 of"
keys C-r
wait_for "e export"
keys e
wait_for "Folder: $e2e_tmp/h/todoke"
wait_for "[x] 会員サイト_不正ログイン_第1報-ipa.eml"
keys w
wait_for "Written "
[ -f "$e2e_tmp/h/todoke/会員サイト_不正ログイン_第1報-ipa.txt" ] && ok || fail "not written in ~/todoke"
[ "$(stat -c %a "$e2e_tmp/h/todoke")" = 700 ] && ok || fail "~/todoke not 0700"
ls -A "$e2e_tmp/.hidden" | grep -q -- "-ipa" && fail "written in the hidden folder" || ok
keys Escape
settle
keys F10
settle
keys y
wait_exit
e2e_finish
