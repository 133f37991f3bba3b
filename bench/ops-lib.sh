# Shared by bench/entrypoint-check.sh and bench/scaleout.sh (sourced, not run): a throwaway PostgreSQL 15 on
# loopback, a throwaway RS256 key pair and tokens, free ports, waiting for health.
# shellcheck shell=bash

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
log() { printf '[%s] %s\n' "${LOG_TAG:-ops}" "$*" >&2; }

free_port() { # free_port FROM
    local p=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}

ensure_postgres() {
    if [ ! -x "$PGBIN/postgres" ]; then
        log "installing postgresql-15"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    fi
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

# pg_start DIR PORT [extra postgres -c options...]: initdb, start, create role and database `threshold`
# (password "threshold-local", loopback only).
pg_start() {
    local dir=$1 port=$2; shift 2
    ensure_postgres
    if [ -f "$dir/data/postmaster.pid" ]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"; mkdir -p "$dir"; chown postgres: "$dir"
    runuser -u postgres -- "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
    local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir"
    for o in "$@"; do opts="$opts -c $o"; done
    echo "$opts" > "$dir/opts"
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "$opts" start >/dev/null
    psql_admin "$dir" "$port" -c "CREATE ROLE threshold LOGIN PASSWORD 'threshold-local'" \
        -c "CREATE DATABASE threshold OWNER threshold" >/dev/null
}
pg_stop() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$1/data" -m "${2:-fast}" stop >/dev/null 2>&1 || true; }
pg_restart() { # pg_restart DIR: start again with the options of the first start
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -o "$(cat "$1/opts")" start >/dev/null
}
psql_admin() { local dir=$1 port=$2; shift 2; runuser -u postgres -- psql -X -q -h "$dir" -p "$port" -U postgres -d postgres "$@"; }
psql_app() { local dir=$1 port=$2; shift 2; runuser -u postgres -- psql -X -q -At -h "$dir" -p "$port" -U postgres -d threshold "$@"; }

# make_keys DIR: a throwaway RS256 key pair, DIR/private.pem and DIR/public.pem
make_keys() {
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/private.pem" 2>/dev/null
    openssl pkey -in "$1/private.pem" -pubout -out "$1/public.pem"
}
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
# mint_token PRIVATE_PEM ISSUER SUBJECT: an RS256 JWT valid for one hour
mint_token() {
    local now header payload
    now=$(date +%s)
    header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
    payload=$(printf '{"iss":"%s","sub":"%s","iat":%d,"exp":%d}' "$2" "$3" "$now" "$((now + 3600))" | b64url)
    printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$1" | b64url)"
}

# wait_http URL SECONDS [STATUS]: until URL answers STATUS (default 200)
wait_http() {
    local url=$1 secs=$2 want=${3:-200} i
    for ((i = 0; i < secs * 4; i++)); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = "$want" ] && return 0
        sleep 0.25
    done
    return 1
}

ensure_jar() { # ensure_jar ROOT: the packaged fast-jar
    if [ ! -f "$1/target/quarkus-app/quarkus-run.jar" ]; then
        log "packaging the service (./mvnw package -DskipTests)"
        (cd "$1" && ./mvnw -B -ntp -q package -DskipTests)
    fi
}
