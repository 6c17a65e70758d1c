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
WORK=$(mktemp -d); [ -n "${KEEP:-}" ] && echo "keeping $WORK"
pid=""
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

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
sync   # the files are on disk before the server starts, as a user's models are (not still being written back)
echo "generated $((FOLDERS * PER_FOLDER)) model files"

timed_ms() { # route body -> prints "ms count": curl's own request time (connect to last byte), not its process start-up
  local out
  out=$(curl -s -X POST -H 'Content-Type: application/json' -d "$2" -w '\n%{time_total}' "http://127.0.0.1:$port/API/$1")
  echo "$(echo "${out##*$'\n'}" | awk '{printf "%d", $1 * 1000}') $(echo "${out%$'\n'*}" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["files"]))')"
}
scan_ms() { grep -o 'Model scan: [0-9,]* models, [0-9,]* read from their files, in [0-9,]* ms' "$WORK/data.console.log" | tail -1; }

port=$(free_port)
start() { # sets pid, session and prints "process-start-to-listing first-answer-to-listing count"
  local t0 t1 ms n
  t0=$(now_ms)
  pid=$(cd "$WORK" && start_apiary "$port" "$WORK/data")   # the default model root "Models" is relative to here
  session=$(wait_for_session "$port")
  t1=$(now_ms)
  # Asked right after the first answer; ms is the request's own time (its JSON is counted after it has arrived).
  read -r ms n < <(timed_ms ListModels "{\"session_id\":\"$session\",\"path\":\"\",\"depth\":2}")
  result="$(( t1 - t0 + ms )) $ms $n"
}

start; read -r total first n <<<"$result"
echo "first start: full listing of $n models $first ms after the first answer (${total} ms after process start); $(scan_ms) (target: scan <= 2000 ms)"
lat=()
for p in $(seq 1 "$PAGES"); do
  read -r ms c < <(timed_ms ListModels "{\"session_id\":\"$session\",\"path\":\"folder_$(printf %03d $((p % FOLDERS)))\",\"depth\":1}")
  lat+=("$ms")
done
full=()
for p in 1 2 3 4 5; do read -r ms c < <(timed_ms ListModels "{\"session_id\":\"$session\",\"path\":\"\",\"depth\":2}"); full+=("$ms"); done
echo "warm page (one folder, $PER_FOLDER models): median $(median "${lat[@]}") ms, max $(printf '%s\n' "${lat[@]}" | sort -n | tail -1) ms over $PAGES calls (target <= 50 ms)"
echo "warm full listing ($n models): median $(median "${full[@]}") ms"

# The metadata cache is written after the first scan; a restart is measured once it is complete.
for _ in $(seq 1 600); do grep -q 'Model metadata cache written' "$WORK/data.console.log" && break; sleep 0.1; done
grep -o 'Model metadata cache written.*' "$WORK/data.console.log" | head -1 || true
cp "$WORK/data.console.log" "$WORK/first.console.log"
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
pid=""
start; read -r total first n <<<"$result"
echo "restart: full listing of $n models $first ms after the first answer (${total} ms after process start); $(scan_ms) (target: full listing <= 500 ms)"
