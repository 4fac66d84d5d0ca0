#!/bin/sh
# Runs every test: the C unit tests, then each end-to-end script in tests/e2e/.
# Scripts print "ok - what" or "FAIL - what" per check (tests/lib.sh); a script
# that dies counts as one more failure.  Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
export ROOT
TMPROOT="${TMPROOT:-$ROOT/tests/tmp}"
rm -rf "$TMPROOT"
mkdir -p "$TMPROOT"
export TMPROOT

pass=0
fail=0
log="$TMPROOT/run.log"

count() {
	p=$(grep -c '^ok - ' "$1")
	f=$(grep -c '^FAIL - ' "$1")
	pass=$((pass + p))
	fail=$((fail + f))
}

if [ -x tests/unit/runner ]; then
	tests/unit/runner > "$log" 2>&1
	rc=$?
	grep -v '^ok - ' "$log"
	count "$log"
	if [ $rc -ne 0 ] && [ "$(grep -c '^FAIL - ' "$log")" -eq 0 ]; then
		echo "FAIL - unit runner exited $rc"
		fail=$((fail + 1))
	fi
fi

only=${TESTS:-}
for t in tests/e2e/*.sh; do
	[ -e "$t" ] || continue
	name=$(basename "$t" .sh)
	if [ -n "$only" ] && ! echo " $only " | grep -q " $name "; then
		continue
	fi
	work="$TMPROOT/$name"
	mkdir -p "$work"
	WORK="$work" sh "$t" > "$work.log" 2>&1
	rc=$?
	grep '^FAIL - ' "$work.log" | sed "s|^FAIL - |FAIL - $name: |"
	count "$work.log"
	if [ $rc -ne 0 ]; then
		echo "FAIL - $name: script exited $rc (see $work.log)"
		tail -5 "$work.log" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
	echo "$name: $(grep -c '^ok - ' "$work.log") passed, $(grep -c '^FAIL - ' "$work.log") failed"
done

if [ -n "${REGEN:-}" ]; then
	n=$(cat "$TMPROOT"/*.log 2>/dev/null | grep -c '^ok - .*(regenerated ')
	echo "REGEN is set: $n goldens rewritten, not checked; review git diff"
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
