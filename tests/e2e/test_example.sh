#!/bin/sh
# IPA's whole filled-in example typed through the wizard's keyboard (the
# Japanese with send-keys -l), exported from the review screen, and
# compared byte for byte with the committed copy of IPA's reference text.
. "$(dirname "$0")/lib.sh"

inc="$e2e_tmp/ex.incident"
e2e_start "$inc"
wait_for "(届出者)  (page 1 of 36)"
type "2022-10-27"; keys Tab
type "東京都○○区××× △丁目△番△号"; keys Tab
type "(株)○○商店"; keys Tab
type "□□□□"; keys Tab
type "△△△@××.□□.○○○"; keys Tab
type "○○-○○○○-○○○○"; keys Tab            # past the last field: stays
wait_for "Last question of this page: Ctrl-N or PgDn for the next page."
wait_for "(届出者)  (page 1 of 36)"
keys C-n
wait_for "1.発見年月日  (page 2 of 36)"
type "2022年10月24日"; keys C-n
wait_for "2-1)被害を受けた機器等  (page 3 of 36)"
keys Down Down Space C-n                   # ECシステム
wait_for "2-2)被害を受けた機器の設置環境"
keys Down Space C-n                        # クラウド環境に設置
wait_for "2-3)システムの接続形態図"
type "メールに添付した別紙の構成図を参照"; keys C-n
wait_for "3-1)発見契機"
keys Down Down Down Space                  # 外部サービスの提供者…
wait_for "(連絡者:"
keys Down; type "決済代行会社:社名は差し控える"; keys C-n
wait_for "3-2)発見した内容"
type "決済代行会社からクレジットカード情報が漏えいしている恐れがあるとの連絡があった。"; keys Enter
type "弊社通販サイトのアクセスログを調査したところ、不審なアクセス履歴が見つかった。"; keys C-n
wait_for "4-1)被害の有無"
keys Space C-n                             # 被害有り
wait_for "4-2)被害の種別"
keys Down Space Down Down Down Down Down Space C-n
wait_for "4-3)被害の内容"
type "・オンライン通販のサーバに何者かが侵入し、顧客が入力したクレジットカード情報を"; keys Enter
type " 弊社や決済業者とは無関係のサイトに送信する不正なプログラムが仕掛けられていた。"; keys Enter
type "・顧客のカード情報を窃取された疑いがある。"; keys C-n
wait_for "5.原因  (page 11 of 36)"
type "現時点で不明。調査完了後に結果を連絡する。"; keys Enter
type "ECソフトウェアに脆弱性が存在していたか、何らかの方法でパスワード認証を破られた可能性がある。"; keys C-n
wait_for "6-1)事前に実施していたセキュリティ対策"
type "OSの修正プログラムの定期的な適用による脆弱性対策"; keys Enter
type "(ECソフトウェアの脆弱性対策が実施できていたかは調査中)"; keys C-n
wait_for "[+ add an entry]"
keys Enter                                 # a new timeline entry
wait_for "日付:"
type "2022-10-24"; keys Tab
type "決済代行会社からカード情報漏えい懸念の連絡があり、通販サイトを一時閉鎖して調査を開始。"
keys Escape
wait_for "1. 2022年10月24日:"
keys Down Enter
type "2022/10/26"; keys Tab
type "システム部でログを確認したところ、不審な接続元からのログイン履歴を発見。"; keys Enter
type "不正アクセスされたと判断して、セキュリティ専門業者に詳細調査を依頼。"; keys Enter
type "現在も継続して調査中。"; keys Escape
wait_for "2. 2022年10月26日:"
keys C-n
wait_for "6-3)再発防止のための対策"
type "原因等の調査終了後に、調査結果を踏まえて検討する予定。"; keys Enter
type "(進捗があり次第連絡する予定)"; keys C-n
wait_for "6-4)他機関への届出状況"
keys Space Down Space Down Space C-n
# 警察 ticked: the police memo applies, and its questions join at the end.
wait_for "警察への相談メモ: its questions were added (page 37 on)"
wait_for "7-1)被害規模"
type "・ログ等の調査にシステム部の職員5名が約3日間対応。調査は現在も継続。"; keys Enter
type "・セキュリティ専門業者の詳細調査に○○円の費用を要した。被害額や調査・対策費用の総額は集計中。"; keys C-n
wait_for "7-2)届出を提出いただいた経緯"
type "・個人情報保護委員会から紹介があった。"; keys C-n
wait_for "7-3)サイバー保険  (page 18 of 40)"
keys C-r                                   # the review
wait_for "Review: 12 problem(s)"  # the PPC decision's answers, the notice: 3 questions and 8 report-style sentences
# IPA's 被害有り alone decides no PPC report: the page of its decision does.
wait_for "PPC: undetermined, answer 報告する組織の種類、個人データの漏えい等"
wait_for "answered 22 of 100"   # with the police memo's 14 and the notice's customer wording 6; a group of boxes counts once
keys d                                     # the documents: e exports the one chosen
wait_for "Enter preview  e export"
keys e
wait_for "Write コンピュータ不正アクセス届出様式 to:"   # the line above the path
wait_for " $e2e_tmp/ex-ipa.txt"
keys Enter
wait_for "Encoding: 1 UTF-8"
keys 1
wait_for "Written: $e2e_tmp/ex-ipa.txt (UTF-8)"
same_file "$e2e_tmp/ex-ipa.txt" "$e2e_dir/../golden/ipa/example.expected"
[ "$(stat -c %a "$e2e_tmp/ex-ipa.txt")" = 600 ] && ok || fail "export not 0600"

# The preview is the document as written; export from there too.
keys Enter
wait_for "Preview: コンピュータ不正アクセス届出様式"
wait_for "e export"
keys e
wait_for "Write コンピュータ不正アクセス届出様式 to:"
keys Escape
wait_for "Enter preview  e export"                   # back in the documents

# Exporting again asks before replacing the file.
keys e Enter
wait_for "exists. Replace it? (y/n)"
keys n
wait_for "Not exported."

# The same rules as `export -o` (fileio.h): a directory is refused at once;
# one's own FIFO is written in place, not replaced by a file.
mkdir "$e2e_tmp/outdir"
keys e
wait_for "Write コンピュータ不正アクセス届出様式 to:"
keys C-u; type "$e2e_tmp/outdir"; keys Enter
wait_for "$e2e_tmp/outdir: is a directory; give the name of a file"
mkfifo "$e2e_tmp/fifo"
timeout 20 cat "$e2e_tmp/fifo" > "$e2e_tmp/from-fifo" & catpid=$!
keys e
wait_for "Write コンピュータ不正アクセス届出様式 to:"
keys C-u; type "$e2e_tmp/fifo"; keys Enter
wait_for "Encoding: 1 UTF-8"
keys 1
wait_for "Written: $e2e_tmp/fifo (UTF-8)"
wait $catpid
same_file "$e2e_tmp/from-fifo" "$e2e_dir/../golden/ipa/example.expected"
[ -p "$e2e_tmp/fifo" ] && ok || fail "the FIFO was replaced"
keys Escape
wait_for "Review: 12 problem(s)"

# Leaving: Esc back to the last page; Esc there never quits (it says
# which keys do), F10 asks, n stays, y quits; the answers are all in the
# file.
keys Escape
wait_for "7-3)サイバー保険  (page 18 of 40)"
keys Escape
wait_for "Esc closes helps, entries and the review; q or F10 quits."
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys n
wait_for "7-3)サイバー保険  (page 18 of 40)"
keys F10
wait_for "Quit todoke? Your answers are saved. (y/n)"
keys y
wait_exit
"$E2E_PROG" export ipa "$inc" > "$e2e_tmp/again.txt"
same_file "$e2e_tmp/again.txt" "$e2e_dir/../golden/ipa/example.expected"
[ ! -e "$e2e_tmp/.ex.incident.lock" ] && ok || fail "lock left behind"
e2e_finish
