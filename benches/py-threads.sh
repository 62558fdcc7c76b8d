#!/usr/bin/env bash
# Benchmark (not a test): the bridgegen Python package generating several schemas from Python
# threads (the GIL is released while Rust generates) against one after another. Target (issue
# 17): threads faster than sequential on 2 cores. Wall time, best of 3; outputs compared.
#
# Usage: benches/py-threads.sh [schema.json...]
# Builds the wheel with maturin from .work/python (tests/setup.sh) into target/bench-py/ in the
# debug profile (BENCH_PROFILE=release for release: a second full build, much more disk).
# Default schemas: kubernetes, docker, awsx, eks from the shared conformance set, else the seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
maturin="$root/.work/python/venv/bin/maturin"
python="$root/.work/python/venv/bin/python"
[ -x "$maturin" ] || { echo "run tests/setup.sh first (needs .work/python with maturin)" >&2; exit 2; }
schemas=("$@")
if [ ${#schemas[@]} -eq 0 ]; then
  c="$shared/conformance/pulumi-schemas"
  if [ -d "$c" ]; then
    schemas=("$c/kubernetes-3.7.0.json" "$c/docker-4.0.0-alpha.0.json" "$c/awsx-1.0.0-beta.5.json"
             "$c/eks-0.40.0.json")
  else
    schemas=("$root/schema/alicloud.json" "$root/schema/kakaocloud.json")
  fi
fi
profile=()
[ "${BENCH_PROFILE:-debug}" = release ] && profile=(--release)
out="$root/target/bench-py"
rm -rf "$out/wheels"
echo "building the wheel (${BENCH_PROFILE:-debug}) ..." >&2
"$maturin" build --quiet "${profile[@]}" --manifest-path "$root/crates/bridgegen-py/Cargo.toml" \
  --out "$out/wheels" --interpreter "$python" >&2
work="$(mktemp -d "${TMPDIR:-/tmp}/bridgegen-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --no-index --no-deps --disable-pip-version-check "$out"/wheels/*.whl
"$work/venv/bin/python" - "${schemas[@]}" <<'PY'
import concurrent.futures, os, sys, time
import bridgegen

load = os.getloadavg()[0]  # other work on the machine skews both timings
schemas = sys.argv[1:]
jobs = [(s, lang) for s in schemas for lang in ("nodejs", "python", "go", "dotnet", "docs")]

def one(job):
    schema, lang = job
    return job, bridgegen.generate(schema, lang)

def sequential():
    return dict(one(j) for j in jobs)

def threaded():
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        return dict(pool.map(one, jobs))

def best(fn):
    """Best wall time of 3 runs, with that run's CPU time (user+sys of the whole process)."""
    runs, result = [], None
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        runs.append((time.perf_counter() - t, time.process_time() - c))
    return min(runs), result

(seq, seq_cpu), a = best(sequential)
(par, par_cpu), b = best(threaded)
assert a == b, "threaded output differs from sequential"
files = sum(len(f) for f in a.values())
print(f"{len(schemas)} schemas x 5 targets = {len(jobs)} generate() calls, {files} files, {os.cpu_count()} CPUs")
print(f"sequential: {seq:.2f}s wall, {seq_cpu:.2f}s CPU")
# CPU time above wall time means the threads really ran at once (the GIL was released).
print(f"threads ({os.cpu_count()}): {par:.2f}s wall, {par_cpu:.2f}s CPU ({par_cpu / par:.2f} cores busy)")
print(f"speedup: {seq / par:.2f}x   (load average at start: {load:.1f})")
PY
