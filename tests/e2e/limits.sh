#!/bin/sh
# The limits of generator/klimits.h (issue 8, item 3): input at each limit is
# read as usual; one step past it gets one clear message that names the file
# and the limit, and the right exit status: never a silent truncation, a
# crash or a hang (each run has 120 seconds).  The numbers come from
# klimits.h itself, so the test follows the constants.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

# limit NAME: the value of KITEI_MAX_NAME in klimits.h, evaluated.
limit() {
	v=$(sed -n "s/^#define KITEI_MAX_$1[[:space:]]*//p" "$ROOT/generator/klimits.h")
	echo $(($v))
}
MAX_FILE=$(limit FILE_BYTES)
MAX_CONFIG=$(limit CONFIG_BYTES)
MAX_DOCS=$(limit DOCUMENTS)
MAX_DEPTH=$(limit DEPTH)
MAX_LINE=$(limit LINE_BYTES)
MAX_IDS=$(limit IDS)
MAX_ID_LEN=$(limit ID_LEN)
MAX_SECTIONS=$(limit SECTIONS)

# run NAME STATUS: kitei check on the policy root $r (of the fixture
# repository made last); $WORK/NAME.all holds its output.  Passes when the
# exit status is STATUS.  Each limit's "over" case commits one step more on
# top of its "max" case, which keeps the test quick.
# check runs in the policy root: text paths read from there (issue 13.4).
run() {
	name=$1; want=$2
	(cd "$r" && timeout 120 "$KITEI" --today "$TODAY" check) \
	    > "$WORK/$name.all" 2>&1
	got=$?
	if [ "$got" -ge 124 ]; then
		fail "$name: crashed or hung (exit $got)"
		head -5 "$WORK/$name.all" | sed 's/^/    /'
	elif [ "$got" -ne "$want" ]; then
		fail "$name: exit $got, want $want"
		head -5 "$WORK/$name.all" | cut -c1-200 | sed 's/^/    /'
	else
		ok "$name: exit $want"
	fi
}

# repeat N STRING: STRING N times, no newline.
repeat() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# bytes N: N bytes of ASCII prose in lines of 64, no trailing newline.
bytes() {
	yes 'The policy text goes on at length, as policy texts tend to do.' |
	    head -c "$1"
}

# doc_of_size FILE N: a valid document of exactly N bytes.
doc_of_size() {
	{ printf '# 大きな文書\n\n'; bytes $(($2 - 19)); } > "$1"
}

# The largest document: at the limit it is read, one byte more is an error
# naming the file and the limit, and the document is not read.
base doc-max
doc_of_size "$r/policy/03-big.md" "$MAX_FILE"
approve "$repo" "largest document"
run doc-max 0
doc_of_size "$r/policy/03-big.md" $((MAX_FILE + 1))
approve "$repo" "too large"
run doc-over 1
contains "doc-over: names the file and the limit" "$WORK/doc-over.all" \
    "policy/03-big.md: error: file of $((MAX_FILE + 1)) bytes is larger than the limit of $MAX_FILE bytes; not read [too-large]"

# The largest kitei.yml: padded with comments to the limit; one more byte
# and the run stops (exit 2), since nothing can be checked without it.
pad_config() {
	cfg=$r/kitei.yml
	have=$(wc -c < "$cfg")
	{ repeat $((($1 - have) / 64)) "# padding padding padding padding padding padding padding paddi
"; repeat $((($1 - have) % 64)) "#"; } >> "$cfg"
}
base config-max
pad_config "$MAX_CONFIG"
approve "$repo" "largest config"
run config-max 0
pad_config $((MAX_CONFIG + 1))
approve "$repo" "config too large"
run config-over 2
contains "config-over: names kitei.yml and the limit" "$WORK/config-over.all" \
    "policies/kitei.yml: error: file of $((MAX_CONFIG + 1)) bytes is larger than the limit of $MAX_CONFIG bytes; not read [too-large]"
lacks "config-over: no second message about a missing kitei.yml" \
    "$WORK/config-over.all" "no kitei.yml"

# The number of documents: fill the fixture's up to the limit, then one more
# stops the run (every document is needed to judge coverage).  The many
# documents are one blob entered straight into the index, which is far
# quicker than writing and adding 20,000 files (kitei reads the commit).
# many_docs N: commits documents policy/many/NNNNN.md up to N in all.
many_docs() {
	have=$(git -C "$repo" ls-files '*.md' | wc -l)
	sed -i 's|documents: \[policy/\*.md\]|documents: [policy/*.md, policy/many/*.md]|' "$r/kitei.yml"
	blob=$(printf '# 文書\n\n本文。\n' | git -C "$repo" hash-object -w --stdin)
	awk -v from="$have" -v n="$1" -v b="$blob" 'BEGIN {
		for (i = from; i < n; i++)
			printf "100644 %s\tpolicies/policy/many/%05d.md\n", b, i
	}' | git -C "$repo" update-index --add --index-info
	git -C "$repo" add policies/kitei.yml
	tick
	git -C "$repo" commit -q -m "$1 documents" \
	    -m "Approved-by: 山田 太郎 <yamada@example.co.jp>" > /dev/null
}
base docs-max
approve "$repo" "fixture"
many_docs "$MAX_DOCS"
run docs-max 0
many_docs $((MAX_DOCS + 1))
run docs-over 2
contains "docs-over: says the limit" "$WORK/docs-over.all" \
    "more than $MAX_DOCS documents under the policy root [too-many-documents]"

# The deepest nesting: the document, a paragraph and its text count as
# levels too, so MAX_DEPTH - 3 block quotes are the most allowed.
nest() {
	{ printf '# 入れ子\n\n'; repeat "$1" '> '; printf '本文。\n'; } > "$r/policy/03-deep.md"
}
base depth-max
nest $((MAX_DEPTH - 3))
approve "$repo" "deepest nesting"
run depth-max 0
nest $((MAX_DEPTH - 2))
approve "$repo" "too deep"
run depth-over 1
contains "depth-over: names the file, line and the limit" "$WORK/depth-over.all" \
    "policy/03-deep.md:3:"
contains "depth-over: says the limit" "$WORK/depth-over.all" \
    "nesting deeper than $MAX_DEPTH levels; the file is not read [too-deep]"

# The longest line: MAX_LINE bytes are read, one more is an error.
long_line() {
	{ printf '# 長い行\n\n'; repeat "$1" 'a'; printf '\n'; } > "$r/policy/03-long.md"
}
base line-max
long_line "$MAX_LINE"
approve "$repo" "longest line"
run line-max 0
long_line $((MAX_LINE + 1))
approve "$repo" "line too long"
run line-over 1
contains "line-over: names the file, the line and the limit" "$WORK/line-over.all" \
    "policy/03-long.md:3:"
contains "line-over: says the limit" "$WORK/line-over.all" \
    "line longer than $MAX_LINE bytes; the file is not read [too-long-line]"

# Sections (headings) in one document.
headings() {
	{ printf '# 見出しの多い文書\n\n本文。\n'; repeat $(($1 - 1)) '## 節
'; } > "$r/policy/03-sections.md"
}
base sections-max
headings "$MAX_SECTIONS"
approve "$repo" "most sections"
run sections-max 0
headings $((MAX_SECTIONS + 1))
approve "$repo" "too many sections"
run sections-over 1
contains "sections-over: names the file and the heading past the limit" \
    "$WORK/sections-over.all" "policy/03-sections.md:$((MAX_SECTIONS + 3)):1: error: more than $MAX_SECTIONS headings in one document; the file is not read [too-many-sections]"

# Ids in one covers: directive, and the length of one id.
ids() {
	{ printf '# 多くの要素\n\n## 節\n<!-- covers: '; repeat "$1" "$2 "; printf -- '-->\n本文。\n'; } > "$r/policy/03-ids.md"
}
base ids-over
ids $((MAX_IDS + 1)) 1.1
approve "$repo" "too many ids"
run ids-over 1
contains "ids-over: says the limit" "$WORK/ids-over.all" \
    "at most $MAX_IDS ids of $MAX_ID_LEN characters"
ids 1 "1.$(repeat $((MAX_ID_LEN - 1)) 1)"
approve "$repo" "id too long"
run idlen-over 1
contains "idlen-over: says the limit" "$WORK/idlen-over.all" \
    "at most $MAX_IDS ids of $MAX_ID_LEN characters"
