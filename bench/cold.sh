#!/usr/bin/env bash
# The cold curve of docs/benchmarks.md (issue 16): how fast a freshly started instance serves the score read.
#   bash bench/cold.sh [variant...]            variants: see below; default "image"
# Starts a throw-away PostgreSQL 15 on loopback with the "small" data set of bench/perf.sh (1,000 contacts,
# 50,000 interactions, loaded once through the API by a service that is then stopped), then, for each variant
# in turn (repeated BENCH_ROUNDS times, interleaved: a b a b):
#   1. starts the packaged jar fresh (`java … -jar quarkus-run.jar`), and times process start → /q/health/started
#      UP and → /q/health/ready UP (polled every 50 ms);
#   2. from the moment readiness is UP, drives GET /contacts/{id}/score with wrk (as perf.sh does: 2 threads,
#      16 connections, a random contact per request) in consecutive 2 s runs for BENCH_COLD_SECONDS (60) and
#      prints req/s and p99 of each;
#   3. then the warm figure: one BENCH_DURATION (20) s run on the now warm instance; the RSS after it.
# Every line carries the 1-minute load average: this 2-core machine is shared, so compare the variants of one
# run (interleaved), never figures of different runs.
#
# Variants (the JVM flags are the image's own, read from docker/Dockerfile.jvm, like bench/perf.sh):
#   image      the container image's command: its java (BENCH_IMAGE_JAVA, default Temurin 25 under /usr/lib/jvm
#              if present, see docker/Dockerfile.jvm) with JAVA_OPTS, on the jar of BENCH_APP (target/quarkus-app)
#   jdk17      the same jar and flags on the default java (17)
#   nowarm     "image" with threshold.warm-up.enabled=false (readiness as soon as the database answers)
#   ideal      "nowarm", then BENCH_IDEAL_SECONDS (16) s of the benchmark's own score reads of found contacts before the curve
#              starts: what a warm-up that read real rows would give at best (a yardstick, not a way to run)
#   custom     BENCH_CUSTOM_JAVA (java) with BENCH_CUSTOM_FLAGS on BENCH_CUSTOM_APP (target/quarkus-app)
#   before     java 17, the image's flags of the time, on BENCH_BEFORE_APP (a quarkus-app directory of an older build)
# Knobs: BENCH_ROUNDS (1), BENCH_COLD_SECONDS (60), BENCH_DURATION (20), BENCH_REUSE=1 (keep the loaded database
# of an earlier run), BENCH_PG_PORT (55441), BENCH_APP_PORT (18091), BENCH_WORK (/tmp/threshold-cold).
set -euo pipefail
ROOT=${BENCH_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
WORK=${BENCH_WORK:-/tmp/threshold-cold}
PGBIN=/usr/lib/postgresql/15/bin
PGPORT=${BENCH_PG_PORT:-55441}
APPPORT=${BENCH_APP_PORT:-18091}
ROUNDS=${BENCH_ROUNDS:-1}
COLD_SECONDS=${BENCH_COLD_SECONDS:-60}
DURATION=${BENCH_DURATION:-20}
ISSUER=https://threshold.bench/issuer
OWNER=bench-owner
VARIANTS=("$@")
[ ${#VARIANTS[@]} -gt 0 ] || VARIANTS=(image)
JDK25=$(ls -d /usr/lib/jvm/temurin-25-jdk-* 2>/dev/null | head -1 || true)

log() { printf '\n== %s\n' "$*"; }
load1() { cut -d' ' -f1 /proc/loadavg; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x "$PGBIN/postgres" ] || missing+=(postgresql-15)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f "$ROOT/target/quarkus-app/quarkus-run.jar" ] || (cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests)

APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- PostgreSQL and the data set ----------------------------------------------------------------------
REUSE=0
if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$WORK/pg/PG_VERSION" ] && [ -f "$WORK/ids.json" ]; then
  REUSE=1
else
  rm -rf "$WORK" && mkdir -p "$WORK" && chown postgres "$WORK"
  runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
fi
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=200 -c max_wal_size=4GB -c wal_compression=lz4" >/dev/null
[ "$REUSE" = 1 ] || command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE threshold" >/dev/null
[ -f "$WORK/private.pem" ] || {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
  openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
}

# The image's runtime settings (JAVA_OPTS, MALLOC_ARENA_MAX), as bench/perf.sh reads them.
eval "$(python3 "$ROOT/bench/dockerfile-runtime.py" "$ROOT/docker/Dockerfile.jvm" | grep '^IMG_ENV=')"
IMAGE_JAVA_OPTS=
for kv in "${IMG_ENV[@]}"; do
  case "$kv" in JAVA_OPTS=*) IMAGE_JAVA_OPTS=${kv#JAVA_OPTS=} ;; MALLOC_ARENA_MAX=*) export "$kv" ;; esac
done
IMAGE_JAVA=${BENCH_IMAGE_JAVA:-${JDK25:+$JDK25/bin/java}}
IMAGE_JAVA=${IMAGE_JAVA:-java}

# start_app JAVA APPDIR FLAGS...: the service in the background, its pid in APP_PID, its start time in T0
start_app() {
  local javabin=$1 appdir=$2; shift 2
  T0=$(date +%s.%N)
  (cd "$appdir" && QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/threshold" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" \
    QUARKUS_HTTP_PORT=$APPPORT \
    exec "$javabin" "$@" -jar quarkus-run.jar) > "$WORK/app.log" 2>&1 &
  APP_PID=$!
}
stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}
# wait_up PATH: seconds from T0 until PATH answers 200 (polled every 50 ms, at most 180 s)
wait_up() {
  local i
  for ((i = 0; i < 3600; i++)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$APPPORT$1" || true)" = 200 ]; then
      awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "service died, see $WORK/app.log" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "not up after 180 s: $1" >&2; exit 1
}

if [ "$REUSE" = 0 ]; then
  log "load: the small data set through the API (a service started for this, then stopped)"
  start_app java "$ROOT/target/quarkus-app" $IMAGE_JAVA_OPTS
  wait_up /q/health/ready >/dev/null
  TOKEN=$(python3 "$ROOT/bench/perf.py" token "$WORK/private.pem" "$ISSUER" "$OWNER")
  python3 "$ROOT/bench/perf.py" load "$APPPORT" "$TOKEN" small "$WORK/ids.json" 4
  stop_app
  command psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d threshold -qc "VACUUM ANALYZE" >/dev/null
fi
python3 -c "import json;d=json.load(open('$WORK/ids.json'));open('$WORK/contacts.txt','w').write('\n'.join(d['contacts']))"
TOKEN=$(python3 "$ROOT/bench/perf.py" token "$WORK/private.pem" "$ISSUER" "$OWNER")

wrk_run() { # seconds -> "rps p99_ms"
  wrk -t2 -c16 -d"$1s" --latency -s "$ROOT/bench/wrk.lua" "http://127.0.0.1:$APPPORT" \
      -- "/api/v1/contacts/{id}/score" "$WORK/contacts.txt" "$TOKEN" GET \
    | sed -n 's/^RESULT rps=\([0-9]*\) p50_ms=[0-9.]* p99_ms=\([0-9.]*\) errors=\([0-9]*\) non2xx=\([0-9]*\).*/\1 \2 \3 \4/p'
}

variant() { # name -> sets V_JAVA V_APP V_FLAGS V_PREWARM
  V_PREWARM=0
  case "$1" in
    image) V_JAVA=$IMAGE_JAVA V_APP=$ROOT/target/quarkus-app V_FLAGS=$IMAGE_JAVA_OPTS ;;
    jdk17) V_JAVA=java V_APP=$ROOT/target/quarkus-app V_FLAGS=$IMAGE_JAVA_OPTS ;;
    nowarm) V_JAVA=$IMAGE_JAVA V_APP=$ROOT/target/quarkus-app V_FLAGS="$IMAGE_JAVA_OPTS -Dthreshold.warm-up.enabled=false" ;;
    ideal) V_JAVA=$IMAGE_JAVA V_APP=$ROOT/target/quarkus-app V_FLAGS="$IMAGE_JAVA_OPTS -Dthreshold.warm-up.enabled=false"
           V_PREWARM=${BENCH_IDEAL_SECONDS:-16} ;;
    aot) V_JAVA=$IMAGE_JAVA V_APP=$ROOT/target/quarkus-app V_FLAGS="$IMAGE_JAVA_OPTS -XX:AOTCache=$WORK/app.aot" ;;
    custom) V_JAVA=${BENCH_CUSTOM_JAVA:-java} V_APP=${BENCH_CUSTOM_APP:-$ROOT/target/quarkus-app} V_FLAGS=${BENCH_CUSTOM_FLAGS:-$IMAGE_JAVA_OPTS} ;;
    before) V_JAVA=java V_APP=${BENCH_BEFORE_APP:?a quarkus-app directory of the build to compare with}
            V_FLAGS=${BENCH_BEFORE_FLAGS:--Xmx192m -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager} ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
}

# The JDK 25 AOT cache (JEPs 483, 514, 515) for the "aot" variant: one training run of the image's command with
# -XX:AOTCacheOutput (its warm-up, then BENCH_DURATION s of score reads), written when the JVM exits.
if [[ " ${VARIANTS[*]} " == *" aot "* ]] && [ ! -f "$WORK/app.aot" ]; then
  log "aot: training run ($IMAGE_JAVA, -XX:AOTCacheOutput=$WORK/app.aot)"
  # shellcheck disable=SC2086
  start_app "$IMAGE_JAVA" "$ROOT/target/quarkus-app" $IMAGE_JAVA_OPTS -XX:AOTCacheOutput="$WORK/app.aot"
  wait_up /q/health/ready >/dev/null
  wrk_run "$DURATION" >/dev/null
  stop_app
  ls -l "$WORK/app.aot"
fi

log "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); variants: ${VARIANTS[*]} x $ROUNDS round(s)"
: > "$WORK/summary.txt"
for round in $(seq 1 "$ROUNDS"); do
  for v in "${VARIANTS[@]}"; do
    variant "$v"
    # shellcheck disable=SC2086
    start_app "$V_JAVA" "$V_APP" $V_FLAGS
    started=$(wait_up /q/health/started)
    ready=$(wait_up /q/health/ready)
    [ "$V_PREWARM" = 0 ] || wrk_run "$V_PREWARM" >/dev/null # "ideal": real reads before the curve starts
    log "$v (round $round): $("$V_JAVA" -version 2>&1 | head -1); flags: $V_FLAGS"
    echo "start → started UP ${started} s, → ready UP ${ready} s (load $(load1))"
    grep -o 'warm-up [a-z]*: [0-9]* requests in [0-9]* ms' "$WORK/app.log" | head -1 || true
    printf '%8s %9s %9s %6s  %s\n' "t (s)" "req/s" "p99 ms" "load" "errors/non-2xx"
    curve=()
    for ((t = 2; t <= COLD_SECONDS; t += 2)); do
      read -r rps p99 errs non2xx < <(wrk_run 2)
      printf '%8s %9s %9s %6s  %s\n' "$((t - 2))-$t" "$rps" "$p99" "$(load1)" "$errs/$non2xx"
      curve+=("$rps:$p99")
    done
    read -r wrps wp99 _ _ < <(wrk_run "$DURATION")
    rss=$(( $(ps -o rss= -p "$APP_PID" | tr -d ' ') / 1024 ))
    echo "warm (after the curve, ${DURATION} s): $wrps req/s, p99 $wp99 ms; RSS $rss MB (load $(load1))"
    # first 8 s = the first four 2 s slices; 90 % = the first slice at >= 90 % of the warm figure, and the mean of
    # the slices from 30 s on (the issue's two marks)
    summary=$(printf '%s\n' "${curve[@]}" | awk -F: -v w="$wrps" '
      { r[NR] = $1; p[NR] = $2 }
      END {
        s8 = 0; for (i = 1; i <= 4 && i <= NR; i++) s8 += r[i]; s8 /= (NR < 4 ? NR : 4)
        t90 = -1; for (i = 1; i <= NR; i++) if (r[i] >= 0.9 * w) { t90 = (i - 1) * 2; break }
        s30 = 0; n30 = 0; for (i = 16; i <= NR; i++) { s30 += r[i]; n30++ }
        p8 = 0; for (i = 1; i <= 4 && i <= NR; i++) if (p[i] > p8) p8 = p[i]
        pm = 0; for (i = 1; i <= NR; i++) if (p[i] > pm) pm = p[i]
        printf "first 8 s %.0f req/s = %.0f %% of warm; first slice >= 90 %%: %s s; 30-60 s: %.0f %% of warm; p99 max %.1f ms (first 8 s), %.1f ms (curve)",
          s8, 100 * s8 / w, (t90 < 0 ? "none" : t90), (n30 ? 100 * s30 / n30 / w : 0), p8, pm }')
    echo "$summary"
    printf '%-8s round %s  ready %5s s  warm %6s req/s p99 %5s ms  RSS %4s MB  %s\n' \
      "$v" "$round" "$ready" "$wrps" "$wp99" "$rss" "$summary" >> "$WORK/summary.txt"
    stop_app
    cp "$WORK/app.log" "$WORK/app-$v-$round.log"
  done
done
log "summary"
cat "$WORK/summary.txt"
