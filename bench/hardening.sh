#!/usr/bin/env bash
# Hardening load test: a normal client's latency (POST /API/GetCurrentStatus, one keep-alive connection, back to
# back) while a hostile client holds HOSTILE (200) slow-body connections, first from one loopback address each, then
# all from one address. Target: the normal client's p99 < 100 ms. Run by hand; not part of the test run.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
HOSTILE=${HOSTILE:-200}; SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
WORK=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

port=$(free_port)
pid=$(start_apiary "$port" "$WORK/data")
session=$(wait_for_session "$port")
# Warm-up: the JIT, then a baseline without hostile clients.
java "$ROOT/bench/HardeningLoad.java" "$port" "$session" 0 5 many >/dev/null
echo "== baseline (no hostile client)"
java "$ROOT/bench/HardeningLoad.java" "$port" "$session" 0 "$SECONDS_PER_RUN" many
echo "== $HOSTILE slow connections, one address each"
java "$ROOT/bench/HardeningLoad.java" "$port" "$session" "$HOSTILE" "$SECONDS_PER_RUN" many
echo "== $HOSTILE slow connections, all from one address"
java "$ROOT/bench/HardeningLoad.java" "$port" "$session" "$HOSTILE" "$SECONDS_PER_RUN" one
