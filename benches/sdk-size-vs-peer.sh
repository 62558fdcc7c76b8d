#!/usr/bin/env bash
# Benchmark (not a test): bytes of our generated Go and Python SDKs against Pulumi's own
# generators (the peer, <shared>/peer/pulumigen) on the large conformance schemas. Target
# (issue 16): ours within 10% of the peer's size in both languages.
#
# Usage: benches/sdk-size-vs-peer.sh [bridgegen binary] [schema.json...]
# Default binary: target/release/bridgegen, else target/debug/bridgegen (output size does not
# depend on the build profile); default schemas: kubernetes-3.7.0 and azure-native-2.41.0.
# The peer's output comes from the cache the peer_parity tests fill
# (${BRIDGEGEN_CACHE:-${XDG_CACHE_HOME:-~/.cache}/bridgegen}/pulumigen-<key>/out/<lang>/...);
# a missing one is generated with the cached peer binary. Sizes count every file written.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
bin="${1:-}"
shift || true
if [ -z "$bin" ]; then
  bin="$root/target/release/bridgegen"
  [ -x "$bin" ] || bin="$root/target/debug/bridgegen"
fi
[ -x "$bin" ] || { echo "build first: cargo build -p bridgegen-cli (or pass the binary)" >&2; exit 2; }
schemas=("$@")
if [ ${#schemas[@]} -eq 0 ]; then
  schemas=("$shared/conformance/pulumi-schemas/kubernetes-3.7.0.json"
           "$shared/conformance/pulumi-schemas/azure-native-2.41.0.json")
fi

# The peer's cache folder: keyed like bridgegen_test_support::peer (hash of its sources).
peer_src="$shared/peer/pulumigen"
[ -f "$peer_src/main.go" ] || { echo "no peer at $peer_src" >&2; exit 2; }
cache="${BRIDGEGEN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bridgegen}"
key="$(cd "$peer_src" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
peer_home="$cache/pulumigen-$key"
work="$(mktemp -d "${TMPDIR:-/tmp}/bridgegen-size.XXXXXX")"
trap 'rm -rf "$work"' EXIT

bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# peer_dir LANG SCHEMA: the peer's output folder (cached, else generated into $work).
peer_dir() {
  local lang="$1" schema="$2" stem hash dir
  stem="$(basename "$schema" .json)"
  hash="$(sha256sum "$schema" | cut -c1-12)"
  dir="$peer_home/out/$lang/$stem-$hash"
  if [ -d "$dir" ]; then echo "$dir"; return; fi
  [ -x "$peer_home/pulumigen" ] ||
    { echo "no cached peer: run cargo test -p bridgegen-go --test peer_parity first" >&2; exit 2; }
  "$peer_home/pulumigen" -lang "$lang" -schema "$schema" -out "$work/peer-$lang-$stem" >&2
  echo "$work/peer-$lang-$stem"
}

printf '%-24s %-7s %12s %12s %8s\n' schema lang "ours bytes" "peer bytes" ratio
for schema in "${schemas[@]}"; do
  n="$(basename "$schema" .json)"
  for lang in go python; do
    "$bin" gen sdk --lang "$lang" --schema "$schema" --out "$work/$n-$lang" >"$work/gen.log" 2>&1 ||
      { cat "$work/gen.log" >&2; exit 3; }
    ours="$(bytes "$work/$n-$lang")"
    peer="$(bytes "$(peer_dir "$lang" "$schema")")"
    printf '%-24s %-7s %12s %12s %7sx\n' "$n" "$lang" "$ours" "$peer" "$(echo "scale=3; $ours / $peer" | bc)"
    rm -rf "$work/$n-$lang"
  done
done
