#!/bin/sh
# Installs what tests/e2e/public.sh's browser check needs: the Debian
# packages chromium (when /usr/bin/chromium is missing), fonts-noto-cjk,
# nodejs, npm and python3 (when missing), then the npm packages pinned in
# package-lock.json (npm ci: playwright-core, axe-core).  playwright-core is
# kept at 1.61, the last release that runs on Debian 12's Node.js 18.
# Run from anywhere, as root or with sudo.
set -eu
cd "$(dirname "$0")"

missing=""
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
for p in fonts-noto-cjk python3; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
	echo "tests/browser/setup.sh: installing Debian packages:$missing"
	$SUDO apt-get update -q
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi
npm ci --no-audit --no-fund
