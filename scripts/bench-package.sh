#!/usr/bin/env bash
# The installed package against ./twinlab: `bench` training pairs/s, alternating the two, N rounds, in one run,
# so both see the same machine. Run as: nice -n -15 scripts/bench-package.sh N [BENCH FLAGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
shift || true
flags=("$@")
[ ${#flags[@]} -gt 0 ] || flags=(--warmup 5 --steps 40 --augment-batches 20)
installed="$(command -v twinlab || echo /opt/twinlab/bin/twinlab)"
echo "load: $(uptime | sed 's/.*load average: //'); package: $installed; bench ${flags[*]}"
./twinlab --version >/dev/null 2>&1 # build first, outside the timing
for r in $(seq "$rounds"); do
  for who in ./twinlab "$installed"; do
    line="$("$who" bench "${flags[@]}" 2>/dev/null | grep -i "^training" | head -1)"
    echo "round $r: $who: $line"
  done
done
echo "load: $(uptime | sed 's/.*load average: //')"
