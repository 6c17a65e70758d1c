#!/usr/bin/env bash
# Web UI first-load benchmark: the Generate page opened in a fresh headless Chromium profile (empty cache) RUNS
# times; reports the median time from navigation start to interactive (the page's 'apiary-ready' mark: session
# open, models, parameters and presets loaded, controls usable) and the bytes transferred, images excluded.
# Target (issue #17): <= 1000 ms to interactive and <= 300 KB on loopback. Needs Debian's chromium and
# chromium-driver. Run by hand; not part of the test run. WATERFALL=1 also prints every request of each load
# (start, request sent, first byte, end in ms from navigation start, bytes, initiator, path) and the page's performance marks.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
RUNS=${RUNS:-5}
WORK=$(mktemp -d)
port=$(free_port)
dport=$(free_port)
pid=$(start_apiary "$port" "$WORK/data")
chromedriver --port="$dport" >"$WORK/chromedriver.log" 2>&1 &
dpid=$!
trap 'kill -TERM $pid $dpid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$WORK"' EXIT
# (in a condition, so that set -e does not end the script at the first refused connection)
if ! wait_for_session "$port" >/dev/null; then echo "server did not start; see $WORK/data.console.log" >&2; exit 1; fi
D="http://127.0.0.1:$dport"
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

ready=(); bytes=()
for i in $(seq 1 "$RUNS"); do
  caps='{"capabilities":{"alwaysMatch":{"goog:chromeOptions":{"binary":"/usr/bin/chromium","args":["--headless=new",
    "--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking",
    "--disable-component-update","--disable-sync","--window-size=1280,800","--user-data-dir='"$WORK/profile-$i"'"]}}}}'
  sid=$(curl -s -X POST -d "$caps" "$D/session" | json 'd["value"]["sessionId"]')
  curl -s -X POST -d "{\"url\":\"http://127.0.0.1:$port/Text2Image\"}" "$D/session/$sid/url" >/dev/null
  script='{"script":"return document.body.dataset.ready === \"true\" ? [performance.getEntriesByName(\"apiary-ready\")[0].startTime, performance.getEntriesByType(\"navigation\").concat(performance.getEntriesByType(\"resource\").filter(e => e.initiatorType !== \"img\")).reduce((s, e) => s + (e.transferSize || 0), 0)] : null","args":[]}'
  out=None
  for _ in $(seq 1 2000); do
    out=$(curl -s -X POST -d "$script" "$D/session/$sid/execute/sync" | json 'd["value"]')
    [ "$out" != "None" ] && break
    sleep 0.01
  done
  if [ -n "${WATERFALL:-}" ]; then
    # Every request of the load in start order: start, time to first byte, end (ms from navigation start), bytes.
    wf='{"script":"return performance.getEntriesByType(\"navigation\").concat(performance.getEntriesByType(\"resource\")).map(e => [Math.round(e.startTime), Math.round(e.requestStart), Math.round(e.responseStart), Math.round(e.responseEnd), e.transferSize, e.initiatorType, e.name.replace(/^https?:[/][/][^/]+/, \"\")].join(\" \")).concat(performance.getEntriesByType(\"mark\").map(m => Math.round(m.startTime) + \" mark \" + m.name)).join(\"\\n\")","args":[]}'
    echo "run $i waterfall (start sent ttfb end bytes initiator path):"
    curl -s -X POST -d "$wf" "$D/session/$sid/execute/sync" | json 'd["value"]'
  fi
  ready+=("$(echo "$out" | python3 -c 'import sys,ast; print(round(ast.literal_eval(sys.stdin.read())[0]))')")
  bytes+=("$(echo "$out" | python3 -c 'import sys,ast; print(int(ast.literal_eval(sys.stdin.read())[1]))')")
  curl -s -X DELETE "$D/session/$sid" >/dev/null
done
echo "time to interactive: runs ${ready[*]} ms -> median $(median "${ready[@]}") ms (target <= 1000)"
echo "transferred (images excluded): runs ${bytes[*]} bytes -> median $(median "${bytes[@]}") bytes (target <= 307200)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
