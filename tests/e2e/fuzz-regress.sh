#!/bin/sh
# Every input the fuzzers found a bug with (tests/fuzz/regress/<harness>/)
# goes through its harness again, without libFuzzer (tests/fuzz/replay),
# under a time limit; under valgrind too when the build is not sanitized, so
# that a leak found by LSan stays found.  Then what each finding looked like
# from the command line.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

cd "$ROOT" || exit 2
if ! make -s --no-print-directory tests/fuzz/replay > "$WORK/build.log" 2>&1; then
	fail "tests/fuzz/replay builds"
	tail -20 "$WORK/build.log"
	exit 1
fi
replay=$ROOT/tests/fuzz/replay
vg=""
if command -v valgrind >/dev/null 2>&1 && ! nm "$replay" 2>/dev/null | grep -q __asan_init; then
	vg="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3"
fi
for dir in tests/fuzz/regress/*/; do
	h=$(basename "$dir")
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		n=$(basename "$f")
		KITEI_SRCDIR=$ROOT timeout 120 $vg "$replay" "$h" "$f" > "$WORK/$h-$n.out" 2>&1
		rc=$?
		if [ $rc -eq 0 ] && ! grep -q 'Sanitizer\|runtime error' "$WORK/$h-$n.out"; then
			ok "fuzz $h/$n replays cleanly"
		else
			fail "fuzz $h/$n (exit $rc)"
			grep -m5 'ERROR\|runtime error\|definitely lost\|at 0x\|by 0x' "$WORK/$h-$n.out" | sed 's/^/    /'
		fi
	done
done

# config/duplicate-keys: a key given twice in one mapping replaced (and
# leaked) the first value silently; now it is a bad-config error naming it.
base dup
printf 'organization: 別会社\n' >> "$WORK/dup/policies/kitei.yml"
approve "$WORK/dup" "organization twice"
(cd "$WORK/dup/policies" && "$KITEI" --today "$TODAY" check) > "$WORK/dup.out" 2>&1
rc=$?
if [ $rc -eq 2 ]; then ok "duplicate key: exit 2"; else fail "duplicate key: exit $rc, want 2"; fi
contains "duplicate key: names it and its line" "$WORK/dup.out" \
    "policies/kitei.yml:20:1: error: organization: given twice in the same mapping [bad-config]"
