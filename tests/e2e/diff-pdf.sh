#!/bin/sh
# kitei diff OLD NEW writes each 新旧対照表 as PDF too (templates/shinkyu-fo.xsl
# through the typesetter): a fixture repository whose amendment edits
# wording, inserts an article and deletes one in a short rule, and edits
# every article of a longer one (a table over several pages).  Checked as a
# file (qpdf, fonts, A4 landscape, metadata, tags), as text (title, column
# names, caption, changed words of both sides, （新設）（削除）（略）, the
# column names again on page 2, rows whole on a page), for the order
# new-left, and for reproducible bytes.
. "$ROOT/tests/lib.sh"

for t in qpdf pdffonts pdfinfo pdftotext python3 git; do
	command -v $t >/dev/null 2>&1 || { fail "$t missing (apt-get install qpdf poppler-utils python3 git)"; exit 0; }
done

# is "what" got want: passes when the strings are equal.
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 (got '$2', want '$3')"; fi
}

# pages PDF: the number of pages.
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# flat PDF [FIRST LAST [X W]]: the text of the pages (or of a strip of them,
# in points from the left edge), white space removed, one line.
flat() {
	if [ -n "${4:-}" ]; then
		pdftotext -enc UTF-8 -raw -r 72 -f "$2" -l "$3" -x "$4" -y 0 -W "$5" -H 595 "$1" -
	elif [ -n "${2:-}" ]; then
		pdftotext -enc UTF-8 -raw -f "$2" -l "$3" "$1" -
	else
		pdftotext -enc UTF-8 -raw "$1" -
	fi | sed 's/[[:space:]　]//g' | tr -d '\n\f'
}

repo=$WORK/repo
r=$repo/policies
new_repo "$repo"
mkdir -p "$r/policy" "$r/records"
cat > "$r/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: system-risk-rules
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
  - id: records
    title: 文書管理規程
    number: SR-002
    kind: policy
    documents: [records/*.md]
    approvers: [board]
EOF
cat > "$r/policy/01-basic.md" <<'EOF'
# システムリスク管理規程

## 第1条（目的）
本規程は、当社のシステムリスク管理の基本的な事項を定める。

## 第2条（基本方針）
取締役会は、システムリスク管理の基本方針を定め、年1回その内容を見直す。

## 第3条（教育）
全役職員に対し、年1回、システムリスクに関する研修を行う。

## 第4条（記録の保存）
システムリスク管理に関する記録は、5年間保存する。
EOF
# records/01.md: twelve articles, each of three or four lines a column;
# $1 is added to every retention period.
records() {
	awk -v add="$1" 'BEGIN { print "# 文書管理規程"
	    for (i = 1; i <= 12; i++)
		printf "\n## 第%d条（文書区分%d）\n第%d条に定める区分の文書は、所管部署が原本を電子的に保存し、保存期間を%d年とする。保存の状況は毎年度末までに確認し、その結果を文書管理責任者に報告する。（第%d条関係）\n", i, i, i, i % 5 + 1 + add, i }' > "$r/records/01-records.md"
}
records 0
commit_all "$repo" "規程の制定" -m "Approved-by: 山田 太郎 <yamada@example.co.jp>"
old=$(git -C "$repo" rev-parse HEAD)

# The amendment: an edit, an insertion, a deletion; every period lengthened.
cat > "$r/policy/01-basic.md" <<'EOF'
# システムリスク管理規程

## 第1条（目的）
本規程は、当社のシステムリスク管理の基本的な事項を定める。

## 第2条（基本方針）
取締役会は、システムリスク管理の基本方針を定め、年2回以上その内容を見直す。

## 第3条（教育）
全役職員に対し、年1回、システムリスクに関する研修を行う。

## 第3条の2（外部委託先の管理）
システムの開発又は運用を外部に委託するときは、委託先の管理体制を事前に確認する。
EOF
records 3
commit_all "$repo" "規程の改定（案）"
new=$(git -C "$repo" rev-parse HEAD)

K="timeout 30 $KITEI -C $r"

out=$WORK/out
$K diff --emit-xml "$old" "$new" -o "$out" > "$WORK/diff.stdout" 2> "$WORK/diff.stderr"
got=$?
if [ "$got" -eq 0 ]; then ok "diff: exit 0"; else fail "diff: exit $got"; cat "$WORK/diff.stderr"; fi
lacks "diff: no typesetter warnings" "$WORK/diff.stderr" "warning"
pdf=$out/policy.pdf
long=$out/records.pdf
if [ ! -s "$pdf" ] || [ ! -s "$long" ]; then
	fail "diff: policy.pdf and records.pdf written"; exit 0
fi
ok "diff: policy.pdf and records.pdf written beside the HTML"

# The file.
check "qpdf --check passes" qpdf --check "$pdf"
check "qpdf --check passes (long table)" qpdf --check "$long"
pdffonts "$pdf" | tail -n +3 > "$pdf.fonts"
if [ -s "$pdf.fonts" ] && ! grep -q "Type 3" "$pdf.fonts" &&
    awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad = 1 }
    END { exit bad }' "$pdf.fonts"; then
	ok "fonts embedded, subset, with Unicode maps, no Type 3"
else fail "fonts embedded, subset, with Unicode maps, no Type 3"; cat "$pdf.fonts"; fi
if grep -q "NotoSerifCJK" "$pdf.fonts" && grep -q "NotoSansCJK" "$pdf.fonts"; then
	ok "明朝 and ゴシック (Noto Serif / Sans CJK JP)"
else fail "明朝 and ゴシック (Noto Serif / Sans CJK JP)"; cat "$pdf.fonts"; fi

for f in "$pdf" "$long"; do
	n=$(pages "$f")
	pdfinfo -isodates -f 1 -l "$n" "$f" > "$f.info"
	if [ "$(grep -c '^Page *[0-9]* size: *841.89 x 595.276 pts (A4)' "$f.info")" = "$n" ]; then
		ok "$(basename "$f"): every page A4 landscape ($n pages)"
	else fail "$(basename "$f"): every page A4 landscape ($n pages)"; grep size "$f.info"; fi
done
info=$pdf.info
is "Title" "$(sed -n 's/^Title: *//p' "$info")" "『システムリスク管理規程』新旧対照表"
is "Author is the organization" "$(sed -n 's/^Author: *//p' "$info")" "テスト株式会社"
is "Creator is kitei" "$(sed -n 's/^Creator: *//p' "$info" | sed 's/[0-9][0-9.]*$/VERSION/')" "kitei VERSION"
contains "tagged" "$info" "Tagged:          yes"
lacks "not encrypted" "$info" "Encrypted:       yes"
qpdf --qdf --object-streams=disable "$pdf" "$pdf.qdf" 2>/dev/null
contains "/Lang ja-JP" "$pdf.qdf" "/Lang (ja-JP)"
want=$(git -C "$repo" show -s --format=%cd --date=format:'%Y%m%d%H%M%S%z' "$new" |
    sed "s/\(..\)\(..\)\$/\1'\2'/")
contains "CreationDate is the new revision's commit time" "$pdf.qdf" "/CreationDate (D:$want)"
pdfinfo -struct "$pdf" > "$pdf.struct" 2>&1
roles=$(awk '{ print $1 }' "$pdf.struct" | sort -u | tr '\n' ' ')
if [ "$(head -1 "$pdf.struct")" = "Document" ] && ! grep -q "Warning\|Error" "$pdf.struct" &&
    (for x in H1 Caption Table TR TH TD P; do
	echo " $roles" | grep -q " $x " || exit 1; done); then
	ok "tagged structure: Document, H1, Caption, Table, TR, TH, TD, P"
else fail "tagged structure: Document, H1, Caption, Table, TR, TH, TD, P (has: $roles)"; fi

# Bookmarks: a row with a heading each, named as the left column names it.
marks=$(qpdf --json --json-key=outlines "$pdf" | python3 -c '
import json, sys
print("|".join(o["title"] + "@" + str(o["destpageposfrom1"]) for o in json.load(sys.stdin)["outlines"]))')
is "bookmarks: one a changed row" "$marks" "第2条（基本方針）@1|第3条の2（外部委託先の管理）（新設）@1|第4条（記録の保存）（削除）@1"

# The text.
t=$WORK/policy.flat
flat "$pdf" > "$t"
lacks "no U+FFFD in the text" "$t" "$(printf '\357\277\275')"
for s in "『システムリスク管理規程』新旧対照表" "【社外秘】" "テスト株式会社文書番号SR-001" \
    "（下線部分は改正箇所）" "現行改正案" "現行第1版" "改正案（なし）" \
    "年1回その内容を見直す" "年2回以上その内容を見直す" \
    "（新設）第3条の2（外部委託先の管理）" "第4条（記録の保存）システムリスク管理に関する記録は、5年間保存する。（削除）" \
    "（略）" "1/1"; do
	contains "text: $s" "$t" "$s"
done
lacks "text: the unchanged 第1条 is left out" "$t" "基本的な事項を定める"
lacks "text: no generator footer on the page" "$t" "により生成"
lacks "text: not 未承認" "$t" "未承認"
# Header row and revision lines name the columns in order: 現行 before 改正案.
first=$(pdftotext -enc UTF-8 -raw "$pdf" - | grep -o '現行\|改正案' | head -1)
is "old-left: 現行 first" "$first" "現行"

# Underlines: the FO underlines exactly the wording the XML marks (ins, del), in order.
if command -v xsltproc >/dev/null 2>&1; then
	xsltproc "$ROOT/templates/shinkyu-fo.xsl" "$out/policy.xml" > "$WORK/policy.fo" 2> "$WORK/xslt.err"
	python3 - "$out/policy.xml" "$WORK/policy.fo" > "$WORK/underline.txt" <<'EOF'
import sys, xml.etree.ElementTree as ET
K = '{urn:x-kitei:manual:1}'
FO = '{http://www.w3.org/1999/XSL/Format}'
marked = [''.join(e.itertext()).strip() for e in ET.parse(sys.argv[1]).iter()
          if e.tag in (K + 'ins', K + 'del')]
under = [''.join(e.itertext()).strip() for e in ET.parse(sys.argv[2]).iter(FO + 'inline')
         if e.get('text-decoration') == 'underline']
print('marked', marked)
print('under ', under)
sys.exit(0 if marked == under and marked else 1)
EOF
	if [ $? -eq 0 ]; then ok "underlines exactly on the changed wording ($(grep -o "'" "$WORK/underline.txt" | wc -l | awk '{ print $1 / 4 }') runs)"
	else fail "underlines exactly on the changed wording"; cat "$WORK/underline.txt"; fi
fi

# The long table: over pages, the column names at the top of each, rows whole.
n=$(pages "$long")
if [ "$n" -ge 2 ]; then ok "long table: $n pages"; else fail "long table: over pages ($n)"; fi
p2=$(flat "$long" 2 2)
case $p2 in *現行改正案*) ok "long table: column names repeated on page 2" ;;
	*) fail "long table: column names repeated on page 2 ($p2)" ;; esac
case $p2 in *"2/$n"*) ok "long table: footer 2 / $n" ;;
	*) fail "long table: footer 2 / $n" ;; esac
case $p2 in *【社外秘】*) ok "long table: 【社外秘】 in the page header" ;;
	*) fail "long table: 【社外秘】 in the page header" ;; esac
# Each article's heading and its last words on the same page, in both columns.
bad=""
i=1
while [ "$i" -le 12 ]; do
	for side in "0 421" "421 421"; do
		# shellcheck disable=SC2086
		set -- $side
		hp=""; ep=""
		pg=1
		while [ "$pg" -le "$n" ]; do
			s=$(flat "$long" $pg $pg "$1" "$2")
			case $s in *"第${i}条（文書区分${i}）"*) hp="$hp$pg " ;; esac
			case $s in *"（第${i}条関係）"*) ep="$ep$pg " ;; esac
			pg=$((pg + 1))
		done
		[ -n "$hp" ] && [ "$hp" = "$ep" ] || bad="$bad 第${i}条[$1:$hp/$ep]"
	done
	i=$((i + 1))
done
if [ -z "$bad" ]; then ok "long table: every row whole on one page"; else fail "long table: rows split:$bad"; fi
lt=$(flat "$long")
case $lt in *保存期間を2年とする*保存期間を5年とする*) ok "long table: both periods of 第1条" ;;
	*) fail "long table: both periods of 第1条" ;; esac

# New on the left, NEW not approved: 改正案 | 現行.
out2=$WORK/out-new-left
$K diff --order new-left "$old" "$new" -o "$out2" > /dev/null 2> "$WORK/new-left.stderr"
t2=$WORK/new-left.flat
flat "$out2/policy.pdf" > "$t2"
first=$(pdftotext -enc UTF-8 -raw "$out2/policy.pdf" - | grep -o '改正案\|現行' | head -1)
is "new-left: 改正案 first" "$first" "改正案"
contains "new-left: column names" "$t2" "改正案現行"
lacks "new-left: no 改正後 while NEW is not approved" "$t2" "改正後"
contains "new-left: the new text in the left column" "$t2" "第3条の2（外部委託先の管理）システムの開発又は運用を外部に委託するときは、委託先の管理体制を事前に確認する。（新設）"

# The same revisions: the same bytes, whatever the folder or the time zone.
TZ=Asia/Tokyo $K diff "$old" "$new" -o "$WORK/again" > /dev/null 2>&1
check "same bytes on a second run" cmp "$pdf" "$WORK/again/policy.pdf"
check "same bytes on a second run (long table)" cmp "$long" "$WORK/again/records.pdf"

# Approved: 改正前 | 改正後 (new-left: 改正後 | 改正前).
commit_all "$repo" "承認" -m "Approved-by: 山田 太郎 <yamada@example.co.jp>"
$K diff "$old" HEAD -o "$WORK/out-approved" > /dev/null 2>&1
contains "approved: 改正前 | 改正後" "$(flat "$WORK/out-approved/policy.pdf" > "$WORK/ap.flat"; echo "$WORK/ap.flat")" "改正前改正後"
lacks "approved: no 改正案" "$WORK/ap.flat" "改正案"
$K diff --order new-left "$old" HEAD -o "$WORK/out-approved-nl" > /dev/null 2>&1
flat "$WORK/out-approved-nl/policy.pdf" > "$WORK/apnl.flat"
contains "approved, new-left: 改正後 | 改正前" "$WORK/apnl.flat" "改正後改正前"

# A row taller than what is left of the page continues on the next one
# (pages stay full), not pushed whole to the next page.
lr=$WORK/longrow
new_repo "$lr"
mkdir -p "$lr/p/policy"
printf 'organization: テスト株式会社\ncatalog: system-risk-rules\nmanuals:\n  - id: policy\n    title: テスト規程\n    kind: policy\n    documents: [policy/*.md]\n' > "$lr/p/kitei.yml"
longrow() {
	awk -v v="$1" 'BEGIN { print "# テスト規程\n\n## 第1条（目的）\n本規程は当社の情報管理の基本を定める。保存期間は" v "年とする。"
	    for (k = 0; k < 6; k++) printf "本規程の対象となる情報は、当社が業務上取得し又は作成した一切の情報をいい、紙媒体及び電子媒体の別を問わない。"
	    print "\n\n## 第2条（長い条）"
	    for (i = 1; i <= 24; i++) printf "\n%d　第%d項の定めとして、所管部署は、当該情報の保存、利用及び廃棄の状況を毎月確認し、その結果を記録して保存期間%d年の間保管する。\n", i, i, v
	    print "\n結びの文（第2条の終わり）。" }' > "$lr/p/policy/01.md"
}
longrow 1
commit_all "$lr" "制定"
longrow 2
commit_all "$lr" "改正"
timeout 30 "$KITEI" -C "$lr/p" diff HEAD~1 HEAD -o "$WORK/out-longrow" > /dev/null 2> "$WORK/longrow.err"
lp=$WORK/out-longrow/policy.pdf
p1=$(flat "$lp" 1 1)
p2=$(flat "$lp" 2 2)
case $p1 in *第2条（長い条）*) ok "long row: starts on page 1 under the row before it" ;;
	*) fail "long row: starts on page 1 under the row before it" ;; esac
case $p1$p2 in *第1項の定め*第10項の定め*) ok "long row: continues on page 2" ;;
	*) fail "long row: continues on page 2 ($(pages "$lp") pages)" ;; esac
case $(flat "$lp") in *第24項の定め*第24項の定め*) ok "long row: every 項 of both columns shown" ;;
	*) fail "long row: every 項 of both columns shown" ;; esac
case $p2 in *現行改正案*) ok "long row: column names on page 2" ;;
	*) fail "long row: column names on page 2" ;; esac
lacks "long row: no typesetter warnings" "$WORK/longrow.err" "warning"
