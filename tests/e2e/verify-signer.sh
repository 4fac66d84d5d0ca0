# kitei verify names who signed a bundle (the key's name and e-mail, then its
# fingerprint), from the --keyring given and from the user's own keyring.
. "$ROOT/tests/lib.sh"

command -v gpg >/dev/null || { fail "gpg is not installed"; exit 0; }
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
printf -- '---\ntitle: テスト規程\n---\n# テスト規程\n\n## 目的\n<!-- covers: 1.1 -->\n本文。\n' > "$repo/p/docs/01.md"
commit_all "$repo" "テスト規程を制定"
tick
git -C "$repo" commit -q --allow-empty -m "承認" -m "Approved-by: 山田 太郎 <y@example.jp>"
cd "$repo/p" || exit 2

export GNUPGHOME="$WORK/gnupg"
mkdir -p "$GNUPGHOME" && chmod 700 "$GNUPGHOME"
gpg --batch --passphrase '' --quick-gen-key 'テスト株式会社 規程管理 <kitei@example.jp>' ed25519 sign never 2>/dev/null
fpr=$(gpg --with-colons --list-keys kitei@example.jp | awk -F: '$1 == "fpr" { print $10; exit }')
gpg --armor --export kitei@example.jp > "$WORK/signer.asc"
"$KITEI" bundle -o "$WORK/s.zip" --sign kitei@example.jp > /dev/null 2>&1
"$KITEI" verify "$WORK/s.zip" --keyring "$WORK/signer.asc" > "$WORK/v1.out" 2>&1
contains "verify --keyring names the signer" "$WORK/v1.out" "good signature by テスト株式会社 規程管理 <kitei@example.jp> (key $fpr)"
"$KITEI" verify "$WORK/s.zip" > "$WORK/v2.out" 2>&1
contains "verify with the user's keyring names the signer" "$WORK/v2.out" "good signature by テスト株式会社 規程管理 <kitei@example.jp> (key $fpr)"
gpgconf --kill all 2>/dev/null
