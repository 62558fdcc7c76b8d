#!/usr/bin/env bash
# Installs what the nodejs SDK tests need into .work/nodejs/ (idempotent):
#  - .work/nodejs/node_modules: typescript + @pulumi/pulumi (pinned) + @types/node, and the
#    external packages the conformance schema `external-resource-schema` refers to;
#  - .work/nodejs/reference/: the published @pulumi/alicloud@3.108.0 tarball, unpacked,
#    whose ecs/imageSharePermission.d.ts the API-surface test compares against.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.work/nodejs"
mkdir -p "$dir"
command -v node >/dev/null || { echo "nodejs.sh: node is required (apt-get install nodejs npm)"; exit 1; }
command -v npm >/dev/null || { echo "nodejs.sh: npm is required (apt-get install npm)"; exit 1; }

# Keep these pins in sync with crates/bridgegen-nodejs/tests/support/mod.rs.
# @pulumi/kubernetes 3.7.0 (named by the external-resource-schema conformance case) is not
# on npm; 3.7.2 is the nearest release and satisfies the generated "^3.7.0" dependency.
PULUMI_VERSION=3.270.0
TYPESCRIPT_VERSION=5.6.3
TYPES_NODE_VERSION=20.17.6
stamp="pulumi=$PULUMI_VERSION ts=$TYPESCRIPT_VERSION node=$TYPES_NODE_VERSION aws=4.36.0 k8s=3.7.2 random=4.3.1 v2"

if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
  cat > "$dir/package.json" <<JSON
{
  "name": "bridgegen-nodejs-test-deps",
  "private": true,
  "dependencies": {
    "@pulumi/pulumi": "$PULUMI_VERSION",
    "typescript": "$TYPESCRIPT_VERSION",
    "@types/node": "$TYPES_NODE_VERSION",
    "@pulumi/aws": "4.36.0",
    "@pulumi/kubernetes": "3.7.2",
    "@pulumi/random": "4.3.1"
  }
}
JSON
  (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
  echo "$stamp" > "$dir/.stamp"
fi

ref="$dir/reference"
if [ ! -f "$ref/alicloud/package/ecs/imageSharePermission.d.ts" ]; then
  rm -rf "$ref/alicloud"; mkdir -p "$ref/alicloud"
  (cd "$ref/alicloud" && npm pack @pulumi/alicloud@3.108.0 --silent >/dev/null && tar xzf pulumi-alicloud-3.108.0.tgz)
fi
echo "nodejs setup ok: $dir"
