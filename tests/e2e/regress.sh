#!/bin/sh
# Data-driven regression trees in mandoc's manner: tests/regress/check/
# NAME.md is one policy document, NAME.diag what `kitei check` says about it
# (then "exit: N").  Each case is the clean policy root of the check
# fixtures (tests/fixtures/check/base.sh) with the document added as
# policies/policy/NAME.md, and NAME.yml, when there is one, as kitei.yml.
# `make regen` rewrites the .diag files; see tests/regress/README.md.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

CASES=$ROOT/tests/regress/check

# The clean root, committed once and copied for every case.
base clean
approve "$repo" "clean policy root"
CLEAN=$repo

n=0
for md in "$CASES"/*.md; do
	[ -f "$md" ] || continue
	name=$(basename "$md" .md)
	n=$((n + 1))
	repo=$WORK/$name
	r=$repo/policies
	rm -rf "$repo"
	cp -a "$CLEAN" "$repo"
	cp "$md" "$r/policy/$name.md"
	[ ! -f "$CASES/$name.yml" ] || cp "$CASES/$name.yml" "$r/kitei.yml"
	# The same clock for every case: its diagnostics never depend on order.
	FIXTURE_DAY=1
	commit_all "$repo" "regress: $name" \
	    -m "Summary: $name
Approved-by: 山田 太郎 <yamada@example.co.jp>"
	out=$WORK/$name.diag
	# From the repository top: the goldens name files from there.
	(cd "$repo" && timeout 20 "$KITEI" --today "$TODAY" -C policies check) > "$out.all" 2>&1
	rc=$?
	# The summary line names the commit; the diagnostics and the status
	# are what a case pins.
	{ grep -v ' elements met (' "$out.all"; echo "exit: $rc"; } > "$out"
	if [ "$rc" -ge 124 ]; then
		fail "$name: crashed or hung (exit $rc)"
	fi
	golden "$name" "$out" "$CASES/$name.diag"
done
# A .diag without its .md is a case that was lost.
for d in "$CASES"/*.diag; do
	[ -f "$d" ] || continue
	[ -f "${d%.diag}.md" ] || fail "$(basename "$d"): no $(basename "${d%.diag}").md beside it"
done
check "regress: at least ten check cases ($n)" test "$n" -ge 10

# diff/: NAME.old.md becomes NAME.new.md in two approved commits; NAME.xml
# is the 新旧対照表 XML of the manual (kitei's version and the commit ids
# taken out).
DCASES=$ROOT/tests/regress/diff
for old in "$DCASES"/*.old.md; do
	[ -f "$old" ] || continue
	name=$(basename "$old" .old.md)
	repo=$WORK/diff-$name
	r=$repo/policies
	rm -rf "$repo"
	cp -a "$CLEAN" "$repo"
	FIXTURE_DAY=1
	cp "$old" "$r/policy/$name.md"
	approve "$repo" "regress: $name (old)"
	cp "$DCASES/$name.new.md" "$r/policy/$name.md"
	approve "$repo" "regress: $name (new)"
	(cd "$r" && timeout 20 "$KITEI" --today "$TODAY" diff --emit-xml \
	    HEAD~1 HEAD -o "$WORK/diff-$name.out") > "$WORK/diff-$name.all" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		fail "diff $name: exit $rc"; head -3 "$WORK/diff-$name.all"
		continue
	fi
	# The commits' ids follow the clean root's content: taken out too.
	sed 's/kitei [0-9][0-9.]*/kitei VERSION/g
	    s/revision="[0-9a-f]*"/revision="REV"/; s/revision-short="[0-9a-f]*"/revision-short="REV"/' \
	    "$WORK/diff-$name.out/policy.xml" > "$WORK/diff-$name.xml"
	golden "diff $name" "$WORK/diff-$name.xml" "$DCASES/$name.xml"
done
