#!/bin/sh
# kitei build on a small fixture repository: two manuals of the shipped
# catalog system-risk-rules, documents with covers and not-applicable
# directives, a rename, approvals (two versions of one manual, a manual
# changed after its sign-off), and Markdown of every kind the templates
# render.  Checks: golden HTML of one manual and of the dashboard
# (tests/golden/build/, REGEN=1 rewrites them), every page well-formed
# HTML5 with working internal links and no external requests, the emitted
# XML well-formed and valid against docs/manual.rng, the CSS beside the
# pages, the 未コミット mark from --worktree, a template override in the
# policy root, and a failing build that leaves the previous output alone.
. "$ROOT/tests/lib.sh"

# The fixture repository lives under the source checkout: if it vanished
# half way (a concurrent tests/run.sh empties tests/tmp), git must fail
# rather than find the checkout's own repository and commit into it.
export GIT_CEILING_DIRECTORIES="$WORK"

GOLDEN=$ROOT/tests/golden/build
# Review-due findings depend on the day: fixed here.
TODAY=2026-06-01

# build OUT [args]: kitei build of the fixture's policy root into OUT.
build() {
	o=$1; shift
	timeout 60 "$KITEI" -C "$r" --today $TODAY "$@" build -o "$o" --emit-xml \
	    --only html,dashboard,public
}

# sums DIR: one line per file, its checksum and path, sorted.
sums() {
	(cd "$1" && find . -type f -exec sha256sum {} + | sort -k2)
}

# Commits from 2 March 2026 on, one a day.
FIXTURE_DATE=2026-03-01
repo=$WORK/repo
r=$repo/policies
new_repo "$repo"
mkdir -p "$r/policy" "$r/crisis"

cat > "$r/kitei.yml" <<'EOF'
organization: テスト金融サービス仲介株式会社
catalog: system-risk-rules
review_interval: 12 months
date_style: western
association:
  name: 一般社団法人テスト協会
  url: https://www.example.or.jp/
manuals:
  - id: policy
    title: システムリスク管理規程
    number: SR-001
    kind: policy
    owner: システム部
    documents: [policy/*.md]
    approvers: [board]
  - id: crisis
    title: 危機管理マニュアル
    number: CM-001
    kind: crisis
    owner: 総務部
    documents: [crisis/*.md]
    approvers: [board, system-executive]
approval:
  require_signature: false
  roles:
    board: {title: 取締役会, members: [yamada@example.co.jp]}
    system-executive: {title: システム統括役員, members: [sato@example.co.jp]}
  people:
    - {email: yamada@example.co.jp, name: 山田 太郎}
    - {email: sato@example.co.jp, name: 佐藤 花子}
EOF

cat > "$r/policy/01-general.md" <<'EOF'
---
title: 総則
owner: システム部
---
# 総則

## 第1条（目的）
<!-- covers: 1.1 -->
この規程は、当社のシステムリスク管理態勢を定める。リスク管理の基本となる事項を
定めることを目的とする。

## 第2条（経営陣の関与）
<!-- covers: 2.1 2.1.1 -->
取締役会は、システムリスク管理の**基本方針**を定め、*毎年*見直す。

1. 基本方針の策定
2. システム統括役員の選任
3. 訓練の実施

### 基本方針の見直し
<!-- covers: 2.1.2 -->
障害対応を経営上の課題として位置付け、見直しの結果を`取締役会`に報告する。

## 第3条（適用除外）
<!-- not-applicable: 6.2.2 当社は自社でサーバーを運用しないため、負荷分散はクラウド事業者の責任範囲である -->
DDoS 攻撃への負荷分散は、クラウド事業者の対策による。
EOF

cat > "$r/policy/02-old-name.md" <<'EOF'
---
title: リスク管理
owner: システム部
---
# リスク管理

## 第4条（リスクの特定）
<!-- covers: 3.1.4 -->
システム部は、定期的にリスクを特定・分析・評価し、対応策を講じる。
EOF

cat > "$r/crisis/01-general.md" <<'EOF'
---
title: 総則
owner: 総務部
---
# 総則

## 1.1 目的
<!-- covers: 13.1 -->
この危機管理マニュアルは、危機の発生時に役職員がとるべき行動と体制を定める。常時見直しを行う。

## 1.2 初期対応の重要性
<!-- covers: 13.1.a -->
初期対応の重要性を全役職員に説明する。

> 迷ったら報告する。

- [x] 第一報を30分以内に入れる
- [ ] 危機対応記録を付け始める
EOF
commit_all "$repo" "規程とマニュアルの初版"

# The board approves: the policy manual's 第1版 (the crisis manual also
# needs the system executive).
commit_all "$repo" "承認：システムリスク管理規程の制定" \
    -m "Approved-by: 山田 太郎 <yamada@example.co.jp>
Effective: 2026-04-01"

# A rename with an edit, and a new crisis chapter with a table.
git -C "$repo" mv policies/policy/02-old-name.md policies/policy/02-risk.md
cat >> "$r/policy/02-risk.md" <<'EOF'

## 第5条（事務リスク）
<!-- covers: 3.2 -->
事務リスクの所在を認識し、相互牽制により事務リスクを軽減する。
詳しくは[社内ポータル](https://portal.example.co.jp/ "社内ポータル")と
[旧手順](javascript:alert(1))を参照する。![体制図](figure.png)

---

| 区分 | 担当 | 期限 |
|:-----|:----:|-----:|
| 第一報 | 所属長 | 30分 |
| 報告書 | システム部 | 3日 |
EOF
cat > "$r/crisis/02-contacts.md" <<'EOF'
---
title: 連絡体制
owner: 総務部
visibility: confidential
---
# 連絡体制

## 2.1 報告・連絡体制
<!-- covers: 13.1.c -->
危機の発生時には、組織内及び当協会・当局へ次の順に報告・連絡する。

3. 所属長
4. システム統括役員

```text
覚知 → 所属長 → 対策本部
```
EOF
commit_all "$repo" "リスク管理の章を改名し、事務リスクと連絡体制を追加"

# Both roles approve: the policy manual's 第2版, the crisis manual's 第1版.
commit_all "$repo" "承認：改定" \
    -m "Approved-by: 山田 太郎 <yamada@example.co.jp>
Approved-by: 佐藤 花子 <sato@example.co.jp>
Effective: 2026-05-01"

# A change after the sign-off: the crisis manual is a draft again.
cat >> "$r/crisis/01-general.md" <<'EOF'

## 1.3 周知
<!-- covers: 13.3 -->
本マニュアルを全役職員に周知する。
EOF
commit_all "$repo" "周知の節を追加"

out=$WORK/out
build "$out" > "$WORK/build.log" 2>&1
got=$?
if [ $got -eq 1 ]; then ok "build: exit 1 (elements missing)"; else
	fail "build: exit $got, want 1"; tail -5 "$WORK/build.log"; fi
for f in index.html coverage.html kitei.css manuals/policy.html \
    manuals/crisis.html manuals/policy.xml manuals/crisis.xml site.xml; do
	check "build: wrote $f" test -s "$out/$f"
done

# Golden pages (the generator's version left out).
for p in manuals/policy.html index.html; do
	g=$(echo "$p" | tr / -)
	sed 's/kitei [0-9][0-9.a-z-]*/kitei VERSION/g' "$out/$p" > "$WORK/$g"
	golden "golden: $p" "$WORK/$g" "$GOLDEN/$g"
done

# Well-formed pages, links that resolve, nothing fetched from elsewhere.
cat > "$WORK/pages.py" <<'EOF'
import os, re, sys
from html.parser import HTMLParser
from urllib.parse import urlsplit, unquote

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
# Characters that differ between platforms (JIS X 0208 extensions).
ODD = re.compile("[\u2460-\u24ff\u2160-\u217f\u3200-\u33ff]")

class Page(HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path, self.stack, self.ids, self.links, self.errors = path, [], set(), [], []
        self.doctype = False; self.charset = False; self.viewport = False
        self.title = ""; self.in_title = False; self.lang = None; self.first = True
    def err(self, m):
        self.errors.append("%s:%d: %s" % (self.path, self.getpos()[0], m))
    def handle_decl(self, d):
        if d.lower() == "doctype html" and self.first: self.doctype = True
        self.first = False
    def handle_starttag(self, tag, attrs):
        self.first = False
        a = dict(attrs)
        if tag == "html": self.lang = a.get("lang")
        if "id" in a:
            if a["id"] in self.ids: self.err("duplicate id " + a["id"])
            self.ids.add(a["id"])
        if tag == "meta" and ("charset" in a or "charset=utf-8" in (a.get("content") or "").lower()):
            self.charset = True
        if tag == "meta" and a.get("name") == "viewport": self.viewport = True
        if tag in ("script", "iframe", "object", "embed", "img", "video", "audio", "base"):
            self.err("<%s> in a page" % tag)
        if "style" in a: self.err("inline style on <%s>" % tag)
        for k in ("src", "srcset", "poster"):
            if k in a: self.err("%s= on <%s>" % (k, tag))
        if tag == "link":
            h = a.get("href", "")
            if urlsplit(h).scheme or h.startswith("//"): self.err("external link " + h)
            self.links.append(h)
        if tag == "a" and "href" in a: self.links.append(a["href"])
        if tag == "title": self.in_title = True
        if tag not in VOID: self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        if tag not in VOID: self.err("self-closed <%s/>" % tag)
        self.handle_starttag(tag, attrs)
        if tag not in VOID: self.stack.pop()
    def handle_endtag(self, tag):
        if tag in VOID: self.err("end tag </%s>" % tag); return
        if not self.stack or self.stack[-1] != tag:
            self.err("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing")); return
        self.stack.pop()
        if tag == "title": self.in_title = False
    def handle_data(self, d):
        if self.in_title: self.title += d
        if ODD.search(d): self.err("platform-dependent character in " + d.strip()[:40])

pages, bad = {}, []
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith(".html"):
            path = os.path.join(root, f)
            p = Page(os.path.relpath(path, sys.argv[1]))
            p.feed(open(path, encoding="utf-8").read()); p.close()
            if p.stack: p.err("unclosed " + " ".join(p.stack))
            if not p.doctype: p.err("no <!DOCTYPE html> first")
            if p.lang != "ja": p.err("html lang is %r" % p.lang)
            if not p.charset: p.err("no charset declaration")
            if not p.viewport: p.err("no viewport")
            if not p.title.strip(): p.err("no title")
            pages[os.path.normpath(path)] = p
for path, p in sorted(pages.items()):
    bad += p.errors
    for h in p.links:
        u = urlsplit(h)
        if u.scheme in ("http", "https", "mailto", "tel"): continue
        if u.scheme: bad.append("%s: link %s" % (p.path, h)); continue
        target = os.path.normpath(os.path.join(os.path.dirname(path), unquote(u.path))) if u.path else path
        if not os.path.exists(target):
            bad.append("%s: link %s: no file" % (p.path, h)); continue
        if u.fragment:
            t = pages.get(target)
            if t is None or unquote(u.fragment) not in t.ids:
                bad.append("%s: link %s: no id" % (p.path, h))
print("\n".join(bad))
print("%d pages" % len(pages))
sys.exit(1 if bad else 0)
EOF
python3 "$WORK/pages.py" "$out" > "$WORK/pages.log" 2>&1
if [ $? -eq 0 ]; then ok "pages: well-formed, links resolve, self-contained ($(tail -1 "$WORK/pages.log"))"
else fail "pages"; head -20 "$WORK/pages.log"; fi
contains "pages: the manual links the dashboard" "$out/manuals/policy.html" 'href="../index.html"'
contains "pages: the manual's stylesheet" "$out/manuals/policy.html" 'href="../kitei.css"'
check "pages: kitei.css beside the pages is the shipped one" cmp "$out/kitei.css" "$ROOT/templates/kitei.css"

# The emitted XML: well-formed and as docs/manual.rng says.
for x in site.xml manuals/policy.xml manuals/crisis.xml public.xml; do
	check "xml: $x well-formed" xmllint --noout "$out/$x"
	check "xml: $x valid (docs/manual.rng)" xmllint --noout --relaxng "$ROOT/docs/manual.rng" "$out/$x"
done

# What the pages say.
m=$out/manuals/policy.html
c=$out/manuals/crisis.html
contains "manual: classification on the cover" "$m" '【社外秘】'
contains "manual: crisis manual is 関係者外秘" "$c" '【関係者外秘】'
contains "manual: 第2版 on the cover" "$m" '第2版'
contains "manual: 制定日" "$m" '2026年3月3日'
contains "manual: 施行日 from Effective" "$m" '2026年5月1日'
contains "manual: the rename in the history" "$m" 'policies/policy/02-old-name.md'
contains "manual: section anchor" "$m" 'id="s-'
contains "manual: coverage badge" "$m" 'href="#el-2.1.1"'
contains "manual: the reason for 適用除外" "$m" '当社は自社でサーバーを運用しないため'
lacks "manual: a dropped link is no link" "$m" 'javascript:'
contains "manual: a dropped link keeps its text" "$m" '旧手順'
lacks "manual: images are not fetched" "$m" 'figure.png"'
contains "manual: table alignment" "$m" 'class="align-right"'
contains "crisis: task list" "$c" 'type="checkbox"'
contains "crisis: ordered list start" "$c" 'start="3"'
contains "crisis: changed after sign-off is a draft" "$c" '未承認（ドラフト）'
lacks "policy: signed off is no draft" "$m" '未承認（ドラフト）'
contains "dashboard: coverage link" "$out/index.html" 'href="coverage.html"'
contains "dashboard: missing elements shown" "$out/index.html" 'count-missing'
contains "coverage: status in text" "$out/coverage.html" '未対応'
contains "coverage: 適用除外 with its reason" "$out/coverage.html" '除外理由：当社は自社でサーバーを運用しない'

# --worktree: every page carries 未コミット.
echo "作業中の追記。" >> "$r/policy/01-general.md"
build "$WORK/out-wt" --worktree > "$WORK/wt.log" 2>&1
for p in index.html coverage.html manuals/policy.html manuals/crisis.html; do
	contains "worktree: 未コミット on $p" "$WORK/out-wt/$p" '未コミット'
done
lacks "committed build: no 未コミット" "$out/index.html" '未コミット'
git -C "$repo" checkout -q -- policies/policy/01-general.md
# An empty folder in the work tree is walked like any other (it once handed
# qsort a null array, which UBSan stops on).
mkdir -p "$r/policy/empty/deeper"
expect_status "worktree: empty folders are harmless" 1 build "$WORK/out-wt" --worktree
rm -rf "$r/policy/empty"

# A template in the policy root overrides the shipped one.
mkdir -p "$r/templates"
cat > "$r/templates/dashboard.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1" exclude-result-prefixes="k">
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:template match="/k:site">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="ja"><head><meta name="viewport" content="width=device-width"/><title>独自の表紙</title></head>
    <body><p>独自のダッシュボード：<xsl:value-of select="k:summary/@elements"/></p></body></html>
  </xsl:template>
</xsl:stylesheet>
EOF
commit_all "$repo" "独自のダッシュボード"
build "$WORK/out-own" > "$WORK/own.log" 2>&1
contains "override: the policy root's dashboard.xsl is used" "$WORK/out-own/index.html" '独自のダッシュボード：92'
contains "override: other pages keep the shipped templates" "$WORK/out-own/manuals/policy.html" 'class="cover"'

# A build that fails half way leaves the previous output as it was and exits 2:
# a template that is not XSLT, then one that stops while transforming.
build "$out" > /dev/null 2>&1
sums "$out" > "$WORK/before.sum"
printf '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n' \
    > "$r/templates/coverage.xsl"
commit_all "$repo" "壊れた対応表テンプレート"
expect_status "broken template: exit 2" 2 build "$out"
sums "$out" > "$WORK/after.sum"
same "broken template: previous output untouched" "$WORK/after.sum" "$WORK/before.sum"
cat > "$r/templates/coverage.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><xsl:message terminate="yes">stop</xsl:message></xsl:template>
</xsl:stylesheet>
EOF
commit_all "$repo" "止まる対応表テンプレート"
expect_status "failing template: exit 2" 2 build "$out"
sums "$out" > "$WORK/after2.sum"
same "failing template: previous output untouched" "$WORK/after2.sum" "$WORK/before.sum"
lacks_tmp() { ! ls -A "$WORK" | grep -q 'kitei-tmp'; }
check "failing template: no temporary folder left" lacks_tmp

# The sample firm's policy root (this repository's policies/ at HEAD): its
# emitted XML is valid too, and its pages are well-formed with working links.
timeout 120 "$KITEI" -C "$ROOT/policies" build -o "$WORK/sample" --emit-xml \
    --only html,dashboard,public > "$WORK/sample.log" 2>&1
got=$?
if [ $got -le 1 ]; then ok "sample: built (exit $got)"; else
	fail "sample: exit $got"; tail -5 "$WORK/sample.log"; fi
for x in "$WORK"/sample/site.xml "$WORK"/sample/public.xml "$WORK"/sample/manuals/*.xml; do
	check "sample: ${x#"$WORK"/sample/} valid (docs/manual.rng)" \
	    xmllint --noout --relaxng "$ROOT/docs/manual.rng" "$x"
done
python3 "$WORK/pages.py" "$WORK/sample" > "$WORK/pages-sample.log" 2>&1
if [ $? -eq 0 ]; then ok "sample: pages well-formed, links resolve ($(tail -1 "$WORK/pages-sample.log"))"
else fail "sample: pages"; head -10 "$WORK/pages-sample.log"; fi
