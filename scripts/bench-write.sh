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

# Median wall time (seconds) of $runs fresh generations into $2 with binary $1.
median() {
  local bin="$1" out="$2" times=()
  for _ in $(seq "$runs"); do
    rm -rf "$out"
    local t0 t1
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$bin" gen sdk --lang nodejs --schema "$schema" --out "$out" ${EXTRA:-} 2>/dev/null
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "schema: $(basename "$schema"), $runs runs each, disk: $disk ($(df --output=fstype "$disk" | tail -1)), tmpfs: $tmpfs"
for bin in "${bins[@]}"; do
  [ -x "$bin" ] || { echo "not a binary: $bin (cargo build --release -p bridgegen-cli)" >&2; exit 1; }
  files=$("$bin" gen sdk --lang nodejs --schema "$schema" --out "$tmpfs/count" 2>/dev/null; find "$tmpfs/count" -type f | wc -l)
  d=$(median "$bin" "$disk/out")
  t=$(median "$bin" "$tmpfs/out")
  printf '%s: %s files; disk %.3f s, tmpfs %.3f s, ratio %.2fx\n' "$bin" "$files" "$d" "$t" "$(echo "$d / $t" | bc -l)"
done
