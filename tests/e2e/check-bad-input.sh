#!/bin/sh
# kitei check on bad input (issue 2, item 5): every bad input gets one clear
# message naming the file (and the line where there is one) and the right
# exit status, and nothing crashes or hangs: each run has 20 seconds, and an
# exit status of 124 or more (a timeout or a signal) fails.  Then the inputs
# that are unusual but fine: --worktree, CRLF and a BOM, -C, --as-of.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

# run NAME STATUS ARGS...: runs kitei ARGS; $WORK/NAME.all holds standard
# output and error, $WORK/NAME.diag the same without the summary line.
run() {
	name=$1; want=$2; shift 2
	timeout $((20 * SLOW)) "$KITEI" --today "$TODAY" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
	got=$?
	cat "$WORK/$name.out" "$WORK/$name.err" > "$WORK/$name.all"
	grep -v ' elements met (' "$WORK/$name.all" > "$WORK/$name.diag"
	if [ "$got" -ge 124 ]; then
		fail "$name: crashed or hung (exit $got)"
		head -5 "$WORK/$name.err" | sed 's/^/    /'
	elif [ "$got" -ne "$want" ]; then
		fail "$name: exit $got, want $want"
		head -5 "$WORK/$name.all" | sed 's/^/    /'
	else
		ok "$name: exit $want"
	fi
}

# says NAME LINE: the run printed exactly one message, and it is LINE.
says() {
	printf '%s\n' "$2" > "$WORK/$1.want"
	same "$1: one clear message" "$WORK/$1.diag" "$WORK/$1.want"
}

# check_root NAME STATUS [ARGS...]: kitei ARGS check on $WORK/NAME/policies.
check_root() {
	n=$1; s=$2; shift 2
	run "$n" "$s" -C "$WORK/$n/policies" "$@" check
}

# Invalid UTF-8 (a Shift_JIS あ), at line 3, column 11.
base sjis
printf '# 文字化け\n\nShift_JIS \202\240 の文書\n' > "$r/policy/03-sjis.md"
approve "$repo" "sjis"
check_root sjis 1
says sjis "policies/policy/03-sjis.md:3:11: error: invalid UTF-8 byte 0x82: save the file as UTF-8 [bad-utf8]"

# Truncated UTF-8 at the very end of a file, and a UTF-16 surrogate.
base utf8-edge
printf '# 切れた\n\n\343\201' > "$r/policy/03-cut.md"
printf '# 代用\n\n\355\240\200\n' > "$r/policy/04-surrogate.md"
approve "$repo" "utf8 edge"
check_root utf8-edge 1
contains "utf8-edge: a cut-off sequence" "$WORK/utf8-edge.diag" "policies/policy/03-cut.md:3:1: error: invalid UTF-8"
contains "utf8-edge: a surrogate" "$WORK/utf8-edge.diag" "policies/policy/04-surrogate.md:3:1: error: invalid UTF-8"

# A NUL byte.
base nul
printf '# NUL\n\nab\000cd\n' > "$r/policy/03-nul.md"
approve "$repo" "nul"
check_root nul 1
says nul "policies/policy/03-nul.md:3:3: error: NUL byte: a policy source must be UTF-8 text [bad-utf8]"

# A symlink under the policy root (even one pointing outside it).
base symlink
ln -s /etc/passwd "$r/policy/03-passwd.md"
approve "$repo" "symlink"
check_root symlink 1
says symlink "policies/policy/03-passwd.md: error: a symbolic link under the policy root is not read: only regular files are sources [symlink]"
lacks "symlink: nothing of the target is read" "$WORK/symlink.all" "root:"

# A submodule (a gitlink entry) under the policy root.
base submodule
tick
git -C "$repo" add -A
git -C "$repo" update-index --add --cacheinfo \
    160000,1111111111111111111111111111111111111111,policies/vendor
git -C "$repo" commit -q -m "submodule" \
    -m "Approved-by: 山田 太郎 <yamada@example.co.jp>"
check_root submodule 1
says submodule "policies/vendor: error: a submodule under the policy root is not read: only regular files are sources [submodule]"

# Malformed YAML in front matter: the line and column of the file.
base front-yaml
cat > "$r/policy/03-yaml.md" <<'EOF'
---
title: 壊れた前付け
owner: "閉じない引用
---
# 壊れた前付け
EOF
approve "$repo" "front yaml"
check_root front-yaml 1
# libyaml finds the quoted scalar unclosed where the front matter ends.
contains "front-yaml: names file and line" "$WORK/front-yaml.diag" "policies/policy/03-yaml.md:4:1:"
contains "front-yaml: says malformed YAML" "$WORK/front-yaml.diag" "error: malformed YAML: "
n=$(grep -c . "$WORK/front-yaml.diag")
if [ "$n" -eq 1 ]; then ok "front-yaml: one message"; else fail "front-yaml: $n messages"; fi

# Malformed YAML in kitei.yml: could not run.
base config-yaml
cat >> "$r/kitei.yml" <<'EOF'
  - id: broken
    title: [閉じない
EOF
approve "$repo" "config yaml"
check_root config-yaml 2
contains "config-yaml: names file and line" "$WORK/config-yaml.diag" "policies/kitei.yml:22:1:"
contains "config-yaml: says malformed YAML" "$WORK/config-yaml.diag" "error: malformed YAML: "
lacks "config-yaml: no summary of a run that did not happen" "$WORK/config-yaml.all" "elements met"

# Unknown keys in kitei.yml, at the top and inside a manual.
base config-keys
sed -i -e 's/^review_interval:/reveiw_interval:/' -e 's/^    kind: crisis/    knd: crisis/' "$r/kitei.yml"
approve "$repo" "config keys"
check_root config-keys 2
cat > "$WORK/config-keys.want" <<'EOF'
policies/kitei.yml:3:1: error: unknown key 'reveiw_interval' (known: organization, catalog, review_interval, date_style, association, manuals, public, approval) [bad-config]
policies/kitei.yml:17:5: error: manuals: unknown key 'knd' (known: id, title, number, kind, owner, documents, approvers, review_interval) [bad-config]
EOF
same "config-keys: both keys named with their lines" "$WORK/config-keys.diag" "$WORK/config-keys.want"

# A bad review_interval, a bad kind.
base config-values
sed -i -e 's/^review_interval: .*/review_interval: soon/' -e 's/^    kind: crisis/    kind: emergency/' "$r/kitei.yml"
approve "$repo" "config values"
check_root config-values 2
contains "config-values: review_interval" "$WORK/config-values.diag" "policies/kitei.yml:3:18: error: review_interval: expected a number of months or years"
contains "config-values: kind" "$WORK/config-values.diag" "policies/kitei.yml:17:11: error: kind: expected policy or crisis"

# kitei.yml that is not UTF-8, or empty.
base config-sjis
printf 'organization: \202\240\n' > "$r/kitei.yml"
approve "$repo" "config sjis"
check_root config-sjis 2
contains "config-sjis: names kitei.yml" "$WORK/config-sjis.diag" "policies/kitei.yml:"
base config-empty
: > "$r/kitei.yml"
approve "$repo" "config empty"
check_root config-empty 2
contains "config-empty: says what kitei.yml needs" "$WORK/config-empty.diag" "policies/kitei.yml: error: kitei.yml must be a mapping"

# A missing kitei.yml; one written but not committed.
base no-config
rm "$r/kitei.yml"
approve "$repo" "no config"
check_root no-config 2
says no-config "kitei: error: no kitei.yml in policies/ at this revision: a policy root is a folder holding kitei.yml [no-config]"
base uncommitted-config
mv "$r/kitei.yml" "$WORK/kitei.yml.tmp"
approve "$repo" "config not yet"
mv "$WORK/kitei.yml.tmp" "$r/kitei.yml"
check_root uncommitted-config 2
contains "uncommitted-config: says so" "$WORK/uncommitted-config.diag" "no kitei.yml in policies/ at this revision"
check_root uncommitted-config 0 --worktree
mv "$WORK/uncommitted-config.all" "$WORK/uncommitted-config.wt"
contains "uncommitted-config: --worktree reads it" "$WORK/uncommitted-config.wt" "10 of 10 elements met"

# Not a git repository ($WORK is inside kitei's own checkout).
plain=$(mktemp -d)
ln -s "$plain" "$WORK/plain"
cp "$CAT" "$WORK/plain/cat.xml"
printf 'organization: x\ncatalog: cat.xml\nmanuals: []\n' > "$WORK/plain/kitei.yml"
run plain 2 -C "$WORK/plain" check
contains "plain: says it is not a git repository" "$WORK/plain.diag" "is not inside a git repository"
n=$(grep -c . "$WORK/plain.diag")
if [ "$n" -eq 1 ]; then ok "plain: one message"; else fail "plain: $n messages"; fi
rm -f "$WORK/plain"
rm -rf "$plain"

# A repository with no commits: it says so, and --worktree works.
base unborn
check_root unborn 2
says unborn "kitei: error: the repository has no commits yet: commit the policy root, or use --worktree [git]"
check_root unborn 0 --worktree
contains "unborn: --worktree reads it" "$WORK/unborn.all" "(no commit) + 未コミット: 10 of 10 elements met"

# An unknown revision.
base badrev
approve "$repo" "one"
check_root badrev 2 --rev nope
says badrev "kitei: error: unknown revision 'nope' [git]"
run badrev-tree 2 -C "$WORK/badrev/policies" --rev 'HEAD^{tree}' check
contains "badrev-tree: a tree is not a commit" "$WORK/badrev-tree.diag" "does not name a commit"

# A document claimed by two manuals.
base two-manuals
sed -i 's|documents: \[crisis/\*.md\]|documents: [crisis/*.md, "policy/*-access.md"]|' "$r/kitei.yml"
approve "$repo" "two manuals"
check_root two-manuals 1
contains "two-manuals: the claim is named" "$WORK/two-manuals.diag" "policies/policy/02-access.md: error: claimed by two manuals, 'policy' and 'crisis': a document belongs to exactly one [ambiguous-document]"
# Issue 12: its covers: meet nothing, and each says so at its line.
contains "two-manuals: its covers count for nothing" "$WORK/two-manuals.diag" "policies/policy/02-access.md:4:14: error: covers: 4.1.6.a is not counted: this document is claimed by two manuals"

# An id with a typo: the nearest ids are said.
base typo
sed -i 's/<!-- covers: 4.1.6.a -->/<!-- covers: 4.1.6.a 4.1.6.aa 41.6.a 4.16.a -->/' "$r/policy/02-access.md"
approve "$repo" "typo"
check_root typo 1
cat > "$WORK/typo.want" <<'EOF'
policies/policy/02-access.md:4:22: error: 4.1.6.aa is not an element of tiny-rules; did you mean 4.1.6.a? [unknown-requirement]
policies/policy/02-access.md:4:31: error: 41.6.a is not an element of tiny-rules; did you mean 4.1.6.a? [unknown-requirement]
policies/policy/02-access.md:4:38: error: 4.16.a is not an element of tiny-rules; did you mean 4.1.6.a? [unknown-requirement]
EOF
same "typo: nearest ids, each at its column" "$WORK/typo.diag" "$WORK/typo.want"

# A document of 200,000 lines: finishes quickly.
base huge
{
	printf '# 大きな文書\n\n'
	i=0
	while [ $i -lt 22300 ]; do
		printf '## 第%d節\n\n本文の一行目。\n本文の二行目、[リンク](https://example.jp/)。\n\n- 項目\n- 項目\n\n> 引用\n' $i
		i=$((i + 1))
	done
} > "$r/policy/03-huge.md"
approve "$repo" "huge"
lines=$(wc -l < "$r/policy/03-huge.md")
t0=$(date +%s%N)
check_root huge 0
t1=$(date +%s%N)
ms=$(( (t1 - t0) / 1000000 ))
echo "# check on a document of $lines lines took $ms ms"
# About a second alone; the limit leaves room for a busy machine.
if [ "$lines" -ge 200000 ] && [ "$ms" -lt $((10000 * SLOW)) ]; then ok "huge: $lines lines in $ms ms (under 10 s)"
else fail "huge: $lines lines in $ms ms (want 200,000 lines under 10 s)"; fi

# Nesting 5,000 deep: block quotes, bullet lists, ordered lists, and lists
# indented line by line.  Too deep is an error naming the file; no crash.
deep_case() {
	base "deep-$1"
	{ printf '# 深い入れ子\n\n'; cat; } > "$r/policy/03-deep.md"
	approve "$repo" "deep $1"
	check_root "deep-$1" 1
	contains "deep-$1: too deep, with the file" "$WORK/deep-$1.diag" \
	    "policies/policy/03-deep.md:$2:"
	contains "deep-$1: the limit is said" "$WORK/deep-$1.diag" \
	    "nesting deeper than 64 levels; the file is not read [too-deep]"
	n=$(grep -c . "$WORK/deep-$1.diag")
	if [ "$n" -eq 1 ]; then ok "deep-$1: one message"; else fail "deep-$1: $n messages"; fi
}
# repeat TEXT N: prints TEXT N times (awk: a shell loop is too slow).
repeat() { S=$1 awk -v n="$2" 'BEGIN { s = ENVIRON["S"]; for (i = 0; i < n; i++) printf "%s", s }'; }
{ repeat '> ' 5000; printf '深い\n'; } | deep_case quotes 3
{ repeat '- ' 5000; printf '深い\n'; } | deep_case bullets 3
{ repeat '1. ' 5000; printf '深い\n'; } | deep_case ordered 3
{ repeat '> - ' 2500; printf '深い\n'; } | deep_case mixed 3
# (a list in an item is two levels: the 33rd line goes past 64)
awk 'BEGIN { for (i = 0; i < 5000; i++) { print pad "- 項目"; pad = pad "  " } }' |
    deep_case indented 33

# timed NAME LIMIT-MS ARGS...: run, and fail if it took LIMIT-MS or more.
timed() {
	tn=$1; limit=$2; shift 2
	t0=$(date +%s%N)
	run "$tn" "$@"
	t1=$(date +%s%N)
	ms=$(( (t1 - t0) / 1000000 ))
	echo "# $tn took $ms ms"
	limit=$((limit * SLOW))
	if [ "$ms" -lt "$limit" ]; then ok "$tn: in $ms ms (under $limit)"
	else fail "$tn: took $ms ms (limit $limit)"; fi
}

# Regression (issue 2): 50,000 comments in one HTML block were located by
# rescanning the block from its start each time (quadratic).
nl='
'
base many-comments
{
	printf '# 多くの注釈\n\n<div>\n'
	repeat "<!-- covers: 1.1 -->$nl" 50000
	printf '</div>\n\n基本方針を定める。\n'
} > "$r/policy/03-many.md"
approve "$repo" "many comments"
timed many-comments 5000 0 -C "$WORK/many-comments/policies" check

# Regression (issue 2): one id named 100,000 times in a section of 3 MB
# read the section's text once per mention (quadratic).
base many-mentions
{
	printf '# 多くの言及\n\n'
	repeat "<!-- covers: 1.1 -->$nl$nl" 100000
	repeat "これは本文の段落であり、同じ文を何度も繰り返して長くしたものである。$nl" 10000
	printf '最後に基本方針と書く。\n'
} > "$r/policy/03-many.md"
approve "$repo" "many mentions"
timed many-mentions 5000 0 -C "$WORK/many-mentions/policies" check
run many-mentions-json 0 -C "$WORK/many-mentions/policies" check --format json
n=$(sed '/"diagnostics"/,$d' "$WORK/many-mentions-json.out" |
    grep -c '"path": "policies/policy/03-many.md"')
if [ "$n" -eq 1 ]; then ok "many-mentions: the section is listed once"
else fail "many-mentions: the section is listed $n times"; fi

# Pathological inline input: runs of brackets and emphasis.
base inline
{ printf '# 記号\n\n'; repeat '[' 50000; printf '\n\n'; repeat '*a ' 20000; printf '\n\n'; repeat '_' 50000; printf '\n'; } \
    > "$r/policy/03-inline.md"
approve "$repo" "inline"
check_root inline 0

# Deep YAML in front matter and in kitei.yml.
base deep-yaml
{ printf -- '---\ntitle: '; repeat '[' 5000; repeat ']' 5000; printf '\n---\n# 深いYAML\n'; } > "$r/policy/03-yaml.md"
approve "$repo" "deep yaml"
check_root deep-yaml 1
contains "deep-yaml: front matter values are text" "$WORK/deep-yaml.diag" "policies/policy/03-yaml.md:2:8: error: front matter values are single lines of text"
base deep-config
{ printf 'organization: '; repeat '[' 5000; repeat ']' 5000; printf '\n'; } >> "$r/kitei.yml"
approve "$repo" "deep config"
check_root deep-config 2
contains "deep-config: names the line" "$WORK/deep-config.diag" "policies/kitei.yml:"

# A file over the size limit (32 MB) is not read, from git or the
# working tree.
base too-large
yes '本文の一行。' | head -c 34000000 > "$r/policy/03-large.md"
approve "$repo" "too large"
check_root too-large 1
says too-large "policies/policy/03-large.md: error: file of 34000000 bytes is larger than the limit of 33554432 bytes; not read [too-large]"
run too-large-wt 1 -C "$WORK/too-large/policies" --worktree check
says too-large-wt "policies/policy/03-large.md: error: file of 34000000 bytes is larger than the limit of 33554432 bytes; not read [too-large]"
rm -rf "$WORK/too-large"

# --worktree also refuses symlinks and nested repositories, and skips what
# git ignores.
base worktree-odd
approve "$repo" "clean"
ln -s 01-basic.md "$r/policy/03-link.md"
mkdir -p "$r/policy/vendor"
git init -q "$r/policy/vendor"
printf '# 取り込み
' > "$r/policy/vendor/x.md"
printf 'scratch.md\n' > "$repo/.gitignore"
printf '# 下書き\n\n<!-- covers: 9.9 -->\n' > "$r/policy/scratch.md"
run worktree-odd 1 -C "$WORK/worktree-odd/policies" --worktree check
cat > "$WORK/worktree-odd.want" <<'EOF'
policies/policy/03-link.md: error: a symbolic link under the policy root is not read: only regular files are sources [symlink]
policies/policy/vendor: error: a nested repository under the policy root is not read: only regular files are sources [submodule]
EOF
same "worktree-odd: symlink and nested repository refused, ignored file skipped" \
    "$WORK/worktree-odd.diag" "$WORK/worktree-odd.want"

# A catalog path that leaves the policy root.
base catalog-outside
cp "$CAT" "$repo/cat.xml"
sed -i 's|^catalog: cat.xml|catalog: ../cat.xml|' "$r/kitei.yml"
approve "$repo" "catalog outside"
check_root catalog-outside 2
says catalog-outside "kitei: error: ../cat.xml: files outside the policy root are not read [outside-root]"

# A catalog that breaks its schema, and one that does not exist.
base bad-catalog
sed -i 's/obligation="must"/obligation="perhaps"/' "$r/cat.xml"
approve "$repo" "bad catalog"
check_root bad-catalog 2
contains "bad-catalog: names the catalog" "$WORK/bad-catalog.diag" "policies/cat.xml:"
contains "bad-catalog: says it does not match the schema" "$WORK/bad-catalog.diag" "the catalog does not match"
base no-catalog
sed -i 's/^catalog: cat.xml/catalog: nope.xml/' "$r/kitei.yml"
approve "$repo" "no catalog"
check_root no-catalog 2
says no-catalog "kitei: error: catalog nope.xml: no such file in the policy root [bad-config]"

# --worktree reads an uncommitted change; without it, the commit is read.
base worktree
approve "$repo" "clean"
sed -i 's/<!-- covers: 1.1 -->//' "$r/policy/01-basic.md"
printf '# 新しい文書\n\n<!-- covers: 9.9 -->\n新しい。\n' > "$r/policy/03-new.md"
check_root worktree 0
lacks "worktree: HEAD is clean" "$WORK/worktree.all" "error:"
check_root worktree 1 --worktree
contains "worktree: the edited file is read" "$WORK/worktree.all" "1.1 (基本方針の策定, must) is covered by no section [missing-coverage]"
contains "worktree: the new file is read" "$WORK/worktree.all" "policies/policy/03-new.md:3:14: error: 9.9 is not an element"
contains "worktree: the summary says 未コミット" "$WORK/worktree.all" "+ 未コミット:"
run worktree-json 1 -C "$WORK/worktree/policies" --worktree check --format json
contains "worktree: JSON says worktree" "$WORK/worktree-json.out" '"worktree": true'
run worktree-rev 2 -C "$WORK/worktree/policies" --worktree --rev HEAD check

# CRLF line endings and a byte-order mark are accepted, and positions are
# those of the file.
base crlf
cat > "$r/policy/03-crlf.md" <<'EOF'
---
title: 改行コード
visibility: internal
---
# 改行コード

## 節
<!-- covers: 1.1
     4.1.6.aa -->
本文。[悪い](javascript:x)
EOF
cp "$r/policy/03-crlf.md" "$WORK/lf.md"
{ printf '\357\273\277'; sed 's/$/\r/' "$WORK/lf.md"; } > "$r/policy/03-crlf.md"
{ printf '\357\273\277'; sed 's/$/\r/' "$r/kitei.yml"; } > "$WORK/kitei.crlf"
mv "$WORK/kitei.crlf" "$r/kitei.yml"
approve "$repo" "crlf"
check_root crlf 1
cat > "$WORK/crlf.want" <<'EOF'
policies/policy/03-crlf.md:8:14: warning: section '節' mentions none of 1.1's keywords (基本方針): is the id right? [implausible-coverage]
policies/policy/03-crlf.md:9:6: error: 4.1.6.aa is not an element of tiny-rules; did you mean 4.1.6.a? [unknown-requirement]
policies/policy/03-crlf.md:10:4: warning: link target 'javascript:x' is dropped: only http(s), mailto, tel and relative links are kept [unsafe-link]
EOF
same "crlf: accepted, positions as in the file" "$WORK/crlf.diag" "$WORK/crlf.want"
run crlf-json 1 -C "$WORK/crlf/policies" check --format json
contains "crlf: front matter title read" "$WORK/crlf-json.out" '"heading": "節"'

# -C to a subfolder: the policy root is that folder, paths stay relative to
# the repository; -C to a folder inside the root is not a root.
base subdir
sed -i 's/<!-- covers: 1.1 -->//' "$r/policy/01-basic.md"
approve "$repo" "subdir"
(cd "$WORK/subdir" && timeout 20 "$KITEI" --today "$TODAY" -C policies check > "$WORK/subdir.all" 2>&1)
contains "subdir: -C policies, paths from the repository root" "$WORK/subdir.all" "policies/kitei.yml:2: error: 1.1"
(cd "$WORK/subdir/policies/policy" && timeout 20 "$KITEI" --today "$TODAY" -C .. check > "$WORK/subdir-up.all" 2>&1)
# Text paths read from the folder the command was typed in (issue 13.4).
contains "subdir: -C .. from inside: paths from where it was typed" "$WORK/subdir-up.all" "../kitei.yml:2: error: 1.1"
lacks "subdir: -C .. from inside: no repository-relative path" "$WORK/subdir-up.all" "policies/kitei.yml"
sed 's|^\.\./|policies/|' "$WORK/subdir-up.all" > "$WORK/subdir-up.fromtop"
same "subdir: -C .. from inside: the same findings" "$WORK/subdir-up.fromtop" "$WORK/subdir.all"
run subdir-inner 2 -C "$WORK/subdir/policies/policy" check
says subdir-inner "kitei: error: no kitei.yml in policies/policy/ at this revision: a policy root is a folder holding kitei.yml [no-config]"
run subdir-missing 2 -C "$WORK/subdir/nowhere" check
contains "subdir-missing: names the folder" "$WORK/subdir-missing.diag" "nowhere"

# --as-of picks the last commit made before the end of that day.
base asof
cp "$r/policy/01-basic.md" "$WORK/basic.md"
sed -i 's/<!-- covers: 1.1 -->//' "$r/policy/01-basic.md"
approve "$repo" "day 1: 1.1 missing"            # 2026-01-02
old=$(git -C "$repo" rev-parse HEAD)
cp "$WORK/basic.md" "$r/policy/01-basic.md"
approve "$repo" "day 2: 1.1 covered"            # 2026-01-03
check_root asof 0
run asof-old 1 -C "$WORK/asof/policies" --as-of 2026-01-02 check
contains "asof: the older commit is read" "$WORK/asof-old.all" "at $(echo "$old" | cut -c1-12):"
contains "asof: its finding is shown" "$WORK/asof-old.all" "1.1 (基本方針の策定, must) is covered by no section"
run asof-new 0 -C "$WORK/asof/policies" --as-of 2026-01-03 check
run asof-before 2 -C "$WORK/asof/policies" --as-of 2025-12-31 check
says asof-before "kitei: error: no commit was made on or before 2025-12-31 [as-of]"
run asof-bad 2 -C "$WORK/asof/policies" --as-of 2026-13-01 check
says asof-bad "kitei: error: --as-of: expected a date as YYYY-MM-DD, not '2026-13-01' [usage]"

# Leaks: a few bad inputs under valgrind, when it is installed.
if command -v valgrind > /dev/null 2>&1; then
	for c in "sjis" "config-yaml" "deep-quotes" "crlf" "unborn"; do
		timeout 120 valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
		    --error-exitcode=99 "$KITEI" --today "$TODAY" -C "$WORK/$c/policies" check \
		    > "$WORK/vg-$c.out" 2> "$WORK/vg-$c.err"
		if [ $? -eq 99 ]; then
			fail "valgrind: $c leaks or errs"
			head -20 "$WORK/vg-$c.err" | sed 's/^/    /'
		else
			ok "valgrind: $c"
		fi
	done
fi

# Usage mistakes: exit 2 with a message, never a run.
run usage-format 2 -C "$WORK/badrev/policies" check --format xml
contains "usage: an unknown format is named" "$WORK/usage-format.all" "xml"
lacks "usage: an unknown format runs nothing" "$WORK/usage-format.all" "elements met"
run usage-option 2 -C "$WORK/badrev/policies" check --frmat json
contains "usage: an unknown option is named" "$WORK/usage-option.all" "--frmat"
run usage-both 2 -C "$WORK/badrev/policies" --worktree --rev HEAD check
contains "usage: --rev and --worktree" "$WORK/usage-both.all" "--worktree"
run usage-command 2 -C "$WORK/badrev/policies" chek
contains "usage: an unknown command is named" "$WORK/usage-command.all" "chek"
