#!/bin/sh
# kitei approve (issue 13.5): the approval commit for git's user.email, with
# the trailers the sign-off stage reads; refusals (no role, a manual not
# named, uncommitted changes, no terminal, bad dates); the question on a
# terminal; signing when asked or required.
. "$ROOT/tests/lib.sh"

a=$WORK/ap
rm -rf "$a"; mkdir -p "$a"
(cd "$a" && "$KITEI" init --firm 承認テスト証券株式会社) > /dev/null 2>&1
commit_all "$a" "規程類の骨組み"
head0=$(git -C "$a" rev-parse HEAD)

# approve as whoever git config user.email names, in the policy root.
ap() { (cd "$a" && "$KITEI" approve "$@"); }
as() { git -C "$a" config user.email "$1"; git -C "$a" config user.name "$2"; }
unchanged() {
	if [ "$(git -C "$a" rev-parse HEAD)" = "$1" ]; then ok "$2: nothing committed"
	else fail "$2: nothing committed"; fi
}

# Refusals, each one line, exit 2, nothing committed.
ap --yes > "$WORK/noid.out" 2> "$WORK/noid.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "no user.email: exit 2"; else fail "no user.email: exit $is_st"; fi
contains "no user.email: says how to set it" "$WORK/noid.err" "git config user.email"
unchanged "$head0" "no user.email"
as stranger@example.co.jp 部外者
ap --yes > /dev/null 2> "$WORK/stranger.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "no approver role: exit 2"; else fail "no approver role: exit $is_st"; fi
contains "no approver role: names the address" "$WORK/stranger.err" \
    "stranger@example.co.jp (git config user.email) holds no approver role in kitei.yml [approve]"
if [ "$(wc -l < "$WORK/stranger.err")" -eq 1 ]; then ok "no approver role: one line"; else fail "no approver role: one line"; fi
as cio@example.co.jp "Cio Person"
ap security --yes > /dev/null 2> "$WORK/cio-sec.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "a manual this person does not approve: exit 2"; else fail "a manual not theirs: exit $is_st"; fi
contains "a manual not theirs: named" "$WORK/cio-sec.err" \
    "cio@example.co.jp holds no approver role for manual 'security' in kitei.yml"
as board@example.co.jp "Board Chair"
expect_status "an unknown manual: exit 2" 2 sh -c "cd '$a' && '$KITEI' approve nosuch --yes"
ap nosuch --yes 2> "$WORK/nosuch.err" > /dev/null
contains "an unknown manual: lists the manuals" "$WORK/nosuch.err" \
    "no manual 'nosuch' in kitei.yml (manuals: system-risk, security, outsourcing, crisis)"
ap security --yes > /dev/null 2> "$WORK/partial.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "naming one of several awaiting manuals: exit 2"; else fail "partial: exit $is_st"; fi
contains "partial: says which other manual the commit would approve" "$WORK/partial.err" \
    "this approval would also approve manual 'system-risk', which awaits your approval: name it too"
unchanged "$head0" "refusals"

# Not a terminal and no --yes: refused before anything is shown.
ap < /dev/null > "$WORK/notty.out" 2> "$WORK/notty.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "no terminal, no --yes: exit 2"; else fail "no terminal: exit $is_st"; fi
contains "no terminal: says --yes" "$WORK/notty.err" "give --yes"
if [ ! -s "$WORK/notty.out" ]; then ok "no terminal: no preview"; else fail "no terminal: no preview"; fi
unchanged "$head0" "no terminal"

# Uncommitted changes to the policy root: modified, staged, new source.
echo "追記" >> "$a/security/01-security.md"
ap --yes > /dev/null 2> "$WORK/dirty.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "modified document: exit 2"; else fail "modified document: exit $is_st"; fi
contains "modified document: named" "$WORK/dirty.err" "security/01-security.md"
contains "modified document: the refusal's rule" "$WORK/dirty.err" "[uncommitted-changes]"
git -C "$a" add security/01-security.md
expect_status "staged document: exit 2" 2 sh -c "cd '$a' && '$KITEI' approve --yes"
git -C "$a" reset -q --hard
echo "# 新しい章" > "$a/security/02-new.md"
expect_status "new untracked document: exit 2" 2 sh -c "cd '$a' && '$KITEI' approve --yes"
rm "$a/security/02-new.md"
echo "kitei.yml: 設定のメモ" > "$a/notes.txt"
unchanged "$head0" "uncommitted changes"

# Bad values: an impossible day, a summary of two lines.
expect_status "--effective 2026-13-01: exit 2" 2 sh -c "cd '$a' && '$KITEI' approve --yes --effective 2026-13-01"
expect_status "--summary with a newline: exit 2" 2 sh -c "cd '$a' && '$KITEI' approve --yes --summary 'a
b'"
expect_status "--sign takes no value" 2 sh -c "cd '$a' && '$KITEI' approve --yes --sign=KEY"

# The board approves: every manual it approves, the trailers the README gives.
tick
ap --yes --effective 2026-04-01 --summary "規程類の制定" > "$WORK/board.out" 2> "$WORK/board.err"
is_st=$?
if [ $is_st -eq 0 ]; then ok "board approves: exit 0"; else fail "board approves: exit $is_st"; cat "$WORK/board.err"; fi
contains "an untracked non-source file does not stop it" "$WORK/board.out" "committed "
contains "preview: manual, 第N版, 施行日" "$WORK/board.out" \
    "system-risk  システムリスク管理規程  第1版  施行日 2026-04-01  (this approval completes the sign-off)"
contains "preview: who else must approve" "$WORK/board.out" \
    "crisis  危機管理マニュアル  第1版  施行日 2026-04-01  (then still awaiting システム統括役員)"
contains "after: signed off" "$WORK/board.out" "system-risk: signed off, 第1版, 施行日 2026-04-01"
contains "after: awaiting" "$WORK/board.out" "crisis: approval recorded; awaiting システム統括役員"
git -C "$a" log -1 --format=%B > "$WORK/board.msg"
contains "message: Approved-by with kitei.yml's name" "$WORK/board.msg" "Approved-by: 取締役会 議長 <board@example.co.jp>"
contains "message: Effective" "$WORK/board.msg" "Effective: 2026-04-01"
contains "message: Summary" "$WORK/board.msg" "Summary: 規程類の制定"
contains "message: subject names the versions" "$WORK/board.msg" "承認：システムリスク管理規程 第1版、"
if [ "$(git -C "$a" rev-parse HEAD^{tree})" = "$(git -C "$a" rev-parse HEAD~1^{tree})" ]; then
	ok "the approval is an empty commit"; else fail "the approval is an empty commit"; fi
if [ "$(git -C "$a" rev-parse HEAD~1)" = "$head0" ]; then ok "on top of HEAD"; else fail "on top of HEAD"; fi
check "the branch moved, HEAD stays on it" git -C "$a" symbolic-ref -q HEAD
check "git reads the trailers" sh -c "git -C '$a' log -1 --format='%(trailers:key=Approved-by,valueonly)' | grep -q board@example.co.jp"
(cd "$a" && "$KITEI" check) > "$WORK/after-board.txt" 2>&1
lacks "check: system-risk signed off" "$WORK/after-board.txt" "manual 'system-risk' has changes"
contains "check: crisis awaits the executive" "$WORK/after-board.txt" "manual 'crisis' has changes since it was written"

# The executive completes crisis; the 施行日 the board set is shown.
as cio@example.co.jp "Cio Person"
tick
ap --yes > "$WORK/cio.out" 2>&1
is_st=$?
if [ $is_st -eq 0 ]; then ok "executive approves: exit 0"; else fail "executive approves: exit $is_st"; cat "$WORK/cio.out"; fi
contains "preview: the board's 施行日" "$WORK/cio.out" "施行日 2026-04-01 (set by an earlier approval)"
contains "after: crisis signed off" "$WORK/cio.out" "crisis: signed off, 第1版, 施行日 2026-04-01"
ap --yes > /dev/null 2> "$WORK/nothing.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "nothing awaits: exit 2"; else fail "nothing awaits: exit $is_st"; fi
contains "nothing awaits: says how to review" "$WORK/nothing.err" "name manuals to record a review"
tick
ap crisis --yes > "$WORK/review.out" 2>&1
contains "a named signed-off manual: a review" "$WORK/review.out" "第1版  review of the signed-off text (施行日 2026-04-01 stays)"
contains "a review: 見直し in the subject" "$WORK/review.out" "committed "
check "review subject" sh -c "git -C '$a' log -1 --format=%s | grep -q '見直し'"

# A 施行日 before the last version's is refused (effective-date-order).
echo "第2条 追加の定め。" >> "$a/crisis/01-crisis.md"
commit_all "$a" "危機管理マニュアルの改定"
as board@example.co.jp "Board Chair"
h=$(git -C "$a" rev-parse HEAD)
ap --yes --effective 2026-03-01 > /dev/null 2> "$WORK/order.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "--effective before 第1版's: exit 2"; else fail "--effective before: exit $is_st"; fi
contains "--effective before: names both days" "$WORK/order.err" \
    "--effective 2026-03-01 is earlier than the 施行日 of manual 'crisis' 第1版, 2026-04-01 [effective-date-order]"
unchanged "$h" "--effective before"

# On a terminal it asks: no keeps everything, yes commits.
if script -qec true /dev/null > /dev/null 2>&1; then
	printf 'n\n' | script -qec "cd '$a' && '$KITEI' approve; echo status=\$?" /dev/null > "$WORK/tty-no.txt" 2>&1
	contains "terminal: asks" "$WORK/tty-no.txt" "Approve? [y/N]"
	contains "terminal: no is exit 1" "$WORK/tty-no.txt" "status=1"
	contains "terminal: no commits nothing" "$WORK/tty-no.txt" "Not approved; nothing committed."
	unchanged "$h" "terminal: no"
	tick
	printf 'y\n' | script -qec "cd '$a' && '$KITEI' approve --summary 第2条の追加; echo status=\$?" /dev/null > "$WORK/tty-yes.txt" 2>&1
	contains "terminal: yes is exit 0" "$WORK/tty-yes.txt" "status=0"
	contains "terminal: 第2版" "$WORK/tty-yes.txt" "crisis  危機管理マニュアル  第2版"
else
	fail "script(1) cannot make a terminal here"
fi

# A policy root below the repository's top: changes outside it do not matter.
e=$WORK/apsub
new_repo "$e"
echo "readme" > "$e/README"
commit_all "$e" "start"
"$KITEI" -C "$e" init policies > /dev/null 2>&1
commit_all "$e" "規程類"
echo "changed" >> "$e/README"
git -C "$e" config user.email board@example.co.jp
(cd "$e/policies" && "$KITEI" approve --yes) > "$WORK/sub.out" 2>&1
is_st=$?
if [ $is_st -eq 0 ]; then ok "a change outside the policy root: approve goes on"; else fail "outside change: exit $is_st"; cat "$WORK/sub.out"; fi
check "the outside change stays uncommitted" sh -c "git -C '$e' status --porcelain | grep -q README"

# Signing: --sign, and require_signature without --sign.
GH=$WORK/gnupg-ap
rm -rf "$GH"; mkdir -m 700 "$GH"
GNUPGHOME=$GH gpg --batch --quiet --passphrase '' --quick-gen-key \
    "Board <board@example.co.jp>" ed25519 sign never 2>/dev/null
BFPR=$(GNUPGHOME=$GH gpg --batch --with-colons --list-keys "<board@example.co.jp>" 2>/dev/null |
    awk -F: '$1 == "fpr" { print $10; exit }')
s=$WORK/apsign
rm -rf "$s"; mkdir -p "$s"
(cd "$s" && "$KITEI" init) > /dev/null 2>&1
mkdir -p "$s/keys"
GNUPGHOME=$GH gpg --batch --armor --export "$BFPR" > "$s/keys/board.asc" 2>/dev/null
sed -i "s/require_signature: false/require_signature: true/; s/{email: board@example.co.jp, name: 取締役会 議長}/{email: board@example.co.jp, name: 取締役会 議長, key: $BFPR}/" "$s/kitei.yml"
commit_all "$s" "署名付き承認の規程類"
git -C "$s" config user.email cio@example.co.jp
(cd "$s" && "$KITEI" approve --yes) > /dev/null 2> "$WORK/nokey.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "required signature, no key: exit 2"; else fail "required signature, no key: exit $is_st"; fi
contains "required signature, no key: says so" "$WORK/nokey.err" "kitei.yml gives cio@example.co.jp no key"
git -C "$s" config user.email board@example.co.jp
tick
(cd "$s" && GNUPGHOME=$GH "$KITEI" approve --yes) > "$WORK/signed.out" 2>&1
is_st=$?
if [ $is_st -eq 0 ]; then ok "required signature: signed commit, exit 0"; else fail "required signature: exit $is_st"; cat "$WORK/signed.out"; fi
contains "required signature: shows the key" "$WORK/signed.out" "signed with $BFPR"
check "required signature: git verifies it" env GNUPGHOME="$GH" git -C "$s" verify-commit HEAD
(cd "$s" && "$KITEI" check) > "$WORK/signed.check" 2>&1
lacks "required signature: the approval counts" "$WORK/signed.check" "is not counted"
lacks "required signature: board's manuals signed off" "$WORK/signed.check" "manual 'system-risk' has changes"
# --sign where nothing requires it: git's own user.signingkey signs.
git -C "$a" config user.email board@example.co.jp
git -C "$a" config user.signingkey "$BFPR"
echo "第3条 さらに追加。" >> "$a/security/01-security.md"
commit_all "$a" "情報セキュリティ管理規程の改定"
tick
(cd "$a" && GNUPGHOME=$GH "$KITEI" approve --sign --yes security crisis) > "$WORK/sign.out" 2>&1
is_st=$?
if [ $is_st -eq 0 ]; then ok "--sign: exit 0"; else fail "--sign: exit $is_st"; cat "$WORK/sign.out"; fi
check "--sign: git verifies it" env GNUPGHOME="$GH" git -C "$a" verify-commit HEAD
contains "--sign: git's key" "$WORK/sign.out" "signed with git's signing key"
# A key git cannot use: refused, nothing committed.
h=$(git -C "$a" rev-parse HEAD)
echo "第4条 さらに追加。" >> "$a/security/01-security.md"
commit_all "$a" "再改定"
h=$(git -C "$a" rev-parse HEAD)
(cd "$a" && GNUPGHOME=$WORK/no-such-gnupg "$KITEI" approve --sign --yes security crisis) > /dev/null 2> "$WORK/badsign.err"
is_st=$?
if [ $is_st -eq 2 ]; then ok "--sign without a usable key: exit 2"; else fail "--sign without a key: exit $is_st"; fi
contains "--sign without a key: says nothing was committed" "$WORK/badsign.err" "nothing was committed"
unchanged "$h" "--sign without a key"
gpgconf --homedir "$GH" --kill all 2>/dev/null
