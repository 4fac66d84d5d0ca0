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
contains() {
	if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1 (no '$3' in $2)"; fi
}

# lacks "what" file string: passes when the file does not hold the string.
lacks() {
	if grep -qF -- "$3" "$2"; then fail "$1 ('$3' found in $2)"; else ok "$1"; fi
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
