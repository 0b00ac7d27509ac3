#!/usr/bin/env bash
# The resident memory at each run's last step of a sweep (resident_mb in its metrics.csv), in run order,
# and the last against run 3: the figure of the README's "sweep of 20 runs in one process" row.
# Usage: scripts/sweep-resident.sh SWEEP-DIR
set -euo pipefail
vals=()
for f in "$1"/runs/*/metrics.csv; do
  col=$(head -1 "$f" | tr , '\n' | grep -n '^resident_mb$' | cut -d: -f1)
  vals+=("$(tail -1 "$f" | cut -d, -f"$col" | cut -d. -f1)")
done
echo "resident at each run's last step (MB): ${vals[*]}"
if [ "${#vals[@]}" -ge 3 ]; then
  r3=${vals[2]}; last=${vals[-1]}
  awk -v a="$r3" -v b="$last" -v n="${#vals[@]}" 'BEGIN { printf "run 3: %d MB, run %d: %d MB (%+.1f%%)\n", a, n, b, 100 * (b - a) / a }'
fi
