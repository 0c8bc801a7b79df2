#!/usr/bin/env bash
# Measures start-up as the README runs Capstan: from the JVM's launch to /readyz answering 200 (every family
# loaded), on a fresh H2 database and then on the one that run left behind, plus CPU time to ready, classes loaded
# and RSS once idle. Prints each run and the medians. See docs/benchmarks.md, "Start-up".
# Usage: bench/startup.sh [runs (5)] [command, its paths absolute (default: java -jar target/capstan.jar)]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
shift || true
root=$PWD
[ $# -gt 0 ] && CMD=("$@") || CMD=(java -jar "$root/target/capstan.jar")
PORT=${PORT:-3300}
IDLE=${IDLE:-10}
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
tick=$(getconf CLK_TCK)

# Whether /readyz answers 200, asked over bash's own socket: a curl every 10 ms would fork a process a hundred times a
# second and take its CPU from the JVM it measures, on two cores a measurable share.
ready() {
  local status=
  { printf 'GET /readyz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3; read -r -t 5 status <&3; } 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
  [[ $status == *" 200 "* ]]
}

# One start in directory $1: prints "ready_ms cpu_ms_at_ready classes_loaded rss_mb_idle classes_from_the_archives".
one() {
  local dir=$1 start now cpu classes rss shared
  start=$(date +%s%N)
  (cd "$dir" && PORT=$PORT exec "${CMD[@]}" > "$dir/log" 2>&1) & pid=$!
  until ready; do
    kill -0 "$pid" 2>/dev/null || { echo "Capstan exited; its log:" >&2; cat "$dir/log" >&2; exit 1; }
    sleep 0.01
  done
  now=$(date +%s%N)
  cpu=$(awk -v t="$tick" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$pid/stat")
  jcmd "$pid" PerfCounter.print > "$dir/counters" 2>/dev/null || true
  classes=$(awk -F= '/^java.cls.loadedClasses=/ { print $2 + 0 }' "$dir/counters")
  shared=$(awk -F= '/^java.cls.sharedLoadedClasses=/ { print $2 + 0 }' "$dir/counters")
  sleep "$IDLE"
  rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo "$(( (now - start) / 1000000 )) $cpu $classes $rss $shared"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "command: ${CMD[*]}; $RUNS runs each; RSS after ${IDLE} s idle"
for kind in fresh existing; do
  : > "$work/$kind"
  for i in $(seq 1 "$RUNS"); do
    dir="$work/run$i"
    if [ "$kind" = fresh ]; then
      rm -rf "$dir"; mkdir -p "$dir/data"
      [ "${FRESH_KEY:-}" != none ] && [ -f "$root/data/playground-github-key.pem" ] && cp "$root/data/playground-github-key.pem" "$dir/data/"
    fi
    line=$(one "$dir")
    echo "$kind run $i: ready ${line%% *} ms (CPU ms, classes from jars, RSS MB, classes from CDS archives: ${line#* })"
    echo "$line" >> "$work/$kind"
  done
  printf '%s median: ready %s ms, CPU to ready %s ms, classes loaded from jars %s (mapped from CDS archives %s), idle RSS %s MB\n' "$kind" \
    "$(cut -d' ' -f1 "$work/$kind" | median)" "$(cut -d' ' -f2 "$work/$kind" | median)" \
    "$(cut -d' ' -f3 "$work/$kind" | median)" "$(cut -d' ' -f5 "$work/$kind" | median)" "$(cut -d' ' -f4 "$work/$kind" | median)"
done
