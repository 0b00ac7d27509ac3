#!/usr/bin/env bash
# The first two phases of `./twinlab bench-ui` (heatmap redraw, 100k-point loss plot) for a given build's
# classes, so two builds can be alternated in one sitting:
#   scripts/bench-ui-plots.sh CLASSES_DIR [DISPLAY]      e.g. a copy of target/classes of each build
# Prints the two lines (wall time and FX-thread CPU time) and stops the benchmark before its training phases.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classes="$1"
export DISPLAY="${2:-${DISPLAY:-:0}}"
export MALLOC_MMAP_THRESHOLD_=268435456 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
out="$(mktemp)"
home="$(mktemp -d)"
"$java" -Xmx4g -Dai.djl.offline=true -Duser.home="$home" --enable-native-access=ALL-UNNAMED \
  -Dtwinlab.sampleData="$here/sample-data" -cp "$classes:$(cat "$here/target/classpath.txt")" \
  org.twinlab.Twinlab bench-ui >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  grep -q "loss plot" "$out" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
grep -E "heatmap|loss plot" "$out" || tail -20 "$out"
rm -rf "$out" "$home"
