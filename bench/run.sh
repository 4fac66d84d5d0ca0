#!/bin/sh
# make bench: kitei side by side with what a user would otherwise run, on
# generated workloads, in one table.  Each row gives the best wall time of
# a few runs of each command and its peak memory (GNU time's %M), and the
# ratio other/kitei (above 1: kitei is faster).
#   check    kitei check on 1,000 documents (bench/check.sh's policy root)
#   html     the same 1,000 documents to HTML: kitei build --only html
#            against pandoc -f gfm -t html and the cmark-gfm command, each
#            given all the files in one run (what kitei does in one run too)
#   history  20,000 commits (bench/history.sh's repository): the history
#            walk of kitei history against git log --name-status -M
#   pdf      a manual of about 200 pages: kitei build --only pdf (Markdown to
#            PDF, typesetting included) against WeasyPrint rendering the
#            same manual from kitei's own HTML; and the typesetter alone on
#            bench/typeset.sh's FO
# The comparison tools are installed with apt-get when missing (said so).
# Usage: sh bench/run.sh      BENCH_DIR keeps the workloads between runs.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KITEI=$ROOT/kitei
W=${BENCH_DIR:-${TMPDIR:-/tmp}/kitei-bench}
RUNS=${BENCH_RUNS:-3}
# WeasyPrint takes minutes on 200 pages: once is enough.
SLOW_RUNS=${BENCH_SLOW_RUNS:-1}
mkdir -p "$W"
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1

# need PACKAGE COMMAND: installs the Debian package when COMMAND is missing.
need() {
	command -v "$2" >/dev/null 2>&1 && return 0
	echo "bench: installing the Debian package $1 (for $2, a comparison in the table)" >&2
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
	    --no-install-recommends "$1" >&2 || {
		$sudo apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
		    --no-install-recommends "$1" >&2
	}
}
need time /usr/bin/time
need pandoc pandoc
need cmark-gfm cmark-gfm
need weasyprint weasyprint
need poppler-utils pdfinfo
make -s kitei tests/tools/history_dump tests/tools/fo2pdf >/dev/null

# measure NAME N COMMAND...: runs the command N times (after one warm-up
# run when N > 1); NAME.t gets the best wall time in seconds, NAME.m the
# highest peak RSS in MB.  A failing command is reported and stops the bench.
measure() {
	name=$1; n=$2; shift 2
	[ "$n" -gt 1 ] && { "$@" > /dev/null 2> "$W/$name.err" || true; }
	best=""; rss=0; k=0
	while [ $k -lt "$n" ]; do
		k=$((k + 1))
		t0=$(date +%s%N)
		if ! /usr/bin/time -f %M -o "$W/$name.rss" "$@" > /dev/null 2> "$W/$name.err"; then
			st=$(sed -n 's/.*exited with non-zero status \([0-9]*\).*/\1/p' "$W/$name.rss")
			# kitei check and build exit 1 on findings; that is a result.
			if [ "${st:-0}" -ge 2 ]; then
				echo "bench: $name failed (exit $st): $*" >&2
				tail -5 "$W/$name.err" >&2
				exit 1
			fi
		fi
		t1=$(date +%s%N)
		d=$((t1 - t0))
		m=$(tail -1 "$W/$name.rss")
		if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
		[ "$m" -gt "$rss" ] && rss=$m
	done
	awk -v d="$best" 'BEGIN { printf "%.3f\n", d / 1e9 }' > "$W/$name.t"
	awk -v m="$rss" 'BEGIN { printf "%.0f\n", m / 1024 }' > "$W/$name.m"
}

# row TASK KITEI-NAME OTHER-NAME OTHER-LABEL: one line of the table.
row() {
	kt=$(cat "$W/$2.t"); km=$(cat "$W/$2.m")
	ot=$(cat "$W/$3.t"); om=$(cat "$W/$3.m")
	awk -v task="$1" -v kt="$kt" -v km="$km" -v o="$4" -v ot="$ot" -v om="$om" 'BEGIN {
		printf "%-9s %8.3f s %6d MB   %-26s %8.3f s %6d MB   %6.2f\n",
		    task, kt, km, o, ot, om, (kt > 0 ? ot / kt : 0) }' >> "$W/table"
}

# ---- check and html: 1,000 documents ---------------------------------------
echo "bench: workloads in $W" >&2
BENCH_DIR=$W/check sh bench/check.sh 1000 >&2
P=$W/check/p
measure check "$RUNS" "$KITEI" -C "$P" check
measure html "$RUNS" "$KITEI" -C "$P" build --only html -o "$W/out-html"
measure pandoc "$RUNS" pandoc -f gfm -t html -o "$W/pandoc.html" $(ls "$P"/docs/*.md)
measure cmark "$RUNS" cmark-gfm -e table -e strikethrough -e autolink -e tasklist \
    $(ls "$P"/docs/*.md)

# ---- history: 20,000 commits ---------------------------------------------------
BENCH_DIR=$W/history sh bench/history.sh 20000 >&2
REPO=$W/history/repo.git
measure hist "$RUNS" tests/tools/history_dump "$REPO" policies
measure gitlog "$RUNS" git -C "$REPO" log --name-status -M -- policies/

# ---- pdf: a manual of about 200 pages -------------------------------------------
PDFDOCS=${BENCH_PDF_DOCS:-40}
Q=$W/pdf
if [ ! -f "$Q/.done-$PDFDOCS" ]; then
	rm -rf "$Q"
	mkdir -p "$Q/p/docs"
	git init -q -b main "$Q"
	cat > "$Q/p/kitei.yml" <<'YML'
organization: ベンチマーク株式会社
catalog: system-risk-rules
manuals:
  - id: manual
    title: システムリスク管理規程（ベンチマーク）
    kind: crisis
    documents: [docs/*.md]
YML
	ids=$("$KITEI" catalog --format json | python3 -c 'import json,sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["elements"]))')
	python3 - "$Q/p/docs" "$PDFDOCS" $ids <<'PY'
import sys
out, n, ids = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
p1 = ("当社は、金融サービス仲介業者として、システムリスクを適切に管理するため、この規程を定める。"
      "システムリスクとは、コンピュータシステムのダウン又は誤作動等のシステムの不備等に伴い、"
      "顧客又は当社が損失を被るリスクをいう。")
p2 = ("クラウドサービス（Amazon Web Services、Microsoft 365 等）を利用する場合には、委託先の管理態勢を確認し、"
      "ISO/IEC 27001 認証の有無、SOC 2 Type II 報告書の内容及びデータの保管場所を評価する。")
p3 = ("システムリスク管理責任者は、年1回以上、リスク評価を実施し、その結果を取締役会に報告する。"
      "評価に当たっては「重大な障害」「軽微な障害」の区分に従って影響度を判定する。")
k = 0
for i in range(n):
    with open(f"{out}/ch{i:03d}.md", "w") as f:
        f.write(f"---\ntitle: 第{i+1}章 管理の手続\nowner: システム部\n---\n# 第{i+1}章 管理の手続\n\n")
        for s in range(6):
            f.write(f"## {i+1}.{s+1} 手続の細目\n")
            if k < len(ids) and s < 3:
                f.write(f"<!-- covers: {ids[k]} -->\n")
                k += 1
            for para in (p1 + p3 + p2, p3 + p1 + p1, p2 + p3 + p1):
                f.write(para + "\n\n")
            f.write("- 手順書を整備し、年1回見直す。\n- 記録を5年間保存する。\n- 訓練を年2回実施する。\n\n")
        f.write("| 番号 | 内容 |\n|---|---|\n")
        for r in range(8):
            f.write(f"| R-{r+1:03d} | 障害発生時の連絡体制及び復旧手順の確認（第{r+1}項） |\n")
        f.write("\n")
PY
	git -C "$Q" add -A
	GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@x GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@x \
	    git -C "$Q" commit -q -m "generated"
	touch "$Q/.done-$PDFDOCS"
fi
"$KITEI" -C "$Q/p" build --only html -o "$W/pdf-html" > /dev/null 2>&1 || true
measure pdf "$RUNS" "$KITEI" -C "$Q/p" build --only pdf -o "$W/pdf-out"
measure weasy "$SLOW_RUNS" weasyprint "$W/pdf-html/manuals/manual.html" "$W/weasy.pdf"
kpages=$(pdfinfo "$W/pdf-out/manuals/manual.pdf" | awk '/^Pages:/ { print $2 }')
wpages=$(pdfinfo "$W/weasy.pdf" | awk '/^Pages:/ { print $2 }')
# The typesetter alone, on bench/typeset.sh's FO (about 200 pages).
sh bench/typeset.sh > "$W/typeset.txt" 2>&1 || true
measure fo "$RUNS" tests/tools/fo2pdf "${TMPDIR:-/tmp}/kitei-bench-typeset/bench.fo" "$W/fo.pdf"
fpages=$(pdfinfo "$W/fo.pdf" | awk '/^Pages:/ { print $2 }')

# ---- the table ---------------------------------------------------------------
: > "$W/table"
row html html pandoc "pandoc -f gfm -t html"
row html html cmark "cmark-gfm"
row history hist gitlog "git log --name-status -M"
row pdf pdf weasy "WeasyPrint (our HTML)"
echo
echo "kitei $(git describe --always --dirty 2>/dev/null || echo '?') on $(nproc) cores, $(date -u +%Y-%m-%d), best of $RUNS runs each (WeasyPrint: $SLOW_RUNS)"
printf "%-9s %10s %9s   %-26s %10s %9s   %6s\n" task kitei peak other "" peak ratio
awk -v t="$(cat "$W/check.t")" -v m="$(cat "$W/check.m")" 'BEGIN {
	printf "%-9s %8.3f s %6d MB   %-26s %10s %9s   %6s\n", "check", t, m,
	    "(nothing comparable)", "-", "-", "-" }'
cat "$W/table"
echo
echo "ratio = other / kitei wall time (above 1: kitei is faster)."
echo "check, html: 1,000 documents; pandoc and cmark-gfm get all of them in one run."
echo "history: $(git -C "$REPO" rev-list --count HEAD) commits; kitei = the walk and text output of kitei history."
echo "pdf: kitei build --only pdf (parse, XSLT, typeset) $kpages pages; WeasyPrint on kitei's HTML of the same manual $wpages pages:" \
    "$(awk -v p="$kpages" -v t="$(cat "$W/pdf.t")" 'BEGIN { printf "%.0f", p / t }') vs" \
    "$(awk -v p="$wpages" -v t="$(cat "$W/weasy.t")" 'BEGIN { printf "%.0f", p / t }') pages/s."
echo "typesetter alone (fo2pdf, bench/typeset.sh's FO): $fpages pages in $(cat "$W/fo.t") s," \
    "$(awk -v p="$fpages" -v t="$(cat "$W/fo.t")" 'BEGIN { printf "%.0f", p / t }') pages/s, peak $(cat "$W/fo.m") MB."
