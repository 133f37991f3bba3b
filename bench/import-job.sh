#!/usr/bin/env bash
# Benchmark of a large import job: the packaged jar at the image's -Xmx192m against a throwaway PostgreSQL 15,
# one LinkedIn Connections.csv of JOB_MB megabytes (default 1024) posted with curl --upload-file from a file on disk (streamed,
# Content-Length known, so it runs as a job); prints the upload time, the job's time and MB/s, rows/s, and the
# service's peak RSS (sampled from /proc every 0.2 s) during upload and job. Results: bench/results/import-job.txt.
#
#   bash bench/import-job.sh                  # JOB_MB=1024 JOB_REAL_EVERY=50
#   JOB_KIND=mail bash bench/import-job.sh    # a Takeout-like mbox of JOB_MB megabytes to /imports/mail instead
#   JOB_KIND=telegram bash bench/import-job.sh  # a Telegram Desktop result.json of JOB_MB megabytes to /imports/telegram
#                                               (JOB_TG_LAYOUT=one: each chat one 2,000-message exchange, the worst case)
#   JOB_KIND=whatsapp bash bench/import-job.sh  # one WhatsApp group chat's _chat.txt of JOB_MB megabytes
#                                               (JOB_WA_PEOPLE=1: a 1:1 chat; default 40 others, all active)
#
# JOB_KIND=mail: messages with Takeout's From_ lines, X-Gmail-Labels, Message-ID, an RFC 2047 subject and a 4 KB
# body; one in four from a mailing list (skipped), the rest between the owner and 2,000 correspondents, sent and
# received in turn, so the capture's whole pipeline (spool, parse, group into exchanges, match, record) runs in the
# packaged service at the image's heap.
#
# The file: a LinkedIn export (BOM, Notes: preamble, header), rows of ~120 bytes; every JOB_REAL_EVERY-th row is a
# person (a contact is created, with a profile URL), the others have no name and are skipped as line errors, so a
# multi-GB body runs through the whole pipeline (socket -> spool -> parser -> chunks) in a bearable time on a small
# machine while the database work stays that of (rows / JOB_REAL_EVERY) contacts. The report keeps the first 1,000
# errors only, so memory does not grow with the skipped rows either.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PGBIN=/usr/lib/postgresql/15/bin
BASE=/tmp/threshold-jobbench
DATA=$BASE/data
PG_PORT=${JOB_PG_PORT:-55533}
HTTP_PORT=${JOB_HTTP_PORT:-18081}
MB=${JOB_MB:-1024}
KIND=${JOB_KIND:-linkedin}
EVERY=${JOB_REAL_EVERY:-50}
DB=threshold
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
KEYS=$ROOT/src/test/resources/test-jwt
ISSUER=https://threshold.test/issuer
OUT=$ROOT/bench/results/import-job${JOB_KIND:+-$JOB_KIND}.txt
APP_PID=

log() { printf '[import-job] %s\n' "$*" >&2; }

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
    [ "${JOB_KEEP:-0}" = 1 ] || rm -rf "$BASE"
}
trap cleanup EXIT

rm -rf "$BASE"
mkdir -p "$BASE/spool"
chown postgres: "$BASE"
runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" -U postgres -A trust >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -l "$BASE/pg.log" -w \
    -o "-p $PG_PORT -k $BASE -c listen_addresses=127.0.0.1 ${JOB_PG_OPTS:-}" start >/dev/null
runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DB"

if [ "$KIND" = linkedin ]; then
log "writing a ${MB} MB Connections.csv"
python3 - "$BASE/Connections.csv" "$MB" "$EVERY" <<'PY'
import sys
path, mb, every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
target = mb * 1024 * 1024
with open(path, 'w', encoding='utf-8', newline='') as f:
    f.write('\ufeffNotes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n')
    f.write('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n')
    written, i, block = 0, 0, []
    while written < target:
        if i % every == 0:
            row = f'Person{i},Example,https://www.linkedin.com/in/person-{i},,"Example, Inc",Engineer,15 Mar 2024\n'
        else:
            row = f',,https://www.linkedin.com/in/nobody-{i},,"Nameless Company, Ltd {i % 997}",Somebody Somewhere,1 Jan 2024\n'
        block.append(row)
        written += len(row)
        i += 1
        if len(block) == 10000:
            f.write(''.join(block)); block = []
    f.write(''.join(block))
print(i, file=sys.stderr)
PY
fi
BODY=$BASE/Connections.csv
CTYPE=text/csv
URLPATH=/api/v1/imports/linkedin
if [ "$KIND" = mail ]; then
    log "writing a ${MB} MB mbox"
    BODY=$BASE/takeout.mbox
    CTYPE=application/mbox
    URLPATH="/api/v1/imports/mail?me=owner@example.com&createContacts=true"
    python3 - "$BODY" "$MB" <<'PY'
import sys, random
path, mb = sys.argv[1], int(sys.argv[2])
target = mb * 1024 * 1024
rnd = random.Random(7)
body = ('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ' * 70 + '\n') * 1
written, i, t = 0, 0, 1_500_000_000
with open(path, 'w', encoding='utf-8', newline='') as f:
    while written < target:
        t += rnd.randint(60, 3600)
        peer = f'person{rnd.randint(0, 1999)}@example.net'
        if i % 4 == 0:
            frm, to, extra, labels = 'news@list.example.org', 'owner@example.com', 'List-Id: <news.list.example.org>\n', 'Inbox,Category Updates'
        elif i % 2:
            frm, to, extra, labels = 'owner@example.com', peer, '', 'Sent'
        else:
            frm, to, extra, labels = peer, 'owner@example.com', '', 'Inbox,Important'
        msg = (f'From 16{i:08d}@xxx Thu Jan 01 00:00:00 +0000 2026\n'
               f'X-GM-THRID: {1600000000000000000 + i // 3}\nX-Gmail-Labels: {labels}\n'
               f'Message-ID: <m{i}@bench.example>\nDate: {__import__("email.utils").utils.formatdate(t)}\n'
               f'From: {frm}\nTo: {to}\nSubject: =?UTF-8?Q?Caf=C3=A9_{i}?=\n{extra}'
               f'Content-Type: text/plain; charset=UTF-8\n\n{body}\n')
        f.write(msg)
        written += len(msg)
        i += 1
print(i, file=sys.stderr)
PY
fi
if [ "$KIND" = whatsapp ]; then
    log "writing a ${MB} MB _chat.txt"
    BODY=$BASE/_chat.txt
    CTYPE=text/plain
    URLPATH="/api/v1/imports/whatsapp?createContacts=true&me=Sam%20Owner&tz=Europe/Berlin"
    python3 - "$BODY" "$MB" "${JOB_WA_PEOPLE:-40}" <<'PY'
import sys, random, datetime
path, mb, others = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
target = mb * 1024 * 1024
rnd = random.Random(5)
people = [f'Person {i}' for i in range(others)] + ['Sam Owner'] * max(1, others // 5)  # the owner writes one line in six (1:1: in two)
t = datetime.datetime(2018, 1, 1, 8, 0)
written, n = 0, 0
with open(path, 'w', encoding='utf-8', newline='') as f:
    head = f'{t:%d/%m/%Y}, {t:%H:%M} - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n'
    f.write(head); written += len(head)
    while written < target:
        t += datetime.timedelta(seconds=rnd.randint(1, 40) if rnd.random() < 0.995 else rnd.randint(3600, 4 * 3600))
        who = rnd.choice(people)
        text = 'Sounds good, see you there! ' * rnd.randint(1, 4)
        if rnd.random() < 0.05:
            text += '\nand a second line of the same message'
        line = f'{t:%d/%m/%Y}, {t:%H:%M} - {who}: {text}\n'
        f.write(line); written += len(line.encode()); n += 1
print(n, t, file=sys.stderr)
PY
fi
if [ "$KIND" = telegram ]; then
    log "writing a ${MB} MB result.json"
    BODY=$BASE/result.json
    CTYPE=application/json
    URLPATH="/api/v1/imports/telegram?createContacts=true"
    python3 - "$BODY" "$MB" "${JOB_TG_LAYOUT:-bursts}" <<'PY'
import sys, json, random
path, mb, LAYOUT = sys.argv[1], int(sys.argv[2]), sys.argv[3]
target = mb * 1024 * 1024
rnd = random.Random(11)
owner = 1000001
with open(path, 'w', encoding='utf-8') as f:
    f.write('{\n "personal_information": {"user_id": %d, "first_name": "Sam", "last_name": "Owner"},\n' % owner)
    f.write(' "chats": {"about": "", "list": [\n')
    written, chat, t, n = 0, 0, 1_600_000_000, 0
    while written < target:
        peer = 2_000_000 + chat
        name = f'Person {chat}'
        head = ('' if chat == 0 else ',\n') + json.dumps({"name": name, "type": "personal_chat", "id": peer})[:-1] + ', "messages": [\n'
        f.write(head); written += len(head)
        t = 1_450_000_000 + rnd.randint(0, 86400 * 365)  # each chat its own history, from 2016 on: all in the past
        for m in range(2000):
            if LAYOUT == 'one' or rnd.random() < 0.9:
                t += rnd.randint(5, 180)  # the same conversation
            else:
                t += rnd.randint(3600, 36 * 3600)  # a new exchange, hours or days later
            mine = rnd.random() < 0.5
            msg = {"id": m + 1, "type": "message", "date": "2021-01-01T00:00:00", "date_unixtime": str(t),
                   "from": "Sam Owner" if mine else name, "from_id": f"user{owner if mine else peer}",
                   "text": ["Hello ", {"type": "bold", "text": f"number {m}"}, " and some more words " * 3]}
            line = ('' if m == 0 else ',\n') + json.dumps(msg)
            f.write(line); written += len(line); n += 1
        f.write(']}'); chat += 1
    f.write('\n]}}\n')
print(n, file=sys.stderr)
PY
fi
SIZE=$(stat -c %s "$BODY")

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW=$(date +%s)
OWNER="jobbench-$(date +%s%N)"
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"%s","sub":"%s","iat":%d,"exp":%d}' "$ISSUER" "$OWNER" "$NOW" $((NOW + 86400)) | b64url)
SIG=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$KEYS/privateKey.pem" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIG"

log "starting the service at -Xmx192m"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$KEYS/publicKey.pem" MP_JWT_VERIFY_ISSUER="$ISSUER" \
QUARKUS_HTTP_PORT="$HTTP_PORT" THRESHOLD_IMPORTS_SPOOL_DIRECTORY="$BASE/spool" \
    java -Xmx192m -XX:+ExitOnOutOfMemoryError ${JOB_JAVA_OPTS:-} -jar "$JAR" >>"$BASE/app.log" 2>&1 &
APP_PID=$!
until curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the service died"; tail -20 "$BASE/app.log" >&2; exit 1; }
    sleep 0.2
done
IDLE_RSS=$(awk '/VmRSS/ {print $2}' /proc/$APP_PID/status)

# peak RSS sampler
( peak=0; while kill -0 "$APP_PID" 2>/dev/null; do
      r=$(awk '/VmRSS/ {print $2}' /proc/$APP_PID/status 2>/dev/null || echo 0)
      [ "${r:-0}" -gt "$peak" ] && peak=$r && echo "$peak" > "$BASE/peak-rss"
      sleep 0.2
  done ) &
SAMPLER=$!

log "posting ${SIZE} bytes"
T0=$(date +%s.%N)
curl -sS -o "$BASE/accepted.json" -D "$BASE/accepted.head" -H "Authorization: Bearer $TOKEN" \
    -H 'Expect:' -H "Content-Type: $CTYPE" -H 'Prefer: respond-async' -X POST --upload-file "$BODY" "http://127.0.0.1:$HTTP_PORT$URLPATH"
T1=$(date +%s.%N)
STATUS=$(head -1 "$BASE/accepted.head" | awk '{print $2}')
[ "$STATUS" = 202 ] || { log "expected 202, got $STATUS"; cat "$BASE/accepted.json" >&2; exit 1; }
LOCATION=$(grep -i '^location:' "$BASE/accepted.head" | tr -d '\r' | awk '{print $2}')
UPLOAD_PEAK=$(cat "$BASE/peak-rss")
log "accepted: $LOCATION; waiting for the job"
while true; do
    JOB=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$HTTP_PORT$LOCATION")
    S=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["status"])' "$JOB")
    [ "$S" = SUCCEEDED ] || [ "$S" = FAILED ] && break
    sleep 1
done
kill "$SAMPLER" 2>/dev/null || true
PEAK=$(cat "$BASE/peak-rss")
export JOB T0 T1 SIZE IDLE_RSS UPLOAD_PEAK PEAK MB EVERY KIND
python3 - <<'PY' | tee "$OUT"
import json, os, datetime
job = json.loads(os.environ['JOB'])
size = int(os.environ['SIZE']); t0, t1 = float(os.environ['T0']), float(os.environ['T1'])
def at(s): return datetime.datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
run = at(job['finishedAt']) - at(job['startedAt'])
rep = job.get('report') or {}
rows = sum(rep.get(k, 0) for k in ('created', 'updated', 'unchanged', 'skipped'))
print(f"import job benchmark, {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, load average {open('/proc/loadavg').read().split()[0]} at the end")
if os.environ['KIND'] == 'mail':
    print(f"body: {size/1048576:.0f} MB Takeout-like mbox to /imports/mail (createContacts=true)")
elif os.environ['KIND'] == 'whatsapp':
    n = int(os.environ.get('JOB_WA_PEOPLE', '40'))
    print(f"body: {size/1048576:.0f} MB WhatsApp _chat.txt (Android layout, {'a 1:1 chat' if n == 1 else f'a group of {n + 1}'}) to /imports/whatsapp (createContacts=true)")
elif os.environ['KIND'] == 'telegram':
    print(f"body: {size/1048576:.0f} MB Telegram Desktop result.json to /imports/telegram (createContacts=true)")
else:
    print(f"body: {size/1048576:.0f} MB LinkedIn Connections.csv, 1 row in {os.environ['EVERY']} a person, the others skipped")
print(f"status: {job['status']}  error: {job.get('error')}")
print(f"upload (curl -> spool, 202): {t1-t0:.1f} s = {size/1048576/(t1-t0):.1f} MB/s")
print(f"job (RUNNING -> {job['status']}): {run:.1f} s = {size/1048576/run:.1f} MB/s, {rows/run:,.0f} rows/s; created {rep.get('created')}, skipped {rep.get('skipped')}")
if 'interactions' in rep:
    i = rep['interactions']
    print(f"captured: items {rep.get('items')}, interactions created {i.get('created')} ({(i.get('created') or 0)/run:,.0f}/s), unchanged {i.get('unchanged')}, skipped {i.get('skipped')}; contacts created {rep.get('created')}")
print(f"service RSS: idle {int(os.environ['IDLE_RSS'])//1024} MB, peak during upload {int(os.environ['UPLOAD_PEAK'])//1024} MB, peak overall {int(os.environ['PEAK'])//1024} MB (-Xmx192m)")
PY
