#!/bin/sh
# Kill-safety (issue 8, item 4): `kitei build` and `kitei bundle` are killed
# with SIGKILL at random (seeded) moments, KILLSAFE_RUNS times each (30 in
# `make test`, 100 in `make killtest`).  After every kill the output must be
# the old complete one or the new complete one: a build folder whose
# manifest (every path and the SHA-256 of every file) equals one of the two
# known states, a bundle that is absent, the old zip, or the complete new
# zip that `kitei verify` passes.  Temporaries left by killed runs must be
# swept by the next run that completes.  Each run alternates between two
# revisions, so that "old" and "new" always differ; most builds are
# --only html,dashboard, every tenth one makes PDFs too.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

RUNS=${KILLSAFE_RUNS:-30}
SEED=${KILLSAFE_SEED:-20261126}

# The fixture: two approved revisions A and B that differ in every output.
base fx
approve "$repo" "A"
rev_a=$(git -C "$repo" rev-parse HEAD)
echo "本文の追記。" >> "$r/policy/01-basic.md"
echo "危機対応の追記。" >> "$r/crisis/01-crisis.md"
approve "$repo" "B"
rev_b=$(git -C "$repo" rev-parse HEAD)

# manifest DIR: every path under DIR and each file's SHA-256, sorted.
manifest() {
	(cd "$1" 2>/dev/null && find . -print | LC_ALL=C sort | while read -r p; do
		if [ -f "$p" ]; then
			echo "$p $(sha256sum < "$p" | cut -c1-64)"
		else
			echo "$p"
		fi
	done)
}

# kb REV ARGS...: kitei at revision REV on the fixture's policy root.
kb() {
	rev=$1; shift
	"$KITEI" -C "$r" --rev "$rev" --today "$TODAY" "$@"
}

# delay I D: the seeded pause before the I-th kill, 0 to 1.2 times D seconds.
delay() {
	awk -v s="$SEED" -v i="$1" -v d="$2" \
	    'BEGIN { srand(s + i); printf "%.3f", rand() * d * 1.2 }'
}

# seconds COMMAND...: runs it and prints how long it took, in seconds.
seconds() {
	t0=$(date +%s%N)
	"$@" > /dev/null 2>&1
	t1=$(date +%s%N)
	awk -v n=$((t1 - t0)) 'BEGIN { printf "%.3f", n / 1e9 }'
}

# leftovers DIR BASE: names in DIR that a killed run of BASE may leave.
leftovers() {
	ls -a "$1" | grep -F "$2." | grep -v -x -F "$2" || true
}

# killed_run SECONDS REV ARGS...: starts kitei at REV (itself, not a
# shell around it: $! must be kitei), sends SIGKILL after SECONDS if it
# is still running, and waits for it.
killed_run() {
	t=$1; rev=$2; shift 2
	"$KITEI" -C "$r" --rev "$rev" --today "$TODAY" "$@" > /dev/null 2>&1 &
	pid=$!
	sleep "$t"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

# ---- kitei build ----------------------------------------------------------
# The two known states of each kind of build, made once into reference folders.
for kind in html full; do
	only=""
	[ $kind = html ] && only="--only html,dashboard"
	for rv in a b; do
		eval rev=\$rev_$rv
		if ! kb "$rev" build -o "$WORK/ref-$kind-$rv" $only > "$WORK/ref-$kind-$rv.log" 2>&1; then
			fail "reference build $kind at $rv"
			tail -3 "$WORK/ref-$kind-$rv.log"
		fi
		manifest "$WORK/ref-$kind-$rv" > "$WORK/ref-$kind-$rv.mf"
	done
	if cmp -s "$WORK/ref-$kind-a.mf" "$WORK/ref-$kind-b.mf"; then
		fail "the two revisions give different $kind outputs"
	fi
done
# The same revision gives the same output, or the comparison means nothing.
kb "$rev_a" build -o "$WORK/again" --only html,dashboard > /dev/null 2>&1
manifest "$WORK/again" > "$WORK/again.mf"
same "build: the same revision gives the same output" "$WORK/again.mf" "$WORK/ref-html-a.mf"

d_html=$(seconds kb "$rev_b" build -o "$WORK/time-html" --only html,dashboard)
d_full=$(seconds kb "$rev_b" build -o "$WORK/time-full")
echo "# a build takes ${d_html}s (html, dashboard), ${d_full}s (everything)"

mkdir -p "$WORK/site"
cp -a "$WORK/ref-html-a" "$WORK/site/html"
cp -a "$WORK/ref-full-a" "$WORK/site/full"
state_html=a
state_full=a
bad=0
swept_bad=0
killed=0
i=0
while [ $i -lt "$RUNS" ]; do
	i=$((i + 1))
	if [ $((i % 10)) -eq 0 ]; then kind=full; only=""; d=$d_full
	else kind=html; only="--only html,dashboard"; d=$d_html; fi
	eval cur=\$state_$kind
	if [ "$cur" = a ]; then next=b; else next=a; fi
	eval rev=\$rev_$next
	out=$WORK/site/$kind
	t=$(delay "$i" "$d")
	killed_run "$t" "$rev" build -o "$out" $only
	manifest "$out" > "$WORK/now.mf"
	if cmp -s "$WORK/now.mf" "$WORK/ref-$kind-$cur.mf"; then
		:
	elif cmp -s "$WORK/now.mf" "$WORK/ref-$kind-$next.mf"; then
		eval state_$kind=$next
	else
		bad=$((bad + 1))
		fail "build run $i ($kind, killed after ${t}s): output is neither the old nor the new one"
		diff "$WORK/ref-$kind-$cur.mf" "$WORK/now.mf" | head -10
		cp -a "$WORK/ref-$kind-$cur" "$out.reset" && rm -rf "$out" && mv "$out.reset" "$out"
	fi
	[ -n "$(leftovers "$WORK/site" "$kind")" ] && killed=$((killed + 1))
	# Every fifth run, a complete build must sweep what killed runs left.
	if [ $((i % 5)) -eq 0 ]; then
		eval cur=\$state_$kind
		if [ "$cur" = a ]; then next=b; else next=a; fi
		eval rev=\$rev_$next
		kb "$rev" build -o "$out" $only > /dev/null 2>&1
		eval state_$kind=$next
		left=$(leftovers "$WORK/site" "$kind")
		if [ -n "$left" ]; then
			swept_bad=$((swept_bad + 1))
			fail "build run $i: a complete build left temporaries: $left"
		fi
	fi
done
echo "# build: $RUNS runs killed, $killed left temporaries behind for the next run"
[ $bad -eq 0 ] && ok "build: after each of $RUNS kills the output is the old or the new complete one"
[ $swept_bad -eq 0 ] && ok "build: complete runs sweep the temporaries of killed ones"

# ---- kitei bundle ---------------------------------------------------------
for rv in a b; do
	eval rev=\$rev_$rv
	kb "$rev" bundle -o "$WORK/ref-$rv.zip" > "$WORK/ref-$rv.zip.log" 2>&1 ||
	    fail "reference bundle at $rv"
done
d_bundle=$(seconds kb "$rev_a" bundle -o "$WORK/time.zip")
echo "# a bundle takes ${d_bundle}s"
cmp -s "$WORK/time.zip" "$WORK/ref-a.zip" && ok "bundle: the same revision gives the same zip" ||
    fail "bundle: the same revision gives the same zip"
mkdir -p "$WORK/drop"
zip=$WORK/drop/bundle.zip
state=none
bad=0
swept_bad=0
unverified=0
killed=0
i=0
while [ $i -lt "$RUNS" ]; do
	i=$((i + 1))
	if [ "$state" = a ]; then next=b; else next=a; fi
	eval rev=\$rev_$next
	t=$(delay $((i + 100000)) "$d_bundle")
	killed_run "$t" "$rev" bundle -o "$zip"
	if [ ! -e "$zip" ]; then
		now=none
	elif cmp -s "$zip" "$WORK/ref-$next.zip"; then
		now=$next
	elif [ "$state" != none ] && cmp -s "$zip" "$WORK/ref-$state.zip"; then
		now=$state
	else
		now=bad
	fi
	if [ "$now" = bad ] || { [ "$now" = none ] && [ "$state" != none ]; }; then
		bad=$((bad + 1))
		fail "bundle run $i (killed after ${t}s): the zip is neither absent before the first one, nor the old, nor the new complete one ($now)"
		cp "$WORK/ref-$next.zip" "$zip"
		now=$next
	elif [ "$now" != "$state" ] && [ "$now" != none ]; then
		if ! "$KITEI" verify "$zip" > "$WORK/verify.log" 2>&1; then
			unverified=$((unverified + 1))
			fail "bundle run $i: kitei verify fails the new zip"
			head -3 "$WORK/verify.log"
		fi
	fi
	state=$now
	[ -n "$(leftovers "$WORK/drop" bundle.zip)" ] && killed=$((killed + 1))
	if [ $((i % 5)) -eq 0 ]; then
		if [ "$state" = a ]; then next=b; else next=a; fi
		eval rev=\$rev_$next
		kb "$rev" bundle -o "$zip" > /dev/null 2>&1
		state=$next
		left=$(leftovers "$WORK/drop" bundle.zip)
		if [ -n "$left" ]; then
			swept_bad=$((swept_bad + 1))
			fail "bundle run $i: a complete bundle left temporaries: $left"
		fi
	fi
done
echo "# bundle: $RUNS runs killed, $killed left temporaries behind for the next run"
[ $bad -eq 0 ] && ok "bundle: after each of $RUNS kills the zip is absent (before the first), the old, or the new complete one"
[ $unverified -eq 0 ] && ok "bundle: kitei verify passes every new zip"
[ $swept_bad -eq 0 ] && ok "bundle: complete runs sweep the temporaries of killed ones"
true
