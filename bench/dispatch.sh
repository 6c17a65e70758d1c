#!/usr/bin/env bash
# Dispatch benchmark: wrk against POST /API/GetCurrentStatus with a valid session, and in the same run against a
# bare Jetty handler (same Jetty, same thread pool) returning the same bytes; prints both and the ratios.
# Target: Apiary's throughput >= 0.85x bare Jetty. Run by hand; not part of the test run.
# Needs wrk (Debian package 'wrk'; installed here if missing).
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null); }
DURATION=${DURATION:-15s}; THREADS=${THREADS:-2}; CONNECTIONS=${CONNECTIONS:-32}
WORK=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

# The Jetty jars Apiary embeds, taken from the core.server bundle so both servers run the very same Jetty.
mkdir -p "$WORK/jetty" && (cd "$WORK/jetty" && unzip -q -o "$DIST"/bundles/core.server-*.jar 'jetty-*.jar' 'slf4j-*.jar')

run_wrk() { # url session-json -> "requests/s p99"
  cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$2'
wrk.headers["Content-Type"] = "application/json"
LUA
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$WORK/post.lua" "$1" >/dev/null   # warm-up (JIT)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/post.lua" "$1" >"$WORK/out.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/out.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/out.txt")
  grep -q "Non-2xx" "$WORK/out.txt" && { echo "non-2xx answers:" >&2; cat "$WORK/out.txt" >&2; exit 1; }
  echo "$rps $p99"
}

to_ms() { # wrk latency like 1.23ms / 450.00us / 1.02s -> ms
  python3 -c "import re,sys; v=sys.argv[1]; n=float(re.match(r'[0-9.]+',v).group()); print(n/1000 if v.endswith('us') else n*1000 if v.endswith('s') and not v.endswith('ms') else n)" "$1"
}

port=$(free_port)
pids+=("$(start_apiary "$port" "$WORK/data")")
session=$(wait_for_session "$port")
body=$(curl -s -X POST -H 'Content-Type: application/json' -d "{\"session_id\":\"$session\"}" "http://127.0.0.1:$port/API/GetCurrentStatus")
bport=$(free_port)
java -cp "$WORK/jetty/*" "$(dirname "$0")/BareJetty.java" "$bport" "$body" >"$WORK/bare.log" 2>&1 &
pids+=("$!")
until curl -s -o /dev/null -X POST -d '{}' "http://127.0.0.1:$bport/"; do sleep 0.1; done

# Interleave rounds so that a change in machine load hits both servers alike; compare medians.
ROUNDS=${ROUNDS:-3}
a_rps=(); a_p99=(); b_rps=(); b_p99=()
for r in $(seq 1 "$ROUNDS"); do
  read -r x y < <(run_wrk "http://127.0.0.1:$port/API/GetCurrentStatus" "{\"session_id\":\"$session\"}"); a_rps+=("$x"); a_p99+=("$(to_ms "$y")")
  read -r x y < <(run_wrk "http://127.0.0.1:$bport/API/GetCurrentStatus" "{\"session_id\":\"$session\"}"); b_rps+=("$x"); b_p99+=("$(to_ms "$y")")
done
echo "Apiary GetCurrentStatus: req/s ${a_rps[*]}; p99 ms ${a_p99[*]}"
echo "bare Jetty, same bytes:  req/s ${b_rps[*]}; p99 ms ${b_p99[*]}"
python3 - "$(median "${a_rps[@]}")" "$(median "${b_rps[@]}")" "$(median "${a_p99[@]}")" "$(median "${b_p99[@]}")" <<'PY'
import sys
a, b, ap, bp = map(float, sys.argv[1:])
print(f"medians: Apiary {a:.0f} req/s p99 {ap:.2f} ms; bare {b:.0f} req/s p99 {bp:.2f} ms")
print(f"throughput ratio Apiary/bare = {a/b:.2f} (target >= 0.85); p99 ratio Apiary/bare = {ap/bp:.2f}")
PY
