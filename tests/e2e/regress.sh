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
	approve "$repo" "regress: $name"
	out=$WORK/$name.diag
	(cd "$r" && timeout 20 "$KITEI" --today "$TODAY" check) > "$out.all" 2>&1
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
