#!/bin/sh
# Versions and 改訂履歴 (issue 12.5-12.7, 11.C4): a change that leaves a
# manual's text as it was (a rename keeping the chapters' order, a revert)
# makes no version; a 施行日 before the previous version's is an error; the
# 改定内容 is the approvers' Summary trailer (missing-summary otherwise);
# HTML and PDF print the same 改定内容 in every row of every manual (the
# sample's and a fixture's); a bundle's manuals carry no work log.
. "$ROOT/tests/lib.sh"

for t in pdftotext python3 unzip; do
	command -v $t >/dev/null 2>&1 || { fail "$t missing"; exit 0; }
done

CAT=$ROOT/tests/fixtures/check/cat.xml
Y='山田 太郎 <yamada@example.co.jp>'
S='佐藤 花子 <sato@example.co.jp>'
TODAY=2026-12-20

is() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 (got '$2', want '$3')"; fi
}

# xv FILE PATH: what PATH (ElementTree, k: prefix, /@attr) selects, one a line.
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

# agree.py HTML PDF: every 改訂履歴 row of the HTML against the PDF's table:
# the PDF's text from 第N版 on starts with the HTML row's cells (版数, 改定日,
# 施行日, 改定内容, 承認者), whitespace and list marks aside.  Prints one line per disagreement.
cat > "$WORK/agree.py" <<'EOF'
import subprocess, sys
from html.parser import HTMLParser

class Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.intable, self.cell, self.label = [], False, None, None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table' and 'revisions' in (a.get('class') or ''):
            self.intable = True
        if not self.intable:
            return
        if tag == 'tr':
            self.rows.append({})
        if tag in ('td', 'th') and self.rows:
            self.label = a.get('data-label')
            self.rows[-1][self.label] = ''
    def handle_endtag(self, tag):
        if tag == 'table':
            self.intable = False
        if tag in ('td', 'th'):
            self.label = None
    def handle_data(self, data):
        if self.intable and self.label and self.rows:
            self.rows[-1][self.label] += data

def squeeze(s):
    # list items: the PDF sets a ・ label, the HTML a <li>
    return ''.join(s.split()).replace('・', '')

p = Rows()
p.feed(open(sys.argv[1], encoding='utf-8').read())
rows = [r for r in p.rows if r.get('版数')]
pdf = squeeze(subprocess.run(['pdftotext', '-enc', 'UTF-8', '-raw', sys.argv[2], '-'],
    capture_output=True, text=True).stdout)
start = pdf.find('版数改定日施行日改定内容承認者')
end = pdf.find('規則との対応表', start)
table = pdf[start:end if end > 0 else len(pdf)]
if start < 0:
    print('no 改訂履歴 table in the PDF')
print('rows', len(rows))
for i, r in enumerate(rows):
    num = squeeze(r['版数'])
    # A row is found by its 版数 and 改定日 together: a running footer
    # ("CM-001 第3版 18/20") also carries the 版数 when the table turns a page.
    key = lambda r: squeeze(r['版数']) + squeeze(r.get('改定日', ''))
    a = table.find(key(r))
    b = table.find(key(rows[i + 1]), a + 1) if i + 1 < len(rows) else len(table)
    seg = table[a:b] if a >= 0 else ''
    want = ''.join(squeeze(r.get(k, '')) for k in
        ('版数', '改定日', '施行日', '改定内容', '承認者'))
    if a < 0 or not seg.startswith(want):
        print('%s: HTML says %r; the PDF row reads %r' % (num, want, seg))
EOF

# fixture NAME: one manual in two documents (01-crisis.md, 02-public.md),
# approved by two roles; its first commit has an English subject.
fixture() {
	FIXTURE_DAY=0
	repo=$WORK/$1
	r=$repo/policies
	new_repo "$repo"
	mkdir -p "$r/crisis"
	cp "$CAT" "$r/cat.xml"
	cat > "$r/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: cat.xml
review_interval: 12 months
manuals:
  - id: crisis
    title: 危機管理マニュアル
    number: CM-001
    kind: crisis
    documents: [crisis/*.md]
    approvers: [board, exec]
approval:
  roles:
    board: {title: 取締役会, members: [yamada@example.co.jp]}
    exec: {title: システム統括役員, members: [sato@example.co.jp]}
  people:
    - {email: yamada@example.co.jp, name: 山田 太郎}
    - {email: sato@example.co.jp, name: 佐藤 花子}
EOF
	cat > "$r/crisis/01-crisis.md" <<'EOF'
# 危機管理マニュアル

## 基本方針
<!-- covers: 1.1 1.2 1.3 1.4 1.4.1 -->
当社はシステムリスク管理の基本方針を定め、毎年見直し、研修を行い、外部監査の要否を検討する。

## 権限と記録
<!-- covers: 4.1.6.a 4.1.6.b 4.1.6.c -->
アクセス権限は職務に応じて付与し、操作ログを保存し、多要素認証を用いる。

## 危機の定義
<!-- covers: 13.1 -->
危機とは、業務の継続を脅かす事態をいう。
EOF
	cat > "$r/crisis/02-public.md" <<'EOF'
---
visibility: public
---
# 危機発生時の対応について

<!-- covers: 13.2 -->
危機が発生したときは、当社ウェブサイトでお知らせします。
EOF
	commit_all "$repo" "policies: first draft of the crisis manual"
}

# change DIR "subject": appends a line to the first document and commits.
change() {
	echo "$2。" >> "$1/policies/crisis/01-crisis.md"
	commit_all "$1" "$2"
}

# approve DIR [trailer lines]: both roles approve in one empty commit.
approve() {
	dir=$1; shift
	t="Approved-by: $Y
Approved-by: $S"
	for x in "$@"; do t="$t
$x"; done
	tick
	git -C "$dir" commit -q --allow-empty -m "承認" -m "$t"
}

kcheck() {
	name=$1; shift
	timeout 60 "$KITEI" -C "$WORK/$name/policies" --today "$TODAY" check "$@" \
	    > "$WORK/$name.check" 2>&1
}
kbuild() {
	name=$1; shift
	X=$WORK/$name.out/manuals/crisis.xml
	timeout 120 "$KITEI" -C "$WORK/$name/policies" --today "$TODAY" build \
	    -o "$WORK/$name.out" --emit-xml "$@" > "$WORK/$name.build" 2>&1
}

# ------------------------------------------------------------------------
# 12.5: the issue's case.  第2版 takes effect 2027-02-01; then a commit that
# only renames 01-crisis.md is approved without Effective.
FIXTURE_DATE=2026-11-20
fixture ren
approve "$WORK/ren"					# 第1版
change "$WORK/ren" "第2条を改正"
approve "$WORK/ren" "Effective: 2027-02-01" "Summary: 第2条（権限と記録）の改正"
git -C "$WORK/ren" mv policies/crisis/01-crisis.md policies/crisis/01-kiki.md
commit_all "$WORK/ren" "ファイル名の変更"
approve "$WORK/ren"
kcheck ren
is "ren: check exits 0" "$?" 0
lacks "ren: no effective-date-order" "$WORK/ren.check" effective-date-order
kbuild ren --only html,pdf
is "ren: the rename's approval made no version" "$(xv "$X" k:versions/k:version/@number | tr '\n' ' ')" "1 2 "
is "ren: 施行日 stays 第2版's" "$(xv "$X" @effective)" 2027-02-01
is "ren: signed off" "$(xv "$X" @signed-off)" true
is "ren: one 附則 of an amendment in the HTML" "$(grep -o '附則（[^）]*改定）' "$WORK/ren.out/manuals/crisis.html" | wc -l)" 1
lacks "ren: ファイル名の変更 is no 改定内容" "$X" "ファイル名の変更</"
(cd "$WORK/ren/policies" && timeout 120 "$KITEI" --today "$TODAY" bundle -o "$WORK/ren.zip" > "$WORK/ren.bundle" 2>&1)
rm -rf "$WORK/ren.x"; mkdir -p "$WORK/ren.x"; (cd "$WORK/ren.x" && unzip -q "$WORK/ren.zip")
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["manuals"][0]; print(m["version"], m["effective"])' \
    "$WORK/ren.x/manifest.json" > "$WORK/ren.manifest" 2>&1
is "ren: manifest.json agrees" "$(cat "$WORK/ren.manifest")" "2 2027-02-01"

# A rename that moves a chapter is a change of the text.
git -C "$WORK/ren" mv policies/crisis/01-kiki.md policies/crisis/03-kiki.md
commit_all "$WORK/ren" "章の順序を変更"
kcheck ren
contains "ren: a reorder needs approval" "$WORK/ren.check" "[unapproved-change]"

# ------------------------------------------------------------------------
# A 施行日 before the previous version's is an error.
FIXTURE_DATE=2026-11-20
fixture early
approve "$WORK/early"
change "$WORK/early" "第2条を改正"
approve "$WORK/early" "Effective: 2027-02-01" "Summary: 第2条の改正"
change "$WORK/early" "第3条を改正"
approve "$WORK/early" "Summary: 第3条の改正"		# takes effect on its approval day
kcheck early
is "early: check exits 1" "$?" 1
contains "early: effective-date-order at the manual's line" "$WORK/early.check" \
    "policies/kitei.yml:5: error: manual 'crisis': 第3版 takes effect on 2026-11-26, before 第2版 (2027-02-01)"
contains "early: rule id" "$WORK/early.check" "[effective-date-order]"

# ------------------------------------------------------------------------
# A revert gives back the signed-off text: nothing to approve.
FIXTURE_DATE=2026-11-20
fixture rev
approve "$WORK/rev"
change "$WORK/rev" "誤った改正"
git -C "$WORK/rev" checkout -q HEAD~1 -- policies/crisis/01-crisis.md
commit_all "$WORK/rev" "誤った改正を取り消す"
kbuild rev --only html
is "rev: a revert leaves it signed off" "$(xv "$X" @signed-off)" true
is "rev: still 第1版" "$(xv "$X" @version)" 1

# ------------------------------------------------------------------------
# 12.6: 改定内容 is the approvers' Summary; without one, check warns and the
# work commits' subjects stand in.  A later review may supply it.
FIXTURE_DATE=2026-11-20
fixture sum
approve "$WORK/sum"
change "$WORK/sum" "wip: fix typo"
change "$WORK/sum" "規程の初版ドラフト"
approve "$WORK/sum"
kcheck sum
is "sum: missing Summary is a warning (exit 0)" "$?" 0
contains "sum: missing-summary" "$WORK/sum.check" \
    "policies/kitei.yml:5: warning: manual 'crisis': no approval of 第2版 gives a Summary: trailer, so its 改定内容 is the subjects of the commits it approves [missing-summary]"
kbuild sum --only html
is "sum: fallback: the subjects" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item" | tr '\n' '|')" "wip: fix typo|規程の初版ドラフト|"
is "sum: fallback is marked" "$(xv "$X" "k:versions/k:version[2]/k:summary/@source")" commits
approve "$WORK/sum" "Summary: 用語の定義の修正" "Summary: 第2条の改正"	# a review
kcheck sum
lacks "sum: a review's Summary ends the warning" "$WORK/sum.check" missing-summary
kbuild sum --only html,pdf
is "sum: the approvers' words" "$(xv "$X" "k:versions/k:version[2]/k:summary/k:item" | tr '\n' '|')" "用語の定義の修正|第2条の改正|"
is "sum: source approval" "$(xv "$X" "k:versions/k:version[2]/k:summary/@source")" approval
is "sum: the review made no version" "$(xv "$X" @version)" 2
is "sum: 第1版 is 制定" "$(xv "$X" "k:versions/k:version[1]/k:summary/k:item")" 制定
lacks "sum: the HTML leaves out the clerk's subject" "$WORK/sum.out/manuals/crisis.html" "規程の初版ドラフト</li>"

# ------------------------------------------------------------------------
# 12.7: HTML and PDF print the same 改定内容 in every row of every manual.
agree() {
	python3 "$WORK/agree.py" "$2" "$3" > "$WORK/agree.txt" 2>&1
	if grep -q '^rows [1-9]' "$WORK/agree.txt" && [ "$(grep -vc '^rows' "$WORK/agree.txt")" = 0 ]; then
		ok "$1: HTML and PDF 改訂履歴 agree ($(head -1 "$WORK/agree.txt"))"
	else
		fail "$1: HTML and PDF 改訂履歴 disagree: $(cat "$WORK/agree.txt" | tr '\n' ' ')"
	fi
}
agree "sum" "$WORK/sum.out/manuals/crisis.html" "$WORK/sum.out/manuals/crisis.pdf"
agree "ren" "$WORK/ren.out/manuals/crisis.html" "$WORK/ren.out/manuals/crisis.pdf"
lacks "ren: the PDF does not print the English subject for 第1版" "$WORK/agree.txt" "first draft"
pdftotext -enc UTF-8 "$WORK/ren.out/manuals/crisis.pdf" "$WORK/ren.pdf.txt"
lacks "ren: no English subject in the PDF" "$WORK/ren.pdf.txt" "first draft"

# The sample firm's manuals, every one.
timeout 600 "$KITEI" -C "$ROOT/policies" --today "$TODAY" build -o "$WORK/sample" \
    --only html,pdf > "$WORK/sample.build" 2>&1
for h in "$WORK"/sample/manuals/*.html; do
	id=$(basename "$h" .html)
	agree "sample $id" "$h" "$WORK/sample/manuals/$id.pdf"
done

# ------------------------------------------------------------------------
# 11.C4: a bundle's manuals carry 改訂履歴 and approvers, as their PDFs do,
# but no work log: no authors, e-mail addresses, paths or work subjects.
for f in "$WORK"/ren.x/manuals/crisis.html "$WORK"/ren.x/index.html; do
	n=$(basename "$f")
	lacks "bundle $n: no e-mail address" "$f" "@example.co.jp"
	lacks "bundle $n: no author" "$f" "Policy Owner"
	lacks "bundle $n: no table of changed files" "$f" 'class="files"'
	lacks "bundle $n: no work-commit subject" "$f" "first draft"
done
lacks "bundle: no 変更履歴 section" "$WORK/ren.x/manuals/crisis.html" "変更履歴"
contains "bundle: 改訂履歴 kept" "$WORK/ren.x/manuals/crisis.html" "第2条（権限と記録）の改正"
contains "bundle: approvers kept" "$WORK/ren.x/manuals/crisis.html" "山田 太郎"
contains "build (in the firm) keeps the work log" "$WORK/ren.out/manuals/crisis.html" "変更履歴"
