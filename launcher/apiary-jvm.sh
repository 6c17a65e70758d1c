# How Apiary's JVM is started; sourced by ./apiary and the benchmarks so that both start the server the same way.

# apiary_class_archive DIST: makes sure DIST/apiary.jsa (a class-data archive of what start-up and a first request
# load) exists and is newer than every jar of the distribution (launcher and bundles), writing it with a short
# training run if not. Using it spares each start most of its class loading (about 0.3 s on two cores); without it
# the server starts all the same (a class whose jar changed since is simply loaded from the jar).
apiary_class_archive() {
  # Absolute: the archive records the class path it was written with, and a relative one only fits later starts
  # from the same folder (./apiary's and the benchmarks' differ).
  local dist jsa work
  dist=$(cd "$1" && pwd) || return 0
  jsa="$dist/apiary.jsa"
  [ -f "$jsa" ] && [ -z "$(find "$dist/lib" "$dist/bundles" -newer "$jsa" -print -quit)" ] && return 0
  echo "Preparing the class-data archive for fast start-up..." >&2
  rm -f "$jsa"
  work=$(mktemp -d)
  # The class-load log lets the training run link every bundle class it loaded (Java 17 archives only linked ones).
  if ! java -XX:ArchiveClassesAtExit="$jsa" '-Xlog:cds*=off' "-Xlog:class+load=info:file=$work/classes.log" \
      -Dapiary.training.classLog="$work/classes.log" -cp "$dist/lib/*" apiary.launcher.Main \
      --train-class-archive --port 0 --data-dir "$work/data" >"$work/training.log" 2>&1; then
    echo "The training run failed (starting without the archive):" >&2
    tail -20 "$work/training.log" >&2
    rm -f "$jsa"
  fi
  rm -rf "$work"
}

# apiary_java_flags DIST: the JVM flags for a start (the archive when there is one; it is ignored, silently, if it
# does not fit this JVM).
apiary_java_flags() {
  [ -f "$1/apiary.jsa" ] && printf '%s\n' "-XX:SharedArchiveFile=$1/apiary.jsa" '-Xlog:cds*=off'
}
