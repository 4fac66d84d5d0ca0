#!/bin/sh
# coverage.csv cannot attack the person who opens it (issue 21, item 1):
# a cell whose text comes from the repository and starts with = + - @ tab
# or carriage return (or a full-width ＝ ＋ － ＠) is written with a leading
# apostrophe, so spreadsheets read it as text; so is such a character where
# a spreadsheet splitting on semicolons, tabs or line breaks would start a
# cell.  "-" alone and plain negative numbers stay as they are.  Carriers:
# catalog titles and texts, not-applicable reasons, and file names (the
# policy root is the repository root, so a path starts with its file name).
# Checked by parsing the CSV as Excel does (Python's csv) and by opening it
# in LibreOffice (soffice --headless --convert-to fods), with comma and with
# semicolon-and-tab separators, reading back each cell's type and formula.
. "$ROOT/tests/lib.sh"

TAB=$(printf '\t')
CR=$(printf '\r')
repo=$WORK/repo
new_repo "$repo"
cd "$repo" || exit 1

python3 - <<'EOF'
titles = {1: "=1+1 題", 2: "+1+1 題", 3: "-1+1 題", 4: "@SUM(1) 題",
          5: "＝1+1 題", 6: "＋1 題", 7: "－1 題", 8: "＠SUM(1) 題"}
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<catalog xmlns="urn:x-kitei:catalog:1" id="csv-rules" version="0.1.0">',
       '  <title>CSV の規則</title>', '  <article number="1">',
       '    <heading>総則</heading>']
for i in range(1, 25):
    t = titles.get(i, "要素 %d" % i)
    text = "=2+2 本文" if i == 1 else "本文 %d" % i
    out.append('    <element id="1.%d" obligation="shall"><title>%s</title>'
               '<text>%s</text></element>' % (i, t, text))
out += ['  </article>', '</catalog>', '']
open("cat.xml", "w", encoding="utf-8").write("\n".join(out))
EOF
cat > kitei.yml <<'EOF'
organization: テスト株式会社
catalog: cat.xml
manuals:
  - id: m
    title: 規程
    kind: policy
    documents: ["*.md"]
EOF
# cover FILE ID: a document whose only section covers ID.
cover() {
	printf '# 見出し\n<!-- covers: %s -->\n本文。\n' "$2" > "$1"
}
cover "=cmd.md" 1.1
cover "+x.md" 1.2
cover "-x.md" 1.3
cover "@x.md" 1.4
cover "${TAB}x.md" 1.5
cover "${CR}x.md" 1.6
cover "＝x.md" 1.7
cover "－x.md" 1.8
cat > n.md <<EOF
# 適用除外
<!-- not-applicable: 1.9 =HYPERLINK("http://evil.example/","詳細") -->
<!-- not-applicable: 1.10 +1+1 -->
<!-- not-applicable: 1.11 -1+1 -->
<!-- not-applicable: 1.12 @SUM(1) -->
<!-- not-applicable: 1.13 ＝1+1 -->
<!-- not-applicable: 1.14 ＋1 -->
<!-- not-applicable: 1.15 －1 -->
<!-- not-applicable: 1.16 ＠SUM(1) -->
<!-- not-applicable: 1.17 理由;=1+1 -->
<!-- not-applicable: 1.18 理由
=1+1 -->
<!-- not-applicable: 1.19 - -->
<!-- not-applicable: 1.20 -12 -->
<!-- not-applicable: 1.21 -1.5 -->
<!-- not-applicable: 1.22 理由${TAB}=1+1 -->
<!-- not-applicable: 1.24 理由${CR}
@SUM(1) -->
以上は適用しない。
EOF
printf '# 除外\n<!-- not-applicable: 1.23 普通の理由 -->\n本文。\n' > "@n.md"
commit_all "$repo" "fixture: csv"

timeout 60 "$KITEI" build -o "$WORK/out" --only dashboard > "$WORK/build.log" 2>&1
check "build wrote coverage.csv" test -s "$WORK/out/coverage.csv"
csv=$WORK/out/coverage.csv

# --- As Excel parses it ---------------------------------------------------
python3 - "$csv" <<'EOF'
import csv, sys
rows = {}
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    for row in csv.DictReader(f):
        rows[row["id"]] = row
want = {
    ("1.1", "title"): "'=1+1 題", ("1.2", "title"): "'+1+1 題",
    ("1.3", "title"): "'-1+1 題", ("1.4", "title"): "'@SUM(1) 題",
    ("1.5", "title"): "'＝1+1 題", ("1.6", "title"): "'＋1 題",
    ("1.7", "title"): "'－1 題", ("1.8", "title"): "'＠SUM(1) 題",
    ("1.1", "text"): "'=2+2 本文",
    ("1.1", "sections"): "'=cmd.md:1", ("1.2", "sections"): "'+x.md:1",
    ("1.3", "sections"): "'-x.md:1", ("1.4", "sections"): "'@x.md:1",
    ("1.5", "sections"): "'\tx.md:1", ("1.6", "sections"): "'\rx.md:1",
    ("1.7", "sections"): "'＝x.md:1", ("1.8", "sections"): "'－x.md:1",
    ("1.9", "reason"): "'=HYPERLINK(\"http://evil.example/\",\"詳細\")",
    ("1.10", "reason"): "'+1+1", ("1.11", "reason"): "'-1+1",
    ("1.12", "reason"): "'@SUM(1)", ("1.13", "reason"): "'＝1+1",
    ("1.14", "reason"): "'＋1", ("1.15", "reason"): "'－1",
    ("1.16", "reason"): "'＠SUM(1)", ("1.17", "reason"): "理由;'=1+1",
    ("1.18", "reason"): "理由\n'=1+1", ("1.22", "reason"): "理由\t'=1+1",
    ("1.24", "reason"): "理由\n'@SUM(1)",
    ("1.19", "reason"): "-", ("1.20", "reason"): "-12", ("1.21", "reason"): "-1.5",
    ("1.23", "reason_at"): "'@n.md:2", ("1.23", "reason"): "普通の理由",
}
for (i, col), v in sorted(want.items()):
    got = rows.get(i, {}).get(col)
    if got == v:
        print("ok - excel: %s %s reads %r" % (i, col, v))
    else:
        print("FAIL - excel: %s %s reads %r, want %r" % (i, col, got, v))

# Wherever a cell can start (its start; after ; tab CR LF for spreadsheets
# that split there), no formula character, bar "-" and plain numbers.
import re
plain = re.compile(r"-(\d+(\.\d+)?)?(?=$|[,;\t\r\n])")
trig = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
bad = []
for i, row in rows.items():
    for col, v in row.items():
        starts = [0] + [m.end() for m in re.finditer(r"[;\t\r\n]", v)]
        for s in starts:
            t = v[s:]
            if t.startswith(trig) and not plain.match(t):
                bad.append((i, col, v))
print(("ok" if not bad else "FAIL") + " - excel: no cell starts a formula %r" % bad[:3])
EOF

# --- As LibreOffice opens it ----------------------------------------------
if ! command -v soffice >/dev/null 2>&1; then
	fail "LibreOffice (soffice, Debian libreoffice-calc-nogui) is needed for this test"
	exit 0
fi
# lo SEPARATORS NAME: converts the CSV to flat ODS with LibreOffice's CSV
# import (separators as character codes joined by /, UTF-8, formulas
# evaluated as by default).
lo() {
	mkdir -p "$WORK/$2"
	cp "$csv" "$WORK/$2/coverage.csv"
	timeout 180 soffice -env:UserInstallation="file://$WORK/lo-profile" \
	    --headless --infilter="CSV:$1,34,76,1" --convert-to fods \
	    --outdir "$WORK/$2" "$WORK/$2/coverage.csv" > "$WORK/$2.log" 2>&1
}
lo 44 comma
lo 59/9 semicolon
python3 - "$WORK/comma/coverage.fods" "$WORK/semicolon/coverage.fods" "$csv" <<'EOF'
import csv, sys
import xml.etree.ElementTree as ET
T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
X = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

def cells(path):
    rows = []
    for row in ET.parse(path).iter("{%s}table-row" % T):
        r = []
        for c in row.findall("{%s}table-cell" % T):
            n = int(c.get("{%s}number-columns-repeated" % T, "1"))
            text = "\n".join("".join(p.itertext()) for p in c.findall("{%s}p" % X))
            r += [(c.get("{%s}formula" % T), c.get("{%s}value-type" % O), text)] * min(n, 20)
        rows.append(r)
    return rows

for name, path in (("comma", sys.argv[1]), ("semicolon and tab", sys.argv[2])):
    try:
        rows = cells(path)
    except Exception as e:
        print("FAIL - libreoffice %s: no sheet (%s)" % (name, e))
        continue
    formulas = [c for r in rows for c in r if c[0]]
    print(("ok" if not formulas else "FAIL")
          + " - libreoffice %s: no cell is a formula %r" % (name, formulas[:3]))
    if name != "comma":
        continue
    head = rows[0]
    col = {c[2]: k for k, c in enumerate(head)}
    # LibreOffice reads ids such as 1.10 as numbers: pair rows by position.
    with open(sys.argv[3], encoding="utf-8-sig", newline="") as f:
        ids = [r["id"] for r in csv.DictReader(f)]
    byid = dict(zip(ids, rows[1:]))
    for i, c, want in (("1.1", "title", "'=1+1 題"), ("1.3", "title", "'-1+1 題"),
                       ("1.4", "title", "'@SUM(1) 題"), ("1.5", "title", "'＝1+1 題"),
                       ("1.1", "sections", "'=cmd.md:1"), ("1.3", "sections", "'-x.md:1"),
                       ("1.9", "reason", "'=HYPERLINK(\"http://evil.example/\",\"詳細\")"),
                       ("1.10", "reason", "'+1+1"), ("1.12", "reason", "'@SUM(1)"),
                       ("1.13", "reason", "'＝1+1")):
        got = byid.get(i, [None] * 9)[col[c]] if c in col else None
        ok = got is not None and got[1] == "string" and got[2] == want
        print(("ok" if ok else "FAIL")
              + " - libreoffice: %s %s is the text %r (%r)" % (i, c, want, got))
    got = byid.get("1.20", [None] * 9)[col["reason"]]
    print(("ok" if got and got[1] == "float" and got[2] == "-12" else "FAIL")
          + " - libreoffice: a plain -12 stays a number (%r)" % (got,))
    got = byid.get("1.19", [None] * 9)[col["reason"]]
    print(("ok" if got and got[2] == "-" else "FAIL")
          + " - libreoffice: a lone - stays as it is (%r)" % (got,))
EOF

# --- The bundle carries the same file -------------------------------------
timeout 120 "$KITEI" bundle --draft -o "$WORK/b.zip" > "$WORK/bundle.log" 2>&1
python3 - "$WORK/b.zip" "$csv" <<'EOF'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
name = [n for n in z.namelist() if n.endswith("coverage.csv")]
same = bool(name) and z.read(name[0]) == open(sys.argv[2], "rb").read()
print(("ok" if same else "FAIL") + " - bundle: coverage.csv is the build's %r" % name)
EOF
