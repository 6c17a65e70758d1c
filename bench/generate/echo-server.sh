# Starts an Apiary server with one echo test backend (zero latency); sourced by generate.sh and jobs.sh.
# start_echo_server PORT DATA-DIR [EXTRA JVM FLAGS...]: sets server_pid and session; ECHO_USAGES (8) parallel slots.
start_echo_server() {
  local port=$1 data=$2
  shift 2
  [ -f "$ROOT/itest.echo/target/repository/index.xml" ] || (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl itest.echo -am)
  server_pid=$(start_apiary_with "$port" "$data" "$@")
  session=$(wait_for_session "$port")
  echo_api "$port" InstallExtension "{\"session_id\":\"$session\",\"extensionName\":\"itest_echo\"}" >/dev/null
  for _ in $(seq 1 500); do
    echo_api "$port" ListBackendTypes "{\"session_id\":\"$session\"}" | grep -q itest_echo_backend && break
    sleep 0.02
  done
  local id
  id=$(echo_api "$port" AddNewBackend "{\"session_id\":\"$session\",\"type_id\":\"itest_echo_backend\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  echo_api "$port" EditBackend "{\"session_id\":\"$session\",\"backend_id\":$id,\"title\":\"bench\",\"settings\":{\"LatencyMs\":0,\"Limits\":{\"MaxUsages\":${ECHO_USAGES:-8}}}}" >/dev/null
  for _ in $(seq 1 500); do
    echo_api "$port" ListBackends "{\"session_id\":\"$session\"}" | grep -q '"status":"running"' && break
    sleep 0.02
  done
}

start_apiary_with() { # port data-dir extra-jvm-flags...: like start_apiary, with the echo index and raised connection limits
  local port=$1 data=$2 flags
  shift 2
  mapfile -t flags < <(apiary_java_flags "$DIST")
  java "${flags[@]}" ${APIARY_JAVA_OPTS:-} "$@" -Dapiary.http.maxConnectionsPerAddress=4000 -Dapiary.http.maxConnections=8000 \
    "-Dapiary.extensions.index=file:$DIST/repository/index.xml,file:$ROOT/itest.echo/target/repository/index.xml" \
    -cp "$DIST/lib/*" apiary.launcher.Main --port "$port" --data-dir "$data" >"$data.console.log" 2>&1 &
  echo $!
}

echo_api() { curl -s -X POST -H 'Content-Type: application/json' -d "$3" "http://127.0.0.1:$1/API/$2"; }
