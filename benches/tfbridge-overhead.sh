#!/bin/sh
# Terraform bridge overhead, medians and their ratios, measured in one run:
# - start-up: the plugin (spawn -> port printed, the Terraform provider started and its schema
#   read) vs. the Terraform provider alone (spawn -> go-plugin handshake line `1|6|...`);
# - one validation through the bridge (Pulumi Check over gRPC) vs. straight to the Terraform
#   provider (ValidateResourceConfig).
# Needs Go (builds tests/tfprovider/kakaocloud once into the cache).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export BRIDGEGEN_SHARED="${BRIDGEGEN_SHARED:-$root/../shared}"
# BENCH_PROFILE=dev measures the debug build (no release build needed).
cargo bench --profile "${BENCH_PROFILE:-bench}" -p bridgegen-tfbridge --bench overhead "$@"
