#!/usr/bin/env bash
# Launch -> first frame of the window: from the exec of each launcher to the moment its window is mapped and
# viewable on the X display (xdotool polling every 20 ms), alternating the launchers, N rounds; each window is
# closed as a window manager would (WM_DELETE_WINDOW). Run under `nice -n -15` and state the load.
# Usage: DISPLAY=:13 scripts/bench-startup.sh N LAUNCHER...   e.g. scripts/bench-startup.sh 5 ./twinlab /opt/twinlab/bin/twinlab
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="$1"
shift
echo "load: $(uptime | sed 's/.*load average: //')"
for r in $(seq "$rounds"); do
  for launcher in "$@"; do
    t0=$(date +%s%N)
    "$launcher" >/dev/null 2>&1 &
    pid=$!
    win=""
    while [ -z "$win" ]; do
      win="$(xdotool search --onlyvisible --name '^Twinlab' 2>/dev/null | head -1 || true)"
      [ -n "$win" ] || sleep 0.02
    done
    t1=$(date +%s%N)
    echo "round $r: $launcher: first frame after $(( (t1 - t0) / 1000000 )) ms"
    sleep 2
    python3 "$here/x11-close-window.py" "$win"
    wait "$pid" || true
  done
done
echo "load: $(uptime | sed 's/.*load average: //')"
