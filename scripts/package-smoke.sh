#!/usr/bin/env bash
# The installed package, as a lecturer gets it (issue 17): install the .deb (as root) or unpack the app image,
# then run the installed `twinlab`: `datasets`, a 5-step `train`, its glibc arena limit, no display (one line, exit 2), and the window
# under Xvfb for 15 s (it appears, no stack trace, a clean exit when closed); then remove it again.
# Usage: scripts/package-smoke.sh [target/dist]   (after mvn -Pdist package)
set -euo pipefail
dist="${1:-target/dist}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
deb="$(ls "$dist"/twinlab_*.deb 2>/dev/null | head -1 || true)"
installed=0
cleanup() {
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  if [ "$installed" = 1 ]; then dpkg -r twinlab >/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "package: FAILED: $*" >&2; exit 1; }

if [ "$(id -u)" = 0 ] && [ -n "$deb" ] && command -v dpkg >/dev/null; then
  # apt resolves what the .deb depends on (xdg-utils, the X and GTK libraries); dpkg alone where apt is absent
  if command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$(readlink -f "$deb")" >/dev/null
  else
    dpkg -i "$deb" >/dev/null
  fi
  installed=1
  twinlab="$(command -v twinlab)" || fail "the .deb put no twinlab on the PATH"
  [ -f /usr/share/applications/twinlab-twinlab.desktop ] || ls /usr/share/applications/*twinlab* >/dev/null 2>&1 \
    || fail "the .deb installed no desktop entry"
  echo "package: installed $deb ($(du -h "$deb" | cut -f1)) as $twinlab -> $(readlink -f "$twinlab")"
else
  cp -a "$dist/twinlab" "$work/unpacked"
  twinlab="$work/unpacked/bin/twinlab"
  echo "package: unpacked the app image to $work/unpacked"
fi
# a fresh home: nothing from the build machine's ~/.twinlab or ~/.djl.ai helps the package
export HOME="$work/home"
mkdir -p "$HOME"

out="$("$twinlab" datasets 2>"$work/err")" || fail "twinlab datasets: exit $? $(cat "$work/err")"
grep -q "^fashion-mnist-sample *8000 train" <<<"$out" || fail "twinlab datasets does not list the sample: $out"
out="$("$twinlab" train --steps 5 2>"$work/err")" || fail "twinlab train --steps 5: exit $? $(tail -3 "$work/err")"
grep -q "finished after 5 steps" <<<"$out" || fail "twinlab train --steps 5: $out"
echo "package: datasets and a 5-step train ran ($(grep -o 'finished after .*' <<<"$out"))"
# the package's launcher can set no environment: the process restarts itself once under one glibc arena
out="$(env -u MALLOC_ARENA_MAX "$twinlab" bench --skip-training --augment-batches 1 --json 2>"$work/err")" \
  || fail "twinlab bench --skip-training: exit $? $(tail -3 "$work/err")"
grep -q '"mallocArenaMax":"1"' <<<"$out" || fail "the package did not run under MALLOC_ARENA_MAX=1: $out"
echo "package: it ran under one glibc arena (restarted itself with MALLOC_ARENA_MAX=1)"

set +e
env -u DISPLAY "$twinlab" >/dev/null 2>"$work/err"
code=$?
set -e
[ "$code" = 2 ] && [ "$(grep -cv '^WARNING' "$work/err")" = 1 ] && grep -q "^twinlab: no display" "$work/err" \
  || fail "without a display: exit $code, $(cat "$work/err")"

n=90
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
export DISPLAY=":$n"
"$twinlab" >"$work/win.out" 2>"$work/win.err" &
app=$!
win=""
for _ in $(seq 600); do
  win="$(xdotool search --onlyvisible --name '^Twinlab' 2>/dev/null | head -1 || true)"
  [ -n "$win" ] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.1
done
[ -n "$win" ] || fail "no window appeared in 60 s: $(tail -5 "$work/win.err")"
xwininfo -id "$win" | grep -q "Map State: IsViewable" || fail "the window is not viewable"
sleep 15
kill -0 "$app" 2>/dev/null || fail "the window ended by itself: $(tail -5 "$work/win.err")"
python3 "$here/x11-close-window.py" "$win"
for _ in $(seq 300); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app" 2>/dev/null && { kill "$app"; fail "the window did not exit within 30 s of being closed"; }
set +e
wait "$app"
code=$?
set -e
[ "$code" = 0 ] || fail "the window exited $code: $(tail -5 "$work/win.err")"
if grep -qE "Exception|^[[:space:]]+at " "$work/win.err"; then fail "a stack trace: $(grep -m3 -E 'Exception|at ' "$work/win.err")"; fi
[ -f "$HOME/.twinlab/window.properties" ] || fail "the window did not remember its size and place"
echo "package: the window appeared (xwininfo: viewable), ran 15 s, closed cleanly (exit 0, no stack trace)"
if [ "$installed" = 1 ]; then
  dpkg -r twinlab >/dev/null
  installed=0
  [ ! -e /usr/bin/twinlab ] || fail "dpkg -r left /usr/bin/twinlab"
  echo "package: removed again"
fi
