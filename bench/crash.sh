#!/usr/bin/env bash
# Crash test: every acknowledged write survives a `kill -9` of the service, and retrying the writes that
# were in flight with their Idempotency-Key writes each of them exactly once (docs/reliability.md).
#
#   bash bench/crash.sh                 # ~1 minute after the jar is built; CRASH_AFTER=8 CRASH_WORKERS=8
#
# 1. Starts a throwaway PostgreSQL 15 (/tmp/threshold-crash-pg, loopback, port CRASH_PG_PORT=55532) and the
#    packaged jar (target/quarkus-app, built if absent) on port CRASH_HTTP_PORT=18080, with the test key pair.
# 2. CRASH_WORKERS writers POST contacts, interactions and batches of 5 interactions, each request with its
#    own Idempotency-Key, and note every 2xx (an acknowledged write) as it arrives.
# 3. After CRASH_AFTER seconds: kill -9 of the service, mid-load. Then it starts the same jar again.
# 4. Verifies: every acknowledged contact and interaction is there (GET by id, and counted in SQL); every
#    request that got no answer is retried with its key, and then the database holds exactly one write per
#    key (no loss, no duplicate); a retried acknowledged key replays its first response.
# The service and PostgreSQL are stopped and the directory removed on exit (CRASH_KEEP=1 keeps it).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PGBIN=/usr/lib/postgresql/15/bin
BASE=/tmp/threshold-crash-pg
DATA=$BASE/data
PG_PORT=${CRASH_PG_PORT:-55532}
HTTP_PORT=${CRASH_HTTP_PORT:-18080}
AFTER=${CRASH_AFTER:-8}
WORKERS=${CRASH_WORKERS:-8}
DB=threshold
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
KEYS=$ROOT/src/test/resources/test-jwt
ISSUER=https://threshold.test/issuer
APP_PID=

log() { printf '[crash] %s\n' "$*" >&2; }

if [ ! -x "$PGBIN/postgres" ]; then
    log "installing postgresql-15"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir "$BASE" --shell /bin/bash postgres
if [ ! -f "$JAR" ]; then
    log "building the jar"
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests)
fi

cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    [ "${CRASH_KEEP:-0}" = 1 ] || rm -rf "$BASE"
}
trap cleanup EXIT

if [ -f "$DATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$BASE"
mkdir -p "$BASE"
chown postgres: "$BASE"
runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" -U postgres -A trust >/dev/null
# durability as PostgreSQL ships it: fsync and synchronous_commit on
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -l "$BASE/pg.log" -w \
    -o "-p $PG_PORT -k $BASE -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" start >/dev/null
runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DB"
psql_q() { runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -tAq -c "$1"; }

start_app() {
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$KEYS/publicKey.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" \
    QUARKUS_HTTP_PORT="$HTTP_PORT" \
        java -jar "$JAR" >>"$BASE/app-$1.log" 2>&1 &
    APP_PID=$!
    local t0=$SECONDS
    until curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null 2>&1; do
        if ! kill -0 "$APP_PID" 2>/dev/null; then log "the service died at start"; tail -30 "$BASE/app-$1.log" >&2; exit 1; fi
        if (( SECONDS - t0 > 90 )); then log "the service did not become ready"; exit 1; fi
        sleep 0.2
    done
}

# A token (RS256, signed with the test key) for one owner, made with openssl.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
OWNER="crash-$(date +%s%N)"
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"%s","sub":"%s","iat":%d,"exp":%d}' "$ISSUER" "$OWNER" "$NOW" $((NOW + 3600)) | b64url)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$KEYS/privateKey.pem" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIG"

log "starting the service (PostgreSQL 15 on $PG_PORT, HTTP on $HTTP_PORT)"
start_app first
export TOKEN HTTP_PORT WORKERS AFTER BASE OWNER

python3 - <<'PY' &
import json, os, threading, time, urllib.request, urllib.error, uuid, random
base = f"http://127.0.0.1:{os.environ['HTTP_PORT']}/api/v1"
token = os.environ['TOKEN']
workers, after, out = int(os.environ['WORKERS']), float(os.environ['AFTER']), os.environ['BASE']

def post(path, body, key):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method='POST',
        headers={'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json', 'Idempotency-Key': key})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except Exception as e:
        return None, type(e).__name__

# seed contacts to write interactions to
seed = []
for i in range(10):
    s, b = post('/contacts', {'displayName': f'Seed {i}'}, str(uuid.uuid4()))
    assert s == 201, (s, b)
    seed.append(json.loads(b)['id'])

lock = threading.Lock()
log = open(os.path.join(out, 'requests.jsonl'), 'w')
stop = time.time() + after + 4  # the load outlives the kill: requests meet a dead service too
def worker(w):
    rnd = random.Random(w)
    while time.time() < stop:
        kind = rnd.choice(['contact', 'interaction', 'interaction', 'batch'])
        key = str(uuid.uuid4())
        c = rnd.choice(seed)
        if kind == 'contact':
            path, body = '/contacts', {'displayName': f'Crash {w} {key[:8]}', 'emails': [f'{key[:8]}@example.org']}
        elif kind == 'interaction':
            path, body = f'/contacts/{c}/interactions', {'type': rnd.choice(['LIKE', 'CALL', 'MEETING']), 'direction': 'MUTUAL', 'note': key}
        else:
            path, body = '/interactions/batch', [{'contactId': c, 'type': 'COMMENT', 'direction': 'INBOUND', 'note': f'{key}-{k}'} for k in range(5)]
        status, text = post(path, body, key)
        with lock:
            log.write(json.dumps({'kind': kind, 'key': key, 'path': path, 'body': body, 'status': status,
                                  'response': text if status and 200 <= status < 300 else None, 'at': time.time()}) + '\n')
            log.flush()
        if status is None:
            time.sleep(0.05)
threads = [threading.Thread(target=worker, args=(w,)) for w in range(workers)]
for t in threads: t.start()
time.sleep(after)
open(os.path.join(out, 'kill-now'), 'w').close()
for t in threads: t.join()
log.close()
PY
LOAD=$!
until [ -f "$BASE/kill-now" ]; do sleep 0.05; done
kill -9 "$APP_PID"
KILLED_AT=$(date +%s.%N)
log "kill -9 of the service mid-load"
wait "$APP_PID" 2>/dev/null || true
APP_PID=
wait "$LOAD"

log "restarting the service"
RESTART=$(date +%s.%N)
start_app second
READY=$(date +%s.%N)

python3 - <<PY
import json, os, time, urllib.request, urllib.error, subprocess
base = "http://127.0.0.1:$HTTP_PORT/api/v1"
token = "$TOKEN"
rows = [json.loads(l) for l in open("$BASE/requests.jsonl")]
def call(method, path, body=None, key=None):
    h = {'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json'}
    if key: h['Idempotency-Key'] = key
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)
def sql(q):
    return subprocess.check_output(['runuser', '-u', 'postgres', '--', 'psql', '-h', '127.0.0.1', '-p', '$PG_PORT',
        '-U', 'postgres', '-d', '$DB', '-tAq', '-c', q]).decode().strip()

acked = [r for r in rows if r['status'] and 200 <= r['status'] < 300]
unanswered = [r for r in rows if r['status'] is None]
errors = [r for r in rows if r['status'] and r['status'] >= 300]
missing = 0
for r in acked:
    resp = json.loads(r['response'])
    if r['kind'] == 'batch':
        ids = [('/interactions/' + i['id']) for i in resp['items']] if isinstance(resp, dict) else [('/interactions/' + i['id']) for i in resp]
    elif r['kind'] == 'contact':
        ids = ['/contacts/' + resp['id']]
    else:
        ids = ['/interactions/' + resp['id']]
    for p in ids:
        if call('GET', p)[0] != 200:
            missing += 1
replayed_ok = 0
for r in acked[:50]:
    s, b, h = call('POST', r['path'], r['body'], r['key'])
    if s == int(r['status']) and b == r['response'] and h.get('Idempotent-Replayed') == 'true':
        replayed_ok += 1
retried = {}
for r in unanswered:
    s, b, h = call('POST', r['path'], r['body'], r['key'])
    retried[s] = retried.get(s, 0) + 1
    if s and 200 <= s < 300:
        r['status'], r['retried'] = s, True
# one write per key that ended in a 2xx (acknowledged, or answered on retry), none for the others
done = [r for r in rows if r['status'] and 200 <= r['status'] < 300]
want_contacts = sum(1 for r in done if r['kind'] == 'contact') + 10
want_interactions = sum(1 for r in done if r['kind'] == 'interaction') + 5 * sum(1 for r in done if r['kind'] == 'batch')
owner = "$OWNER"
have_contacts = int(sql(f"SELECT count(*) FROM contacts WHERE owner_id = '{owner}'"))
have_interactions = int(sql(f"SELECT count(*) FROM interactions WHERE owner_id = '{owner}'"))
acked_after_kill = sum(1 for r in acked if r['at'] > $KILLED_AT)
figures = {
    'requests': len(rows), 'acknowledged': len(acked), 'acknowledged_after_kill': acked_after_kill,
    'no_answer_at_crash': len(unanswered), 'error_answers': len(errors),
    'acknowledged_missing_after_restart': missing,
    'acknowledged_retries_replayed_identically': f"{replayed_ok}/{min(50, len(acked))}",
    'unanswered_retried_statuses': retried,
    'contacts_expected_vs_stored': f"{want_contacts}/{have_contacts}",
    'interactions_expected_vs_stored': f"{want_interactions}/{have_interactions}",
    'restart_to_ready_seconds': round($READY - $RESTART, 1),
}
print(json.dumps(figures, indent=1))
ok = missing == 0 and want_contacts == have_contacts and want_interactions == have_interactions \
    and replayed_ok == min(50, len(acked)) and all(s and s < 300 for s in retried) and acked_after_kill == 0
print('crash test:', 'PASSED' if ok else 'FAILED')
raise SystemExit(0 if ok else 1)
PY
