# End-to-end checks of the typesetter (generator/typeset/) through
# tests/tools/fo2pdf on the hand-written FO in tests/fixtures/fo/.
. "$ROOT/tests/lib.sh"

FO2PDF=$ROOT/tests/tools/fo2pdf
FIX=$ROOT/tests/fixtures/fo
if [ ! -x "$FO2PDF" ]; then
	make -C "$ROOT" --no-print-directory tests/tools/fo2pdf >/dev/null 2>&1
fi
for t in qpdf pdffonts pdfinfo pdftotext xmllint; do
	command -v $t >/dev/null 2>&1 || { fail "$t missing (apt-get install qpdf poppler-utils libxml2-utils)"; exit 0; }
done

# fo_texts XPATH FILE: the string value of each node XPATH selects, one a line.
fo_texts() {
	n=$(xmllint --xpath "count($1)" "$2")
	k=1
	while [ "$k" -le "$n" ]; do
		xmllint --xpath "normalize-space(($1)[$k])" "$2"	# ends in a line feed
		k=$((k + 1))
	done
}

pdf=$WORK/manual.pdf
"$FO2PDF" "$FIX/manual.fo" "$pdf" 2> "$WORK/manual.diag"
rc=$?
if [ $rc -eq 0 ] && [ -s "$pdf" ]; then ok "manual.fo typesets"; else
	fail "manual.fo typesets (exit $rc)"; cat "$WORK/manual.diag"; exit 0; fi
if [ -s "$WORK/manual.diag" ]; then fail "manual.fo gives no diagnostics"; cat "$WORK/manual.diag"
else ok "manual.fo gives no diagnostics"; fi

# The file itself.
check "qpdf --check passes" qpdf --check "$pdf"
pdffonts "$pdf" | tail -n +3 > "$WORK/fonts"
if [ -s "$WORK/fonts" ] && ! grep -q "Type 3" "$WORK/fonts" &&
    awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad = 1 }
    END { exit bad }' "$WORK/fonts"; then
	ok "fonts embedded, subset, with Unicode maps, no Type 3"
else fail "fonts embedded, subset, with Unicode maps, no Type 3"; cat "$WORK/fonts"; fi
lacks "only Noto CJK fonts" "$WORK/fonts" "DejaVu"

pdfinfo -isodates "$pdf" > "$WORK/info"
contains "A4 pages" "$WORK/info" "595.276 x 841.89 pts (A4)"
contains "title" "$WORK/info" "kitei 組版テスト"
contains "author" "$WORK/info" "株式会社サンプル金融サービス"
contains "creation date from meta" "$WORK/info" "CreationDate:    2026-04-01T08:33:20+09"
contains "tagged" "$WORK/info" "Tagged:          yes"
lacks "not encrypted" "$WORK/info" "Encrypted:       yes"

qpdf --qdf --object-streams=disable "$pdf" "$WORK/qdf.pdf" 2>/dev/null
contains "/Lang ja-JP in the catalog" "$WORK/qdf.pdf" "/Lang (ja-JP)"
contains "PDF date form" "$WORK/qdf.pdf" "/CreationDate (D:20260401083320+09'00')"
contains "a structure tree" "$WORK/qdf.pdf" "/StructTreeRoot"
contains "headings tagged" "$WORK/qdf.pdf" "/S /H1"
contains "tables tagged" "$WORK/qdf.pdf" "/S /TH"
contains "external link" "$WORK/qdf.pdf" "/URI (https://www.jsda.or.jp/)"
if [ "$(grep -ac '/Subtype /Link' "$WORK/qdf.pdf")" -ge 9 ]; then ok "internal links from the TOC"
else fail "internal links from the TOC"; fi
pdfinfo -struct-text "$pdf" > "$WORK/struct" 2>&1
if [ "$(head -1 "$WORK/struct")" = "Document" ] && ! grep -q "Warning\|Error" "$WORK/struct"; then
	ok "structure tree under one Document element"
else fail "structure tree under one Document element"; head -3 "$WORK/struct"; fi
contains "paragraphs with links keep their text in the structure" "$WORK/struct" '"第1章　総則2"'
pdfinfo -dests "$pdf" > "$WORK/dests" 2>&1
contains "named destination for a heading" "$WORK/dests" "s3-1"
qpdf --json --json-key=outlines "$pdf" > "$WORK/outlines.json" 2>/dev/null
contains "bookmarks" "$WORK/outlines.json" "2.1　システムリスク管理責任者"

# Text: Japanese comes back, in the order of the FO.
pdftotext -enc UTF-8 "$pdf" "$WORK/all.txt"
lacks "no U+FFFD in the text" "$WORK/all.txt" "$(printf '\357\277\275')"
# The body of every page (header and footer cropped off), whitespace removed.
pages=$(awk '/^Pages:/ { print $2 }' "$WORK/info")
: > "$WORK/body.txt"
i=1
while [ "$i" -le "$pages" ]; do
	pdftotext -enc UTF-8 -raw -r 72 -f $i -l $i -x 0 -y 74 -W 595 -H 694 "$pdf" - |
	    sed 's/[[:space:]]//g' | tr -d '\n\f' >> "$WORK/body.txt"
	i=$((i + 1))
done
# One line per run of text in the flows, markers left out.
fo_texts '//*[local-name()="flow"]//text()[normalize-space()][not(ancestor::*[local-name()="marker"])]' \
    "$FIX/manual.fo" | sed 's/[[:space:]]//g' > "$WORK/want.txt"
missing=$(awk 'NR == FNR { body = $0; next }
    { i = index(substr(body, pos), $0)
      if (i == 0) { print $0; exit }
      pos += i + length($0) - 1 }' "$WORK/body.txt" pos=1 "$WORK/want.txt")
if [ -z "$missing" ]; then ok "all text of the FO, in order, in the PDF"
else fail "all text of the FO, in order, in the PDF (missing: $missing)"; fi

# Table of contents: each entry's number is the page label of its heading.
pdftotext -enc UTF-8 -layout -f 2 -l 2 "$pdf" - |
    sed -n 's/^ *\(.*[^ ]\)  *\([0-9][0-9]*\) *$/\1|\2/p' |
    sed 's/[[:space:]　]//g' > "$WORK/toc"
n=0; bad=""
while IFS='|' read -r title num; do
	[ -n "$title" ] || continue
	n=$((n + 1))
	i=3; found=""
	while [ "$i" -le "$pages" ]; do
		pdftotext -enc UTF-8 -layout -f $i -l $i "$pdf" - |
		    sed 's/[[:space:]　]//g' > "$WORK/page.txt"
		if grep -qx -- "$title" "$WORK/page.txt"; then
			found=$(sed -n 's|^\([0-9][0-9]*\)/[0-9][0-9]*$|\1|p' "$WORK/page.txt")
			break
		fi
		i=$((i + 1))
	done
	[ "$found" = "$num" ] || bad="$bad $title:$num/$found"
done < "$WORK/toc"
if [ "$n" -ge 9 ] && [ -z "$bad" ]; then ok "TOC page numbers match the headings ($n entries)"
else fail "TOC page numbers match the headings ($n entries;$bad)"; fi
last=$(sed -n 's|^ *\([0-9][0-9]*\) */ *\([0-9][0-9]*\) *$|\1 \2|p' "$WORK/all.txt" | tail -1)
if [ -n "$last" ] && [ "${last% *}" = "${last#* }" ]; then ok "footer X / Y ends at Y ($last)"
else fail "footer X / Y ends at Y ($last)"; fi
# Running header: the chapter of the page's first line (carried over).
pdftotext -enc UTF-8 -raw -r 72 -f 5 -l 5 -x 0 -y 0 -W 595 -H 74 "$pdf" - |
    sed 's/[[:space:]]//g' | tr -d '\n' > "$WORK/head5"
contains "running header from the chapter marker" "$WORK/head5" "第3章情報資産の管理"

# The long table repeats its header on the next page.
if [ "$(grep -c '^資産番号$' "$WORK/all.txt")" -ge 2 ]; then ok "table header repeated across pages"
else fail "table header repeated across pages"; fi

# A heading is never the last line of a page.
fo_texts '//*[local-name()="flow"]//*[local-name()="block"][starts-with(@*[local-name()="role"], "H")]/text()[normalize-space()][last()]' \
    "$FIX/manual.fo" | sed 's/[[:space:]]//g' > "$WORK/heads"
i=1; bad=""
while [ "$i" -le "$pages" ]; do
	l=$(pdftotext -enc UTF-8 -r 72 -f $i -l $i -x 0 -y 74 -W 595 -H 694 "$pdf" - |
	    sed 's/[[:space:]]//g' | grep -v '^$' | tail -1)
	if [ -n "$l" ] && grep -qxF -- "$l" "$WORK/heads" && [ $i -gt 2 ]; then bad="$bad $i"; fi
	i=$((i + 1))
done
if [ -z "$bad" ]; then ok "no heading ends a page"; else fail "no heading ends a page (pages$bad)"; fi

# Orphans, widows, headings: tests/fixtures/fo/keeps.fo leaves room for one
# line, three lines, one line at the bottom of pages 1, 3 and 5.
"$FO2PDF" "$FIX/keeps.fo" "$WORK/keeps.pdf" 2>/dev/null
for i in 1 2 3 4 5 6; do
	pdftotext -enc UTF-8 -f $i -l $i "$WORK/keeps.pdf" - | sed 's/[[:space:]]//g' |
	    tr -d '\n\f' > "$WORK/keeps.$i"
done
contains "orphans: a paragraph does not leave one line behind" "$WORK/keeps.2" "孤立行一孤立行二孤立行三孤立行四"
contains "widows: two lines stay on the page" "$WORK/keeps.3" "末尾行一末尾行二"
contains "widows: two lines go to the next page" "$WORK/keeps.4" "末尾行三末尾行四"
contains "a heading moves with its text" "$WORK/keeps.6" "見出し本文一"
lacks "a heading never ends a page" "$WORK/keeps.5" "見出し"

# A row taller than a page is split, its table header repeated above each part.
"$FO2PDF" "$FIX/tallrow.fo" "$WORK/tallrow.pdf" 2> "$WORK/tallrow.diag"
if [ ! -s "$WORK/tallrow.diag" ] && [ "$(pdfinfo "$WORK/tallrow.pdf" | awk '/^Pages:/ { print $2 }')" -ge 3 ]; then
	ok "tall row split over pages without warnings"
else fail "tall row split over pages without warnings"; cat "$WORK/tallrow.diag"; fi
pdftotext -enc UTF-8 -raw "$WORK/tallrow.pdf" - | sed 's/[[:space:]]//g' | tr -d '\n\f' > "$WORK/tallrow.txt"
contains "tall row: last sentence present" "$WORK/tallrow.txt" "第799文。"
tpages=$(pdfinfo "$WORK/tallrow.pdf" | awk '/^Pages:/ { print $2 }')
if [ "$(pdftotext -enc UTF-8 -raw "$WORK/tallrow.pdf" - | tr -d '\f' | grep -c '^項目 内容$')" -eq "$tpages" ]; then
	ok "tall row: header on every page"; else fail "tall row: header on every page"; fi

# A citation whose final number changes a line break: laid out again.
"$FO2PDF" "$FIX/relayout.fo" "$WORK/relayout.pdf" 2>/dev/null
pdftotext -enc UTF-8 -layout "$WORK/relayout.pdf" - | head -2 | sed 's/[[:space:]]//g' > "$WORK/relayout.txt"
contains "second pass: the citation's line set again" "$WORK/relayout.txt" "はひ2"
lacks "second pass: no line left over" "$WORK/relayout.txt" "次の段落次"

# Japanese line breaking: no line starts with a closing mark or small kana,
# none ends with an opening bracket.
kpdf=$WORK/kinsoku.pdf
"$FO2PDF" "$FIX/kinsoku.fo" "$kpdf" 2>/dev/null
for f in "$pdf" "$kpdf"; do
	pdftotext -enc UTF-8 -bbox-layout "$f" - |
	    awk '/<line/ { s = "" } /<word/ { sub(/^[^>]*>/, ""); sub(/<\/word>.*/, ""); s = s $0 }
	    /<\/line>/ { print s }' > "$f.lines"
done
if [ "$(wc -l < "$kpdf.lines")" -ge 100 ] &&
    ! grep -q '^[。、」）ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ]' "$kpdf.lines" "$pdf.lines" &&
    ! grep -q '[「（]$' "$kpdf.lines" "$pdf.lines"; then
	ok "no prohibited character starts or ends a line"
else
	fail "no prohibited character starts or ends a line"
	grep -n '^[。、」）ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ]\|[「（]$' "$kpdf.lines" "$pdf.lines" | head -5
fi

# Justified Japanese lines copy back without stray spaces.
pdftotext -enc UTF-8 "$kpdf" "$WORK/kinsoku.txt"
lacks "justified lines copy without spaces" "$WORK/kinsoku.txt" " "

# Nothing outside the page margins (18 mm sides, 12 mm top and bottom; pdftotext
# boxes reach the font's ascent, a little above the em box, and give a mark
# set half-width at the end of a line its full em).
pdftotext -bbox "$pdf" - | awk -F'"' '/<word/ {
    if ($2 < 50 || $6 > 551 || $4 < 30 || $8 > 812) { print; bad = 1 } }
    END { exit bad }' > "$WORK/outside" 
if [ $? -eq 0 ]; then ok "all text inside the margins"; else fail "all text inside the margins"; head -3 "$WORK/outside"; fi

# Same input, same bytes.
# The locale is really taken (KITEI_TEST_SETLOCALE: setlocale(LC_ALL, "")),
# and a decimal-comma one: LC_ALL alone would change nothing kitei reads.
(cd "$WORK" && TZ=America/New_York KITEI_TEST_SETLOCALE=1 LC_ALL=de_DE.UTF-8 \
    "$FO2PDF" "$FIX/manual.fo" again.pdf 2>/dev/null)
check "two runs byte-identical (other folder, time zone, locale de_DE)" cmp "$pdf" "$WORK/again.pdf"

# Bad input: warnings with FO lines, still a PDF, no crash.
"$FO2PDF" "$FIX/bad.fo" "$WORK/bad.pdf" 2> "$WORK/bad.diag"
rc=$?
if [ $rc -eq 0 ] && [ -s "$WORK/bad.pdf" ]; then ok "bad FO still typesets"; else fail "bad FO still typesets (exit $rc)"; fi
contains "unknown property warned with its line" "$WORK/bad.diag" "bad.fo:11: warning: unsupported FO property frobnicate ignored [fo-unsupported-property]"
contains "unknown element warned" "$WORK/bad.diag" "bad.fo:12: warning: unsupported FO element float ignored"
contains "dangling citation warned" "$WORK/bad.diag" "page-number-citation to unknown id 'missing'"
printf '<html/>' > "$WORK/notfo.xml"
expect_status "non-FO input is an error" 1 "$FO2PDF" "$WORK/notfo.xml" "$WORK/notfo.pdf"
exit 0
