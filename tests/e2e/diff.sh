#!/bin/sh
# kitei diff OLD NEW: the 新旧対照表 of a fixture repository between an
# approved first version and an amendment that edits wording inside
# paragraphs, a list item and a table cell, inserts a section, deletes one,
# moves one to another document and renames a document.  The HTML (and the
# XML, which must match docs/shinkyu.rng) must equal tests/golden/diff/;
# REGEN=1 rewrites the goldens.
. "$ROOT/tests/lib.sh"

GOLDEN=$ROOT/tests/golden/diff

# golden "what" got-file golden-file: compares, or rewrites under REGEN=1.
golden() {
	if [ -n "${REGEN:-}" ]; then
		cp "$2" "$3"
		ok "$1 (regenerated)"
	elif [ ! -f "$3" ]; then
		fail "$1 (no golden $3)"
	else
		same "$1" "$2" "$3"
	fi
}

# normalized FILE: the file with kitei's version taken out, beside it as FILE.n.
normalized() {
	sed 's/kitei [0-9][0-9.]*/kitei VERSION/g' "$1" > "$1.n"
}

# html_ok "what" FILE: libxml2's HTML parser finds nothing wrong but the
# HTML5 element names it does not know.
html_ok() {
	xmllint --html --noout "$2" 2> "$2.lint"
	if grep 'error' "$2.lint" | grep -v 'Tag \(main\|header\|footer\|time\) invalid' | grep -q .; then
		fail "$1"; head -10 "$2.lint"
	else
		ok "$1"
	fi
}

repo=$WORK/repo
r=$repo/policies
new_repo "$repo"
mkdir -p "$r/policy" "$r/crisis"
cat > "$r/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: system-risk-rules
review_interval: 12 months
approval:
  roles:
    board: {title: 取締役会, members: [yamada@example.co.jp]}
  people:
    - {email: yamada@example.co.jp, name: 山田 太郎}
manuals:
  - id: policy
    title: システムリスク管理規程
    number: SR-001
    kind: policy
    documents: [policy/*.md]
    approvers: [board]
  - id: crisis
    title: 危機管理マニュアル
    kind: crisis
    documents: [crisis/*.md]
    approvers: [board]
EOF
cat > "$r/policy/01-basic.md" <<'EOF'
---
title: システムリスク管理規程
owner: システム部
---
# システムリスク管理規程

## 第1条（目的）
本規程は、当社のシステムリスク管理の基本的な事項を定める。

## 第2条（定義）
本規程において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。

1. システムリスクとは、コンピュータシステムの停止又は誤作動により損失を被るリスクをいう。
2. 重要システムとは、顧客に対する業務の継続に不可欠なシステムをいう。

## 第3条（基本方針）
取締役会は、システムリスク管理の基本方針を定め、年1回その内容を見直す。
システム部長は、基本方針に基づき管理体制を整備する。

## 第4条（リスクの評価）
システム部は、重要システムについて、毎年4月にリスクを評価し、その結果をシステム統括役員に報告する。

## 第5条（教育）
全役職員に対し、年1回、システムリスクに関する研修を行う。

## 第6条（記録の保存）
システムリスク管理に関する記録は、5年間保存する。
EOF
cat > "$r/policy/02-access.md" <<'EOF'
---
title: アクセス管理
---
# アクセス管理

## 第7条（権限の付与）
アクセス権限は、職務に応じて必要最小限の範囲で付与する。

## 第8条（操作ログ）
操作ログの保存期間は次のとおりとする。

| 対象 | 保存期間 |
|---|---|
| 本番環境 | 1年 |
| 開発環境 | 3か月 |
| 管理者操作 | 3年 |
EOF
cat > "$r/crisis/01-crisis.md" <<'EOF'
# 危機管理マニュアル

## 危機の定義
危機とは、業務の継続を脅かす事態をいう。
EOF
commit_all "$repo" "規程の制定" -m "Approved-by: 山田 太郎 <yamada@example.co.jp>"
old=$(git -C "$repo" rev-parse HEAD)

# The amendment.
git -C "$repo" mv policies/policy/02-access.md policies/policy/02-access-control.md
cat > "$r/policy/01-basic.md" <<'EOF'
---
title: システムリスク管理規程
owner: システム部
---
# システムリスク管理規程

## 第1条（目的）
本規程は、当社のシステムリスク管理の基本的な事項を定める。

## 第2条（定義）
本規程において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。

1. システムリスクとは、コンピュータシステムの停止、誤作動又は不正使用により損失を被るリスクをいう。
2. 重要システムとは、顧客に対する業務の継続に不可欠なシステムをいう。

## 第3条（基本方針）
取締役会は、システムリスク管理の基本方針を定め、年2回以上その内容を見直す。
システム部長は、基本方針に基づき管理体制を整備する。

## 第5条（教育）
全役職員に対し、年1回、システムリスクに関する研修を行う。

## 第5条の2（外部委託先の管理）
システムの開発又は運用を外部に委託するときは、委託先の管理体制を事前に確認する。
EOF
cat > "$r/policy/02-access-control.md" <<'EOF'
---
title: アクセス管理
---
# アクセス管理

## 第7条（権限の付与）
アクセス権限は、職務に応じて必要最小限の範囲で付与し、四半期ごとに棚卸しを行う。

## 第8条（操作ログ）
操作ログの保存期間は次のとおりとする。

| 対象 | 保存期間 |
|---|---|
| 本番環境 | 1年 |
| 開発環境 | 6か月 |
| 管理者操作 | 3年 |

## 第4条（リスクの評価）
システム部は、重要システムについて、毎年4月にリスクを評価し、その結果をシステム統括役員に報告する。
EOF
commit_all "$repo" "規程の改定（案）"
new=$(git -C "$repo" rev-parse HEAD)

K="timeout 20 $KITEI -C $r"

# The comparison, old on the left.
out=$WORK/out
$K diff --emit-xml "$old" "$new" -o "$out" > "$WORK/diff.stdout" 2> "$WORK/diff.stderr"
got=$?
if [ "$got" -eq 0 ]; then ok "diff: exit 0"; else fail "diff: exit $got"; cat "$WORK/diff.stderr"; fi
contains "diff: says one manual" "$WORK/diff.stdout" "新旧対照表 of 1 manual"
check "diff: policy.html written" test -f "$out/policy.html"
check "diff: shinkyu.css beside it" test -f "$out/shinkyu.css"
check "diff: no table for the unchanged manual" test ! -e "$out/crisis.html"
normalized "$out/policy.html"
normalized "$out/policy.xml"
golden "diff: policy.html" "$out/policy.html.n" "$GOLDEN/policy.html"
golden "diff: policy.xml" "$out/policy.xml.n" "$GOLDEN/policy.xml"
check "diff: XML matches docs/shinkyu.rng" \
    xmllint --noout --relaxng "$ROOT/docs/shinkyu.rng" "$out/policy.xml"
html_ok "diff: well-formed HTML" "$out/policy.html"
h=$out/policy.html
contains "diff: title" "$h" "<title>『システムリスク管理規程』新旧対照表</title>"
contains "diff: caption" "$h" "<caption>（下線部分は改正箇所）</caption>"
contains "diff: lang" "$h" '<html lang="ja">'
contains "diff: column headers" "$h" '<th scope="col">現行</th>'
contains "diff: old version named" "$h" "第1版"
contains "diff: new revision unapproved" "$h" "未承認"
contains "diff: edit inside a paragraph, old" "$h" "年<del><span class=\"vh\">［ここから削除］</span>1回<span class=\"vh\">［ここまで削除］</span></del>その"
contains "diff: edit inside a paragraph, new" "$h" "年<ins><span class=\"vh\">［ここから追加］</span>2回以上<span class=\"vh\">［ここまで追加］</span></ins>その"
contains "diff: edit inside a list item" "$h" "停止<ins><span class=\"vh\">［ここから追加］</span>、<span class=\"vh\">［ここまで追加］</span></ins>誤作動<ins><span class=\"vh\">［ここから追加］</span>又は不正使用<span class=\"vh\">［ここまで追加］</span></ins>により"
contains "diff: edit in a table cell" "$h" "<ins><span class=\"vh\">［ここから追加］</span>6<span class=\"vh\">［ここまで追加］</span></ins>か月"
contains "diff: edit in a renamed document" "$h" "棚卸しを行う"
contains "diff: inserted section" "$h" "（新設）"
contains "diff: deleted section" "$h" "（削除）"
contains "diff: moved section" "$h" "から移動）"
contains "diff: unchanged runs" "$h" "（略）"
lacks "diff: the renamed document is not new" "$h" "第7条（権限の付与）<span class=\"vh\">［ここまで追加］"
lacks "diff: no scripts" "$h" "<script"
lacks "diff: no strike-through" "$out/shinkyu.css" "line-through"

# The same again: the same bytes.
$K diff --emit-xml "$old" "$new" -o "$WORK/again" > /dev/null 2>&1
check "diff: deterministic" cmp "$out/policy.html" "$WORK/again/policy.html"

# New on the left: 改正後 | 改正前.
out2=$WORK/out-new-left
$K diff --order new-left "$old" "$new" -o "$out2" > /dev/null 2>&1
normalized "$out2/policy.html"
golden "diff --order new-left: policy.html" "$out2/policy.html.n" "$GOLDEN/policy-new-left.html"
h2=$out2/policy.html
first=$(grep -o '<th scope="col">改正[前後]</th>' "$h2" | head -1)
if [ "$first" = '<th scope="col">改正後</th>' ]; then ok "new-left: 改正後 first"; else
	fail "new-left: 改正後 first (got '$first')"; fi
lacks "new-left: no 現行" "$h2" "現行"
html_ok "new-left: well-formed HTML" "$h2"

# Nothing changed: no table written.
out3=$WORK/out-same
$K diff "$new" "$new" -o "$out3" > "$WORK/same.stdout" 2>&1
got=$?
if [ "$got" -eq 0 ]; then ok "same revision: exit 0"; else fail "same revision: exit $got"; fi
contains "same revision: no manual" "$WORK/same.stdout" "新旧対照表 of 0 manuals"
check "same revision: no table" test ! -e "$out3/policy.html"

# Usage and unknown revisions: exit 2.
expect_status "unknown revision: exit 2" 2 $K diff "$old" no-such-revision -o "$WORK/out-bad"
expect_status "one revision: exit 2" 2 $K diff "$old" -o "$WORK/out-bad"
expect_status "bad --order: exit 2" 2 $K diff --order sideways "$old" "$new" -o "$WORK/out-bad"
check "failed diff wrote nothing" test ! -e "$WORK/out-bad"
