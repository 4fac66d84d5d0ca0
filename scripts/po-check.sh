#!/bin/sh
# po-check.sh POT PO: fails (exit 1) when a message of the template POT has
# no translation, or only a fuzzy one, in PO, and lists them; msgfmt --check
# has already checked that every translation keeps the format's conversions.
pot=$1; po=$2
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
msgmerge --quiet --no-fuzzy-matching -o "$tmp" "$po" "$pot" || exit 2
# Fuzzy entries (translated or not) and untranslated ones; msgattrib
# --untranslated --only-fuzzy would keep only those both, letting a fuzzy
# translation through.
# A msgid spread over lines (msgid "" then "\n…") is joined into one.
left=$( { msgattrib --no-wrap --only-fuzzy "$tmp"
	msgattrib --no-wrap --untranslated "$tmp"; } |
    awk '/^msgid / { id = $0; on = 1; next }
	on && /^"/ { sub(/^"/, "", $0); sub(/"$/, "", id); id = id $0; next }
	on { print id; on = 0 }' | grep '^msgid "[^"]' | sort -u)
n=$(printf '%s\n' "$left" | grep -c '^msgid "[^"]')
if [ "$n" -gt 0 ]; then
	printf '%s\n' "$left" | sed 's/^/untranslated or fuzzy: /'
	echo "po-check: $n messages of $pot have no translation in $po" >&2
	exit 1
fi
echo "po-check: every message of $pot is translated in $po"
