#!/usr/bin/env bash
# Job ledger benchmark over the echo test backend with zero latency (run by hand; not part of the test run):
#  1. what job bookkeeping adds to the per-image pipeline overhead on H2 (target <= 10%): sequential
#     GenerateText2Image images=1 (512x512 PNG saved with metadata) against a server with the ledger and against one
#     started with -Dapiary.jobs.ledger=off, ROUNDS times each, alternating; prints both p50s and the difference;
#  2. replaying 1,000 events to a reattaching client (target <= 50 ms): a finished job of 1,000 images, then
#     SubscribeJobWS from event 0, timed from the subscribe message to the job_done frame, by two clients in turn:
#     a plain-socket one that reads frames as they arrive, as a browser does (the target's figure), and the JDK's
#     WebSocket client (shown too: its per-message scheduling adds its own time).
# Each round's server first serves WARMUP_IMAGES (3000) unmeasured requests (see generate.sh: JIT warm-up).
# Knobs: PARTS (12: which of the two to run), HTTP_IMAGES (1000 per round), WARMUP_IMAGES (3000), ROUNDS (3), REPLAY_IMAGES (1000), REPLAY_ROUNDS (15: the first is cold, the median is of the rest), ECHO_USAGES (8).
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
source "$(dirname "$0")/generate/echo-server.sh"
PARTS=${PARTS:-12}; HTTP_IMAGES=${HTTP_IMAGES:-1000}; WARMUP_IMAGES=${WARMUP_IMAGES:-3000}; ROUNDS=${ROUNDS:-3}; REPLAY_IMAGES=${REPLAY_IMAGES:-1000}; REPLAY_ROUNDS=${REPLAY_ROUNDS:-15}
WORK=$(mktemp -d)
trap '[ -n "${server_pid:-}" ] && kill -TERM "$server_pid" 2>/dev/null; rm -rf "$WORK"' EXIT
GEN="java $(dirname "$0")/generate/GenerateBench.java"
JOBS="java $(dirname "$0")/jobs/JobsBench.java"

stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  while kill -0 "$server_pid" 2>/dev/null; do sleep 0.1; done
  server_pid=
}

p50() { sed -n 's/.* p50=\([0-9.]*\)ms.*/\1/p'; }

if [[ $PARTS == *1* ]]; then
echo "== 1. job bookkeeping on H2: per-image p50 over HTTP, ledger on vs off (load: $(cut -d' ' -f1-3 /proc/loadavg))"
on=(); off=()
for r in $(seq 1 "$ROUNDS"); do
  for mode in on off; do
    port=$(free_port)
    flags=()
    [ "$mode" = off ] && flags=(-Dapiary.jobs.ledger=off)
    start_echo_server "$port" "$WORK/data-$mode-$r" "${flags[@]}"
    line=$($GEN http "$port" "$session" "$HTTP_IMAGES" 512 "$WARMUP_IMAGES")
    echo "   round $r ledger $mode: $line"
    if [ "$mode" = on ]; then on+=("$(echo "$line" | p50)"); else off+=("$(echo "$line" | p50)"); fi
    stop_server
  done
done
m_on=$(median "${on[@]}"); m_off=$(median "${off[@]}")
python3 -c "on=$m_on; off=$m_off; print(f'   median p50: ledger on {on:.2f} ms, off {off:.2f} ms: bookkeeping adds {on-off:.2f} ms = {100*(on-off)/off:.1f}% (target <= 10%)')"
fi

if [[ $PARTS == *2* ]]; then
echo "== 2. replaying $REPLAY_IMAGES events to a reattaching client"
port=$(free_port)
start_echo_server "$port" "$WORK/data-replay"
$JOBS replay "$port" "$session" "$REPLAY_IMAGES" "$REPLAY_ROUNDS"
fi
