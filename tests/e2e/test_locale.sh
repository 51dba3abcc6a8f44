#!/bin/sh
# The wizard with no locale variable at all (a fresh ssh login, cron,
# su -) and under LC_ALL=C or POSIX: the very screens of C.UTF-8, Japanese
# labels readable, Japanese typed and saved.  LANGUAGE=ja alone gives the
# Japanese interface; under a named C it does not.  Under a real non-UTF-8
# locale (ja_JP.eucJP, generated privately with localedef) the wizard says
# plainly that it needs a UTF-8 terminal and exits with status 3.
. "$(dirname "$0")/lib.sh"

E2E_COLS=80 E2E_LINES=24
inc="$e2e_tmp/s.incident"
"$E2E_PROG" new --title "画面テスト" "$inc" || fail "todoke new"
cp "$inc" "$e2e_tmp/orig.incident"

for E2E_LANG in unset C POSIX; do
	tm kill-server 2>/dev/null
	e2e_start
	wait_for "[+ Start a new incident]"
	check_screen start-empty
	tm kill-server
	cp "$e2e_tmp/orig.incident" "$inc"
	e2e_start "$inc"
	wait_for "(page 1 of 36)"
	check_screen page-reporter
	keys Tab Tab Tab C-u
	type "届出 太郎 ｶﾞ か$(printf '\343\202\231') $E2E_LANG"
	wait_for "氏名:"
	keys F10 y
	wait_exit
	grep -qxF "reporter.name: 届出 太郎 ｶﾞ か$(printf '\343\202\231') $E2E_LANG" "$inc" && ok ||
		fail "LANG $E2E_LANG: the name typed is not saved as typed"
done

# LANGUAGE alone chooses the language; a C that is named keeps English.
tm kill-server
E2E_LANG=unset E2E_LANGUAGE=ja
e2e_start
wait_for "[+ 新しいインシデントを作成]"
check_screen start-ja
tm kill-server
E2E_LANG=C
e2e_start
wait_for "[+ Start a new incident]"
check_screen start-empty
unset E2E_LANGUAGE

# ja_JP.eucJP in a private LOCPATH (nothing on the system changes); its
# messages in English (LC_MESSAGES is C), as the pane shows UTF-8 only.
loc="$e2e_tmp/locales"
mkdir -p "$loc"
localedef -i ja_JP -f EUC-JP "$loc/ja_JP.eucJP" >/dev/null 2>&1
if [ "$(LOCPATH="$loc" LC_ALL=ja_JP.eucJP locale charmap 2>/dev/null)" = EUC-JP ]; then
	tm kill-server
	cp "$e2e_tmp/orig.incident" "$inc"
	# The status, shown by a wrapper that then waits: the pane of a program
	# that ends at once may be gone before remain-on-exit is set.
	printf '#!/bin/sh\n"%s" "$@"\necho "[exit $?]"\nexec sleep 60\n' "$E2E_PROG" >"$e2e_tmp/wrap"
	chmod +x "$e2e_tmp/wrap"
	E2E_LANG=unset E2E_ENV="LOCPATH=$loc LC_CTYPE=ja_JP.eucJP"
	E2E_PROG="$e2e_tmp/wrap" e2e_start "$inc"
	wait_for "todoke: the wizard needs a UTF-8 terminal, and the locale here is ja_JP.eucJP"
	wait_for "[exit 3]"
	screen "$e2e_tmp/euc"
	grep -qF "(page 1 of 36)" "$e2e_tmp/euc" && fail "ja_JP.eucJP: the wizard was drawn" || ok
	cmp -s "$inc" "$e2e_tmp/orig.incident" && [ ! -e "$e2e_tmp/.s.incident.lock" ] && ok ||
		fail "ja_JP.eucJP: the refused wizard touched the incident"
	unset E2E_ENV
else
	echo "note: cannot generate ja_JP.eucJP (localedef and the locales package's /usr/share/i18n): its test is skipped"
fi
unset E2E_LANG
e2e_finish
