#!/usr/bin/env bash
# Scheduling benchmark (issue #8; run by hand, not part of the test run). The real BackendPool and scheduler from
# the distribution's core.backends bundle, on real threads, with K = 8 simulated backends taking L = 100 ms per
# image: user A keeps a batch of 40 queued, user C a batch of 10, user B asks for one image every 0.5 s. Prints,
# for the fair policy (Apiary's default) and for FIFO (SwarmUI's order) side by side: throughput against K/L
# (target >= 0.95), B's p95 wait (target <= 2 L), backend time idle while at least K images waited (target 0), and
# the scheduler's overhead with 1,000 jobs queued (target <= 1 ms median per job).
# Knob: SECONDS_PER_RUN (20).
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
jars=$(ls "$DIST"/bundles/core.api-*.jar "$DIST"/bundles/core.backends-*.jar | tr '\n' ':')
java -cp "$jars" "$(dirname "$0")/schedule/ScheduleBench.java" "${SECONDS_PER_RUN:-20}"
