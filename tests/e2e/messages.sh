#!/bin/sh
# Messages in one table, in the user's language (issue 20 "Messages in one
# table", issue 13 item 2): English under C, Japanese when LC_MESSAGES,
# LANG or LANGUAGE ask for it, rule names untranslated; a library's error
# comes after kitei's explanation (git's "dubious ownership").
. "$ROOT/tests/lib.sh"

ja=0
locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-*8$' && ja=1

# English stays English, byte for byte, under C and C.UTF-8.
"$KITEI" frob > "$WORK/c.out" 2>&1
contains "C.UTF-8: English usage error" "$WORK/c.out" \
    "kitei: error: unknown command 'frob' (kitei --help lists them) [usage]"
env -u LC_ALL LANG=C "$KITEI" frob > "$WORK/c2.out" 2>&1
same "LANG=C: the same bytes" "$WORK/c2.out" "$WORK/c.out"

if [ "$ja" -eq 1 ]; then
	env -u LC_ALL LANG=ja_JP.UTF-8 "$KITEI" frob > "$WORK/ja.out" 2>&1
	contains "LANG=ja_JP.UTF-8: Japanese, rule kept" "$WORK/ja.out" \
	    "kitei: error: 不明なコマンド 'frob'（一覧は kitei --help で確認できます） [usage]"
	# Only LC_MESSAGES matters, and UTF-8 comes out with LC_CTYPE=C.
	env -u LC_ALL LANG=C LC_CTYPE=C LC_MESSAGES=ja_JP.UTF-8 "$KITEI" frob \
	    > "$WORK/ja2.out" 2>&1
	cmp -s "$WORK/ja.out" "$WORK/ja2.out" &&
	    ok "LC_MESSAGES=ja_JP.UTF-8 alone: Japanese in UTF-8" ||
	    fail "LC_MESSAGES=ja_JP.UTF-8 alone: Japanese in UTF-8"
	# LANGUAGE is read when LC_MESSAGES is not C (glibc).
	env -u LC_ALL LANG=en_US.UTF-8 LC_MESSAGES=C.UTF-8 LANGUAGE=ja "$KITEI" frob \
	    > "$WORK/ja3.out" 2>&1
	contains "LANGUAGE=ja under C.UTF-8: Japanese" "$WORK/ja3.out" "不明なコマンド"
	env -u LC_ALL LANG=ja_JP.UTF-8 "$KITEI" --bogus > "$WORK/ja4.out" 2>&1
	contains "ja: unknown option" "$WORK/ja4.out" "不明なオプション --bogus"
else
	echo "note - no ja_JP.UTF-8 locale: Japanese checks skipped"
fi

# git's "dubious ownership": a repository owned by another user.  Needs
# root (chown); skipped otherwise.
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
	new_repo "$WORK/owned"
	echo "organization: x" > "$WORK/owned/kitei.yml"
	commit_all "$WORK/owned" "init"
	chown -R nobody "$WORK/owned"
	(cd "$WORK/owned" && "$KITEI" check) > "$WORK/owned.out" 2>&1
	st=$?
	[ "$st" -eq 2 ] && ok "dubious ownership: exit 2" ||
	    fail "dubious ownership: exit $st, want 2"
	contains "dubious ownership: said, not 'not inside a git repository'" \
	    "$WORK/owned.out" "owned by another user, which git refuses to read (dubious ownership)"
	contains "dubious ownership: the fix" "$WORK/owned.out" \
	    "git config --global --add safe.directory $WORK/owned"
	lacks "dubious ownership: not 'not inside'" "$WORK/owned.out" \
	    "is not inside a git repository"
	if [ "$ja" -eq 1 ]; then
		(cd "$WORK/owned" && env -u LC_ALL LANG=ja_JP.UTF-8 "$KITEI" check) \
		    > "$WORK/owned.ja" 2>&1
		contains "dubious ownership in Japanese" "$WORK/owned.ja" \
		    "別のユーザーが所有する git リポジトリ"
	fi
	chown -R "$(id -u)" "$WORK/owned"
else
	echo "note - not root: the dubious-ownership check is skipped"
fi
