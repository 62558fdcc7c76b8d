#!/usr/bin/env bash
# Benchmark (not a test): total bytes of the SDK bridgegen generates against the SDK Pulumi's own
# generator (the cached peer, <shared>/peer/pulumigen) writes for the same schema. Target
# (issue 16): go and python within 10% of the peer on kubernetes-3.7.0 and azure-native-2.41.0.
#
# Usage: benches/sdk-size-vs-peer.sh [lang...]        (default: python go)
# Needs the peer's cached output: run the `peer_parity` tests of the languages once (they
# build the peer and cache its SDKs under ~/.cache/bridgegen/pulumigen-*/out/<lang>/).
# Generates with target/debug/bridgegen (`cargo build -p bridgegen-cli`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
cache="${BRIDGEGEN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bridgegen}"
bin="$root/target/debug/bridgegen"
[ -x "$bin" ] || { echo "build it first: cargo build -p bridgegen-cli" >&2; exit 2; }
langs=("$@")
[ ${#langs[@]} -eq 0 ] && langs=(python go)
bytes() { find "$1" -type f -exec cat {} + | wc -c; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '%-8s %-22s %12s %12s %8s\n' lang schema ours peer ratio
for lang in "${langs[@]}"; do
  for s in kubernetes-3.7.0 azure-native-2.41.0; do
    schema="$shared/conformance/pulumi-schemas/$s.json"
    peer="$(ls -d "$cache"/pulumigen-*/out/"$lang"/"$s"-* 2>/dev/null | grep -v '\.failed$' | head -1 || true)"
    if [ ! -f "$schema" ] || [ -z "$peer" ]; then
      printf '%-8s %-22s %s\n' "$lang" "$s" "skipped: no schema or no cached peer output"
      continue
    fi
    "$bin" gen sdk -q --lang "$lang" --schema "$schema" --out "$tmp/$lang-$s" 2>/dev/null
    ours="$(bytes "$tmp/$lang-$s")"
    theirs="$(bytes "$peer")"
    printf '%-8s %-22s %12d %12d %8s\n' "$lang" "$s" "$ours" "$theirs" \
      "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.3f", a / b }')"
  done
done
