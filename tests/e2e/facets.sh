#!/bin/sh
# The coverage check's judgement layer (issue 17, items 1-3): facets on
# folded text, "did you mean" among siblings, broad covers:, and the swap
# benchmark's targets (>= 90 % of sibling swaps flagged on the sample and on
# a second, differently worded policy root; no warning on the correct text).
. "$ROOT/tests/lib.sh"

# The benchmark: a quality bar, not a timing.
for f in "sample $ROOT/policies" "fixture $ROOT/tests/fixtures/swap/policies"; do
	set -- $f
	line=$(sh "$ROOT/tests/bench/swap.sh" "$KITEI" "$2" "$1")
	echo "# $line"
	pct=$(echo "$line" | sed -n 's/.*(\([0-9]*\) %).*/\1/p')
	warn=$(echo "$line" | sed -n 's/.*, \([0-9]*\) warnings on the correct text/\1/p')
	if [ -n "$pct" ] && [ "$pct" -ge 90 ]; then ok "swap benchmark: $1: at least 90 % of sibling swaps flagged"
	else fail "swap benchmark: $1: at least 90 % of sibling swaps flagged ($line)"; fi
	if [ "$warn" = 0 ]; then ok "swap benchmark: $1: no warning on the correct text"
	else fail "swap benchmark: $1: no warning on the correct text ($line)"; fi
done

# A copy of the sample to edit in the work tree.
S=$WORK/s
new_repo "$S"
cp -R "$ROOT/policies" "$S/p"
commit_all "$S" "sample"
P=$S/p
# edit FILE SED: edits the copy (restored by reset).
edit() { sed -i "$2" "$P/$1"; }
reset() { git -C "$S" checkout -q -- .; }
wcheck() { "$KITEI" -C "$P" --worktree check > "$WORK/$1.txt" 2>&1; }

# 8.1 and 8.2 swapped: each names the other.
edit system-risk/05-system-audit.md 's/covers: 8\.1 -->/covers: 8.X -->/; s/covers: 8\.2 -->/covers: 8.1 -->/; s/covers: 8\.X -->/covers: 8.2 -->/'
wcheck swap8
contains "8.2 claimed by the audit article: did you mean 8.1" "$WORK/swap8.txt" \
    "05-system-audit.md:9:14: warning: section '第28条（システム監査の実施）' covers 8.2 (監査の対象範囲と経営陣への報告) but mentions none of {報告}; did you mean 8.1 (定期的なシステム監査)? [implausible-coverage]"
contains "8.1 claimed by the scope article: did you mean 8.2" "$WORK/swap8.txt" \
    "did you mean 8.2 (監査の対象範囲と経営陣への報告)? [implausible-coverage]"
reset

# Partial coverage: the scope without the report to 経営陣 names the facet.
edit system-risk/05-system-audit.md '/^3　監査の結果は、前項までの対象/d; s/（監査の対象と経営陣への報告）/（監査の対象）/'
wcheck partial
contains "a section meeting half of 8.2 names the missing facet" "$WORK/partial.txt" \
    "covers 8.2 (監査の対象範囲と経営陣への報告) but mentions none of {経営陣|"
reset

# The text is folded: spaces, full width, 漏洩/漏えい, the rule's own 利用者.
edit security/03-cybersecurity.md 's/IP アドレス/ＩＰ　アドレス/g; s/IPアドレス/I P アドレス/g'
edit security/02-access-control.md 's/漏えい/漏洩/g'
edit crisis/03-reporting.md '/^## 3.2/,/^## 3.3/s/お客様/利用者/g'
wcheck folded
lacks "6.2.1 met by ＩＰ　アドレス and I P アドレス" "$WORK/folded.txt" "covers 6.2.1"
lacks "4.1.6 met by 漏洩 for 漏えい" "$WORK/folded.txt" "covers 4.1.6 "
lacks "13.1.f met by the rule's own 利用者" "$WORK/folded.txt" "covers 13.1.f"
lacks "no implausible-coverage on the folded variants" "$WORK/folded.txt" "implausible-coverage"
reset

# Direct children only: a chapter does not borrow its articles' words.
edit system-risk/05-system-audit.md 's/^# システム監査$/# システム監査\n<!-- covers: 12.2 -->\n監査に関する定め。/'
wcheck chapter
contains "a covers: on a level-1 heading with subsections is too broad" "$WORK/chapter.txt" \
    "warning: section 'システム監査' covers 12.2 but is a level-1 heading with subsections (a whole chapter): put the covers: on the part that meets it [broad-coverage]"
contains "and the chapter's own text does not meet 12.2's facets" "$WORK/chapter.txt" \
    "section 'システム監査' covers 12.2 (障害の影響を極小化する仕組み) but mentions none of {単一障害点|波及}: is the id right? [implausible-coverage]"
reset

# A very long section.
{ i=0; while [ $i -lt 250 ]; do echo "監査の対象は業務全体とし、結果は経営陣に報告する。"; i=$((i + 1)); done; } > "$WORK/long.md"
edit system-risk/05-system-audit.md "/^2　内部監査室は、年度監査計画/r $WORK/long.md"
wcheck long
contains "a section over 4,000 characters is too broad" "$WORK/long.txt" \
    "covers 8.2 but is very long: put the covers: on the part that meets it [broad-coverage]"
reset

# A catalog of keywords keeps working: one facet, the old message.
"$KITEI" catalog 1.1 > "$WORK/cat11.txt" 2>&1
contains "協會員 is shown as verbatim" "$WORK/cat11.txt" "協會員（ママ）の構築した"
"$KITEI" catalog --format json > "$WORK/cat.json" 2>&1
lacks "JSON keeps the rule's text as it is" "$WORK/cat.json" "（ママ）"
