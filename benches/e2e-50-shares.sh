#!/usr/bin/env bash
# benches/e2e-50-shares.sh: benchmark (not a test) of the alicloud provider plugin under the real
# Pulumi engine. Reports, side by side for `pulumi up` and `pulumi destroy` of 50
# ImageSharePermission resources (a Pulumi YAML program, so no SDK installation is timed):
#   - wall time of the command,
#   - wall and CPU (user+sys) time of the plugin process(es) (/proc sampled every 20 ms),
# and the plugin's start-up: process start -> port printed (handshake) -> first RPC answered
# (GetPluginInfo over gRPC), median of 20 starts.
#
# Needs the Pulumi CLI built by tests/setup/pulumi.sh and the Python venv of tests/setup/python.sh
# (grpcio and Pulumi's generated gRPC stubs drive the start-up probe). Builds the release binaries.
# Usage: benches/e2e-50-shares.sh [--debug]   (--debug: measure the debug build instead)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BRIDGEGEN_SHARED:-$root/../shared}"
[ -d "$shared/pulumi-cli" ] || { echo "e2e-50-shares: $shared/pulumi-cli not found (set BRIDGEGEN_SHARED)" >&2; exit 1; }
key=$(cd "$shared/pulumi-cli" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)
PBIN="${XDG_CACHE_HOME:-$HOME/.cache}/bridgegen/pulumi-cli-$key/bin"
[ -x "$PBIN/pulumi" ] || { echo "e2e-50-shares: $PBIN/pulumi missing: run tests/setup/pulumi.sh" >&2; exit 1; }
PY="$root/.work/python/venv/bin/python"
[ -x "$PY" ] || { echo "e2e-50-shares: $PY missing: run tests/setup/python.sh" >&2; exit 1; }
N=50

profile=release; flag=--release
if [ "${1:-}" = --debug ]; then profile=debug; flag=; fi
echo "building ($profile) ..." >&2
cargo build -q $flag -p bridgegen-cli -p bridgegen-provider-alicloud --bins
TB="$root/target/$profile"
PLUGIN="$TB/pulumi-resource-alicloud"

W=$(mktemp -d -t bridgegen-bench.XXXXXX)
CLOUD_PID=
cleanup() { [ -n "$CLOUD_PID" ] && kill "$CLOUD_PID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT

export BRIDGEGEN_CLOUD_DB="$W/cloud.db"
"$TB/bridgegen" cloud serve --addr 127.0.0.1:0 > "$W/cloud.out" 2> "$W/cloud.err" &
CLOUD_PID=$!
for _ in $(seq 100); do [ -s "$W/cloud.out" ] && break; sleep 0.1; done
ENDPOINT=$(head -1 "$W/cloud.out")
[ -n "$ENDPOINT" ] || { echo "cloud serve printed no endpoint" >&2; exit 1; }
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }
OWNER_JSON=$("$TB/bridgegen" cloud account create --cloud alicloud --json)
OWNER=$(jget "['account']['id']" <<<"$OWNER_JSON")
AK=$(jget "['credential']['key_id']" <<<"$OWNER_JSON")
SK=$(jget "['credential']['secret']" <<<"$OWNER_JSON")
IMAGE=$("$TB/bridgegen" cloud image create --cloud alicloud --owner "$OWNER" --json | jget "['id']")

mkdir -p "$W/prog" "$W/state"
{
  echo "name: bench"; echo "runtime: yaml"
  echo "plugins:"; echo "  providers:"; echo "    - name: alicloud"; echo "      path: $TB"
  echo "resources:"
  for i in $(seq 1 $N); do
    acct=$("$TB/bridgegen" cloud account create --cloud alicloud --json | jget "['account']['id']")
    echo "  share$i:"
    echo "    type: alicloud:ecs:ImageSharePermission"
    echo "    properties: { imageId: \"$IMAGE\", accountId: \"$acct\" }"
  done
} > "$W/prog/Pulumi.yaml"

export PATH="$PBIN:$PATH" PULUMI_HOME="$W/home" PULUMI_BACKEND_URL="file://$W/state"
export PULUMI_CONFIG_PASSPHRASE=bench PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_SKIP_CONFIRMATIONS=true NO_COLOR=1
cd "$W/prog"
pulumi stack init dev --non-interactive >/dev/null
pulumi config set alicloud:ecsEndpoint "$ENDPOINT" >/dev/null
pulumi config set --secret alicloud:accessKey "$AK" >/dev/null
pulumi config set --secret alicloud:secretKey "$SK" >/dev/null

# Samples every process running $PLUGIN until $W/stop exists; prints "wall_s cpu_s count".
sampler() {
  python3 - "$PLUGIN" "$W/stop" <<'PY'
import os, sys, time
exe, stop = sys.argv[1], sys.argv[2]
tick = os.sysconf("SC_CLK_TCK")
seen = {}  # pid -> [first_seen, last_seen, cpu_s]
while not os.path.exists(stop):
    now = time.monotonic()
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.readlink(f"/proc/{pid}/exe") != exe:
                continue
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu = (int(fields[11]) + int(fields[12])) / tick
        s = seen.setdefault(pid, [now, now, cpu])
        s[1], s[2] = now, cpu
    time.sleep(0.02)
wall = sum(s[1] - s[0] for s in seen.values())
cpu = sum(s[2] for s in seen.values())
print(f"{wall:.2f} {cpu:.2f} {len(seen)}")
PY
}

measure() {  # measure NAME ARGS...: runs pulumi ARGS, prints one result line
  local name=$1; shift
  rm -f "$W/stop"
  sampler > "$W/sample" &
  local spid=$!
  local t0 t1
  t0=$(date +%s.%N)
  pulumi "$@" --non-interactive > "$W/$name.log" 2>&1 || { cat "$W/$name.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  touch "$W/stop"; wait "$spid"
  read -r pwall pcpu pcount < "$W/sample"
  printf "%-8s %8.2f %12.2f %11.2f %8s\n" "$name" "$(echo "$t1 - $t0" | bc)" "$pwall" "$pcpu" "$pcount"
}

echo "pulumi $(pulumi version), plugin $PLUGIN ($profile), $N shares, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf "%-8s %8s %12s %11s %8s\n" command "wall s" "plugin wall" "plugin CPU" plugins
measure up up --yes --skip-preview
[ "$("$TB/bridgegen" cloud image list --json | python3 -c "import json,sys; print([i for i in json.load(sys.stdin) if i['id']=='$IMAGE'][0]['share_count'])")" = $N ] \
  || { echo "expected $N shares after up" >&2; exit 1; }
measure destroy destroy --yes --skip-preview

# Start-up: spawn, read the port (handshake), first RPC (GetPluginInfo).
"$PY" - "$PLUGIN" <<'PY'
import statistics, subprocess, sys, time
import grpc
from google.protobuf import empty_pb2
from pulumi.runtime.proto import provider_pb2_grpc
plugin = sys.argv[1]
hs, rpc = [], []
for _ in range(20):
    t0 = time.monotonic()
    p = subprocess.Popen([plugin], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    port = int(p.stdout.readline())
    t1 = time.monotonic()
    with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
        provider_pb2_grpc.ResourceProviderStub(ch).GetPluginInfo(empty_pb2.Empty(), timeout=10)
    t2 = time.monotonic()
    p.terminate(); p.wait()
    hs.append(t1 - t0); rpc.append(t2 - t1)
ms = lambda xs: f"{statistics.median(xs) * 1000:.1f} ms"
print(f"start-up (median of 20): process start -> port printed {ms(hs)}; port -> first RPC answered {ms(rpc)}; "
      f"total {ms([a + b for a, b in zip(hs, rpc)])}")
PY
