#!/bin/sh
# kitei.yml's reference (issue 13.3): every key config.c accepts is in the
# JSON Schema and in docs/kitei-yml.md; the sample's and init's kitei.yml
# validate against the schema; init names the schema on its first line.
. "$ROOT/tests/lib.sh"

schema=$ROOT/schema/kitei.schema.json
doc=$ROOT/docs/kitei-yml.md
# Keys the parser compares against: strcmp(key|fkey, "…") and the pairs.
keys=$(grep -o 'strcmp(f\{0,1\}key, "[a-z_]*")' "$ROOT/generator/config.c" |
    sed 's/.*"\([a-z_]*\)")/\1/' | sort -u)
keys="$keys $(grep -o 'config_pair_parse([^;]*' "$ROOT/generator/config.c" |
    grep -o '"[a-z_]*"' | tr -d '"' | sort -u)"
n=0
for k in $keys; do
	n=$((n + 1))
	contains "schema has $k" "$schema" "\"$k\""
	contains "docs/kitei-yml.md has $k" "$doc" "| \`$k\` |"
done
if [ "$n" -ge 20 ]; then ok "found the parser's keys ($n)"; else fail "found the parser's keys (only $n)"; fi

if python3 -c 'import jsonschema, yaml' 2>/dev/null; then
	validate() {
		python3 - "$schema" "$1" <<'PY'
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1], encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.validate(yaml.safe_load(open(sys.argv[2], encoding='utf-8')), schema)
PY
	}
	check "the schema is a valid JSON Schema; the sample validates" validate "$ROOT/policies/kitei.yml"
	rm -rf "$WORK/i"; mkdir -p "$WORK/i"
	(cd "$WORK/i" && "$KITEI" init --firm 検証証券株式会社) > /dev/null 2>&1
	check "init's kitei.yml validates" validate "$WORK/i/kitei.yml"
	printf 'organization: x\ncatalog: system-risk-rules\nmanuals: []\nmanuel: 1\n' > "$WORK/typo.yml"
	if validate "$WORK/typo.yml" > /dev/null 2>&1; then fail "a misspelt key fails the schema"; else ok "a misspelt key fails the schema"; fi
else
	fail "python3-jsonschema and python3-yaml are needed (sh scripts/deps.sh --test)"
fi
head -1 "$WORK/i/kitei.yml" > "$WORK/first.txt" 2>/dev/null
contains "init's kitei.yml names the schema first" "$WORK/first.txt" "# yaml-language-server: \$schema="
contains "the schema it names is installed there" "$WORK/first.txt" "/kitei.schema.json"
