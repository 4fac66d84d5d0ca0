#!/bin/sh
# Coverage says only what is true (issue 12, items 1, 2 and 4).
# 1. Only a document that belongs to exactly one manual meets elements: a
#    covers: or not-applicable: in an orphan or an ambiguous document leaves
#    the element missing, with a diagnostic at the directive's own line; the
#    siblings (broken front matter, empty sections, the wrong manual's kind,
#    a manual that cannot load) never make check pass either.
# 2. coverage.json, coverage.csv, coverage.html and check --format json give
#    every element the same facts, for every status.
# 4. check and build say when files under the policy root differ from the
#    commit they read (HEAD), without changing the exit status.
. "$ROOT/tests/lib.sh"
. "$ROOT/tests/fixtures/check/base.sh"

# status_of JSON ID: the status check --format json gives element ID.
status_of() {
	python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
print([e["status"] for e in d["elements"] if e["id"]==sys.argv[2]][0])' "$1" "$2"
}

# is_status "what" JSON ID STATUS
is_status() {
	got=$(status_of "$2" "$3" 2>/dev/null)
	if [ "$got" = "$4" ]; then ok "$1"; else fail "$1 ($3 is '$got', want '$4')"; fi
}

# runcheck NAME: approves $WORK/NAME and runs check as text and as JSON.
runcheck() {
	approve "$WORK/$1" "fixture: $1"
	timeout 20 "$KITEI" --today "$TODAY" -C "$WORK/$1/policies" check \
	    > "$WORK/$1.txt" 2>&1
	echo $? > "$WORK/$1.rc"
	timeout 20 "$KITEI" --today "$TODAY" -C "$WORK/$1/policies" check \
	    --format json > "$WORK/$1.json" 2>/dev/null
}

# exit_is "what" NAME N
exit_is() {
	got=$(cat "$WORK/$2.rc")
	if [ "$got" -eq "$3" ]; then ok "$1"; else fail "$1 (exit $got, want $3)"; fi
}

# --- 1. An orphan document meets nothing -------------------------------
base orphan
sed -i -e '/<!-- covers: 1.1 -->/d' -e 's/<!-- covers: 1.2 -->//' \
    "$r/policy/01-basic.md"
mkdir -p "$r/drafts"
cat > "$r/drafts/memo.md" <<'EOF'
# 草案

## 基本方針
<!-- covers: 1.1 -->
当社はシステムリスク管理の基本方針を定める。

## 見直し
<!-- not-applicable: 1.2 当社は見直さない。 -->
見直しは行わない。

## 教育
<!-- covers: 1.3 -->
全社員に研修を行う。
EOF
runcheck orphan
exit_is "orphan: check fails" orphan 1
is_status "orphan: 1.1 covered only by a draft stays missing" "$WORK/orphan.json" 1.1 missing
is_status "orphan: 1.2 declared n/a only in a draft stays missing" "$WORK/orphan.json" 1.2 missing
is_status "orphan: 1.3 met by the manual stays covered" "$WORK/orphan.json" 1.3 covered
contains "orphan: the covers line says why" "$WORK/orphan.txt" \
    "policies/drafts/memo.md:4:14: error: covers: 1.1 is not counted: this document belongs to no manual"
contains "orphan: the not-applicable line says why" "$WORK/orphan.txt" \
    "policies/drafts/memo.md:8:22: error: not-applicable: 1.2 is not counted"
contains "orphan: met elsewhere is a warning" "$WORK/orphan.txt" \
    "policies/drafts/memo.md:12:14: warning: covers: 1.3 is not counted"
lacks "orphan: no second message at kitei.yml for 1.1" "$WORK/orphan.txt" \
    "1.1 (基本方針の策定, must) is covered by no section"
python3 - "$WORK/orphan.json" > "$WORK/orphan.refs" <<'EOF'
import json, sys
for e in json.load(open(sys.argv[1]))["elements"]:
    for s in e["sections"]:
        print(e["id"], s["path"])
EOF
lacks "orphan: no element cites the draft" "$WORK/orphan.refs" "drafts/memo.md"

# An example element met only by an orphan: a warning, and it stays missing.
base orphan-example
sed -i 's/1\.4 1\.4\.1/1.4/' "$r/policy/01-basic.md"
mkdir -p "$r/drafts"
printf '# 草案\n\n<!-- covers: 1.4.1 -->\n監査法人に依頼する。\n' > "$r/drafts/memo.md"
runcheck orphan-example
exit_is "orphan-example: warnings only" orphan-example 0
is_status "orphan-example: 1.4.1 stays missing" "$WORK/orphan-example.json" 1.4.1 missing
contains "orphan-example: warning at the covers line" "$WORK/orphan-example.txt" \
    "policies/drafts/memo.md:3:14: warning: covers: 1.4.1 is not counted"

# --- An ambiguous document meets nothing (fail closed) -----------------
base ambiguous
sed -i 's|documents: \[crisis/\*.md\]|documents: [crisis/*.md, policy/02-access.md]|' "$r/kitei.yml"
runcheck ambiguous
exit_is "ambiguous: check fails" ambiguous 1
is_status "ambiguous: 4.1.6.a stays missing" "$WORK/ambiguous.json" 4.1.6.a missing
contains "ambiguous: the covers line says why" "$WORK/ambiguous.txt" \
    "policies/policy/02-access.md:4:14: error: covers: 4.1.6.a is not counted: this document is claimed by two manuals"

# A crisis element in a document claimed by the crisis manual and a policy.
base ambiguous-crisis
sed -i 's|documents: \[policy/\*.md\]|documents: [policy/*.md, crisis/01-crisis.md]|' "$r/kitei.yml"
runcheck ambiguous-crisis
exit_is "ambiguous-crisis: check fails" ambiguous-crisis 1
is_status "ambiguous-crisis: 13.1 stays missing" "$WORK/ambiguous-crisis.json" 13.1 missing

# --- Siblings that must not pass either --------------------------------
# A covers: in a document whose front matter is broken: check fails.
base broken-front
cat > "$r/policy/01-basic.md" <<'EOF'
---
title: [壊れた
---
# システムリスク管理規程

## 基本方針
<!-- covers: 1.1 1.2 1.3 1.4 1.4.1 -->
当社はシステムリスク管理の基本方針を定め、毎年見直し、研修を行い、外部監査を検討し、監査法人に依頼する。
EOF
runcheck broken-front
exit_is "broken front matter: check fails" broken-front 1
contains "broken front matter: named" "$WORK/broken-front.txt" "[bad-front-matter]"

# A public element in a document whose visibility cannot be read: the
# document is confidential (fail closed), so 13.2 is not met.
base bad-visibility
sed -i 's/^visibility: public$/visibility: publik/' "$r/crisis/02-public.md"
runcheck bad-visibility
exit_is "unreadable visibility: check fails" bad-visibility 1
is_status "unreadable visibility: 13.2 stays missing" "$WORK/bad-visibility.json" 13.2 missing

# A covers: in a section that is empty.
base empty
sed -i 's/^当社はシステムリスク管理の基本方針を定める。$//' "$r/policy/01-basic.md"
runcheck empty
exit_is "empty section: check fails" empty 1
is_status "empty section: 1.1 stays missing" "$WORK/empty.json" 1.1 missing

# A crisis element met in a policy manual (the kind constraint).
base wrong-kind
rm "$r/crisis/01-crisis.md"
printf '\n## 危機\n<!-- covers: 13.1 -->\n危機の定義。\n' >> "$r/policy/01-basic.md"
runcheck wrong-kind
exit_is "wrong kind: check fails" wrong-kind 1
is_status "wrong kind: 13.1 stays missing" "$WORK/wrong-kind.json" 13.1 missing

# A manual that cannot be loaded stops the run.
base bad-manual
sed -i 's/kind: crisis/kind: krisis/' "$r/kitei.yml"
runcheck bad-manual
exit_is "bad manual: check cannot run" bad-manual 2

# --- 2. JSON, CSV and HTML agree, for every status ----------------------
base truth
cat > "$r/policy/01-basic.md" <<'EOF'
# システムリスク管理規程

## 基本方針
<!-- covers: 1.1 -->
当社はシステムリスク管理の基本方針を定める。

## 見直し
<!-- not-applicable: 1.2 当社は "小規模" であり、見直しは親会社が行う。 -->
見直しは行わない。

## 基本方針の補足
<!-- covers: 1.1 -->
基本方針の補足を定める。

## 外部監査
<!-- covers: 1.4 -->
外部監査の要否を毎年検討する。
EOF
approve "$WORK/truth" "fixture: truth"
timeout 60 "$KITEI" --today "$TODAY" -C "$WORK/truth/policies" build \
    -o "$WORK/truth-out" --only dashboard > /dev/null 2>&1
timeout 20 "$KITEI" --today "$TODAY" -C "$WORK/truth/policies" check \
    --format json > "$WORK/truth.json" 2>/dev/null
python3 - "$WORK/truth-out" "$WORK/truth.json" <<'EOF' > "$WORK/truth.log"
import csv, json, sys
from html.parser import HTMLParser

out, checkjson = sys.argv[1], sys.argv[2]

def facts_json(path):
    d = json.load(open(path, encoding="utf-8"))
    r = {}
    for e in d["elements"]:
        at = e.get("reason_at")
        r[e["id"]] = (e["status"],
                      [(s["path"], s["line"]) for s in e["sections"]],
                      e["reason"],
                      (at["path"], at["line"]) if at else None)
    return r

def place(s):
    p, _, l = s.rpartition(":")
    return (p, int(l))

def facts_csv(path):
    r = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            secs = [place(x) for x in row["sections"].split("\n") if x]
            r[row["id"]] = (row["status"], secs, row["reason"] or None,
                            place(row["reason_at"]) if row.get("reason_at") else None)
    return r

class Matrix(HTMLParser):
    def __init__(self):
        super().__init__()
        self.r = {}
        self.cur = None
        self.where = None   # "ref", "reason", "reason-path", "ref-path"
        self.buf = ""
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and a.get("id", "").startswith("el-"):
            self.cur = [a["id"][3:], a["class"][4:], [], None, None]
        elif self.cur is None:
            return
        elif tag == "p" and a.get("class") == "reason":
            self.where, self.buf = "reason", ""
        elif tag == "code" and a.get("class") == "path":
            self.where = ("reason-path" if self.where == "reason" else "ref-path")
            self.buf2 = ""
    def handle_endtag(self, tag):
        if self.cur is None:
            return
        if tag == "code" and self.where in ("reason-path", "ref-path"):
            if self.where == "ref-path":
                self.cur[2].append(place(self.buf2))
                self.where = None
            else:
                self.cur[4] = place(self.buf2)
                self.where = "reason-done"
        elif tag == "p" and self.where == "reason-done":
            self.cur[3] = self.buf.strip().removeprefix("除外理由：").strip()
            self.where = None
        elif tag == "tr":
            i, st, secs, reason, at = self.cur
            self.r[i] = (st, secs, reason, at)
            self.cur = None
    def handle_data(self, data):
        if self.where == "reason":
            self.buf += data
        elif self.where in ("reason-path", "ref-path"):
            self.buf2 += data

m = Matrix()
m.feed(open(out + "/coverage.html", encoding="utf-8").read())
sources = {"coverage.json": facts_json(out + "/coverage.json"),
           "coverage.csv": facts_csv(out + "/coverage.csv"),
           "coverage.html": m.r,
           "check --format json": facts_json(checkjson)}
base = sources["coverage.json"]
seen = set()
for name, got in sources.items():
    if set(got) != set(base):
        print("FAIL - truth: %s lists other elements" % name)
        continue
    bad = 0
    for i in sorted(base):
        if got[i] != base[i]:
            bad += 1
            print("FAIL - truth: %s says %s is %r, coverage.json %r" % (name, i, got[i], base[i]))
    if not bad:
        print("ok - truth: %s agrees with coverage.json" % name)
for i, (st, secs, reason, at) in base.items():
    seen.add(st)
    if st == "covered" and (not secs or reason or at):
        print("FAIL - truth: covered %s has %r" % (i, base[i]))
    if st == "not-applicable" and (secs or not reason or not at):
        print("FAIL - truth: not-applicable %s has %r" % (i, base[i]))
    if st == "missing" and (secs or reason or at):
        print("FAIL - truth: missing %s has %r" % (i, base[i]))
want = {"covered", "not-applicable", "missing"}
print(("ok" if want <= seen else "FAIL") + " - truth: every status is present (%s)" % sorted(seen))
ex = base.get("1.4.1")
print(("ok" if ex and ex[0] == "missing" else "FAIL") + " - truth: the example element is missing")
na = base.get("1.2")
print(("ok" if na and na[3] == ("policies/policy/01-basic.md", 8) else "FAIL")
      + " - truth: the not-applicable row points at its own declaration (%r)" % (na,))
cov = base.get("1.1")
print(("ok" if cov and len(cov[1]) == 2 else "FAIL") + " - truth: 1.1 lists both sections")
EOF
cat "$WORK/truth.log"
grep -q '^ok - truth: every status' "$WORK/truth.log" || fail "truth: the comparison ran"

# --- 4. Uncommitted changes are named ------------------------------------
base dirty
approve "$WORK/dirty" "fixture: dirty"
dp=$WORK/dirty/policies
timeout 20 "$KITEI" --today "$TODAY" -C "$dp" check > "$WORK/dirty-clean.out" 2>&1
lacks "dirty: a clean tree gets no note" "$WORK/dirty-clean.out" "[uncommitted-changes]"
sed -i 's/<!-- covers: 1.1 -->/<!-- covers: 9.9 -->/' "$dp/policy/01-basic.md"
printf '# 新規\n' > "$dp/policy/09-new.md"
echo 'notes' > "$dp/policy/notes.txt"
printf 'ignored.md\n' > "$WORK/dirty/.gitignore"
printf '# 無視\n' > "$dp/ignored.md"
git -C "$WORK/dirty" add .gitignore
printf '# 段階\n' > "$dp/crisis/03-staged.md"
git -C "$WORK/dirty" add policies/crisis/03-staged.md
git -C "$WORK/dirty" rm -q --cached policies/crisis/01-crisis.md
timeout 20 "$KITEI" --today "$TODAY" -C "$dp" check > "$WORK/dirty.out" 2> "$WORK/dirty.err"
rc=$?
if [ $rc -eq 0 ]; then ok "dirty: the committed tree still passes (exit 0)"; else fail "dirty: exit $rc"; fi
cat "$WORK/dirty.out" "$WORK/dirty.err" > "$WORK/dirty.all"
contains "dirty: check names the uncommitted files" "$WORK/dirty.all" \
    "policies/: note: 4 files under policies/ differ from HEAD and are not checked (policies/crisis/01-crisis.md, policies/crisis/03-staged.md, policies/policy/01-basic.md and 1 more); --worktree previews them [uncommitted-changes]"
lacks "dirty: ignored files do not count" "$WORK/dirty.all" "ignored.md"
timeout 20 "$KITEI" --today "$TODAY" -C "$dp" check --format json > "$WORK/dirty.json" 2>/dev/null
python3 - "$WORK/dirty.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
n = [m for m in d["diagnostics"] if m["rule"] == "uncommitted-changes"]
print(("ok" if len(n) == 1 and n[0]["severity"] == "note" else "FAIL")
      + " - dirty: JSON carries one note")
EOF
timeout 60 "$KITEI" --today "$TODAY" -C "$dp" build -o "$WORK/dirty-out" \
    --only dashboard > "$WORK/dirty-build.out" 2> "$WORK/dirty-build.err"
rc=$?
if [ $rc -eq 0 ]; then ok "dirty: build still exits 0"; else fail "dirty: build exit $rc"; fi
contains "dirty: build says it on standard error" "$WORK/dirty-build.err" "[uncommitted-changes]"
timeout 20 "$KITEI" --today "$TODAY" -C "$dp" --worktree check > "$WORK/dirty-wt.out" 2>&1
lacks "dirty: --worktree reads them, no note" "$WORK/dirty-wt.out" "[uncommitted-changes]"
contains "dirty: --worktree sees the broken covers" "$WORK/dirty-wt.out" "9.9 is not an element"
first=$(git -C "$WORK/dirty" rev-list --max-parents=0 HEAD)
tick
git -C "$WORK/dirty" commit -q -m "fixture: staged" -m "Approved-by: 山田 太郎 <yamada@example.co.jp>"
timeout 20 "$KITEI" --today "$TODAY" -C "$dp" --rev "$first" check > "$WORK/dirty-rev.out" 2>&1
lacks "dirty: another --rev is not compared with the work tree" "$WORK/dirty-rev.out" "[uncommitted-changes]"
timeout 20 "$KITEI" --today "$TODAY" -C "$dp" --rev HEAD check > "$WORK/dirty-head.out" 2>&1
contains "dirty: --rev HEAD is compared" "$WORK/dirty-head.out" "3 files under policies/ differ from HEAD"
