# Sourced by tests/e2e/*.sh.  Gives checks that print "ok - …" or "FAIL - …",
# and helpers that build fixture repositories with fixed authors and dates.
KITEI=${KITEI:-$ROOT/kitei}
export NO_COLOR=1
export LC_ALL=C.UTF-8
export TZ=UTC
# Fixture commits never see the developer's git configuration.
export GIT_CONFIG_NOSYSTEM=1
export GIT_CONFIG_GLOBAL=/dev/null
export HOME="$WORK"
# A fixture whose .git went missing must never fall through to this checkout.
export GIT_CEILING_DIRECTORIES="$WORK"

# Limits on pathological inputs are about blow-ups (quadratic, exponential),
# not speed: a sanitizer build (make sanitize sets ASAN_OPTIONS) runs several
# times slower, so every limit is multiplied by SLOW.
SLOW=1
[ -n "${ASAN_OPTIONS:-}" ] && SLOW=5

ok()   { echo "ok - $1"; }
fail() { echo "FAIL - $1"; }

# check "what" command...: passes when the command exits 0.
check() {
	what=$1; shift
	if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi
}

# expect_status "what" N command...: passes when the command exits N.
expect_status() {
	what=$1; want=$2; shift 2
	"$@" >/dev/null 2>&1
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$what"; else fail "$what (exit $got, want $want)"; fi
}

# same "what" got-file want-file: passes when the files are equal, else shows the diff.
same() {
	if diff -u "$3" "$2" > "$2.diff" 2>&1; then ok "$1"; else
		fail "$1"; head -40 "$2.diff"; fi
}

# contains "what" file string: passes when the file holds the fixed string.
# A file that does not exist fails: it holds nothing.
contains() {
	if [ ! -f "$2" ]; then fail "$1 (no file $2)"
	elif grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1 (no '$3' in $2)"; fi
}

# lacks "what" file string: passes when the file exists and does not hold the
# string.  A file that does not exist fails: its absence proves nothing about
# what kitei wrote.  Where absence is the point, say so with absent.
lacks() {
	if [ ! -f "$2" ]; then fail "$1 (no file $2 to search)"
	elif grep -qF -- "$3" "$2"; then fail "$1 ('$3' found in $2)"; else ok "$1"; fi
}

# absent "what" path: passes when nothing exists at the path.
absent() {
	if [ -e "$2" ] || [ -L "$2" ]; then fail "$1 ($2 exists)"; else ok "$1"; fi
}

# golden "what" got-file golden-file: passes when the output equals the golden
# file.  Under REGEN=1 (make regen) it rewrites the golden instead, says so
# in its ok line, and still fails when there is no output to write: a test
# that produced nothing must not become a golden.  `make test` runs with
# REGEN unset, so an exported REGEN cannot turn it green.
golden() {
	if [ -n "${REGEN:-}" ]; then
		if [ ! -f "$2" ]; then fail "$1 (no output $2 to regenerate from)"; return; fi
		if [ -f "$3" ] && cmp -s "$2" "$3"; then ok "$1"; return; fi
		mkdir -p "$(dirname "$3")"
		cp "$2" "$3"
		ok "$1 (regenerated $3)"
	elif [ ! -f "$3" ]; then
		fail "$1 (no golden $3)"
	else
		same "$1" "$2" "$3"
	fi
}

# golden_run "what" golden-file command...: runs the command and compares its
# standard output with golden-file (as golden); a failing command fails.
golden_run() {
	what=$1; want=$2; shift 2
	got=$WORK/$(basename "$want")
	"$@" > "$got" 2> "$got.err"
	rc=$?
	if [ $rc -ne 0 ]; then
		fail "$what (exit $rc: $(head -1 "$got.err"))"
		return
	fi
	golden "$what" "$got" "$want"
}

# Fixed identity and clock for fixture commits.  Call tick before each commit
# to move the clock a day on; set FIXTURE_DATE to start elsewhere.
FIXTURE_DAY=0
export GIT_AUTHOR_NAME="Policy Owner" GIT_AUTHOR_EMAIL="owner@example.co.jp"
export GIT_COMMITTER_NAME="Policy Owner" GIT_COMMITTER_EMAIL="owner@example.co.jp"
tick() {
	FIXTURE_DAY=$((FIXTURE_DAY + 1))
	d=$(date -u -d "${FIXTURE_DATE:-2026-01-01} + $FIXTURE_DAY days" +%Y-%m-%dT12:00:00Z)
	export GIT_AUTHOR_DATE="$d" GIT_COMMITTER_DATE="$d"
}

# new_repo DIR: an empty repository on branch main.
new_repo() {
	rm -rf "$1"
	git init -q -b main "$1"
}

# commit_all DIR "subject" [more git commit args]: commits everything in DIR.
commit_all() {
	dir=$1; msg=$2; shift 2
	tick
	git -C "$dir" add -A
	git -C "$dir" commit -q --allow-empty -m "$msg" "$@"
}
