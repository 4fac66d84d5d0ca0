#!/bin/sh
# Installs what tests/browser/axe.js needs: the Debian package chromium (when
# /usr/bin/chromium is missing) and the npm packages pinned in
# package-lock.json (npm ci).  Run from anywhere, as root or with sudo.
set -eu
cd "$(dirname "$0")"

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
	$SUDO apt-get update -q
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
	    chromium fonts-noto-cjk
fi
if ! command -v npm >/dev/null 2>&1; then
	echo "tests/browser/setup.sh: npm is missing (Debian: apt-get install nodejs npm)" >&2
	exit 1
fi
npm ci --no-audit --no-fund
