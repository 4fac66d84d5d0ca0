#!/bin/sh
# Orientation (issue 13.4): the policy root found upwards as git finds .git;
# from above it, the -C to use; text paths relative to the user's folder
# (JSON, SARIF, JUnit stay repository-relative); a per-article count after
# many findings; --quiet prints errors only.
. "$ROOT/tests/lib.sh"

r=$WORK/firm
new_repo "$r"
echo "readme" > "$r/README"
"$KITEI" -C "$r" init policies > /dev/null 2>&1
commit_all "$r" "規程類の骨組み"

# From a folder inside the policy root: found upwards, paths from here.
(cd "$r/policies/crisis" && "$KITEI" check) > "$WORK/sub.txt" 2>&1
st=$?
if [ $st -eq 1 ]; then ok "check from a folder in the policy root: exit 1 (findings)"; else fail "check from a subfolder: exit $st"; head -3 "$WORK/sub.txt"; fi
contains "paths in this folder: bare" "$WORK/sub.txt" "
01-crisis.md:24:14: error: section"
grep -q '^01-crisis.md:' "$WORK/sub.txt" && ok "a finding here starts with its file name" || fail "a finding here starts with its file name"
grep -q '^\.\./security/01-security.md:' "$WORK/sub.txt" && ok "a finding elsewhere: ../ from here" || fail "a finding elsewhere: ../ from here"
lacks "no repository-relative paths in text" "$WORK/sub.txt" "policies/crisis/01-crisis.md"
grep -q '^\.\./kitei.yml:[0-9]*: warning:' "$WORK/sub.txt" && ok "kitei.yml one folder up: ../kitei.yml" || fail "kitei.yml one folder up: ../kitei.yml"
(cd "$r/policies/crisis" && "$KITEI" check --format json) > "$WORK/sub.json" 2>&1
contains "JSON stays repository-relative" "$WORK/sub.json" '"policies/crisis/01-crisis.md"'
(cd "$r/policies/crisis" && "$KITEI" check --format sarif) > "$WORK/sub.sarif" 2>&1
contains "SARIF stays repository-relative" "$WORK/sub.sarif" 'policies/crisis/01-crisis.md'
(cd "$r/policies/crisis" && "$KITEI" check --format junit) > "$WORK/sub.junit" 2>&1
contains "JUnit stays repository-relative" "$WORK/sub.junit" 'policies/crisis/01-crisis.md'
(cd "$r/policies" && "$KITEI" history) > "$WORK/hist.txt" 2>&1
contains "history from the policy root" "$WORK/hist.txt" "規程類の骨組み"
(cd "$r/policies/crisis" && "$KITEI" history) > "$WORK/hist2.txt" 2>&1
contains "history from below the policy root" "$WORK/hist2.txt" "規程類の骨組み"

# From the repository's top: the -C to use, one line, exit 2.
(cd "$r" && "$KITEI" check) > "$WORK/top.txt" 2> "$WORK/top.err"
st=$?
if [ $st -eq 2 ]; then ok "check above the policy root: exit 2"; else fail "check above: exit $st"; fi
contains "above: names the -C" "$WORK/top.err" "kitei -C policies check"
if [ "$(wc -l < "$WORK/top.err")" -eq 1 ]; then ok "above: one line"; else fail "above: one line"; cat "$WORK/top.err"; fi
(cd "$r" && "$KITEI" build -o "$WORK/out") 2> "$WORK/top-build.err" > /dev/null
contains "above: build names its own command" "$WORK/top-build.err" "kitei -C policies build"
(cd "$r" && "$KITEI" catalog) > "$WORK/top-cat.txt" 2>&1
st=$?
if [ $st -eq 0 ]; then ok "catalog above a policy root still lists the shipped rule"; else fail "catalog above: exit $st"; fi
# -C and runs from outside the repository keep repository-relative paths.
"$KITEI" -C "$r/policies" check > "$WORK/c.txt" 2>&1
grep -q '^policies/crisis/01-crisis.md:' "$WORK/c.txt" && ok "-C from outside: repository-relative" || fail "-C from outside: repository-relative"
(cd "$r" && "$KITEI" -C policies check) > "$WORK/c2.txt" 2>&1
grep -q '^policies/crisis/01-crisis.md:' "$WORK/c2.txt" && ok "-C policies from the top: paths from the top" || fail "-C policies from the top"

# Many findings: a count per article; --quiet: errors only.
contains "summary by article" "$WORK/sub.txt" "findings by article: 第1条 1, 第2条 5, 第3条 9, 第4条 26,"
contains "summary: 第13条" "$WORK/sub.txt" "第13条 19, other 4, 96 in all"
(cd "$r/policies" && "$KITEI" check --quiet) > "$WORK/quiet.txt" 2>&1
st=$?
if [ $st -eq 1 ]; then ok "--quiet: exit status as without it"; else fail "--quiet: exit $st"; fi
n=$(grep -vc ': error: ' "$WORK/quiet.txt")
if [ "$n" -eq 0 ]; then ok "--quiet: nothing but errors"; else fail "--quiet: $n other lines"; fi
n=$(grep -c ': error: ' "$WORK/quiet.txt")
if [ "$n" -eq 92 ]; then ok "--quiet: every error"; else fail "--quiet: $n errors"; fi
expect_status "--quiet is check's only" 2 "$KITEI" -C "$r/policies" history --quiet
# Few findings: no summary.
python3 - "$r/policies" <<'EOF'
import glob, sys
for f in glob.glob(sys.argv[1] + '/*/*.md'):
    out, n = [], 0
    for line in open(f, encoding='utf-8'):
        out.append(line)
        if line.startswith('<!-- 規則 ') and '）：' in line and not line.startswith('<!-- 規則 4.1.1'):
            # The rule's own words answer it, so the facets are met.
            rule = line.split('）：', 1)[1].rsplit(' -->', 1)[0]
            out.append('当社は、次の定めに従って必要な措置を講ずる。' + rule + '\n')
    open(f, 'w', encoding='utf-8').write(''.join(out))
EOF
commit_all "$r" "記入"
(cd "$r/policies" && "$KITEI" check) > "$WORK/few.txt" 2>&1
lacks "few findings: no summary" "$WORK/few.txt" "findings by article"

# approve from a folder below the policy root.
git -C "$r" config user.email board@example.co.jp
(cd "$r/policies/security" && "$KITEI" approve --yes) > "$WORK/ap.txt" 2>&1
st=$?
if [ $st -eq 0 ]; then ok "approve from below the policy root: exit 0"; else fail "approve from below: exit $st"; cat "$WORK/ap.txt"; fi
