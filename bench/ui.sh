#!/usr/bin/env bash
# The web app's figures for docs/benchmarks.md (UI.md budgets: first load at most 150 kB compressed; the
# Network screen shows its data within 1 s of navigation with 100,000 contacts):
#   bash bench/ui.sh [sizes...]        # default: small ui100k (1,000 then 100,000 contacts, see bench/perf.py)
# For each size: a throw-away PostgreSQL 15 and the packaged service on loopback, the data set loaded through
# the API, the first-load size (bench/firstload.py), and the time from navigation to the Network screen's data
# in Debian's /usr/bin/chromium (bench/UiTimeToData.java, Playwright for Java from the test class path).
# Everything is stopped at the end. UI_RUNS (default 10) runs per measure.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOG_TAG=ui
# shellcheck source=bench/ops-lib.sh
. "$ROOT/bench/ops-lib.sh"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(small ui100k)
RUNS=${UI_RUNS:-10}
BASE=${BENCH_WORK:-/tmp/threshold-ui}
ISSUER=https://threshold.bench/issuer
OWNER=ui-owner

[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
ensure_jar "$ROOT"
CP="$BASE/test-classpath.txt"
mkdir -p "$BASE"
(cd "$ROOT" && ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP" >/dev/null)

APP_PID=
PG=
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    [ -n "$PG" ] && pg_stop "$PG"
    PG=
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(cd "$ROOT" && git rev-parse --short HEAD); chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
for SIZE in "${SIZES[@]}"; do
    PG=$BASE/$SIZE/pg
    PGPORT=$(free_port 56731)
    pg_start "$PG" "$PGPORT" max_connections=100 shared_buffers=512MB max_wal_size=4GB
    make_keys "$BASE/$SIZE"
    APPPORT=$(free_port 18731)
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/threshold \
    QUARKUS_DATASOURCE_USERNAME=threshold QUARKUS_DATASOURCE_PASSWORD=threshold-local \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=$BASE/$SIZE/public.pem MP_JWT_VERIFY_ISSUER=$ISSUER \
    QUARKUS_HTTP_PORT=$APPPORT \
        java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$ROOT/target/quarkus-app/quarkus-run.jar" > "$BASE/$SIZE/app.log" 2>&1 &
    APP_PID=$!
    wait_http "http://127.0.0.1:$APPPORT/q/health/ready" 120 || { tail -30 "$BASE/$SIZE/app.log"; exit 1; }
    TOKEN=$(mint_token "$BASE/$SIZE/private.pem" "$ISSUER" "$OWNER")

    printf '\n== %s data set\n' "$SIZE"
    python3 "$ROOT/bench/perf.py" load "$APPPORT" "$TOKEN" "$SIZE" "$BASE/$SIZE/ids.json" "${BENCH_THREADS:-4}"
    psql_app "$PG" "$PGPORT" -c "VACUUM ANALYZE" >/dev/null
    curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$APPPORT/api/v1/network/summary" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); print("network summary:", d["contacts"], "contacts,", d["interactions"]["total"], "interactions, tiers", d["tiers"])'

    if [ "$SIZE" = "${SIZES[0]}" ]; then
        printf '\n== first load (GET / and everything it references)\n'
        python3 "$ROOT/bench/firstload.py" "http://127.0.0.1:$APPPORT/"
    fi

    printf '\n== time from navigation to the Network screen data, %s data set, %s runs each (load average %s)\n' \
        "$SIZE" "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
    java -cp "$(cat "$CP")" "$ROOT/bench/UiTimeToData.java" "http://127.0.0.1:$APPPORT/" "$TOKEN" "$RUNS"
    cleanup
done
echo "load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
