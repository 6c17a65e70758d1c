#!/usr/bin/env bash
# ComfyUI driver overhead: the same small txt2img workflow (4 steps, 64x64, images over the WebSocket) on the
# ComfyUI simulator, run by Apiary's driver and by a minimal direct client doing the same POST + WebSocket +
# history calls, in interleaved rounds. Target: driver p50 / direct p50 <= 1.10. Run by hand.
# ROUNDS (default 60) and COMFYSIM_STEP_SECONDS (default 0.01) change the run.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ROUNDS=${ROUNDS:-60}
[ -f "$ROOT/backend.comfy/target/classes/apiary/backend/comfy/internal/ComfyDriver.class" ] \
  || (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl backend.comfy -am)
WORK=$(mktemp -d)
SIM_PID=""
trap '[ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -r "$ROOT/backend.comfy/simulator/." "$WORK/"
python3 - "$WORK/models/checkpoints/tiny-sd15.safetensors" <<'PY'
import json, os, struct, sys
os.makedirs(os.path.dirname(sys.argv[1]), exist_ok=True)
h = json.dumps({"__metadata__": {"modelspec.architecture": "stable-diffusion-v1"}}).encode()
open(sys.argv[1], "wb").write(struct.pack("<Q", len(h)) + h)
PY
PORT=$(free_port)
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
COMFYSIM_STEP_SECONDS=${COMFYSIM_STEP_SECONDS:-0.01} COMFYSIM_LOAD_SECONDS=0.01 \
  "$PY" "$WORK/main.py" --port "$PORT" --preview-method latent2rgb >"$WORK/sim.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 300); do curl -s "http://127.0.0.1:$PORT/features" >/dev/null 2>&1 && break; sleep 0.05; done
M2=${MAVEN_REPO:-$HOME/.m2/repository}
CP="$ROOT/backend.comfy/target/classes:$ROOT/core.api/target/classes"
for a in jackson-databind jackson-core; do CP="$CP:$(ls "$M2"/com/fasterxml/jackson/core/$a/2.22.4/$a-2.22.4.jar)"; done
CP="$CP:$(ls "$M2"/com/fasterxml/jackson/core/jackson-annotations/2.22/jackson-annotations-2.22.jar)"
CP="$CP:$(ls "$M2"/org/osgi/osgi.annotation/8.1.0/osgi.annotation-8.1.0.jar)"
java -cp "$CP" "$ROOT/bench/comfy/ComfyBench.java" "http://127.0.0.1:$PORT" "$ROUNDS"
