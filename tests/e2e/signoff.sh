#!/bin/sh
# Signed-off manuals (issue 4): approvals read from Approved-by trailers,
# versions (第N版) with 制定日, 改定日 and 施行日, the release gate, review
# due dates, and signed approvals checked with throwaway OpenPGP keys.  Each
# case builds its own fixture repository with fixed dates, then asserts on
# the manual XML of `kitei build --emit-xml` and on `kitei check`.
. "$ROOT/tests/lib.sh"

CAT=$ROOT/tests/fixtures/check/cat.xml
Y='山田 太郎 <yamada@example.co.jp>'
S='佐藤 花子 <sato@example.co.jp>'
TODAY=2026-06-01

# xv FILE PATH: prints what PATH selects in the manual XML, one line each.
# PATH is an ElementTree path with prefix k: for kitei's namespace, ending
# in /@attr for an attribute ("@attr" alone: the root's); else the text.
cat > "$WORK/xv.py" <<'EOF'
import os, sys, xml.etree.ElementTree as ET
ns = {'k': 'urn:x-kitei:manual:1'}
if not os.path.exists(sys.argv[1]):
    sys.exit('(no ' + sys.argv[1] + ')')
root = ET.parse(sys.argv[1]).getroot()
path, attr = sys.argv[2], None
if '@' in path:
    path, _, attr = path.rpartition('@')
    path = path.rstrip('/')
els = [root] if path in ('', '.') else root.findall(path, ns)
for e in els:
    v = e.get(attr) if attr else (e.text or '')
    if v is not None:
        print(v)
EOF
xv() { python3 "$WORK/xv.py" "$@" 2>&1; }

# is "what" got want: passes when the strings are equal.
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		fail "$1 (got '$2', want '$3')"; fi
}

# fixture NAME: $WORK/NAME is a new repository whose policies/ folder holds
# one manual (two documents, every element of the tiny catalog covered)
# approved by two roles, board (山田) and exec (佐藤); its first commit is
# "制定".  DATE_STYLE, MANUAL_EXTRA (lines under the manual), SIGN (true:
# require_signature) and YKEY, SKEY (fingerprints) change kitei.yml.
fixture() {
	FIXTURE_DAY=0
	repo=$WORK/$1
	r=$repo/policies
	new_repo "$repo"
	mkdir -p "$r/policy"
	cp "$CAT" "$r/cat.xml"
	{
		echo "organization: テスト株式会社"
		echo "catalog: cat.xml"
		echo "review_interval: 12 months"
		echo "date_style: ${DATE_STYLE:-western}"
		echo "manuals:"
		echo "  - id: policy"
		echo "    title: システムリスク管理規程"
		echo "    number: SR-001"
		echo "    kind: crisis"
		echo "    documents: [policy/*.md]"
		echo "    approvers: [board, exec]"
		[ -z "${MANUAL_EXTRA:-}" ] || echo "$MANUAL_EXTRA"
		echo "approval:"
		echo "  require_signature: ${SIGN:-false}"
		echo "  roles:"
		echo "    board: {title: 取締役会, members: [yamada@example.co.jp]}"
		echo "    exec: {title: システム統括役員, members: [sato@example.co.jp]}"
		echo "  people:"
		echo "    - {email: yamada@example.co.jp, name: 山田 太郎${YKEY:+, key: $YKEY}}"
		echo "    - {email: sato@example.co.jp, name: 佐藤 花子${SKEY:+, key: $SKEY}}"
	} > "$r/kitei.yml"
	[ -z "${KEYS:-}" ] || { mkdir -p "$r/keys"; cp "$KEYS"/*.asc "$r/keys/"; }
	cat > "$r/policy/01-basic.md" <<'EOF'
---
title: システムリスク管理規程
owner: システム部
---
# システムリスク管理規程

## 基本方針
<!-- covers: 1.1 -->
当社はシステムリスク管理の基本方針を定める。

## 見直し
<!-- covers: 1.2 -->
基本方針は毎年四月に見直す。

## 教育
<!-- covers: 1.3 -->
全社員に年二回の研修を行う。

## 外部監査
<!-- covers: 1.4 1.4.1 -->
外部監査の要否を毎年検討し、必要なときは監査法人に依頼する。

## アクセス権限
<!-- covers: 4.1.6.a -->
アクセス権限は職務に応じて付与する。

## 記録
<!-- covers: 4.1.6.b, 4.1.6.c -->
操作ログを一年間保存し、管理者の認証には多要素認証を用いる。

## 危機の定義
<!-- covers: 13.1 -->
危機とは、業務の継続を脅かす事態をいう。
EOF
	cat > "$r/policy/02-public.md" <<'EOF'
---
title: 危機発生時の対応について
visibility: public
---
# 危機発生時の対応について

<!-- covers: 13.2 -->
危機が発生したときは、当社ウェブサイトでお知らせします。
EOF
	commit_all "$repo" "制定"
}

# change DIR "subject" [text]: appends a line to the first document, commits.
change() {
	echo "${3:-$2。}" >> "$1/policies/policy/01-basic.md"
	commit_all "$1" "$2"
}

# approve DIR "person"...: an empty commit whose message ends with one
# Approved-by trailer per person, and Effective: $EFF when EFF is set.
# With SIGNKEY (a fingerprint) it is signed by that key from $GH.
approve() {
	dir=$1; shift
	t=""
	for p in "$@"; do
		t="${t}Approved-by: $p
"
	done
	[ -z "${EFF:-}" ] || t="${t}Effective: $EFF"
	tick
	if [ -n "${SIGNKEY:-}" ]; then
		GNUPGHOME=$GH git -C "$dir" -c gpg.program=gpg \
		    -c user.signingkey="$SIGNKEY" commit -q -S --allow-empty \
		    -m "承認" -m "$t"
	else
		git -C "$dir" commit -q --allow-empty -m "承認" -m "$t"
	fi
}

# kcheck NAME ARGS...: kitei check of $WORK/NAME; output in $WORK/NAME.check.
kcheck() {
	name=$1; shift
	timeout 60 "$KITEI" -C "$WORK/$name/policies" --today "$TODAY" check "$@" \
	    > "$WORK/$name.check" 2>&1
}

# kbuild NAME ARGS...: kitei build of $WORK/NAME into $WORK/NAME.out, with
# the manual's XML at $X; output in $WORK/NAME.build.
kbuild() {
	name=$1; shift
	X=$WORK/$name.out/manuals/policy.xml
	timeout 60 "$KITEI" -C "$WORK/$name/policies" --today "$TODAY" build \
	    -o "$WORK/$name.out" --only html --emit-xml "$@" > "$WORK/$name.build" 2>&1
}

# ------------------------------------------------------------------------
# Two roles approving in separate commits: one version, 制定日 the day the
# second approval completed it.
FIXTURE_DATE=2026-03-29
fixture multi				# 3/30
approve "$WORK/multi" "$Y"		# 3/31
approve "$WORK/multi" "$S"		# 4/1
kbuild multi
is "multi: build exits 0" "$?" 0
is "multi: signed off" "$(xv "$X" @signed-off)" true
is "multi: not a draft" "$(xv "$X" @draft)" false
is "multi: 第1版" "$(xv "$X" @version)" 1
is "multi: one version" "$(xv "$X" k:versions/k:version/@number)" 1
is "multi: 制定日 is the completing approval" "$(xv "$X" @established)" 2026-04-01
is "multi: 制定日 in Japanese" "$(xv "$X" @established-text)" 2026年4月1日
is "multi: 改定日 = 制定日" "$(xv "$X" @revised)" 2026-04-01
is "multi: 施行日 = approval date" "$(xv "$X" @effective)" 2026-04-01
is "multi: 施行日 in Japanese" "$(xv "$X" @effective-text)" 2026年4月1日
is "multi: 改定内容 of 第1版" "$(xv "$X" k:versions/k:version/k:summary/k:item)" 制定
is "multi: approvals by role" "$(xv "$X" k:versions/k:version/k:approval/@role | sort | tr '\n' ' ')" "board exec "
is "multi: approver names from kitei.yml" "$(xv "$X" "k:versions/k:version/k:approval[@role='exec']/@name")" "佐藤 花子"
is "multi: role title" "$(xv "$X" "k:versions/k:version/k:approval[@role='board']/@role-title")" 取締役会
is "multi: board approved on 3/31" "$(xv "$X" "k:versions/k:version/k:approval[@role='board']/@date")" 2026-03-31
is "multi: unsigned approval" "$(xv "$X" "k:versions/k:version/k:approval[@role='board']/@signature")" none
is "multi: approval commit" "$(xv "$X" "k:versions/k:version/k:approval[@role='exec']/@commit")" \
    "$(git -C "$WORK/multi" rev-parse HEAD)"
is "multi: no pending" "$(xv "$X" k:pending)" ""
is "multi: review due in 12 months" "$(xv "$X" @review-due)" 2027-04-01
kcheck multi
is "multi: check exits 0" "$?" 0
lacks "multi: no unapproved-change" "$WORK/multi.check" unapproved-change
kcheck multi --release
is "multi: check --release exits 0" "$?" 0
kbuild multi --release
is "multi: build --release exits 0" "$?" 0

# review-overdue: due 2027-04-01; the day itself is not overdue.
TODAY=2027-04-01; kcheck multi
lacks "review: not overdue on the due date" "$WORK/multi.check" review-overdue
TODAY=2027-04-02; kcheck multi
is "review: overdue is a warning (exit 0)" "$?" 0
contains "review: overdue the day after" "$WORK/multi.check" \
    "warning: manual 'policy' was last approved on 2026-04-01; its review was due on 2027-04-01 [review-overdue]"
contains "review: at the manual's line in kitei.yml" "$WORK/multi.check" "policies/kitei.yml:6:"

# A manual's own review_interval wins over the root's.
TODAY=2026-06-01
FIXTURE_DATE=2026-03-30
MANUAL_EXTRA="    review_interval: 6 months"; fixture review6; MANUAL_EXTRA=
approve "$WORK/review6" "$Y" "$S"	# 4/1
kbuild review6
is "review6: due in 6 months" "$(xv "$X" @review-due)" 2026-10-01
TODAY=2026-10-01; kcheck review6
lacks "review6: not overdue on 10/1" "$WORK/review6.check" review-overdue
TODAY=2026-10-02; kcheck review6
contains "review6: overdue on 10/2" "$WORK/review6.check" "its review was due on 2026-10-01 [review-overdue]"
TODAY=2026-06-01

# ------------------------------------------------------------------------
# A partial approval: one role of two.  A draft; the release gate shuts.
fixture partial
approve "$WORK/partial" "$Y"
kbuild partial
is "partial: build without --release exits 0" "$?" 0
is "partial: not signed off" "$(xv "$X" @signed-off)" false
is "partial: a draft" "$(xv "$X" @draft)" true
is "partial: no version" "$(xv "$X" @version)" ""
is "partial: no 制定日" "$(xv "$X" @established)" ""
is "partial: no versions" "$(xv "$X" k:versions/k:version)" ""
is "partial: board's approval pending" "$(xv "$X" k:pending/k:approval/@role)" board
kcheck partial
is "partial: check exits 0" "$?" 0
contains "partial: unapproved-change names the missing role" "$WORK/partial.check" \
    "warning: manual 'policy' has changes since it was written (last change $(git -C "$WORK/partial" rev-parse --short=12 HEAD~1)); approval missing from システム統括役員 [unapproved-change]"
lacks "partial: the role that approved is not missing" "$WORK/partial.check" "取締役会"
kcheck partial --release
is "partial: check --release exits 1" "$?" 1
contains "partial: unapproved-change is an error with --release" "$WORK/partial.check" \
    "error: manual 'policy' has changes since it was written"
find "$WORK/partial.out" -type f -exec md5sum {} + | sort > "$WORK/partial.before"
kbuild partial --release
is "partial: build --release exits 1" "$?" 1
contains "partial: build --release says why" "$WORK/partial.build" "manual 'policy' is not signed off"
find "$WORK/partial.out" -type f -exec md5sum {} + | sort > "$WORK/partial.after"
same "partial: build --release leaves the old output" "$WORK/partial.after" "$WORK/partial.before"
rm -rf "$WORK/partial.out"
kbuild partial --release
if [ -e "$WORK/partial.out" ]; then fail "partial: build --release writes nothing"
else ok "partial: build --release writes nothing"; fi
ls -a "$WORK" | grep -v '^\.\.*$' > "$WORK/partial.ls"
lacks "partial: no temporary output left" "$WORK/partial.ls" "partial.out."

# ------------------------------------------------------------------------
# Approval, then changes: a draft again; a second approval makes 第2版 whose
# 改定内容 are the changes since 第1版; approving unchanged content again
# adds no version.  Effective gives 施行日.
FIXTURE_DATE=2026-03-30
fixture revise				# 3/31
approve "$WORK/revise" "$Y" "$S"	# 4/1: 第1版
change "$WORK/revise" "第2条を改正"	# 4/2
kbuild revise
is "revise: changed after approval is a draft" "$(xv "$X" @draft)" true
is "revise: not signed off" "$(xv "$X" @signed-off)" false
is "revise: still 第1版" "$(xv "$X" @version)" 1
kcheck revise
contains "revise: unapproved-change since the sign-off" "$WORK/revise.check" \
    "has changes since its last sign-off (last change $(git -C "$WORK/revise" rev-parse --short=12 HEAD))"
contains "revise: both roles missing" "$WORK/revise.check" "approval missing from 取締役会, システム統括役員"
change "$WORK/revise" "用語の定義を修正"	# 4/3
EFF=2026-05-01; approve "$WORK/revise" "$Y" "$S"; EFF=	# 4/4
kbuild revise
is "revise: signed off again" "$(xv "$X" @signed-off)" true
is "revise: 第2版" "$(xv "$X" @version)" 2
is "revise: two versions" "$(xv "$X" k:versions/k:version/@number | tr '\n' ' ')" "1 2 "
is "revise: 改定内容 of 第2版" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item" | tr '\n' '|')" "第2条を改正|用語の定義を修正|"
is "revise: 改定内容 of 第1版" "$(xv "$X" "k:versions/k:version[1]/k:summary/k:item" | tr '\n' '|')" "制定|"
is "revise: 制定日" "$(xv "$X" @established)" 2026-04-01
is "revise: 改定日" "$(xv "$X" @revised)" 2026-04-04
is "revise: 改定日 in Japanese" "$(xv "$X" @revised-text)" 2026年4月4日
is "revise: 施行日 from Effective" "$(xv "$X" @effective)" 2026-05-01
is "revise: 施行日 in Japanese" "$(xv "$X" @effective-text)" 2026年5月1日
is "revise: 第2版's 施行日" "$(xv "$X" "k:versions/k:version[2]/@effective")" 2026-05-01
is "revise: 第1版's 施行日 is its approval" "$(xv "$X" "k:versions/k:version[1]/@effective")" 2026-04-01
is "revise: 第2版 approves the last change" "$(xv "$X" "k:versions/k:version[2]/@change")" \
    "$(git -C "$WORK/revise" rev-parse HEAD~1)"
is "revise: review due from the last approval" "$(xv "$X" @review-due)" 2027-04-04
approve "$WORK/revise" "$Y" "$S"	# 4/5: nothing changed
kbuild revise
is "revise: approving unchanged content adds no version" "$(xv "$X" k:versions/k:version/@number | tr '\n' ' ')" "1 2 "
is "revise: 改定日 stays" "$(xv "$X" @revised)" 2026-04-04
is "revise: a full re-approval is a review: due a year on" "$(xv "$X" @review-due)" 2027-04-05
approve "$WORK/revise" "$Y"		# 4/6: one role of two is no review
kbuild revise
is "revise: a partial re-approval is no review" "$(xv "$X" @review-due)" 2027-04-05
is "revise: still signed off" "$(xv "$X" @signed-off)" true
kbuild revise --release
is "revise: build --release exits 0" "$?" 0

# --as-of: the manual as it stood then, before 第2版.
kbuild revise --as-of 2026-04-03
is "as-of: 第1版 then" "$(xv "$X" @version)" 1
is "as-of: a draft then" "$(xv "$X" @signed-off)" false

# Effective on the first of two approvals; the second completes.
fixture effective
EFF=2026-07-01; approve "$WORK/effective" "$Y"; EFF=
approve "$WORK/effective" "$S"
kbuild effective
is "effective: an earlier approver's Effective counts" "$(xv "$X" @effective)" 2026-07-01

# An Effective that is no date is said, not silently dropped.
fixture badeff
EFF=2026-04-31; approve "$WORK/badeff" "$Y" "$S"; EFF=
kbuild badeff
is "badeff: 施行日 falls back to the approval" "$(xv "$X" @effective)" "$(xv "$X" @established)"
kcheck badeff
contains "badeff: check says the Effective is no date" "$WORK/badeff.check" "Effective: 2026-04-31"

# Dates are the committer's own day: 00:30 in Tokyo is already April 1st.
fixture tz
GIT_COMMITTER_DATE=2026-04-01T00:30:00+09:00 git -C "$WORK/tz" commit -q \
    --allow-empty -m "承認" -m "Approved-by: $Y
Approved-by: $S"
kbuild tz
is "tz: 制定日 in the committer's zone" "$(xv "$X" @established)" 2026-04-01

# An approval only counts as a trailer, as git reads them: not in the body.
fixture body
git -C "$WORK/body" commit -q --allow-empty -m "承認" \
    -m "Approved-by: $Y
Approved-by: $S" -m "補足: 上記は下書きである。"
kbuild body
is "body: Approved-by outside the trailers is no approval" "$(xv "$X" @signed-off)" false

# A mistyped approver is said, not silently dropped.
fixture typo
approve "$WORK/typo" "山田 太郎 <yamada@exmaple.co.jp>" "佐藤 花子 sato@example.co.jp" "$S"
TYPO=$(git -C "$WORK/typo" rev-parse --short=12 HEAD)
kcheck typo
contains "typo: an address with no role" "$WORK/typo.check" \
    "warning: manual 'policy': the approval by 山田 太郎 <yamada@exmaple.co.jp> in $TYPO is not counted: kitei.yml gives this address no approver role [bad-approval]"
contains "typo: no address at all" "$WORK/typo.check" \
    "warning: manual 'policy': Approved-by: 佐藤 花子 sato@example.co.jp in $TYPO is not '名前 <email>' [bad-approval]"
contains "typo: the good one counted" "$WORK/typo.check" "approval missing from 取締役会 [unapproved-change]"

# A change and its approval in one commit.
fixture together
echo "追記。" >> "$WORK/together/policies/policy/01-basic.md"
commit_all "$WORK/together" "第7条を追加" -m "Approved-by: $Y
Approved-by: $S"
kbuild together
is "together: a change approved in its own commit" "$(xv "$X" @signed-off)" true
is "together: 第1版" "$(xv "$X" @version)" 1
is "together: 改定内容" "$(xv "$X" "k:versions/k:version/k:summary/k:item" | tr '\n' '|')" "制定|"

# date_style: wareki.
FIXTURE_DATE=2026-03-30
DATE_STYLE=wareki; fixture wareki; DATE_STYLE=	# 3/31
EFF=2026-05-01; approve "$WORK/wareki" "$Y" "$S"; EFF=	# 4/1
kbuild wareki
is "wareki: 制定日" "$(xv "$X" @established-text)" 令和8年4月1日
is "wareki: 施行日" "$(xv "$X" @effective-text)" 令和8年5月1日
is "wareki: ISO date stays" "$(xv "$X" @established)" 2026-04-01
is "wareki: version dates" "$(xv "$X" "k:versions/k:version/@approved-text")" 令和8年4月1日
is "wareki: review due" "$(xv "$X" @review-due-text)" 令和9年4月1日

# Two manuals: an approval approves every manual its approver's roles
# serve; a role with two members needs one of them; a role named twice in
# approvers is still one role; a change to one manual leaves the other
# signed off.
FIXTURE_DATE=2026-03-30
fixture two				# 3/31
T='田中 一郎 <tanaka@example.co.jp>'
r=$WORK/two/policies
mkdir -p "$r/rules"
printf '# 文書管理内規\n\n文書は五年間保存する。\n' > "$r/rules/01-docs.md"
sed -i -e 's/^    approvers: \[board, exec\]$/&\
  - id: rules\
    title: 文書管理内規\
    kind: policy\
    documents: [rules\/*.md]\
    approvers: [board, board]/' \
    -e 's/members: \[yamada@example.co.jp\]/members: [yamada@example.co.jp, tanaka@example.co.jp]/' \
    -e 's/^  people:$/&\
    - {email: tanaka@example.co.jp, name: 田中 一郎}/' "$r/kitei.yml"
commit_all "$WORK/two" "内規を追加"	# 4/1
approve "$WORK/two" "$T"		# 4/2
approve "$WORK/two" "$S"		# 4/3
kbuild two
R=$WORK/two.out/manuals/rules.xml
is "two: rules signed off by one board member" "$(xv "$R" @signed-off)" true
is "two: rules 制定日" "$(xv "$R" @established)" 2026-04-02
is "two: rules approved by 田中" "$(xv "$R" k:versions/k:version/k:approval/@name)" "田中 一郎"
is "two: policy signed off" "$(xv "$X" @signed-off)" true
is "two: policy 制定日 when 佐藤 completed it" "$(xv "$X" @established)" 2026-04-03
echo "廃棄は記録する。" >> "$r/rules/01-docs.md"
commit_all "$WORK/two" "内規を改正"	# 4/4
kbuild two
is "two: the changed manual is a draft" "$(xv "$R" @signed-off)" false
is "two: the other stays signed off" "$(xv "$X" @signed-off)" true
kcheck two
contains "two: rules misses the board once" "$WORK/two.check" \
    "manual 'rules' has changes since its last sign-off (last change $(git -C "$WORK/two" rev-parse --short=12 HEAD)); approval missing from 取締役会 [unapproved-change]"
lacks "two: policy has no unapproved-change" "$WORK/two.check" "manual 'policy' has changes"
approve "$WORK/two" "$Y"		# 4/5
kbuild two
is "two: rules 第2版 by the other board member" "$(xv "$R" @version)" 2
is "two: policy unchanged, no new version" "$(xv "$X" @version)" 1

# A board member replaced: approvals are judged by the roles in force when
# they were given, so 第1版 stays; the one who left approves nothing new.
# He stays under people (as everyone whose approval counts must).
FIXTURE_DATE=2026-03-30
fixture retire				# 3/31
approve "$WORK/retire" "$Y" "$S"	# 4/1: 第1版
sed -i -e 's/members: \[yamada@example.co.jp\]/members: [suzuki@example.co.jp]/' \
    -e 's/^    - {email: yamada@example.co.jp, name: 山田 太郎}$/&\
    - {email: suzuki@example.co.jp, name: 鈴木 次郎}/' \
    "$WORK/retire/policies/kitei.yml"
commit_all "$WORK/retire" "取締役の交代"	# 4/2
kbuild retire
is "retire: 第1版 stays after its approver left" "$(xv "$X" @version)" 1
is "retire: still signed off" "$(xv "$X" @signed-off)" true
is "retire: named as kitei.yml named him then" "$(xv "$X" "k:versions/k:version/k:approval[@role='board']/@name")" "山田 太郎"
change "$WORK/retire" "第12条を改正"	# 4/3
approve "$WORK/retire" "$Y" "$S"	# 4/4: 山田 is no longer on the board
kbuild retire
is "retire: the one who left approves nothing new" "$(xv "$X" @signed-off)" false
kcheck retire
contains "retire: check says so" "$WORK/retire.check" "kitei.yml gives this address no approver role [bad-approval]"
approve "$WORK/retire" "鈴木 次郎 <suzuki@example.co.jp>"	# 4/5
kbuild retire
is "retire: 第2版 by the new member" "$(xv "$X" @version)" 2
is "retire: 第2版's board" "$(xv "$X" "k:versions/k:version[2]/k:approval[@role='board']/@name")" "鈴木 次郎"
# Struck from people too: his old approvals no longer count.
sed -i '/yamada@example.co.jp, name/d' "$WORK/retire/policies/kitei.yml"
commit_all "$WORK/retire" "退任者を削除"
kbuild retire
is "retire: gone from people, 第1版 goes" "$(xv "$X" "k:versions/k:version[1]/k:approval[@role='board']/@name")" "鈴木 次郎"

# ------------------------------------------------------------------------
# A rename between versions (issue 12.5): the history follows the document;
# a rename that keeps the chapters' order leaves the text as it was, so it is
# no change and its approval no version; one that reorders them is a change.
fixture rename
approve "$WORK/rename" "$Y" "$S"
git -C "$WORK/rename" mv policies/policy/01-basic.md policies/policy/01-rules.md
commit_all "$WORK/rename" "ファイル名を変更"
kbuild rename
is "rename: a rename keeps it signed off" "$(xv "$X" @signed-off)" true
approve "$WORK/rename" "$Y" "$S"
kbuild rename
is "rename: approving a rename makes no version" "$(xv "$X" k:versions/k:version/@number | tr '\n' ' ')" "1 "
change "$WORK/rename" "第3条を改正"
approve "$WORK/rename" "$Y" "$S"
kbuild rename
is "rename: signed off" "$(xv "$X" @signed-off)" true
is "rename: 第2版" "$(xv "$X" @version)" 2
is "rename: 第1版 kept across the rename" "$(xv "$X" "k:versions/k:version[1]/k:summary/k:item")" 制定
is "rename: 第2版 is the change, not the rename" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item" | tr '\n' '|')" "第3条を改正|"
contains "rename: history reaches back past the rename" "$X" \
    "$(git -C "$WORK/rename" rev-list --max-parents=0 HEAD)"
git -C "$WORK/rename" mv policies/policy/01-rules.md policies/policy/03-rules.md
commit_all "$WORK/rename" "章の順序を変更"
kbuild rename
is "rename: a rename that reorders the chapters is a change" "$(xv "$X" @signed-off)" false
approve "$WORK/rename" "$Y" "$S"
kbuild rename
is "rename: its approval is 第3版" "$(xv "$X" @version)" 3

# Removing a document from a manual changes the manual.
fixture remove
printf '# 補足\n\n補足事項はない。\n' > "$WORK/remove/policies/policy/03-notes.md"
commit_all "$WORK/remove" "補足を追加"
approve "$WORK/remove" "$Y" "$S"
kbuild remove
is "remove: signed off with three documents" "$(xv "$X" @signed-off)" true
git -C "$WORK/remove" rm -q policies/policy/03-notes.md
commit_all "$WORK/remove" "補足を廃止"
kbuild remove
is "remove: removing a document is a change" "$(xv "$X" @signed-off)" false

# Dropping a document by changing the manual's documents globs in kitei.yml
# changes the manual too; other kitei.yml edits do not.
fixture glob
printf '# 補足\n\n補足事項はない。\n' > "$WORK/glob/policies/policy/03-notes.md"
commit_all "$WORK/glob" "補足を追加"
approve "$WORK/glob" "$Y" "$S"
sed -i 's/^organization: .*/organization: テスト株式会社（改称）/' "$WORK/glob/policies/kitei.yml"
commit_all "$WORK/glob" "社名を変更"
kbuild glob
is "glob: another kitei.yml edit leaves it signed off" "$(xv "$X" @signed-off)" true
sed -i 's|documents: \[policy/\*.md\]|documents: ["policy/0[12]-*.md"]|' "$WORK/glob/policies/kitei.yml"
commit_all "$WORK/glob" "補足を規程から外す"
kbuild glob
is "glob: a documents glob that drops a document is a change" "$(xv "$X" @signed-off)" false
approve "$WORK/glob" "$Y" "$S"
kbuild glob
is "glob: 第2版 lists it" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item")" 補足を規程から外す

# ------------------------------------------------------------------------
# Branches: an approval on a side branch that lacks the latest change does
# not count, even once merged; a merge commit carrying Approved-by counts.
fixture branch
approve "$WORK/branch" "$Y" "$S"		# 第1版
git -C "$WORK/branch" branch side
change "$WORK/branch" "第4条を改正"
git -C "$WORK/branch" checkout -q side
approve "$WORK/branch" "$Y" "$S"		# newer, but lacks 第4条を改正
git -C "$WORK/branch" checkout -q main
tick
git -C "$WORK/branch" merge -q --no-ff -m "Merge branch 'side'" side
kbuild branch
is "branch: side-branch approval does not count" "$(xv "$X" @signed-off)" false
is "branch: still 第1版" "$(xv "$X" @version)" 1
kcheck branch
contains "branch: unapproved-change" "$WORK/branch.check" "approval missing from 取締役会, システム統括役員"
git -C "$WORK/branch" checkout -q -b review
echo "readme" > "$WORK/branch/README"
commit_all "$WORK/branch" "README"
git -C "$WORK/branch" checkout -q main
tick
git -C "$WORK/branch" merge -q --no-ff -m "Merge branch 'review'" \
    -m "Approved-by: $Y
Approved-by: $S" review
kbuild branch
is "branch: merge commit approval counts" "$(xv "$X" @signed-off)" true
is "branch: 第2版" "$(xv "$X" @version)" 2
is "branch: approved by the merge" "$(xv "$X" "k:versions/k:version[2]/k:approval[@role='board']/@commit")" \
    "$(git -C "$WORK/branch" rev-parse HEAD)"
is "branch: 改定内容 of 第2版" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item")" 第4条を改正

# A change made on a feature branch and merged: 改定内容 lists the change,
# not the merge.
fixture feature
approve "$WORK/feature" "$Y" "$S"
git -C "$WORK/feature" checkout -q -b feature
change "$WORK/feature" "第8条を新設"
git -C "$WORK/feature" checkout -q main
tick
git -C "$WORK/feature" merge -q --no-ff -m "Merge branch 'feature'" feature
kbuild feature
is "feature: the merge is a draft" "$(xv "$X" @signed-off)" false
approve "$WORK/feature" "$Y" "$S"
kbuild feature
is "feature: 第2版" "$(xv "$X" @version)" 2
is "feature: 改定内容 is the change, not the merge" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item" | tr '\n' '|')" "第8条を新設|"

# A feature branch in flight while main is approved: its commit, older than
# the approval but not in it, does not hide what the approval approved.
FIXTURE_DATE=2026-03-30
fixture inflight			# 3/31 制定
git -C "$WORK/inflight" checkout -q -b draft
change "$WORK/inflight" "第9条を新設"	# 4/1, on the branch
git -C "$WORK/inflight" checkout -q main
approve "$WORK/inflight" "$Y" "$S"	# 4/2, on main: approves 制定
kbuild inflight
is "inflight: main is signed off" "$(xv "$X" @signed-off)" true
is "inflight: 制定日" "$(xv "$X" @established)" 2026-04-02
tick
git -C "$WORK/inflight" merge -q --no-ff -m "Merge branch 'draft'" draft	# 4/3
approve "$WORK/inflight" "$Y" "$S"	# 4/4
kbuild inflight
is "inflight: 第2版" "$(xv "$X" @version)" 2
is "inflight: 制定日 stays" "$(xv "$X" @established)" 2026-04-02
is "inflight: 改定日" "$(xv "$X" @revised)" 2026-04-04
is "inflight: 改定内容 of 第1版" "$(xv "$X" "k:versions/k:version[1]/k:summary/k:item" | tr '\n' '|')" "制定|"
is "inflight: 改定内容 of 第2版" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item" | tr '\n' '|')" "第9条を新設|"

# The same with a change on main after the branch's commit: 第1版 lists the
# main line's changes; 第2版 the branch's, though it is older than 第1版.
fixture inflight2			# 3/31 制定
git -C "$WORK/inflight2" checkout -q -b draft
echo "お問い合わせは窓口まで。" >> "$WORK/inflight2/policies/policy/02-public.md"
commit_all "$WORK/inflight2" "第9条を新設"	# 4/1, on the branch
git -C "$WORK/inflight2" checkout -q main
change "$WORK/inflight2" "第10条を改正"	# 4/2
approve "$WORK/inflight2" "$Y" "$S"	# 4/3
tick
git -C "$WORK/inflight2" merge -q --no-ff -m "Merge branch 'draft'" draft
approve "$WORK/inflight2" "$Y" "$S"
kbuild inflight2
is "inflight2: 改定内容 of 第1版" "$(xv "$X" "k:versions/k:version[1]/k:summary/k:item" | tr '\n' '|')" "制定|"
is "inflight2: 改定内容 of 第2版" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item" | tr '\n' '|')" "第9条を新設|"

# ------------------------------------------------------------------------
# A shallow clone: --release refuses, and says why.
git clone -q --depth 1 "file://$WORK/multi" "$WORK/shallow" 2>/dev/null
kcheck shallow --release
is "shallow: check --release exits 1" "$?" 1
contains "shallow: check says shallow" "$WORK/shallow.check" "shallow"
kbuild shallow --release
is "shallow: build --release exits 1" "$?" 1
contains "shallow: build says shallow" "$WORK/shallow.build" "shallow"
if [ -e "$WORK/shallow.out" ]; then fail "shallow: build --release writes nothing"
else ok "shallow: build --release writes nothing"; fi

# ------------------------------------------------------------------------
# require_signature: approvals must be signed by the approver's own key.
# Throwaway keys live in $GH; kitei runs with HOME and GNUPGHOME pointing at
# an empty folder and its own TMPDIR, and must leave all of them as it
# found them.
GH=$WORK/gnupg
rm -rf "$WORK/gnupg" "$WORK/keys" "$WORK/home" "$WORK/tmpdir"
mkdir -m 700 "$GH"
mkdir "$WORK/keys" "$WORK/home" "$WORK/tmpdir"
# newkey NAME EMAIL: makes a key in $GH and prints its fingerprint.
newkey() {
	GNUPGHOME=$GH gpg --batch --quiet --passphrase '' --quick-gen-key \
	    "$1 <$2>" ed25519 sign never 2>/dev/null
	GNUPGHOME=$GH gpg --batch --with-colons --list-keys "<$2>" 2>/dev/null |
	    awk -F: '$1 == "fpr" { print $10; exit }'
}
YFPR=$(newkey Yamada yamada@example.co.jp)
SFPR=$(newkey Sato sato@example.co.jp)
XFPR=$(newkey Stranger stranger@example.co.jp)
if [ ${#YFPR} -eq 40 ] && [ ${#SFPR} -eq 40 ] && [ ${#XFPR} -eq 40 ]; then
	ok "keys: three throwaway keys"
else
	fail "keys: three throwaway keys (got '$YFPR' '$SFPR' '$XFPR')"
fi
GNUPGHOME=$GH gpg --batch --armor --export "$YFPR" > "$WORK/keys/yamada.asc" 2>/dev/null
GNUPGHOME=$GH gpg --batch --armor --export "$SFPR" > "$WORK/keys/sato.asc" 2>/dev/null

# kitei with an empty HOME and GNUPGHOME and its own TMPDIR.
KITEI_REAL=$KITEI
KITEI="$WORK/kitei-isolated"
printf '#!/bin/sh\nHOME="%s" GNUPGHOME="%s" TMPDIR="%s" exec "%s" "$@"\n' \
    "$WORK/home" "$WORK/home" "$WORK/tmpdir" "$KITEI_REAL" > "$KITEI"
chmod +x "$KITEI"

FIXTURE_DATE=2026-03-30
SIGN=true; YKEY=$YFPR; SKEY=$SFPR; KEYS=$WORK/keys
fixture signed
SIGN=; YKEY=; SKEY=; KEYS=
approve "$WORK/signed" "$Y"			# forged: not signed
FORGED=$(git -C "$WORK/signed" rev-parse --short=12 HEAD)
SIGNKEY=$XFPR; approve "$WORK/signed" "$Y"	# a key not in keys/
UNKNOWN=$(git -C "$WORK/signed" rev-parse --short=12 HEAD)
SIGNKEY=$SFPR; approve "$WORK/signed" "$Y"	# 佐藤's key on 山田's approval
WRONG=$(git -C "$WORK/signed" rev-parse --short=12 HEAD)
SIGNKEY=$YFPR; approve "$WORK/signed" "$S"	# 山田's key on 佐藤's approval
WRONG2=$(git -C "$WORK/signed" rev-parse --short=12 HEAD)
SIGNKEY=
check "signed: the commits are signed as meant" \
    env GNUPGHOME="$GH" git -C "$WORK/signed" verify-commit HEAD
kcheck signed
is "signed: bad approvals are warnings" "$?" 0
contains "signed: forged trailer not counted" "$WORK/signed.check" \
    "warning: manual 'policy': the approval by $Y in $FORGED is not counted: the commit is not signed [bad-approval]"
contains "signed: unknown key not counted" "$WORK/signed.check" \
    "the approval by $Y in $UNKNOWN is not counted: signed by a key not in keys/ [bad-approval]"
contains "signed: wrong person's key not counted" "$WORK/signed.check" \
    "the approval by $Y in $WRONG is not counted: the signature is not by the approver's key [bad-approval]"
contains "signed: wrong person's key not counted (2)" "$WORK/signed.check" \
    "the approval by $S in $WRONG2 is not counted: the signature is not by the approver's key [bad-approval]"
contains "signed: nothing counted" "$WORK/signed.check" \
    "approval missing from 取締役会, システム統括役員 [unapproved-change]"
kbuild signed
is "signed: not signed off by bad approvals" "$(xv "$X" @signed-off)" false
is "signed: nothing pending" "$(xv "$X" k:pending/k:approval)" ""
SIGNKEY=$SFPR; approve "$WORK/signed" "$S"
SIGNKEY=$YFPR; approve "$WORK/signed" "$Y"
SIGNKEY=
kbuild signed
is "signed: build exits 0" "$?" 0
is "signed: signed off by signed approvals" "$(xv "$X" @signed-off)" true
is "signed: 第1版" "$(xv "$X" @version)" 1
is "signed: signatures good" "$(xv "$X" k:versions/k:version/k:approval/@signature | tr '\n' ' ')" "good good "
is "signed: 山田's good approval" "$(xv "$X" "k:versions/k:version/k:approval[@role='board']/@commit")" \
    "$(git -C "$WORK/signed" rev-parse HEAD)"
kcheck signed --release
is "signed: check --release exits 0" "$?" 0
lacks "signed: no unapproved-change" "$WORK/signed.check" unapproved-change
kbuild signed --release
is "signed: build --release exits 0" "$?" 0

# kitei.yml must give the whole fingerprint: a short key id never counts.
SIGN=true; YKEY=$(echo "$YFPR" | cut -c33-40); SKEY=$SFPR; KEYS=$WORK/keys
fixture shortkey
SIGN=; YKEY=; SKEY=; KEYS=
SIGNKEY=$YFPR; approve "$WORK/shortkey" "$Y"
SIGNKEY=$SFPR; approve "$WORK/shortkey" "$S"
SIGNKEY=
kbuild shortkey
is "shortkey: a short key id does not count" "$(xv "$X" @signed-off)" false
kcheck shortkey
contains "shortkey: check says why" "$WORK/shortkey.check" "fingerprint"

# An approval with no signature at all once signatures are required.
SIGN=true; YKEY=$YFPR; SKEY=$SFPR; KEYS=$WORK/keys
fixture unsigned
SIGN=; YKEY=; SKEY=; KEYS=
approve "$WORK/unsigned" "$Y" "$S"
kbuild unsigned
is "unsigned: an unsigned approval does not count" "$(xv "$X" @signed-off)" false
kbuild unsigned --release
is "unsigned: build --release exits 1" "$?" 1

# A signed merge commit carrying Approved-by counts.
FIXTURE_DATE=2026-03-30
SIGN=true; YKEY=$YFPR; SKEY=$SFPR; KEYS=$WORK/keys
fixture smerge
SIGN=; YKEY=; SKEY=; KEYS=
git -C "$WORK/smerge" checkout -q -b amend
change "$WORK/smerge" "第11条を改正"
git -C "$WORK/smerge" checkout -q main
tick
GNUPGHOME=$GH git -C "$WORK/smerge" -c gpg.program=gpg -c user.signingkey="$YFPR" \
    merge -q -S --no-ff -m "Merge branch 'amend'" -m "Approved-by: $Y" amend
SIGNKEY=$SFPR; approve "$WORK/smerge" "$S"; SIGNKEY=
kbuild smerge
is "smerge: a signed merge approves" "$(xv "$X" @signed-off)" true
is "smerge: its signature is good" "$(xv "$X" "k:versions/k:version/k:approval[@role='board']/@signature")" good
is "smerge: 改定内容" "$(xv "$X" "k:versions/k:version/k:summary/k:item" | tr '\n' '|')" "制定|"

# A key that expired after it signed: the approval stays one.  The key is
# made and used in January 2025 with gpg's faked clock and lasts 30 days.
GO=$WORK/gnupg-old
rm -rf "$GO"
mkdir -m 700 "$GO"
GNUPGHOME=$GO gpg --batch --quiet --faked-system-time 20250101T000000 \
    --passphrase '' --quick-gen-key 'Yamada <yamada@example.co.jp>' \
    ed25519 sign 30d 2>/dev/null
OFPR=$(GNUPGHOME=$GO gpg --batch --with-colons --list-keys 2>/dev/null |
    awk -F: '$1 == "fpr" { print $10; exit }')
mkdir -p "$WORK/keys-old"
GNUPGHOME=$GO gpg --batch --armor --export "$OFPR" > "$WORK/keys-old/yamada.asc" 2>/dev/null
cp "$WORK/keys/sato.asc" "$WORK/keys-old/"
printf '#!/bin/sh\nexec gpg --faked-system-time 20250110T000000 "$@"\n' > "$WORK/gpg-2025"
chmod +x "$WORK/gpg-2025"
FIXTURE_DATE=2025-01-05
SIGN=true; YKEY=$OFPR; SKEY=$SFPR; KEYS=$WORK/keys-old
fixture expired
SIGN=; YKEY=; SKEY=; KEYS=
tick
GNUPGHOME=$GO git -C "$WORK/expired" -c gpg.program="$WORK/gpg-2025" \
    -c user.signingkey="$OFPR" commit -q -S --allow-empty -m "承認" \
    -m "Approved-by: $Y"
SIGNKEY=$SFPR; approve "$WORK/expired" "$S"; SIGNKEY=
kbuild expired
is "expired: signed before the key expired still counts" "$(xv "$X" @signed-off)" true
is "expired: its signature is good" "$(xv "$X" "k:versions/k:version/k:approval[@role='board']/@signature")" good
gpgconf --homedir "$GO" --kill all 2>/dev/null

# kitei left no trace: the user's folder is untouched, no temporary
# keyring is left behind, no agent runs for one.
is "keyring: HOME and GNUPGHOME stay empty" "$(ls -A "$WORK/home")" ""
is "keyring: no kitei-gnupg-* left in TMPDIR" "$(ls -A "$WORK/tmpdir")" ""
is "keyring: no gpg-agent for a kitei keyring" \
    "$(ps -eo args | grep "$WORK/tmpdir/kitei-gnupg" | grep -v grep)" ""
KITEI=$KITEI_REAL
gpgconf --homedir "$WORK/gnupg" --kill all 2>/dev/null
