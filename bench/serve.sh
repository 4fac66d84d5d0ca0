#!/bin/sh
# kitei serve: edit → reloaded HTML page.  Starts kitei serve on a copy of
# the sample (a local clone of this repository, policies/) and on a
# generated root of 1,000 documents (one manual), then makes EDITS edits
# (default 20), one every half second, each appending a unique line to one
# document, and times from just before the write to the moment the page's
# new HTML has been read back: the Server-Sent Event that announces the
# rebuild, then the GET of the manual page that holds the new line (what a
# browser's reload does).  Prints the median and the range beside issue
# 14's targets (≤ 100 ms sample, ≤ 200 ms for 1,000 documents).
# Usage: sh bench/serve.sh [EDITS]    BENCH_DIR keeps the workloads.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KITEI=$ROOT/kitei
EDITS=${1:-20}
W=${BENCH_DIR:-${TMPDIR:-/tmp}/kitei-bench}/serve
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1
make -s kitei > /dev/null
mkdir -p "$W"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@x GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@x

# The sample: a clone, so that edits never touch this checkout.
rm -rf "$W/sample"
git clone -q --no-hardlinks "$ROOT" "$W/sample"

# 1,000 documents in one manual (as bench/check.sh makes them).
N=1000
G=$W/gen$N
if [ ! -f "$G/.done" ]; then
	rm -rf "$G"
	mkdir -p "$G/p/docs"
	git init -q -b main "$G"
	cat > "$G/p/kitei.yml" <<'YML'
organization: ベンチマーク株式会社
catalog: system-risk-rules
manuals:
  - id: all
    title: 全規程
    kind: crisis
    documents: [docs/*.md]
YML
	ids=$("$KITEI" catalog --format json | python3 -c 'import json,sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["elements"]))')
	python3 - "$G/p/docs" "$N" $ids <<'PY'
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
                    "外部委託先の監督、バックアップ及び障害時の報告態勢を整備する。\n\n")
PY
	git -C "$G" add -A
	git -C "$G" commit -q -m generated
	touch "$G/.done"
fi

# measure NAME ROOT FILE PAGE: prints "NAME median min max" in ms.
measure() {
	python3 - "$KITEI" "$2" "$3" "$4" "$EDITS" "$1" <<'PY'
import http.client, os, re, signal, statistics, subprocess, sys, time
kitei, root, doc, page, edits, name = sys.argv[1:7]
edits = int(edits)
p = subprocess.Popen([kitei, "serve", "--port", "0"], cwd=root,
                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = p.stdout.readline()
port = int(re.search(r"127\.0\.0\.1:(\d+)", line).group(1))
sse = http.client.HTTPConnection("127.0.0.1", port)
sse.request("GET", "/_kitei/events")
ev = sse.getresponse()
def next_gen():
    while True:
        l = ev.fp.readline().decode()
        if l.startswith("data: "):
            return int(l[6:])
gen = next_gen()
path = os.path.join(root, doc)
times = []
for i in range(edits + 1):
    mark = f"ベンチ編集{i}番-{time.time_ns()}"
    t0 = time.monotonic()
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n{mark}\n")
    while True:
        gen = next_gen()
        c = http.client.HTTPConnection("127.0.0.1", port)
        c.request("GET", page)
        body = c.getresponse().read().decode()
        c.close()
        if mark in body:
            break
    t1 = time.monotonic()
    if i > 0:                      # the first edit warms the caches
        times.append((t1 - t0) * 1000)
    time.sleep(0.5)
p.send_signal(signal.SIGINT)
rc = p.wait()
print(f"{name} {statistics.median(times):.0f} {min(times):.0f} {max(times):.0f} {rc}")
PY
}

s=$(measure sample "$W/sample/policies" security/02-access-control.md /manuals/security.html)
g=$(measure gen$N "$G/p" docs/doc00500.md /manuals/all.html)
printf '%-44s %10s %10s %12s\n' "serve: edit → reloaded HTML page (median)" "kitei" "target" "range"
echo "$s" | awk '{printf "%-44s %7d ms %7s ms %5d–%d ms\n", "sample (4 manuals)", $2, "≤ 100", $3, $4}'
echo "$g" | awk '{printf "%-44s %7d ms %7s ms %5d–%d ms\n", "1,000 documents (one manual)", $2, "≤ 200", $3, $4}'
