#!/usr/bin/env bash
# Generation benchmark over the echo test backend with zero latency (run by hand; not part of the test run):
#  1. per-image pipeline overhead over HTTP: sequential GenerateText2Image images=1, 512x512 PNG saved with metadata
#     (target p50 <= 5 ms);
#  2. 1,000 concurrent GenerateText2ImageWS clients: zero failures, server RSS <= 1 GB (peak, VmHWM);
#  3. the image history over 100,000 saved images: ListImageHistory pages warm (target <= 100 ms).
# Knobs: HTTP_IMAGES (2000), WS_CLIENTS (1000), HISTORY_IMAGES (100000), ECHO_USAGES (8).
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
[ -f "$ROOT/itest.echo/target/repository/index.xml" ] || (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl itest.echo -am)
HTTP_IMAGES=${HTTP_IMAGES:-2000}; WS_CLIENTS=${WS_CLIENTS:-1000}; HISTORY_IMAGES=${HISTORY_IMAGES:-100000}; ECHO_USAGES=${ECHO_USAGES:-8}
WORK=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
BENCH="java -cp $WORK $(dirname "$0")/generate/GenerateBench.java"

api() { curl -s -X POST -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$port/API/$1"; }

port=$(free_port)
export APIARY_JAVA_OPTS="${APIARY_JAVA_OPTS:-} -Dapiary.extensions.index=file:$DIST/repository/index.xml,file:$ROOT/itest.echo/target/repository/index.xml"
pids+=("$(start_apiary "$port" "$WORK/data")")
server_pid=${pids[0]}
session=$(wait_for_session "$port")
api InstallExtension "{\"session_id\":\"$session\",\"extensionName\":\"itest_echo\"}" >/dev/null
for _ in $(seq 1 500); do
  api ListBackendTypes "{\"session_id\":\"$session\"}" | grep -q itest_echo_backend && break
  sleep 0.02
done
id=$(api AddNewBackend "{\"session_id\":\"$session\",\"type_id\":\"itest_echo_backend\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api EditBackend "{\"session_id\":\"$session\",\"backend_id\":$id,\"title\":\"bench\",\"settings\":{\"LatencyMs\":0,\"Limits\":{\"MaxUsages\":$ECHO_USAGES}}}" >/dev/null
for _ in $(seq 1 500); do
  api ListBackends "{\"session_id\":\"$session\"}" | grep -q '"status":"running"' && break
  sleep 0.02
done

echo "== 1. per-image overhead over HTTP (echo backend, zero latency, 512x512 PNG saved with metadata)"
$BENCH http "$port" "$session" "$HTTP_IMAGES"

echo "== 2. $WS_CLIENTS concurrent GenerateText2ImageWS clients"
$BENCH ws "$port" "$session" "$WS_CLIENTS"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/"$server_pid"/status)"

echo "== 3. image history over $HISTORY_IMAGES saved images"
$BENCH seed "$WORK/data/Output/local" "$HISTORY_IMAGES"
$BENCH history "$port" "$session" 200
