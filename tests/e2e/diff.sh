#!/bin/sh
# kitei diff OLD NEW: the 新旧対照表 of a fixture repository between an
# approved first version and an amendment that edits wording inside
# paragraphs, a list item and a table cell, inserts a section, deletes one,
# moves one to another document and renames a document.  The HTML (and the
# XML, which must match docs/shinkyu.rng) must equal tests/golden/diff/;
# REGEN=1 rewrites the goldens.
. "$ROOT/tests/lib.sh"

GOLDEN=$ROOT/tests/golden/diff

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
contains "diff: new revision never approved: （なし）" "$h" "<dd>（なし）"
lacks "diff: not 未承認" "$h" "未承認"
contains "diff: NEW not approved: 現行 | 改正案" "$h" '<th scope="col">改正案</th>'
lacks "diff: the generator is not on the page" "$h" "により生成"
contains "diff: the generator stays in the metadata" "$h" '<meta name="generator" content="kitei '
contains "diff: 文書番号 never breaks" "$h" '<span class="sk-nowrap">文書番号 SR-001</span>'
contains "diff: ... by the style sheet" "$out/shinkyu.css" "white-space: nowrap"
contains "diff: the manual's numbering (1)" "$h" '<span class="sk-marker">(1)</span>'
lacks "diff: not 1." "$h" '<span class="sk-marker">1.</span>'
lacks "diff: printed rows may split across sheets" "$out/shinkyu.css" "break-inside: avoid"
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

# New on the left, NEW not approved: 改正案 | 現行.
out2=$WORK/out-new-left
$K diff --order new-left "$old" "$new" -o "$out2" > /dev/null 2>&1
normalized "$out2/policy.html"
golden "diff --order new-left: policy.html" "$out2/policy.html.n" "$GOLDEN/policy-new-left.html"
h2=$out2/policy.html
first=$(grep -o '<th scope="col">[^<]*</th>' "$h2" | head -2 | tr -d '\n')
if [ "$first" = '<th scope="col">改正案</th><th scope="col">現行</th>' ]; then ok "new-left: 改正案 | 現行"; else
	fail "new-left: 改正案 | 現行 (got '$first')"; fi
lacks "new-left: no 改正後 while NEW is not approved" "$h2" "改正後"
html_ok "new-left: well-formed HTML" "$h2"

# One revision: NEW is HEAD (issue 12, item 9), the same table as naming it.
$K diff --emit-xml "$old" -o "$WORK/out-head" > /dev/null 2>&1
check "one revision: NEW is HEAD ($new)" cmp "$out/policy.html" "$WORK/out-head/policy.html"

# Nothing changed: no table written.
out3=$WORK/out-same
$K diff "$new" "$new" -o "$out3" > "$WORK/same.stdout" 2>&1
got=$?
if [ "$got" -eq 0 ]; then ok "same revision: exit 0"; else fail "same revision: exit $got"; fi
contains "same revision: no manual" "$WORK/same.stdout" "新旧対照表 of 0 manuals"
check "same revision: no table" test ! -e "$out3/policy.html"

# Usage and unknown revisions: exit 2.
expect_status "unknown revision: exit 2" 2 $K diff "$old" no-such-revision -o "$WORK/out-bad"
expect_status "no revision: exit 2" 2 $K diff -o "$WORK/out-bad"
expect_status "three revisions: exit 2" 2 $K diff "$old" "$new" HEAD -o "$WORK/out-bad"
expect_status "bad --order: exit 2" 2 $K diff --order sideways "$old" "$new" -o "$WORK/out-bad"
check "failed diff wrote nothing" test ! -e "$WORK/out-bad"

# A manual added, then the amendment approved: a new manual is all
# （新設） against 「この規程なし」, a removed one all （削除）, and an approved
# revision names its version.
cat >> "$r/kitei.yml" <<'EOF'
  - id: outsourcing
    title: 外部委託管理規程
    kind: policy
    documents: [outsourcing/*.md]
    approvers: [board]
EOF
mkdir -p "$r/outsourcing"
cat > "$r/outsourcing/01-outsourcing.md" <<'EOF'
# 外部委託管理規程

## 第1条（目的）
本規程は、外部委託先の管理について定める。
EOF
commit_all "$repo" "外部委託管理規程の制定"
commit_all "$repo" "承認" -m "Approved-by: 山田 太郎 <yamada@example.co.jp>"
latest=$(git -C "$repo" rev-parse HEAD)
out4=$WORK/out-added
$K diff --emit-xml "$new" "$latest" -o "$out4" > /dev/null 2>&1
check "added manual: its table" test -f "$out4/outsourcing.html"
check "added manual: no table for the unchanged ones" test ! -e "$out4/policy.html"
contains "added manual: all new" "$out4/outsourcing.xml" '<pair kind="new">'
contains "added manual: enacted" "$out4/outsourcing.xml" 'kind="enacted"'
contains "added manual: titled （制定）" "$out4/outsourcing.html" "<title>『外部委託管理規程』（制定）</title>"
contains "added manual: its enacted text" "$out4/outsourcing.html" "本規程は、外部委託先の管理について定める。"
lacks "added manual: no table" "$out4/outsourcing.html" '<table class="shinkyu"'
lacks "added manual: no empty column" "$out4/outsourcing.html" "（新設）"
lacks "added manual: nothing underlined" "$out4/outsourcing.html" "<ins>"
contains "added manual: approved, 制定" "$out4/outsourcing.html" "<dt>制定</dt>"
lacks "added manual: no old side" "$out4/outsourcing.html" "（この規程なし）"
lacks "added manual: nothing else" "$out4/outsourcing.xml" '<pair kind="changed">'
check "added manual: XML matches docs/shinkyu.rng" \
    xmllint --noout --relaxng "$ROOT/docs/shinkyu.rng" "$out4/outsourcing.xml"
out5=$WORK/out-removed
$K diff --emit-xml "$latest" "$new" -o "$out5" > /dev/null 2>&1
contains "removed manual: all deleted" "$out5/outsourcing.xml" '<pair kind="deleted">'
lacks "removed manual: nothing new" "$out5/outsourcing.xml" '<pair kind="new">'
check "removed manual: XML matches docs/shinkyu.rng" \
    xmllint --noout --relaxng "$ROOT/docs/shinkyu.rng" "$out5/outsourcing.xml"
out6=$WORK/out-approved
$K diff "$old" "$latest" -o "$out6" > /dev/null 2>&1
contains "approved amendment: 第2版" "$out6/policy.html" "第2版"
contains "approved amendment: 第1版 on the old side" "$out6/policy.html" "第1版"
first=$(grep -o '<th scope="col">[^<]*</th>' "$out6/policy.html" | head -2 | tr -d '\n')
if [ "$first" = '<th scope="col">改正前</th><th scope="col">改正後</th>' ]; then ok "approved amendment: 改正前 | 改正後"; else
	fail "approved amendment: 改正前 | 改正後 (got '$first')"; fi
lacks "approved amendment: no 改正案" "$out6/policy.html" "改正案"
$K diff --order new-left "$old" "$latest" -o "$WORK/out-approved-nl" > /dev/null 2>&1
first=$(grep -o '<th scope="col">[^<]*</th>' "$WORK/out-approved-nl/policy.html" | head -2 | tr -d '\n')
if [ "$first" = '<th scope="col">改正後</th><th scope="col">改正前</th>' ]; then ok "approved amendment, new-left: 改正後 | 改正前"; else
	fail "approved amendment, new-left: 改正後 | 改正前 (got '$first')"; fi

# 項 and 号: a paragraph (項) added to an article reads （新設） in the old
# column, an item (号) deleted reads （削除） in the new one, numbers are the
# manual's ((1), ア), and a 項 hangs.
kg=$WORK/kou
new_repo "$kg"
mkdir -p "$kg/p/policy"
cat > "$kg/p/kitei.yml" <<'EOT'
organization: テスト株式会社
catalog: system-risk-rules
manuals:
  - id: policy
    title: テスト規程
    number: IS-001
    kind: policy
    documents: [policy/*.md]
EOT
cat > "$kg/p/policy/01.md" <<'EOT'
# テスト規程

## 第18条（脆弱性への対応）
システム部は、脆弱性について次の期限内に対策を講ずる。

1. 重大なもの：公開後72時間以内
   1. 悪用が確認されたもの
   2. 悪用の恐れがあるもの
2. 重要なもの：公開後14日以内
3. その他：次回の定期メンテナンスまで

2　期限内に対策できない場合は、回避策を講ずる。
EOT
commit_all "$kg" "制定"
cat > "$kg/p/policy/01.md" <<'EOT'
# テスト規程

## 第18条（脆弱性への対応）
システム部は、脆弱性について次の期限内に対策を講ずる。

1. 重大なもの：公開後72時間以内
   1. 悪用が確認されたもの
   2. 悪用の恐れがあるもの
2. 重要なもの：公開後7日以内

2　期限内に対策できない場合は、回避策を講ずる。

3　情報セキュリティ課は、悪用が確認された脆弱性の公開情報を毎営業日確認し、該当する脆弱性を第1号の対象として扱う。
EOT
commit_all "$kg" "第3項の新設"
timeout 20 "$KITEI" -C "$kg/p" diff --emit-xml HEAD~1 HEAD -o "$WORK/out-kou" > /dev/null 2>&1
x=$WORK/out-kou/policy.xml
h=$WORK/out-kou/policy.html
check "項: XML matches docs/shinkyu.rng" xmllint --noout --relaxng "$ROOT/docs/shinkyu.rng" "$x"
python3 - "$x" > "$WORK/kou.txt" <<'EOP'
import sys, xml.etree.ElementTree as ET
K = '{urn:x-kitei:manual:1}'
for side in ('old', 'new'):
    e = ET.parse(sys.argv[1]).find('.//' + K + side)
    out = []
    for c in e:
        t = c.tag[len(K):]
        if t == 'gap':
            out.append('gap:' + c.get('kind'))
        elif t == 'item':
            out.append('item' + c.get('marker'))
        elif t == 'para':
            out.append('para:' + ''.join(c.itertext()).strip()[:2])
        else:
            out.append(t)
    print(side, ' '.join(out))
EOP
same_text() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 (got '$2', want '$3')"; fi
}
same_text "項: the old column" "$(sed -n 's/^old //p' "$WORK/kou.txt")" "heading omitted item(2) item(3) omitted gap:new"
same_text "項: the new column" "$(sed -n 's/^new //p' "$WORK/kou.txt")" "heading omitted item(2) gap:deleted omitted para:3　"
contains "項: （新設） in the old column" "$h" '<p class="sk-placeholder">（新設）</p>'
contains "号: （削除） in the new column" "$h" '<p class="sk-placeholder">（削除）</p>'
contains "項: hangs" "$h" '<p class="sk-para sk-kou">'
contains "項: the style sheet hangs it" "$WORK/out-kou/shinkyu.css" "text-indent: -1em"
sed -i 's/72時間/48時間/; s/悪用の恐れ/悪用のおそれ/' "$kg/p/policy/01.md"
commit_all "$kg" "ア号の改正"
timeout 20 "$KITEI" -C "$kg/p" diff --emit-xml HEAD~1 HEAD -o "$WORK/out-kou2" > /dev/null 2>&1
contains "号: the second level reads ア イ" "$WORK/out-kou2/policy.xml" 'marker="イ"'
contains "号: (1) at the first level" "$WORK/out-kou2/policy.xml" 'marker="(1)"'

# mini_repo DIR: a repository whose policy root p/ has one manual of p/policy/*.md.
mini_repo() {
	new_repo "$1"
	mkdir -p "$1/p/policy"
	cat > "$1/p/kitei.yml" <<'EOT'
organization: テスト株式会社
catalog: system-risk-rules
manuals:
  - id: policy
    title: テスト規程
    kind: policy
    documents: [policy/*.md]
EOT
}

# Wording: one article per case, old and new text; the marks must read as
# phrases and numbers and words must be marked whole (golden), and taking
# the marks away must give back each text exactly.
wd=$WORK/wording
mini_repo "$wd"
cat > "$WORK/wording.txt" <<'EOF'
年1回見直す。|年2回以上見直す。
発生から15日以内に報告する。|発生から25日以内に報告する。
システム部長が承認する。|情報システム部長が承認する。
取締役会の承認を得て行う。|取締役会の承認を得たうえで行う。
速やかにシステム統括役員に報告する。|直ちにシステム統括役員に報告しなければならない。
対応は CSIRT が担う。|対応は CSIRT 及び SOC が担う。
the cloud provider shall report.|the cloud vendor shall report.
バックアップは日次で取得し、30日間保存する。|バックアップは毎時取得し、90日間保存し、年1回復元を試験する。
委託先の選定にあたっては、財務の健全性、情報管理の体制及び事業継続の体制を確認する。|委託先の選定に当たっては、財務の健全性、情報セキュリティ管理の体制、事業継続の体制及び再委託の有無を確認する。
EOF
for side in 1 2; do
	awk -F'|' -v side=$side 'BEGIN { print "# テスト規程" }
	    { printf "\n## 第%d条\n%s\n", NR, $side }' "$WORK/wording.txt" > "$wd/p/policy/01.md"
	commit_all "$wd" "side $side"
done
timeout 20 "$KITEI" -C "$wd/p" diff --emit-xml HEAD~1 HEAD -o "$WORK/out-wording" > /dev/null 2>&1
grep '<para>' "$WORK/out-wording/policy.xml" | sed 's/^ *//' > "$WORK/wording.got"
golden "wording: marks" "$WORK/wording.got" "$GOLDEN/wording.txt"
sed -n 'p;n' "$WORK/wording.got" | sed 's/<[^>]*>//g' > "$WORK/wording.old"
sed -n 'n;p' "$WORK/wording.got" | sed 's/<[^>]*>//g' > "$WORK/wording.new"
cut -d'|' -f1 "$WORK/wording.txt" > "$WORK/wording.old.want"
cut -d'|' -f2 "$WORK/wording.txt" > "$WORK/wording.new.want"
same "wording: the old text kept exactly" "$WORK/wording.old" "$WORK/wording.old.want"
same "wording: the new text kept exactly" "$WORK/wording.new" "$WORK/wording.new.want"

# A section moved within its document: one moved row, nothing new or deleted.
mv_=$WORK/move
mini_repo "$mv_"
printf '# テスト規程\n\n## 第1条（目的）\n本規程は当社の情報管理の基本を定める。\n\n## 第2条（方針）\n取締役会は毎年度の初めに情報管理の方針を承認する。\n\n## 第3条（研修）\n情報システム部は全社員に年二回の研修を実施する。\n\n## 第4条（監査）\n内部監査部は情報管理の状況を年一回監査する。\n' > "$mv_/p/policy/01.md"
commit_all "$mv_" "制定"
printf '# テスト規程\n\n## 第1条（目的）\n本規程は当社の情報管理の基本を定める。\n\n## 第3条（研修）\n情報システム部は全社員に年二回の研修を実施する。\n\n## 第4条（監査）\n内部監査部は情報管理の状況を年一回監査する。\n\n## 第2条（方針）\n取締役会は毎年度の初めに情報管理の方針を承認する。\n' > "$mv_/p/policy/01.md"
commit_all "$mv_" "移動"
timeout 20 "$KITEI" -C "$mv_/p" diff --emit-xml HEAD~1 HEAD -o "$WORK/out-move" > /dev/null 2>&1
x=$WORK/out-move/policy.xml
n_kinds=$(grep -o 'kind="[a-z]*"' "$x" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
if [ "$n_kinds" = ' 1 kind="moved";' ]; then ok "move within a document: one moved row"; else
	fail "move within a document: one moved row (got$n_kinds)"; fi
contains "move within a document: the move says where from" "$WORK/out-move/policy.html" "（「第1条（目的）」の次から移動）"
contains "move within a document: and where to" "$WORK/out-move/policy.html" "（「第4条（監査）」の次へ移動）"

# Renumbering: an article inserted under bare numbered headings moves the
# number of every later one; the articles follow their text, not their number.
rn=$WORK/renumber
mini_repo "$rn"
printf '# テスト規程\n\n## 第1条\n本規程は当社の情報管理の基本を定める。\n\n## 第2条\n取締役会は毎年度の初めに情報管理の方針を承認する。\n\n## 第3条\n情報システム部は全社員に年二回の研修を実施する。\n' > "$rn/p/policy/01.md"
commit_all "$rn" "制定"
printf '# テスト規程\n\n## 第1条\n本規程は当社の情報管理の基本を定める。\n\n## 第2条\n外部委託先にも本規程と同等の管理を求める。\n\n## 第3条\n取締役会は毎年度の初めに情報管理の方針を承認する。\n\n## 第4条\n情報システム部は全社員に年二回の研修を実施する。\n' > "$rn/p/policy/01.md"
commit_all "$rn" "第2条の新設"
timeout 20 "$KITEI" -C "$rn/p" diff --emit-xml HEAD~1 HEAD -o "$WORK/out-renumber" > /dev/null 2>&1
x=$WORK/out-renumber/policy.xml
n_new=$(grep -c 'kind="new"' "$x")
n_del=$(grep -c 'kind="deleted"' "$x")
if [ "$n_new" -eq 1 ] && [ "$n_del" -eq 0 ]; then ok "renumbering: one new article, none deleted"; else
	fail "renumbering: one new article, none deleted (new $n_new, deleted $n_del)"; fi
contains "renumbering: 第2条 became 第3条" "$x" '<heading level="2">第<ins>3</ins>条</heading>'
contains "renumbering: 第3条 became 第4条" "$x" '<heading level="2">第<ins>4</ins>条</heading>'

# Pathological sizes under a time limit: 3,000 articles all renumbered and
# retitled, a paragraph of 30,000 characters (compared whole) and one of
# 20,000 with 40 edits.
pa=$WORK/patho
mini_repo "$pa"
awk 'BEGIN { print "# テスト規程"; for (i = 1; i <= 3000; i++)
	printf "\n## 第%d条（見出し%d）\n第%d号の規定として、当社は記録を%d年間保存する。\n", i, i, i, i % 9 + 1
	s = ""; for (i = 0; i < 1000; i++) s = s "あいうえおかきくけこ"; print "\n## 長文\n" s "\n" s "\n" s "\n\n## 長文2\n" s s }' > "$pa/p/policy/01.md"
commit_all "$pa" "制定"
awk 'BEGIN { print "# テスト規程"; for (i = 1; i <= 3000; i++)
	printf "\n## 第%d条（見出し%dの改正）\n第%d号の規定として、当社は記録を%d年間保存する。\n", i + 1, i, i, i % 7 + 1
	s = ""; for (i = 0; i < 1000; i++) s = s (i % 50 ? "あいうえおかきくけこ" : "さしすせそ"); print "\n## 長文\n" s "\n" s "\n" s "\n\n## 長文2\n" s s }' > "$pa/p/policy/01.md"
commit_all "$pa" "全部改正"
expect_status "pathological: done within $((20 * SLOW)) s" 0 timeout $((20 * SLOW)) "$KITEI" -C "$pa/p" diff HEAD~1 HEAD -o "$WORK/out-patho"
n=$(grep -c 'sk-row-changed' "$WORK/out-patho/policy.html")
if [ "$n" -eq 3002 ]; then ok "pathological: every article paired"; else fail "pathological: every article paired ($n rows)"; fi
