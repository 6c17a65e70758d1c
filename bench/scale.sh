#!/usr/bin/env bash
# Scale-out benchmark (run by hand; not part of the test run): one Apiary front end driving N Apiary workers through
# the swarmswarmbackend type, each worker with one echo backend of latency L and U parallel slots.
#  1. throughput: images/s through the front end with N = 1, 2, 4 workers, against one worker asked directly
#     (target: N workers >= 0.9 x N x one worker's);
#  2. the extra hop: p50 of one image with zero latency, through the front end minus asked directly
#     (target: <= 10 ms per image).
# Knobs: LATENCY_MS (500), USAGES (2), IMAGES_PER_SLOT (8), HOP_IMAGES (200), WORKERS ("1 2 4").
set -euo pipefail
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/generate/echo-server.sh" # start_apiary_with
ensure_built
LATENCY_MS=${LATENCY_MS:-500}; USAGES=${USAGES:-2}; IMAGES_PER_SLOT=${IMAGES_PER_SLOT:-8}; HOP_IMAGES=${HOP_IMAGES:-200}
WORKERS=${WORKERS:-"1 2 4"}
[ -f "$ROOT/itest.echo/target/repository/index.xml" ] || (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl itest.echo -am)
WORK=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
BENCH="java -cp $WORK $(dirname "$0")/scale/ScaleBench.java"
api() { curl -s -X POST -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$1/API/$2"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_server() { # name -> sets port, session; starts an Apiary process with the echo index
  port=$(free_port)
  local pid
  pid=$(start_apiary_with "$port" "$WORK/$1")
  pids+=("$pid")
  session=$(wait_for_session "$port")
}

start_worker() { # latency -> a worker with one echo backend; sets port, session
  start_server "worker$RANDOM"
  api "$port" InstallExtension "{\"session_id\":\"$session\",\"extensionName\":\"itest_echo\"}" >/dev/null
  for _ in $(seq 1 500); do
    api "$port" ListBackendTypes "{\"session_id\":\"$session\"}" | grep -q itest_echo_backend && break; sleep 0.02
  done
  local id
  id=$(api "$port" AddNewBackend "{\"session_id\":\"$session\",\"type_id\":\"itest_echo_backend\"}" | field '["id"]')
  api "$port" EditBackend "{\"session_id\":\"$session\",\"backend_id\":$id,\"title\":\"echo\",\"settings\":{\"LatencyMs\":$1,\"Limits\":{\"MaxUsages\":$USAGES}}}" >/dev/null
  for _ in $(seq 1 500); do
    api "$port" ListBackends "{\"session_id\":\"$session\"}" | grep -q '"status":"running"' && break; sleep 0.02
  done
}

wait_children() { # front-port session count
  for _ in $(seq 1 1500); do
    n=$(api "$1" ListBackends "{\"session_id\":\"$2\",\"nonreal\":true}" | python3 -c 'import json,sys; print(sum(1 for b in json.load(sys.stdin).values() if b["id"] < 0 and b["status"] == "running"))')
    [ "$n" -ge "$3" ] && return 0; sleep 0.02
  done
  echo "children never appeared" >&2; exit 1
}

echo "machine load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
max=0; for n in $WORKERS; do [ "$n" -gt "$max" ] && max=$n; done
worker_ports=(); worker_sessions=()
for _ in $(seq 1 "$max"); do start_worker "$LATENCY_MS"; worker_ports+=("$port"); worker_sessions+=("$session"); done
start_server front; front=$port; front_session=$session

echo "== 1. throughput, echo latency ${LATENCY_MS} ms, $USAGES slots per worker"
images=$(( USAGES * IMAGES_PER_SLOT ))
echo "one worker asked directly:"
$BENCH load "${worker_ports[0]}" "${worker_sessions[0]}" $(( USAGES * 2 )) "$images"
added=0; ids=()
for n in $WORKERS; do
  while [ "$added" -lt "$n" ]; do
    id=$(api "$front" AddNewBackend "{\"session_id\":\"$front_session\",\"type_id\":\"swarmswarmbackend\"}" | field '["id"]')
    api "$front" EditBackend "{\"session_id\":\"$front_session\",\"backend_id\":$id,\"title\":\"w$added\",\"settings\":{\"Address\":\"http://127.0.0.1:${worker_ports[$added]}\"}}" >/dev/null
    ids+=("$id"); added=$(( added + 1 ))
  done
  wait_children "$front" "$front_session" "$n"
  echo "$n worker(s) through the front end:"
  $BENCH load "$front" "$front_session" $(( n * USAGES * 2 )) $(( n * images ))
done

echo "== 2. the extra hop (echo latency 0)"
for id in "${ids[@]}"; do api "$front" DeleteBackend "{\"session_id\":\"$front_session\",\"backend_id\":$id}" >/dev/null; done
start_worker 0; hop=$port; hop_session=$session
id=$(api "$front" AddNewBackend "{\"session_id\":\"$front_session\",\"type_id\":\"swarmswarmbackend\"}" | field '["id"]')
api "$front" EditBackend "{\"session_id\":\"$front_session\",\"backend_id\":$id,\"title\":\"hop\",\"settings\":{\"Address\":\"http://127.0.0.1:$hop\"}}" >/dev/null
wait_children "$front" "$front_session" 1
echo "asked directly:"
$BENCH seq "$hop" "$hop_session" "$HOP_IMAGES"
echo "through the front end (WebSocket to the worker):"
$BENCH seq "$front" "$front_session" "$HOP_IMAGES"
api "$front" EditBackend "{\"session_id\":\"$front_session\",\"backend_id\":$id,\"title\":\"hop\",\"settings\":{\"AllowWebsocket\":false}}" >/dev/null
wait_children "$front" "$front_session" 1
echo "through the front end (HTTP to the worker):"
$BENCH seq "$front" "$front_session" "$HOP_IMAGES"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
