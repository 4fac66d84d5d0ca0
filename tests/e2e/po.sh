#!/bin/sh
# Every message is translated (docs/architecture.md "Messages"): a template
# made afresh from the message table and the _() strings, as make
# po/kitei.pot makes it, leaves nothing untranslated or fuzzy in po/ja.po,
# and msgfmt --check finds every translation keeping its conversions.
. "$ROOT/tests/lib.sh"

cd "$ROOT" || exit 2
pot="$WORK/kitei.pot"
if xgettext --from-code=UTF-8 -C -k_ -kN_ --package-name=kitei --no-wrap \
    -o "$pot" generator/msg.h generator/*.c generator/typeset/*.c \
    > "$WORK/xgettext.out" 2>&1; then
	ok "xgettext makes a fresh template"
else
	fail "xgettext makes a fresh template"; cat "$WORK/xgettext.out"
fi

if [ "$(grep -c '^msgid "' "$pot")" -gt 100 ]; then ok "the template holds the messages"
else fail "the template holds the messages ($(grep -c '^msgid "' "$pot") msgids)"; fi

if sh scripts/po-check.sh "$pot" po/ja.po > "$WORK/po-check.out" 2>&1; then
	ok "po-check: every message is translated in po/ja.po"
else
	fail "po-check: every message is translated in po/ja.po"
	head -40 "$WORK/po-check.out"
fi

if msgfmt --check --statistics -o /dev/null po/ja.po > "$WORK/msgfmt.out" 2>&1 &&
    ! grep -q 'fuzzy\|untranslated' "$WORK/msgfmt.out"; then
	ok "msgfmt --check: po/ja.po is well formed, nothing fuzzy"
else
	fail "msgfmt --check: po/ja.po is well formed, nothing fuzzy"
	head -20 "$WORK/msgfmt.out"
fi

# The check has teeth: one translation dropped, one made fuzzy.
sed 's/^msgstr "使い方: kitei .*/msgstr ""/' po/ja.po > "$WORK/untr.po"
expect_status "po-check fails on an untranslated message" 1 \
    sh scripts/po-check.sh "$pot" "$WORK/untr.po"
awk '/^msgid "usage: kitei/ { print "#, fuzzy" } { print }' po/ja.po \
    > "$WORK/fuzzy.po"
expect_status "po-check fails on a fuzzy message" 1 \
    sh scripts/po-check.sh "$pot" "$WORK/fuzzy.po"
