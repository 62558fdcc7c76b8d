#!/usr/bin/env bash
# Peak memory and wall time of `go build ./...` on the generated azure-native Go SDK.
# Needs tests/setup.sh (Go module cache) and a built bridgegen-go example:
#   bash crates/bridgegen-go/benches/go_build_memory.sh [schema.json]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
schema="${1:-${BRIDGEGEN_CONFORMANCE:-$shared/conformance}/pulumi-schemas/azure-native-2.41.0.json}"
[ -f "$schema" ] || { echo "$schema not found: pass a schema, or set BRIDGEGEN_SHARED / BRIDGEGEN_CONFORMANCE" >&2; exit 1; }
work="$root/.work/go"
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -p bridgegen-go --example gogen >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$target/release/examples/gogen" "$schema" "$out/sdk"
cp "$work/base/go.sum" "$out/sdk/go.sum"
echo "generated: $(find "$out/sdk" -name '*.go' | wc -l) Go files, $(du -sh "$out/sdk" | cut -f1)"
cd "$out/sdk"
export GOMODCACHE="$work/modcache" GOFLAGS=-mod=mod GOSUMDB=off GOTOOLCHAIN=local \
  GOPROXY="file://$work/modcache/cache/download" GOCACHE="$out/gocache"
# Warm the SDK's own dependencies into the fresh cache so only the generated code is measured.
go build github.com/pulumi/pulumi/sdk/v3/go/pulumi
/usr/bin/time -v go build ./... 2> "$out/time.txt" || { cat "$out/time.txt"; exit 1; }
grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$out/time.txt"
