#!/bin/sh
# The command line (issue 12 item 9, issue 20 item 3): every option is
# checked in one place; a bad value, an option the command does not read, a
# missing value, a repeated option, an extra or missing argument is exit 2
# with one message naming it (and the accepted values), and nothing runs.
# `catalog ID...` shows the named elements; an unknown id gives the nearest.
. "$ROOT/tests/lib.sh"

# A folder outside any repository: a usage error must stop before git is read.
EMPTY="$WORK/empty"
mkdir -p "$EMPTY"

# run NAME ARGS...: kitei ARGS in EMPTY; $WORK/NAME.all holds both streams.
run() {
	name=$1; shift
	(cd "$EMPTY" && timeout 60 "$KITEI" "$@") > "$WORK/$name.out" 2> "$WORK/$name.err"
	echo $? > "$WORK/$name.rc"
	cat "$WORK/$name.out" "$WORK/$name.err" > "$WORK/$name.all"
}

# usage NAME TEXT ARGS...: kitei ARGS exits 2 with one line holding TEXT.
usage() {
	name=$1; text=$2; shift 2
	run "$name" "$@"
	rc=$(cat "$WORK/$name.rc")
	if [ "$rc" -eq 2 ]; then ok "$name: exit 2"; else fail "$name: exit $rc, want 2"; fi
	contains "$name: says so" "$WORK/$name.all" "$text"
	n=$(wc -l < "$WORK/$name.all")
	if [ "$n" -eq 1 ]; then ok "$name: one line"; else fail "$name: $n lines"; fi
	lacks "$name: nothing ran" "$WORK/$name.all" "git repository"
}

# Every value option with bad values: the option and what it accepts are named.
while IFS='|' read -r cmd opt value accepted; do
	[ -n "$cmd" ] || continue
	usage "bad $opt '$value' ($cmd)" "$opt: expected $accepted, not '$value'" \
	    "$cmd" "$opt=$value"
done <<'EOF'
check|--rev||a revision
check|--as-of|2026-13-45|a date as YYYY-MM-DD
check|--as-of|2026-02-30|a date as YYYY-MM-DD
check|--as-of|2026-4-1|a date as YYYY-MM-DD
check|--as-of|20260401|a date as YYYY-MM-DD
check|--as-of|2026-04-01x|a date as YYYY-MM-DD
check|--today|2026-13-45|a date as YYYY-MM-DD
check|--today|2027-02-29|a date as YYYY-MM-DD
check|--today|tomorrow|a date as YYYY-MM-DD
check|--today||a date as YYYY-MM-DD
build|--today| 2026-04-01|a date as YYYY-MM-DD
bundle|--as-of|2026-00-10|a date as YYYY-MM-DD
check|--format|xml|text, json, sarif or junit
check|--format|JSON|text, json, sarif or junit
check|--format||text, json, sarif or junit
catalog|--format|sarif|text or json
history|--format|junit|text or json
build|-o||a path
build|--output||a path
build|--only|htm|a comma-separated list of html, pdf, public, dashboard
build|--only|html,|a comma-separated list of html, pdf, public, dashboard
build|--only|html,,pdf|a comma-separated list of html, pdf, public, dashboard
build|--only||a comma-separated list of html, pdf, public, dashboard
diff|--order|sideways|old-left or new-left
bundle|--order|old|old-left or new-left
bundle|--since||a revision
bundle|--sign||a key
verify|--keyring||a file
check|-C||a folder
init|--firm||a firm's name
EOF

# Which command reads which option: anything else is refused by name.
# Each row: option, value (- for a flag), the commands that read it.
while read -r opt value cmds; do
	[ -n "$opt" ] || continue
	for cmd in check catalog history build diff bundle verify init; do
		if [ "$value" = - ]; then set -- "$opt"; else set -- "$opt" "$value"; fi
		case " $cmds " in
		*" $cmd "*)
			# Read: never refused; an extra argument stops the run.
			run "reads-$cmd$opt" "$cmd" "$@" x y z
			lacks "$cmd reads $opt" "$WORK/reads-$cmd$opt.all" "does not take"
			;;
		*)
			usage "$cmd refuses $opt" "$cmd does not take $opt" "$cmd" "$@"
			;;
		esac
	done
done <<'EOF'
--rev HEAD check catalog history build diff bundle
--worktree - check catalog build
--as-of 2026-04-01 check history build bundle
--today 2026-04-01 check build diff bundle
--format json check catalog history
-o out build diff bundle
--output out build diff bundle
--only html build
--release - check build
--emit-xml - build diff
--order new-left diff bundle
--since HEAD bundle
--sign KEY bundle
--keyring k.asc verify
--include-confidential - bundle
--draft - build bundle
--firm 株式会社 init
EOF

# Extra and missing arguments, for every command: the argument is named.
usage "check: extra argument" "check: unexpected argument '4.1.6'" check 4.1.6
usage "build: extra argument" "build: unexpected argument 'out'" build out
usage "bundle: extra argument" "bundle: unexpected argument 'b.zip'" bundle b.zip
usage "history: second argument" "history: unexpected argument 'b.md'" history a.md b.md
usage "diff: third argument" "diff: unexpected argument 'c'" diff a b c
usage "verify: second argument" "verify: unexpected argument 'b.zip'" verify a.zip b.zip
usage "init: second argument" "init: unexpected argument 'b'" init a b
usage "diff: no revision" "diff: missing argument (kitei diff OLD [NEW])" diff
usage "verify: no bundle" "verify: missing argument (kitei verify FILE.zip)" verify

# Values: missing, on a flag, repeated; unknown options and commands.
usage "missing value at the end" "--rev needs a value" check --rev
usage "an option is not a value" "-o needs a value" build -o --release
usage "a flag takes no value" "--release takes no value" check --release=yes
usage "repeated option" "--format given twice" check --format json --format text
usage "repeated option, other spelling" "--output given twice" build -o a --output b
usage "unknown option" "unknown option --frmat" check --frmat json
usage "unknown command" "unknown command 'chek'" chek
usage "--rev and --worktree" "--rev and --worktree exclude each other" check --rev HEAD --worktree
usage "bundle --order without --since" "bundle: --order sets the 新旧対照表's columns" bundle --order new-left
usage "a folder that is not there" "-C $EMPTY/none:" -C "$EMPTY/none" check
usage "diff: NEW and --rev" "diff: NEW and --rev both name the new side" --rev HEAD diff a b
expect_status "--help: exit 0" 0 "$KITEI" check --help
expect_status "--version: exit 0" 0 "$KITEI" --version

# catalog ID: the element in full; an unknown id is exit 2 with the nearest.
run catalog-id catalog 4.1.6 3.2
expect_status "catalog ID: exit 0" 0 "$KITEI" -C "$EMPTY" catalog 4.1.6
contains "catalog ID: the element" "$WORK/catalog-id.out" "4.1.6     example   不正アクセス・情報漏えいを防止する仕組み"
contains "catalog ID: its text" "$WORK/catalog-id.out" "    洗い出した利用者の重要情報について"
contains "catalog ID: its article" "$WORK/catalog-id.out" "    第4条 "
contains "catalog ID: the second one" "$WORK/catalog-id.out" "3.2       must"
lacks "catalog ID: nothing else" "$WORK/catalog-id.out" "4.1.6.a"
usage "catalog: unknown id" "catalog: 4.1.6.z is not an element of system-risk-rules; nearest: 4.1.6.a" catalog 4.1.6.z
run catalog-json catalog --format json 4.1.6
check "catalog ID --format json: one element" python3 -c '
import json, sys
c = json.load(open(sys.argv[1]))
assert [e["id"] for e in c["elements"]] == ["4.1.6"], c["elements"]
assert c["id"] == "system-risk-rules"
' "$WORK/catalog-json.out"

# In a repository: catalog --rev to a revision that is not there is an
# error, never the shipped catalog in its place; `--` ends the options.
repo="$WORK/repo"
new_repo "$repo"
mkdir -p "$repo/p/docs"
cat > "$repo/p/kitei.yml" <<'YML'
organization: テスト株式会社
catalog: system-risk-rules
manuals:
  - id: rules
    title: テスト規程
    documents: ["docs/*.md"]
YML
printf -- '---\ntitle: 規程\n---\n# 規程\n\n## 方針\n<!-- covers: 1.1 -->\n方針。\n' > "$repo/p/docs/-dash.md"
commit_all "$repo" "制定"
run catalog-badrev -C "$repo/p" --rev no-such catalog
if [ "$(cat "$WORK/catalog-badrev.rc")" -eq 2 ]; then ok "catalog --rev no-such: exit 2"; else
	fail "catalog --rev no-such: exit $(cat "$WORK/catalog-badrev.rc"), want 2"; fi
contains "catalog --rev no-such: names it" "$WORK/catalog-badrev.all" "no-such"
run history-dashes -C "$repo/p" history -- docs/-dash.md
contains "history -- PATH: a path starting with a dash" "$WORK/history-dashes.out" "docs/-dash.md"
# A PATH no commit changed is a mistake, not a document without history.
run history-none -C "$repo/p" history docs/nosuch.md
if [ "$(cat "$WORK/history-none.rc")" -eq 2 ]; then ok "history PATH no commit changed: exit 2"; else
	fail "history PATH no commit changed: exit $(cat "$WORK/history-none.rc"), want 2"; fi
contains "history PATH no commit changed: names it" "$WORK/history-none.all" "no commit changed 'docs/nosuch.md'"
run history-dir -C "$repo/p" history docs
contains "history FOLDER: its commits" "$WORK/history-dir.out" "docs/-dash.md"
# --today with a bad date used to fall back to the system clock.
run today-bad -C "$repo/p" --today 2026-13-45 check
if [ "$(cat "$WORK/today-bad.rc")" -eq 2 ]; then ok "--today 2026-13-45: exit 2, no run"; else
	fail "--today 2026-13-45: exit $(cat "$WORK/today-bad.rc"), want 2"; fi
lacks "--today 2026-13-45: no summary" "$WORK/today-bad.all" "elements met"
