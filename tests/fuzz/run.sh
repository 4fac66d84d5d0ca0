#!/bin/sh
# Runs each libFuzzer harness for SECONDS: run.sh SECONDS NAME...
# New inputs go to a scratch corpus ($TMPROOT/fuzz/NAME, the committed seeds in
# tests/fuzz/corpus/NAME are only read); crashes are written there as
# crash-*, and reported.  Prints executions and findings per harness; exits 1
# when any harness found something.
cd "$(dirname "$0")/../.." || exit 2
secs=${1:-60}
shift
scratch="${TMPROOT:-$(pwd)/tests/tmp}/fuzz"
# Typesetting is slow: keep FO inputs small.
maxlen_fo=2048
maxlen=16384
status=0
mkdir -p "$scratch"
for name in "$@"; do
	bin=${FUZZ_BIN_DIR:-tests/fuzz/build}/fuzz_$name
	work="$scratch/$name"
	mkdir -p "$work/corpus" "$work/artifacts"
	ml=$maxlen
	if [ "$name" = fo ]; then
		ml=$maxlen_fo
	fi
	dict=""
	[ -f tests/fuzz/$name.dict ] && dict="-dict=tests/fuzz/$name.dict"
	ASAN_OPTIONS=detect_leaks=1 \
	LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    "$bin" -max_total_time="$secs" -max_len=$ml -timeout=25 \
	    -rss_limit_mb=3072 -print_final_stats=1 $dict \
	    -artifact_prefix="$work/artifacts/" \
	    "$work/corpus" "tests/fuzz/corpus/$name" > "$work/log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
	found=$(ls "$work/artifacts" | wc -l)
	echo "fuzz_$name: ${execs:-?} executions in ${secs}s, $found finding(s) (exit $rc; log $work/log)"
	if [ "$found" -gt 0 ] || [ $rc -ne 0 ]; then
		ls "$work/artifacts" | sed "s|^|    $work/artifacts/|"
		grep -m3 'ERROR:\|runtime error' "$work/log" | sed 's/^/    /'
		status=1
	fi
done
exit $status
