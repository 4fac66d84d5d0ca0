#!/bin/sh
# PDF manuals (templates/manual-fo.xsl through the typesetter): the sample's
# manuals and a fixture policy root (tests/fixtures/pdf/policies: a manual
# approved twice with every CommonMark construct and a 60-row table, and a
# manual never approved) built with kitei, then checked as files (qpdf,
# fonts, metadata, /Lang), as text (pdftotext against the Markdown, table
# of contents against the pages, line starts), for the draft mark, and for
# reproducible bytes.
. "$ROOT/tests/lib.sh"

for t in qpdf pdffonts pdfinfo pdftotext python3 git; do
	command -v $t >/dev/null 2>&1 || { fail "$t missing (apt-get install qpdf poppler-utils python3 git)"; exit 0; }
done

# is "what" got want: passes when the strings are equal.
is() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 (got '$2', want '$3')"; fi
}

# Helpers in Python: the Markdown text of a manual XML, and the watermark
# (a Form XObject painted on pages) from qpdf's JSON.
cat > "$WORK/pdfcheck.py" <<'EOF'
import json, sys, xml.etree.ElementTree as ET
K = '{urn:x-kitei:manual:1}'
MD = '{http://commonmark.org/xml/1.0}'

def runs(path):
    """Every run of Markdown text, in order, whitespace removed; footnote
    notes (set after their chapter) and anything in them left out."""
    root = ET.parse(path).getroot()
    out = []
    def walk(e, skip):
        tag = e.tag
        if tag.startswith(MD) and (tag.endswith('footnote_definition') or
                tag.endswith('<unknown>') and len(e)):
            skip = True
        if tag in (MD + 'text', MD + 'code', MD + 'code_block') and not skip:
            t = ''.join((e.text or '').split())
            if t:
                out.append(t)
        for c in e:
            walk(c, skip)
    walk(root.find(K + 'chapters'), False)
    return out

def attr(path, name):
    return ET.parse(path).getroot().get(name, '')

def watermark_pages(path):
    """How many pages paint a Form XObject that every page paints."""
    import subprocess
    j = json.loads(subprocess.run(['qpdf', '--json', path], capture_output=True).stdout)
    objs = j['qpdf'][1]
    def get(v):
        while isinstance(v, str) and v.endswith(' R'):
            v = objs.get('obj:' + v, {}).get('value')
        return v
    sets = []
    for p in j['pages']:
        page = get(p['object'])
        res = get(page.get('/Resources')) or {}
        xo = get(res.get('/XObject')) or {}
        forms = set()
        for ref in xo.values():
            d = objs.get('obj:' + ref, {}).get('stream', {}).get('dict', {})
            if d.get('/Subtype') == '/Form':
                forms.add(ref)
        sets.append(forms)
    common = set.intersection(*sets) if sets else set()
    return sum(1 for s in sets if s & common) if common else 0

cmd = sys.argv[1]
if cmd == 'runs':
    print('\n'.join(runs(sys.argv[2])))
elif cmd == 'attr':
    print(attr(sys.argv[2], sys.argv[3]))
elif cmd == 'watermark':
    print(watermark_pages(sys.argv[2]))
EOF
py() { python3 "$WORK/pdfcheck.py" "$@"; }

# pages PDF: the number of pages.
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# body PDF OUT: the text of every page's body (header and footer cropped
# off: they lie above y = 66 and below y = 780), whitespace removed, one line.
body() {
	n=$(pages "$1"); i=1; : > "$2"
	while [ "$i" -le "$n" ]; do
		pdftotext -enc UTF-8 -raw -r 72 -f $i -l $i -x 0 -y 66 -W 595 -H 714 "$1" - |
		    sed 's/[[:space:]　]//g' | tr -d '\n\f' >> "$2"
		i=$((i + 1))
	done
}

# page_text PDF I: page I as laid out, each line without white space.
page_text() {
	pdftotext -enc UTF-8 -layout -f "$2" -l "$2" "$1" - | sed 's/[[:space:]　]//g'
}

# check_pdf NAME PDF XML: the checks every manual's PDF passes; XML is the
# manual XML it was made from, REV the source commit, REPO its repository.
check_pdf() {
	name=$1; pdf=$2; xml=$3
	if [ ! -s "$pdf" ]; then fail "$name: PDF written"; return; fi
	check "$name: qpdf --check passes" qpdf --check "$pdf"

	pdffonts "$pdf" | tail -n +3 > "$pdf.fonts"
	if [ -s "$pdf.fonts" ] && ! grep -q "Type 3" "$pdf.fonts" &&
	    awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad = 1 }
	    END { exit bad }' "$pdf.fonts"; then
		ok "$name: fonts embedded, subset, with Unicode maps, no Type 3"
	else fail "$name: fonts embedded, subset, with Unicode maps, no Type 3"; cat "$pdf.fonts"; fi
	if grep -q "NotoSerifCJK" "$pdf.fonts" && grep -q "NotoSansCJK" "$pdf.fonts"; then
		ok "$name: 明朝 and ゴシック (Noto Serif / Sans CJK JP)"
	else fail "$name: 明朝 and ゴシック (Noto Serif / Sans CJK JP)"; cat "$pdf.fonts"; fi

	n=$(pages "$pdf")
	pdfinfo -isodates -f 1 -l "$n" "$pdf" > "$pdf.info"
	if [ "$(grep -c '^Page *[0-9]* size: *595.276 x 841.89 pts (A4)' "$pdf.info")" = "$n" ]; then
		ok "$name: every page A4 ($n pages)"; else fail "$name: every page A4 ($n pages)"; fi
	is "$name: Title is the manual's title" "$(sed -n 's/^Title: *//p' "$pdf.info")" "$(py attr "$xml" title)"
	is "$name: Author is the organization" "$(sed -n 's/^Author: *//p' "$pdf.info")" "$(py attr "$xml" organization)"
	contains "$name: tagged" "$pdf.info" "Tagged:          yes"
	lacks "$name: not encrypted" "$pdf.info" "Encrypted:       yes"
	qpdf --qdf --object-streams=disable "$pdf" "$pdf.qdf" 2>/dev/null
	contains "$name: /Lang ja-JP" "$pdf.qdf" "/Lang (ja-JP)"
	pdfinfo -struct "$pdf" > "$pdf.struct" 2>&1
	roles=$(awk '{ print $1 }' "$pdf.struct" | sort -u | tr '\n' ' ')
	if [ "$(head -1 "$pdf.struct")" = "Document" ] && ! grep -q "Warning\|Error" "$pdf.struct" &&
	    (for r in H1 H2 H3 TOC TOCI Table TR TH TD P Link; do
		echo " $roles" | grep -q " $r " || exit 1; done); then
		ok "$name: tagged structure: Document, H1–H3, TOC, Table, Link"
	else fail "$name: tagged structure: Document, H1–H3, TOC, Table, Link (has: $roles)"; fi
	want=$(git -C "$REPO" show -s --format=%cd --date=format:'%Y%m%d%H%M%S%z' "$REV" |
	    sed "s/\(..\)\(..\)\$/\1'\2'/")
	contains "$name: CreationDate is the source commit's time" "$pdf.qdf" "/CreationDate (D:$want)"
	contains "$name: ModDate is the source commit's time" "$pdf.qdf" "/ModDate (D:$want)"

	# The text: every run of Markdown text, in order, in the pages' bodies.
	pdftotext -enc UTF-8 "$pdf" "$pdf.txt"
	lacks "$name: no U+FFFD in the text" "$pdf.txt" "$(printf '\357\277\275')"
	body "$pdf" "$pdf.body"
	py runs "$xml" > "$pdf.want"
	missing=$(awk 'NR == FNR { body = $0; next }
	    { i = index(substr(body, pos), $0)
	      if (i == 0) { print FNR ": " $0; exit }
	      pos += i + length($0) - 1 }' "$pdf.body" pos=1 "$pdf.want")
	if [ -s "$pdf.want" ] && [ -z "$missing" ]; then
		ok "$name: all Markdown text, in order ($(wc -l < "$pdf.want") runs)"
	else fail "$name: all Markdown text, in order (missing $missing)"; fi

	# Footer: 「X / Y」 on every page after the cover, X the page's own
	# number, Y the last.
	i=2; bad=""
	while [ "$i" -le "$n" ]; do
		page_text "$pdf" $i > "$pdf.page$i"
		f=$(pdftotext -enc UTF-8 -layout -f $i -l $i "$pdf" - |
		    sed -n 's|.* \([0-9][0-9]*\) */ *\([0-9][0-9]*\) *$|\1/\2|p' | tail -1)
		[ "$f" = "$i/$n" ] || bad="$bad $i:$f"
		i=$((i + 1))
	done
	if [ -z "$bad" ]; then ok "$name: footer X / Y on pages 2–$n"; else fail "$name: footer X / Y ($bad)"; fi
	classification=$(py attr "$xml" classification-label)
	if [ "$(grep -l "【$classification】" "$pdf".page* | wc -l)" = "$((n - 1))" ]; then
		ok "$name: 【$classification】 in every page's header"
	else fail "$name: 【$classification】 in every page's header"; fi

	# Table of contents: the entries of the pages from 目次 on, each the
	# page where a line is that title.
	: > "$pdf.toc"
	i=2
	while [ "$i" -le "$n" ] && [ "$i" -le 8 ]; do
		# entries: "title  N" (the dots are drawn, not text); the last is the appendix
		pdftotext -enc UTF-8 -layout -f $i -l $i "$pdf" - |
		    sed -n 's/^ *\(.*[^ ]\)  *\([0-9][0-9]*\) *$/\1|\2/p' |
		    sed 's/[[:space:]　]//g' | grep -v '/' >> "$pdf.toc"
		grep -q '^付録規則との対応表|' "$pdf.toc" && break
		i=$((i + 1))
	done
	tocend=$i
	entries=0; bad=""
	while IFS='|' read -r title num; do
		entries=$((entries + 1))
		j=$((tocend + 1)); found=""
		while [ "$j" -le "$n" ]; do
			if grep -qxF -- "$title" "$pdf.page$j"; then found=$j; break; fi
			j=$((j + 1))
		done
		[ "$found" = "$num" ] || bad="$bad $title:$num/$found"
	done < "$pdf.toc"
	if [ "$entries" -ge 5 ] && [ -z "$bad" ]; then
		ok "$name: table of contents page numbers are the headings' pages ($entries entries)"
	else fail "$name: table of contents page numbers are the headings' pages ($entries entries;$bad)"; fi
	qpdf --json --json-key=outlines "$pdf" > "$pdf.outlines" 2>/dev/null
	if [ "$(grep -c '"title"' "$pdf.outlines")" -ge "$entries" ]; then
		ok "$name: bookmarks for every heading"
	else fail "$name: bookmarks for every heading ($(grep -c '"title"' "$pdf.outlines") < $entries)"; fi
	if [ "$(grep -ac '/Subtype /Link' "$pdf.qdf")" -ge "$entries" ]; then ok "$name: internal links"
	else fail "$name: internal links"; fi

	# Japanese line breaking: no line starts with a closing mark or small
	# kana, none ends with an opening bracket.
	pdftotext -enc UTF-8 -bbox-layout "$pdf" - |
	    awk '/<line/ { s = "" } /<word/ { sub(/^[^>]*>/, ""); sub(/<\/word>.*/, ""); s = s $0 }
	    /<\/line>/ { print s }' > "$pdf.lines"
	if [ "$(wc -l < "$pdf.lines")" -ge 100 ] &&
	    ! grep -q '^[。、，．」』）】〕ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ？！]' "$pdf.lines" &&
	    ! grep -q '[「『（【〔]$' "$pdf.lines"; then
		ok "$name: no line starts with 。、」）ー or a small kana, none ends with 「（"
	else
		fail "$name: no line starts with 。、」）ー or a small kana, none ends with 「（"
		grep -n '^[。、，．」』）】〕ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ？！]\|[「『（【〔]$' "$pdf.lines" | head -5
	fi
}

# draft_mark NAME PDF yes|no: the mark 「未承認（ドラフト）」 in the text of
# every page (header, cover) and a watermark drawn on every page — or neither.
draft_mark() {
	n=$(pages "$2"); i=1; with=0
	while [ "$i" -le "$n" ]; do
		pdftotext -enc UTF-8 -f $i -l $i "$2" - | tr -d ' \n' | grep -q '未承認（ドラフト）' && with=$((with + 1))
		i=$((i + 1))
	done
	wm=$(py watermark "$2")
	if [ "$3" = yes ]; then
		is "$1: 「未承認（ドラフト）」 on every page" "$with" "$n"
		is "$1: draft watermark on every page" "$wm" "$n"
	else
		is "$1: no 「未承認（ドラフト）」" "$with" 0
		is "$1: no draft watermark" "$wm" 0
	fi
}

# ------------------------------------------------------------------------
# The sample, at one revision (others may commit meanwhile).
REPO=$ROOT
REV=$(git -C "$ROOT" rev-parse HEAD)
"$KITEI" -C "$ROOT/policies" --rev "$REV" build -o "$WORK/out" --only html,pdf --emit-xml \
    > "$WORK/out.log" 2>&1
is "sample: build exits 0" "$?" 0
lacks "sample: the FO has nothing the typesetter does not know" "$WORK/out.log" "[fo-"
count=0
for xml in "$WORK"/out/manuals/*.xml; do
	id=$(basename "$xml" .xml)
	check_pdf "sample $id" "$WORK/out/manuals/$id.pdf" "$xml"
	if [ "$(py attr "$xml" draft)" = true ]; then
		draft_mark "sample $id" "$WORK/out/manuals/$id.pdf" yes
	else
		draft_mark "sample $id" "$WORK/out/manuals/$id.pdf" no
	fi
	count=$((count + 1))
done
is "sample: four manuals" "$count" 4
# The locale is really taken (KITEI_TEST_SETLOCALE: setlocale(LC_ALL, "")).
(cd "$WORK" && TZ=Asia/Tokyo KITEI_TEST_SETLOCALE=1 LC_ALL=de_DE.UTF-8 "$KITEI" -C "$ROOT/policies" --rev "$REV" build \
    -o "$WORK/again" --only pdf > "$WORK/again.log" 2>&1)
for pdf in "$WORK"/out/manuals/*.pdf; do
	check "sample $(basename "$pdf"): two builds byte-identical" cmp "$pdf" "$WORK/again/manuals/$(basename "$pdf")"
done

# ------------------------------------------------------------------------
# The fixture: rules approved (第1版), changed and approved again (第2版,
# Effective later); draft never approved.
Y='山田 太郎 <yamada@example.co.jp>'
S='佐藤 花子 <sato@example.co.jp>'
REPO=$WORK/fixture
new_repo "$REPO"
cp -R "$ROOT/tests/fixtures/pdf/policies" "$REPO/policies"
cp "$ROOT/tests/fixtures/check/cat.xml" "$REPO/policies/cat.xml"
FIXTURE_DATE=2026-03-29
commit_all "$REPO" "制定"
tick
git -C "$REPO" commit -q --allow-empty -m "承認" -m "Approved-by: $Y
Approved-by: $S"
printf '\n2　外部監査の結果は、取締役会に報告する。\n' >> "$REPO/policies/rules/01-general.md"
commit_all "$REPO" "第5条に第2項（監査結果の報告）を追加"
tick
git -C "$REPO" commit -q --allow-empty -m "承認" -m "Approved-by: $Y
Approved-by: $S
Effective: 2026-05-01"
REV=$(git -C "$REPO" rev-parse HEAD)
"$KITEI" -C "$REPO/policies" build -o "$WORK/fx" --only html,pdf --emit-xml > "$WORK/fx.log" 2>&1
is "fixture: build exits 0" "$?" 0
lacks "fixture: the FO has nothing the typesetter does not know" "$WORK/fx.log" "[fo-"
R=$WORK/fx/manuals/rules.pdf
D=$WORK/fx/manuals/draft.pdf
is "fixture: rules is signed off at 第2版" "$(py attr "$WORK/fx/manuals/rules.xml" version)" 2
check_pdf "fixture rules" "$R" "$WORK/fx/manuals/rules.xml"
check_pdf "fixture draft" "$D" "$WORK/fx/manuals/draft.xml"
draft_mark "fixture rules (signed off)" "$R" no
draft_mark "fixture draft (never approved)" "$D" yes

# Cover, 附則, 改訂履歴 of the signed-off manual.
tr -d ' \n\f' < "$R.txt" > "$R.flat"
for s in 文書番号SR-101 版数第2版 制定日2026年3月31日 最終改定日2026年4月2日 施行日2026年5月1日 \
    所管部署システム部 機密区分社外秘 【社外秘】 テスト金融サービス仲介株式会社 \
    取締役会山田太郎2026年4月2日署名なし（不要） システム統括役員佐藤花子 \
    附則この規程は、2026年3月31日から施行する。 \
    附則（2026年4月2日改定）この改定は、2026年5月1日から施行する。 \
    版数改定日施行日改定内容承認者 第1版2026年3月31日（制定）2026年3月31日制定 \
    第2版2026年4月2日2026年5月1日第5条に第2項（監査結果の報告）を追加 \
    付録規則との対応表 要素区分項目・規則の文言対応箇所; do
	contains "fixture rules: $s" "$R.flat" "$s"
done
lacks "fixture rules: no stamp boxes" "$R.flat" "印"
tr -d ' \n\f' < "$D.txt" > "$D.flat"
contains "fixture draft: cover says no version yet" "$D.flat" "版数未承認（承認された版はまだありません）"
contains "fixture draft: the board's approval so far, marked pending" "$D.flat" "承認待ちの変更に対する承認（未完了）取締役会山田太郎"
contains "fixture draft: 改訂履歴 says no version yet" "$D.flat" "承認された版はまだありません。"
contains "fixture draft: 【関係者外秘】 for a crisis manual" "$D.flat" "【関係者外秘】"
lacks "fixture draft: no 附則 before approval" "$D.flat" "から施行する。"

# A verified signature (signoff.sh makes real ones) reads 署名検証済 on the cover and in 改訂履歴.
sed 's/signature="none"/signature="good"/' "$WORK/fx/manuals/rules.xml" > "$WORK/signed.xml"
if command -v xsltproc >/dev/null 2>&1; then
	xsltproc "$ROOT/templates/manual-fo.xsl" "$WORK/signed.xml" > "$WORK/signed.fo" 2>&1
	if [ "$(grep -o '署名検証済' "$WORK/signed.fo" | wc -l)" -ge 4 ]; then ok "signed approvals: 署名検証済 on the cover and in 改訂履歴"
	else fail "signed approvals: 署名検証済 on the cover and in 改訂履歴"; fi
	lacks "signed approvals: no 署名なし" "$WORK/signed.fo" "署名なし"
fi

# CommonMark: lists, quotes, code tagged; links keep their targets, code and labels are set.
for r in L LI Lbl BlockQuote Code; do
	if awk '{ print $1 }' "$R.struct" | grep -qx "$r"; then ok "fixture rules: $r in the structure"
	else fail "fixture rules: $r in the structure"; fi
done
contains "fixture rules: external link" "$R.qdf" "/URI (https://www.fsa.go.jp/)"
contains "fixture rules: mailto link" "$R.qdf" "/URI (mailto:csirt@example.co.jp)"
for s in '金融庁（https://www.fsa.go.jp/）' '$kiteicheck--release' '■年次の見直しを行った' '□研修資料を更新する' \
    '(1)システム障害' 'ア利用者の重要情報' '［図：システム構成図］' '第1行第2行（改行のあと）'; do
	contains "fixture rules: $s" "$R.flat" "$s"
done

# The 60-row table runs over pages and its header row starts each of them.
hdr=資産番号名称所管部署機密区分保存期間
tp=0; bad=""
i=1
while [ "$i" -le "$(pages "$R")" ]; do
	t=$(pdftotext -enc UTF-8 -raw -f $i -l $i "$R" - | tr -d ' \n\f')
	case $t in *PC-0[0-9][0-9]*)
		tp=$((tp + 1))
		before=${t%%PC-0[0-9][0-9]*}
		case $before in *"$hdr") ;; *) bad="$bad $i";; esac;;
	esac
	i=$((i + 1))
done
if [ "$tp" -ge 2 ] && [ -z "$bad" ]; then ok "fixture rules: the long table's header repeated on each of its $tp pages"
else fail "fixture rules: the long table's header repeated on each of its pages ($tp pages; not on$bad)"; fi
contains "fixture rules: the table's last row" "$R.flat" "PC-060"

# Same revision, same bytes (another folder, time zone and locale).
(cd / && TZ=America/New_York KITEI_TEST_SETLOCALE=1 LC_ALL=ja_JP.UTF-8 "$KITEI" -C "$REPO/policies" build -o "$WORK/fx2" --only pdf \
    > "$WORK/fx2.log" 2>&1)
check "fixture rules: two builds byte-identical" cmp "$R" "$WORK/fx2/manuals/rules.pdf"
check "fixture draft: two builds byte-identical" cmp "$D" "$WORK/fx2/manuals/draft.pdf"

# Built from the working tree: 未コミット in every header.
echo "作業中の追記。" >> "$REPO/policies/draft/01-crisis.md"
"$KITEI" -C "$REPO/policies" --worktree build -o "$WORK/wt" --only pdf > "$WORK/wt.log" 2>&1
W=$WORK/wt/manuals/draft.pdf
wn=$(pages "$W"); i=1; with=0
while [ "$i" -le "$wn" ]; do
	pdftotext -enc UTF-8 -f $i -l $i "$W" - | tr -d ' \n' | grep -q '未コミット' && with=$((with + 1))
	i=$((i + 1))
done
is "worktree: 未コミット on every page" "$with" "$wn"
exit 0
