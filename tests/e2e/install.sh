#!/bin/sh
# make install: builds a copy of the source tree with PREFIX set, installs
# it, and runs the installed kitei from a folder outside any repository, with
# the source tree moved away: it must find its catalogs under
# $(PREFIX)/share/kitei.  Then DESTDIR staging and make uninstall.
. "$ROOT/tests/lib.sh"

src=$WORK/src
inst=$WORK/inst
rm -rf "$src" "$src.gone" "$inst" "$WORK/stage"
mkdir -p "$src"
for d in Makefile scripts generator catalogs templates schema man po; do
	[ -e "$ROOT/$d" ] && cp -r "$ROOT/$d" "$src/"
done
make -C "$src" clean > /dev/null 2>&1
if make -C "$src" -j2 install PREFIX="$inst" > "$WORK/install.log" 2>&1; then
	ok "make install PREFIX=…"
else
	fail "make install PREFIX=…"
	tail -20 "$WORK/install.log" | sed 's/^/    /'
fi
check "installed: bin/kitei" test -x "$inst/bin/kitei"
check "installed: the catalog" test -f "$inst/share/kitei/catalogs/system-risk-rules.xml"
check "installed: its schema" test -f "$inst/share/kitei/catalogs/catalog.rng"
check "installed: kitei.yml's JSON Schema" test -f "$inst/share/kitei/kitei.schema.json"
check "installed: kitei(1)" test -f "$inst/share/man/man1/kitei.1"
check "installed: kitei.yml(5)" test -f "$inst/share/man/man5/kitei.yml.5"
check "installed: the Japanese messages" test -f "$inst/share/locale/ja/LC_MESSAGES/kitei.mo"
mode=$(stat -c %a "$inst/bin/kitei" 2>/dev/null)
if [ "$mode" = 555 ]; then ok "installed: kitei is mode 0555"; else fail "installed: kitei is mode $mode"; fi
mode=$(stat -c %a "$inst/share/kitei/catalogs/catalog.rng" 2>/dev/null)
if [ "$mode" = 444 ]; then ok "installed: data is mode 0444"; else fail "installed: data is mode $mode"; fi

# From elsewhere, with no source tree to fall back on.
mv "$src" "$src.gone"
away=$(mktemp -d)
(cd "$away" && env -u KITEI_DATA timeout 20 "$inst/bin/kitei" catalog) \
    > "$WORK/catalog.txt" 2> "$WORK/catalog.err"
rc=$?
if [ $rc -eq 0 ]; then ok "installed kitei catalog: exit 0"
else fail "installed kitei catalog: exit $rc"; head -3 "$WORK/catalog.err" | sed 's/^/    /'; fi
contains "installed kitei catalog: finds the shipped catalog" "$WORK/catalog.txt" \
    "system-risk-rules 2.0.0"
n=$(grep -c '^[0-9]' "$WORK/catalog.txt")
if [ "$n" -ge 80 ]; then ok "installed kitei catalog: $n elements"
else fail "installed kitei catalog: $n elements"; fi
(cd "$away" && env -u KITEI_DATA timeout 20 "$inst/bin/kitei" catalog --format json) \
    > "$WORK/catalog.json" 2>&1
check "installed kitei catalog --format json: JSON" python3 -m json.tool "$WORK/catalog.json"
(cd "$away" && timeout 20 "$inst/bin/kitei" --version) > "$WORK/version.txt" 2>&1
contains "installed kitei --version" "$WORK/version.txt" "kitei "

# check with the shipped catalog, in a repository outside the source tree.
new_repo "$away/repo"
cat > "$away/repo/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: system-risk-rules
manuals:
  - {id: policy, title: 規程, documents: ["*.md"]}
EOF
printf '# 規程\n\n<!-- covers: 3.2 -->\nシステムリスクを管理する。\n' > "$away/repo/a.md"
commit_all "$away/repo" "policy"
(cd "$away/repo" && env -u KITEI_DATA timeout 20 "$inst/bin/kitei" --today 2026-02-01 check) \
    > "$WORK/check.txt" 2>&1
rc=$?
if [ $rc -eq 1 ]; then ok "installed kitei check: runs, finds what is missing (exit 1)"
else fail "installed kitei check: exit $rc, want 1"; head -3 "$WORK/check.txt" | sed 's/^/    /'; fi
contains "installed kitei check: the shipped catalog is used" "$WORK/check.txt" \
    "system-risk-rules 2.0.0 at"
(cd "$away/repo" && env -u KITEI_DATA -u LC_ALL -u LANGUAGE LANG=ja_JP.UTF-8 timeout 20 "$inst/bin/kitei" --today 2026-02-01 check) \
    > "$WORK/check-ja.txt" 2>&1
contains "installed kitei check: Japanese under LANG=ja_JP.UTF-8" "$WORK/check-ja.txt" "要素中"
rm -rf "$away"
mv "$src.gone" "$src"

# DESTDIR stages the same layout under another root.
if make -C "$src" install DESTDIR="$WORK/stage" PREFIX=/opt/kitei > "$WORK/stage.log" 2>&1; then
	ok "make install DESTDIR=… PREFIX=/opt/kitei"
else
	fail "make install DESTDIR=… PREFIX=/opt/kitei"
	tail -5 "$WORK/stage.log" | sed 's/^/    /'
fi
check "staged: bin/kitei" test -x "$WORK/stage/opt/kitei/bin/kitei"
check "staged: the catalog" test -f "$WORK/stage/opt/kitei/share/kitei/catalogs/system-risk-rules.xml"
check "staged: runs with KITEI_DATA" env KITEI_DATA="$WORK/stage/opt/kitei/share/kitei" \
    "$WORK/stage/opt/kitei/bin/kitei" catalog

check "make uninstall PREFIX=…" make -C "$src" uninstall PREFIX="$inst"
if [ -e "$inst/bin/kitei" ] || [ -e "$inst/share/kitei" ]; then
	fail "uninstall: files left behind"
else
	ok "uninstall: bin/kitei and share/kitei removed"
fi
rm -rf "$src" "$WORK/stage"
