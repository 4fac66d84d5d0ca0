#!/bin/sh
# Times the history stage against git itself on a generated repository:
# 20,000 commits (some merges and approvals), 300 documents under policies/
# and a thousand files outside it, with edits, adds, deletes and renames
# (half of them with an edit).  Runs `history_dump REPO policies` (the walk
# and text output of `kitei history`, with the libgit2 settings history.h asks
# main.c for) and `git log --name-status -M -- policies/` side by side, and
# prints the ratios of wall and CPU time.  Both start cold: a process each.
# Usage: sh bench/history.sh [COMMITS]
# BENCH_DIR keeps the generated repository (default $TMPDIR/kitei-bench-history).
set -eu
cd "$(dirname "$0")/.."
COMMITS=${1:-20000}
DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/kitei-bench-history}
REPO=$DIR/repo.git
TOOL=tests/tools/history_dump

make -s "$TOOL" >/dev/null

# The stream is made by awk (seeded, so the repository is the same each run)
# and fed to git fast-import: seconds, not the minutes 20,000 `git commit`s take.
if [ ! -f "$DIR/.done-$COMMITS" ]; then
	rm -rf "$DIR"
	mkdir -p "$DIR"
	git init -q --bare -b main "$REPO"
	awk -v commits="$COMMITS" '
	function doc(i) { return sprintf("policies/%s/doc%03d.md", dirs[i % 8], i) }
	function src(i) { return sprintf("src/mod%02d/file%04d.c", i % 40, i) }
	function body(name, rev,   s, k) {
		s = "# " name "\n\n"
		for (k = 0; k < 12; k++)
			s = s sprintf("第%d条 規程の本文 %s line %d of the text.\n", k + 1, name, k)
		return s "revision " rev "\n"
	}
	function blob(name, rev,   s) {
		s = body(name, rev)
		printf "M 100644 inline %s\ndata %d\n%s\n", name, length(s), s
	}
	function header(ref, msg, when) {
		printf "commit %s\nmark :%d\n", ref, ++mark
		printf "author Policy Owner <owner@example.co.jp> %d +0900\n", when
		printf "committer Policy Owner <owner@example.co.jp> %d +0900\n", when
		printf "data %d\n%s\n", length(msg), msg
	}
	BEGIN {
		srand(42)
		split("general security access network crisis vendor audit data", d, " ")
		for (k = 1; k <= 8; k++) dirs[k - 1] = d[k]
		ndocs = 300; nsrc = 1000; t = 1700000000
		header("refs/heads/main", "initial import", t)
		for (i = 0; i < ndocs; i++) { name[i] = doc(i); blob(name[i], 0) }
		for (i = 0; i < nsrc; i++) blob(src(i), 0)
		main = mark
		for (c = 1; c < commits; c++) {
			t += 600
			r = rand()
			if (c % 500 == 250) {
				# A side branch of two commits, merged back.
				printf "reset refs/heads/side\nfrom :%d\n", main
				header("refs/heads/side", "side: edit " c, t)
				i = int(rand() * ndocs); blob(name[i], c)
				header("refs/heads/side", "side: code " c, t + 1)
				blob(src(int(rand() * nsrc)), c)
				side = mark
				t += 600
				header("refs/heads/main", "Merge side " c "\n\nApproved-by: 山田 太郎 <yamada@example.co.jp>", t)
				printf "from :%d\nmerge :%d\n", main, side
				printf "M 100644 inline %s\ndata <<EOF\n%sEOF\n\n", name[i], body(name[i], c)
				blob(src(c % nsrc), c)
				main = mark
				continue
			}
			if (c % 1000 == 0) {
				header("refs/heads/main", "Approve revision " c "\n\nApproved-by: 山田 太郎 <yamada@example.co.jp>\nEffective: 2026-04-01", t)
				printf "from :%d\n", main
				main = mark
				continue
			}
			if (r < 0.40) {
				i = int(rand() * ndocs)
				header("refs/heads/main", "Edit " name[i], t)
				printf "from :%d\n", main
				blob(name[i], c)
			} else if (r < 0.41) {
				# A rename, half of them with an edit.
				i = int(rand() * ndocs)
				old = name[i]
				name[i] = sprintf("policies/%s/doc%03d-r%d.md", dirs[int(rand() * 8)], i, c)
				header("refs/heads/main", "Rename " old, t)
				printf "from :%d\n", main
				printf "R %s %s\n", old, name[i]
				if (rand() < 0.5) blob(name[i], c)
			} else if (r < 0.415) {
				i = int(rand() * ndocs)
				header("refs/heads/main", "Retire " name[i], t)
				printf "from :%d\n", main
				printf "D %s\n", name[i]
				name[i] = sprintf("policies/%s/new%03d-%d.md", dirs[i % 8], i, c)
				blob(name[i], c)
			} else {
				header("refs/heads/main", "Code change " c, t)
				printf "from :%d\n", main
				blob(src(int(rand() * nsrc)), c)
				if (rand() < 0.3) blob(src(int(rand() * nsrc)), c)
			}
			main = mark
		}
	}' | git -C "$REPO" fast-import --quiet
	git -C "$REPO" update-ref -d refs/heads/side 2>/dev/null || true
	touch "$DIR/.done-$COMMITS"
fi

echo "repository: $REPO ($(git -C "$REPO" rev-list --count HEAD) commits," \
    "$(git -C "$REPO" ls-tree -r --name-only HEAD policies | wc -l) documents)"

# Both commands print to /dev/null; a quick sanity check that they agree on
# which commits changed the policy root comes first.
kc=$("$TOOL" "$REPO" policies | grep -c '^commit ')
gc=$(git -C "$REPO" log --format=%H -- policies/ | wc -l)
echo "commits listed: kitei $kc (changes and approvals), git log $gc (changes)"

KITEI_CMD="$TOOL $REPO policies"
GIT_CMD="git -C $REPO log --name-status -M -- policies/"
if command -v hyperfine >/dev/null 2>&1; then
	hyperfine -N -w 2 -r 10 --export-json "$DIR/hyperfine.json" \
	    -n kitei "$KITEI_CMD" -n git "$GIT_CMD" >&2
	# Median wall time, and mean CPU time (user + system), which a busy
	# machine disturbs less.
	awk -F'[:,]' '
	    /"command"/ { gsub(/[ "]/, "", $2); c = $2 }
	    /"median"/ { med[c] = $2 }
	    /"user"/ { cpu[c] += $2 }
	    /"system"/ { cpu[c] += $2 }
	    END {
		printf "kitei %.3f s, git log %.3f s: ratio %.2f (kitei/git; below 1 is faster)\n",
		    med["kitei"], med["git"], med["kitei"] / med["git"]
		printf "CPU time: kitei %.3f s, git log %.3f s: ratio %.2f\n",
		    cpu["kitei"], cpu["git"], cpu["kitei"] / cpu["git"]
	    }' "$DIR/hyperfine.json"
else
	# The best of five runs each.
	best() {
		b=
		for _ in 1 2 3 4 5; do
			s=$(date +%s.%N)
			$1 >/dev/null
			e=$(date +%s.%N)
			b=$(echo "$s $e ${b:-}" | awk '{ d = $2 - $1; if ($3 == "" || d < $3) print d; else print $3 }')
		done
		echo "$b"
	}
	k=$(best "$KITEI_CMD")
	g=$(best "$GIT_CMD")
	echo "$k $g" | awk '{ printf "kitei %.3f s, git log %.3f s: ratio %.2f (kitei/git; below 1 is faster)\n", $1, $2, $1 / $2 }'
fi
