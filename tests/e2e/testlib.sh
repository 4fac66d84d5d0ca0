#!/bin/sh
# The checks of tests/lib.sh can fail: lacks and contains on a file that does
# not exist fail (a missing file proves nothing), golden fails without its
# golden file, and under REGEN it still fails when there is no output.
# Each check runs in a subshell whose report is read here, not counted.
. "$ROOT/tests/lib.sh"

# says "what" WANT command...: the command's report starts with WANT (ok/FAIL).
says() {
	what=$1; want=$2; shift 2
	got=$( ("$@") 2>/dev/null | head -1)
	case "$got" in
	"$want - "*) ok "$what" ;;
	*)	fail "$what (said '$got', want $want)" ;;
	esac
}

printf 'kitei wrote this\n' > "$WORK/here"
says "lacks: a missing file fails" FAIL lacks "x" "$WORK/nowhere" "secret"
says "lacks: a file without the string passes" ok lacks "x" "$WORK/here" "secret"
says "lacks: a file with the string fails" FAIL lacks "x" "$WORK/here" "wrote"
says "contains: a missing file fails" FAIL contains "x" "$WORK/nowhere" "wrote"
says "contains: a file with the string passes" ok contains "x" "$WORK/here" "wrote"
says "absent: a missing file passes" ok absent "x" "$WORK/nowhere"
says "absent: a file fails" FAIL absent "x" "$WORK/here"
says "golden: no golden file fails" FAIL golden "x" "$WORK/here" "$WORK/nowhere"
printf 'other\n' > "$WORK/gold"
says "golden: a different golden fails" FAIL golden "x" "$WORK/here" "$WORK/gold"
says "golden: REGEN without output fails" FAIL env REGEN=1 sh -c \
    ". '$ROOT/tests/lib.sh'; golden x '$WORK/nowhere' '$WORK/gold'"
says "golden: REGEN rewrites and says so" ok env REGEN=1 sh -c \
    ". '$ROOT/tests/lib.sh'; golden x '$WORK/here' '$WORK/gold'"
check "golden: REGEN wrote the golden" cmp "$WORK/here" "$WORK/gold"
# make test runs the suite with REGEN unset.
check "make test runs with REGEN unset" grep -q '^	@REGEN= sh tests/run.sh' "$ROOT/Makefile"
