#!/usr/bin/env bash
# The real Pulumi CLI (v3.259.0) and its language hosts for the end-to-end tests (tests/e2e),
# built from source by `<shared>/pulumi-cli/build.sh` into a cache outside the repository:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/bridgegen/pulumi-cli-<key>/bin
# where <key> is the hash of the build scripts' folder, so a changed script builds anew and an
# unchanged one is reused (cold build 8-18 min, then nothing). The tests find it the same way
# (bridgegen_test_support::pulumi_cli). Without the shared folder, the e2e tests are skipped.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
src="$shared/pulumi-cli"
if [ ! -f "$src/build.sh" ]; then
  echo "skipped: pulumi CLI: $src/build.sh not found (set BRIDGEGEN_SHARED); the end-to-end tests will be skipped"
  exit 0
fi
key=$(cd "$src" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)
prefix="${XDG_CACHE_HOME:-$HOME/.cache}/bridgegen/pulumi-cli-$key"
want="pulumi pulumi-language-nodejs pulumi-language-python pulumi-language-go pulumi-language-yaml pulumi-language-python-exec"
missing=""
for b in $want; do [ -x "$prefix/bin/$b" ] || missing="$missing $b"; done
if [ -z "$missing" ]; then
  echo "pulumi CLI ready: $prefix/bin ($("$prefix/bin/pulumi" version))"
  exit 0
fi
echo "pulumi CLI: building into $prefix (missing:$missing); log: $prefix.log"
mkdir -p "$prefix"
if ! bash "$src/build.sh" "$prefix" > "$prefix.log" 2>&1; then
  tail -20 "$prefix.log" >&2
  echo "pulumi.sh: building the Pulumi CLI failed; see $prefix.log" >&2
  exit 1
fi
echo "pulumi CLI ready: $prefix/bin ($("$prefix/bin/pulumi" version))"
