# Sourced with KITEI, DIR set: makes DIR a policy root holding the JLREQ
# corpus (tests/jlreq/corpus.md) as one manual and builds it into DIR/out
# (manuals/jlreq.pdf and .html).  Used by tests/e2e/jlreq.sh and bench/jlreq.sh.
jl_src=$(cd "$(dirname "$KITEI")" && pwd)/tests
rm -rf "$DIR"
mkdir -p "$DIR"
git init -q -b main "$DIR"
cp "$jl_src/jlreq/corpus.md" "$DIR/corpus.md"
cp "$jl_src/fixtures/check/cat.xml" "$DIR/cat.xml"
cat > "$DIR/kitei.yml" <<'Y'
organization: テスト金融サービス仲介株式会社
catalog: cat.xml
review_interval: 12 months
date_style: western
manuals:
  - id: jlreq
    title: 組版規則の見本
    number: JL-001
    kind: policy
    owner: システム部
    documents: [corpus.md]
    approvers: [board]
approval:
  require_signature: false
  roles:
    board: {title: 取締役会, members: [yamada@example.co.jp]}
  people:
    - {email: yamada@example.co.jp, name: 山田 太郎}
Y
git -C "$DIR" add -A
GIT_AUTHOR_DATE=2026-01-02T12:00:00Z GIT_COMMITTER_DATE=2026-01-02T12:00:00Z \
    git -C "$DIR" -c user.name=t -c user.email=t@example.co.jp commit -qm 制定
# The corpus covers no catalog element: build reports that and still writes.
"$KITEI" -C "$DIR" build -o "$DIR/out" >/dev/null 2>&1 || true
