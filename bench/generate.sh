#!/usr/bin/env bash
# Generation benchmark over the echo test backend with zero latency (run by hand; not part of the test run):
#  1. per-image pipeline overhead over HTTP: sequential GenerateText2Image images=1, 512x512 PNG saved with metadata
#     (target p50 <= 5 ms);
#  2. 1,000 concurrent GenerateText2ImageWS clients: zero failures, server RSS <= 1 GB (peak, VmHWM);
#  3. the image history over 100,000 saved images: ListImageHistory pages warm (target <= 100 ms).
# Part 1 first runs WARMUP_IMAGES (3000) unmeasured requests: on two cores the JIT compiles the request path (Jetty,
# Jackson, H2) for thousands of requests, and the figure is the pipeline's steady state, not the JVM's warm-up.
# Knobs: PARTS (123: which of the three to run), HTTP_IMAGES (2000), WARMUP_IMAGES (3000), WS_CLIENTS (1000), HISTORY_IMAGES (100000), ECHO_USAGES (8). The server's per-address
# connection limit is raised for the run (all clients come from 127.0.0.1); APIARY_JAVA_OPTS adds JVM flags (-Xmx...).
# Every request uses one seed, so the echo backend serves its cached PNG and the figures are the pipeline's own.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
source "$(dirname "$0")/generate/echo-server.sh"
PARTS=${PARTS:-123}; HTTP_IMAGES=${HTTP_IMAGES:-2000}; WARMUP_IMAGES=${WARMUP_IMAGES:-3000}; WS_CLIENTS=${WS_CLIENTS:-1000}; HISTORY_IMAGES=${HISTORY_IMAGES:-100000}
WORK=$(mktemp -d)
trap '[ -n "${server_pid:-}" ] && kill -TERM "$server_pid" 2>/dev/null; rm -rf "$WORK"' EXIT
BENCH="java -cp $WORK $(dirname "$0")/generate/GenerateBench.java"

port=$(free_port)
start_echo_server "$port" "$WORK/data"

if [[ $PARTS == *1* ]]; then
echo "== 1. per-image overhead over HTTP (echo backend, zero latency, 512x512 PNG saved with metadata; target p50 <= 5 ms; load: $(cut -d' ' -f1-3 /proc/loadavg))"
$BENCH http "$port" "$session" "$HTTP_IMAGES" 512 "$WARMUP_IMAGES"
echo "   the same with 64x64 images (smaller files to write and answer)"
$BENCH http "$port" "$session" "$HTTP_IMAGES" 64
echo "   the HTTP round trip alone (a route that does no work; part of every figure above)"
$BENCH floor "$port" "$session" "$HTTP_IMAGES"
fi

if [[ $PARTS == *2* ]]; then
echo "== 2. $WS_CLIENTS concurrent GenerateText2ImageWS clients"
$BENCH ws "$port" "$session" "$WS_CLIENTS"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/"$server_pid"/status)"
fi

if [[ $PARTS == *3* ]]; then
echo "== 3. image history over $HISTORY_IMAGES saved images"
$BENCH seed "$WORK/data/Output/local" "$HISTORY_IMAGES"
$BENCH history "$port" "$session" 200
fi
