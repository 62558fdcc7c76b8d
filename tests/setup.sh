#!/usr/bin/env bash
# Installs every toolchain and package the test suite needs, idempotently.
# Each area has its own script in tests/setup/ (nodejs.sh, python.sh, go.sh, ...);
# they install into .work/ at the repo root (ignored by git) unless a system tool is needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$root/.work"
for script in "$root"/tests/setup/*.sh; do
  [ -e "$script" ] || continue
  echo "== setup: $(basename "$script")"
  bash "$script"
done
