#!/bin/sh
# po-check.sh POT PO: fails (exit 1) when a message of the template POT has
# no translation, or only a fuzzy one, in PO, and lists them; msgfmt --check
# has already checked that every translation keeps the format's conversions.
pot=$1; po=$2
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
msgmerge --quiet --no-fuzzy-matching -o "$tmp" "$po" "$pot" || exit 2
left=$(msgattrib --untranslated --only-fuzzy "$tmp" 2>/dev/null; msgattrib --untranslated "$tmp")
n=$(printf '%s\n' "$left" | grep -c '^msgid "[^"]')
if [ "$n" -gt 0 ]; then
	printf '%s\n' "$left" | grep '^msgid "[^"]' | sed 's/^/untranslated: /'
	echo "po-check: $n messages of $pot have no translation in $po" >&2
	exit 1
fi
echo "po-check: every message of $pot is translated in $po"
