#!/bin/sh
# Enforces the "who may include me" line of every header in generator/
# (docs/style.md rule 3): the first comment of X.h says "For main.c and
# render.c." or "For main.c only." or "Any module may include this header.";
# every generator/*.c that includes "X.h" must be X.c or one it names.
# Names are file names (render.c) or stage names before "stage(s)" ("the
# coverage, assemble and render stages").  A line that names no file
# ("the stages after parse", "every module that prints JSON") cannot be
# checked: it is listed, and fails the check, so the header gets fixed.
# Tests (tests/) may include any header.  Prints one line per violation,
# then "include contracts ok" or exits 1.
cd "$(dirname "$0")/.." || exit 2
bad=0
for h in generator/*.h; do
	base=$(basename "$h" .h)
	# The first comment on one line, then its "For …." or "Any module…"
	# sentence: up to a full stop followed by a space or the end.
	who=$(awk 'NR == 1, /\*\//' "$h" | sed 's/^[ \/]*\*[\/]* \{0,1\}//' |
	    tr '\n' ' ' | sed -n 's/.*\(For [^ ].*\)/\1/p;s/.*\(Any module\).*/\1/p' |
	    head -1 | sed 's/\.\( .*\)\{0,1\}$//; s/\.  *[A-Z].*//')
	case "$who" in
	"Any module"*)
		continue ;;
	"")
		echo "$h: no \"For X.c\" or \"Any module may include this header\" line"
		bad=1
		continue ;;
	esac
	# Drop parenthesised asides, which explain rather than name.
	names=$(echo "$who" | sed 's/([^)]*)//g')
	allowed=" $base.c "
	for f in $(echo "$names" | grep -o '[a-z_][a-z0-9_]*\.c'); do
		allowed="$allowed$f "
	done
	# "the coverage, assemble and render stages": each name before "stage".
	stages=$(echo "$names" | sed 's/[a-z_][a-z0-9_]*\.c/FILE/g' | grep -o '\([a-z_]*, \)*\([a-z_]* and \)\{0,1\}[a-z_]* stages\{0,1\}' |
	    sed 's/ stages\{0,1\}$//; s/,//g; s/ and / /g')
	vague=
	for s in $stages; do
		case "$s" in
		the|after|that) vague=1 ;;
		*)	if [ -f "generator/$s.c" ]; then allowed="$allowed$s.c "
			else vague=1; fi ;;
		esac
	done
	case "$names" in
	*"stages after"*|*"stages that"*|*"every module"*|*"the stages"*) vague=1 ;;
	esac
	if [ -n "$vague" ]; then
		echo "$h: \"$who\" names no files; say which (style rule 3)"
		bad=1
		continue
	fi
	for c in $(grep -l "^#include \"$base.h\"" generator/*.c); do
		case "$allowed" in
		*" $(basename "$c") "*) ;;
		*)	echo "$c: includes $base.h, which is \"$who\""
			bad=1 ;;
		esac
	done
done
[ $bad -eq 0 ] && echo "include contracts ok"
exit $bad
