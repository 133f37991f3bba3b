#!/usr/bin/env bash
# One command for the performance figures of docs/benchmarks.md:
#   bash bench/perf.sh [small|large] [concurrency]
# Starts a PostgreSQL 15 and the packaged service on loopback, loads a synthetic data set through the
# API (batch ingest rate), drives the main endpoints with wrk at fixed concurrency (requests/s, p50,
# p99), runs pgbench on the same database as the physical baseline (select-only, and the exact SQL of
# a score read), and prints every API figure also as a ratio to pgbench. Everything stays on 127.0.0.1.
set -euo pipefail
SIZE=${1:-small}
CONC=${2:-16}
DURATION=${BENCH_DURATION:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/threshold-bench-$SIZE}
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=${BENCH_PG_PORT:-55433}
APPPORT=${BENCH_APP_PORT:-18080}
ISSUER=https://threshold.bench/issuer
OWNER=bench-owner

log() { printf '\n== %s\n' "$*"; }

# --- tools -------------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x "$PGBIN/postgres" ] || missing+=(postgresql-15)
[ -x "$PGBIN/pgbench" ] || missing+=(postgresql-15)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)

# --- PostgreSQL ----------------------------------------------------------------------------------------
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
# BENCH_REUSE=1 keeps the database of an earlier run of the same size (its data set stays loaded) and
# measures ingest with BENCH_INGEST extra interactions instead of reloading everything.
REUSE=0
if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$WORK/pg/PG_VERSION" ] && [ -f "$WORK/ids.json" ]; then
  REUSE=1
  for _ in $(seq 1 60); do [ -f "$WORK/pg/postmaster.pid" ] || break; sleep 1; done  # an earlier run still stopping
else
  rm -rf "$WORK" && mkdir -p "$WORK" && chown postgres "$WORK"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
fi
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c max_connections=200 -c max_wal_size=16GB -c checkpoint_timeout=15min -c wal_compression=${BENCH_WAL_COMPRESSION:-lz4}" >/dev/null
[ "$REUSE" = 1 ] || command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE threshold" >/dev/null

# --- keys, service, token --------------------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
# The service runs with the container image's own JVM settings (docker/Dockerfile.jvm: JAVA_OPTS,
# MALLOC_ARENA_MAX) unless BENCH_JAVA_OPTS replaces the JVM flags.
eval "$(python3 "$ROOT/bench/dockerfile-runtime.py" "$ROOT/docker/Dockerfile.jvm" | grep '^IMG_ENV=')"
for kv in "${IMG_ENV[@]}"; do
  case "$kv" in JAVA_OPTS=*) IMAGE_JAVA_OPTS=${kv#JAVA_OPTS=} ;; MALLOC_ARENA_MAX=*) export "$kv" ;; esac
done
JAVA_FLAGS=${BENCH_JAVA_OPTS:-$IMAGE_JAVA_OPTS}
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/threshold" \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" \
QUARKUS_HTTP_PORT=$APPPORT \
  java $JAVA_FLAGS -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$APPPORT/q/health/ready" >/dev/null && break
  sleep 1
done
TOKEN=$(python3 "$ROOT/bench/perf.py" token "$WORK/private.pem" "$ISSUER" "$OWNER")

log "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$REUSE" = 1 ]; then
  log "reuse: the $SIZE data set of an earlier run; ingest: ${BENCH_INGEST:-200000} more interactions"
  python3 "$ROOT/bench/perf.py" ingest "$APPPORT" "$TOKEN" "$WORK/ids.json" "${BENCH_INGEST:-200000}" "${BENCH_THREADS:-4}"
else
  log "load: $SIZE data set through the API"
  python3 "$ROOT/bench/perf.py" load "$APPPORT" "$TOKEN" "$SIZE" "$WORK/ids.json" "${BENCH_THREADS:-4}"
fi
python3 -c "import json;d=json.load(open('$WORK/ids.json'));open('$WORK/contacts.txt','w').write('\n'.join(d['contacts']));open('$WORK/actions.txt','w').write('\n'.join(d['actions']))"
command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d threshold -qc "VACUUM ANALYZE" >/dev/null

# --- API under wrk -------------------------------------------------------------------------------------
RSS_MAX=0
WARMUP=${BENCH_WARMUP:-5}
wrk_once() { # seconds template idsfile method
  wrk -t2 -c"$CONC" -d"$1s" --latency -s "$ROOT/bench/wrk.lua" "http://127.0.0.1:$APPPORT" \
      -- "$2" "$3" "$TOKEN" "$4" | grep RESULT
}
run_wrk() { # name template idsfile [method]; BENCH_ONLY (an extended regex) picks endpoints by name
  if [ -n "${BENCH_ONLY:-}" ] && ! [[ "$1" =~ $BENCH_ONLY ]]; then return 0; fi
  # every endpoint gets its own warm-up (its code JIT-compiled, its pages cached) before the measured run:
  # the figures are the steady state, not the first seconds of a cold code path
  wrk_once "$WARMUP" "$2" "$3" "${4:-GET}" >/dev/null
  local out
  out=$(wrk_once "$DURATION" "$2" "$3" "${4:-GET}")
  local rss
  rss=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
  [ "$rss" -gt "$RSS_MAX" ] && RSS_MAX=$rss
  printf '%-36s %s\n' "$1" "${out#RESULT }" | tee -a "$WORK/results.txt"
}
log "API, wrk -t2 -c$CONC -d${DURATION}s per endpoint, each after its own ${WARMUP} s warm-up"
: > "$WORK/results.txt"
run_wrk "GET /contacts/{id}/score" "/api/v1/contacts/{id}/score" "$WORK/contacts.txt"
run_wrk "GET /scores" "/api/v1/scores" "$WORK/contacts.txt"
run_wrk "GET /actions/{id}/contacts" "/api/v1/actions/{id}/contacts" "$WORK/actions.txt"
run_wrk "GET /network/summary" "/api/v1/network/summary" "$WORK/contacts.txt"
run_wrk "GET /network/recommendations" "/api/v1/network/recommendations" "$WORK/contacts.txt"
run_wrk "GET /contacts/{id}" "/api/v1/contacts/{id}" "$WORK/contacts.txt"
run_wrk "POST /contacts/{id}/interactions" "/api/v1/contacts/{id}/interactions" "$WORK/contacts.txt" POST

# --- pgbench baseline ----------------------------------------------------------------------------------
log "pgbench baseline at the same concurrency"
command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS pgbench" -qc "CREATE DATABASE pgbench" >/dev/null
"$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -i -q -s 10 pgbench >/dev/null 2>&1
SELECT_ONLY=$("$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -S -M prepared -c "$CONC" -j 2 -T "$DURATION" pgbench 2>/dev/null \
  | awk '/^tps/ {print int($3)}')
command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d threshold -qc \
  "DROP TABLE IF EXISTS bench_ids; CREATE TABLE bench_ids AS SELECT row_number() OVER () AS n, id FROM contacts WHERE owner_id = '$OWNER'; CREATE UNIQUE INDEX bench_ids_n ON bench_ids (n); ANALYZE bench_ids" >/dev/null
N=$(wc -l < "$WORK/contacts.txt"); N=$((N + 1))
cat > "$WORK/score-read.sql" <<SQL
\set n random(1, $N)
SELECT id AS cid FROM bench_ids WHERE n = :n \gset
SELECT c.in_key, c.out_key, c.type_keys, c.last_interaction_at, c.interaction_count, s.half_life_days, s.saturation, CAST(s.weights AS text), s.acquaintance_floor, s.friend_floor, s.ally_floor, CAST(s.cadence_days AS text), EXISTS (SELECT 1 FROM owners o WHERE o.owner_id = c.owner_id), (SELECT json_agg(json_build_array(a.id, a.name, a.threshold) ORDER BY a.threshold, a.name, a.id) FROM actions a WHERE a.owner_id = c.owner_id) FROM contacts c LEFT JOIN scoring_settings s ON s.owner_id = c.owner_id WHERE c.owner_id = '$OWNER' AND c.id = :cid;
SQL
SCORE_SQL=$("$PGBIN/pgbench" -h 127.0.0.1 -p "$PGPORT" -U postgres -n -r -M prepared -f "$WORK/score-read.sql" -c "$CONC" -j 2 -T "$DURATION" threshold 2>/dev/null)
SCORE_TPS=$(echo "$SCORE_SQL" | awk '/^tps/ {print int($3)}')
printf '%-36s tps=%s\n' "pgbench select-only (-S)" "$SELECT_ONLY"
printf '%-36s tps=%s (each transaction: an id lookup + the score-read SELECT)\n' "pgbench score-read SQL" "$SCORE_TPS"

log "ratios to pgbench select-only ($SELECT_ONLY tps)"
while read -r line; do
  name=$(echo "$line" | sed 's/ *rps=.*//'); rps=$(echo "$line" | sed 's/.*rps=\([0-9]*\).*/\1/')
  awk -v n="$name" -v r="$rps" -v b="$SELECT_ONLY" -v s="$SCORE_TPS" \
    'BEGIN { printf "%-36s %6.1f%% of select-only, %6.1f%% of score-read SQL\n", n, 100*r/b, 100*r/s }'
done < "$WORK/results.txt"
log "service RSS, max sampled after each run: $((RSS_MAX / 1024)) MB (JVM flags: $JAVA_FLAGS; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset})"
if [ "${BENCH_NMT:-0}" = 1 ]; then  # needs -XX:NativeMemoryTracking=summary in BENCH_JAVA_OPTS
  log "service native memory (jcmd VM.native_memory summary)"
  jcmd "$APP_PID" VM.native_memory summary | grep -E "^-|Total|committed=" | grep -E "Total|Java Heap|Class|Thread|Code|GC|Internal|Other|Symbol|Arena|Metaspace" | head -20
fi
