#!/bin/sh
# kitei serve on a small fixture repository: the preview of the working tree
# (未コミット) on 127.0.0.1, paths that try to leave the preview (.., percent-
# encoded, backslashes, dot-files, symbolic links planted in the preview,
# a foreign Host header), a rebuild after an edit seen over HTTP and as a
# Server-Sent Event, a folder created while serving is watched too, the
# findings panel linking to the section, a broken kitei.yml shown in the
# panel, PDFs made on request, the reload script absent from build's
# output, a port in use (one line, exit 2), and SIGINT / SIGTERM (exit 0,
# temporary folder gone).  With Chromium, node and tests/browser/node_modules
# (tests/browser/setup.sh): a real browser sees an edit without a touch.
. "$ROOT/tests/lib.sh"

export GIT_CEILING_DIRECTORIES="$WORK"
command -v curl > /dev/null 2>&1 || { fail "curl is missing"; exit 1; }

repo=$WORK/repo
r=$repo/policies
new_repo "$repo"
mkdir -p "$r/policy"
cat > "$r/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: system-risk-rules
manuals:
  - id: policy
    title: システムリスク管理規程
    number: SR-001
    kind: policy
    documents: [policy/*.md]
EOF
cat > "$r/policy/01-general.md" <<'EOF'
---
title: 総則
owner: システム部
---
# 総則

## 目的
<!-- covers: 3.1 -->
この規程は、当社のシステムリスク管理の基本的な事項を定める。

## 誤った参照
<!-- covers: 99.99 -->
この節は存在しない要素を参照する。
EOF
commit_all "$repo" "規程を追加"

T=$WORK/tmpd
mkdir -p "$T"

# start_serve LOG [args]: starts kitei serve in the policy root, sets PID
# and PORT once it says where it listens (or fails after 60 s).
start_serve() {
	log=$1; shift
	(cd "$r" && TMPDIR=$T exec "$KITEI" serve --today 2026-06-01 "$@") > "$log" 2> "$log.err" &
	PID=$!
	PORT=
	i=0
	while [ $i -lt 600 ]; do
		PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
		[ -n "$PORT" ] && return 0
		kill -0 $PID 2> /dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# get PATH OUT: curl of PATH (as given: --path-as-is) into OUT; prints the status.
get() {
	curl -s --path-as-is -o "$2" -w '%{http_code}' "http://127.0.0.1:$PORT$1"
}

# wait_for PATH STRING SECONDS: until PATH serves STRING; prints the ms taken.
wait_for() {
	t0=$(date +%s%N)
	end=$(( $(date +%s) + $3 ))
	while [ "$(date +%s)" -le $end ]; do
		if [ "$(get "$1" "$WORK/w.html")" = 200 ] && grep -qF -- "$2" "$WORK/w.html"; then
			echo $(( ($(date +%s%N) - t0) / 1000000 ))
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# gen_now: the generation the server announces now.
gen_now() {
	curl -sN --max-time 1 "http://127.0.0.1:$PORT/_kitei/events" 2> /dev/null |
	    sed -n 's/^data: //p' | head -1
}

if ! start_serve "$WORK/serve.out" --port 0; then
	fail "kitei serve starts"
	cat "$WORK/serve.out" "$WORK/serve.out.err"
	exit 1
fi
ok "kitei serve starts and says where ($(cat "$WORK/serve.out"))"
tmpdir=$(ls -d "$T"/kitei-serve-* 2> /dev/null | head -1)
[ -n "$tmpdir" ] && ok "its temporary folder is under TMPDIR" || fail "no temporary folder under TMPDIR"

# 1. The manual page: 200, 未コミット, the script and panel, a CSP naming the script's hash.
st=$(curl -s -D "$WORK/h.txt" -o "$WORK/m.html" -w '%{http_code}' "http://127.0.0.1:$PORT/manuals/policy.html")
[ "$st" = 200 ] && ok "the manual page is served (200)" || fail "the manual page: status $st"
contains "the page is marked 未コミット" "$WORK/m.html" "未コミット"
contains "the page carries the findings panel" "$WORK/m.html" '<aside class="kitei-serve"'
contains "the panel lists the unknown element" "$WORK/m.html" "[unknown-requirement]"
href=$(sed -n 's|.*<li class="kitei-serve-error"><a href="\(/manuals/policy.html#[^"]*\)">[^<]*unknown-requirement.*|\1|p' "$WORK/m.html" | head -1)
anchor=${href#*#}
if [ -n "$anchor" ] && grep -q "id=\"$anchor\"" "$WORK/m.html" &&
    python3 - "$WORK/m.html" "$anchor" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<section id="%s"[^>]*>(.*?)</h' % re.escape(sys.argv[2]), html, re.S)
sys.exit(0 if m and "誤った参照" in m.group(1) else 1)
PY
then ok "the finding links to its section ($href)"; else fail "the finding's link ($href) does not reach the section 誤った参照"; fi
contains "the page has a Content-Security-Policy" "$WORK/h.txt" "Content-Security-Policy: default-src 'none'; script-src 'sha256-"
python3 - "$WORK/m.html" "$WORK/h.txt" <<'PY' && ok "the CSP allows exactly the injected script and style (by hash)" || fail "the CSP hashes do not match the injected script and style"
import base64, hashlib, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
hdr = open(sys.argv[2], encoding="utf-8").read()
csp = re.search(r"Content-Security-Policy: (.*)", hdr).group(1)
scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
styles = re.findall(r"<style>(.*?)</style>", html, re.S)
h = lambda s: "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
srcs = dict((d.split()[0], d.split()[1:]) for d in csp.split("; "))
ok = (len(scripts) == 1 and srcs["script-src"] == [h(scripts[0])] and
      len(styles) == 1 and srcs["style-src"] == ["'self'", h(styles[0])] and
      "'unsafe-inline'" not in csp and srcs["default-src"] == ["'none'"])
sys.exit(0 if ok else 1)
PY
[ "$(get /kitei.css "$WORK/c.css")" = 200 ] && ok "the stylesheet is served" || fail "the stylesheet"
[ "$(get / "$WORK/i.html")" = 200 ] && contains "the dashboard is served at /" "$WORK/i.html" "未コミット" || fail "the dashboard at /"

# 2. build's output never carries serve's additions.
(cd "$r" && "$KITEI" --worktree --today 2026-06-01 build --only html,dashboard -o "$WORK/out" > /dev/null 2>&1)
for f in "$WORK/out/manuals/policy.html" "$WORK/out/index.html"; do
	lacks "build output has no reload script ($(basename "$f"))" "$f" "<script"
	lacks "build output has no panel ($(basename "$f"))" "$f" "kitei-serve"
done

# 3. Paths that try to leave the preview.
for p in '/../../../../etc/passwd' '/manuals/../../../etc/passwd' \
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' '/%2E%2E/%2E%2E/etc/passwd' \
    '/manuals/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd' '/..%2f..%2f..%2fetc%2fpasswd' \
    '/%252e%252e/%252e%252e/etc/passwd' '/..%5c..%5c..%5cetc%5cpasswd' \
    '/manuals/..\..\..\etc\passwd' '//etc/passwd' '/./kitei.css/../../x' \
    '/.kitei-output' '/%2ekitei-output' '/manuals/policy.html%00.css' \
    '/../html.log' '/%2e%2e/html.log' '/..%2fhtml.log'; do
	st=$(get "$p" "$WORK/t.txt")
	case $st in
	403|404|400) if grep -q 'root:' "$WORK/t.txt" || grep -q 'kitei-output 1' "$WORK/t.txt"; then
		fail "traversal $p: $st but the body leaks"; else ok "traversal $p refused ($st)"; fi ;;
	*) fail "traversal $p: status $st" ;;
	esac
done
# Symbolic links planted in the preview are not followed.
if [ -n "$tmpdir" ] && [ -d "$tmpdir/html" ]; then
	ln -s /etc/passwd "$tmpdir/html/planted.html"
	ln -s /etc "$tmpdir/html/planted-dir"
	ln -s "$r/kitei.yml" "$tmpdir/html/planted.css"
	for p in /planted.html /planted-dir/passwd /planted.css; do
		st=$(get "$p" "$WORK/t.txt")
		case $st in
		403|404) ok "symbolic link $p not followed ($st)" ;;
		*) fail "symbolic link $p: status $st" ;;
		esac
	done
	rm -f "$tmpdir/html/planted.html" "$tmpdir/html/planted-dir" "$tmpdir/html/planted.css"
else
	fail "no preview folder to plant links in"
fi
st=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: attacker.example:$PORT" "http://127.0.0.1:$PORT/manuals/policy.html")
[ "$st" = 403 ] && ok "a foreign Host header is refused (DNS rebinding)" || fail "foreign Host: status $st"
st=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/manuals/policy.html")
[ "$st" = 405 ] && ok "POST is refused (405)" || fail "POST: status $st"
if command -v ss > /dev/null 2>&1; then
	if ss -ltnH "sport = :$PORT" | awk '{print $4}' | grep -qvE '^(127\.0\.0\.1|\[::1\]):'; then
		fail "serve listens beyond the loopback address: $(ss -ltnH "sport = :$PORT" | awk '{print $4}' | tr '\n' ' ')"
	else ok "serve listens on the loopback address only"; fi
fi

# 4. An edit: the new text is served within seconds, and the SSE stream says so.
curl -sN --max-time 30 "http://127.0.0.1:$PORT/_kitei/events" > "$WORK/sse.txt" 2>/dev/null &
sse=$!
sleep 0.5
contains "the event stream announces the generation at once" "$WORK/sse.txt" "event: generation"
gen1=$(sed -n 's/^data: //p' "$WORK/sse.txt" | tail -1)
printf '\n## 追記\n新しい文言が追加された。\n' >> "$r/policy/01-general.md"
if ms=$(wait_for /manuals/policy.html "新しい文言が追加された" 15); then
	ok "the edit is served ($ms ms after the write)"
else
	fail "the edit was not served within 15 s"
fi
sleep 0.3
gen2=$(sed -n 's/^data: //p' "$WORK/sse.txt" | tail -1)
[ -n "$gen1" ] && [ -n "$gen2" ] && [ "$gen2" -gt "$gen1" ] &&
    ok "the event stream emitted a new generation after the edit ($gen1 → $gen2)" ||
    fail "no new event after the edit ($gen1 → $gen2)"
kill $sse 2> /dev/null; wait $sse 2> /dev/null

# 5. A folder created while serving is watched: a document in it shows up.
gen_before=$(gen_now)
mkdir -p "$r/extra"
i=0
while [ "$(gen_now)" = "$gen_before" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
cat > "$r/extra/orphan.md" <<'EOF'
---
title: 迷子
---
# 迷子
EOF
if wait_for /manuals/policy.html "orphan-document" 15 > /dev/null; then
	ok "a document in a folder made while serving is seen (orphan-document in the panel)"
else
	fail "a document in a new folder was not seen"
fi
rm -rf "$r/extra"

# 6. A broken kitei.yml: the previous pages stay, the panel says why.
cp "$r/kitei.yml" "$WORK/kitei.yml.bak"
printf 'manuals: [\n' > "$r/kitei.yml"
if wait_for /manuals/policy.html "ビルドできませんでした" 15 > /dev/null; then
	ok "a broken kitei.yml is shown in the panel, the last pages kept"
	contains "the panel names kitei.yml" "$WORK/w.html" "kitei.yml"
else
	fail "a broken kitei.yml was not reported"
fi
cp "$WORK/kitei.yml.bak" "$r/kitei.yml"
wait_for /manuals/policy.html "[unknown-requirement]" 15 > /dev/null &&
    ok "fixing kitei.yml brings the pages back" || fail "the pages did not come back"

# 7. PDFs: made on request in the background, served when ready.
st=$(get /manuals/policy.pdf "$WORK/p.pdf")
case $st in
503|200) ok "the first PDF request answers at once ($st)" ;;
*) fail "first PDF request: status $st" ;;
esac
i=0
while [ $i -lt 240 ] && [ "$st" != 200 ]; do sleep 0.5; st=$(get /manuals/policy.pdf "$WORK/p.pdf"); i=$((i + 1)); done
if [ "$st" = 200 ] && head -c 5 "$WORK/p.pdf" | grep -q '%PDF-'; then
	ok "the PDF is served once made"
	if command -v pdftotext > /dev/null 2>&1; then
		pdftotext "$WORK/p.pdf" "$WORK/p.txt" 2> /dev/null
		contains "the PDF holds the edit" "$WORK/p.txt" "新しい文言"
	fi
else
	fail "the PDF was not served (status $st)"
fi

# 8. A second serve on the same port: one line, exit 2.
(cd "$r" && TMPDIR=$T timeout 20 "$KITEI" serve --port "$PORT") > "$WORK/busy.out" 2> "$WORK/busy.err"
rc=$?
[ $rc -eq 2 ] && ok "a port in use: exit 2" || fail "a port in use: exit $rc"
[ "$(wc -l < "$WORK/busy.err")" -eq 1 ] && grep -q "in use" "$WORK/busy.err" &&
    ok "a port in use: one line ($(cat "$WORK/busy.err"))" || { fail "a port in use: message"; cat "$WORK/busy.err"; }
expect_status "--port with a bad value: exit 2" 2 "$KITEI" -C "$r" serve --port 70000
expect_status "--port with letters: exit 2" 2 "$KITEI" -C "$r" serve --port 80a

# 9. A real browser: open a manual, edit its source, see the new text.
B=$ROOT/tests/browser
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
if [ -x "$CHROMIUM" ] && command -v node > /dev/null 2>&1 && [ -d "$B/node_modules/playwright-core" ]; then
	timeout 120 node "$B/serve.js" "http://127.0.0.1:$PORT/manuals/policy.html" \
	    "$r/policy/01-general.md" "ブラウザで見える文言" > "$WORK/browser.log" 2>&1
	rc=$?
	sed "s/^\(ok\|FAIL\) - /\1 - browser: /" "$WORK/browser.log"
	[ $rc -ne 0 ] && ! grep -q '^FAIL - ' "$WORK/browser.log" && fail "browser: serve.js exited $rc"
elif [ -n "${CI:-}" ]; then
	fail "browser: Chromium ($CHROMIUM), node or tests/browser/node_modules missing: run tests/browser/setup.sh"
else
	echo "# browser test not run: Chromium, node or tests/browser/node_modules missing (tests/browser/setup.sh)"
fi

# 10. Ctrl-C: exit 0, the temporary folder removed.
kill -INT $PID
i=0
while kill -0 $PID 2> /dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 $PID 2> /dev/null; then
	fail "SIGINT: serve still runs after 10 s"
	kill -KILL $PID
fi
wait $PID
rc=$?
[ $rc -eq 0 ] && ok "SIGINT: exit 0" || fail "SIGINT: exit $rc ($(cat "$WORK/serve.out.err"))"
[ -z "$(ls -A "$T")" ] && ok "SIGINT: no temporary folder left" || fail "SIGINT: left $(ls "$T")"

# SIGTERM the same, with a build running.
if start_serve "$WORK/serve2.out" --port 0; then
	printf '\n再編集。\n' >> "$r/policy/01-general.md"
	sleep 0.06
	kill -TERM $PID
	wait $PID
	rc=$?
	[ $rc -eq 0 ] && ok "SIGTERM: exit 0" || fail "SIGTERM: exit $rc"
	[ -z "$(ls -A "$T")" ] && ok "SIGTERM: no temporary folder left" || fail "SIGTERM: left $(ls "$T")"
else
	fail "a second kitei serve starts"
fi
exit 0
