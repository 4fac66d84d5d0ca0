#!/bin/sh
# Installs what `make fuzz` needs and the default build does not: clang and
# its compiler-rt (libFuzzer and the sanitizer runtimes), when a test link of
# -fsanitize=fuzzer fails.  Says what it installs and why.
set -eu
cc=${FUZZ_CC:-clang}
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ return 0; }\n' \
    > "$probe/t.c"
if command -v "$cc" >/dev/null 2>&1 &&
    "$cc" -fsanitize=fuzzer,address,undefined -o "$probe/t" "$probe/t.c" \
    >/dev/null 2>&1; then
	exit 0
fi
pkgs="clang libclang-rt-dev"
echo "kitei: make fuzz needs clang with libFuzzer; installing Debian packages: $pkgs"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends $pkgs
