#!/bin/sh
# The look-alike swap benchmark of the coverage check (issue 17): for every
# pair of sibling elements that a policy root covers (8.1 and 8.2, 13.1.b
# and 13.1.f: ids with the same parent), the covers: ids are swapped in a
# copy of the root and kitei check runs on it; a swap is flagged when check
# says anything it did not say about the correct text.  Prints one line:
#   NAME: F of N sibling swaps flagged (P %), W warnings on the correct text
# and, with SWAP_LIST=1, the swaps that passed unflagged.
# Usage: sh tests/bench/swap.sh KITEI POLICY_ROOT [NAME]
# Exit 0 whatever the figures (tests/e2e/swap-bench.sh asserts the targets).
set -eu
KITEI=$1
SRC=$2
NAME=${3:-$(basename "$SRC")}
W=$(mktemp -d "${TMPDIR:-/tmp}/kitei-swap.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 GIT_CEILING_DIRECTORIES=$W
mkdir "$W/repo"
cp -R "$SRC" "$W/repo/p"
(
	cd "$W/repo"
	git init -q
	git -c user.name=bench -c user.email=bench@example.invalid add -A
	git -c user.name=bench -c user.email=bench@example.invalid \
	    commit -q -m fixture
)
P=$W/repo/p

# The diagnostics check prints for the work tree, one a line.
diags() {
	"$KITEI" -C "$P" --worktree check 2>&1 | grep -E ': (warning|error): ' |
	    sort || true
}
diags > "$W/base"
base_warn=$(grep -c -E 'implausible-coverage|broad-coverage' "$W/base" || true)

# Every covered id, once.
grep -rhoE '<!-- *covers: *[^>]*-->' "$P" | sed 's/<!-- *covers: *//; s/ *-->//' |
    tr ', ' '\n\n' | grep -v '^$' | sort -u > "$W/ids"

# Pairs of ids with the same parent (drop the last .component).
awk '{ n = split($0, a, "."); p = a[1]; for (i = 2; i < n; i++) p = p "." a[i];
	if (n > 1) { ids[NR] = $0; par[NR] = p } }
    END { for (i in ids) for (j in ids) if (i < j && par[i] == par[j])
	print ids[i], ids[j] }' "$W/ids" | sort > "$W/pairs"

total=0
flagged=0
: > "$W/passed"
cp -R "$P" "$W/orig"
while read -r a b; do
	total=$((total + 1))
	# Swap a and b in covers: lines only, as whole ids.
	grep -rlE "covers:.*([ ,:]|^)($a|$b)([ ,]|$)" "$P" --include='*.md' > "$W/files" || true
	while read -r f; do
		awk -v a="$a" -v b="$b" '
		/<!-- *covers:/ {
			pre = $0; sub(/covers:.*/, "", pre)
			rest = $0; sub(/^.*covers:/, "", rest)
			post = rest; sub(/^[^>]*-->/, "", post)
			sub(/-->.*$/, "", rest)
			out = ""; n = split(rest, t, /[ ,]+/)
			for (i = 1; i <= n; i++) {
				if (t[i] == "") continue
				if (t[i] == a) t[i] = b; else if (t[i] == b) t[i] = a
				out = out " " t[i]
			}
			print pre "covers:" out " -->" post; next
		}
		{ print }' "$f" > "$f.swap"
		mv "$f.swap" "$f"
	done < "$W/files"
	diags > "$W/now"
	if [ -n "$(comm -13 "$W/base" "$W/now")" ]; then
		flagged=$((flagged + 1))
	else
		echo "$a <-> $b" >> "$W/passed"
	fi
	# Undo.
	while read -r f; do
		cp "$W/orig/${f#"$P"/}" "$f"
	done < "$W/files"
done < "$W/pairs"

pct=0
[ "$total" -gt 0 ] && pct=$((flagged * 100 / total))
echo "$NAME: $flagged of $total sibling swaps flagged ($pct %), $base_warn warnings on the correct text"
if [ "${SWAP_LIST:-0}" = 1 ]; then
	sed 's/^/  unflagged: /' "$W/passed"
fi
