#!/bin/sh
# Issue 21, item 2: text an author, a committer or a file name carries never
# reaches the reader's terminal raw.  Every text output (check's diagnostics
# and summary, history, catalog, verify, usage errors echoing arguments, the
# bundle's README.txt) shows control characters escaped
# (\033, \a, \177), C1 and bidirectional controls as \uXXXX, bytes that are
# not UTF-8 as \xNN; JSON, SARIF and JUnit keep their own escaping.
# Carriers: file names, commit subjects, author names, trailers, headings,
# not-applicable reasons, kitei.yml's organization and role titles, catalog
# titles, and revisions, ids, paths and options typed on the command line.
. "$ROOT/tests/lib.sh"

E=$(printf '\033')
B=$(printf '\007')
RLO=$(printf '\342\200\256')
CSI1=$(printf '\302\233')

# clean "what" FILE [crlf]: FILE holds no raw C0 control but tab and newline
# (and CR before LF with crlf), no DEL, no C1 or bidirectional control, and
# only UTF-8.
clean() {
	if python3 - "$2" "${3:-}" > "$2.why" 2>&1 <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
crlf = sys.argv[2] == "crlf"
bad = []
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as e:
    print("not UTF-8 at byte %d" % e.start)
    sys.exit(1)
for i, ch in enumerate(text):
    c = ord(ch)
    if ch in "\t\n" or (crlf and ch == "\r" and text[i + 1:i + 2] == "\n"):
        continue
    if c < 0x20 or c == 0x7f or 0x80 <= c <= 0x9f or c == 0x61c or \
       c in (0x200e, 0x200f) or 0x2028 <= c <= 0x202e or 0x2066 <= c <= 0x2069:
        bad.append("U+%04X at %d" % (c, i))
if bad:
    print("raw: " + ", ".join(bad[:5]))
    sys.exit(1)
PY
	then ok "$1"; else fail "$1 ($(cat "$2.why")) in $2"; fi
}

# run NAME ARGS...: kitei ARGS; $WORK/NAME.all holds standard output and error.
run() {
	name=$1; shift
	timeout 60 "$KITEI" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
	echo $? > "$WORK/$name.rc"
	cat "$WORK/$name.out" "$WORK/$name.err" > "$WORK/$name.all"
}

repo="$WORK/repo"
new_repo "$repo"
mkdir -p "$repo/p/docs"
# YAML's double-quoted escapes put ESC, BEL, C1 and RLO into kitei.yml.
cat > "$repo/p/kitei.yml" <<'YML'
organization: "テスト\e]0;ORG\a株式会社\u202e"
catalog: system-risk-rules
manuals:
  - id: rules
    title: "テスト規程\e[31mTITLE"
    number: T-001
    documents: ["docs/*.md"]
    approvers: [board]
approval:
  roles:
    board: {title: "取締役会\e[31mROLE\x9b", members: [y@example.jp]}
  people:
    - {email: y@example.jp, name: 山田 太郎}
YML
printf -- '---\ntitle: テスト規程\n---\n# テスト規程\n\n## 目的\n<!-- covers: 1.1 -->\n当社はリスク管理態勢を構築する。\n\n## 見出し\033[2JHEAD\302\233X\342\200\256Y\n<!-- covers: 2.1 -->\n\n## 対象外\n<!-- not-applicable: 6.2.2 理由\033]0;REASON\007です -->\n本文。\n' \
    > "$repo/p/docs/01.md"
printf -- '---\ntitle: 悪い名前\n---\n# 悪い\n\n## 節\n<!-- covers: 9.9.9 -->\n本文\n' \
    > "$repo/p/docs/${E}[31mFILE.md"
printf -- '---\ntitle: C1\n---\n# C1\n\n## 節\n<!-- covers: 9.9.8 -->\n本文\n' \
    > "$repo/p/docs/${CSI1}CSI${RLO}gpj.md"
commit_all "$repo" "subject ${E}]0;SUBJ${B} and ${E}[31mred${RLO}"
tick
GIT_AUTHOR_NAME="Evil${E}[31mAUTHOR" git -C "$repo" commit -q --allow-empty \
    -m "承認${E}[2J" -m "Approved-by: 山田 太郎 <y@example.jp>
Note: x${E}]0;TRAILER${B}y"
# A change after the approval: the role title appears in a warning.
echo "追記。" >> "$repo/p/docs/01.md"
commit_all "$repo" "追記"
cd "$repo/p" || exit 2

# check, as text: file names (relative to p/, where it runs), headings and
# role titles in diagnostics.
run check check
clean "check text: no raw control characters" "$WORK/check.all"
contains "check text: the file name escaped" "$WORK/check.all" 'docs/\033[31mFILE.md:7:'
contains "check text: a C1 and bidi file name escaped" "$WORK/check.all" 'docs/\u009bCSI\u202egpj.md:7:'
contains "check text: the heading escaped" "$WORK/check.all" '見出し\033[2JHEAD\u009bX\u202eY'
contains "check text: the role title escaped" "$WORK/check.all" '取締役会\033[31mROLE\u009b'

# JSON, SARIF, JUnit: their own escaping, nothing raw, nothing lost in JSON.
run json check --format json
clean "check json: no raw control characters" "$WORK/json.out"
check "check json: the reason keeps its ESC and BEL" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
reasons = [e["reason"] for e in r["elements"] if e["reason"]]
paths = [m["path"] for m in r["diagnostics"] if m["path"]]
assert "理由\x1b]0;REASON\x07です" in reasons, reasons
assert "p/docs/\x1b[31mFILE.md" in paths, paths
assert "p/docs/\x9bCSI\u202egpj.md" in paths, paths
' "$WORK/json.out"
contains "check json: ESC as \\u001b" "$WORK/json.out" '\u001b]0;REASON\u0007'
contains "check json: C1 as \\u009b" "$WORK/json.out" '\u009bCSI\u202egpj.md'
run sarif check --format sarif
clean "check sarif: no raw control characters" "$WORK/sarif.out"
check "check sarif: JSON" python3 -m json.tool "$WORK/sarif.out"
run junit check --format junit
clean "check junit: no raw control characters" "$WORK/junit.out"
check "check junit: well-formed XML" xmllint --noout "$WORK/junit.out"

# history: subjects, authors, trailers, paths; with PATH too; and its JSON.
run history history
clean "history text: no raw control characters" "$WORK/history.all"
contains "history text: the subject escaped" "$WORK/history.out" 'subject \033]0;SUBJ\a and \033[31mred\u202e'
contains "history text: the author escaped" "$WORK/history.out" 'Author: Evil\033[31mAUTHOR'
contains "history text: a trailer escaped" "$WORK/history.out" 'Note: x\033]0;TRAILER\ay'
contains "history text: a path escaped" "$WORK/history.out" "A	p/docs/\\033[31mFILE.md"
run history-path history "docs/${E}[31mFILE.md"
clean "history PATH: no raw control characters" "$WORK/history-path.all"
contains "history PATH: the document's commit" "$WORK/history-path.out" 'subject \033]0;SUBJ\a'
run history-json history --format json
clean "history json: no raw control characters" "$WORK/history-json.all"
check "history json: JSON" python3 -m json.tool "$WORK/history-json.out"

# The bundle's README.txt (organization).  A bundle holds no work log
# (history/ left out: docs/bundle.md), so no subject reaches it at all.
run bundle bundle --draft -o "$WORK/b.zip"
mkdir -p "$WORK/x" && (cd "$WORK/x" && unzip -q -o "$WORK/b.zip")
clean "bundle: README.txt has no raw control characters" "$WORK/x/README.txt" crlf
contains "bundle: README.txt names the organization escaped" "$WORK/x/README.txt" 'テスト\033]0;ORG\a株式会社\u202e'
check "bundle: no history/ folder" test ! -e "$WORK/x/history"
if grep -rqF "SUBJ" "$WORK/x"; then fail "bundle: no commit subject anywhere"; else ok "bundle: no commit subject anywhere"; fi
clean "bundle: its messages" "$WORK/bundle.all"

# verify: the bundle's path in its report and in its errors.
cp "$WORK/b.zip" "$WORK/v${E}]0;ZIP${B}.zip"
run verify verify "$WORK/v${E}]0;ZIP${B}.zip"
clean "verify: report" "$WORK/verify.all"
contains "verify: the path escaped" "$WORK/verify.out" 'v\033]0;ZIP\a.zip: '
run verify-missing verify "$WORK/none${E}[31m.zip"
clean "verify: error naming a missing bundle" "$WORK/verify-missing.all"
contains "verify: the missing path escaped" "$WORK/verify-missing.all" 'none\033[31m.zip'

# Arguments echoed in errors: revisions, ids, commands, options, folders.
# echoed NAME ARGS...: kitei ARGS exits 2 and prints nothing raw.
echoed() {
	name=$1; shift
	run "$name" "$@"
	clean "$name: the echoed argument is escaped" "$WORK/$name.all"
	if [ "$(cat "$WORK/$name.rc")" -eq 2 ]; then ok "$name: exit 2"; else
		fail "$name: exit $(cat "$WORK/$name.rc"), want 2"; fi
}
echoed rev --rev "${E}]0;REV${B}" check
contains "rev: shown escaped" "$WORK/rev.all" '\033]0;REV\a'
echoed rev-eq "--rev=${E}]0;REV${B}" history
echoed diff-old diff "${E}]0;REV${B}"
echoed diff-new diff HEAD "${CSI1}REV"
echoed since bundle --draft --since "${E}[31mREV" -o "$WORK/c.zip"
echoed unknown-id catalog "1.1${E}[31m"
echoed command "${E}]0;CMD${B}"
echoed option check "--x${E}[31m"
echoed today --today "${E}[31m" check
echoed dir -C "$WORK/none${E}[31m" check
echoed extra check "${E}[31mextra"
echoed extra-history history a "b${E}[31m"
echoed format check --format "${RLO}json"
echoed as-of --as-of "$(printf '\377')" check
contains "as-of: an invalid byte shown as \\xff" "$WORK/as-of.all" "'\\xff'"

# build -o: the folder named in its summary line.
run build build --only html -o "$WORK/out${E}[31m"
clean "build: its summary line" "$WORK/build.all"
contains "build: the folder escaped" "$WORK/build.out" 'out\033[31m: '

# A catalog from the policy root: titles with C1, RLO and DEL (XML can hold
# no C0 control, even as a reference).
new_repo "$WORK/cat"
mkdir -p "$WORK/cat/p"
sed -e 's|<title>テスト用の小さな規則</title>|<title>規則\&#x9b;31m\&#x202e;逆\&#x7f;</title>|' \
    -e 's|<title>基本方針の策定</title>|<title>基本\&#x2067;方針\&#x85;</title>|' \
    "$ROOT/tests/fixtures/check/cat.xml" > "$WORK/cat/p/cat.xml"
cat > "$WORK/cat/p/kitei.yml" <<'YML'
organization: テスト株式会社
catalog: cat.xml
manuals:
  - id: rules
    title: テスト規程
    documents: ["*.md"]
YML
printf -- '---\ntitle: 規程\n---\n# 規程\n\n## 方針\n<!-- covers: 1.1 -->\n基本方針を策定する。\n' > "$WORK/cat/p/01.md"
commit_all "$WORK/cat" "catalog"
cd "$WORK/cat/p" || exit 2
run catalog catalog
clean "catalog text: no raw control characters" "$WORK/catalog.all"
contains "catalog text: the title escaped" "$WORK/catalog.out" '規則\u009b31m\u202e逆\177'
contains "catalog text: an element title escaped" "$WORK/catalog.out" '基本\u2067方針\u0085'
run catalog-id catalog 1.1
clean "catalog ID: no raw control characters" "$WORK/catalog-id.all"
contains "catalog ID: the element title escaped" "$WORK/catalog-id.out" '基本\u2067方針\u0085'
run catalog-json catalog --format json
clean "catalog json: no raw control characters" "$WORK/catalog-json.all"
check "catalog json: JSON" python3 -m json.tool "$WORK/catalog-json.out"
run cat-check check
clean "check with that catalog: no raw control characters" "$WORK/cat-check.all"
