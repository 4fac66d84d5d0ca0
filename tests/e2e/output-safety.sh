#!/bin/sh
# Output never destroys what kitei did not create (issue 11, part A).
#   1. build, diff and bundle refuse a target kitei may not replace: the
#      policy root, the repository (.git included), the root, the home
#      folder, a folder of documents, a symbolic link to one, each spelled
#      with and without a trailing slash; anything inside .git.  Exit 2, one
#      line naming the target, and the target untouched.  Folders kitei made
#      carry a .kitei-output marker and are replaced; absent and empty ones
#      are made.
#   2. --only with an unknown part is refused, listing the parts; --only X
#      rewrites part X of an existing output and keeps the rest.
#   3. Two kitei writing one target at once (two builds, a build and a diff,
#      two bundles) both succeed, and the output is complete.
#   4. A full disk (a small tmpfs, and ulimit -f) gives exit 2, a message
#      naming the path the user gave (never the temporary folder), and the
#      previous output intact.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

PAIRS=${OUTPUT_SAFETY_PAIRS:-20}

base fx
approve "$repo" "A"
rev_a=$(git -C "$repo" rev-parse HEAD)
echo "本文の追記。" >> "$r/policy/01-basic.md"
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

# k ARGS...: kitei on the fixture's policy root, at revision B.
k() {
	"$KITEI" -C "$r" --rev "$rev_b" --today "$TODAY" "$@"
}

# refused "what" TARGET-SHOWN LOG: exit 2 was seen (in $rc), the log has one
# line, naming the target, and no temporary name.
refused() {
	if [ "$rc" -ne 2 ]; then
		fail "$1: exit $rc, want 2"; tail -3 "$3"
	elif [ "$(wc -l < "$3")" -ne 1 ]; then
		fail "$1: not one line"; cat "$3"
	elif ! grep -qF -- "$2: error: " "$3"; then
		fail "$1: the message does not name '$2'"; cat "$3"
	elif grep -q 'kitei-tmp\|kitei-stage' "$3"; then
		fail "$1: the message names a temporary"; cat "$3"
	else
		ok "$1"
	fi
}

# The things that must survive every refusal.
mkdir -p "$WORK/docs/sub"
echo "大切な書類" > "$WORK/docs/memo.txt"
echo "下書き" > "$WORK/docs/sub/draft.txt"
ln -s "$WORK/docs" "$WORK/docs-link"
ln -s "$repo" "$WORK/repo-link"
echo "メモ" > "$WORK/notes.txt"
manifest "$WORK/docs" > "$WORK/docs.mf"
(cd "$repo" && git ls-files -s && git status --porcelain && find .git -type f | LC_ALL=C sort) > "$WORK/repo.state"

# ---- 1. targets kitei may not replace -----------------------------------
i=0
for t in . ./ .. ../ ../.git ../.git/ ../.git/objects ../.git/kitei-new / // "$WORK" "$WORK/" \
    "$repo" policy policy/ "$WORK/docs" "$WORK/docs/" "$WORK/docs-link" "$WORK/docs-link/" \
    "$WORK/repo-link" "$WORK/repo-link/policies" "$WORK/notes.txt" "$WORK/repo-link/.git/x"; do
	i=$((i + 1))
	shown=$(printf '%s' "$t" | sed 's|\(.\)/*$|\1|; s|^//*$|/|')
	for cmd in build diff; do
		if [ $cmd = build ]; then
			k build -o "$t" --only html > "$WORK/ref-$i.log" 2>&1
		else
			k diff "$rev_a" "$rev_b" -o "$t" > "$WORK/ref-$i.log" 2>&1
		fi
		rc=$?
		refused "$cmd -o '$t' is refused" "$shown" "$WORK/ref-$i.log"
	done
done
for t in "$WORK/docs" "$WORK/docs/" "$WORK/docs-link" "$WORK/notes.txt" ../.git/b.zip \
    "$WORK/repo-link/.git/b.zip" . .. /; do
	i=$((i + 1))
	shown=$(printf '%s' "$t" | sed 's|\(.\)/*$|\1|; s|^//*$|/|')
	k bundle -o "$t" > "$WORK/ref-$i.log" 2>&1
	rc=$?
	refused "bundle -o '$t' is refused" "$shown" "$WORK/ref-$i.log"
done
manifest "$WORK/docs" > "$WORK/docs.after"
same "the documents folder is untouched" "$WORK/docs.after" "$WORK/docs.mf"
contains "the file is untouched" "$WORK/notes.txt" "メモ"
(cd "$repo" && git ls-files -s && git status --porcelain && find .git -type f | LC_ALL=C sort) > "$WORK/repo.after"
same "the repository and its .git are untouched" "$WORK/repo.after" "$WORK/repo.state"
left=$(ls -a "$WORK" "$repo" "$r" | grep 'kitei-' || true)
[ -z "$left" ] && ok "refusals leave no temporaries or locks" || fail "refusals left: $left"

# A folder kitei made from nothing carries the marker and is replaced.
k build -o "$WORK/out" --only html,dashboard > "$WORK/out.log" 2>&1
rc=$?
[ $rc -eq 0 ] && [ -f "$WORK/out/.kitei-output" ] && ok "a new output folder gets the marker" ||
    fail "a new output folder gets the marker (exit $rc)"
grep -qx 'kitei-output [1-9][0-9]* build' "$WORK/out/.kitei-output" &&
    ok "the marker holds its format version and kind" || fail "the marker holds its format version and kind"
expect_status "a folder kitei made is replaced" 0 k build -o "$WORK/out/" --only html,dashboard
k build > "$WORK/default.log" 2>&1 && k build > "$WORK/default.log" 2>&1 &&
    [ -f "$r/output/.kitei-output" ] && ok "policies/output (the default) is made and replaced" ||
    { fail "policies/output (the default) is made and replaced"; cat "$WORK/default.log"; }
mkdir "$WORK/empty"
expect_status "an empty folder is written" 0 k build -o "$WORK/empty" --only dashboard
mkdir -p "$WORK/sh"
expect_status "diff writes a new folder" 0 k diff "$rev_a" "$rev_b" -o "$WORK/sh/new"
expect_status "diff replaces its own folder" 0 k diff "$rev_a" "$rev_b" -o "$WORK/sh/new"
expect_status "a bundle is made" 0 k bundle -o "$WORK/b.zip"
expect_status "a bundle kitei made is replaced" 0 k bundle -o "$WORK/b.zip"
# An output written before markers existed (or a forged marker) is refused.
cp -a "$WORK/out" "$WORK/old" && rm "$WORK/old/.kitei-output"
k build -o "$WORK/old" > "$WORK/old.log" 2>&1
rc=$?
refused "an output without the marker is refused" "$WORK/old" "$WORK/old.log"
contains "the refusal says what to do" "$WORK/old.log" "remove it"
cp -a "$WORK/docs" "$WORK/forged" && echo "kitei-output please" > "$WORK/forged/.kitei-output"
k build -o "$WORK/forged" > "$WORK/forged.log" 2>&1
rc=$?
refused "a marker that is not kitei's is refused" "$WORK/forged" "$WORK/forged.log"
cp -a "$WORK/docs" "$WORK/mdir" && mkdir "$WORK/mdir/.kitei-output"
k build -o "$WORK/mdir" > "$WORK/mdir.log" 2>&1
rc=$?
refused "a marker that is a folder is refused" "$WORK/mdir" "$WORK/mdir.log"
echo "PK not a bundle" > "$WORK/fake.zip"
k bundle -o "$WORK/fake.zip" > "$WORK/fake.log" 2>&1
rc=$?
refused "a zip kitei did not make is refused" "$WORK/fake.zip" "$WORK/fake.log"

# ---- 2. --only ------------------------------------------------------------
k build -o "$WORK/full" > /dev/null 2>&1
manifest "$WORK/full" > "$WORK/full.mf"
for bad in publc "html,publc" "html," ",pdf" "" "HTML" "html pdf"; do
	k build -o "$WORK/full" --only "$bad" > "$WORK/only.log" 2>&1
	rc=$?
	if [ $rc -eq 2 ] && grep -qF "html, pdf, public, dashboard" "$WORK/only.log"; then
		ok "--only '$bad' is refused, listing the parts"
	else
		fail "--only '$bad' is refused, listing the parts (exit $rc)"; cat "$WORK/only.log"
	fi
done
manifest "$WORK/full" > "$WORK/full.after"
same "a refused --only leaves the output as it was" "$WORK/full.after" "$WORK/full.mf"
for part in public html pdf dashboard html,dashboard pdf,public; do
	k build -o "$WORK/full" --only "$part" > "$WORK/only.log" 2>&1
	manifest "$WORK/full" > "$WORK/full.after"
	same "--only $part rewrites its part and keeps the rest" "$WORK/full.after" "$WORK/full.mf"
done
# A diff's folder is replaced whole by a partial build: nothing of it is a build's.
k diff "$rev_a" "$rev_b" -o "$WORK/dd" > /dev/null 2>&1
k build -o "$WORK/dd" --only dashboard > /dev/null 2>&1
[ -f "$WORK/dd/index.html" ] && [ ! -e "$WORK/dd/policy.html" ] && [ ! -e "$WORK/dd/shinkyu.css" ] &&
    ok "--only over a diff's folder keeps none of the diff" ||
    fail "--only over a diff's folder keeps none of the diff"
# A part rewritten from another revision changes; the others stay.
"$KITEI" -C "$r" --rev "$rev_a" --today "$TODAY" build -o "$WORK/full" --only public > /dev/null 2>&1
"$KITEI" -C "$r" --rev "$rev_a" --today "$TODAY" build -o "$WORK/pa" > /dev/null 2>&1
cmp -s "$WORK/full/manuals/policy.pdf" "$WORK/pa/manuals/policy.pdf" &&
    fail "the fixture's revisions differ in the manual" || ok "the fixture's revisions differ in the manual"
cmp -s "$WORK/full/public/index.html" "$WORK/pa/public/index.html" &&
    grep "manuals/policy.pdf" "$WORK/full.mf" | cut -d' ' -f2 | grep -q "$(sha256sum < "$WORK/full/manuals/policy.pdf" | cut -c1-64)" &&
    ok "--only public from another revision keeps the other parts" ||
    fail "--only public from another revision keeps the other parts"

# ---- 3. two writers of one target ----------------------------------------
# References: what each kind of run leaves.
k build -o "$WORK/ref-build" --only html,dashboard > /dev/null 2>&1
manifest "$WORK/ref-build" > "$WORK/ref-build.mf"
k diff "$rev_a" "$rev_b" -o "$WORK/ref-diff" > /dev/null 2>&1
manifest "$WORK/ref-diff" > "$WORK/ref-diff.mf"
k bundle -o "$WORK/ref.zip" > /dev/null 2>&1
failed=0
incomplete=0
p=0
while [ $p -lt "$PAIRS" ]; do
	p=$((p + 1))
	case $((p % 3)) in
	0)	what="two builds"
		k build -o "$WORK/race" --only html,dashboard > "$WORK/race1.log" 2>&1 &
		p1=$!
		k build -o "$WORK/race" --only html,dashboard > "$WORK/race2.log" 2>&1 &
		p2=$! ;;
	1)	what="a build and a diff"
		k build -o "$WORK/race" --only html,dashboard > "$WORK/race1.log" 2>&1 &
		p1=$!
		k diff "$rev_a" "$rev_b" -o "$WORK/race" > "$WORK/race2.log" 2>&1 &
		p2=$! ;;
	2)	what="two bundles"
		k bundle -o "$WORK/race.zip" > "$WORK/race1.log" 2>&1 &
		p1=$!
		k bundle -o "$WORK/race.zip" > "$WORK/race2.log" 2>&1 &
		p2=$! ;;
	esac
	wait $p1; rc1=$?
	wait $p2; rc2=$?
	if [ $rc1 -ne 0 ] || [ $rc2 -ne 0 ]; then
		failed=$((failed + 1))
		fail "pair $p ($what): exit $rc1 and $rc2"
		cat "$WORK/race1.log" "$WORK/race2.log" | head -5
	fi
	if [ $((p % 3)) -eq 2 ]; then
		cmp -s "$WORK/race.zip" "$WORK/ref.zip" || {
			incomplete=$((incomplete + 1)); fail "pair $p ($what): the zip is not the complete one"; }
	else
		manifest "$WORK/race" > "$WORK/race.mf"
		if ! cmp -s "$WORK/race.mf" "$WORK/ref-build.mf" && ! cmp -s "$WORK/race.mf" "$WORK/ref-diff.mf"; then
			incomplete=$((incomplete + 1))
			fail "pair $p ($what): the output is not a complete one"
			diff "$WORK/ref-build.mf" "$WORK/race.mf" | head -5
		fi
	fi
done
[ $failed -eq 0 ] && ok "$PAIRS pairs of simultaneous writers all succeed"
[ $incomplete -eq 0 ] && ok "$PAIRS pairs of simultaneous writers leave a complete output"
left=$(ls -a "$WORK" | grep 'race.*kitei-' || true)
[ -z "$left" ] && ok "simultaneous writers leave no temporaries or locks" ||
    fail "simultaneous writers left: $left"

# ---- 4. a full disk --------------------------------------------------------
# nospace "what" LIMIT-CMD TARGET-DIR: a full build into TARGET-DIR/out over
# a previous output must exit 2 naming TARGET-DIR/out, and keep the old one;
# likewise a bundle over TARGET-DIR/b.zip.
nospace() {
	what=$1; lim=$2; dir=$3
	manifest "$dir/out" > "$WORK/prev.mf"
	cp "$dir/b.zip" "$WORK/prev.zip"
	(eval "$lim"; k build -o "$dir/out") > "$WORK/full.log" 2>&1
	rc=$?
	if [ $rc -eq 2 ]; then ok "$what: build exits 2"; else fail "$what: build exits 2 (exit $rc)"; fi
	contains "$what: the build's message names the output given" "$WORK/full.log" "$dir/out"
	lacks "$what: the build's message names no temporary" "$WORK/full.log" "kitei-tmp"
	manifest "$dir/out" > "$WORK/now.mf"
	same "$what: the previous output is intact" "$WORK/now.mf" "$WORK/prev.mf"
	(eval "$lim"; k bundle --include-confidential -o "$dir/b.zip") > "$WORK/fullb.log" 2>&1
	rc=$?
	if [ $rc -eq 2 ]; then ok "$what: bundle exits 2"; else fail "$what: bundle exits 2 (exit $rc)"; fi
	contains "$what: the bundle's message names the bundle given" "$WORK/fullb.log" "$dir/b.zip"
	lacks "$what: the bundle's message names no temporary" "$WORK/fullb.log" "kitei-"
	cmp -s "$dir/b.zip" "$WORK/prev.zip" && ok "$what: the previous bundle is intact" ||
	    fail "$what: the previous bundle is intact"
	left=$(ls -a "$dir" | grep 'kitei-' || true)
	[ -z "$left" ] && ok "$what: no temporaries left" || fail "$what: left $left"
}

# ulimit -f: writes past the limit fail (EFBIG), kitei is not killed.
mkdir -p "$WORK/lim"
k build -o "$WORK/lim/out" --only html,dashboard > /dev/null 2>&1
k bundle -o "$WORK/lim/b.zip" > /dev/null 2>&1
nospace "ulimit -f" "ulimit -f 40" "$WORK/lim"

# A small tmpfs, when this user may mount one.
mnt=$WORK/tmpfs
mkdir -p "$mnt"
if mount -t tmpfs -o size=2m tmpfs "$mnt" 2>/dev/null; then
	k build -o "$mnt/out" --only html,dashboard > /dev/null 2>&1
	k bundle -o "$mnt/b.zip" > /dev/null 2>&1
	# Fill it, leaving too little room for a new output.
	dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
	rm -f "$mnt/fill"
	avail=$(df -k "$mnt" | awk 'NR == 2 { print $4 }')
	dd if=/dev/zero of="$mnt/fill" bs=1k count=$((avail - 48)) 2>/dev/null
	nospace "a full tmpfs" ":" "$mnt"
	umount "$mnt"
else
	echo "# not allowed to mount a tmpfs here: the full-disk case runs under ulimit -f only"
fi
true
