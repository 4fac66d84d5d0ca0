#!/bin/sh
# Confidential text stays out of a bundle made without --include-confidential
# (issue 11 C3): a confidential document's text before its first heading,
# the not-applicable reasons declared in confidential sections (manual HTML
# and PDF, coverage.html/.csv/.json/.pdf, index.html), and in the 新旧対照表
# a section confidential on either side (made confidential, or made
# internal again) withheld on both sides.  Reasons declared in internal
# sections stay: regulators receive internal text.
. "$ROOT/tests/lib.sh"

repo="$WORK/repo"
new_repo "$repo"
mkdir -p "$repo/p/docs"
cat > "$repo/p/cat.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:x-kitei:catalog:1" id="conf-rules" version="0.1.0">
  <title>機密テスト用規則</title>
  <article number="1">
    <heading>総則</heading>
    <element id="1.1" obligation="must">
      <title>体制</title>
      <text>協会員は、体制を整備しなければならない。</text>
      <keywords><keyword>体制</keyword></keywords>
    </element>
    <element id="1.2" obligation="endeavor">
      <title>外部委託</title>
      <text>協会員は、外部委託先を管理するよう努める。</text>
      <keywords><keyword>委託</keyword></keywords>
    </element>
    <element id="1.3" obligation="endeavor">
      <title>公開</title>
      <text>協会員は、公開するよう努める。</text>
      <keywords><keyword>公開</keyword></keywords>
    </element>
  </article>
</catalog>
XML
cat > "$repo/p/kitei.yml" <<'YML'
organization: テスト株式会社
catalog: cat.xml
manuals:
  - id: rules
    title: テスト規程
    number: T-001
    documents: [docs/*.md]
    approvers: [board]
approval:
  roles:
    board: {title: 取締役会, members: [y@example.jp]}
  people:
    - {email: y@example.jp, name: 山田 太郎}
YML
cat > "$repo/p/docs/01.md" <<'MD'
---
title: テスト規程
---
# テスト規程

## 第1条（体制）
<!-- covers: 1.1 -->
当社は体制を整備する。

## 第2条（拠点）
TOKEN-OLD-INTERNAL-2a 第2条の旧規定。

## 第3条（秘密の拠点）
<!-- visibility: confidential -->
TOKEN-OLD-CONF-3b 第3条の旧規定。

## 第4条（外部委託）
<!-- not-applicable: 1.3 TOKEN-NA-INTERNAL-4c 公開する業務がない。 -->
当社は公開業務を行わない。
MD
cat > "$repo/p/docs/02.md" <<'MD'
---
title: 機密手順書
visibility: confidential
---
TOKEN-PREAMBLE-5d この手順書はデータセンターの所在地を定める。

# 機密手順書

## 手順
<!-- not-applicable: 1.2 TOKEN-NA-CONF-6e 委託先は東京都内の一社のみ。 -->
TOKEN-BODY-7f 手順の本文。
MD
commit_all "$repo" "制定"
git -C "$repo" commit -q --allow-empty -m "承認" -m "Approved-by: 山田 太郎 <y@example.jp>"
first=$(git -C "$repo" rev-parse HEAD)
# 第2条 becomes confidential with new text; 第3条 becomes internal again.
cat > "$repo/p/docs/01.md" <<'MD'
---
title: テスト規程
---
# テスト規程

## 第1条（体制）
<!-- covers: 1.1 -->
当社は体制を整備し、毎年見直す。

## 第2条（拠点）
<!-- visibility: confidential -->
TOKEN-NEW-CONF-8g 第2条の新規定。

## 第3条（秘密の拠点）
TOKEN-NEW-INTERNAL-9h 第3条の新規定。

## 第4条（外部委託）
<!-- not-applicable: 1.3 TOKEN-NA-INTERNAL-4c 公開する業務がない。 -->
当社は公開業務を行わない。
MD
commit_all "$repo" "第2条と第3条の区分を変更"
git -C "$repo" commit -q --allow-empty -m "承認" -m "Approved-by: 山田 太郎 <y@example.jp>"

cd "$repo/p" || exit 2
"$KITEI" bundle -o "$WORK/r.zip" --since "$first" > "$WORK/r.out" 2> "$WORK/r.err"
rc=$?
[ $rc -le 1 ] && ok "bundle --since: exit $rc" || { fail "bundle exit $rc"; cat "$WORK/r.err"; }
"$KITEI" bundle -o "$WORK/c.zip" --since "$first" --include-confidential > /dev/null 2>&1
mkdir -p "$WORK/r" "$WORK/c"
(cd "$WORK/r" && unzip -q "$WORK/r.zip")
(cd "$WORK/c" && unzip -q "$WORK/c.zip")
check "the bundle has a 新旧対照表" test -s "$WORK/r/shinkyu/rules.html"

# Every byte of the bundle as text: files, and the text of every PDF.
alltext() {
	find "$1" -type f ! -name '*.pdf' -exec cat {} + > "$2"
	for f in $(find "$1" -name '*.pdf'); do
		pdftotext -q "$f" - >> "$2" 2>/dev/null
	done
}
alltext "$WORK/r" "$WORK/r.txt"
alltext "$WORK/c" "$WORK/c.txt"
check "PDF text was read (pdftotext)" grep -q "TOKEN-NA-INTERNAL-4c" "$WORK/r.txt"

for t in TOKEN-PREAMBLE-5d TOKEN-NA-CONF-6e TOKEN-BODY-7f TOKEN-OLD-CONF-3b \
    TOKEN-NEW-CONF-8g TOKEN-OLD-INTERNAL-2a; do
	lacks "redacted bundle: no $t anywhere (HTML, CSV, JSON, PDF, 新旧対照表)" "$WORK/r.txt" "$t"
	contains "--include-confidential: $t present" "$WORK/c.txt" "$t"
done
pdftotext -q "$WORK/r/shinkyu/rules.pdf" "$WORK/r-shinkyu.txt" 2>/dev/null
for t in TOKEN-NEW-INTERNAL-9h TOKEN-OLD-INTERNAL-2a TOKEN-OLD-CONF-3b TOKEN-NEW-CONF-8g; do
	lacks "redacted 新旧対照表 (HTML): no $t" "$WORK/r/shinkyu/rules.html" "$t"
	lacks "redacted 新旧対照表 (PDF): no $t" "$WORK/r-shinkyu.txt" "$t"
done
for f in manuals/rules.html coverage.html coverage.csv coverage.json index.html; do
	lacks "redacted bundle: $f has no confidential not-applicable reason" \
	    "$WORK/r/$f" TOKEN-NA-CONF-6e
done
contains "redacted bundle: an internal not-applicable reason stays (coverage.csv)" \
    "$WORK/r/coverage.csv" TOKEN-NA-INTERNAL-4c
contains "redacted bundle: the withheld reason says so (coverage.json)" \
    "$WORK/r/coverage.json" "機密情報のため省略"
contains "redacted bundle: a confidential document's preamble reads 機密情報のため省略" \
    "$WORK/r/manuals/rules.html" "機密情報のため省略"
contains "redacted 新旧対照表: headings stay" "$WORK/r/shinkyu/rules.html" "第2条（拠点）"
n=$(grep -o "機密情報のため省略" "$WORK/r/shinkyu/rules.html" | wc -l)
[ "$n" -ge 2 ] && ok "redacted 新旧対照表: withheld on both sides ($n)" || \
    fail "redacted 新旧対照表: withheld on both sides ($n)"
# kitei diff is for the firm itself: nothing withheld.
"$KITEI" diff "$first" HEAD -o "$WORK/d" > /dev/null 2>&1
contains "kitei diff (not a bundle) shows the old text" "$WORK/d/rules.html" TOKEN-OLD-INTERNAL-2a
