#!/bin/sh
# Markdown rendered as written (issues 12.8, 19.1, 19.2): the one soft-break
# rule (generator/mdtext.c) in the HTML manual, the public page, the PDF,
# the coverage keyword check and the 新旧対照表; spaces the author wrote
# between Japanese words kept in the PDF; emphasis inside headings.
. "$ROOT/tests/lib.sh"

for t in pdftotext python3 git qpdf; do
	command -v $t >/dev/null 2>&1 || { fail "$t missing (apt-get install poppler-utils python3 git qpdf)"; exit 0; }
done

repo=$WORK/md
r=$repo/policies
new_repo "$repo"
mkdir -p "$r/rules" "$r/web"
cat > "$r/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: system-risk-rules
approval:
  roles:
    board: {title: 取締役会, members: [yamada@example.co.jp]}
  people:
    - {email: yamada@example.co.jp, name: 山田 太郎}
public:
  title: 危機発生時の対応について
  contact: お客様相談室 室長席
manuals:
  - id: rules
    title: 情報セキュリティ管理規程
    kind: policy
    documents: [rules/*.md]
    approvers: [board]
  - id: web
    title: 公開ページ
    kind: crisis
    documents: [web/*.md]
    approvers: [board]
EOF
# Trailing spaces matter below: printf keeps them.
printf '%s\n' \
	'# 情報**資産**管理規程' \
	'' \
	'## 第1条（目的）' \
	'<!-- covers: 4.1.9 -->' \
	'全社員と外部委託先に情報セキュ' \
	'リティの教育を行う。' \
	'' \
	'## 第2条（責任**者**）' \
	'<!-- covers: 4.1.2 -->' \
	'情報の機密性を守るため、責任' \
	'者を置き、その役割を定め、セキュリティを統括させる。' \
	'' \
	'## 第3条（English）' \
	'' \
	'See [the policy](https://example.com) ' \
	'for details. **this rule** ' \
	'to apply. café' \
	'opens at 9. 100 €' \
	'per case. &Dcaron;' \
	'&frac34; done.' \
	'' \
	'当社は、' \
	'CSIRTを置く。窓口は' \
	'「お客様相談室」' \
	'とする。' \
	'' \
	'| 担当 | 連絡先 |' \
	'|---|---|' \
	'| お客様相談室 室長席 | システム部 当番者 |' \
	'' \
	'<div>' \
	'*foo*' \
	'</div>' \
	'' \
	'Foo' \
	'<a href="bar">' \
	'baz <!-- a note to editors --> and <span>情報</span>資産.' \
	'' \
	'[link](foo\)\:) and [bad](java&#9;script:alert(1)).' \
	'' \
	'See ![org' \
	'chart](https://example.com/org.png) and ![a *b*' \
	'c  ' \
	'd](https://example.com/y.png), ![組織' \
	'図](https://example.com/z.png) and ![floor' \
	'plan](fig/plan.png).' \
	'' \
	'Type `make `' \
	'`install ` and ` `' \
	'`  ` twice.' \
	> "$r/rules/01-info.md"
# A 2x2 PNG for the image kitei embeds (its alt text is checked below).
mkdir -p "$r/rules/fig"
python3 - "$r/rules/fig/plan.png" <<'EOF'
import struct, sys, zlib
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(b"\0" + b"\x80" * 6 + b"\0" + b"\x80" * 6)) + chunk(b"IEND", b""))
EOF
cat > "$r/web/01-public.md" <<'EOF'
---
visibility: public
---
# 危機発生時の対応について

## 基本方針
<!-- covers: 13.2 -->
危機の際はお客様の安全を
最優先に対応し、ウェブサイトでお知らせします。Please call
us at any time.

![floor
plan](../rules/fig/plan.png)
EOF
commit_all "$repo" "first" -m "Approved-by: 山田 太郎 <yamada@example.co.jp>"

"$KITEI" -C "$r" --today 2026-02-01 check > "$WORK/check.txt" 2>&1
lacks "a soft break inside a katakana word joins it for the facet check (4.1.9)" \
    "$WORK/check.txt" "01-info.md:4:"
lacks "emphasis in a covering heading does not split the facet term (4.1.2)" \
    "$WORK/check.txt" "01-info.md:9:"
contains "raw HTML block: a warning at its line" "$WORK/check.txt" \
    "policies/rules/01-info.md:31:1: warning: raw HTML is not shown: <div> [raw-html]"
contains "raw inline HTML: a warning at its line" "$WORK/check.txt" \
    "policies/rules/01-info.md:36:1: warning: raw HTML is not shown: <a href=\"bar\"> [raw-html]"
lacks "a comment is no raw HTML to warn of" "$WORK/check.txt" "<!-- a note"
lacks "no implausible-coverage at all" "$WORK/check.txt" "implausible-coverage"

out=$WORK/out
# The fixture covers a few elements only: build reports the rest (exit 1).
"$KITEI" -C "$r" build -o "$out" > "$WORK/build.txt" 2>&1
[ -f "$out/manuals/rules.pdf" ] || { fail "build"; tail -5 "$WORK/build.txt"; }

# The visible text of an HTML page, tags dropped, white space collapsed.
cat > "$WORK/text.py" <<'EOF'
import html, re, sys
s = open(sys.argv[1], encoding='utf-8').read()
s = re.sub(r'(?s)<(script|style|head)\b.*?</\1>', '', s)
s = re.sub(r'<[^>]+>', '', s)
print(re.sub(r'\s+', ' ', html.unescape(s)))
EOF
python3 "$WORK/text.py" "$out/manuals/rules.html" > "$WORK/rules.txt"
for want in "the policy for details" "this rule to apply" "café opens" "100 € per" \
    "Ď ¾ done" "Foo baz and 情報資産." "情報セキュリティの教育を行う。" "責任者を置き、その役割を定め、セキュリティを統括させる。" \
    "当社は、 CSIRTを置く。窓口は「お客様相談室」とする。" "情報資産管理規程"; do
	contains "HTML: '$want'" "$WORK/rules.txt" "$want"
done
lacks "HTML: no space inside 情報 資産 from the emphasis" "$WORK/rules.txt" "情報 資産"
# Issue 19's sibling: a soft or hard break inside an image's text is a
# space (the one rule), not glue; a code span's own spaces are code, not the
# white space that would make a break between two code spans no space.
for want in "［図：org chart］" "［図：a b c d］" "［図：組織図］"; do
	contains "HTML: image text across a line break: '$want'" "$WORK/rules.txt" "$want"
done
contains "HTML: an embedded image's alt text across a line break" \
    "$out/manuals/rules.html" 'alt="floor plan"'
contains "HTML: a soft break after a code span ending in a space is a space" \
    "$out/manuals/rules.html" "<code>make </code> <code>install </code>"
contains "HTML: a soft break between two code spans of spaces is a space" \
    "$out/manuals/rules.html" "<code> </code> <code>  </code>"
contains "HTML: the heading's emphasis is no line break in the contents" \
    "$out/manuals/rules.html" "　情報資産管理規程</a>"

contains "RFC 3986: foo): is a relative link, kept" "$out/manuals/rules.html" 'href="foo):"'
lacks "a tab inside javascript: is no disguise" "$out/manuals/rules.html" 'script:alert'
python3 "$WORK/text.py" "$out/public/index.html" > "$WORK/public.txt"
contains "public page: Japanese lines join" "$WORK/public.txt" "お客様の安全を最優先に対応し、"
contains "public page: English lines keep a space" "$WORK/public.txt" "Please call us at any time."
contains "public page: an image's alt text across a line break" "$out/public/index.html" 'alt="floor plan"'

pdftotext -layout "$out/manuals/rules.pdf" - | tr -s ' ' > "$WORK/rules.pdf.txt"
pdftotext "$out/manuals/rules.pdf" - > "$WORK/rules.raw.txt"
for want in "山田 太郎" "お客様相談室 室長席" "システム部 当番者" "café opens" "this rule to apply" \
    "［図：org chart］" "［図：a b c d］" "［図：組織図］"; do
	contains "PDF: '$want'" "$WORK/rules.pdf.txt" "$want"
done
contains "PDF: a katakana word split by a line break joins" "$WORK/rules.raw.txt" "情報セキュリティ管理"
qpdf --json "$out/manuals/rules.pdf" > "$WORK/rules.json" 2>/dev/null
python3 - "$WORK/rules.json" > "$WORK/alt.txt" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
objs = j.get("qpdf", [{}, {}])[1] if "qpdf" in j else j.get("objects", {})
for k, v in objs.items():
    v = v.get("value", v) if isinstance(v, dict) else v
    if isinstance(v, dict) and v.get("/S") == "/Figure":
        print(v.get("/Alt"))
EOF
contains "PDF: an embedded image's /Alt across a line break" "$WORK/alt.txt" "floor plan"
lacks "PDF: 情報 資産 is one word" "$WORK/rules.raw.txt" "情報 資産"

# The 新旧対照表 uses the same rule.
printf '%s\n' '' '## 第4条（追加）' '' 'New rule' 'applies here.' '新しい規' '定を置く。' >> "$r/rules/01-info.md"
commit_all "$repo" "second"
"$KITEI" -C "$r" diff HEAD~1 HEAD -o "$WORK/shinkyu" > "$WORK/diff.txt" 2>&1 ||
    { fail "diff"; cat "$WORK/diff.txt"; }
python3 "$WORK/text.py" "$WORK/shinkyu/rules.html" > "$WORK/shinkyu.txt"
contains "新旧対照表: English lines keep a space" "$WORK/shinkyu.txt" "New rule applies here."
contains "新旧対照表: Japanese lines join" "$WORK/shinkyu.txt" "新しい規定を置く。"
