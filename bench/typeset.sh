#!/bin/sh
# Times the typesetter on a generated manual of about 200 dense A4 pages:
# a TOC with citations, 33 chapters of Japanese text with some Latin, lists
# and a table per chapter, running header and "X / Y" footer, watermark.
# Prints pages per second (wall clock, and CPU time: the wall clock of a busy
# machine says little) and peak memory (GNU time, Debian package "time").
# Usage: sh bench/typeset.sh [chapters]   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
chapters=${1:-33}
out=${TMPDIR:-/tmp}/kitei-bench-typeset
mkdir -p "$out"
[ -x tests/tools/fo2pdf ] || make --no-print-directory tests/tools/fo2pdf >/dev/null

awk -v chapters="$chapters" 'BEGIN {
	p1 = "当社は、金融サービス仲介業者として、システムリスクを適切に管理するため、この規程を定める。システムリスクとは、コンピュータシステムのダウン又は誤作動等のシステムの不備等に伴い、顧客又は当社が損失を被るリスク、さらにコンピュータが不正に使用されることにより顧客又は当社が損失を被るリスクをいう。"
	p2 = "クラウドサービス（Amazon Web Services、Microsoft 365 等）を利用する場合には、委託先の管理態勢を確認し、ISO/IEC 27001 認証の有無、SOC 2 Type II 報告書の内容、データの保管場所及び契約終了時のデータ消去の方法を評価する。"
	p3 = "システムリスク管理責任者は、年1回以上、リスク評価を実施し、その結果を取締役会に報告する。評価に当たっては「重大な障害」「軽微な障害」の区分に従って影響度を判定し、必要な対策を講じるものとする。"
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" xmlns:kfo=\"urn:x-kitei:fo:1\" font-family=\"serif\" font-size=\"10.5pt\" line-height=\"1.7\">"
	print "<fo:layout-master-set><fo:simple-page-master master-name=\"p\" page-width=\"210mm\" page-height=\"297mm\" margin=\"12mm 20mm\"><fo:region-body margin-top=\"14mm\" margin-bottom=\"14mm\"/><fo:region-before extent=\"10mm\"/><fo:region-after extent=\"10mm\"/></fo:simple-page-master></fo:layout-master-set>"
	print "<fo:bookmark-tree>"
	for (c = 1; c <= chapters; c++)
		printf "<fo:bookmark internal-destination=\"c%d\"><fo:bookmark-title>第%d章　管理の手続</fo:bookmark-title></fo:bookmark>\n", c, c
	print "</fo:bookmark-tree>"
	print "<fo:page-sequence master-reference=\"p\" id=\"seq\" kfo:watermark=\"未承認（ドラフト）\">"
	print "<fo:static-content flow-name=\"xsl-region-before\"><fo:block font-family=\"sans-serif\" font-size=\"8pt\" border-bottom=\"0.5pt solid #999\">システムリスク管理規程　【社外秘】<fo:leader leader-pattern=\"space\"/><fo:retrieve-marker retrieve-class-name=\"ch\" retrieve-position=\"first-including-carryover\"/></fo:block></fo:static-content>"
	print "<fo:static-content flow-name=\"xsl-region-after\"><fo:block font-family=\"sans-serif\" font-size=\"8pt\" text-align=\"center\"><fo:page-number/> / <fo:page-number-citation-last ref-id=\"seq\"/></fo:block></fo:static-content>"
	print "<fo:flow flow-name=\"xsl-region-body\">"
	print "<fo:block font-family=\"sans-serif\" font-size=\"16pt\" font-weight=\"bold\" kfo:role=\"H1\" space-after=\"12pt\">目次</fo:block>"
	for (c = 1; c <= chapters; c++)
		printf "<fo:block text-align-last=\"justify\"><fo:basic-link internal-destination=\"c%d\">第%d章　管理の手続</fo:basic-link><fo:leader leader-pattern=\"dots\"/><fo:page-number-citation ref-id=\"c%d\"/></fo:block>\n", c, c, c
	for (c = 1; c <= chapters; c++) {
		printf "<fo:block id=\"c%d\" break-before=\"page\" kfo:role=\"H1\" font-family=\"sans-serif\" font-size=\"16pt\" font-weight=\"bold\" space-after=\"9pt\" keep-with-next=\"always\"><fo:marker marker-class-name=\"ch\">第%d章　管理の手続</fo:marker>第%d章　管理の手続</fo:block>\n", c, c, c
		for (s = 1; s <= 6; s++) {
			printf "<fo:block kfo:role=\"H2\" font-family=\"sans-serif\" font-weight=\"bold\" space-before=\"9pt\" space-after=\"4pt\" keep-with-next=\"always\">%d.%d　手続の細目</fo:block>\n", c, s
			for (k = 0; k < 3; k++)
				printf "<fo:block text-indent=\"1em\" space-after=\"4pt\" text-align=\"justify\">%s%s%s</fo:block>\n", (k == 0 ? p1 : k == 1 ? p3 : p2), p3, p1
		}
		print "<fo:list-block provisional-distance-between-starts=\"2em\">"
		for (k = 1; k <= 4; k++)
			printf "<fo:list-item><fo:list-item-label end-indent=\"label-end()\"><fo:block>(%d)</fo:block></fo:list-item-label><fo:list-item-body start-indent=\"body-start()\"><fo:block>%s</fo:block></fo:list-item-body></fo:list-item>\n", k, p3
		print "</fo:list-block>"
		print "<fo:table space-before=\"6pt\"><fo:table-column column-width=\"25mm\"/><fo:table-column column-width=\"proportional-column-width(1)\"/><fo:table-header background-color=\"#e8eef5\"><fo:table-row><fo:table-cell border=\"0.5pt solid #666\" padding=\"2pt\"><fo:block>番号</fo:block></fo:table-cell><fo:table-cell border=\"0.5pt solid #666\" padding=\"2pt\"><fo:block>内容</fo:block></fo:table-cell></fo:table-row></fo:table-header><fo:table-body>"
		for (k = 1; k <= 12; k++)
			printf "<fo:table-row><fo:table-cell border=\"0.5pt solid #666\" padding=\"2pt\"><fo:block>R-%03d</fo:block></fo:table-cell><fo:table-cell border=\"0.5pt solid #666\" padding=\"2pt\"><fo:block>障害発生時の連絡体制及び復旧手順の確認（第%d項）</fo:block></fo:table-cell></fo:table-row>\n", k, k
		print "</fo:table-body></fo:table>"
	}
	print "</fo:flow></fo:page-sequence></fo:root>"
}' > "$out/bench.fo"

tests/tools/fo2pdf "$out/bench.fo" "$out/warm.pdf" 2>/dev/null	# warm the page cache
if [ -x /usr/bin/time ]; then
	/usr/bin/time -v tests/tools/fo2pdf "$out/bench.fo" "$out/bench.pdf" \
	    2> "$out/time.txt"
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":");
	    s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$out/time.txt")
	user=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 }
	    END { print u + s }' "$out/time.txt")
	rss=$(awk -F': ' '/Maximum resident/ { print $2 }' "$out/time.txt")
else
	start=$(date +%s.%N)
	tests/tools/fo2pdf "$out/bench.fo" "$out/bench.pdf" 2>/dev/null
	secs=$(echo "$(date +%s.%N) - $start" | bc)
	user=$secs
	rss="?"
fi
pages=$(pdfinfo "$out/bench.pdf" | awk '/^Pages:/ { print $2 }')
size=$(wc -c < "$out/bench.pdf")
awk -v p="$pages" -v s="$secs" -v u="$user" -v r="$rss" -v z="$size" 'BEGIN {
	printf "typeset: %d pages in %.2f s wall, %.2f s CPU: %.0f pages/s wall, %.0f pages/s CPU; peak RSS %s kB; %d bytes\n",
	    p, s, u, p / s, p / u, r, z }'
