# Shared helpers for the benchmark scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/launcher/target/apiary"

. "$ROOT/launcher/apiary-jvm.sh"

ensure_built() {
  if [ ! -f "$DIST/lib/apiary-launcher.jar" ]; then
    (cd "$ROOT" && mvn -B -q -DskipTests package -pl launcher -am) || { echo "build failed" >&2; exit 1; }
  fi
  apiary_class_archive "$DIST"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

start_apiary() { # port data-dir; started exactly as ./apiary starts it
  local flags
  mapfile -t flags < <(apiary_java_flags "$DIST")
  java "${flags[@]}" ${APIARY_JAVA_OPTS:-} -cp "$DIST/lib/*" apiary.launcher.Main --port "$1" --data-dir "$2" >"$2.console.log" 2>&1 &
  echo $!
}

wait_for_session() { # port -> prints session id once the server answers
  local port=$1 out
  for _ in $(seq 1 3000); do
    out=$(curl -s -X POST -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$port/API/GetNewSession" 2>/dev/null)
    case "$out" in *session_id*) echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["session_id"])'; return 0;; esac
    sleep 0.01
  done
  return 1
}
