#!/bin/sh
# Files kitei reads beside the documents (issue 20, item 2): a catalog or a
# template in the policy root past KITEI_MAX_FILE_BYTES is refused (exit 2,
# naming the file and the limit), from a commit and from the working tree,
# never read cut short; and manual ids of any length give whole links.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

MAX_FILE=$(($(sed -n 's/^#define KITEI_MAX_FILE_BYTES[[:space:]]*//p' \
    "$ROOT/generator/klimits.h")))

# pad FILE N: appends comment lines of 64 bytes (then blank lines) to FILE
# until it holds N bytes.  Comments after the root element keep XML (and CSS)
# well-formed when it is cut at a line, as the old reader cut it: at 32 MiB
# and 64 KiB, then it said nothing.
pad() {
	have=$(wc -c < "$1")
	yes "<!-- $(printf '%054d' 0) -->" |
	    head -n $((($2 - have) / 64)) >> "$1"
	head -c $((($2 - have) % 64)) /dev/zero | tr '\0' '\n' >> "$1"
}

# refused NAME FILE SIZE [kitei args]: exit 2 and one line naming FILE, its
# SIZE and the limit.
refused() {
	name=$1; file=$2; size=$3; shift 3
	(cd "$r" && timeout 120 "$KITEI" "$@") > "$WORK/$name.all" 2>&1
	got=$?
	if [ "$got" -eq 2 ]; then ok "$name: exit 2"
	else fail "$name: exit $got, want 2"; head -3 "$WORK/$name.all"; fi
	contains "$name: names the file and the limit" "$WORK/$name.all" \
	    "$file: error: file of $size bytes is larger than the limit of $MAX_FILE bytes; not read [too-large]"
}

# A catalog of the policy root of 33 MiB, and one byte past the limit.
base catalog-over
BIG=$((MAX_FILE + 1024 * 1024))
pad "$r/cat.xml" $BIG
approve "$repo" "catalog too large"
refused catalog-over-commit policies/cat.xml $BIG check
refused catalog-over-worktree "$r/cat.xml" $BIG --worktree check
refused catalog-over-catalog policies/cat.xml $BIG catalog
truncate -s $((MAX_FILE + 1)) "$r/cat.xml"
approve "$repo" "catalog one byte too large"
refused catalog-over1-commit policies/cat.xml $((MAX_FILE + 1)) check
refused catalog-over1-worktree "$r/cat.xml" $((MAX_FILE + 1)) --worktree check

# At the limit it is read as usual.
base catalog-max
pad "$r/cat.xml" "$MAX_FILE"
approve "$repo" "largest catalog"
expect_status "catalog-max: read (exit 0)" 0 \
    sh -c "cd '$r' && '$KITEI' --today $TODAY check"

# A template of the policy root one byte past the limit: refused, not
# replaced by the shipped one behind the user's back.
base template-over
mkdir -p "$r/templates"
cp "$ROOT/templates/kitei.css" "$r/templates/kitei.css"
pad "$r/templates/kitei.css" $BIG
approve "$repo" "template too large"
refused template-over-commit policies/templates/kitei.css $BIG build -o "$WORK/out-t"
refused template-over-worktree "$r/templates/kitei.css" $BIG --worktree build -o "$WORK/out-t"

# A manual id of 245 characters (the longest a file name manuals/ID.html
# allows is 250): links hold all of it, past the old 256-byte buffer.
base long-id
id=$(awk 'BEGIN { for (i = 0; i < 245; i++) printf "m" }')
sed -i "s/^  - id: policy\$/  - id: $id/" "$r/kitei.yml"
approve "$repo" "long manual id"
(cd "$r" && timeout 120 "$KITEI" --today "$TODAY" build -o "$WORK/out-long" \
    --emit-xml --only html,dashboard) > "$WORK/long-id.all" 2>&1
expect_status "long-id: the build succeeds" 0 test -f "$WORK/out-long/manuals/$id.html"
x=$(ls "$WORK"/out-long/*.xml "$WORK"/out-long/*/*.xml 2>/dev/null | head -20)
found=0
for f in $x; do
	grep -qF "href=\"manuals/$id.html\"" "$f" && found=1
done
check "long-id: the site XML links manuals/<245 chars>.html" test $found -eq 1
contains "long-id: the dashboard links the whole id" "$WORK/out-long/index.html" \
    "manuals/$id.html"
