#!/usr/bin/env bash
# Model library benchmark: 10,000 generated safetensors files (100 folders of 100, real headers with metadata and
# SD1/SDXL/Flux key signatures). Measures the first scan (no cache), a warm ListModels page (one folder, 100 models)
# and the whole listing, and a restart that reuses the database metadata cache.
# Targets: first scan <= 2 s; warm page <= 50 ms; restart with the cache <= 500 ms to a full listing.
# Run by hand; not part of the test run.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_built
FOLDERS=${FOLDERS:-100}; PER_FOLDER=${PER_FOLDER:-100}; PAGES=${PAGES:-50}
WORK=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

python3 - "$WORK/Models/Stable-Diffusion" "$FOLDERS" "$PER_FOLDER" <<'PY'
import json, os, struct, sys
root, folders, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sigs = [["cond_stage_model.transformer.text_model.embeddings.position_ids", "model.diffusion_model.out.2.weight"],
        ["conditioner.embedders.0.transformer.text_model.embeddings.position_embedding.weight"],
        ["double_blocks.0.img_attn.norm.key_norm.scale", "guidance_in.in_layer.bias"]]
for f in range(folders):
    d = os.path.join(root, f"folder_{f:03d}")
    os.makedirs(d, exist_ok=True)
    for i in range(per):
        h = {"__metadata__": {"modelspec.title": f"Model {f}-{i}", "modelspec.author": "bench",
                              "modelspec.description": "A generated model for the benchmark. " * 4, "modelspec.tags": "a,b,c"}}
        off = 0
        for k in sigs[(f * per + i) % 3] + [f"extra.layer.{n}.weight" for n in range(20)]:
            h[k] = {"dtype": "F16", "shape": [4], "data_offsets": [off, off + 8]}
            off += 8
        b = json.dumps(h).encode()
        with open(os.path.join(d, f"model_{i:03d}.safetensors"), "wb") as out:
            out.write(struct.pack("<Q", len(b)) + b + bytes(off))
PY
echo "generated $((FOLDERS * PER_FOLDER)) model files"

post() { curl -s -X POST -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$port/API/$1"; }
timed_ms() { # route body -> prints "ms count"
  local start end out
  start=$(date +%s%N); out=$(post "$1" "$2"); end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(echo "$out" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["files"]))')"
}
scan_ms() { grep -o 'Model scan: [0-9,]* models, [0-9,]* read from their files, in [0-9,]* ms' "$WORK/data.console.log" | tail -1; }

port=$(free_port)
start() { # sets pid, session and prints "process-start-to-listing first-answer-to-listing count"
  local t0 ms n
  t0=$(now_ms)
  pid=$(cd "$WORK" && start_apiary "$port" "$WORK/data")   # the default model root "Models" is relative to here
  session=$(wait_for_session "$port")
  local t1; t1=$(now_ms)
  read -r ms n < <(timed_ms ListModels "{\"session_id\":\"$session\",\"path\":\"\",\"depth\":2}")
  result="$(( $(now_ms) - t0 )) $(( $(now_ms) - t1 )) $n"
}

start; read -r total first n <<<"$result"
echo "first start: full listing of $n models $first ms after the first answer (${total} ms after process start); $(scan_ms)"
lat=()
for p in $(seq 1 "$PAGES"); do
  read -r ms c < <(timed_ms ListModels "{\"session_id\":\"$session\",\"path\":\"folder_$(printf %03d $((p % FOLDERS)))\",\"depth\":1}")
  lat+=("$ms")
done
full=()
for p in 1 2 3 4 5; do read -r ms c < <(timed_ms ListModels "{\"session_id\":\"$session\",\"path\":\"\",\"depth\":2}"); full+=("$ms"); done
echo "warm page (one folder, $PER_FOLDER models): median $(median "${lat[@]}") ms, max $(printf '%s\n' "${lat[@]}" | sort -n | tail -1) ms over $PAGES calls"
echo "warm full listing ($n models): median $(median "${full[@]}") ms"

kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
pid=""
start; read -r total first n <<<"$result"
echo "restart: full listing of $n models $first ms after the first answer (${total} ms after process start); $(scan_ms)"
