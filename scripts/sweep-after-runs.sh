#!/usr/bin/env bash
# Runs a sweep command (./twinlab sweep ...) and reads the process's resident memory (VmRSS) as each run
# ends, when the sweep prints its "finished in" line: the run has closed its arrays and released its memory,
# the next one has not begun. Prints one line a run and, at the end, the last run against run 3.
# Usage: scripts/sweep-after-runs.sh LOG COMMAND...   e.g. nice -n 10 scripts/sweep-after-runs.sh /tmp/s.log ./twinlab sweep ...
set -uo pipefail
log=$1
shift
"$@" > "$log" 2>&1 &
pid=$!
vals=()
while read -r line; do
  case "$line" in
    *": finished in"*)
      kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
      [ -n "$kb" ] || break
      vals+=($((kb / 1024)))
      echo "run ${#vals[@]}: resident after it $((kb / 1024)) MB ($(date +%T))"
      ;;
  esac
done < <(tail -n +1 -F --pid="$pid" "$log" 2>/dev/null)
wait "$pid"
code=$?
echo "resident after each run (MB): ${vals[*]}"
if [ "${#vals[@]}" -ge 3 ]; then
  awk -v a="${vals[2]}" -v b="${vals[-1]}" -v n="${#vals[@]}" \
    'BEGIN { printf "run 3: %d MB, run %d: %d MB (%+.1f%%)\n", a, n, b, 100 * (b - a) / a }'
fi
exit $code
