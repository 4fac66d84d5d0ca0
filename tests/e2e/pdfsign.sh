# build --sign-pdf and bundle --sign-pdf: PAdES baseline signatures on the
# manual PDFs, checked with pdfsig (poppler) and openssl cms -cades; the
# unsigned bytes stay a prefix of the signed file; a flipped byte breaks the
# signature; unapproved manuals, the working tree, a wrong password and a
# missing PKCS#12 file are refused.
. "$ROOT/tests/lib.sh"

command -v pdfsig >/dev/null || { fail "pdfsig missing (apt-get install poppler-utils)"; exit 0; }
command -v openssl >/dev/null || { fail "openssl missing (apt-get install openssl)"; exit 0; }

# A throwaway CA and a signer certificate in a PKCS#12 file with a password.
pki="$WORK/pki"
mkdir -p "$pki"
(
	cd "$pki" || exit 2
	openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt \
	    -days 30 -subj "/CN=kitei test CA" &&
	openssl req -newkey rsa:2048 -nodes -keyout signer.key -out signer.csr \
	    -subj "/O=テスト株式会社/CN=テスト株式会社 規程署名" -utf8 &&
	openssl x509 -req -in signer.csr -CA ca.crt -CAkey ca.key \
	    -CAcreateserial -out signer.crt -days 30 &&
	openssl pkcs12 -export -inkey signer.key -in signer.crt \
	    -certfile ca.crt -out signer.p12 -passout pass:s3cret
) > "$WORK/pki.log" 2>&1 || { fail "make a test PKI: $(tail -3 "$WORK/pki.log")"; exit 0; }
p12="$pki/signer.p12"
export KITEI_PDF_PASSWORD=s3cret

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
当社はリスク管理態勢を構築する。詳細は[金融庁](https://www.fsa.go.jp/)を参照。
MD
commit_all "$repo" "テスト規程を制定"
tick
git -C "$repo" commit -q --allow-empty -m "承認" -m "Approved-by: 山田 太郎 <y@example.jp>"
cd "$repo/p" || exit 2

# pdfsig_ok "what" FILE: pdfsig calls the signature valid, PAdES, whole file.
pdfsig_ok() {
	pdfsig "$2" > "$2.sig" 2>&1
	contains "$1: Signature is Valid" "$2.sig" "Signature is Valid."
	contains "$1: ETSI.CAdES.detached" "$2.sig" "Signature Type: ETSI.CAdES.detached"
	contains "$1: the byte range is the whole file" "$2.sig" "Total document signed"
}

"$KITEI" build --only pdf -o "$WORK/plain" > /dev/null 2>&1
"$KITEI" build --only pdf -o "$WORK/signed" --sign-pdf "$p12" > "$WORK/build.out" 2> "$WORK/build.err"
rc=$?
[ $rc -le 1 ] && ok "build --sign-pdf exits 0 or 1" || fail "build --sign-pdf exit $rc: $(cat "$WORK/build.err")"
pdf="$WORK/signed/manuals/rules.pdf"
pdfsig_ok "build" "$pdf"
contains "pdfsig: signing time is the approval commit's" "$pdf.sig" "Signing Time: Jan 03 2026 12:00:00"
contains "pdfsig: the signer is the certificate's" "$pdf.sig" "Signer Certificate Common Name: テスト株式会社 規程署名"
check "qpdf --check accepts the signed PDF" qpdf --check "$pdf"
# /Reason 「承認済み規程」 and /Name 「山田 太郎（取締役会）」 as UTF-16BE text strings.
contains "/Reason is 承認済み規程" "$pdf" "/Reason <FEFF627F8A8D6E08307F898F7A0B>"
contains "/Name is the approver with role" "$pdf" "/Name <FEFF5C7175300020592A90CEFF0853D67DE05F794F1AFF09>"
contains "/M is the approval commit's time" "$pdf" "/M (D:20260103120000+00'00')"
contains "the field is a printed, locked signature widget" "$pdf" "/FT /Sig /T (Signature1) /V"
# The field covers the cover's 承認 block: from its heading down to the end
# of its table, as the typesetter placed them (named destinations).
pdfinfo -dests "$pdf" > "$WORK/dests.txt"
top=$(awk '$NF == "\"approval\"" { print $1, $4, $5 }' "$WORK/dests.txt")
bot=$(awk '$NF == "\"approval-end\"" { print $1, $4, $5 }' "$WORK/dests.txt")
set -- $top $bot
if [ $# -eq 6 ] && [ "$1" = 1 ] && [ "$4" = 1 ]; then

	rect=$(grep -ao '/Rect \[[0-9 ]*\] /P 3 0 R' "$pdf" | head -1)
	# pdfinfo rounds, kitei takes floor and ceil: within a point.
	python3 - "$rect" "$2" "$3" "$6" <<'PY' && ok "the field covers the 承認 block on the cover ($rect)" || fail "the field covers the 承認 block (got '$rect', dests $top / $bot)"
import re, sys
r = [int(x) for x in re.findall(r'-?\d+', sys.argv[1])[:4]]
x, y1, y2 = (int(v) for v in sys.argv[2:5])
sys.exit(0 if abs(r[0] - x) <= 1 and abs(r[1] - y2) <= 1 and abs(r[3] - y1) <= 1
         and abs(r[2] - (595 - x)) <= 1 else 1)
PY
else
	fail "the cover has the approval and approval-end destinations on page 1 ($top / $bot)"
fi

n=$(stat -c %s "$WORK/plain/manuals/rules.pdf")
check "the unsigned PDF is a byte-identical prefix of the signed one" \
    cmp -n "$n" "$WORK/plain/manuals/rules.pdf" "$pdf"
"$KITEI" build --only pdf -o "$WORK/signed2" --sign-pdf "$p12" > /dev/null 2>&1
check "two signed builds are byte-identical (RSA PKCS#1 v1.5, no CMS signing-time)" \
    cmp "$pdf" "$WORK/signed2/manuals/rules.pdf"

# The CMS itself: ESS signing-certificate-v2 present and right, no signing-time.
python3 - "$pdf" "$WORK" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
i = d.rfind(b'/ByteRange [')
br = [int(x) for x in d[i + 12:d.index(b']', i)].split()]
open(sys.argv[2] + '/tbs', 'wb').write(d[br[0]:br[1]] + d[br[2]:br[2] + br[3]])
open(sys.argv[2] + '/cms.der', 'wb').write(bytes.fromhex(d[br[1] + 1:br[2] - 1].decode()))
PY
check "openssl cms -verify -cades: signing-certificate-v2 matches the signer" \
    openssl cms -verify -cades -binary -inform DER -in "$WORK/cms.der" \
    -content "$WORK/tbs" -CAfile "$pki/ca.crt" -out /dev/null
openssl cms -cmsout -print -inform DER -in "$WORK/cms.der" > "$WORK/cms.txt" 2>&1
contains "the CMS has signing-certificate-v2" "$WORK/cms.txt" "signingCertificateV2"
lacks "the CMS has no signing-time (PAdES B-B takes /M)" "$WORK/cms.txt" "signingTime"
contains "the CMS carries the CA certificate from the PKCS#12 file" "$WORK/cms.txt" "kitei test CA"

# flip FILE OFFSET OUT: OUT is FILE with the byte at OFFSET changed.
flip() {
	python3 -c 'import sys; d=bytearray(open(sys.argv[1],"rb").read()); o=int(sys.argv[2]); d[o]^=1; open(sys.argv[3],"wb").write(d)' "$@"
}
flip "$pdf" 12 "$WORK/flip1.pdf"
pdfsig "$WORK/flip1.pdf" > "$WORK/flip1.sig" 2>&1
lacks "a flipped byte in the first range makes the signature invalid" "$WORK/flip1.sig" "Signature is Valid"
m=$(grep -abo "/M (D:2026" "$pdf" | tail -1 | cut -d: -f1)
flip "$pdf" $((m + 7)) "$WORK/flip2.pdf"
pdfsig "$WORK/flip2.pdf" > "$WORK/flip2.sig" 2>&1
lacks "a flipped byte in the second range (/M) makes the signature invalid" "$WORK/flip2.sig" "Signature is Valid"

# annots FILE: how many annotations page 1 lists.
annots() {
	o=$(qpdf --show-pages "$1" | awk '/^page 1:/ { print $3; exit }')
	qpdf --show-object="$o" "$1" | grep -o '/Annots \[[^]]*\]' | grep -o ' R' | wc -l
}
# A first page that already has links keeps them and gains the field
# (the signer alone, through tests/tools/pdfsign).
qpdf --empty --object-streams=generate --pages "$WORK/plain/manuals/rules.pdf" 2-z -- "$WORK/linked.pdf"
cp "$WORK/linked.pdf" "$WORK/linked-signed.pdf"
"$ROOT/tests/tools/pdfsign" "$p12" "$WORK/linked-signed.pdf" 2> "$WORK/linked.err"
pdfsig_ok "a page 1 with links" "$WORK/linked-signed.pdf"
contains "without a place the field is invisible on page 1" "$WORK/linked-signed.pdf" "/Rect [0 0 0 0]"
before=$(annots "$WORK/linked.pdf")
after=$(annots "$WORK/linked-signed.pdf")
[ "$before" -gt 0 ] && [ "$after" -eq $((before + 1)) ] && ok "page 1 keeps its $before links and gains the signature field" ||
    fail "page 1 keeps its links and gains the signature field ($before -> $after)"

# Other keys: ECDSA without a password; a legacy (RC2/3DES) PKCS#12 export.
(
	cd "$pki" || exit 2
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -keyout ec.key -out ec.crt -days 30 -subj "/CN=EC signer" &&
	openssl pkcs12 -export -inkey ec.key -in ec.crt -out ec.p12 -passout pass: &&
	openssl pkcs12 -export -legacy -inkey signer.key -in signer.crt \
	    -certfile ca.crt -out legacy.p12 -passout pass:s3cret
) >> "$WORK/pki.log" 2>&1
KITEI_PDF_PASSWORD= "$KITEI" build --only pdf -o "$WORK/ec" --sign-pdf "$pki/ec.p12" > /dev/null 2>&1
pdfsig_ok "ECDSA key, empty password" "$WORK/ec/manuals/rules.pdf"
if [ -s "$pki/legacy.p12" ]; then
	"$KITEI" build --only pdf -o "$WORK/legacy" --sign-pdf "$pki/legacy.p12" > /dev/null 2>&1
	pdfsig_ok "legacy PKCS#12" "$WORK/legacy/manuals/rules.pdf"
fi

# Refusals: wrong password, no such file, the working tree, unapproved content.
KITEI_PDF_PASSWORD=wrong "$KITEI" build --only pdf -o "$WORK/bad" --sign-pdf "$p12" > /dev/null 2> "$WORK/pw.err"
[ $? -ge 2 ] && ok "a wrong password stops the build" || fail "a wrong password stops the build"
contains "the message names the PKCS#12 file and the variable" "$WORK/pw.err" "$p12: error: wrong password for the PKCS#12 file (set it in \$KITEI_PDF_PASSWORD) [sign-pdf]"
check "nothing is published after a refusal" test ! -e "$WORK/bad"
"$KITEI" build --only pdf -o "$WORK/bad" --sign-pdf "$WORK/none.p12" > /dev/null 2> "$WORK/none.err"
[ $? -ge 2 ] && ok "a missing PKCS#12 file stops the build" || fail "a missing PKCS#12 file stops the build"
contains "the message says how to export a gpgsm key" "$WORK/none.err" "gpgsm --export-secret-key-p12"
"$KITEI" build --only pdf -o "$WORK/bad" --sign-pdf "$pki/ca.crt" > /dev/null 2> "$WORK/notp12.err"
[ $? -ge 2 ] && ok "a file that is not PKCS#12 stops the build" || fail "a file that is not PKCS#12 stops the build"
contains "the message says so" "$WORK/notp12.err" "ca.crt: error: not a PKCS#12 file"
cp "$pdf" "$WORK/again.pdf"
"$ROOT/tests/tools/pdfsign" "$p12" "$WORK/again.pdf" 2> "$WORK/again.err"
[ $? -ne 0 ] && ok "a signed PDF is not signed again" || fail "a signed PDF is not signed again"
check "the refused PDF is left as it was" cmp "$pdf" "$WORK/again.pdf"
"$KITEI" --worktree build --only pdf -o "$WORK/bad" --sign-pdf "$p12" > /dev/null 2> "$WORK/wt.err"
[ $? -ge 2 ] && ok "--worktree with --sign-pdf is refused" || fail "--worktree with --sign-pdf is refused"
"$KITEI" build --only html -o "$WORK/html" --sign-pdf "$p12" > /dev/null 2>&1
check "--only html with --sign-pdf signs nothing and succeeds" test -s "$WORK/html/manuals/rules.html"

# bundle --sign-pdf: the bundle's manuals are signed and SHA256SUMS holds.
"$KITEI" bundle -o "$WORK/a.zip" --sign-pdf "$p12" > /dev/null 2> "$WORK/bundle.err"
rc=$?
[ $rc -le 1 ] && ok "bundle --sign-pdf exits 0 or 1" || fail "bundle --sign-pdf exit $rc: $(cat "$WORK/bundle.err")"
mkdir -p "$WORK/x"
(cd "$WORK/x" && unzip -q "$WORK/a.zip")
pdfsig_ok "bundle" "$WORK/x/manuals/rules.pdf"
rm -f "$WORK/x/manuals/rules.pdf.sig"
check "sha256sum -c accepts the bundle's SHA256SUMS" sh -c "cd '$WORK/x' && sha256sum -c --quiet SHA256SUMS"
check "kitei verify accepts the bundle" "$KITEI" verify "$WORK/a.zip"

# A change nobody approved: signing it as 承認済み規程 would be false.
echo "追加の一文。" >> docs/01.md
commit_all "$repo" "未承認の変更"
"$KITEI" build --only pdf -o "$WORK/bad" --sign-pdf "$p12" > /dev/null 2> "$WORK/unapproved.err"
[ $? -ge 2 ] && ok "an unapproved manual is not signed" || fail "an unapproved manual is not signed"
contains "the refusal names the manual" "$WORK/unapproved.err" "manual 'rules' is not approved as committed"
"$KITEI" bundle --draft -o "$WORK/d.zip" --sign-pdf "$p12" > /dev/null 2>&1
[ $? -ge 2 ] && ok "bundle --draft --sign-pdf refuses the unapproved manual" || fail "bundle --draft --sign-pdf refuses the unapproved manual"
