# End-to-end tests of the history stage through tests/tools/history_dump:
# fixture repositories built here with fixed authors and dates, compared with
# the goldens in tests/golden/history/.  REGEN=1 rewrites the goldens (review
# the diff before committing).
. "$ROOT/tests/lib.sh"

DUMP=$ROOT/tests/tools/history_dump
GOLD=$ROOT/tests/golden/history
[ -x "$DUMP" ] || make -s -C "$ROOT" tests/tools/history_dump >/dev/null

# doc FILE TITLE [EXTRA]: writes a policy document of a dozen lines, long
# enough for rename detection to see an edited copy as the same file.
doc() {
	mkdir -p "$(dirname "$1")"
	{
		printf -- '---\ntitle: %s\nowner: システム部\n---\n# %s\n\n' "$2" "$2"
		for n in 1 2 3 4 5 6 7 8 9 10; do
			printf '第%s条 %sに関する定め。条文の本文 %s。\n' "$n" "$2" "$n"
		done
		[ -z "${3:-}" ] || printf '%s\n' "$3"
	} > "$1"
}

# --- The main fixture: every kind of change, merges and approvals. --------
R=$WORK/main
new_repo "$R"
doc "$R/policies/system-risk/01-general.md" 総則
doc "$R/policies/system-risk/02-access.md" アクセス管理
printf 'organization: サンプル\n' > "$R/policies/kitei.yml"
printf '# readme\n' > "$R/README.md"
commit_all "$R" "Initial policies"
printf '# readme, longer\n' > "$R/README.md"
commit_all "$R" "Outside the policy root only"
doc "$R/policies/system-risk/02-access.md" アクセス管理 "第11条 追加。"
commit_all "$R" "Access: add article 11"
git -C "$R" mv policies/system-risk/02-access.md \
    policies/system-risk/03-access-control.md
doc "$R/policies/system-risk/03-access-control.md" アクセス管理 "第11条 追加、改正。"
commit_all "$R" "Rename access policy, amend article 11"
git -C "$R" rm -q policies/system-risk/01-general.md
doc "$R/policies/crisis/01-crisis.md" 危機管理
commit_all "$R" "Retire the general rules; add the crisis manual"

# A side branch with a policy change, merged back: the merge lists the change.
git -C "$R" checkout -q -b side
doc "$R/policies/crisis/01-crisis.md" 危機管理 "第11条 連絡体制。"
commit_all "$R" "Crisis: contact chain"
mkdir -p "$R/src" && printf 'int x;\n' > "$R/src/x.c"
commit_all "$R" "Code on the side branch"
git -C "$R" checkout -q main
doc "$R/policies/system-risk/03-access-control.md" アクセス管理 "第11条 再改正。"
commit_all "$R" 'Quote "this" and back\slash; 日本語の件名'
tick
git -C "$R" merge -q --no-ff -m "Merge branch 'side'" side

# A merge that changes nothing under the root: left out.
git -C "$R" checkout -q -b docs
printf 'docs\n' > "$R/NOTES.txt"
commit_all "$R" "Notes outside the root"
git -C "$R" checkout -q main
tick
git -C "$R" merge -q --no-ff -m "Merge branch 'docs'" docs
# A merge with nothing under the root but an approval: kept.
git -C "$R" checkout -q -b docs2
printf 'more docs\n' > "$R/NOTES.txt"
commit_all "$R" "More notes"
git -C "$R" checkout -q main
tick
git -C "$R" merge -q --no-ff -m "Merge branch 'docs2'

Approved-by: 山田 太郎 <yamada@example.co.jp>" docs2

# An empty approval commit with two approvers and an effective date.
commit_all "$R" "Approve the March revision" \
    --trailer "Approved-by: 山田 太郎 <yamada@example.co.jp>" \
    --trailer "Approved-by: 佐藤 花子 <sato@example.co.jp>" \
    --trailer "Effective: 2026-05-01"
# Approved-by in the body, not in the trailer block: no approval, left out.
commit_all "$R" "Not an approval

Approved-by: someone, said in passing.

This last paragraph is prose, so there are no trailers."
# A lower-case trailer key still approves; a control character in a subject.
printf 'Approve\001 again\n\napproved-by: 佐藤 花子 <sato@example.co.jp>\nSigned-off-by: Policy Owner <owner@example.co.jp>\n' > "$WORK/msg"
tick
git -C "$R" commit -q --allow-empty -F "$WORK/msg"
# The last commit, made in Tokyo: the date keeps the committer's offset.
doc "$R/policies/crisis/01-crisis.md" 危機管理 "第11条 連絡体制、改正。"
tick
export GIT_AUTHOR_DATE="2026-04-01T10:00:00+09:00" GIT_COMMITTER_DATE="2026-04-01T10:00:00+09:00"
git -C "$R" add -A
git -C "$R" commit -q -m "Crisis: amend the contact chain"

golden_run "json of the policy root" "$GOLD/main.json" "$DUMP" "$R" policies --json
golden_run "text of the policy root" "$GOLD/main.txt" "$DUMP" "$R" policies
for spelling in policies/ ./policies// policies/./; do
	"$DUMP" "$R" "$spelling" --json > "$WORK/spelling.json" 2>&1
	same "the root spelt '$spelling' is the same root" "$WORK/spelling.json" \
	    "$GOLD/main.json"
done
golden_run "one document across its rename (json)" "$GOLD/access.json" \
    "$DUMP" "$R" policies policies/system-risk/03-access-control.md --json
golden_run "one document across its rename (text)" "$GOLD/access.txt" \
    "$DUMP" "$R" policies policies/system-risk/03-access-control.md
golden_run "a folder of documents" "$GOLD/crisis.json" \
    "$DUMP" "$R" policies policies/crisis --json
golden_run "the whole repository as the root" "$GOLD/whole.json" "$DUMP" "$R" "" --json

# Cross-checks with git itself: the same commits change the root, and the
# same files with the same statuses (git lists no merges without -m).
git -C "$R" log --no-merges --format=%H -- policies/ > "$WORK/git-ids"
grep '"id"' "$WORK/main.json" | sed 's/.*"id": "\(.*\)".*/\1/' > "$WORK/our-ids"
if grep -vxFf "$WORK/our-ids" "$WORK/git-ids" > "$WORK/missing"; then
	fail "every commit git log lists is listed ($(wc -l < "$WORK/missing") missing)"
else
	ok "every commit git log lists is listed"
fi
git -C "$R" log --no-merges --name-status -M --format=tformat:commit \
    -- policies/ | grep -v '^$' | sed 's/^R[0-9]*/R/' > "$WORK/git-files"
# Our blocks without the merges and the commits that list no file.
awk 'function flush() { if (files != "" && !merge) printf "commit\n%s", files }
    /^commit / { flush(); files = ""; merge = 0; next }
    /^    Merge branch/ { merge = 1 }
    /^[AMDR]\t/ { files = files $0 "\n" }
    END { flush() }' "$WORK/main.txt" > "$WORK/our-files"
same "files and statuses agree with git log --name-status -M" \
    "$WORK/our-files" "$WORK/git-files"

# The order is git's --date-order (= git_revwalk topological and by time).
git -C "$R" log --date-order --format=%H > "$WORK/git-order"
sed -n 's/.*"id": "\(.*\)".*/\1/p' "$WORK/whole.json" > "$WORK/our-order"
grep -xFf "$WORK/our-order" "$WORK/git-order" > "$WORK/git-order-kept"
same "commits come in git log --date-order" "$WORK/our-order" \
    "$WORK/git-order-kept"

# --- A shallow clone: said so, and its boundary counts as a root commit. ---
git clone -q --depth 2 "file://$R" "$WORK/shallow"
golden_run "a shallow clone is flagged" "$GOLD/shallow.json" \
    "$DUMP" "$WORK/shallow" policies --json
"$DUMP" "$WORK/shallow" policies > "$WORK/shallow.txt"
contains "the text output of a shallow clone says so" "$WORK/shallow.txt" \
    "shallow clone"

# --- A repository of one commit, with a nested policy root. ---------------
O=$WORK/one
new_repo "$O"
doc "$O/org/policies/01-only.md" 唯一の規程
printf 'x\n' > "$O/other.txt"
commit_all "$O" "The only commit"
golden_run "a repository of one (root) commit" "$GOLD/one.json" \
    "$DUMP" "$O" org/policies --json
"$DUMP" "$O" missing --json > "$WORK/none.json"
contains "a root that does not exist gives no commits" "$WORK/none.json" \
    '"commits": []'
expect_status "a path that is not a repository fails" 2 \
    "$DUMP" "$WORK/nowhere" policies

# --- Bytes that are not UTF-8 become U+FFFD; DEL is escaped. --------------
B=$WORK/bytes
new_repo "$B"
doc "$B/policies/a.md" 規程
# git commit would read the bytes as Latin-1, so the object is written raw.
git -C "$B" add -A
tree=$(git -C "$B" write-tree)
id=$(printf 'tree %s\nauthor A <a@example.jp> 1767225600 +0000\ncommitter A <a@example.jp> 1767225600 +0000\n\nBad \377 and \303( and \177 end\n' "$tree" |
    git -C "$B" hash-object -t commit -w --stdin)
git -C "$B" update-ref refs/heads/main "$id"
"$DUMP" "$B" policies --json > "$WORK/bytes.json"
contains "invalid UTF-8 is replaced, DEL escaped" "$WORK/bytes.json" \
    "\"subject\": \"Bad $(printf '\357\277\275') and $(printf '\357\277\275')( and \\u007f end\","
if command -v jq >/dev/null 2>&1; then
	for f in main.json access.json crisis.json whole.json shallow.json \
	    one.json bytes.json; do
		check "$f is valid JSON laid out as jq does" \
		    sh -c "jq . '$WORK/$f' | cmp -s - '$WORK/$f'"
	done
fi
