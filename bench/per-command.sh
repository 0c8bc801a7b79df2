#!/usr/bin/env bash
# What one slow command (`/capstan ping job`) costs, counted rather than timed, so that it can be compared on a busy
# machine: the jar's CPU time (/proc/<pid>/stat) over a load and the drain of its replies, divided by the commands
# acked; on PostgreSQL also the commits (pg_stat_database) and the rows written per table (pg_stat_user_tables); and the
# jar's CPU by thread (the kernel keeps a thread's first 15 characters; digits shown as #), to tell the JIT's share.
# Usage: bench/per-command.sh JAR LABEL h2|postgres. Env: W (15 s warm-up), M (10 s measured), PORT (3500; the sink
# listens on +99). PostgreSQL: a fresh database on the local server (psql -h 127.0.0.1 -U postgres), dropped at exit.
set -euo pipefail
JAR=$(realpath "$1") LABEL=$2 DB=$3
cd "$(dirname "$0")/.."
SRC=.
PORT=${PORT:-3500} SINKP=$((PORT+99)) SECRET=bench-secret
W=${W:-15} M=${M:-10}
work=$(mktemp -d)
java -Dsun.net.httpserver.nodelay=true -cp "$JAR" $SRC/bench/Sink.java $SINKP > $work/sink.log 2>&1 & sink=$!
trap 'kill $sink $cap 2>/dev/null; wait $cap 2>/dev/null; [ -n "${pgdb:-}" ] && psql -h 127.0.0.1 -U postgres -qc "drop database if exists $pgdb" >/dev/null 2>&1; rm -rf $work' EXIT
for _ in $(seq 1 400); do curl -sf -o /dev/null http://127.0.0.1:$SINKP/count && break; sleep 0.05; done
if [ "$DB" = h2 ]; then url="jdbc:h2:file:$work/h2/capstan"; else pgdb=cpu_$$; psql -h 127.0.0.1 -U postgres -qc "create database $pgdb" >/dev/null; url="jdbc:postgresql://127.0.0.1:5432/$pgdb?user=postgres"; fi
(cd $work && PORT=$PORT SLACK_SIGNING_SECRET=$SECRET SLACK_BOT_TOKEN=xoxb-bench SLACK_API_URL=http://127.0.0.1:$SINKP/api/ GITHUB_WEBHOOK_SECRET=$SECRET DATABASE_URL="$url" exec java -Xmx512m ${CAPSTAN_JAVA_OPTS:-} -jar "$JAR" > $work/capstan.log 2>&1) & cap=$!
for _ in $(seq 1 1200); do curl -sf -o /dev/null http://127.0.0.1:$PORT/readyz && break; sleep 0.05; done
sleep 2
ticks() { awk '{ print $14 + $15 }' /proc/$cap/stat; }
commits() { [ "$DB" = postgres ] && psql -h 127.0.0.1 -U postgres -tAc "select xact_commit from pg_stat_database where datname = '$pgdb'" || echo 0; }
tabs() { [ "$DB" = postgres ] && psql -h 127.0.0.1 -U postgres -d $pgdb -tAF' ' -c "select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan,0)+coalesce(seq_scan,0) from pg_stat_user_tables where relname in ('scheduled_tasks','audit_log','job_keys','sent_messages','people') order by relname" || true; }
# CPU ticks by thread name, the threads of a pool summed.
threads() {
  for t in /proc/$cap/task/*; do
    awk '{ match($0, /\(.*\)/); n = substr($0, RSTART + 1, RLENGTH - 2); gsub(/[0-9]+/, "#", n); gsub(/ /, "_", n)
           split(substr($0, RSTART + RLENGTH + 1), f, " "); print n, f[12] + f[13] }' "$t/stat" 2>/dev/null || true  # a thread may end meanwhile
  done | awk '{ a[$1] += $2 } END { for (k in a) print k, a[k] }' | sort
}
threads > $work/th0; tabs > $work/tabs0; t0=$(ticks); c0=$(commits); r0=$(curl -s http://127.0.0.1:$SINKP/count); s0=$(date +%s.%N)
out=$(java -cp "$JAR" $SRC/bench/LoadGen.java http://127.0.0.1:$PORT/slack/commands $SECRET "/capstan ping job" 8 $W $M http://127.0.0.1:$SINKP/hooks/1 "$LABEL" "Working on")
acked=$(awk '{ for (i = 1; i < NF; i++) if ($i == "acked") print $(i+1) }' <<< "$out")
tl=$(date +%s.%N)
last=-1; still=0
while :; do seen=$(( $(curl -s http://127.0.0.1:$SINKP/count) - r0 )); [ $seen -ge $acked ] && break; [ "$seen" = "$last" ] && still=$((still+1)) || still=0; last=$seen; [ $still -ge 100 ] && break; sleep 0.1; done
td=$(date +%s.%N)
threads > $work/th1
t1=$(ticks); c1=$(commits); sleep 1; tabs > $work/tabs1  # the statistics lag a little behind
awk -v l="$LABEL" -v a=$acked -v s=$seen -v t=$((t1-t0)) -v c=$((c1-c0)) -v st=$s0 -v tl=$tl -v td=$td 'BEGIN { printf "%s: acked %d seen %d, CPU %.2f ms/command, commits/command %.2f, replies/s over load+drain %.0f, drain %.1f s\n", l, a, s, t*10/a, c/a, s/(td-st), td-tl }'
echo "  $out"
[ "$DB" = postgres ] && join $work/tabs0 $work/tabs1 | awk -v a=$acked '{ printf "  %s per command: inserted %.2f updated %.2f deleted %.2f scans %.2f\n", $1, ($6-$2)/a, ($7-$3)/a, ($8-$4)/a, ($9-$5)/a }' || true
join -a2 -e0 -o 0,1.2,2.2 $work/th0 $work/th1 | awk '{ d = $3 - $2; if (d >= 50) printf "  thread %-16s %6.1f s CPU\n", $1, d / 100 }' | sort -k3 -nr
