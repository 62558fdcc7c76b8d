#!/usr/bin/env bash
# Python SDK tests: a venv with a pinned pulumi 3.x and pytest, plus pyright (npm); maturin
# builds the bridgegen Python package.
# Installs into .work/python/ at the repo root; idempotent (a stamp records the pins).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.work/python"
venv="$dir/venv"
PULUMI_VERSION="3.272.0"
PYTEST_VERSION="9.2.0"
PYRIGHT_VERSION="1.1.414"
# The published SDK our API surface is compared with (tests/python/api_surface.py).
ALICLOUD_WHEEL="pulumi-alicloud==3.108.0"
stamp="pulumi=$PULUMI_VERSION pytest=$PYTEST_VERSION pyright=$PYRIGHT_VERSION wheel=$ALICLOUD_WHEEL"
# The build backend of the generated packages (tests install them with --no-build-isolation).
FLIT_CORE_VERSION="3.12.0"
# Builds the bridgegen Python package's wheel (crates/bridgegen-py).
MATURIN_VERSION="1.16.0"
mkdir -p "$dir"
if [ -x "$venv/bin/python" ] && [ "$("$venv/bin/maturin" --version 2>/dev/null)" != "maturin $MATURIN_VERSION" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin==$MATURIN_VERSION"
fi
if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c "import flit_core" 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "flit_core==$FLIT_CORE_VERSION"
fi
if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$stamp" ] \
   && [ -x "$venv/bin/python" ] && [ -x "$dir/node_modules/.bin/pyright" ] \
   && ls "$dir"/wheels/pulumi_alicloud-*.whl >/dev/null 2>&1; then
  echo "python: up to date ($stamp)"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip setuptools wheel
"$venv/bin/python" -m pip install --quiet \
  "pulumi==$PULUMI_VERSION" "pytest==$PYTEST_VERSION" "flit_core==$FLIT_CORE_VERSION" \
  "maturin==$MATURIN_VERSION"
# pyright runs on node; the npm package bundles everything it needs.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "python setup: node and npm are needed for pyright" >&2
  exit 1
fi
(cd "$dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
(cd "$dir" && npm install --silent --no-audit --no-fund "pyright@$PYRIGHT_VERSION")
"$dir/node_modules/.bin/pyright" --version
mkdir -p "$dir/wheels"
"$venv/bin/python" -m pip download --quiet --no-deps --disable-pip-version-check -d "$dir/wheels" "$ALICLOUD_WHEEL"
echo "$stamp" > "$dir/stamp"
