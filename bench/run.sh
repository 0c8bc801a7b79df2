#!/usr/bin/env bash
# Starts the Capstan jar and a bare Bolt-for-Java app side by side and drives both with the same signed slash
# command from one load generator, on H2 and then on PostgreSQL, and checks the targets. See docs/benchmarks.md.
# Env: CONNECTIONS (8), WARMUP (60 s), MEASURE (20 s), BENCH_PG_URL (a jdbc:postgresql URL; default: the local server).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-60}
MEASURE=${MEASURE:-20}
SECRET=bench-secret
JAR=target/capstan.jar
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
[ -f "$JAR" ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "timed out waiting for $1" >&2; exit 1; }
load() { java -cp "$JAR" bench/LoadGen.java "$1" "$SECRET" "$2" "$CONNECTIONS" "$WARMUP" "$MEASURE" "http://127.0.0.1:3199/hooks/1" "$3" "$4" | tee -a "$work/results"; }
field() { awk -v label="$1" -v col="$2" 'index($0, label) == 1 { for (i = 1; i <= NF; i++) if ($i == col) print $(i - 1) }' "$work/results"; }
after() { awk -v label="$1" -v col="$2" 'index($0, label) == 1 { for (i = 1; i <= NF; i++) if ($i == col) print $(i + 1) }' "$work/results"; }

java -cp "$JAR" bench/Sink.java 3199 > "$work/sink.log" 2>&1 & pids+=($!)
java $JAVA_OPTS -cp "$JAR" bench/BareBoltApp.java 3200 "$SECRET" > "$work/bare.log" 2>&1 & pids+=($!)
wait_for http://127.0.0.1:3199/count
for _ in $(seq 1 60); do grep -q listening "$work/bare.log" && break; sleep 0.5; done
echo "machine: $(nproc) cores; $CONNECTIONS connections; ${WARMUP}s warm-up, ${MEASURE}s measured"
load http://127.0.0.1:3200/slack/commands "/capstan help" "bare Bolt app (ack only)" ""

run_capstan() {
  local label=$1 url=$2
  (cd "$work" && PORT=3100 SLACK_SIGNING_SECRET=$SECRET SLACK_BOT_TOKEN=xoxb-bench SLACK_API_URL=http://127.0.0.1:3199/api/ \
     GITHUB_WEBHOOK_SECRET=$SECRET \
     DATABASE_URL="$url" exec java $JAVA_OPTS -jar "$OLDPWD/$JAR" > "$work/capstan-$label.log" 2>&1) & local pid=$!
  pids+=($pid)
  wait_for http://127.0.0.1:3100/readyz
  load http://127.0.0.1:3100/slack/commands "/capstan help" "capstan $label: help" "What you can run here"
  load http://127.0.0.1:3100/slack/commands "/capstan ping job" "capstan $label: ping job (slow)" "Working on"
  # Signed GitHub deliveries, each new: verified, recorded and handed to the directory (which subscribes to membership).
  java -cp "$JAR" bench/WebhookLoad.java http://127.0.0.1:3100/github/webhook "$SECRET" membership \
    '{"action":"added","scope":"team","member":{"login":"octocat","id":1},"team":{"id":424242,"name":"bench"},"organization":{"login":"acme"}}' \
    "$CONNECTIONS" "$WARMUP" "$MEASURE" "capstan $label: github webhook" | tee -a "$work/results"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run_capstan h2 "jdbc:h2:file:$work/h2/capstan"
PG_URL=${BENCH_PG_URL:-}
if [ -z "$PG_URL" ] && command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -qc 'drop database if exists capstan_bench' -c 'create database capstan_bench' >/dev/null 2>&1
  PG_URL="jdbc:postgresql://127.0.0.1:5432/capstan_bench?user=postgres"
fi
if [ -n "$PG_URL" ]; then run_capstan postgres "$PG_URL"; else echo "no PostgreSQL reachable: set BENCH_PG_URL to include it"; fi
echo "response_url posts delivered by job workers so far: $(curl -s http://127.0.0.1:3199/count)"

# Targets (issue 2): help at >= 0.5x the bare app's throughput; every Capstan p99 <= 50 ms; no errors.
bare=$(field "bare Bolt app" "req/s")
missed=0
while read -r line; do
  label=${line%%:*}; rest=${line#*: }; what=${rest%% *}
  [ "${line#capstan}" = "$line" ] && continue
  rps=$(field "$line" "req/s"); p99=$(after "$line" "p99"); errors=$(after "$line" "errors")
  verdict=ok
  awk -v p="$p99" 'BEGIN { exit !(p > 50) }' && verdict="MISSED p99 <= 50 ms" && missed=1
  [ "$errors" != 0 ] && verdict="MISSED: $errors errors" && missed=1
  if [ "$what" = help ]; then
    ratio=$(awk -v a="$rps" -v b="$bare" 'BEGIN { printf "%.2f", a / b }')
    awk -v r="$ratio" 'BEGIN { exit !(r < 0.5) }' && verdict="MISSED >= 0.5x bare" && missed=1
    echo "target $label help: ${ratio}x the bare app, p99 ${p99} ms: $verdict"
  else
    echo "target $label $what: p99 ${p99} ms: $verdict"
  fi
done < <(cut -c1-28 "$work/results" | sed 's/ *$//')
exit $missed
