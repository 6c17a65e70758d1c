#!/usr/bin/env bash
# Hot-deploy benchmark: median time from sending InstallExtension until the extension's new route answers 200,
# and from sending UninstallExtension until that route answers bad_route, over RUNS cycles (after one warm-up
# cycle), for hello (one bundle) and promptstats (an extension plus the library it pulls in). The client keeps
# one HTTP connection open, so the numbers are the server's, not process start-up. Target: <= 300 ms each on the
# 2-core build machine. Run by hand; not part of the test run.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
RUNS=${RUNS:-10}
WORK=$(mktemp -d)
PORT=$(free_port)
PID=$(start_apiary "$PORT" "$WORK/data")
trap 'kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
SESSION=$(wait_for_session "$PORT")

python3 - "$PORT" "$SESSION" "$RUNS" <<'PY'
import http.client, json, statistics, sys, time

port, session, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

def call(route, **body):
    body["session_id"] = session
    data = json.dumps(body)
    conn.request("POST", "/API/" + route, data, {"Content-Type": "application/json"})
    r = conn.getresponse()
    return r.status, json.loads(r.read() or b"null")

def until(route, args, ok):
    while True:
        status, answer = call(route, **args)
        if ok(status, answer):
            return
        time.sleep(0.001)

def cycle(extension, route, args):
    t0 = time.perf_counter()
    status, answer = call("InstallExtension", extensionName=extension)
    if answer != {"success": True}:
        sys.exit("InstallExtension %s failed: %s" % (extension, answer))
    until(route, args, lambda s, a: s == 200 and "error" not in a)
    installed = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    status, answer = call("UninstallExtension", extensionName=extension)
    if answer != {"success": True}:
        sys.exit("UninstallExtension %s failed: %s" % (extension, answer))
    until(route, args, lambda s, a: s == 400 and a.get("error_id") == "bad_route")
    return installed, (time.perf_counter() - t0) * 1000

for extension, route, args in (("hello", "Hello", {"name": "bench"}), ("promptstats", "PromptStats", {"prompt": "a red fox"})):
    cycle(extension, route, args)  # warm-up
    results = [cycle(extension, route, args) for _ in range(runs)]
    for i, label in ((0, "install -> route answers"), (1, "uninstall -> bad_route")):
        ms = [r[i] for r in results]
        print("%-12s %-26s runs %s ms -> median %.1f ms" % (extension, label, " ".join("%.0f" % m for m in ms), statistics.median(ms)))
PY
