#!/usr/bin/env bash
# The peak resident memory of the surefire test JVM of a `mvn verify` started by this script: samples
# /proc/PID/status (VmRSS, and VmHWM, the kernel's own high-water mark) of the forked surefirebooter JVM every second.
# Usage: scripts/peak-rss.sh MVN-ARGS...   e.g. scripts/peak-rss.sh -o -B -q verify -Dtest='WorkbenchTest' -Dtest.xmx=1500m
set -uo pipefail
cd "$(dirname "$0")/.."
mvn "$@" &
mvnpid=$!
peak=0
hwm=0
while kill -0 "$mvnpid" 2>/dev/null; do
  for p in $(pgrep -f "surefirebooter.*$(pwd)/target" || true); do
    r=$(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    h=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    [ "${r:-0}" -gt "$peak" ] && peak=$r
    [ "${h:-0}" -gt "$hwm" ] && hwm=$h
  done
  sleep 1
done
wait "$mvnpid"
code=$?
echo "peak-rss: surefire JVM resident peak $((peak / 1024)) MB sampled, VmHWM $((hwm / 1024)) MB; mvn exit $code"
exit $code
