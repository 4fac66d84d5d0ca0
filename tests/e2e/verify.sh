# kitei verify says yes only to exactly what was signed (issue 11, part B),
# and a bundle is the same bytes everywhere (part E).  Forged zips come from
# tests/tools/forgezip.py (Python's zipfile and hand-written headers).
. "$ROOT/tests/lib.sh"

# forge DST MODE ARG...: queues a forged copy of a.zip (tests/tools/forgezip.py);
# run_forge makes the queued ones in one Python process.
forge() {
	for a in "$@"; do
		printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"
	done >> "$WORK/jobs"
	echo >> "$WORK/jobs"
}
run_forge() {
	python3 "$ROOT/tests/tools/forgezip.py" "$WORK/a.zip" < "$WORK/jobs" ||
	    fail "forgezip.py failed"
	: > "$WORK/jobs"
}
: > "$WORK/jobs"

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
当社はリスク管理態勢を構築する。
MD
commit_all "$repo" "テスト規程を制定"
tick
git -C "$repo" commit -q --allow-empty -m "承認" -m "Approved-by: 山田 太郎 <y@example.jp>"
cd "$repo/p" || exit 2
"$KITEI" bundle -o "$WORK/a.zip" > "$WORK/a.out" 2>&1
check "a bundle to forge from" test -s "$WORK/a.zip"
expect_status "verify passes the untouched bundle" 0 "$KITEI" verify "$WORK/a.zip"

# refuses NAME ZIP "message": verify exits 1 and prints the message.
refuses() {
	what=$1; zip=$2; msg=$3
	timeout 60 "$KITEI" verify "$zip" > "$zip.out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -qF -- "$msg" "$zip.out"; then ok "verify refuses $what"
	else fail "verify refuses $what (exit $rc): $(head -5 "$zip.out")"; fi
	lacks "verify says nothing good of $what" "$zip.out" "every SHA-256 matches"
}

# B1 and B3 run twice: first to queue the forgeries (checks do nothing),
# then to check them.
b1b3() {
# B1: members that are not regular files, as a second copy of a manual (unzip
# and Python extract the last one) and as the manual itself.
for t in "020644 character device" "060644 block device" "010644 fifo" \
    "140644 socket" "120777 symbolic link" "040755 folder"; do
	m=${t%% *}; n=${t#* }
	forge "$WORK/add-$m.zip" add manuals/rules.pdf "$m"
	refuses "a second manuals/rules.pdf that is a $n" "$WORK/add-$m.zip" \
	    "manuals/rules.pdf: not a regular file (a $n)"
	contains "and names the duplicate ($n)" "$WORK/add-$m.zip.out" \
	    "manuals/rules.pdf: appears twice"
	forge "$WORK/re-$m.zip" retype manuals/rules.pdf "$m"
	refuses "manuals/rules.pdf typed as a $n" "$WORK/re-$m.zip" \
	    "manuals/rules.pdf: not a regular file (a $n)"
done
forge "$WORK/dosdir.zip" add manuals/x.pdf 0 0 0x10
refuses "an MS-DOS folder attribute" "$WORK/dosdir.zip" "manuals/x.pdf: not a regular file (an MS-DOS folder)"
forge "$WORK/host.zip" host coverage.csv 10
refuses "a member made on a system whose types verify cannot read" "$WORK/host.zip" "coverage.csv: made on a system (10)"
forge "$WORK/suid.zip" retype coverage.csv 104755
refuses "a set-user-ID member" "$WORK/suid.zip" "coverage.csv: set-user-ID"

# Duplicates: a second manual with other bytes, a second SHA256SUMS.
forge "$WORK/dup.zip" add manuals/rules.pdf 100644
refuses "a second regular manuals/rules.pdf" "$WORK/dup.zip" "manuals/rules.pdf: appears twice"
forge "$WORK/dupsums.zip" add SHA256SUMS 100644
refuses "a second SHA256SUMS" "$WORK/dupsums.zip" "SHA256SUMS: appears twice"
forge "$WORK/case.zip" addlisted Manuals/rules.pdf
refuses "names that differ only in case" "$WORK/case.zip" "only in case (one file on Windows and macOS)"

# Names: absolute, '..', and what unzip on some system writes elsewhere.
k=0
for t in "/etc/x|an absolute name" "../x|a '.' or '..' part" \
    "manuals/../../x|a '.' or '..' part" "./x|a '.' or '..' part" \
    "manuals//x.pdf|an empty part" "manuals\\rules.pdf|a character other than" \
    "C:x|a character other than" "manuals/rulés.pdf|a character other than" \
    "manuals/ru les.pdf|a character other than" "x.pdf.|a name part ending in '.'" \
    "manuals/CON.pdf|a Windows device name" "manuals/com1|a Windows device name" \
    "manuals/|a folder entry" "$(printf 'a\tb')|a character other than"; do
	name=${t%%|*}; msg=${t#*|}
	k=$((k + 1))
	forge "$WORK/name-$k.zip" add "$name" 100644
	refuses "the name '$name'" "$WORK/name-$k.zip" "$msg"
done
forge "$WORK/nul.zip" nul
refuses "a NUL byte in a name" "$WORK/nul.zip" "a NUL byte in the name"
forge "$WORK/upath.zip" unicodepath
refuses "an Info-ZIP Unicode Path field (renames for unzip)" "$WORK/upath.zip" "an extra field verify does not accept (0x7075)"

# Listed and present must match both ways; an empty bundle is no bundle.
forge "$WORK/unlisted.zip" add extra.txt 100644
refuses "a member not listed" "$WORK/unlisted.zip" "extra.txt: in the bundle but not listed"
forge "$WORK/empty.zip" empty
refuses "an empty zip" "$WORK/empty.zip" "the bundle is empty"
forge "$WORK/onlysums.zip" onlysums
refuses "an empty SHA256SUMS alone" "$WORK/onlysums.zip" "SHA256SUMS lists no file"
forge "$WORK/bz.zip" method
refuses "a compression method verify does not read" "$WORK/bz.zip" "extra.txt: compressed with method 12"

# One reading only: what streaming readers see must be what unzip sees.
forge "$WORK/hidden.zip" hidden
refuses "a member hidden from the central directory" "$WORK/hidden.zip" "not where the previous member ends"
forge "$WORK/localname.zip" localname
refuses "a local header naming another file" "$WORK/localname.zip" "its local header and the central directory disagree"
forge "$WORK/prepend.zip" prepend
refuses "bytes before the first member" "$WORK/prepend.zip" "the end of the central directory is inconsistent"
forge "$WORK/append.zip" append
refuses "bytes after the end" "$WORK/append.zip" "a comment or bytes after its end"
forge "$WORK/comment.zip" comment
refuses "a zip comment" "$WORK/comment.zip" "a comment or bytes after its end"

# B3: SHA256SUMS as sha256sum -c reads it.
mkdir -p "$WORK/x" && (cd "$WORK/x" && unzip -q "$WORK/a.zip")
sums="$WORK/x/SHA256SUMS"
sed -E 's/^([0-9a-f]{64})/\U\1/' "$sums" > "$WORK/upper"
sed 's/  / */' "$sums" > "$WORK/star"
sed -E 's/^([0-9a-f]{64})  (.*)$/SHA256 (\2) = \1/' "$sums" > "$WORK/bsd"
sed 's/^/\\/' "$sums" > "$WORK/escaped"
for v in upper star bsd escaped; do
	check "sha256sum -c accepts the $v form" sh -c "cd '$WORK/x' && sha256sum -c --quiet '$WORK/$v'"
	forge "$WORK/sums-$v.zip" sums "$WORK/$v"
	expect_status "verify accepts the $v form too" 0 "$KITEI" verify "$WORK/sums-$v.zip"
done
head -c 100 "$sums" > "$WORK/cut"; printf '\0\0\0' >> "$WORK/cut"; tail -c +104 "$sums" >> "$WORK/cut"
forge "$WORK/sums-cut.zip" sums "$WORK/cut"
refuses "a SHA256SUMS cut short by NUL bytes" "$WORK/sums-cut.zip" "SHA256SUMS: a NUL byte at offset 100"
{ cat "$sums"; head -1 "$sums"; } > "$WORK/twice"
forge "$WORK/sums-twice.zip" sums "$WORK/twice"
refuses "a file listed twice" "$WORK/sums-twice.zip" "listed twice in SHA256SUMS"
{ cat "$sums"; echo "not a sums line"; } > "$WORK/junk"
forge "$WORK/sums-junk.zip" sums "$WORK/junk"
refuses "a line that is not a sum" "$WORK/sums-junk.zip" "is not '<sha256>  <name>'"
{ cat "$sums"; sed -n 's/  .*/  ..\/escape/p' "$sums" | head -1; } > "$WORK/dotdot"
forge "$WORK/sums-dotdot.zip" sums "$WORK/dotdot"
refuses "a listed name with '..'" "$WORK/sums-dotdot.zip" "lists a '.' or '..' part"

}
# Queue, quietly.
refuses() { :; }; check() { :; }; expect_status() { :; }; contains() { :; }; lacks() { :; }
b1b3
. "$ROOT/tests/lib.sh"
refuses() {
	what=$1; zip=$2; msg=$3
	timeout 60 "$KITEI" verify "$zip" > "$zip.out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && grep -qF -- "$msg" "$zip.out"; then ok "verify refuses $what"
	else fail "verify refuses $what (exit $rc): $(head -5 "$zip.out")"; fi
	lacks "verify says nothing good of $what" "$zip.out" "every SHA-256 matches"
}
max=$(sed -n 's/^#define KITEI_MAX_BUNDLE_MEMBERS[[:space:]]*//p' "$ROOT/generator/klimits.h")
forge "$WORK/bomb-lie.zip" bomb-lie 3000
forge "$WORK/bomb-big.zip" bomb-big 9 500
forge "$WORK/bomb-one.zip" bomb-big 1 600
forge "$WORK/many.zip" many 80000
forge "$WORK/toomany.zip" claim $((max + 1))
run_forge
forge() { :; }
b1b3

# Not a file at all: a fifo must not hang verify, a folder is no bundle.
mkfifo "$WORK/fifo.zip"
expect_status "verify of a fifo exits 2 at once" 2 timeout 10 "$KITEI" verify "$WORK/fifo.zip"
expect_status "verify of a folder exits 2" 2 "$KITEI" verify "$WORK"

# B2: constant memory, linear time, limits with a clear message.
# ASan reserves terabytes of address space: no ulimit -v under the sanitizers.
VLIM=400000
[ "$SLOW" -gt 1 ] && VLIM=unlimited
(ulimit -v $VLIM; timeout $((20 * SLOW)) "$KITEI" verify "$WORK/bomb-lie.zip") > "$WORK/bomb-lie.out" 2>&1
rc=$?
[ $rc -eq 1 ] && ok "a 3 GB zip bomb declared as 1000 bytes stops at once in 400 MB (exit 1)" || \
    fail "a zip bomb declared small (exit $rc): $(head -3 "$WORK/bomb-lie.out")"
contains "and says why" "$WORK/bomb-lie.out" "bomb.bin: expands past the size the zip declares"
(ulimit -v $VLIM; timeout $((20 * SLOW)) "$KITEI" verify "$WORK/bomb-big.zip") > "$WORK/bomb-big.out" 2>&1
rc=$?
[ $rc -eq 1 ] && ok "4.5 GB declared honestly is refused before inflating (exit 1)" || \
    fail "4.5 GB declared honestly (exit $rc): $(head -3 "$WORK/bomb-big.out")"
contains "and names the limit" "$WORK/bomb-big.out" "the bundle expands to more than verify reads"
"$KITEI" verify "$WORK/bomb-one.zip" > "$WORK/bomb-one.out" 2>&1
contains "one member past its limit is named" "$WORK/bomb-one.out" "b000.bin: larger than verify reads"
# CPU seconds, not wall time: the machine may be busy.  Quadratic took 11.
expect_status "80,000 members verify within 4 CPU seconds" 0 sh -c \
    "ulimit -t 4; timeout 120 '$KITEI' verify '$WORK/many.zip'"
refuses "one member past KITEI_MAX_BUNDLE_MEMBERS" "$WORK/toomany.zip" "more than verify reads ($max)"

# ------------------------------------------------------------------------
# Signatures.  gpg runs in $GH; kitei runs with HOME, GNUPGHOME and TMPDIR
# pointing at scratch folders it must leave as it found them.
GH=$WORK/gnupg
mkdir -m 700 "$GH"
mkdir -p "$WORK/home" "$WORK/tmpdir"
export GNUPGHOME=$GH
# newkey NAME CREATED EXPIRE: a key made at CREATED (gpg's clock, or "now"),
# valid for EXPIRE; prints its fingerprint.
newkey() {
	if [ "$2" = now ]; then ft=; else ft="--faked-system-time $2"; fi
	gpg --batch --quiet $ft --passphrase '' --quick-gen-key \
	    "$1 <$1@example.jp>" ed25519 sign "$3" 2>/dev/null
	gpg --batch --with-colons --list-keys "<$1@example.jp>" 2>/dev/null |
	    awk -F: '$1 == "fpr" { print $10; exit }'
}
OLD=$(newkey old 20250101T000000 30d)		# lived January 2025
NEW=$(newkey new now 1y)			# valid now, for a year
REV=$(newkey rev now never)			# revoked below
for k in old new rev; do gpg --armor --export "$k@example.jp" > "$WORK/$k.asc"; done
if [ ${#OLD} -eq 40 ] && [ ${#NEW} -eq 40 ] && [ ${#REV} -eq 40 ]; then
	ok "keys: three throwaway keys"
else
	fail "keys: three throwaway keys ('$OLD' '$NEW' '$REV')"
fi

# B4: without --keyring verify neither creates ~/.gnupg nor starts an agent.
gpg --batch --yes --passphrase '' --pinentry-mode loopback --local-user "$NEW" \
    --armor --detach-sign -o "$WORK/x/SHA256SUMS.asc" "$WORK/x/SHA256SUMS" 2>/dev/null
python3 - "$WORK/a.zip" "$WORK/signed.zip" "$WORK/x/SHA256SUMS.asc" <<'PY'
import sys, zipfile
zin, zout = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for i in zin.infolist():
    zout.writestr(i, zin.read(i.filename))
i = zipfile.ZipInfo("SHA256SUMS.asc", (2026, 1, 5, 12, 0, 0))
i.create_system, i.external_attr = 3, 0o100644 << 16
zout.writestr(i, open(sys.argv[3], "rb").read())
zout.close()
PY
gpgconf --homedir "$GH" --kill all 2>/dev/null
agents() { ps -eo args | grep "[g]pg-agent" | grep -F -e "$WORK/home" -e "$WORK/tmpdir" -e kitei-gnupg; }
isolated() { env -u GNUPGHOME HOME="$WORK/home" TMPDIR="$WORK/tmpdir" "$@"; }
before=$(agents)
isolated "$KITEI" verify "$WORK/signed.zip" > "$WORK/nokeys.out" 2>&1
is_rc=$?
[ $is_rc -eq 1 ] && ok "no keyring at all: a signed bundle is not passed (exit 1)" || fail "no keyring at all (exit $is_rc)"
contains "and says to give --keyring" "$WORK/nokeys.out" "no public keys to check it with (give --keyring FILE)"
if [ -z "$(ls -A "$WORK/home")" ]; then ok "HOME stays empty: no ~/.gnupg made"
else fail "HOME stays empty: $(ls -AR "$WORK/home" | head -5)"; fi
# With the user's own keyring: read, never written.
mkdir -m 700 "$WORK/home/.gnupg"
gpg --homedir "$WORK/home/.gnupg" --batch --quiet --import "$WORK/new.asc" 2>/dev/null
gpgconf --homedir "$WORK/home/.gnupg" --kill all 2>/dev/null
snap() { (cd "$WORK/home" && find . -exec ls -ld --time-style=+%s.%N {} + | sort; find . -type f -exec sha256sum {} + | sort); }
snap > "$WORK/home.before"
expect_status "without --keyring, the user's public keys check it" 0 isolated "$KITEI" verify "$WORK/signed.zip"
snap > "$WORK/home.after"
same "the user's keyring is untouched" "$WORK/home.after" "$WORK/home.before"
if [ -z "$(ls -A "$WORK/tmpdir")" ]; then ok "no temporary GnuPG home is left"; else fail "no temporary GnuPG home is left: $(ls "$WORK/tmpdir")"; fi
if [ "$(agents)" = "$before" ]; then ok "no gpg-agent was started"; else fail "no gpg-agent was started: $(agents)"; fi
expect_status "with --keyring, verify passes" 0 isolated "$KITEI" verify "$WORK/signed.zip" --keyring "$WORK/new.asc"
expect_status "with --keyring of another key, verify fails" 1 isolated "$KITEI" verify "$WORK/signed.zip" --keyring "$WORK/old.asc"
if [ "$(agents)" = "$before" ] && [ -z "$(ls -A "$WORK/tmpdir")" ]; then ok "still no agent, nothing left in TMPDIR"
else fail "still no agent, nothing left in TMPDIR"; fi

# B5, bundles: a signature counts when its key was valid at the later of its
# own time and the source commit's.  The bundle commit here is dated 2026.
signed_bundle() {	# OUT KEY FAKED-TIME: kitei bundle --sign with gpg's clock at FAKED-TIME
	if [ -n "$3" ]; then echo "faked-system-time $3" > "$GH/gpg.conf"; else : > "$GH/gpg.conf"; fi
	"$KITEI" bundle --draft -o "$1" --sign "$2" > "$1.log" 2>&1
	: > "$GH/gpg.conf"
	gpgconf --homedir "$GH" --kill all 2>/dev/null
}
signed_bundle "$WORK/back.zip" "$OLD" 20250110T000000
check "a bundle signed by a key with its clock set back" test -s "$WORK/back.zip"
refuses "a signature dated before the commit, by a key expired at the commit" "$WORK/back.zip" \
    "was expired (or not yet valid) at the date of what it signs"
# The same key, for a commit made while it was valid: counts, though the key has expired since.
git -C "$repo" checkout -q -b early "$(git -C "$repo" rev-list --max-parents=0 HEAD)"
GIT_COMMITTER_DATE=2025-01-05T12:00:00Z GIT_AUTHOR_DATE=2025-01-05T12:00:00Z \
    git -C "$repo" commit -q --amend --no-edit --allow-empty
signed_bundle "$WORK/early.zip" "$OLD" 20250110T000000
git -C "$repo" checkout -q main
"$KITEI" verify "$WORK/early.zip" --keyring "$WORK/old.asc" > "$WORK/early.out" 2>&1
[ $? -eq 0 ] && ok "a signature made while its key was valid still counts after it expired" || \
    fail "a signature made while its key was valid still counts: $(cat "$WORK/early.out")"
# A commit dated after the key's expiry, signed today while the key is valid.
git -C "$repo" checkout -q -b future main
GIT_COMMITTER_DATE=2040-01-01T12:00:00Z GIT_AUTHOR_DATE=2040-01-01T12:00:00Z \
    git -C "$repo" commit -q --allow-empty -m "未来"
signed_bundle "$WORK/future.zip" "$NEW" ""
git -C "$repo" checkout -q main
refuses "a signature by a key that expires before the commit's date" "$WORK/future.zip" \
    "was expired (or not yet valid) at the date of what it signs"
# A revoked key.
signed_bundle "$WORK/rev.zip" "$REV" ""
gpg --batch --quiet --import "$GH/openpgp-revocs.d/$REV.rev" 2>/dev/null ||
    sed 's/^:-----/-----/' "$GH/openpgp-revocs.d/$REV.rev" | gpg --batch --quiet --import 2>/dev/null
gpg --armor --export "$REV" > "$WORK/rev.asc"
"$KITEI" verify "$WORK/rev.zip" --keyring "$WORK/rev.asc" > "$WORK/rev.zip.out" 2>&1
[ $? -eq 1 ] && ok "verify refuses a signature by a revoked key" || fail "verify refuses a signature by a revoked key"
contains "and says it is revoked" "$WORK/rev.zip.out" "revoked"

# B5, approvals: the same rule for signed Approved-by commits.
srepo=$WORK/srepo
new_repo "$srepo"
mkdir -p "$srepo/p/docs" "$srepo/p/keys"
cp "$repo/p/docs/01.md" "$srepo/p/docs/"
cp "$WORK/old.asc" "$WORK/new.asc" "$WORK/rev.asc" "$srepo/p/keys/"
# A policy whose one approver is the person owning key $1.
sconf() {
	sed -e "s/members: \[y@example.jp\]/members: [$1@example.jp]/" \
	    -e "s/- {email: y@example.jp, name: 山田 太郎}/- {email: $1@example.jp, name: $1, key: $2}/" \
	    -e 's/^approval:/approval:\n  require_signature: true/' "$repo/p/kitei.yml" > "$srepo/p/kitei.yml"
}
# sapprove WHO KEY DATE FAKED: a signed approval commit dated DATE, gpg's clock at FAKED.
sapprove() {
	if [ -n "$4" ]; then echo "faked-system-time $4" > "$GH/gpg.conf"; else : > "$GH/gpg.conf"; fi
	GIT_COMMITTER_DATE=$3 GIT_AUTHOR_DATE=$3 git -C "$srepo" -c gpg.program=gpg \
	    -c user.signingkey="$2" commit -q -S --allow-empty -m "承認" \
	    -m "Approved-by: $1 <$1@example.jp>"
	: > "$GH/gpg.conf"
}
# scheck NAME: kitei check of $srepo into $WORK/NAME.check.
scheck() { (cd "$srepo/p" && "$KITEI" --today 2026-06-01 check > "$WORK/$1.check" 2>&1); }
sconf old "$OLD"
git -C "$srepo" add -A
GIT_COMMITTER_DATE=2025-01-03T12:00:00Z GIT_AUTHOR_DATE=2025-01-03T12:00:00Z git -C "$srepo" commit -q -m "制定"
sapprove old "$OLD" 2025-01-10T12:00:00Z 20250110T120000
scheck s-intime
lacks "an approval signed while the key was valid counts" "$WORK/s-intime.check" "not counted"
git -C "$srepo" reset -q --hard HEAD~1
sapprove old "$OLD" 2025-03-01T12:00:00Z 20250110T120000
scheck s-back
contains "an approval committed after the key expired, clock set back for the signature, does not count" \
    "$WORK/s-back.check" "was expired (or not yet valid) at the date of what it signs [bad-approval]"
git -C "$srepo" reset -q --hard HEAD~1
GIT_COMMITTER_DATE=2025-03-01T12:00:00Z GIT_AUTHOR_DATE=2025-03-01T12:00:00Z \
    git -C "$srepo" commit -q --allow-empty -m "見直し"
sapprove old "$OLD" 2025-01-10T12:00:00Z 20250110T120000
scheck s-parent
contains "an approval dated before its own parent, after the key expired, does not count" \
    "$WORK/s-parent.check" "was expired (or not yet valid) at the date of what it signs [bad-approval]"
sconf new "$NEW"
git -C "$srepo" add -A
GIT_COMMITTER_DATE=2026-01-03T12:00:00Z GIT_AUTHOR_DATE=2026-01-03T12:00:00Z git -C "$srepo" commit -q -m "承認者の変更"
sapprove new "$NEW" 2040-01-01T12:00:00Z ""
scheck s-future
contains "an approval dated after the key's expiry, signed while it was valid, does not count" \
    "$WORK/s-future.check" "was expired (or not yet valid) at the date of what it signs [bad-approval]"
REV2=$(newkey rev2 now never)
gpg --armor --export "$REV2" > "$srepo/p/keys/rev2.asc"
sconf rev2 "$REV2"
git -C "$srepo" add -A
GIT_COMMITTER_DATE=2026-01-04T12:00:00Z GIT_AUTHOR_DATE=2026-01-04T12:00:00Z git -C "$srepo" commit -q -m "承認者の変更"
sapprove rev2 "$REV2" 2026-01-05T12:00:00Z ""
sed 's/^:-----/-----/' "$GH/openpgp-revocs.d/$REV2.rev" | gpg --batch --quiet --import 2>/dev/null
gpg --armor --export "$REV2" > "$srepo/p/keys/rev2.asc"
git -C "$srepo" add -A
GIT_COMMITTER_DATE=2026-01-06T12:00:00Z GIT_AUTHOR_DATE=2026-01-06T12:00:00Z git -C "$srepo" commit -q -m "鍵の失効"
scheck s-revoked
contains "an approval by a revoked key does not count" "$WORK/s-revoked.check" "revoked [bad-approval]"
gpgconf --homedir "$GH" --kill all 2>/dev/null
unset GNUPGHOME

# ------------------------------------------------------------------------
# E: the same commit gives the same bytes under any time zone, --today and day.
# a.zip was made under UTC, on the real day, with no --today.  Tokyo alone
# tests the zip times (E1); UTC with another --today or day alone tests the
# dashboard's "today" (E2).
TZ=UTC "$KITEI" --today 2031-06-01 bundle -o "$WORK/e-utc.zip" > /dev/null 2>&1
TZ=Asia/Tokyo "$KITEI" --today 2026-01-03 bundle -o "$WORK/e-tokyo.zip" > /dev/null 2>&1
TZ=America/Los_Angeles "$KITEI" --today 2031-06-01 bundle -o "$WORK/e-la.zip" > /dev/null 2>&1
# libfaketime's LD_PRELOAD cannot come before ASan's runtime: that day is
# checked in the plain build only (the --today dates still run here).
days="e-utc e-tokyo e-la"
if [ "$SLOW" -eq 1 ]; then
	TZ=UTC faketime '2033-03-03 03:03:03' "$KITEI" bundle -o "$WORK/e-faketime.zip" > /dev/null 2>&1
	days="$days e-faketime"
fi
for z in $days; do
	check "identical bytes: $z" cmp "$WORK/a.zip" "$WORK/$z.zip"
done
