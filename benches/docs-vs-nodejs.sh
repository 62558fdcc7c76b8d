#!/usr/bin/env bash
# Benchmark (not a test): CPU time (user+sys) of `gen docs` against `gen sdk --lang nodejs` on
# the large conformance schemas, and peak RSS / search index size of `site build` of the
# kubernetes docs. Targets (issue 15): docs <= 2x nodejs CPU; site < 300 MB RSS, index < 10 MB.
#
# Usage: benches/docs-vs-nodejs.sh [bridgegen binary] [schema.json...]
# Default binary: target/release/bridgegen (build: cargo build --release -p bridgegen-cli);
# default schemas: kubernetes-3.7.0 and azure-native-2.41.0 from the shared conformance set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
bin="${1:-$root/target/release/bridgegen}"
shift || true
[ -x "$bin" ] || { echo "build first: cargo build --release -p bridgegen-cli (or pass the binary)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
schemas=("$@")
if [ ${#schemas[@]} -eq 0 ]; then
  schemas=("$shared/conformance/pulumi-schemas/kubernetes-3.7.0.json"
           "$shared/conformance/pulumi-schemas/azure-native-2.41.0.json")
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/bridgegen-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# run NAME CMD...: runs CMD under GNU time; sets cpu (user+sys seconds) and rss (peak KB).
run() {
  local name="$1"; shift
  /usr/bin/time -f '%U %S %M' -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 ||
    { echo "$name failed:" >&2; cat "$work/$name.log" >&2; exit 3; }
  read -r user sys rss <"$work/$name.time"
  cpu=$(echo "$user + $sys" | bc)
}

printf '%-28s %10s %10s %8s\n' schema "docs cpu" "nodejs cpu" ratio
for schema in "${schemas[@]}"; do
  n="$(basename "$schema" .json)"
  run "$n-docs" "$bin" gen docs --schema "$schema" --out "$work/$n/docs"; docs=$cpu
  run "$n-nodejs" "$bin" gen sdk --lang nodejs --schema "$schema" --out "$work/$n/nodejs"; node=$cpu
  printf '%-28s %9ss %9ss %7sx\n' "$n" "$docs" "$node" "$(echo "scale=2; $docs / $node" | bc)"
done

# Site of the first schema's docs (kubernetes by default).
n="$(basename "${schemas[0]}" .json)"
run "$n-site" "$bin" site build --docs "$work/$n/docs" --out "$work/$n/site"
index=$(cat "$work/$n/site"/searchindex*.js 2>/dev/null | wc -c)
echo "site build $n: cpu ${cpu}s, peak RSS $((rss / 1024)) MB, search index $((index / 1024 / 1024)) MB ($index bytes)"
