#!/usr/bin/env bash
# Benchmark: `bridgegen gen docs` + `bridgegen site build` on one schema (default: the
# largest conformance schema, azure-native). Prints wall time of each step, page count and
# site size. Usage: tests/docs/bench-site.sh [schema.json] [bridgegen binary]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
schema="${1:-${BRIDGEGEN_CONFORMANCE:-$shared/conformance}/pulumi-schemas/azure-native-2.41.0.json}"
[ -f "$schema" ] || { echo "$schema not found: pass a schema, or set BRIDGEGEN_SHARED / BRIDGEGEN_CONFORMANCE" >&2; exit 1; }
bin="${2:-$root/target/release/bridgegen}"
[ -x "$bin" ] || { echo "build first: cargo build --release -p bridgegen-cli (or pass the binary)"; exit 1; }
work="$root/.work/docs/bench/$(basename "$schema" .json)"
rm -rf "$work"; mkdir -p "$work"
t0=$(date +%s.%N)
"$bin" gen docs --schema "$schema" --out "$work/docs" 2>"$work/gen.log"
t1=$(date +%s.%N)
"$bin" site build --docs "$work/docs" --out "$work/site" 2>"$work/site.log"
t2=$(date +%s.%N)
pages=$(find "$work/docs" -name '*.md' | wc -l)
html=$(find "$work/site" -name '*.html' | wc -l)
echo "schema:      $(basename "$schema") ($(du -h "$schema" | cut -f1))"
echo "gen docs:    $(echo "$t1 - $t0" | bc) s, $pages pages, $(du -sh "$work/docs" | cut -f1)"
echo "site build:  $(echo "$t2 - $t1" | bc) s, $html html files, site $(du -sh "$work/site" | cut -f1), search index $(du -h "$work/site/searchindex.js" | cut -f1)"
