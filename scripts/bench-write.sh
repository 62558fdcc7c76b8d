#!/usr/bin/env bash
# Benchmark: wall time of `bridgegen gen sdk --lang nodejs` (a fresh output folder each run)
# on disk vs on tmpfs (/dev/shm), to see what making the output durable costs. Prints the
# median of N runs per place and the disk/tmpfs ratio, for each binary given.
#
# Usage: scripts/bench-write.sh [schema.json] [bridgegen binary]...
#   schema   default: kubernetes-3.7.0 from the conformance corpus
#   binaries default: target/release/bridgegen; pass an older build to compare before/after
# Env: RUNS (default 5), DISK_DIR (default target/bench-write, must be on a real disk),
#      TMPFS_DIR (default /dev/shm/bridgegen-bench-write), EXTRA (more flags, e.g. --no-fsync).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
schema="${1:-${BRIDGEGEN_CONFORMANCE:-$shared/conformance}/pulumi-schemas/kubernetes-3.7.0.json}"
shift || true
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=("$root/target/release/bridgegen")
runs="${RUNS:-5}"
disk="${DISK_DIR:-$root/target/bench-write}"
tmpfs="${TMPFS_DIR:-/dev/shm/bridgegen-bench-write}"
[ -f "$schema" ] || { echo "no schema at $schema (set BRIDGEGEN_SHARED or pass one)" >&2; exit 1; }
mkdir -p "$disk" "$tmpfs"
trap 'rm -rf "$disk" "$tmpfs"' EXIT

# One fresh generation into $2 with binary $1; prints its wall time in seconds.
once() {
  rm -rf "$2"
  local t0 t1
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$1" gen sdk --lang nodejs --schema "$schema" --out "$2" ${EXTRA:-} 2>/dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "schema: $(basename "$schema"), $runs runs each, disk: $disk ($(df --output=fstype "$disk" | tail -1)), tmpfs: $tmpfs"
for bin in "${bins[@]}"; do
  [ -x "$bin" ] || { echo "not a binary: $bin (cargo build --release -p bridgegen-cli)" >&2; exit 1; }
  files=$("$bin" gen sdk --lang nodejs --schema "$schema" --out "$tmpfs/count" 2>/dev/null; find "$tmpfs/count" -type f | wc -l)
  # Disk and tmpfs runs alternate, so load from other processes hits both alike.
  ds=() ts=()
  for _ in $(seq "$runs"); do
    ds+=("$(once "$bin" "$disk/out")")
    ts+=("$(once "$bin" "$tmpfs/out")")
  done
  d=$(med "${ds[@]}")
  t=$(med "${ts[@]}")
  printf '%s: %s files; disk %.3f s, tmpfs %.3f s, ratio %.2fx\n' "$bin" "$files" "$d" "$t" "$(echo "$d / $t" | bc -l)"
done
