#!/usr/bin/env bash
# Drives the Capstan jar and two bare Bolt-for-Java apps (ack only; ack then reply through response_url from a worker
# pool) with the same signed slash commands from one load generator, one server at a time: on H2, then on PostgreSQL.
# Before each round every reply owed by the round before has reached the sink (or stopped coming), so no round
# shares the cores with the last one's job workers. Prints start-up time and idle RSS, a summary table, and each
# target's verdict; exits non-zero when one is missed. See docs/benchmarks.md.
# Env: CONNECTIONS (8), WARMUP (60 s), MEASURE (20 s), DATABASES ("h2 postgres"), PEER_NEXT_TO_EACH (1: the async-reply
# peer is measured again just before each Capstan round and compared with that round; 0: once, first), BENCH_PG_URL (a jdbc:postgresql
# URL; default: a fresh database on the local server), ROUNDS ("help job webhook": which of Capstan's loads to run), CAPSTAN_JAVA_OPTS (extra options for Capstan only, e.g. a
# flight recording), DRAIN_TIMEOUT (300 s), JAR (target/capstan.jar), BEFORE_JAR (an older build: each database's
# round then runs it first, labelled "before", for a before/after in one run), BENCH_PORT (3100: Capstan's port; the sink listens on +99, the bare apps
# on +100).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-60}
MEASURE=${MEASURE:-20}
DATABASES=${DATABASES:-h2 postgres}
ROUNDS=${ROUNDS:-help job webhook}
has() { [[ " $ROUNDS " == *" $1 "* ]]; }
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-300}
SECRET=bench-secret
JAR=${JAR:-target/capstan.jar}
BEFORE_JAR=${BEFORE_JAR:-}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
CAPSTAN_JAVA_OPTS=${CAPSTAN_JAVA_OPTS:-}
BENCH_PORT=${BENCH_PORT:-3100}
SINK_PORT=$((BENCH_PORT + 99))
BARE_PORT=$((BENCH_PORT + 100))
SINK=http://127.0.0.1:$SINK_PORT
CAPSTAN=http://127.0.0.1:$BENCH_PORT
[ -f "$JAR" ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
pids=()
pg_dbs=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  for db in "${pg_dbs[@]}"; do psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# One row per measured load, '|'-separated: label, peer label, req/s, p50, p99, errors, replies owed, drain seconds, replies seen.
: > "$work/rows"
: > "$work/starts"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
wait_for() { for _ in $(seq 1 1200); do curl -sf -o /dev/null "$1" && return 0; sleep 0.05; done; echo "timed out waiting for $1" >&2; exit 1; }
replies() { curl -s "$SINK/count"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
field() { awk -v name="$2" '{ for (i = 1; i < NF; i++) if ($i == name) { print $(i + 1); exit } }' <<< "$1"; }
before() { awk -v name="$2" '{ for (i = 2; i <= NF; i++) if ($i == name) { print $(i - 1); exit } }' <<< "$1"; }

# Waits until the sink has seen every reply owed since $1 (the count before the round), or until the count has
# stopped rising for 5 s; prints the seconds it took.
drain() {
  local from=$1 owed=$2 started last seen still=0
  started=$(now); last=$(replies)
  while :; do
    seen=$(replies)
    [ $((seen - from)) -ge "$owed" ] && break
    if [ "$seen" = "$last" ]; then still=$((still + 1)); else still=0; last=$seen; fi
    [ "$still" -ge 50 ] && break
    awk -v s="$(since "$started")" -v t="$DRAIN_TIMEOUT" 'BEGIN { exit !(s > t) }' && break
    sleep 0.1
  done
  since "$started"
}

# load URL "COMMAND TEXT" LABEL EXPECT PEER REPLIES: one measured round; REPLIES=1 when each ack owes a reply.
load() {
  local url=$1 line=$2 label=$3 expect=$4 peer=$5 owes=$6 from out owed=0 took=0 seen=0
  from=$(replies)
  out=$(java -cp "$JAR" bench/LoadGen.java "$url" "$SECRET" "$line" "$CONNECTIONS" "$WARMUP" "$MEASURE" "$SINK/hooks/1" "$label" "$expect")
  echo "$out"
  if [ "$owes" = 1 ]; then
    owed=$(field "$out" acked)
    took=$(drain "$from" "$owed")
    seen=$(( $(replies) - from ))
    echo "  replies: $seen of $owed reached the sink, the last $took s after the load stopped"
  fi
  printf '%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$label" "$peer" "$(before "$out" req/s)" "$(field "$out" p50)" \
    "$(field "$out" p99)" "$(field "$out" errors)" "$owed" "$took" "$seen" >> "$work/rows"
}

# started LABEL PID T0 URL: waits for URL, records the time since T0 and the RSS once settled.
started() {
  local label=$1 pid=$2 t0=$3 url=$4 ready rss
  wait_for "$url"; ready=$(since "$t0")
  sleep 2; rss=$(rss_mb "$pid")
  printf '%s|%s|%s\n' "$label" "$ready" "$rss" >> "$work/starts"
  echo "$label: ready in ${ready} s, idle RSS ${rss} MB"
}

java -Dsun.net.httpserver.nodelay=true -cp "$JAR" bench/Sink.java $SINK_PORT > "$work/sink.log" 2>&1 & pids+=($!)
wait_for "$SINK/count"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $CONNECTIONS connections; ${WARMUP}s warm-up, ${MEASURE}s measured"

bare() {
  local mode=$1 label=$2 line=$3 expect=$4 owes=$5 t0 pid
  t0=$(now)
  java $JAVA_OPTS -cp "$JAR" bench/BareBoltApp.java $BARE_PORT "$SECRET" "$mode" > "$work/bare-$mode.log" 2>&1 & pid=$!
  pids+=($pid)
  for _ in $(seq 1 600); do grep -qs listening "$work/bare-$mode.log" && break; sleep 0.05; done
  echo "$label: listening in $(since "$t0") s (compiled from source at start, so not comparable), RSS $(rss_mb "$pid") MB"
  load http://127.0.0.1:$BARE_PORT/slack/commands "$line" "$label" "$expect" "" "$owes"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
{ has help || has webhook; } && bare ack "bare Bolt, ack only" "/capstan help" "" 0
# The async-reply peer is measured next to each Capstan round (just before it), unless PEER_NEXT_TO_EACH=0: on a machine
# whose speed drifts (a shared host), a peer measured minutes earlier is no yardstick.
PEER_NEXT_TO_EACH=${PEER_NEXT_TO_EACH:-1}
job_peer="bare Bolt, async reply"
has job && [ "$PEER_NEXT_TO_EACH" != 1 ] && bare async "$job_peer" "/capstan ping job" "Working on" 1

start_capstan() {
  local label=$1 url=$2 jar=$3 t0
  t0=$(now)
  (cd "$work" && PORT=$BENCH_PORT SLACK_SIGNING_SECRET=$SECRET SLACK_BOT_TOKEN=xoxb-bench SLACK_API_URL=$SINK/api/ \
     GITHUB_WEBHOOK_SECRET=$SECRET \
     DATABASE_URL="$url" exec java $JAVA_OPTS $CAPSTAN_JAVA_OPTS -jar "$jar" > "$work/capstan-$label.log" 2>&1) &
  capstan=$!
  pids+=($capstan)
  started "capstan $label" "$capstan" "$t0" $CAPSTAN/readyz
}

run_capstan() {
  local label=$1 url=$2 jar=$3
  if has job && [ "$PEER_NEXT_TO_EACH" = 1 ]; then
    job_peer="bare Bolt, async reply, next to capstan $label"
    bare async "$job_peer" "/capstan ping job" "Working on" 1
  fi
  start_capstan "$label, fresh database" "$url" "$jar"
  has help && load $CAPSTAN/slack/commands "/capstan help" "capstan $label: help" "What you can run here" "bare Bolt, ack only" 0
  has job && load $CAPSTAN/slack/commands "/capstan ping job" "capstan $label: ping job" "Working on" "$job_peer" 1
  has webhook && webhooks "$label"
  kill "$capstan"; wait "$capstan" 2>/dev/null || true
  start_capstan "$label, existing database" "$url" "$jar"
  kill "$capstan"; wait "$capstan" 2>/dev/null || true
}

# Signed GitHub deliveries, each new: verified, recorded and handed to the directory (which subscribes to membership).
webhooks() {
  local label=$1 out
  out=$(java -cp "$JAR" bench/WebhookLoad.java $CAPSTAN/github/webhook "$SECRET" membership \
    '{"action":"added","scope":"team","member":{"login":"octocat","id":1},"team":{"id":424242,"name":"bench"},"organization":{"login":"acme"}}' \
    "$CONNECTIONS" "$WARMUP" "$MEASURE" "capstan $label: webhook")
  echo "$out"
  printf '%s|%s|%s|%s|%s|%s|0|0|0\n' "capstan $label: webhook" "bare Bolt, ack only" "$(before "$out" req/s)" \
    "$(field "$out" p50)" "$(field "$out" p99)" "$(field "$out" errors)" >> "$work/rows"
}

# fresh_pg: sets pg_url to a new database on the local server (or to BENCH_PG_URL as it is); dropped at exit.
fresh_pg() {
  pg_url=${BENCH_PG_URL:-}
  [ -n "$pg_url" ] && return
  command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1 || return 0
  local name=capstan_bench_$$_${#pg_dbs[@]}
  pg_dbs+=("$name")
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $name" -c "create database $name" >/dev/null 2>&1
  pg_url="jdbc:postgresql://127.0.0.1:5432/$name?user=postgres"
  [ "$(psql -h 127.0.0.1 -U postgres -Atc 'show autovacuum' 2>/dev/null)" = off ] && echo "note: this PostgreSQL server has" \
    "autovacuum off, so the job table's dead rows pile up and picks slow down as a round goes on (docs/benchmarks.md)"
  return 0
}

jars=("|$(realpath "$JAR")")
[ -n "$BEFORE_JAR" ] && jars=(" before|$(realpath "$BEFORE_JAR")" "${jars[@]}")
for db in $DATABASES; do
  for entry in "${jars[@]}"; do
    tag=${entry%%|*} jar=${entry#*|}
    case $db in
      h2) run_capstan "h2$tag" "jdbc:h2:file:$work/h2${tag// /-}/capstan" "$jar" ;;
      postgres)
        fresh_pg
        if [ -n "$pg_url" ]; then run_capstan "postgres$tag" "$pg_url" "$jar"; else echo "no PostgreSQL reachable: set BENCH_PG_URL to include it"; fi ;;
    esac
  done
done

# Targets (issues 2 and 21): help >= 0.5x the ack-only app; ping job >= 0.33x the async-reply app with every reply
# delivered; every Capstan p99 <= 50 ms; no errors.
echo
# replies/s: every reply owed by the round over the whole round (warm-up, measured time and drain), the rate at which
# the work was done rather than acked.
rate_of() { awk -v n="$1" -v t="$2" -v w="$WARMUP" -v m="$MEASURE" 'BEGIN { printf "%.0f", n / (w + m + t) }'; }
echo "| what | req/s | p50 ms | p99 ms | errors | vs peer | replies delivered | drained after | replies/s | replies/s vs peer | target |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
missed=0
while IFS='|' read -r label peer rps p50 p99 errors owed took seen; do
  ratio="" verdict="" need="" work_ratio=""
  if [ -n "$peer" ]; then
    base=$(awk -F'|' -v p="$peer" '$1 == p { print $3 }' "$work/rows")
    peer_rate=$(awk -F'|' -v p="$peer" '$1 == p && $7 != 0 { print $9 "|" $8 }' "$work/rows")
    if [ "$owed" != 0 ] && [ -n "$peer_rate" ]; then
      work_ratio=$(awk -v a="$(rate_of "$seen" "$took")" -v b="$(rate_of "${peer_rate%|*}" "${peer_rate#*|}")" \
        'BEGIN { if (b > 0) printf "%.2f×", a / b }')
    fi
    ratio=$(awk -v a="$rps" -v b="${base:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    case $label in
      *help) need=0.5 ;;
      *"ping job") need=0.33 ;;
    esac
  fi
  if [ "${label#capstan}" != "$label" ]; then
    verdict=ok
    awk -v p="$p99" 'BEGIN { exit !(p > 50) }' && verdict="MISSED p99 <= 50 ms" && missed=1
    [ -n "$need" ] && [ "$ratio" != n/a ] && awk -v r="$ratio" -v n="$need" 'BEGIN { exit !(r < n) }' && verdict="MISSED >= ${need}x" && missed=1
    [ "$owed" != 0 ] && [ "$seen" -lt "$owed" ] && verdict="MISSED: $((owed - seen)) replies lost" && missed=1
    [ "$errors" != 0 ] && verdict="MISSED: $errors errors" && missed=1
  fi
  delivered=""; [ "$owed" != 0 ] && delivered="$seen of $owed"
  drained="" rate=""
  if [ "$owed" != 0 ]; then
    drained="$took s"
    rate=$(rate_of "$seen" "$took")
  fi
  echo "| $label | $rps | $p50 | $p99 | $errors | ${ratio:+${ratio}×} | $delivered | $drained | $rate | $work_ratio | $verdict |"
done < "$work/rows"
echo
echo "| start-up | ready from launch to /readyz | idle RSS |"
echo "|---|---:|---:|"
while IFS='|' read -r label ready rss; do echo "| $label | $ready s | $rss MB |"; done < "$work/starts"
exit $missed
