#!/bin/sh
# Templates cannot reach outside the build (issue 11 D): a policy root's
# template reads only templates of its templates/ at the revision built and
# the shipped ones (no http, ftp, data or file URI, no path outside, no
# external DTD or entity; a local HTTP server must see no request); runaway
# templates stop within seconds with exit 2; the shipped PDF template copes
# with tables of 100,000 rows; and symlinked templates are never read, with
# --worktree or without.
. "$ROOT/tests/lib.sh"

for t in git python3 timeout; do
	command -v $t >/dev/null 2>&1 || { fail "$t missing"; exit 0; }
done

FIXTURE_DATE=2026-03-01
repo=$WORK/repo
r=$repo/policies
new_repo "$repo"
mkdir -p "$r/p" "$r/templates"
cat > "$r/kitei.yml" <<'EOF'
organization: テスト株式会社
catalog: system-risk-rules
manuals:
  - id: p
    title: テスト規程
    number: T-001
    kind: policy
    owner: システム部
    documents: [p/*.md]
EOF
printf '# 総則\n\n## 目的\n\n本規程は試験のためのものである。\n' > "$r/p/01.md"
commit_all "$repo" "規程"

# kb OUT [args]: builds the dashboard into a new folder OUT, log in OUT.log.
n=0
kb() {
	o=$1; shift
	timeout 60 "$KITEI" -C "$r" --today 2026-04-01 build -o "$o" --only dashboard "$@" \
	    > "$o.log" 2>&1
}

# A local HTTP server that must never be asked for anything.  It serves
# templates that would show PWNED if they were used.
www=$WORK/www
mkdir -p "$www"
cat > "$www/evil.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><html><body>PWNED</body></html></xsl:template>
</xsl:stylesheet>
EOF
printf '<!ENTITY pwn "PWNED">\n' > "$www/evil.dtd"
printf '<x>PWNED</x>\n' > "$www/data.xml"
cp "$www/evil.xsl" "$WORK/evil.xsl"
cp "$www/data.xml" "$WORK/data.xml"
timeout 300 python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$www" \
    > "$WORK/srv.out" 2> "$WORK/srv.log" &
srv=$!
port=
i=0
while [ -z "$port" ] && [ $i -lt 50 ]; do
	port=$(sed -n 's/.* port \([0-9][0-9]*\).*/\1/p' "$WORK/srv.out" | head -1)
	[ -n "$port" ] || sleep 0.1
	i=$((i + 1))
done
[ -n "$port" ] || { fail "local HTTP server did not start"; kill "$srv"; exit 0; }
web=http://127.0.0.1:$port

# attack NAME KIND TEXT [BODY]: a dashboard.xsl whose top level holds TEXT
# (KIND top), whose page body is TEXT (KIND body), or whose prolog is TEXT
# and page body BODY (KIND prolog), committed; the build must exit 2 naming
# the template and write no PWNED; the server must see nothing.
attack() {
	name=$1; kind=$2; text=$3; pbody=${4:-ok}
	n=$((n + 1))
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		[ "$kind" = prolog ] && echo "$text"
		echo '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
		echo '    xmlns:xi="http://www.w3.org/2001/XInclude">'
		[ "$kind" = top ] && echo "$text"
		[ "$kind" = body ] || echo "  <xsl:template match=\"/\"><html><body>$pbody</body></html></xsl:template>"
		[ "$kind" = body ] && echo "  <xsl:template match=\"/\"><html><body>$text</body></html></xsl:template>"
		echo '</xsl:stylesheet>'
	} > "$r/templates/dashboard.xsl"
	commit_all "$repo" "攻撃 $n"
	: > "$WORK/srv.log"
	kb "$WORK/o$n"
	got=$?
	if [ $got -eq 2 ]; then ok "$name: exit 2"; else fail "$name: exit 2 (got $got)"; fi
	contains "$name: the message names the template" "$WORK/o$n.log" "policies/templates/${who:-dashboard.xsl}"
	if [ -e "$WORK/o$n/index.html" ] && grep -q "PWNED\|root:x:0" "$WORK/o$n/index.html"; then
		fail "$name: nothing fetched reaches the page"; else ok "$name: nothing fetched reaches the page"; fi
	if grep -q "GET\|POST\|HEAD" "$WORK/srv.log"; then
		fail "$name: the server saw no request"; cat "$WORK/srv.log"
	else ok "$name: the server saw no request"; fi
}

# D1: imports, includes and document() of anything but a template.
attack "import http" top "  <xsl:import href=\"$web/evil.xsl\"/>"
attack "include http" top "  <xsl:include href=\"$web/evil.xsl\"/>"
attack "import HTTP (upper case)" top "  <xsl:import href=\"HTTP://127.0.0.1:$port/evil.xsl\"/>"
attack "import ftp" top "  <xsl:import href=\"ftp://127.0.0.1:$port/evil.xsl\"/>"
attack "import data:" top '  <xsl:import href="data:text/xml,%3Cx/%3E"/>'
attack "import file://" top "  <xsl:import href=\"file://$WORK/evil.xsl\"/>"
attack "include absolute path" top "  <xsl:include href=\"$WORK/evil.xsl\"/>"
attack "include ../ path" top '  <xsl:include href="../../../evil.xsl"/>'
attack "include /etc/passwd" top '  <xsl:include href="/etc/passwd"/>'
attack "include kitei.yml beside" top '  <xsl:include href="../kitei.yml"/>'
attack "import kitei: unknown" top '  <xsl:import href="kitei:../templates/common.xsl"/>'
attack "document() file://" body "<xsl:value-of select=\"document('file:///etc/passwd')\"/>"
attack "document() path" body "<xsl:value-of select=\"document('$WORK/data.xml')\"/>"
attack "document() http" body "<xsl:value-of select=\"document('$web/data.xml')\"/>"
attack "document() ../" body "<xsl:value-of select=\"document('../../../data.xml')\"/>"
attack "external DTD" prolog "<!DOCTYPE xsl:stylesheet SYSTEM \"$web/evil.dtd\">"
attack "external entity file" prolog '<!DOCTYPE xsl:stylesheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
attack "external entity http used" prolog "<!DOCTYPE xsl:stylesheet [<!ENTITY e SYSTEM \"$web/data.xml\">]><!-- &e; -->"
attack "external parameter entity" prolog "<!DOCTYPE xsl:stylesheet [<!ENTITY % p SYSTEM \"$web/evil.dtd\"> %p;]>"

# An entity used in the template body, and an imported template that tries
# the same: refused at any depth.
attack "external entity in body" prolog "<!DOCTYPE xsl:stylesheet [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" '&e;'
attack "external entity http in body" prolog "<!DOCTYPE xsl:stylesheet [<!ENTITY e SYSTEM \"$web/data.xml\">]>" '&e;'
cat > "$r/templates/parts.xsl" <<EOF
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="$web/evil.xsl"/>
</xsl:stylesheet>
EOF
attack "nested import http" top '  <xsl:include href="parts.xsl"/>'
printf '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>\n' > "$r/templates/table.xml"
who=table.xml
attack "document() of a template with an entity" body "<xsl:value-of select=\"document('table.xml')\"/>"
who=
rm -f "$r/templates/parts.xsl" "$r/templates/table.xml"

# What a policy template may read: another template of its templates/ at the
# same revision, a shipped template by name (kitei:NAME, or a relative name
# the policy root does not override), and data beside them.
cat > "$r/templates/parts.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="mine">委員会版</xsl:template>
</xsl:stylesheet>
EOF
printf '<names><n>部品表</n></names>\n' > "$r/templates/names.xml"
cat > "$r/templates/dashboard.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1" exclude-result-prefixes="k">
  <xsl:import href="kitei:dashboard.xsl"/>
  <xsl:include href="parts.xsl"/>
  <xsl:template name="footer">
    <footer><xsl:call-template name="mine"/>・<xsl:value-of select="document('names.xml')/names/n"/></footer>
  </xsl:template>
</xsl:stylesheet>
EOF
commit_all "$repo" "表紙を差し替える"
kb "$WORK/own"
got=$?
if [ $got -le 1 ]; then ok "allowed: kitei:, include, document() build (exit $got)"; else
	fail "allowed: build (exit $got)"; tail -5 "$WORK/own.log"; fi
contains "allowed: the policy root's part is used" "$WORK/own/index.html" "委員会版・部品表"
contains "allowed: the shipped dashboard is imported" "$WORK/own/index.html" 'class="figures"'
# The same revision: an uncommitted change to a part is not read ...
sed -i 's/委員会版/作業中/' "$r/templates/parts.xsl"
kb "$WORK/own2"
contains "same revision: the committed part is used" "$WORK/own2/index.html" "委員会版"
git -C "$repo" checkout -q -- policies/templates/parts.xsl
# ... and a part that is not committed is not found.
sed -i 's|href="parts.xsl"|href="draft.xsl"|' "$r/templates/dashboard.xsl"
cp "$r/templates/parts.xsl" "$r/templates/draft.xsl"
git -C "$repo" add policies/templates/dashboard.xsl
tick; git -C "$repo" commit -q -m "下書きを読む"
kb "$WORK/own3"
got=$?
if [ $got -eq 2 ]; then ok "same revision: an uncommitted part: exit 2"; else
	fail "same revision: an uncommitted part: exit 2 (got $got)"; fi
contains "same revision: an uncommitted part is not found" "$WORK/own3.log" "draft.xsl"
rm -f "$r/templates/draft.xsl"
# A relative name the policy root does not override is the shipped one.
cat > "$r/templates/dashboard.xsl" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:k="urn:x-kitei:manual:1" exclude-result-prefixes="k">
  <xsl:include href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:template match="/k:site"><html><body><xsl:call-template name="footer"/>共通部品</body></html></xsl:template>
</xsl:stylesheet>
EOF
commit_all "$repo" "共通部品を使う"
kb "$WORK/own4"
contains "allowed: common.xsl falls back to the shipped one" "$WORK/own4/index.html" "共通部品"

# The server was reachable all along: it logs this probe, and nothing else.
python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]).read()" "$web/probe" >/dev/null 2>&1
contains "the server answers and logs requests" "$WORK/srv.log" "GET /probe"
kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null

# D2: runaway templates stop with exit 2 and one clear line, within
# seconds.  runaway NAME BODY: a dashboard.xsl whose top level is BODY.
runaway() {
	name=$1; body=$2
	n=$((n + 1))
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
		echo "$body"
		echo '</xsl:stylesheet>'
	} > "$r/templates/dashboard.xsl"
	commit_all "$repo" "暴走 $n"
	t0=$(date +%s)
	kb "$WORK/o$n"
	got=$?
	t=$(($(date +%s) - t0))
	if [ $got -eq 2 ]; then ok "$name: exit 2"; else fail "$name: exit 2 (got $got)"; fi
	if [ $t -le 15 ]; then ok "$name: stops within 15 s (${t} s)"; else fail "$name: stops within 15 s (${t} s)"; fi
	contains "$name: says why, naming the template" "$WORK/o$n.log" "policies/templates/dashboard.xsl: error: template "
	contains "$name: [template-limit]" "$WORK/o$n.log" "[template-limit]"
}
runaway "exponential recursion" '
  <xsl:template match="/"><xsl:call-template name="t"><xsl:with-param name="d" select="40"/></xsl:call-template></xsl:template>
  <xsl:template name="t"><xsl:param name="d"/><xsl:if test="$d &gt; 0">
    <xsl:call-template name="t"><xsl:with-param name="d" select="$d - 1"/></xsl:call-template>
    <xsl:call-template name="t"><xsl:with-param name="d" select="$d - 1"/></xsl:call-template>
  </xsl:if></xsl:template>'
runaway "endless recursion" '
  <xsl:template match="/"><xsl:call-template name="t"/></xsl:template>
  <xsl:template name="t"><x><xsl:call-template name="t"/></x></xsl:template>'
runaway "endless apply-templates" '
  <xsl:template match="/"><xsl:apply-templates select="."/></xsl:template>'
runaway "nested loops" '
  <xsl:template match="/"><xsl:for-each select="//node()"><xsl:for-each select="//node()">
    <xsl:for-each select="//node()"><xsl:for-each select="//node()"><x/></xsl:for-each></xsl:for-each>
  </xsl:for-each></xsl:for-each></xsl:template>'
runaway "quadratic XPath" '
  <xsl:template match="/"><xsl:value-of select="count(//node()[count(preceding::node()[count(preceding::node()[count(preceding::node()) &gt;= 0]) &gt;= 0]) &gt;= 0])"/></xsl:template>'
runaway "recursive variables" '
  <xsl:template match="/"><xsl:call-template name="t"/></xsl:template>
  <xsl:template name="t"><xsl:param name="a" select="1"/><xsl:variable name="b" select="$a"/>
    <xsl:call-template name="t"><xsl:with-param name="a" select="$b"/></xsl:call-template></xsl:template>'
git -C "$repo" rm -q policies/templates/dashboard.xsl
commit_all "$repo" "既定の表紙に戻す"

# D3: a table of 100,000 rows builds (HTML), and one of 2,000 rows as PDF
# (the shipped fo-common.xsl recursed once per row and stopped at about
# 1,500; the typesetter, not the template, sets the time for longer tables).
table() {
	python3 - "$1" "$2" <<'PYEOF'
import sys
with open(sys.argv[2], 'w') as f:
    f.write('# 資産台帳\n\n## 一覧\n\n| 番号 | 資産名 | 管理者 |\n|---|---|---|\n')
    for i in range(int(sys.argv[1])):
        f.write('| A-%06d | サーバ%d号機 | 情報システム部 |\n' % (i, i))
PYEOF
}
table 2000 "$r/p/02-assets.md"
commit_all "$repo" "資産台帳 2,000 行"
timeout 300 "$KITEI" -C "$r" --today 2026-04-01 build -o "$WORK/pdf2k" --only pdf > "$WORK/pdf2k.log" 2>&1
got=$?
if [ $got -le 1 ] && [ -s "$WORK/pdf2k/manuals/p.pdf" ]; then ok "table of 2,000 rows: PDF built (exit $got)"
else fail "table of 2,000 rows: PDF built (exit $got)"; grep -v covered "$WORK/pdf2k.log" | head -5; fi
table 100000 "$r/p/02-assets.md"
commit_all "$repo" "資産台帳 100,000 行"
t0=$(date +%s)
timeout 300 "$KITEI" -C "$r" --today 2026-04-01 build -o "$WORK/html100k" --only html > "$WORK/html100k.log" 2>&1
got=$?
t=$(($(date +%s) - t0))
if [ $got -le 1 ] && grep -q "A-099999" "$WORK/html100k/manuals/p.html"; then
	ok "table of 100,000 rows: HTML built (exit $got, ${t} s)"
else fail "table of 100,000 rows: HTML built (exit $got, ${t} s)"; grep -v covered "$WORK/html100k.log" | head -5; fi
git -C "$repo" rm -q policies/p/02-assets.md
commit_all "$repo" "資産台帳を外す"

# D4: a symlinked templates/ folder or template file is reported and never
# read, committed or in the working tree (--worktree).
mkdir -p "$repo/elsewhere"
cat > "$repo/elsewhere/dashboard.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><html><body>LINKED</body></html></xsl:template>
</xsl:stylesheet>
EOF
printf 'body { color: red } /* LINKED */\n' > "$repo/elsewhere/kitei.css"
# linked WHAT OUT [args]: the build reports the link and shows none of it.
linked() {
	kb "$WORK/$2" $3
	if cat "$WORK/$2/index.html" "$WORK/$2/kitei.css" 2>/dev/null | grep -q LINKED; then
		fail "$1: the linked template is not read"
	else ok "$1: the linked template is not read"; fi
	check "$1: the page is written" test -s "$WORK/$2/index.html"
	contains "$1: the link is reported" "$WORK/$2.log" "symbolic link"
}
if [ -d "$r/templates" ] && [ -n "$r" ]; then rm -rf "$r/templates"; fi
ln -s ../elsewhere "$r/templates"
linked "templates/ linked, worktree" lw1 --worktree
commit_all "$repo" "テンプレートへのリンク"
linked "templates/ linked, committed" lc1
git -C "$repo" rm -q --cached policies/templates
rm "$r/templates"
mkdir -p "$r/templates"
ln -s ../../elsewhere/dashboard.xsl "$r/templates/dashboard.xsl"
ln -s ../../elsewhere/kitei.css "$r/templates/kitei.css"
linked "template file linked, worktree" lw2 --worktree
commit_all "$repo" "テンプレートファイルへのリンク"
linked "template file linked, committed" lc2
exit 0
