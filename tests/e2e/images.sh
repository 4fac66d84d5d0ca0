#!/bin/sh
# Images from the policy root (issue 19, item 5): a PNG, a JPEG and an SVG
# committed under the root are embedded in the HTML (a copy beside the page,
# the alt text as alt) and in the PDF (an image XObject, the alt text as the
# Figure's /Alt); a hostile SVG, a missing file, a non-image, a path leaving
# the root are errors at their line; remote images stay text and are never
# fetched; data: stays text; an image of an internal section never reaches
# output/public/.
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
WORK=${WORK:-$ROOT/tests/tmp/images}
mkdir -p "$WORK"
. "$ROOT/tests/lib.sh"
export GIT_CEILING_DIRECTORIES="$WORK"

R=$WORK/repo
new_repo "$R"
mkdir -p "$R/p/docs/fig" "$R/p/other"
cat > "$R/p/cat.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:x-kitei:catalog:1" id="img-rules" version="0.1.0">
  <title>画像のテスト用規則</title>
  <article number="1">
    <heading>体制</heading>
    <element id="1.1" obligation="must" manual="crisis">
      <title>危機管理体制</title>
      <text>協会員は、危機管理体制を整備しなければならない。</text>
      <keywords><keyword>体制</keyword></keywords>
    </element>
  </article>
</catalog>
EOF
cat > "$R/p/kitei.yml" <<'EOF'
organization: 画像テスト株式会社
catalog: cat.xml
manuals:
  - id: crisis
    title: 危機管理マニュアル
    kind: crisis
    documents: [docs/*.md]
public:
  title: 危機発生時の対応について
  contact: お客様相談室 0120-111-222
EOF
# Images: PNGs made with zlib (each with a distinctive tEXt chunk to grep
# for), a JPEG by pdftoppm, SVGs by hand.
python3 - "$R/p" <<'EOF'
import struct, sys, zlib
root = sys.argv[1]
def png(path, w, h, rgb, tag):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\0" + bytes(rgb) * w for _ in range(h))
    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        + chunk(b"tEXt", b"Comment\0" + tag.encode()) + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b""))
    open(path, "wb").write(data)
png(root + "/docs/fig/chart.png", 120, 60, (200, 40, 40), "PUBLIC-IMAGE-CANARY")
png(root + "/docs/fig/secret.png", 80, 40, (40, 40, 200), "INTERNAL-IMAGE-CANARY")
png(root + "/docs/fig/huge.png", 20000, 2, (0, 0, 0), "HUGE")
# A PNG whose data is cut short: the header is fine, the pixels are not.
d = open(root + "/docs/fig/chart.png", "rb").read()
open(root + "/docs/fig/corrupt.png", "wb").write(d[:60])
open(root + "/docs/fig/notimage.png", "wb").write(b"just some text\n")
# A minimal PDF for pdftoppm to turn into a JPEG.
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 36] /Contents 4 0 R >>"]
content = b"0 0.6 0 rg 0 0 72 36 re f 1 1 0 rg 10 10 20 10 re f"
objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
out = b"%PDF-1.4\n"
offs = []
for i, o in enumerate(objs):
    offs.append(len(out))
    out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(root + "/../box.pdf", "wb").write(out)
EOF
if pdftoppm -jpeg -r 96 -singlefile "$R/box.pdf" "$R/p/other/photo" 2>/dev/null; then
	rm -f "$R/box.pdf"; HAVE_JPEG=1
else
	rm -f "$R/box.pdf"; HAVE_JPEG=0; echo "# no pdftoppm: JPEG cases skipped"
fi
cat > "$R/p/docs/fig/org.svg" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">
  <title>SVG-CANARY</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#36c"/></linearGradient></defs>
  <rect id="box" x="10" y="10" width="180" height="80" fill="url(#g)" stroke="#000"/>
  <use xlink:href="#box" transform="translate(5,5)" opacity="0.2"/>
</svg>
EOF
# Hostile SVGs: each must be refused at its line.
svg_head='<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
printf '%s<script>alert(1)</script></svg>\n' "$svg_head" > "$R/p/docs/fig/script.svg"
printf '%s<rect width="5" height="5" onload="alert(1)"/></svg>\n' "$svg_head" > "$R/p/docs/fig/onload.svg"
printf '%s<use xlink:href="http://127.0.0.1:PORT/x.svg#a"/></svg>\n' "$svg_head" > "$R/p/docs/fig/exthref.svg"
printf '%s<image href="http://127.0.0.1:PORT/i.png" width="5" height="5"/></svg>\n' "$svg_head" > "$R/p/docs/fig/image.svg"
printf '%s<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>\n' "$svg_head" > "$R/p/docs/fig/foreign.svg"
printf '%s<rect width="5" height="5" style="fill:url(http://127.0.0.1:PORT/p)"/></svg>\n' "$svg_head" > "$R/p/docs/fig/styleurl.svg"
printf '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "x">]>%s<text>&a;</text></svg>\n' "$svg_head" > "$R/p/docs/fig/entity.svg"

# A local HTTP server that must receive nothing.
PORT_FILE=$WORK/port
LOG=$WORK/http.log
: > "$LOG"
python3 - "$PORT_FILE" "$LOG" <<'EOF' &
import http.server, socketserver, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        open(sys.argv[2], "a").write(self.path + "\n")
        self.send_response(404); self.end_headers()
    def log_message(self, *a): pass
s = socketserver.TCPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(s.server_address[1]))
s.timeout = 60
s.handle_request()
EOF
SRV=$!
for i in $(seq 1 100); do [ -s "$PORT_FILE" ] && break; sleep 0.2; done
PORT=$(cat "$PORT_FILE")
[ -n "$PORT" ] || { fail "no local HTTP server"; exit 1; }
sed -i "s/PORT/$PORT/g" "$R"/p/docs/fig/*.svg

jpeg_line=""
[ "$HAVE_JPEG" = 1 ] && jpeg_line="![写真 JPEG-ALT](../other/photo.jpg)"
cat > "$R/p/docs/01-manual.md" <<EOF
---
visibility: public
---
# 危機管理マニュアル
<!-- covers: 1.1 -->
危機管理体制を整備する。

![組織図 PNG-ALT-TEXT](fig/chart.png)

![配置図 SVG-ALT-TEXT](fig/org.svg "配置")

$jpeg_line

遠隔の画像 ![REMOTE-ALT](http://127.0.0.1:$PORT/remote.png) は取りに行かない。

![DATA-ALT](data:image/png;base64,iVBORw0KGgo=)

## 社内の手順
<!-- visibility: internal -->
![INTERNAL-ALT](fig/secret.png)
EOF
cat > "$R/p/docs/02-bad.md" <<'EOF'
# 不正な画像
<!-- visibility: internal -->

![missing](fig/nothere.png)

![script](fig/script.svg)

![onload](fig/onload.svg)

![exthref](fig/exthref.svg)

![image](fig/image.svg)

![foreign](fig/foreign.svg)

![styleurl](fig/styleurl.svg)

![entity](fig/entity.svg)

![outside](../../etc/passwd.png)

![corrupt](fig/corrupt.png)

![notimage](fig/notimage.png)

![huge](fig/huge.png)
EOF
commit_all "$R" "画像"

# ---------------------------------------------------------------------------
# check: every bad image is an error at its line.
"$KITEI" -C "$R/p" check > "$WORK/check.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "check: exit 1 with bad images" || fail "check: exit $rc, want 1"
for l in "4:1:.*no file docs/fig/nothere.png at this revision" "6:1:.*script.svg" \
    "8:1:.*onload.svg" "10:1:.*exthref.svg" "12:1:.*image.svg" \
    "14:1:.*foreign.svg" "16:1:.*styleurl.svg" "18:1:.*entity.svg" \
    "20:1:.*leaves the policy root" "22:1:.*corrupt PNG" \
    "24:1:.*not a PNG, JPEG or SVG" "26:1:.*pixel limit"; do
	line=${l%%:.\**}; msg=${l#*:.\*}
	if grep -q "docs/02-bad.md:$line: error: .*$msg.*\[bad-image\]" "$WORK/check.out"; then
		ok "check: bad-image at 02-bad.md:$l"
	else fail "check: no bad-image at 02-bad.md:$l"; fi
done
n=$(grep -c 'docs/01-manual.md.*bad-image' "$WORK/check.out")
[ "$n" -eq 0 ] && ok "check: good images give no error" || { fail "check: $n errors on good images"; grep 01-manual "$WORK/check.out"; }
contains "check: a data: image is warned about once" "$WORK/check.out" "01-manual.md:16:1: warning: link target 'data:image/png"
lacks "check: and not twice" "$WORK/check.out" "01-manual.md:16:1: warning: only images"

# ---------------------------------------------------------------------------
# build: HTML and PDF.
O=$WORK/out
timeout 120 "$KITEI" -C "$R/p" build --draft -o "$O" > "$WORK/build.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "build: exit 1 with bad images" || { fail "build: exit $rc"; cat "$WORK/build.out"; }
H=$O/manuals/crisis.html
contains "build: bad-image reported too" "$WORK/build.out" "[bad-image]"
png_file=$(sed -n 's/.*<img class="md-image" src="\(img\/[0-9a-f]*\.png\)" alt="組織図 PNG-ALT-TEXT" width="120" height="60".*/\1/p' "$H" | head -1)
if [ -n "$png_file" ] && cmp -s "$O/manuals/$png_file" "$R/p/docs/fig/chart.png"; then
	ok "html: PNG as <img> with alt and size, the file beside the page byte for byte"
else fail "html: PNG ($png_file)"; grep -o '<img[^>]*>' "$H"; fi
svg_file=$(sed -n 's/.*<img class="md-image" src="\(img\/[0-9a-f]*\.svg\)" alt="配置図 SVG-ALT-TEXT" width="200" height="100" title="配置".*/\1/p' "$H" | head -1)
if [ -n "$svg_file" ] && cmp -s "$O/manuals/$svg_file" "$R/p/docs/fig/org.svg"; then
	ok "html: SVG as <img> with alt, title and the file beside the page"
else fail "html: SVG ($svg_file)"; fi
if [ "$HAVE_JPEG" = 1 ]; then
	jpg_file=$(sed -n 's/.*src="\(img\/[0-9a-f]*\.jpg\)" alt="写真 JPEG-ALT".*/\1/p' "$H" | head -1)
	if [ -n "$jpg_file" ] && cmp -s "$O/manuals/$jpg_file" "$R/p/other/photo.jpg"; then
		ok "html: JPEG from another folder (..) beside the page"
	else fail "html: JPEG ($jpg_file)"; fi
fi
contains "html: remote image stays text" "$H" "［図：REMOTE-ALT］"
contains "html: data: image stays text" "$H" "DATA-ALT"
lacks "html: no data: URL in the page" "$H" "data:image"
lacks "html: no remote URL in an img" "$H" "src=\"http"
contains "html: CSS keeps images to the text width" "$O/kitei.css" "max-width: 100%"
n=$(ls "$O/manuals/img" | wc -l)
[ "$n" -eq $((3 + HAVE_JPEG)) ] && ok "html: only the good images are copied ($n)" || { fail "html: $n files in manuals/img"; ls "$O/manuals/img"; }

P=$O/manuals/crisis.pdf
pdfimages -list "$P" > "$WORK/pdfimages.txt" 2>&1
n=$(grep -c ' image ' "$WORK/pdfimages.txt")
[ "$n" -ge $((2 + HAVE_JPEG)) ] && ok "pdf: $n image XObjects" || { fail "pdf: $n image XObjects"; cat "$WORK/pdfimages.txt"; }
if [ "$HAVE_JPEG" = 1 ]; then
	grep -q ' jpeg ' "$WORK/pdfimages.txt" && ok "pdf: the JPEG embedded as DCT" || fail "pdf: no jpeg image"
fi
grep -q ' 120 *60 ' "$WORK/pdfimages.txt" && ok "pdf: the PNG at its own pixels" || fail "pdf: no 120x60 image"
qpdf --json "$P" > "$WORK/pdf.json" 2>/dev/null
python3 - "$WORK/pdf.json" > "$WORK/alt.txt" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
objs = j.get("qpdf", [{}, {}])[1] if "qpdf" in j else j.get("objects", {})
for k, v in objs.items():
    v = v.get("value", v) if isinstance(v, dict) else v
    if isinstance(v, dict) and v.get("/S") == "/Figure":
        print(v.get("/Alt"))
EOF
grep -q "PNG-ALT-TEXT" "$WORK/alt.txt" && ok "pdf: Figure /Alt holds the PNG's alt text" || { fail "pdf: no /Alt"; cat "$WORK/alt.txt"; }
grep -q "SVG-ALT-TEXT" "$WORK/alt.txt" && ok "pdf: Figure /Alt holds the SVG's alt text" || fail "pdf: no SVG /Alt"
pdftotext "$P" "$WORK/pdf.txt" 2>/dev/null
contains "pdf: remote image stays text" "$WORK/pdf.txt" "REMOTE-ALT"
lacks "pdf: an embedded image is not text" "$WORK/pdf.txt" "PNG-ALT-TEXT"
pdftoppm -r 60 -png -f 1 -l 1 "$P" "$WORK/page" 2>/dev/null && ok "pdf: page renders (see $WORK/page-1.png)" || fail "pdf: pdftoppm"

# ---------------------------------------------------------------------------
# Visibility: the public page holds only public sections' images.
PUB=$O/public
contains "public: the public image shown" "$PUB/index.html" 'alt="組織図 PNG-ALT-TEXT"'
if grep -rqa "PUBLIC-IMAGE-CANARY" "$PUB"; then ok "public: the public PNG copied to public/img"
else fail "public: public PNG missing"; fi
if grep -rqa "INTERNAL-IMAGE-CANARY" "$PUB"; then fail "public: the internal image reached public/"
else ok "public: the internal image never reaches public/"; fi
lacks "public: no internal alt text" "$PUB/index.html" "INTERNAL-ALT"
if grep -rqa "INTERNAL-IMAGE-CANARY" "$O/manuals/img"; then ok "manual: the internal image is in the manual's folder"
else fail "manual: internal image missing"; fi

# ---------------------------------------------------------------------------
# Nothing was fetched: poke the server so it exits, then read its log.
python3 -c "import urllib.request,sys
try: urllib.request.urlopen('http://127.0.0.1:$PORT/__done', timeout=5)
except Exception: pass" 2>/dev/null
wait $SRV 2>/dev/null
if [ "$(cat "$LOG")" = "/__done" ]; then ok "remote: no request reached the server"
else fail "remote: the server was asked for $(tr '\n' ' ' < "$LOG")"; fi

# ---------------------------------------------------------------------------
# --worktree reads the working tree; a revision reads git: an image only in
# the working tree is missing at the revision.
printf '\n![新しい図](fig/new.png)\n' >> "$R/p/docs/01-manual.md"
cp "$R/p/docs/fig/chart.png" "$R/p/docs/fig/new.png"
"$KITEI" -C "$R/p" check > "$WORK/rev.out" 2>&1
if grep -q "01-manual.md:.*no file docs/fig/new.png" "$WORK/rev.out"; then
	fail "revision: an uncommitted line was read"
else ok "revision: check reads the committed text"; fi
"$KITEI" -C "$R/p" check --worktree > "$WORK/wt.out" 2>&1
n=$(grep -c '01-manual.md.*bad-image' "$WORK/wt.out")
[ "$n" -eq 0 ] && ok "worktree: the uncommitted image is read from the working tree" || { fail "worktree: $n errors"; grep 01-manual "$WORK/wt.out"; }
git -C "$R" add p/docs/01-manual.md
commit_all "$R" "図を追加（画像はコミットしない）" 2>/dev/null
git -C "$R" rm -q --cached p/docs/fig/new.png 2>/dev/null
git -C "$R" commit -q -m "画像を外す" 2>/dev/null
"$KITEI" -C "$R/p" check > "$WORK/rev2.out" 2>&1
if grep -q "01-manual.md:.*bad-image.*no file docs/fig/new.png at this revision\|01-manual.md:.*no file docs/fig/new.png at this revision" "$WORK/rev2.out"; then
	ok "revision: an image on disk but not in git is missing"
else fail "revision: uncommitted image accepted"; grep new.png "$WORK/rev2.out"; fi
