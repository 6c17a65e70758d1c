#!/usr/bin/env bash
# Scheduling benchmark (issue #8; run by hand, not part of the test run). The real BackendPool and scheduler from
# the distribution's core.backends bundle, on real threads, with K = 8 simulated backends taking L = 100 ms per
# image: user A keeps a batch of 40 queued, user C a batch of 10, user B asks for one image every 0.5 s. Prints,
# for the fair policy (Apiary's default) and for FIFO (SwarmUI's order) side by side: throughput against K/L
# (target >= 0.95), B's p95 wait (target <= 2 L), the scheduler's overhead with 1,000 jobs queued (target <= 1 ms
# median per job), and a backend's time between two images while at least K images waited (queue length read as
# the image ends), split three ways:
#   image end -> claim: the backend is free until a dispatch pass claims it for a waiting request; of that, the
#     "unattended" part (target 0) is time in which no pass could be handing it over: no lease.close() in progress
#     on any thread (passes run inside close() on the releasing thread, or the thread already running passes looks
#     again before it returns) and no dispatcher task running, i.e. the backend waited for a thread to wake up;
#   claim -> the caller's stage completes (the scheduler's hand-off executor: a thread wake-up);
#   stage done -> the next image starts (the caller's own executor, as with any thenAcceptAsync).
# The last two are the hand-off every scheduler that leaves the caller's work off its own threads has. GC pauses
# during each run are printed beside them (they stop every thread). Knobs: SECONDS_PER_RUN (20), BENCH_JAVA_OPTS.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
jars=$(ls "$DIST"/bundles/core.api-*.jar "$DIST"/bundles/core.backends-*.jar | tr '\n' ':')
java ${BENCH_JAVA_OPTS:-} -cp "$jars" "$(dirname "$0")/schedule/ScheduleBench.java" "${SECONDS_PER_RUN:-20}"
