#!/usr/bin/env bash
# Development-folder benchmark: with extensions.developmentfolder on, the time from a jar landing in
# <data>/dev-extensions (an atomic move, as a build that writes elsewhere and moves would) until the running server
# serves the updated bundle: ListDevExtensions shows it active with a new last-modified time and its route answers.
# Alternates two builds of ext.hello (1.0.0 and 1.1.0) under one file name, then re-drops the same jar (same
# version, a new file). Target: < 1 s each (FileInstall polls every 200 ms). Run by hand; not part of the test run.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
RUNS=${RUNS:-10}
V1="$ROOT/ext-repo/hello/target/ext.hello-1.0.0.jar"
V2="$ROOT/ext-repo/hello-1.1/target/ext.hello.next-1.1.0.jar"
[ -f "$V1" ] && [ -f "$V2" ] || { echo "build ext-repo first (mvn -B -o package -pl ext-repo/hello,ext-repo/hello-1.1 -am)" >&2; exit 1; }
WORK=$(mktemp -d)
PORT=$(free_port)
PID=$(start_apiary "$PORT" "$WORK/data")
trap 'kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
SESSION=$(wait_for_session "$PORT")

python3 - "$PORT" "$SESSION" "$RUNS" "$WORK/data" "$V1" "$V2" <<'PY'
import http.client, json, os, shutil, statistics, sys, time

port, session, runs, data, v1, v2 = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

def call(route, **body):
    body["session_id"] = session
    conn.request("POST", "/API/" + route, json.dumps(body), {"Content-Type": "application/json"})
    r = conn.getresponse()
    return json.loads(r.read() or b"null")

assert call("ChangeServerSettings", settings={"extensions.developmentfolder": True}) == {"success": True}
folder = call("ListDevExtensions")["folder"]

def row():
    for f in call("ListDevExtensions")["files"]:
        if f["file"] == "ext.hello.jar":
            return f
    return None

def drop(jar):
    before = row()
    stamp = before["last_modified"] if before else None
    tmp = os.path.join(data, "ext.hello.jar.tmp")
    shutil.copyfile(jar, tmp)
    t0 = time.perf_counter()
    os.replace(tmp, os.path.join(folder, "ext.hello.jar"))
    while True:
        r = row()
        if r and r["state"] == "active" and r["last_modified"] != stamp and "greeting" in call("Hello", name="x"):
            return (time.perf_counter() - t0) * 1000
        time.sleep(0.005)

drop(v1)  # warm-up: first install
versions, same = [], []
for i in range(runs):
    versions.append(drop(v2 if i % 2 == 0 else v1))
for i in range(runs):
    same.append(drop(v1))
print(f"new version dropped -> updated bundle serving: median {statistics.median(versions):.0f} ms, max {max(versions):.0f} ms ({runs} runs)")
print(f"same version rebuilt -> updated bundle serving: median {statistics.median(same):.0f} ms, max {max(same):.0f} ms ({runs} runs)")
PY
