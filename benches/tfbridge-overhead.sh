#!/bin/sh
# Terraform bridge overhead: plugin start-up time, and one validation through the bridge
# (Pulumi Check over gRPC) vs. straight to the Terraform provider (ValidateResourceConfig),
# medians and their ratio. Needs Go (builds tests/tfprovider/kakaocloud once into the cache).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export BRIDGEGEN_SHARED="${BRIDGEGEN_SHARED:-$root/../shared}"
# BENCH_PROFILE=dev measures the debug build (no release build needed).
cargo bench --profile "${BENCH_PROFILE:-bench}" -p bridgegen-tfbridge --bench overhead "$@"
