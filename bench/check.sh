#!/bin/sh
# Times `kitei check` on a generated policy root of 1,000 documents (every
# catalog element covered, so the whole pipeline runs: git read, YAML, cmark,
# sections, coverage) and prints the time per run and per document, with peak
# memory.  Usage: sh bench/check.sh [DOCUMENTS]   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
N=${1:-1000}
DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/kitei-bench-check}
KITEI=$(pwd)/kitei
make -s kitei >/dev/null

if [ ! -f "$DIR/.done-$N" ]; then
	rm -rf "$DIR"
	mkdir -p "$DIR/p/docs"
	git init -q -b main "$DIR"
	cat > "$DIR/p/kitei.yml" <<'YML'
organization: ベンチマーク株式会社
catalog: system-risk-rules
manuals:
  - id: all
    title: 全規程
    kind: crisis
    documents: [docs/*.md]
YML
	# Element ids, handed out round-robin so that every one is covered.
	ids=$("$KITEI" catalog --format json | python3 -c 'import json,sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["elements"]))')
	python3 - "$DIR/p/docs" "$N" $ids <<'PY'
import sys
out, n, ids = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
k = 0
for i in range(n):
    with open(f"{out}/doc{i:05d}.md", "w") as f:
        f.write(f"---\ntitle: 規程 {i}\nowner: システム部\nvisibility: public\n---\n# 規程 {i}\n\n")
        for s in range(12):
            f.write(f"## 第{s+1}条（条項 {s}）\n")
            if s < 3:
                f.write(f"<!-- covers: {ids[k % len(ids)]} -->\n")
                k += 1
            f.write("当社は、システムリスク管理の基本方針に基づき、情報資産の管理、"
                    "外部委託先の監督、バックアップ及び障害時の報告態勢を整備する。"
                    "担当部署は年1回以上見直しを行い、その結果を取締役会に報告する。\n\n"
                    "- 手順書を整備する。\n- 記録を5年間保存する。\n\n")
PY
	git -C "$DIR" add -A
	GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@x GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@x \
	    git -C "$DIR" commit -q -m "generated"
	touch "$DIR/.done-$N"
fi

cd "$DIR/p"
"$KITEI" check > /dev/null || true
runs=5
start=$(date +%s.%N)
i=0
while [ $i -lt $runs ]; do "$KITEI" check > /dev/null || true; i=$((i + 1)); done
end=$(date +%s.%N)
rss=$(/usr/bin/time -f %M "$KITEI" check 2>&1 >/dev/null | tail -1)
awk -v s="$start" -v e="$end" -v r="$runs" -v n="$N" -v m="$rss" 'BEGIN {
	t = (e - s) / r
	printf "kitei check, %d documents: %.3f s a run (%.2f ms a document), peak RSS %.1f MB\n",
	    n, t, t * 1000 / n, m / 1024 }'
