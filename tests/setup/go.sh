#!/usr/bin/env bash
# Go toolchain support for the Go SDK tests (crates/bridgegen-go/tests).
# Pre-downloads the pinned github.com/pulumi/pulumi/sdk/v3 and everything it needs into
# .work/go/modcache, records a go.sum covering it (.work/go/base/go.sum), and warms the
# build cache (.work/go/buildcache) so the tests can build offline
# (GOPROXY=file://.work/go/modcache/cache/download). Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# Keep in sync with PULUMI_SDK_VERSION in crates/bridgegen-go/src/lib.rs.
version="v3.274.1"
work="$root/.work/go"
if ! command -v go >/dev/null 2>&1; then
  echo "go.sh: the Go toolchain (go >= 1.24) is required; install it (e.g. apt-get install golang-go)" >&2
  exit 1
fi
mkdir -p "$work/base" "$work/modcache" "$work/buildcache"
export GOMODCACHE="$work/modcache" GOCACHE="$work/buildcache" GOFLAGS=-mod=mod GOTOOLCHAIN=local
stamp="$work/base/.ready-$version"
if [ -f "$stamp" ]; then
  echo "go.sh: pulumi sdk $version already prepared"
  exit 0
fi
cd "$work/base"
cat > go.mod <<MOD
module bridgegen.local/gobase

go 1.24

require github.com/pulumi/pulumi/sdk/v3 $version
MOD
cat > base.go <<'SRC'
package gobase

import (
	"github.com/blang/semver"
	"github.com/pkg/errors"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
	"github.com/stretchr/testify/assert"
)

var _ = semver.Version{}
var _ = errors.New
var _ = resource.PropertyMap{}
var _ = pulumi.String("")
var _ = config.Get
var _ = assert.Equal
SRC
go mod tidy
go build ./...
go vet ./...
touch "$stamp"
echo "go.sh: pulumi sdk $version ready in $work"
