#!/usr/bin/env bash
# Installs what the docs/site tests need (idempotent):
#  - Debian's chromium (system-wide, /usr/bin/chromium) for the headless browser test;
#  - .work/docs/node_modules/playwright-core (pinned) to drive it. playwright-core downloads
#    no browser; the test launches /usr/bin/chromium through executablePath.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.work/docs"
mkdir -p "$dir"

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

PLAYWRIGHT_CORE_VERSION=1.49.1
stamp="playwright-core=$PLAYWRIGHT_CORE_VERSION"
if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
  command -v npm >/dev/null || { echo "docs.sh: npm is required (apt-get install npm)"; exit 1; }
  cat > "$dir/package.json" <<JSON
{
  "name": "bridgegen-docs-test-deps",
  "private": true,
  "dependencies": { "playwright-core": "$PLAYWRIGHT_CORE_VERSION" }
}
JSON
  (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
  echo "$stamp" > "$dir/.stamp"
fi
echo "docs setup ok: $dir ($(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'))"
