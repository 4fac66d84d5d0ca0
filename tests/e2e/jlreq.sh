#!/bin/sh
# JLREQ composition (generator/typeset/jlreq.c, compose.c, the FO templates'
# 項 and 号): the corpus tests/jlreq/corpus.md, built as a manual, scores no
# violation in tests/jlreq/check.py (和欧間, adjacent brackets and stops,
# avoidable two-character last lines, numbers and addresses split over lines),
# and its 項 and 号 hang evenly.
. "$ROOT/tests/lib.sh"

PY=/usr/bin/python3
if ! $PY -c "import gi; gi.require_version('Poppler', '0.18')" 2>/dev/null; then
	fail "python3 with Poppler introspection missing (apt-get install gir1.2-poppler-0.18 python3-gi)"
	exit 0
fi
DIR=$WORK/corpus
. "$ROOT/tests/jlreq/build.sh"
pdf=$DIR/out/manuals/jlreq.pdf
if [ -s "$pdf" ]; then ok "the corpus builds"; else fail "the corpus builds"; exit 0; fi

$PY "$ROOT/tests/jlreq/check.py" "$pdf" $(cat "$ROOT/tests/jlreq/tokens") > "$WORK/score"
if [ "$(tail -1 "$WORK/score")" = "0 violations" ]; then ok "JLREQ corpus: 0 violations"
else fail "JLREQ corpus: $(tail -1 "$WORK/score")"; head -20 "$WORK/score"; fi

# Each rule on its own, so that a regression names itself.
for r in wakan punct last break; do
	if grep -q " $r \|^$r " "$WORK/score"; then fail "no $r violation"; else ok "no $r violation"; fi
done
# 「年1回」「当社CSIRTを」 get a 和欧間 and pdftotext sees it; 「CSIRT は」 keeps its one space.
pdftotext -layout "$pdf" "$WORK/text"
contains "年1回 gets 和欧間" "$WORK/text" "年 1 回"
contains "当社CSIRTを gets 和欧間" "$WORK/text" "当社 CSIRT を"

# 項: every line of the first 項 and the lines after 「2　」's first start at
# one x; the number 2 stands out at the margin.  (The helper reads the glyph
# lines with check.py's own reader.)
sed "s|__CHECK__|$ROOT/tests/jlreq/check.py|" > "$WORK/hang.py" <<'PYEOF'
import sys
pdf = sys.argv[1]
sys.argv = ['check.py', pdf]
src = open('__CHECK__').read().replace('\nmain()\n', '\n')
exec(src)
L = lines_of(pdf)
# The lines of section 3 (項と号): from 「システムリスク管理責任者」 to the table.
xs = []
on = False
for pn, ln in L:
    t = ''.join(g[0] for g in ln)
    if t.startswith('システムリスク管理責任者'):
        on = True
    if t.startswith('一'):
        break
    if on:
        xs.append((t[:6], round(ln[0][1], 1)))
for t, x in xs:
    print(x, t)
PYEOF
$PY "$WORK/hang.py" "$pdf" > "$WORK/hang"
# 項 text column: the first 項's lines and the second's continuation.
n=$(awk 'skip { skip = 0; next } $2 ~ /^2/ { skip = 1; next } { print $1 }' "$WORK/hang" | sort -u | wc -l)
if [ "$n" -eq 1 ]; then ok "項 lines start at one x, 第1項 included"; else
	fail "項 lines start at one x, 第1項 included"; cat "$WORK/hang"; fi
