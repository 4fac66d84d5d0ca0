#!/bin/sh
# Locale-proof output (issue 20): kitei's bytes must not depend on the locale
# it runs in, even if it took the whole locale with setlocale(LC_ALL, "").
# KITEI_TEST_SETLOCALE=1 is a test-only hook that makes main() do exactly
# that; each run below takes LANG from C.UTF-8, ja_JP.UTF-8 (multibyte
# classes: fnmatch's ? matches 規) or de_DE.UTF-8 (decimal comma: strtod
# reads 0.5pt as 0, libxml2 writes 87,5, Cairo 1.16 reads tag numbers with
# sscanf), with LC_MESSAGES=C since the language of messages is the one thing
# that may follow the locale.  Every command and output format is compared
# byte for byte with a run without the hook: check (text, json, sarif,
# junit), catalog, history, build (HTML, PDF, CSV, JSON, public page,
# dashboard), diff (HTML, PDF) and bundle (zip, verify).  This test stands
# in for running the whole suite three times.  The fixture is the sample
# policy root, approved twice, with one element left uncovered (so that
# percentages have a fraction: 86 of 87) and a manual chosen by a '?' glob.
. "$ROOT/tests/lib.sh"

LOCALES="C.UTF-8 ja_JP.UTF-8 de_DE.UTF-8"
for l in $LOCALES; do
	# locale -a spells them ja_JP.utf8.
	want=$(echo "$l" | sed 's/UTF-8$/utf8/')
	if ! locale -a 2>/dev/null | grep -qix "$want"; then
		fail "locale $l missing (scripts/deps.sh generates it: localedef -i ${l%.*} -f UTF-8 $l)"
		exit 0
	fi
done

# The fixture: the sample, first approved as it is (第1版), then changed
# (one covers: dropped, a sentence changed, a manual of notes/?.md added)
# and approved with a 施行日.
repo=$WORK/sample
r=$repo/policies
new_repo "$repo"
mkdir -p "$r"
(cd "$ROOT" && git archive HEAD policies) | tar -x -C "$repo" 2>/dev/null ||
    cp -R "$ROOT/policies/." "$r/"
commit_all "$repo" "第1版" -m "$(printf '%s\n' \
    "Approved-by: 山田 太郎 <yamada@example.co.jp>" \
    "Approved-by: 佐藤 花子 <sato@example.co.jp>" "Effective: 2026-01-10")"
f=$(grep -l '<!-- covers: ' "$r"/security/*.md | head -1)
awk '/<!-- covers: / && !done { done = 1; next } { print }' "$f" > "$WORK/f.md" && mv "$WORK/f.md" "$f"
sed -i '0,/。$/s/。$/（改定）。/' "$r/system-risk/"*.md
mkdir -p "$r/notes"
printf '# 規程集の索引\n\n## 索引\n本規程集の索引を示す。\n' > "$r/notes/規.md"
awk '{ print } /^    approvers: \[board, system-executive\]$/ && !done {
	print "  - id: notes"; print "    title: 索引"; print "    kind: policy"
	print "    documents: [notes/?.md]"; print "    approvers: [board]"; done = 1 }' \
    "$r/kitei.yml" > "$WORK/k.yml" && mv "$WORK/k.yml" "$r/kitei.yml"
commit_all "$repo" "第2版" -m "$(printf '%s\n' \
    "Approved-by: 山田 太郎 <yamada@example.co.jp>" \
    "Approved-by: 佐藤 花子 <sato@example.co.jp>" "Effective: 2026-02-01")"
old=$(git -C "$repo" rev-parse HEAD~1)

# run DIR [env...]: every command and format into DIR (outputs and their
# messages), from inside DIR so that no path in a message differs.
run() {
	o=$1; shift
	rm -rf "$o"; mkdir -p "$o"
	(
	cd "$o" || exit 2
	k() { env "$@"; }
	for fmt in text json sarif junit; do
		k "$@" "$KITEI" -C "$r" --today 2026-03-01 check --format $fmt > check.$fmt 2>&1
		echo "exit $?" >> check.$fmt
	done
	k "$@" "$KITEI" -C "$r" catalog --format json > catalog.json 2>&1
	k "$@" "$KITEI" -C "$r" catalog 1.1 --format text > catalog.txt 2>&1
	k "$@" "$KITEI" -C "$r" history --format json > history.json 2>&1
	k "$@" "$KITEI" -C "$r" --today 2026-03-01 build -o "$o/build" > build.log 2>&1
	echo "exit $?" >> build.log
	k "$@" "$KITEI" -C "$r" --today 2026-03-01 diff "$old" -o "$o/diff" > diff.log 2>&1
	echo "exit $?" >> diff.log
	k "$@" "$KITEI" -C "$r" --today 2026-03-01 bundle --since "$old" -o "$o/b.zip" > bundle.log 2>&1
	echo "exit $?" >> bundle.log
	k "$@" "$KITEI" verify "$o/b.zip" > verify.log 2>&1
	echo "exit $?" >> verify.log
	sed -i "s|$o|OUT|g" ./*.log
	)
}

run "$WORK/ref"
for l in $LOCALES; do
	run "$WORK/$l" -u LC_ALL KITEI_TEST_SETLOCALE=1 LANG="$l" LC_MESSAGES=C
done

# The reference is whole: every format was written, the build's findings
# are the one uncovered element, the '?' glob took 規.md, and the
# percentages have their fraction.
for f in check.text check.json check.sarif check.junit catalog.json history.json \
    build/index.html build/coverage.html build/coverage.csv build/coverage.json \
    build/coverage.pdf build/manuals/notes.pdf build/manuals/security.pdf \
    build/manuals/security.html diff/system-risk.pdf diff/system-risk.html b.zip; do
	check "reference run wrote $f" test -s "$WORK/ref/$f"
done
contains "reference: the build reports the element left uncovered" "$WORK/ref/build.log" "[missing-coverage]"
lacks "reference: 規.md belongs to the notes manual (? is one character)" "$WORK/ref/check.text" "notes/規.md"
check "reference: percentages keep their fraction (98.8%)" grep -qE '[0-9][.][0-9]%' "$WORK/ref/build/index.html"
contains "reference: the bundle verifies" "$WORK/ref/verify.log" "exit 0"

# Same bytes under every locale, file by file.
for l in $LOCALES; do
	(cd "$WORK/ref" && find . -type f | LC_ALL=C sort) > "$WORK/ref.list"
	(cd "$WORK/$l" && find . -type f | LC_ALL=C sort) > "$WORK/$l.list"
	same "$l: the same files" "$WORK/$l.list" "$WORK/ref.list"
	bad=
	while read -r p; do
		cmp -s "$WORK/ref/$p" "$WORK/$l/$p" || bad="$bad $p"
	done < "$WORK/ref.list"
	if [ -z "$bad" ]; then ok "$l: every output byte-identical"
	else fail "$l: outputs differ:$bad"
		for p in $bad; do
			case "$p" in *.pdf|*.zip) ;; *) diff "$WORK/ref/$p" "$WORK/$l/$p" | head -5 ;; esac
		done
	fi
done

# Globs kitei cannot read the same way in every locale are refused, naming
# the glob: a class such as [[:alpha:]] follows LC_CTYPE.
sed -i 's|documents: \[notes/?.md\]|documents: ["notes/[[:alpha:]]*.md"]|' "$r/kitei.yml"
commit_all "$repo" "class"
"$KITEI" -C "$r" check > "$WORK/class.out" 2>&1
echo "exit $?" >> "$WORK/class.out"
contains "a [[:alpha:]] glob is refused" "$WORK/class.out" "glob 'notes/[[:alpha:]]*.md' not read: character classes"
contains "a [[:alpha:]] glob: exit 2" "$WORK/class.out" "exit 2"
