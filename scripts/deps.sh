#!/bin/sh
# Installs the Debian packages kitei needs to build, test and render, when any
# is missing.  Called by `make`; says what it installs and why.
set -eu

# build: compilers and libraries kitei links against
build="build-essential pkg-config libgit2-dev libcmark-gfm-dev
libcmark-gfm-extensions-dev libxml2-dev libxml2-utils libxslt1-dev libyaml-dev gettext locales
libpango1.0-dev libcairo2-dev libarchive-dev libgpgme-dev libqpdf-dev
libgcrypt20-dev libutf8proc-dev zlib1g-dev librsvg2-dev libjpeg62-turbo-dev
libgnutls28-dev libmicrohttpd-dev"
# run: fonts the PDFs embed, gpg for signatures, git for the sample's history
run="fonts-noto-cjk gnupg git"
# test: tools the tests use to inspect outputs
test="qpdf poppler-utils libreoffice-calc-nogui openssl python3 gir1.2-poppler-0.18
python3-gi python3-yaml python3-jsonschema mandoc locales"

want="$build $run"
[ "${1:-}" = "--test" ] && want="$want $test"

# locales: tests/e2e/locales.sh compares every output under C.UTF-8,
# ja_JP.UTF-8 (multibyte classes) and de_DE.UTF-8 (decimal comma); generated
# once, with --test only.
locales() {
	[ "${1:-}" = "--test" ] || return 0
	for l in ja_JP de_DE; do
		locale -a 2>/dev/null | grep -qix "$l.utf8" && continue
		echo "kitei: generating locale $l.UTF-8 for tests/e2e/locales.sh"
		$sudo localedef -i "$l" -f UTF-8 "$l.UTF-8"
	done
}

if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	sudo=""
fi

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
if [ -z "$missing" ]; then
	locales "${1:-}"
	exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "kitei: missing packages:$missing (install them, then run make again)" >&2
	exit 2
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "kitei: missing packages:$missing; run as root or install them" >&2
	exit 2
fi
echo "kitei: installing Debian packages kitei needs to build and run:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
locales "${1:-}"
