#!/usr/bin/env bash
# Releases core.api for bnd's baseline check: builds it from the current sources as version VERSION and stores the
# jar (with a minimal POM and checksums) in cnf/baseline, a Maven repository layout that core.api's build reads.
# Then set <apiary.api.baseline>VERSION</apiary.api.baseline> in the root pom.xml and commit both: from then on
# every change to core.api is compared with this release. See docs/extensions.md, "What the build checks".
set -euo pipefail
VERSION=${1:?usage: cnf/baseline/release.sh VERSION (e.g. 0.2.0)}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$ROOT/pom.xml" "$ROOT/bnd.bnd" "$ROOT/cnf" "$ROOT/.mvn" "$WORK/"
mkdir "$WORK/core.api"
cp -r "$ROOT/core.api/pom.xml" "$ROOT/core.api/bnd.bnd" "$ROOT/core.api/src" "$WORK/core.api/"
python3 - "$WORK" "$VERSION" <<'PY'
import re, sys
work, version = sys.argv[1], sys.argv[2]
root = open(work + "/pom.xml").read()
old = re.search(r"<artifactId>apiary</artifactId>\s*<version>([^<]+)</version>", root).group(1)
root = re.sub(r"(?s)<modules>.*?</modules>", "<modules><module>core.api</module></modules>", root)
root = root.replace("<artifactId>apiary</artifactId>\n  <version>" + old + "</version>", "<artifactId>apiary</artifactId>\n  <version>" + version + "</version>", 1)
open(work + "/pom.xml", "w").write(root)
api = open(work + "/core.api/pom.xml").read().replace("<version>" + old + "</version>", "<version>" + version + "</version>", 1)
open(work + "/core.api/pom.xml", "w").write(api)
PY
(cd "$WORK" && mvn -B -q -o -DskipTests -Dbnd.baseline.skip=true package)
OUT="$ROOT/cnf/baseline/apiary/core.api/$VERSION"
mkdir -p "$OUT"
cp "$WORK/core.api/target/core.api-$VERSION.jar" "$OUT/"
cat > "$OUT/core.api-$VERSION.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>apiary</groupId><artifactId>core.api</artifactId><version>$VERSION</version>
  <description>core.api $VERSION as released for bnd's baseline check (cnf/baseline/release.sh)</description>
</project>
POM
for f in "$OUT"/*.jar "$OUT"/*.pom; do sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"; done
echo "Released core.api $VERSION into $OUT; now set apiary.api.baseline to $VERSION in pom.xml"
