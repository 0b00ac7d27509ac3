#!/usr/bin/env bash
# Where a Twinlab JVM's resident memory is, sampled every few seconds while it runs: the whole process
# (VmRSS); the Java heap's resident pages (the mappings inside the range jcmd GC.heap_info prints) and its
# committed and used size; file-backed pages (the .so files, the jars); and the other anonymous memory:
# glibc's malloc (libtorch's tensors, the JVM's own mallocs), thread stacks, code cache. With
# -XX:NativeMemoryTracking=summary, NMT's committed total and its malloc figure (what the JVM itself malloc'ed)
# are printed too: libtorch's malloc is not in NMT, so native_mb minus NMT's malloc is roughly libtorch + glibc.
# Usage: scripts/mem-split.sh PID [SECONDS]   (one line per sample, MB)
set -uo pipefail
pid=$1
every=${2:-5}
echo "time rss_mb javaheap_rss_mb heap_committed_mb heap_used_mb file_mb native_mb nmt_committed_mb nmt_malloc_mb"
while kill -0 "$pid" 2>/dev/null; do
  info=$(jcmd "$pid" GC.heap_info 2>/dev/null | grep -m1 'garbage-first heap\|total reserved')
  lo=$(sed -n 's/.*\[0x\([0-9a-f]*\), 0x\([0-9a-f]*\)).*/\1/p' <<<"$info")
  hi=$(sed -n 's/.*\[0x\([0-9a-f]*\), 0x\([0-9a-f]*\)).*/\2/p' <<<"$info")
  committed=$(sed -n 's/.*committed \([0-9]*\)K.*/\1/p' <<<"$info")
  used=$(sed -n 's/.*used \([0-9]*\)K.*/\1/p' <<<"$info")
  read -r rss jh file other < <(awk -v lo="${lo:-0}" -v hi="${hi:-0}" '
    function hex(s,   i, n, c) { n = 0; s = tolower(s); for (i = 1; i <= length(s); i++) { c = index("0123456789abcdef", substr(s, i, 1)) - 1; n = n * 16 + c } return n }
    BEGIN { L = hex(lo); H = hex(hi) }
    /^[0-9a-f]+-[0-9a-f]+ / { split($1, a, "-"); s = hex(a[1]); name = $6
      kind = (s >= L && s < H) ? "java" : (name ~ /^\// ? "file" : "other") }
    /^Rss:/ { r[kind] += $2; t += $2 }
    END { printf "%d %d %d %d\n", t/1024, r["java"]/1024, r["file"]/1024, r["other"]/1024 }' "/proc/$pid/smaps" 2>/dev/null)
  nmt=$(jcmd "$pid" VM.native_memory summary scale=MB 2>/dev/null | awk '/^Total:/ { for (i=1;i<=NF;i++) if ($i ~ /^committed=/) { sub("committed=","",$i); sub("MB","",$i); c=$i } }
    /^ *malloc: / && !m { m=$2; sub("MB","",m) } END { printf "%s %s", (c==""?"-":c), (m==""?"-":m) }')
  echo "$(date +%T) ${rss:-0} ${jh:-0} $(( ${committed:-0} / 1024 )) $(( ${used:-0} / 1024 )) ${file:-0} ${other:-0} $nmt"
  sleep "$every"
done
