#!/usr/bin/env bash
# Scale-out proof on one machine (docs/operations.md, "Scale-out"):
#   bash bench/scaleout.sh            # about 4 minutes; SCALEOUT_SECONDS=15 per throughput run
# Two instances of the packaged jar (loopback ports) behind nginx (generated config), sharing one throwaway
# PostgreSQL 15; load from wrk (Debian) through nginx, bounded in time and to 127.0.0.1.
#  1. Both instances start at the same moment on an empty database: Flyway's lock lets one migrate, both start.
#  2. Throughput with one instance (the other stopped), then with two: writes (POST /contacts) and reads
#     (GET /contacts/{id}/score).
#  3. Failover under write load: instance B is killed (-9) and restarted, then A is stopped (SIGTERM) and
#     restarted. Errors are counted, and every acknowledged write (201) must be in the database.
# Results: bench/results/scaleout.md. Everything is stopped and removed on exit (KEEP=1 keeps /tmp/threshold-scaleout).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
LOG_TAG=scaleout
# shellcheck source=bench/ops-lib.sh
. "$HERE/ops-lib.sh"

BASE=/tmp/threshold-scaleout
PG=$BASE/pg
SECS=${SCALEOUT_SECONDS:-15}
ISSUER=https://threshold.local/scaleout
RESULTS=$HERE/results/scaleout.md
for tool in nginx wrk; do
    command -v $tool >/dev/null || { log "installing $tool"; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $tool >/dev/null; }
done
ensure_jar "$ROOT"
[ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx || NGINX=$(command -v nginx)

rm -rf "$BASE"; mkdir -p "$BASE/keys" "$BASE/nginx"
declare -A PID PORT
NGINX_PID=
cleanup() {
    for i in "${!PID[@]}"; do [ -n "${PID[$i]}" ] && kill -9 "${PID[$i]}" 2>/dev/null || true; done
    [ -f "$BASE/nginx/nginx.pid" ] && kill "$(cat "$BASE/nginx/nginx.pid")" 2>/dev/null || true
    pg_stop "$PG" immediate
    [ "${KEEP:-0}" = 1 ] || rm -rf "$BASE"
}
trap cleanup EXIT

PGPORT=$(free_port 55700)
pg_start "$PG" "$PGPORT" max_connections=200
make_keys "$BASE/keys"
PORT[a]=$(free_port 18181); PORT[b]=$(free_port $((PORT[a] + 1))); LB=$(free_port $((PORT[b] + 1)))

start_instance() { # start_instance a|b
    local i=$1
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/threshold \
    QUARKUS_DATASOURCE_USERNAME=threshold QUARKUS_DATASOURCE_PASSWORD=threshold-local \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=$BASE/keys/public.pem MP_JWT_VERIFY_ISSUER=$ISSUER \
    QUARKUS_HTTP_PORT=${PORT[$i]} \
        java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >> "$BASE/$i.log" 2>&1 &
    PID[$i]=$!
}
ready() { wait_http "http://127.0.0.1:${PORT[$1]}/q/health/ready" "${2:-120}"; }
stop_instance() { # stop_instance a|b TERM|KILL
    kill "-$2" "${PID[$1]}"; wait "${PID[$1]}" 2>/dev/null || true; PID[$1]=
}

# --- 1. simultaneous start on an empty database -----------------------------------------------------
log "starting instances a (:${PORT[a]}) and b (:${PORT[b]}) at once on an empty database"
t0=$(date +%s)
start_instance a; start_instance b
ready a || { tail -30 "$BASE/a.log"; exit 1; }
ready b || { tail -30 "$BASE/b.log"; exit 1; }
history=$(psql_app "$PG" "$PGPORT" -c "SELECT count(*) FILTER (WHERE success), count(*) FILTER (WHERE NOT success) FROM flyway_schema_history WHERE version IS NOT NULL")
migrated_by=$(grep -l 'Successfully applied' "$BASE/a.log" "$BASE/b.log" | xargs -n1 basename | sed 's/.log//' | tr '\n' ' ')
uptodate=$(grep -l 'is up to date. No migration necessary' "$BASE/a.log" "$BASE/b.log" | xargs -n1 basename | sed 's/.log//' | tr '\n' ' ')
[ "$history" = "3|0" ] || { log "FAIL: flyway_schema_history: $history"; exit 1; }
log "ok: both ready after $(($(date +%s) - t0)) s; migrations applied once (by: $migrated_by; found up to date: ${uptodate:-none}); history $history (ok|failed)"

# --- nginx ------------------------------------------------------------------------------------------
cat > "$BASE/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $BASE/nginx/nginx.pid;
error_log $BASE/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $BASE/nginx/body;
    proxy_temp_path $BASE/nginx/proxy;
    fastcgi_temp_path $BASE/nginx/fastcgi;
    uwsgi_temp_path $BASE/nginx/uwsgi;
    scgi_temp_path $BASE/nginx/scgi;
    # Keep the caller's X-Request-Id, else use nginx's own: one id from the balancer to the service's logs.
    map \$http_x_request_id \$req_id { default \$http_x_request_id; "" \$request_id; }
    upstream threshold {
        server 127.0.0.1:${PORT[a]} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:${PORT[b]} max_fails=1 fail_timeout=5s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$LB;
        location / {
            proxy_pass http://threshold;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Request-Id \$req_id;
            # A request that never reached an instance (connection refused) goes to the other one, even a
            # POST; one that did reach it is retried only when idempotent (nginx's default), so a write is
            # never sent twice.
            proxy_next_upstream error timeout;
            proxy_connect_timeout 1s;
            proxy_read_timeout 30s;
        }
    }
}
NGINX
"$NGINX" -c "$BASE/nginx/nginx.conf" -p "$BASE/nginx"
LBURL=http://127.0.0.1:$LB
wait_http "$LBURL/q/health/ready" 10 || { log "FAIL: nginx"; exit 1; }

TOKEN=$(mint_token "$BASE/keys/private.pem" "$ISSUER" scaleout-owner)
export SCALEOUT_TOKEN=$TOKEN SCALEOUT_IDS=$BASE/read-ids
auth=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
log "seeding 200 contacts with interactions for the read runs"
for n in $(seq 1 200); do
    id=$(curl -sf "${auth[@]}" -d "{\"displayName\":\"seed $n\"}" "$LBURL/api/v1/contacts" | jq -r .id)
    curl -sf "${auth[@]}" -d '{"type":"MEETING","direction":"MUTUAL","channel":"IN_PERSON"}' \
        "$LBURL/api/v1/contacts/$id/interactions" >/dev/null
    echo "$id" >> "$SCALEOUT_IDS"
done

RUN=0
declare -a ROWS
load() { # load MODE SECONDS LABEL: one bounded wrk run through nginx; sets RESULT, appends to ROWS
    RUN=$((RUN + 1))
    export SCALEOUT_MODE=$1 SCALEOUT_OUT=$BASE/acked-$RUN
    RESULT=$(wrk -t2 -c16 -d"$2s" --timeout 30s -s "$HERE/scaleout.lua" "$LBURL" | grep '^RESULT' | sed 's/^RESULT //')
    ROWS+=("| $3 | $1 | $RESULT |")
    log "$3 $1: $RESULT"
}
field() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$RESULT"; }

log "warm-up (both instances)"
load write 10 "warm-up, 2 instances" >/dev/null; load read 10 "warm-up, 2 instances" >/dev/null

# --- 2. one instance vs two --------------------------------------------------------------------------
stop_instance b TERM
load write "$SECS" "1 instance"; w1=$(field rps)
load read "$SECS" "1 instance"; r1=$(field rps)
start_instance b; ready b
load write 5 "b re-warm" >/dev/null; load read 5 "b re-warm" >/dev/null
load write "$SECS" "2 instances"; w2=$(field rps)
load read "$SECS" "2 instances"; r2=$(field rps)

# --- 3. failover under write load --------------------------------------------------------------------
log "failover: 60 s of writes; b killed (-9) at 10 s and restarted at 15 s; a stopped (SIGTERM) at 35 s and restarted at 40 s"
(
    sleep 10; kill -9 "${PID[b]}"
    sleep 5; echo restart-b > "$BASE/chaos"
) &
CHAOS=$!
RUN=$((RUN + 1)); export SCALEOUT_MODE=write SCALEOUT_OUT=$BASE/acked-$RUN
wrk -t2 -c16 -d60s --timeout 30s -s "$HERE/scaleout.lua" "$LBURL" > "$BASE/failover.out" &
WRK=$!
# The instances are children of this shell, so it restarts them itself, on the chaos timer's cue.
while [ ! -f "$BASE/chaos" ]; do sleep 0.2; done
wait "${PID[b]}" 2>/dev/null || true
start_instance b; t_b=$(date +%s); ready b 60 && log "  b ready again after $(($(date +%s) - t_b)) s"
sleep $((35 - 15 - ($(date +%s) - t_b))) 2>/dev/null || true
log "  SIGTERM a"; t_a=$(date +%s); stop_instance a TERM; log "  a stopped gracefully in $(($(date +%s) - t_a)) s"
sleep 5; start_instance a; t_a=$(date +%s); ready a 60 && log "  a ready again after $(($(date +%s) - t_a)) s"
wait "$WRK"; wait "$CHAOS" 2>/dev/null || true
RESULT=$(grep '^RESULT' "$BASE/failover.out" | sed 's/^RESULT //')
ROWS+=("| failover (b kill -9 + restart, a SIGTERM + restart) | write | $RESULT |")
log "failover write: $RESULT"

# --- acknowledged writes vs rows ---------------------------------------------------------------------
cat "$BASE"/acked-* | sort -u > "$BASE/acked.txt"
acked=$(wc -l < "$BASE/acked.txt")
psql_app "$PG" "$PGPORT" -c "SELECT id FROM contacts WHERE owner_id = 'scaleout-owner' AND 'scaleout' = ANY(tags)" | sort -u > "$BASE/rows.txt"
rows=$(wc -l < "$BASE/rows.txt")
lost=$(comm -23 "$BASE/acked.txt" "$BASE/rows.txt" | wc -l)
unacked=$(comm -13 "$BASE/acked.txt" "$BASE/rows.txt" | wc -l)
log "acknowledged writes: $acked; rows: $rows; acknowledged but missing: $lost; stored without acknowledgement (cut off mid-response): $unacked"

{
    echo "# Scale-out run ($(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), nginx $("$NGINX" -v 2>&1 | sed 's|.*/||'), wrk -t2 -c16, instances -Xmx512m, all on this machine."
    echo
    echo "| run | load | result |"
    echo "|---|---|---|"
    printf '%s\n' "${ROWS[@]}" | grep -v 'warm'
    echo
    echo "- Simultaneous start on an empty database: both ready; migrations applied by: $migrated_by; flyway_schema_history (ok|failed): $history."
    echo "- Throughput, writes: 1 instance $w1 req/s, 2 instances $w2 req/s; reads: 1 instance $r1 req/s, 2 instances $r2 req/s."
    echo "- Acknowledged writes (201) over all runs: $acked; in the database: all but $lost; rows written whose response was cut off: $unacked."
} > "$RESULTS"
cat "$RESULTS"
[ "$lost" = 0 ] || { log "FAIL: $lost acknowledged writes are missing"; exit 1; }
log "no acknowledged write lost"
