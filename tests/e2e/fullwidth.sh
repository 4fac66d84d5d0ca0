#!/bin/sh
# Input typed with a Japanese keyboard (issue 11 C1, issue 12 item 3):
# full-width colons, digits, letters and spaces in directives, front matter
# and approval trailers are read as what they mean (NFKC); what still cannot
# be read is an error at its own line, and a visibility kitei cannot read
# keeps its section off the public page.
#
#   1. directive spellings, one by one: kitei check's exit and message;
#   2. all of them in one public document: kitei build --only public shows
#      the public text and none of the sections meant to stay inside;
#   3. coverage from full-width covers: and not-applicable:;
#   4. approval trailers: Approved-by：, approved-by :, full width; Effective
#      in full width, or not a day; 承認者: and an Approved-by in the subject.
. "$ROOT/tests/lib.sh"

CAT=$ROOT/tests/fixtures/check/cat.xml
Y='山田 太郎 <yamada@example.co.jp>'
S='佐藤 花子 <sato@example.co.jp>'
TODAY=2026-06-01

# xv FILE PATH: what PATH (ElementTree, k: for kitei's namespace, /@attr for
# an attribute) selects in a manual's XML, one line each.
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

# fixture NAME [COVERS]: $WORK/NAME, a repository whose policies/ holds one
# crisis manual approved by board (山田) and exec (佐藤).  01-basic.md covers
# the catalog but for what COVERS leaves out (default: all of it);
# 02-public.md is the public page's section (13.2).
fixture() {
	FIXTURE_DAY=0
	repo=$WORK/$1
	r=$repo/policies
	new_repo "$repo"
	mkdir -p "$r/policy"
	cp "$CAT" "$r/cat.xml"
	cat > "$r/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: cat.xml
manuals:
  - id: policy
    title: 危機管理マニュアル
    kind: crisis
    documents: [policy/*.md]
    approvers: [board, exec]
public:
  title: 危機発生時の対応について
  contact: お客様相談室 0120-111-222
approval:
  roles:
    board: {title: 取締役会, members: [yamada@example.co.jp]}
    exec: {title: システム統括役員, members: [sato@example.co.jp]}
  people:
    - {email: yamada@example.co.jp, name: 山田 太郎}
    - {email: sato@example.co.jp, name: 佐藤 花子}
EOF
	{
		echo "# 危機管理マニュアル"
		echo
		echo "## 基本"
		echo "<!-- covers: ${2:-1.1 1.2 1.3 1.4 1.4.1 4.1.6.a 4.1.6.b 4.1.6.c 13.1} -->"
		echo "基本を定める。"
	} > "$r/policy/01-basic.md"
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

# approve DIR MESSAGE: an empty commit with the message as given.
approve() {
	tick
	git -C "$1" commit -q --allow-empty -m "$2"
}

# kcheck NAME ARGS...: kitei check of $WORK/NAME into $WORK/NAME.check.
kcheck() {
	name=$1; shift
	timeout 60 "$KITEI" -C "$WORK/$name/policies" --today "$TODAY" "$@" check \
	    > "$WORK/$name.check" 2>&1
}

# kbuild NAME ONLY: kitei build --only ONLY --emit-xml of $WORK/NAME into
# $WORK/NAME.out; the manual's XML is $X.
kbuild() {
	X=$WORK/$1.out/manuals/policy.xml
	rm -rf "$WORK/$1.out"
	timeout 60 "$KITEI" -C "$WORK/$1/policies" --today "$TODAY" build \
	    -o "$WORK/$1.out" --only "$2" --emit-xml > "$WORK/$1.build" 2>&1
}

# ------------------------------------------------------------------------
# 1. Each spelling alone, previewed with --worktree: "read" ones give exit 0
#    and no word about directives, the others an error at their line.
fixture one
approve "$WORK/one" "承認

Approved-by: $Y
Approved-by: $S"
F=$WORK/one/policies/policy/03-fw.md
N=0
# spell WANT "what" LINE: writes a public document whose line 7 is LINE.
# WANT: read (exit 0, silent) or an expected "7:COL: error" prefix.
spell() {
	N=$((N + 1))
	printf -- '---\ntitle: お知らせ\nvisibility: public\n---\n# お知らせ\n\n%s\n本文。\n' \
	    "$3" > "$F"
	kcheck one --worktree
	rc=$?
	if [ "$1" = read ]; then
		if [ $rc -eq 0 ] && ! grep -q 'directive\]' "$WORK/one.check"; then
			ok "spelling $N read: $2"
		else
			fail "spelling $N read: $2 (exit $rc)"; grep 03-fw "$WORK/one.check"
		fi
	elif [ $rc -eq 1 ] && grep -q "policies/policy/03-fw.md:$1: error: .*directive\]" \
	    "$WORK/one.check"; then
		ok "spelling $N an error at its line: $2"
	else
		fail "spelling $N an error at $1: $2 (exit $rc)"; cat "$WORK/one.check"
	fi
}
spell read "visibility：internal (full-width colon)" "<!-- visibility：internal -->"
spell read "visibility : internal" "<!-- visibility : internal -->"
spell read "ideographic space after <!--" "<!--　visibility: internal -->"
spell read "Visibility: (case)" "<!-- Visibility: internal -->"
spell read "ｖｉｓｉｂｉｌｉｔｙ：ｉｎｔｅｒｎａｌ" "<!-- ｖｉｓｉｂｉｌｉｔｙ：ｉｎｔｅｒｎａｌ -->"
spell read "the label 関係者外秘" "<!-- visibility: 関係者外秘 -->"
spell read "covers：3 ids, full width, 、 and ，" "<!-- covers：１.１、1.2，4.1.6.a -->"
spell read "covers: ４.１.６.ａ　4.1.6.b" "<!-- covers: ４.１.６.ａ　4.1.6.b -->"
spell read "not-applicable：1.4　理由" "<!-- not-applicable：1.4　当社は該当しない。 -->"
spell 7:18 "visibility: publik" "<!-- visibility: publik -->"
spell 7:1 "visibilty：internal" "<!-- visibilty：internal -->"
spell 7:1 "visibility: with no value" "<!-- visibility: -->"
spell 7:1 "visibility internal (no colon)" "<!-- visibility internal -->"
spell 7:25 "visibility: public internal" "<!-- visibility: public internal -->"
spell 7:1 "cover：1.1" "<!-- cover：1.1 -->"
spell 7:1 "not applicable: 1.4 理由" "<!-- not applicable: 1.4 理由 -->"
spell 7:18 "covers: 1.1 と 1.2 (an id lost)" "<!-- covers: 1.1 と 1.2 -->"
contains "columns count code points of the original" "$WORK/one.check" \
    "03-fw.md:7:18: error: covers: 'と' is not an id"
spell 7:1 "covers：(no id)" "<!-- covers：全部 -->"

# ------------------------------------------------------------------------
# 2. The spellings kitei reads, in one public document: the public text is
#    shown, and not one section that asked to stay inside.  Then the ones it
#    cannot read, in another: they are errors, their sections confidential,
#    and the public page is withheld (fail closed).
fixture pub
cat > "$WORK/pub/policies/policy/03-fw.md" <<'EOF'
---
title: お知らせ
visibility: public
---
# お知らせ

公開の本文 FW-PUBLIC-OK。

## 一
<!-- visibility：internal -->
FW-SECRET-01

## 二
<!-- visibility : internal -->
FW-SECRET-02

## 三
<!--　visibility: internal -->
FW-SECRET-03

## 四
<!-- Visibility: internal -->
FW-SECRET-04

## 五
<!-- ｖｉｓｉｂｉｌｉｔｙ：ｉｎｔｅｒｎａｌ -->
FW-SECRET-05

## 十
<!-- covers: 1.1 visibility：confidential -->
FW-SECRET-10

## 十一
<!--
covers: 1.1
visibility: internal
-->
FW-SECRET-11

## 十二
<!--- visibility: internal --->
FW-SECRET-12

## 十三
<!-- visibility: 社外秘 -->
FW-SECRET-13
EOF
commit_all "$WORK/pub" "お知らせ"
approve "$WORK/pub" "承認

Approved-by: $Y
Approved-by: $S"
kbuild pub public
P=$WORK/pub.out/public/index.html
if [ -f "$P" ]; then ok "pub: the public page is built"; else fail "pub: no public page"; cat "$WORK/pub.build"; fi
contains "pub: the public text is shown" "$P" FW-PUBLIC-OK
for i in 01 02 03 04 05 10 11 12 13; do
	if grep -rqF "FW-SECRET-$i" "$WORK/pub.out/public" 2>/dev/null; then
		fail "pub: FW-SECRET-$i reached output/public"
	else
		ok "pub: FW-SECRET-$i stays out of output/public"
	fi
done
kbuild pub html
for h in 一 二 三 四 五 十一 十二 十三; do
	is "pub: section $h is internal, as written" \
	    "$(xv "$X" ".//k:section[@heading='$h']/@visibility")" internal
done
is "pub: section 十 is confidential, as written" \
    "$(xv "$X" ".//k:section[@heading='十']/@visibility")" confidential

fixture pubbad
cat > "$WORK/pubbad/policies/policy/03-fw.md" <<'EOF'
---
title: お知らせ
visibility: public
---
# お知らせ

公開の本文 FW-PUBLIC-OK。

## 六
<!-- visibility: publik -->
FW-SECRET-06

## 七
<!-- visibilty：internal -->
FW-SECRET-07

## 八
<!-- visibility: -->
FW-SECRET-08

## 九
<!-- visibility internal -->
FW-SECRET-09

## 十四
＜！－－ visibility: internal －－＞
FW-SECRET-14

## 十五
本文 <!-- visibility: internal
FW-SECRET-15

## 十六
<!-- visibility: internal －－＞
FW-SECRET-16
EOF
commit_all "$WORK/pubbad" "お知らせ"
approve "$WORK/pubbad" "承認

Approved-by: $Y
Approved-by: $S"
kbuild pubbad public
is "pubbad: an unreadable visibility stops the public page" \
    "$([ -f "$WORK/pubbad.out/public/index.html" ] && echo written || echo withheld)" withheld
contains "pubbad: build says why" "$WORK/pubbad.build" "public-withheld"
for i in 06 07 08 09 14 15 16; do
	if grep -rlF "FW-SECRET-$i" "$WORK/pubbad.out" 2>/dev/null | grep -q /public/; then
		fail "pubbad: FW-SECRET-$i reached output/public"
	else
		ok "pubbad: FW-SECRET-$i stays out of output/public"
	fi
done
kcheck pubbad
is "pubbad: check exits 1 (unreadable visibility)" "$?" 1
for l in 10 14 18 22 26 30 34; do
	contains "pubbad: an error at line $l" "$WORK/pubbad.check" "03-fw.md:$l:"
done
# The misread ones are confidential (kept out of bundles and every page
# outside the manual).
kbuild pubbad html
for h in 六 七 八 九 十四 十五 十六; do
	is "pubbad: section $h (unreadable) is confidential" \
	    "$(xv "$WORK/pubbad.out/manuals/policy.xml" ".//k:section[@heading='$h']/@visibility")" confidential
done

# Front matter: full-width key and value, and case, mean what they say.
fixture fm
cat > "$WORK/fm/policies/policy/03-fw.md" <<'EOF'
---
ｖｉｓｉｂｉｌｉｔｙ: ｐｕｂｌｉｃ
Title: 全角の前付け
---
# 全角の前付け

FW-FM-PUBLIC
EOF
commit_all "$WORK/fm" "お知らせ"
approve "$WORK/fm" "承認

Approved-by: $Y
Approved-by: $S"
kbuild fm public
contains "fm: ｖｉｓｉｂｉｌｉｔｙ: ｐｕｂｌｉｃ is public" "$WORK/fm.out/public/index.html" FW-FM-PUBLIC
kcheck fm
lacks "fm: no word about the front matter" "$WORK/fm.check" bad-front-matter

# ------------------------------------------------------------------------
# 3. Coverage from full-width directives: 1.2, 1.3, 4.1.6.a and 4.1.6.b are
#    covered, 1.4 not applicable, only by 03-fw.md.
fixture cov "1.1 1.4.1 4.1.6.c 13.1"
cat > "$WORK/cov/policies/policy/03-fw.md" <<'EOF'
# 全角の指定

## 一
<!-- covers：1.2 -->
<!-- covers: ４.１.６.ａ　4.1.6.b -->
<!-- Covers：１.３ -->
<!-- not-applicable：1.4　当社は該当する業務を行わない。 -->
本文。
EOF
commit_all "$WORK/cov" "全角の指定"
approve "$WORK/cov" "承認

Approved-by: $Y
Approved-by: $S"
kcheck cov
is "cov: check exits 0: every element met" "$?" 0
contains "cov: 100%" "$WORK/cov.check" "10 of 10 elements met (100%)"
timeout 60 "$KITEI" -C "$WORK/cov/policies" --today "$TODAY" build -o "$WORK/cov.out" \
    --only dashboard > /dev/null 2>&1
CSV=$WORK/cov.out/coverage.csv
contains "cov: 4.1.6.b covered by the full-width directive" "$CSV" \
    "4.1.6.b,4,shall,操作ログの保存,covered,policies/policy/03-fw.md:3,"
contains "cov: 1.4 not applicable, the reason as written" "$CSV" \
    "1.4,1,consider,外部監査の検討,not-applicable,,当社は該当する業務を行わない。,policies/policy/03-fw.md:7,"

# ------------------------------------------------------------------------
# 4. Approval trailers.
# Approved-by：(full-width colon) and approved-by : (space, case) count.
fixture tr1
approve "$WORK/tr1" "承認

Approved-by：$Y
approved-by : $S"
kbuild tr1 html
is "tr1: Approved-by： and approved-by : sign off" "$(xv "$X" @signed-off)" true
is "tr1: two approvals" "$(xv "$X" k:versions/k:version/k:approval/@role | sort | tr '\n' ' ')" "board exec "

# Full-width key, address and Effective date.
fixture tr2
approve "$WORK/tr2" "承認

Ａｐｐｒｏｖｅｄ－Ｂｙ：山田　太郎　＜ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ＞
Approved-by: $S
Ｅｆｆｅｃｔｉｖｅ：２０２７－０３－０１"
kbuild tr2 html
is "tr2: full-width trailer signs off" "$(xv "$X" @signed-off)" true
is "tr2: 施行日 from a full-width Effective" "$(xv "$X" @effective)" 2027-03-01
kcheck tr2
is "tr2: check exits 0" "$?" 0

# Effective that is no day: an error, at check and at build.
for spelling in 2027/03/01 2027年3月1日 "2027-02-30"; do
	fixture tr3
	approve "$WORK/tr3" "承認

Approved-by: $Y
Approved-by: $S
Effective: $spelling"
	kcheck tr3
	rc=$?
	is "tr3: Effective: $spelling: check exits 1" "$rc" 1
	contains "tr3: Effective: $spelling: an error" "$WORK/tr3.check" \
	    "error: manual 'policy': Effective: $spelling in"
done
# ... and an approver's earlier date does not stand in for the unreadable one.
fixture tr4
approve "$WORK/tr4" "承認

Approved-by: $Y
Effective: 2026-09-01"
approve "$WORK/tr4" "承認

Approved-by: $S
Effective: 2026/10/01"
kbuild tr4 html
is "tr4: no other approver's 施行日 for an unreadable one" "$(xv "$X" @effective)" \
    "$(xv "$X" @established)"

# Keys meant for Approved-by or Effective, and an approval in the subject.
fixture tr5
approve "$WORK/tr5" "承認

承認者: $Y
Approver: $S
施行日: 2026-09-01"
approve "$WORK/tr5" "Approved-by: $Y"
kcheck tr5
contains "tr5: 承認者: did you mean" "$WORK/tr5.check" \
    "'承認者: 山田 太郎 <yamada@example.co.jp>' is not a trailer kitei reads; did you mean 'Approved-by:'? [bad-approval]"
contains "tr5: Approver: did you mean" "$WORK/tr5.check" \
    "'Approver: 佐藤 花子 <sato@example.co.jp>' is not a trailer kitei reads; did you mean 'Approved-by:'?"
contains "tr5: 施行日: did you mean" "$WORK/tr5.check" \
    "'施行日: 2026-09-01' is not a trailer kitei reads; did you mean 'Effective:'?"
contains "tr5: Approved-by in the subject is said" "$WORK/tr5.check" \
    "'Approved-by: 山田 太郎 <yamada@example.co.jp>' is not read: trailers count only in the message's last paragraph"
kbuild tr5 html
is "tr5: none of them signs off" "$(xv "$X" @signed-off)" false
# A one-line message whose subject starts "approve:" or "effective:" is a
# subject, not a misspelt trailer; a value shaped like one still is.
fixture tr5b
approve "$WORK/tr5b" "approve: add the approve command, which writes Approved-by trailers"
approve "$WORK/tr5b" "effective: dates are read as written"
approve "$WORK/tr5b" "Approver: $Y"
approve "$WORK/tr5b" "承認者：取締役会"
kcheck tr5b
lacks "tr5b: a subject 'approve: …' draws no warning" "$WORK/tr5b.check" "add the approve command"
lacks "tr5b: a subject 'effective: …' draws no warning" "$WORK/tr5b.check" "dates are read as written"
contains "tr5b: a one-line 'Approver: NAME <MAIL>' still does" "$WORK/tr5b.check" \
    "'Approver: 山田 太郎 <yamada@example.co.jp>' is not a trailer kitei reads; did you mean 'Approved-by:'?"
contains "tr5b: a one-line '承認者：…' without an e-mail still does" "$WORK/tr5b.check" \
    "is not a trailer kitei reads; did you mean 'Approved-by:'?"
grep -q "承認者" "$WORK/tr5b.check" && ok "tr5b: the 承認者 line is named" || fail "tr5b: the 承認者 line is named"
