#!/bin/sh
# JLREQ score of three typesetters on one corpus: tests/jlreq/corpus.md built
# as a kitei manual; kitei's PDF, and its HTML printed by Chromium
# (--print-to-pdf) and WeasyPrint, each read by tests/jlreq/check.py.
# Prints the violations per rule side by side (lower is better).
# Needs: chromium, weasyprint (bench only: apt-get install weasyprint),
# python3-gi and gir1.2-poppler-0.18.
# Usage: sh bench/jlreq.sh   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KITEI=$ROOT/kitei
DIR=${TMPDIR:-/tmp}/kitei-bench-jlreq
[ -x "$KITEI" ] || make --no-print-directory kitei >/dev/null
. tests/jlreq/build.sh
html=$DIR/out/manuals/jlreq.html
cp "$DIR/out/manuals/jlreq.pdf" "$DIR/kitei.pdf"
if command -v chromium >/dev/null 2>&1; then
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	    --print-to-pdf="$DIR/chromium.pdf" "file://$html" >/dev/null 2>&1 || true
fi
if command -v weasyprint >/dev/null 2>&1; then
	weasyprint -q "$html" "$DIR/weasyprint.pdf" >/dev/null 2>&1 || true
fi
for t in kitei chromium weasyprint; do
	if [ -s "$DIR/$t.pdf" ]; then
		/usr/bin/python3 tests/jlreq/check.py "$DIR/$t.pdf" \
		    $(cat tests/jlreq/tokens) > "$DIR/$t.score"
	else
		echo "not run" > "$DIR/$t.score"
	fi
done
awk 'BEGIN { printf "%-12s %6s %6s %6s %6s %6s\n", "", "wakan", "punct", "last", "break", "total" }'
for t in kitei chromium weasyprint; do
	awk -v t=$t '/ wakan / { w++ } / punct / { p++ } / last line / { l++ }
	    /^break / { b++ } /violations$/ { n = $1 } /^not run/ { n = "-" }
	    END { printf "%-12s %6d %6d %6d %6d %6s\n", t, w, p, l, b, n }' "$DIR/$t.score"
done
echo "(violation lists: $DIR/*.score)"
