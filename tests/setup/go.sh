#!/usr/bin/env bash
# Go toolchain support for the Go SDK tests (crates/bridgegen-go/tests).
# Pre-downloads the pinned github.com/pulumi/pulumi/sdk/v3 and everything it needs into
# .work/go/modcache, records a go.sum covering it (.work/go/base/go.sum), and warms the
# build cache (.work/go/buildcache) so the tests can build offline
# (GOPROXY=file://.work/go/modcache/cache/download). Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# Keep in sync with PULUMI_SDK_VERSION and GO_DIRECTIVE in crates/bridgegen-go/src/lib.rs:
# go_version is the `go` directive of github.com/pulumi/pulumi/sdk/v3 at $version, so it is
# the oldest Go that builds the generated SDKs (checked by crates/bridgegen-go/tests/go_sdk.rs).
version="v3.274.1"
go_version="1.26.6"
work="$root/.work/go"
export GOTOOLCHAIN=local
if ! command -v go >/dev/null 2>&1; then
  echo "go.sh: Go >= $go_version is required; install it from https://go.dev/dl/" >&2
  exit 1
fi
have="$(go env GOVERSION | sed 's/^go//; s/[^0-9.].*//')"
if [ "$(printf '%s\n%s\n' "$go_version" "$have" | sort -V | head -n1)" != "$go_version" ]; then
  echo "go.sh: Go >= $go_version is required (the pinned pulumi sdk $version needs it), found $have;" \
    "install a newer Go from https://go.dev/dl/" >&2
  exit 1
fi
mkdir -p "$work/base" "$work/modcache" "$work/buildcache"
export GOMODCACHE="$work/modcache" GOCACHE="$work/buildcache" GOFLAGS=-mod=mod
stamp="$work/base/.ready-$version"
if [ -f "$stamp" ]; then
  echo "go.sh: pulumi sdk $version already prepared"
  exit 0
fi
cd "$work/base"
cat > go.mod <<MOD
module bridgegen.local/gobase

go $go_version

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
