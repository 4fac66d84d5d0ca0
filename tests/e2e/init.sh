#!/bin/sh
# kitei init (issue 13.1, and 13's "done when"): from an empty folder, init,
# a first commit, check listing the work by article, the sections answered,
# check green, kitei approve by each approver, build --release; never
# overwrites; CI recipes and the hook name the policy root; init inside an
# existing repository.
. "$ROOT/tests/lib.sh"

# The first day, from an empty folder.
m=$WORK/mirai
rm -rf "$m"; mkdir -p "$m"
(cd "$m" && timeout 20 "$KITEI" init --firm みらい証券仲介株式会社) > "$WORK/init.txt" 2>&1
if [ $? -eq 0 ]; then ok "init in an empty folder: exit 0"; else fail "init in an empty folder"; cat "$WORK/init.txt"; fi
for f in kitei.yml system-risk/01-system-risk.md security/01-security.md \
    outsourcing/01-outsourcing.md crisis/01-crisis.md crisis/90-public.md \
    .gitignore .github/workflows/kitei.yml .gitlab-ci.yml .githooks/pre-commit; do
	if [ -f "$m/$f" ]; then ok "init wrote $f"; else fail "init wrote $f"; fi
	contains "init says it wrote $f" "$WORK/init.txt" "wrote  $f"
done
check "init made a git repository" git -C "$m" rev-parse --git-dir
contains "kitei.yml names the firm" "$m/kitei.yml" "organization: みらい証券仲介株式会社"
check "the hook is executable" test -x "$m/.githooks/pre-commit"
contains "GitHub: SARIF upload" "$m/.github/workflows/kitei.yml" "upload-sarif"
contains "GitHub: whole history" "$m/.github/workflows/kitei.yml" "fetch-depth: 0"
contains "GitHub: output as an artifact" "$m/.github/workflows/kitei.yml" "upload-artifact"
contains "GitLab: JUnit report" "$m/.gitlab-ci.yml" "junit: kitei-junit.xml"
contains "GitLab: whole history" "$m/.gitlab-ci.yml" "GIT_DEPTH: 0"
contains ".gitignore: outputs" "$m/.gitignore" "output/"
contains "the public page is public" "$m/crisis/90-public.md" "visibility: public"
contains "the public page covers 13.2" "$m/crisis/90-public.md" "<!-- covers: 13.2 -->"
contains "a skeleton quotes the rule" "$m/security/01-security.md" "<!-- 規則 4.1.6.a（第4条第1項第6号・"
if python3 -c 'import yaml' 2>/dev/null; then
	for y in .github/workflows/kitei.yml .gitlab-ci.yml kitei.yml; do
		check "$y is YAML" python3 -c "import yaml,sys; yaml.safe_load(open(sys.argv[1]))" "$m/$y"
	done
fi

# Every element once, each in the manual its article belongs to.
cat "$m"/*/*.md | grep -o '<!-- covers: [0-9a-z.]* -->' | sort > "$WORK/covers.txt"
n=$(sort -u "$WORK/covers.txt" | wc -l)
if [ "$n" -eq "$(wc -l < "$WORK/covers.txt")" ] && [ "$n" -eq 92 ]; then
	ok "92 elements, each covered once"; else fail "92 elements, each covered once (got $n)"; fi
check "13.1's elements are in the crisis manual" grep -q '<!-- covers: 13.1.f -->' "$m/crisis/01-crisis.md"

# Again: nothing is overwritten.
(cd "$m" && find . -path ./.git -prune -o -type f -print | sort | xargs sha256sum) > "$WORK/before.sum"
echo "# 当社で編集済み" >> "$m/kitei.yml"
(cd "$m" && timeout 20 "$KITEI" init --firm 別の会社) > "$WORK/init2.txt" 2>&1
if [ $? -eq 0 ]; then ok "init again: exit 0"; else fail "init again"; fi
contains "init again keeps kitei.yml" "$WORK/init2.txt" "kept   kitei.yml"
lacks "init again writes nothing" "$WORK/init2.txt" "wrote "
contains "the edited kitei.yml is kept" "$m/kitei.yml" "# 当社で編集済み"
lacks "the firm is not replaced" "$m/kitei.yml" "別の会社"

# First commit: check lists the work, article by article.
commit_all "$m" "規程類の骨組み（kitei init）"
timeout 20 "$KITEI" -C "$m" check > "$WORK/check1.txt" 2>&1
st=$?
if [ $st -eq 1 ]; then ok "check after init: exit 1"; else fail "check after init: exit $st"; fi
n=$(grep -c '\[empty-coverage\]$' "$WORK/check1.txt")
if [ "$n" -eq 92 ]; then ok "check names each of the 92 sections to write"; else fail "92 empty sections (got $n)"; fi
contains "findings point at the skeleton's lines" "$WORK/check1.txt" "security/01-security.md:"
contains "the work ahead, counted by article" "$WORK/check1.txt" "findings by article: 第1条 1, 第2条 5,"
lacks "no missing-coverage: every element has its section" "$WORK/check1.txt" "[missing-coverage]"

# Answer every section: check passes.
python3 - "$m" <<'EOF'
import glob, sys
for f in glob.glob(sys.argv[1] + '/*/*.md'):
    out = []
    for line in open(f, encoding='utf-8'):
        out.append(line)
        if line.startswith('<!-- 規則 ') and '）：' in line:
            out.append('当社は、この定めに従って必要な措置を講ずる。\n')
    open(f, 'w', encoding='utf-8').write(''.join(out))
EOF
commit_all "$m" "各節の定めを記入"
timeout 20 "$KITEI" -C "$m" check > "$WORK/check2.txt" 2>&1
st=$?
if [ $st -eq 0 ]; then ok "check after filling every section: exit 0"; else fail "check after filling: exit $st"; grep error "$WORK/check2.txt" | head -5; fi
contains "every element met" "$WORK/check2.txt" "92 of 92 elements met (100%)"

# The hook passes on the filled tree (kitei on PATH).
mkdir -p "$WORK/bin"; ln -sf "$KITEI" "$WORK/bin/kitei"
(cd "$m" && PATH="$WORK/bin:$PATH" sh .githooks/pre-commit) > "$WORK/hook.txt" 2>&1
if [ $? -eq 0 ]; then ok "pre-commit hook passes"; else fail "pre-commit hook"; cat "$WORK/hook.txt"; fi

# Approve with kitei approve, as init's placeholder approvers: release.
git -C "$m" config user.email board@example.co.jp
tick
(cd "$m" && timeout 20 "$KITEI" approve --yes --effective 2026-04-01 --summary 制定) > "$WORK/approve1.txt" 2>&1
st=$?
if [ $st -eq 0 ]; then ok "first day: the board approves (exit 0)"; else fail "the board approves: exit $st"; cat "$WORK/approve1.txt"; fi
contains "first day: the crisis manual awaits the executive" "$WORK/approve1.txt" "crisis: approval recorded; awaiting システム統括役員"
git -C "$m" config user.email cio@example.co.jp
tick
(cd "$m/crisis" && timeout 20 "$KITEI" approve --yes) > "$WORK/approve2.txt" 2>&1
st=$?
if [ $st -eq 0 ]; then ok "first day: the executive approves from crisis/ (exit 0)"; else fail "the executive approves: exit $st"; cat "$WORK/approve2.txt"; fi
contains "first day: every manual signed off" "$WORK/approve2.txt" "crisis: signed off, 第1版, 施行日 2026-04-01"
timeout 120 "$KITEI" -C "$m" build --release -o "$WORK/mirai-out" > "$WORK/release.txt" 2>&1
st=$?
(cd "$m" && timeout 20 "$KITEI" check --release) > "$WORK/release-check.txt" 2>&1
lacks "first day: check --release: nothing unapproved" "$WORK/release-check.txt" "unapproved-change"
(exit $st)
st=$?
if [ $st -eq 0 ]; then ok "build --release after approval: exit 0"; else fail "build --release: exit $st"; tail -5 "$WORK/release.txt"; fi
check "the public page is written" test -f "$WORK/mirai-out/public/index.html"

# init in a folder of an existing repository: recipes at its root name it.
e=$WORK/existing
new_repo "$e"
echo "readme" > "$e/README"
commit_all "$e" "start"
timeout 20 "$KITEI" -C "$e" init policies > "$WORK/init3.txt" 2>&1
if [ $? -eq 0 ]; then ok "init policies in a repository: exit 0"; else fail "init policies"; cat "$WORK/init3.txt"; fi
check "kitei.yml in policies/" test -f "$e/policies/kitei.yml"
check "the recipe at the repository root" test -f "$e/.github/workflows/kitei.yml"
contains "the recipe runs in policies" "$e/.github/workflows/kitei.yml" "kitei -C policies check --format sarif"
contains "the hook runs in policies" "$e/.githooks/pre-commit" '$top/policies'
lacks "no second repository" "$WORK/init3.txt" "made   a git repository"

# Refusals: a file in the way, extra arguments.
touch "$WORK/afile"
expect_status "init onto a file: exit 2" 2 "$KITEI" init "$WORK/afile"
"$KITEI" init "$WORK/afile" 2> "$WORK/err.txt"
contains "the refusal names the path" "$WORK/err.txt" "afile"
expect_status "init with two folders: exit 2" 2 "$KITEI" init "$WORK/x" "$WORK/y"
