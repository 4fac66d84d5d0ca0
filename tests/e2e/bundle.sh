# kitei bundle and kitei verify: contents, manifest, reproducible bytes, and
# verify on an untouched bundle, a flipped byte, an added file, a removed
# file, a signature by the wrong key and no signature where one is asked for.
. "$ROOT/tests/lib.sh"

repo="$WORK/repo"
new_repo "$repo"
mkdir -p "$repo/p/docs"
cat > "$repo/p/kitei.yml" <<'YML'
organization: テスト株式会社
catalog: system-risk-rules
manuals:
  - id: rules
    title: テスト規程
    number: T-001
    documents: [docs/*.md]
    approvers: [board]
approval:
  roles:
    board: {title: 取締役会, members: [y@example.jp]}
  people:
    - {email: y@example.jp, name: 山田 太郎}
YML
cat > "$repo/p/docs/01.md" <<'MD'
---
title: テスト規程
---
# テスト規程

## 目的
<!-- covers: 1.1 -->
当社はリスク管理態勢を構築する。

## 秘密の手順
<!-- visibility: confidential -->
CANARY-CONFIDENTIAL-91c2 バックアップ拠点の所在地。
MD
commit_all "$repo" "テスト規程を制定"
tick
git -C "$repo" commit -q --allow-empty -m "承認" -m "Approved-by: 山田 太郎 <y@example.jp>"
first=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" tag -a v1.0 -m "第1版" "$first"
git -C "$repo" tag v1.0-lightweight "$first"
sed -i 's/当社はリスク管理態勢を構築する。/当社はリスク管理態勢を構築し、年1回見直す。/' "$repo/p/docs/01.md"
commit_all "$repo" "見直し頻度を追加"
tick
git -C "$repo" commit -q --allow-empty -m "承認" -m "Approved-by: 山田 太郎 <y@example.jp>"

cd "$repo/p" || exit 2
"$KITEI" bundle -o "$WORK/a.zip" --since "$first" > "$WORK/bundle.out" 2> "$WORK/bundle.err"
rc=$?
[ $rc -le 1 ] && ok "bundle exits 0 or 1 (coverage findings allowed)" || fail "bundle exit $rc: $(cat "$WORK/bundle.err")"
sleep 1
"$KITEI" bundle -o "$WORK/b.zip" --since "$first" > /dev/null 2>&1
check "the same revision gives a byte-identical bundle" cmp "$WORK/a.zip" "$WORK/b.zip"

mkdir -p "$WORK/x"
(cd "$WORK/x" && unzip -q "$WORK/a.zip")
check "sha256sum -c accepts SHA256SUMS" sh -c "cd '$WORK/x' && sha256sum -c --quiet SHA256SUMS"
for f in README.txt manifest.json SHA256SUMS coverage.html coverage.csv coverage.json \
    index.html manuals/rules.html; do
	check "bundle holds $f" test -s "$WORK/x/$f"
done
# Issue 11.C4: the work log (authors, e-mail addresses, paths) stays in the
# firm; the recipient gets 改訂履歴 (docs/bundle.md); versions.sh checks more.
check "bundle holds no history/ work log" test ! -e "$WORK/x/history"
# README.txt: how to check the hashes on any desk.
for s in "sha256sum -c SHA256SUMS" "shasum -a 256 -c SHA256SUMS" "certutil -hashfile manifest.json SHA256" \
    "Get-FileHash -Algorithm SHA256"; do
	contains "README shows: $s" "$WORK/x/README.txt" "$s"
done
check "shasum -a 256 -c (macOS) accepts SHA256SUMS" sh -c "command -v shasum >/dev/null 2>&1 || exit 0; cd '$WORK/x' && shasum -a 256 -c SHA256SUMS >/dev/null"
check "bundle holds the manual's PDF" test -s "$WORK/x/manuals/rules.pdf"
check "bundle holds the matrix as PDF" test -s "$WORK/x/coverage.pdf"
# The matrix cites the PDF page where 1.1 is covered: that page shows its heading.
page=$(pdftotext -layout "$WORK/x/coverage.pdf" - | awk '/^ *1\.1 /{print $NF; exit}')
if [ -n "$page" ] && pdftotext -f "$page" -l "$page" "$WORK/x/manuals/rules.pdf" - | grep -q "目的"; then
	ok "the matrix PDF gives the page where the element is covered ($page)"
else
	fail "the matrix PDF gives the page where the element is covered (got '$page')"
fi
contains "manifest: since names the revision" "$WORK/x/manifest.json" "\"since\": \"$first\""
contains "manifest: and its tag" "$WORK/x/manifest.json" '"since_tag": "v1.0"'
check "bundle holds a 新旧対照表 since --since" sh -c "ls '$WORK/x/shinkyu/' | grep -q rules"
check "file names are ASCII without spaces" sh -c \
    "zipinfo -1 '$WORK/a.zip' | LC_ALL=C grep -v '^[!-~]*\$' | wc -l | grep -qx 0"
check "manifest.json is JSON" python3 -m json.tool "$WORK/x/manifest.json"
contains "manifest names the source commit" "$WORK/x/manifest.json" "$(git -C "$repo" rev-parse HEAD)"
contains "manifest names the catalog version" "$WORK/x/manifest.json" '"version": "2.0.0"'
contains "manifest gives the manual's version" "$WORK/x/manifest.json" '"version": 2'
contains "manifest says it is signed off" "$WORK/x/manifest.json" '"signed_off": true'
if [ ! -d "$WORK/x" ] || grep -rq "CANARY-CONFIDENTIAL-91c2" "$WORK/x"; then
	fail "confidential text is withheld from the bundle"
else
	ok "confidential text is withheld from the bundle"
fi
contains "withheld text is marked" "$WORK/x/manuals/rules.html" "（機密情報のため省略）"
"$KITEI" bundle -o "$WORK/c.zip" --include-confidential > /dev/null 2>&1
rm -rf "$WORK/xc" && mkdir -p "$WORK/xc" && (cd "$WORK/xc" && unzip -q "$WORK/c.zip")
check "--include-confidential keeps it" grep -rq "CANARY-CONFIDENTIAL-91c2" "$WORK/xc"

expect_status "verify passes an untouched bundle" 0 "$KITEI" verify "$WORK/a.zip"

# Tampered copies, made with python's zipfile.
tamper() {
	python3 - "$@" <<'PY'
import sys, zipfile
src, dst, mode = sys.argv[1:4]
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
for info in zin.infolist():
    data = zin.read(info.filename)
    if mode == "flip" and info.filename == "coverage.csv":
        data = data[:10] + bytes([data[10] ^ 1]) + data[11:]
    if mode == "remove" and info.filename == "coverage.json":
        continue
    zout.writestr(info, data)
if mode == "add":
    zout.writestr("extra.txt", "added after signing\n")
zout.close()
PY
}
tamper "$WORK/a.zip" "$WORK/flip.zip" flip
tamper "$WORK/a.zip" "$WORK/add.zip" add
tamper "$WORK/a.zip" "$WORK/rm.zip" remove
"$KITEI" verify "$WORK/flip.zip" > "$WORK/flip.out" 2>&1
[ $? -eq 1 ] && ok "verify fails a flipped byte (exit 1)" || fail "verify fails a flipped byte"
contains "verify names the changed file" "$WORK/flip.out" "coverage.csv: SHA-256 does not match"
"$KITEI" verify "$WORK/add.zip" > "$WORK/add.out" 2>&1
[ $? -eq 1 ] && ok "verify fails an added file (exit 1)" || fail "verify fails an added file"
contains "verify names the added file" "$WORK/add.out" "extra.txt: in the bundle but not listed"
"$KITEI" verify "$WORK/rm.zip" > "$WORK/rm.out" 2>&1
[ $? -eq 1 ] && ok "verify fails a removed file (exit 1)" || fail "verify fails a removed file"
contains "verify names the removed file" "$WORK/rm.out" "coverage.json: listed in SHA256SUMS but missing"
printf 'not a zip' > "$WORK/junk.zip"
expect_status "verify of something that is not a zip exits 2" 2 "$KITEI" verify "$WORK/junk.zip"

# Signatures: a throwaway key signs; verify with it passes, with another key fails.
if command -v gpg >/dev/null 2>&1; then
	export GNUPGHOME="$WORK/gnupg"
	mkdir -p "$GNUPGHOME" && chmod 700 "$GNUPGHOME"
	gpg --batch --passphrase '' --quick-gen-key 'Signer <signer@example.jp>' ed25519 sign never 2>/dev/null
	gpg --batch --passphrase '' --quick-gen-key 'Other <other@example.jp>' ed25519 sign never 2>/dev/null
	gpg --armor --export signer@example.jp > "$WORK/signer.asc"
	gpg --armor --export other@example.jp > "$WORK/other.asc"
	"$KITEI" bundle -o "$WORK/s.zip" --sign signer@example.jp > /dev/null 2>&1
	check "a signed bundle holds SHA256SUMS.asc" sh -c "zipinfo -1 '$WORK/s.zip' | grep -qx SHA256SUMS.asc"
	expect_status "verify passes with the signer's key" 0 "$KITEI" verify "$WORK/s.zip" --keyring "$WORK/signer.asc"
	"$KITEI" verify "$WORK/s.zip" --keyring "$WORK/other.asc" > "$WORK/wrong.out" 2>&1
	[ $? -eq 1 ] && ok "verify fails a signature by a key not given" || fail "verify fails a signature by a key not given"
	expect_status "verify asks for a signature when --keyring is given" 1 "$KITEI" verify "$WORK/a.zip" --keyring "$WORK/signer.asc"
	rm -rf "$WORK/xs" && mkdir -p "$WORK/xs" && (cd "$WORK/xs" && unzip -q "$WORK/s.zip")
	check "gpg --verify accepts SHA256SUMS.asc" gpg --verify "$WORK/xs/SHA256SUMS.asc" "$WORK/xs/SHA256SUMS"
	fpr=$(gpg --with-colons --list-secret-keys signer@example.jp | awk -F: '/^fpr:/ { print $10; exit }')
	contains "README names the signing key's owner" "$WORK/xs/README.txt" "署名鍵：Signer <signer@example.jp>"
	contains "README names its fingerprint" "$WORK/xs/README.txt" "フィンガープリント：$fpr"
	"$KITEI" verify "$WORK/s.zip" --keyring "$WORK/signer.asc" > "$WORK/signed.out" 2>&1
	contains "verify names who signed" "$WORK/signed.out" "Signer <signer@example.jp> (key $fpr)"
	gpgconf --kill all 2>/dev/null
	unset GNUPGHOME
else
	fail "gpg is not installed: signature tests cannot run"
fi

# A manual that is not signed off makes bundle refuse, unless --draft.
echo "当社は未承認の変更を加える。" >> "$repo/p/docs/01.md"
commit_all "$repo" "未承認の変更"
expect_status "bundle refuses a manual that is not signed off" 1 "$KITEI" bundle -o "$WORK/d.zip"
check "and writes no bundle" test ! -e "$WORK/d.zip"
"$KITEI" bundle -o "$WORK/d.zip" --draft > /dev/null 2>&1
check "--draft makes one anyway" test -s "$WORK/d.zip"
check "no temporary files are left beside the bundle" sh -c "! ls '$WORK' | grep -q kitei-tmp"
