#!/bin/sh
# kitei help [COMMAND] and kitei COMMAND --help (issue 13.3): one option
# table drives parsing and help, so a command's help lists exactly the
# options it reads, each explained, and an example.
. "$ROOT/tests/lib.sh"

for c in check catalog history build diff bundle verify init approve; do
	"$KITEI" help "$c" > "$WORK/help-$c.txt" 2>&1
	st=$?
	if [ $st -eq 0 ]; then ok "help $c: exit 0"; else fail "help $c: exit $st"; fi
	"$KITEI" "$c" --help > "$WORK/dash-$c.txt" 2>&1
	same "$c --help is help $c" "$WORK/dash-$c.txt" "$WORK/help-$c.txt"
	contains "help $c: its usage" "$WORK/help-$c.txt" "usage: kitei $c"
	contains "help $c: an example" "$WORK/help-$c.txt" "example:"
	contains "help $c: the example runs $c" "$WORK/help-$c.txt" "  kitei $c"
	contains "help $c: -C" "$WORK/help-$c.txt" "  -C DIR"
done
contains "check: --format with check's values" "$WORK/help-check.txt" "(text, json, sarif or junit)"
contains "check: --quiet" "$WORK/help-check.txt" "  --quiet, -q"
lacks "check: no -o" "$WORK/help-check.txt" "  -o"
contains "history: --format with its values" "$WORK/help-history.txt" "(text or json)"
contains "verify: --keyring" "$WORK/help-verify.txt" "  --keyring FILE"
lacks "verify: no --rev" "$WORK/help-verify.txt" "--rev"
contains "approve: --sign is a flag" "$WORK/help-approve.txt" "  --sign
      sign the commit"
contains "bundle: --sign takes a key" "$WORK/help-bundle.txt" "  --sign KEY"
contains "approve: --effective" "$WORK/help-approve.txt" "  --effective DATE"
# Every option a command's help names is one kitei parses.
for c in check history build; do
	for opt in $(grep -o '^  -[-a-zA-Z]*' "$WORK/help-$c.txt"); do
		"$KITEI" "$c" "$opt" --help > /dev/null 2>&1 || "$KITEI" "$c" "$opt" x --help > /dev/null 2>&1
		if [ $? -eq 0 ]; then ok "$c: $opt is an option kitei knows"; else fail "$c: $opt is an option kitei knows"; fi
	done
done
"$KITEI" help > "$WORK/help.txt" 2>&1
contains "help alone: the commands" "$WORK/help.txt" "  approve  [MANUAL...]"
contains "help alone: help itself" "$WORK/help.txt" "  help     [COMMAND]"
expect_status "help of an unknown command: exit 2" 2 "$KITEI" help nosuch
expect_status "help with two commands: exit 2" 2 "$KITEI" help check build

# The manual pages: mdoc, clean under mandoc -Tlint (warnings and worse; the
# style notes about cross references to pages not installed yet aside).
if command -v mandoc > /dev/null 2>&1; then
	for m in "$ROOT/man/kitei.1" "$ROOT/man/kitei.yml.5"; do
		if mandoc -Tlint -Wwarning "$m" > "$WORK/lint.txt" 2>&1; then ok "mandoc -Tlint $(basename "$m")"
		else fail "mandoc -Tlint $(basename "$m")"; cat "$WORK/lint.txt"; fi
	done
	contains "kitei(1) names approve" "$ROOT/man/kitei.1" ".It Cm approve"
	for c in check catalog history build diff bundle verify init approve help; do
		contains "kitei(1) has $c" "$ROOT/man/kitei.1" ".It Cm $c"
	done
else
	fail "mandoc is needed (sh scripts/deps.sh --test)"
fi
