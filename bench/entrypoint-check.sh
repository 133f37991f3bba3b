#!/usr/bin/env bash
# Runs the container image's exact start command without a Docker engine:
#   bash bench/entrypoint-check.sh            (about a minute; needs root for the mount namespace and uid switch)
# It reads docker/Dockerfile.jvm's runtime stage (bench/dockerfile-runtime.py): lays out target/quarkus-app as its
# COPY lines do, mounts that at its WORKDIR (/deployments) in a private mount namespace, switches to its USER
# (185, group 0), clears the environment and sets only its ENV plus what docker/compose.yml gives the service
# (the keys of docker/.env.example and the QUARKUS_DATASOURCE_* it derives), and runs its ENTRYPOINT as written.
# Against a throwaway PostgreSQL 15 on loopback it then checks:
#   the process is java, as uid 185, with the image's JAVA_OPTS; Flyway migrated; the startup, liveness and
#   readiness probes (the Kubernetes ones) and the image's HEALTHCHECK command pass; an authenticated write
#   and read work; logs are JSON; with the database stopped a request is a 503 problem whose requestId is also
#   in the JSON log line, readiness is DOWN and the HEALTHCHECK fails; with the database back it recovers;
#   SIGTERM shuts it down gracefully within quarkus.shutdown.timeout.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
LOG_TAG=entrypoint
# shellcheck source=bench/ops-lib.sh
. "$HERE/ops-lib.sh"

BASE=/tmp/threshold-entrypoint-check
PG=$BASE/pg
STAGE=$BASE/deployments
ISSUER=https://threshold.local/entrypoint-check
ensure_jar "$ROOT"
eval "$(python3 "$HERE/dockerfile-runtime.py" "$ROOT/docker/Dockerfile.jvm")"

rm -rf "$BASE"; mkdir -p "$BASE/keys" "$STAGE"; chmod 755 "$BASE" "$BASE/keys"
made_mountpoint=0
APP_PID=
cleanup() {
    [ -n "$APP_PID" ] && kill -9 "$APP_PID" 2>/dev/null || true
    pg_stop "$PG" immediate
    [ "$made_mountpoint" = 1 ] && rmdir "$IMG_WORKDIR" 2>/dev/null || true
    [ "${KEEP:-0}" = 1 ] || rm -rf "$BASE"
}
trap cleanup EXIT

# The image's file system: each COPY of the runtime stage, from the build context (the repository root).
for c in "${IMG_COPY[@]}"; do
    src=${c%%|*} dst=${c#*|}
    mkdir -p "$STAGE/$dst"
    # shellcheck disable=SC2086 # the source may be a glob (*.jar), as in the Dockerfile
    for f in $ROOT/$src; do
        if [ -d "$f" ]; then cp -r "$f/." "$STAGE/$dst"; else cp "$f" "$STAGE/$dst"; fi   # COPY copies a directory's contents
    done
done
chmod -R a+rX "$STAGE"
[ -f "$STAGE/quarkus-run.jar" ] || { log "FAIL: the COPY lines do not produce quarkus-run.jar"; exit 1; }

PGPORT=$(free_port 55600)
pg_start "$PG" "$PGPORT"
make_keys "$BASE/keys"; chmod 644 "$BASE/keys/public.pem"
PORT=$(free_port 18080)

# The environment compose gives the container: the image's ENV, every key of docker/.env.example (values
# replaced by local ones where they point elsewhere), and the derived QUARKUS_DATASOURCE_* variables.
declare -A E
while IFS='=' read -r k v; do
    [[ $k =~ ^[A-Z_][A-Z0-9_]*$ ]] && E[$k]=$v
done < "$ROOT/docker/.env.example"
E[POSTGRES_PASSWORD]=threshold-local
E[MP_JWT_VERIFY_PUBLICKEY_LOCATION]=$BASE/keys/public.pem
E[MP_JWT_VERIFY_ISSUER]=$ISSUER
E[QUARKUS_DATASOURCE_JDBC_URL]=jdbc:postgresql://127.0.0.1:$PGPORT/${E[POSTGRES_DB]}
E[QUARKUS_DATASOURCE_USERNAME]=${E[POSTGRES_USER]}
E[QUARKUS_DATASOURCE_PASSWORD]=${E[POSTGRES_PASSWORD]}
E[QUARKUS_HTTP_PORT]=$PORT           # the image listens on 8080; here a free port (the HEALTHCHECK follows it)
E[PATH]=$(dirname "$(readlink -f "$(command -v java)")"):/usr/local/bin:/usr/bin:/bin
E[HOME]=$IMG_WORKDIR
ENVS=("${IMG_ENV[@]}")
for k in "${!E[@]}"; do ENVS+=("$k=${E[$k]}"); done

if [ ! -d "$IMG_WORKDIR" ]; then mkdir -p "$IMG_WORKDIR"; made_mountpoint=1; fi
log "starting: ${IMG_ENTRYPOINT[*]}  (uid ${IMG_USER%%:*}, workdir $IMG_WORKDIR, port $PORT)"
# unshare, bash, setpriv and env each exec the next, so $! ends up being the JVM itself.
unshare --mount --propagation private -- bash -c '
    mount --bind "$1" "$2" && cd "$2" && shift 2 && exec "$@"' _ "$STAGE" "$IMG_WORKDIR" \
    setpriv --reuid="${IMG_USER%%:*}" --regid=0 --clear-groups -- env -i "${ENVS[@]}" "${IMG_ENTRYPOINT[@]}" \
    > "$BASE/app.log" 2>&1 &
APP_PID=$!
fail() { log "FAIL: $*"; tail -20 "$BASE/app.log" >&2; exit 1; }
URL=http://127.0.0.1:$PORT

wait_http "$URL/q/health/started" 90 || fail "not started within 90 s"
[ "$(ps -o uid= -p "$APP_PID" | tr -d ' ')" = "${IMG_USER%%:*}" ] || fail "not running as uid ${IMG_USER%%:*}"
tr '\0' ' ' < "/proc/$APP_PID/cmdline" | grep -q -- "java -Xmx192m .* -jar /deployments/quarkus-run.jar" \
    || fail "the process is not the entrypoint's java: $(tr '\0' ' ' < "/proc/$APP_PID/cmdline")"
log "ok: pid $APP_PID is $(tr '\0' ' ' < "/proc/$APP_PID/cmdline" | cut -c1-110)... as uid $(ps -o uid= -p "$APP_PID" | tr -d ' ')"
for probe in started live ready; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/q/health/$probe")" = 200 ] || fail "/q/health/$probe"
done
log "ok: /q/health/started, /q/health/live, /q/health/ready answer 200"
healthcheck() { env -i "${ENVS[@]}" "${IMG_HEALTHCHECK[@]}"; }
healthcheck || fail "the image's HEALTHCHECK command fails on a healthy service"
log "ok: the HEALTHCHECK command passes"
[ "$(psql_app "$PG" "$PGPORT" -c "SELECT count(*) FROM flyway_schema_history WHERE success")" -ge 3 ] || fail "migrations"
log "ok: Flyway applied $(psql_app "$PG" "$PGPORT" -c "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history")"

TOKEN=$(mint_token "$BASE/keys/private.pem" "$ISSUER" entrypoint-owner)
auth=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
id=$(curl -sf "${auth[@]}" -d '{"displayName":"Entry Point"}' "$URL/api/v1/contacts" | jq -r .id) || fail "create contact"
curl -sf "${auth[@]}" -d '{"type":"MEETING","direction":"MUTUAL","channel":"IN_PERSON"}' \
    "$URL/api/v1/contacts/$id/interactions" >/dev/null || fail "record interaction"
strength=$(curl -sf "${auth[@]}" "$URL/api/v1/contacts/$id/score" | jq -r .strength) || fail "score"
[ "$strength" = 33 ] || [ "$strength" = 33.0 ] || fail "strength $strength, expected 33.0"
curl -s "$URL/q/metrics" | grep -q '^threshold_interactions_recorded_total{.*type="MEETING".*} 1.0' || fail "business metric"
log "ok: authenticated create, interaction, score (strength $strength) and the business counter"
# Every metric the Grafana dashboard queries is exported (but `up`, which Prometheus adds itself).
curl -s "$URL/q/metrics" | grep -v '^#' | sed 's/[{ ].*//' | sort -u > "$BASE/exported"
missing=$(jq -r '.panels[].targets[]?.expr' "$ROOT/deploy/grafana/threshold-dashboard.json" \
    | grep -oE '[a-z_]+\{' | tr -d '{' | sort -u | grep -vx up | while read -r m; do grep -qx "$m" "$BASE/exported" || echo "$m"; done)
[ -z "$missing" ] || fail "the dashboard queries metrics the service does not export: $missing"
log "ok: every metric of deploy/grafana/threshold-dashboard.json is exported"
# Backup and restore as docs/operations.md says: pg_dump -Fc, pg_restore into a new database, same rows.
PGDUMP=$PGBIN/pg_dump; PGRESTORE=$PGBIN/pg_restore
runuser -u postgres -- "$PGDUMP" --format=custom -h "$PG" -p "$PGPORT" -U postgres -f "$PG/threshold.dump" threshold
psql_admin "$PG" "$PGPORT" -c "CREATE DATABASE threshold_restored OWNER threshold"
runuser -u postgres -- "$PGRESTORE" --no-owner --role=threshold --single-transaction --exit-on-error \
    -h "$PG" -p "$PGPORT" -U postgres -d threshold_restored "$PG/threshold.dump"
counts="SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM interactions), (SELECT count(*) FROM actions), (SELECT max(version) FROM flyway_schema_history)"
before=$(psql_app "$PG" "$PGPORT" -c "$counts")
after=$(runuser -u postgres -- psql -X -q -At -h "$PG" -p "$PGPORT" -U postgres -d threshold_restored -c "$counts")
[ "$before" = "$after" ] || fail "restore differs: $before vs $after"
log "ok: pg_dump/pg_restore round trip (contacts|interactions|actions|schema version: $after)"
jq -e . "$BASE/app.log" >/dev/null 2>&1 || fail "logs are not JSON lines"
log "ok: $(wc -l < "$BASE/app.log") log lines, all JSON"

# The database goes away: a 503 problem with a request id that the JSON log line carries too.
pg_stop "$PG" immediate
body=$(curl -s --max-time 20 "${auth[@]}" -H 'X-Request-Id: entrypoint-db-down' "$URL/api/v1/contacts/$id")
[ "$(jq -r .status <<<"$body")" = 503 ] && [ "$(jq -r .requestId <<<"$body")" = entrypoint-db-down ] || fail "no 503 problem: $body"
wait_http "$URL/q/health/ready" 30 503 || fail "readiness stays UP without the database"
if healthcheck; then fail "the HEALTHCHECK passes without the database"; fi
grep '"entrypoint-db-down"' "$BASE/app.log" | jq -e 'select(.mdc.requestId == "entrypoint-db-down")' >/dev/null \
    || fail "no JSON log line with mdc.requestId"
log "ok: database down: 503 problem with requestId, readiness DOWN, HEALTHCHECK fails, log line: $(grep '"entrypoint-db-down"' "$BASE/app.log" | jq -c '{level, loggerName, message, mdc}' | head -1)"
pg_restart "$PG"
wait_http "$URL/q/health/ready" 60 || fail "no recovery after the database returned"
curl -sf "${auth[@]}" "$URL/api/v1/contacts/$id" >/dev/null || fail "requests fail after recovery"
log "ok: recovered by itself once the database returned"

started=$(date +%s.%N)
kill -TERM "$APP_PID"
wait "$APP_PID" && rc=0 || rc=$?
APP_PID=
secs=$(echo "$(date +%s.%N) - $started" | bc)
grep -q 'stopped in' "$BASE/app.log" || fail "no orderly shutdown (exit $rc)"
log "ok: SIGTERM: orderly shutdown in ${secs%???????} s (exit status $rc)"
log "the image's entrypoint and environment work"
