#!/bin/sh
# Dates out of range (issue 11, F): commits whose times lie at the ends of
# int64 (and just past year 9999), with the widest offsets git writes, run
# through check, history, build and bundle.  No signed overflow (the suite
# also runs under UBSan: make sanitize), every date printed is a real
# four-digit one, and a warning names each commit whose date was clamped.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

base fx
approve "$repo" "A"
tree=$(git -C "$repo" rev-parse 'HEAD^{tree}')
parent=$(git -C "$repo" rev-parse HEAD)

# extreme TIME OFFSET SUBJECT: an approval commit with this committer and
# author date, written by hand (git itself refuses such dates).
extreme() {
	printf 'tree %s\nparent %s\nauthor 山田 太郎 <yamada@example.co.jp> %s %s\ncommitter 山田 太郎 <yamada@example.co.jp> %s %s\n\n%s\n\nApproved-by: 山田 太郎 <yamada@example.co.jp>\n' \
	    "$tree" "$parent" "$1" "$2" "$1" "$2" "$3" |
	    git -C "$repo" hash-object -t commit -w --literally --stdin
}

# baddates FILE: lines with a date that is not YYYY-MM-DD (or 年月日 with
# more than four digits of year), e.g. 219250468-12-04 or -138663471--4-04.
baddates() {
	grep -E -e '-?[0-9]{5,}-[0-9-]+' -e '[0-9]+--[0-9]' -e '[0-9]{5,}年' "$1" | head -3
}

for spec in "9223372036854775807 +9959 max" "-9223372036854775808 -9959 min" \
    "253402300800 +0000 year10000" "-62135596801 +0000 year0" "9223372036854775807 -1200 max-west"; do
	set -- $spec
	rev=$(extreme "$1" "$2" "$3")
	name=$3
	short=$(echo "$rev" | cut -c1-12)
	"$KITEI" -C "$r" --rev "$rev" --today "$TODAY" check > "$WORK/$name.check" 2>&1
	rc=$?
	[ $rc -le 1 ] && ok "$name: check runs (exit $rc)" || fail "$name: check runs (exit $rc)"
	contains "$name: check names the commit whose date is clamped" "$WORK/$name.check" \
	    "commit $short: its date lies outside the years 1 to 9999"
	[ "$(grep -c "commit $short: its date" "$WORK/$name.check")" -eq 1 ] &&
	    ok "$name: said once" || fail "$name: said once"
	bad=$(baddates "$WORK/$name.check")
	[ -z "$bad" ] && ok "$name: check prints real dates" || fail "$name: check prints real dates: $bad"

	"$KITEI" -C "$r" --rev "$rev" history > "$WORK/$name.hist" 2>&1
	"$KITEI" -C "$r" --rev "$rev" history --format json >> "$WORK/$name.hist" 2>&1
	bad=$(baddates "$WORK/$name.hist")
	[ -z "$bad" ] && ok "$name: history prints real dates" || fail "$name: history prints real dates: $bad"
	grep -q '^Date: [0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T' "$WORK/$name.hist" &&
	    ok "$name: history's dates are ISO 8601" || fail "$name: history's dates are ISO 8601"

	"$KITEI" -C "$r" --rev "$rev" --today "$TODAY" build -o "$WORK/$name" > "$WORK/$name.build" 2>&1
	rc=$?
	[ $rc -le 1 ] && ok "$name: build runs (exit $rc)" || { fail "$name: build runs (exit $rc)"; tail -3 "$WORK/$name.build"; }
	cat "$WORK/$name"/*.html "$WORK/$name"/manuals/*.html "$WORK/$name"/coverage.json > "$WORK/$name.all" 2>/dev/null
	bad=$(baddates "$WORK/$name.all")
	[ -z "$bad" ] && ok "$name: the pages show real dates" || fail "$name: the pages show real dates: $bad"
	if grep -o 'datetime="[^"]*"' "$WORK/$name.all" | grep -v -q 'datetime="[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]'; then
		fail "$name: every datetime is YYYY-MM-DD"
	else
		ok "$name: every datetime is YYYY-MM-DD"
	fi
	"$KITEI" -C "$r" --rev "$rev" --today "$TODAY" bundle --draft -o "$WORK/$name.zip" > "$WORK/$name.bundle" 2>&1
	rc=$?
	[ $rc -le 1 ] && ok "$name: bundle runs (exit $rc)" || { fail "$name: bundle runs (exit $rc)"; tail -3 "$WORK/$name.bundle"; }
	unzip -p "$WORK/$name.zip" manifest.json > "$WORK/$name.manifest" 2>/dev/null
	grep -q '"date": "[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]"' "$WORK/$name.manifest" &&
	    ok "$name: the manifest's date is YYYY-MM-DD" || fail "$name: the manifest's date is YYYY-MM-DD"
done

# The ends themselves: the last and first days kitei shows.
rev=$(extreme 9223372036854775807 +0000 last)
"$KITEI" -C "$r" --rev "$rev" history > "$WORK/last.hist" 2>&1
contains "INT64_MAX is shown as the last time" "$WORK/last.hist" "Date: 9999-12-30T23:59:59+00:00"
rev=$(extreme -9223372036854775808 +0000 first)
"$KITEI" -C "$r" --rev "$rev" history > "$WORK/first.hist" 2>&1
contains "INT64_MIN is shown as the first time" "$WORK/first.hist" "Date: 0001-01-02T00:00:00+00:00"
true
