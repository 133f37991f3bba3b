#!/usr/bin/env bash
# Scale benchmark of the reads that must not grow with the data (docs/scoring.md, "Scale measurements").
#
#   bash bench/scale.sh            # ~6 minutes; BENCH_SECONDS=5 for a quicker run
#
# Starts a throwaway PostgreSQL 15 (/tmp/threshold-bench-pg, loopback, first free port from 55432),
# applies the Flyway migrations of src/main/resources/db/migration in order, generates
#   owner A: 100 contacts, owner B: 100,000 contacts, in each one contact with 100,000 interactions
#   and one with 10, plus 10 noise owners (20,000 contacts each; 10 contacts of 3 of them with 1,000
#   interactions each), so that owner B is a third of the table, not all of it,
# then, for the exact SQL that the service issues, writes EXPLAIN (ANALYZE, BUFFERS) plans to
# bench/results/explain-*.txt and times every query with pgbench (-M prepared, like pgjdbc).
# The server is stopped and its directory removed on exit (BENCH_KEEP=1 keeps the directory).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PGBIN=/usr/lib/postgresql/15/bin
BASE=/tmp/threshold-bench-pg
DATA=$BASE/data
RESULTS=$HERE/results
SECS=${BENCH_SECONDS:-10}
PORT=${BENCH_PORT:-55432}
DB=threshold

log() { printf '[scale] %s\n' "$*" >&2; }

if [ ! -x "$PGBIN/postgres" ] || [ ! -x "$PGBIN/pgbench" ]; then
    log "installing postgresql-15"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir "$BASE" --shell /bin/bash postgres

# A server left by an earlier, interrupted run of this script.
if [ -f "$DATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$BASE"
mkdir -p "$BASE" "$RESULTS"
chown postgres: "$BASE"
rm -f "$RESULTS"/explain-*.txt "$RESULTS"/pgbench-*.sql "$RESULTS"/summary.md "$RESULTS"/environment.txt

while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done

cleanup() {
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$BASE"
}
trap cleanup EXIT

log "initdb and start on 127.0.0.1:$PORT"
runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
# fsync off only speeds up the data load; every measured statement is a read. Autovacuum is off so that
# an autoanalyze cannot hold back the VACUUM below from setting the visibility map.
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -o \
    "-p $PORT -k $BASE -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_wal_size=4GB -c autovacuum=off" \
    start >/dev/null

PSQL=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
PSQL+=(-d "$DB")

log "migrations"
for f in $(ls "$ROOT"/src/main/resources/db/migration/V*__*.sql | sort -V); do
    log "  $(basename "$f")"
    "${PSQL[@]}" -f "$f"
done

log "data (about a minute)"
"${PSQL[@]}" -o /dev/null <<'SQL'
CREATE TABLE bench_clock AS
    SELECT now() AS ts, extract(epoch FROM now())::float8 / 86400 AS d;

-- n contacts of p_owner; ids md5(owner/g). 30 % never contacted (key -Infinity); the others have
-- log2(S) = -4 + 11u^2 (u uniform), i.e. about 72 % strangers, 13 % acquaintances, 7 % friends and
-- 8 % allies among them; score_key = log2(S) + d(now)/90 (H = 90); a reciprocity r in (0, 1] splits it
-- into in_key and out_key; the last touch is within 3 years and the more recent the stronger the tie;
-- 2 % have a personal cadence.
CREATE FUNCTION bench_contacts(p_owner text, p_n int) RETURNS void LANGUAGE sql AS $$
WITH base AS (
    SELECT g, random() AS u_inf, random() AS u_s, random() AS u_r, random() AS u_dir, random() AS u_age,
           random() AS u_cad, random() AS u_n
    FROM generate_series(1, p_n) g),
s AS (
    SELECT b.*, CASE WHEN b.u_inf < 0.3 THEN NULL ELSE -4 + 11 * b.u_s * b.u_s END AS log2s,
           greatest(b.u_r, 0.001) AS r
    FROM base b),
k AS (
    SELECT s.*, s.log2s + c.d / 90 AS key, c.ts,
           s.log2s + c.d / 90 - (2 * ln(1 + s.r) / ln(2::float8) - 1) AS hi,
           s.log2s + c.d / 90 - (2 * ln(1 + s.r) / ln(2::float8) - 1) + ln(s.r) / ln(2::float8) AS lo
    FROM s, bench_clock c)
INSERT INTO contacts (owner_id, id, display_name, first_name, last_name, emails, company, position,
                      cadence_days, created_at, updated_at, version,
                      in_key, out_key, score_key, last_interaction_at, interaction_count)
SELECT p_owner, md5(p_owner || '/' || k.g)::uuid,
       fn || ' ' || lnm || ' ' || k.g, fn, lnm, ARRAY[lower(fn) || '.' || lower(lnm) || k.g || '@example.com'],
       'Company ' || (k.g % 997), 'Engineer',
       CASE WHEN k.u_cad < 0.02 THEN (ARRAY[7, 14, 30, 60, 90, 180, 365])[1 + floor(k.u_cad * 350)::int] END,
       k.ts - interval '3 years', k.ts - interval '3 years', 0,
       CASE WHEN k.log2s IS NULL THEN '-Infinity' WHEN k.u_dir < 0.5 THEN k.hi ELSE k.lo END,
       CASE WHEN k.log2s IS NULL THEN '-Infinity' WHEN k.u_dir < 0.5 THEN k.lo ELSE k.hi END,
       coalesce(k.key, '-Infinity'),
       CASE WHEN k.log2s IS NOT NULL
            THEN k.ts - make_interval(secs => k.u_age * least(1095, 90 * greatest(0.2, 8 - k.log2s)) * 86400) END,
       CASE WHEN k.log2s IS NULL THEN 0 ELSE 1 + floor(power(2::float8, k.log2s + 2) * k.u_n)::bigint END
FROM k,
     LATERAL (SELECT (ARRAY['Alex','Sam','Maria','Wei','Amara','Jonas','Priya','Lucas','Fatima','Noah'])[1 + k.g % 10] AS fn,
                     (ARRAY['Smith','Garcia','Chen','Okafor','Muller','Rossi','Kumar','Silva','Haddad','Kim'])[1 + (k.g / 10) % 10] AS lnm) n;
$$;

-- p_n interactions over the past 3 years on contact g of p_owner.
CREATE FUNCTION bench_interactions(p_owner text, p_g int, p_n int) RETURNS void LANGUAGE sql AS $$
INSERT INTO interactions (owner_id, id, contact_id, type, direction, channel, occurred_at, weight, note,
                          created_at, updated_at, version)
SELECT p_owner, md5(p_owner || '/' || p_g || '/' || i)::uuid, md5(p_owner || '/' || p_g)::uuid,
       (ARRAY['VIEW','LIKE','LIKE','COMMENT','SHARE','MESSAGE','MESSAGE','CALL','MEETING','FAVOR'])[1 + floor(random() * 10)::int],
       (ARRAY['INBOUND','OUTBOUND','MUTUAL'])[1 + floor(random() * 3)::int],
       (ARRAY['LINKEDIN','EMAIL','PHONE','IN_PERSON','VIDEO'])[1 + floor(random() * 5)::int],
       c.ts - make_interval(secs => random() * 1095 * 86400), NULL, NULL, c.ts, c.ts, 0
FROM generate_series(1, p_n) i, bench_clock c;
$$;

-- Stored state of contact g re-derived from its rows (log-sum-exp, as ScoreState.of; type_keys left empty).
CREATE FUNCTION bench_rescore(p_owner text, p_g int) RETURNS void LANGUAGE sql AS $$
WITH w(type, p) AS (VALUES ('VIEW', 0.5::float8), ('LIKE', 1), ('COMMENT', 3), ('SHARE', 4), ('MESSAGE', 5),
                           ('CALL', 8), ('MEETING', 12), ('FAVOR', 15)),
terms AS (
    SELECT b.bucket, ln(b.p) / ln(2::float8) + extract(epoch FROM i.occurred_at)::float8 / 86400 / 90 AS x
    FROM interactions i JOIN w ON w.type = i.type
    CROSS JOIN LATERAL (VALUES
        ('in',  CASE i.direction WHEN 'INBOUND'  THEN w.p WHEN 'MUTUAL' THEN w.p / 2 ELSE 0 END),
        ('out', CASE i.direction WHEN 'OUTBOUND' THEN w.p WHEN 'MUTUAL' THEN w.p / 2 ELSE 0 END)) AS b(bucket, p)
    WHERE i.owner_id = p_owner AND i.contact_id = md5(p_owner || '/' || p_g)::uuid AND b.p > 0),
keys AS (
    SELECT bucket, max(m) + ln(sum(power(2::float8, x - m))) / ln(2::float8) AS key
    FROM (SELECT bucket, x, max(x) OVER (PARTITION BY bucket) AS m FROM terms) t GROUP BY bucket),
kk AS (
    SELECT coalesce(max(key) FILTER (WHERE bucket = 'in'), '-Infinity') AS ik,
           coalesce(max(key) FILTER (WHERE bucket = 'out'), '-Infinity') AS ok FROM keys),
agg AS (
    SELECT max(occurred_at) AS last_at, count(*) AS n FROM interactions
    WHERE owner_id = p_owner AND contact_id = md5(p_owner || '/' || p_g)::uuid)
UPDATE contacts c SET in_key = kk.ik, out_key = kk.ok,
    score_key = CASE WHEN greatest(kk.ik, kk.ok) = '-Infinity' THEN '-Infinity'
                     WHEN least(kk.ik, kk.ok) = '-Infinity' THEN greatest(kk.ik, kk.ok) - 1
                     ELSE greatest(kk.ik, kk.ok) - 1 + 2 * ln(1 + power(2::float8,
                          greatest(least(kk.ik, kk.ok) - greatest(kk.ik, kk.ok), -1000))) / ln(2::float8) END,
    last_interaction_at = agg.last_at, interaction_count = agg.n
FROM kk, agg
WHERE c.owner_id = p_owner AND c.id = md5(p_owner || '/' || p_g)::uuid;
$$;

SELECT bench_contacts('bench-owner-a', 100);
SELECT bench_contacts('bench-owner-b', 100000);
SELECT bench_contacts('bench-noise-' || o, 20000) FROM generate_series(1, 10) o;
-- contact 1: 100,000 interactions; contact 2: 10.
SELECT bench_interactions(o, 1, 100000), bench_interactions(o, 2, 10) FROM (VALUES ('bench-owner-a'), ('bench-owner-b')) v(o);
SELECT bench_interactions('bench-noise-' || o, g, 1000) FROM generate_series(1, 3) o, generate_series(1, 10) g;
SELECT bench_rescore(o, g) FROM (VALUES ('bench-owner-a'), ('bench-owner-b')) v(o), generate_series(1, 2) g;
SELECT bench_rescore('bench-noise-' || o, g) FROM generate_series(1, 3) o, generate_series(1, 10) g;
-- The default actions of a new owner (ActionService).
INSERT INTO actions (owner_id, id, name, threshold, created_at, updated_at, version)
SELECT o, md5(o || '/action/' || t)::uuid, 'Action ' || t, t, now(), now(), 0
FROM (VALUES ('bench-owner-a'), ('bench-owner-b')) v(o), (VALUES (0.0), (25.0), (40.0), (60.0), (80.0)) a(t);
SQL
"${PSQL[@]}" -c "VACUUM (ANALYZE, FREEZE, INDEX_CLEANUP ON)" -c "CHECKPOINT"
[ "$("${PSQL[@]}" -At -c "SELECT relallvisible >= 0.99 * relpages FROM pg_class WHERE relname = 'contacts'")" = t ] \
    || { log "VACUUM did not set the visibility map of contacts"
         "${PSQL[@]}" -c "SELECT relname, relpages, relallvisible FROM pg_class WHERE relname = 'contacts'" -c "VACUUM (VERBOSE) contacts" >&2; exit 1; }

# ---------------------------------------------------------------- parameters, as the service computes them
q1() { "${PSQL[@]}" -At -c "$1"; }
ND=$(q1 "SELECT d FROM bench_clock")
iso() { q1 "SELECT to_char((ts - interval '$1 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM bench_clock"; }
NOW=$(iso 0)
# keyFloor(T, t) = log2(-K ln(1 - T/100)) + d(t)/H, K = 30, H = 90; $2 shifts t by days.
kf() { q1 "SELECT ln(-30 * ln(1 - $1::float8 / 100)) / ln(2::float8) + ($ND::float8 + ${2:-0}) / 90"; }
KF5=$(kf 5); KF10=$(kf 10); KF35=$(kf 35); KF40=$(kf 40); KF70=$(kf 70); KF75=$(kf 75)
KF25=$(kf 25); KF60=$(kf 60); KF80=$(kf 80)
KF10L=$(kf 10 14); KF40L=$(kf 40 14); KF75L=$(kf 75 14)     # the same floors 14 days from now
min() { q1 "SELECT least($1::float8, $2::float8)"; }
DROP_ACQ_MAX=$(min "$KF10L" "$KF40"); DROP_FRI_MAX=$(min "$KF40L" "$KF75"); DROP_ALLY_MAX=$KF75L
# Every floor of the summary, ascending: the tiers (10, 40, 75) and the default actions (25, 40, 60, 80; 0 is -Infinity).
FLOORS="{$KF10,$KF25,$KF40,$KF60,$KF75,$KF80}"
BEFORE14=$(iso 14); BEFORE30=$(iso 30); BEFORE90=$(iso 90); BEFORE3650=$(iso 3650)
ID=$(q1 "SELECT md5('bench-owner-a/1')::uuid"); A_HEAVY=$ID
A_LIGHT=$(q1 "SELECT md5('bench-owner-a/2')::uuid")
B_HEAVY=$(q1 "SELECT md5('bench-owner-b/1')::uuid")
B_LIGHT=$(q1 "SELECT md5('bench-owner-b/2')::uuid")
A=bench-owner-a
B=bench-owner-b

# ---------------------------------------------------------------- the exact SQL (Ranking, ScoreLedger, NetworkService, ContactService)
SQL_READ='SELECT in_key, out_key, type_keys, last_interaction_at, interaction_count FROM contacts WHERE owner_id = $1 AND id = $2'
SQL_RANK_TIER='SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = $1 AND score_key >= $2 AND score_key < $3 ORDER BY score_key DESC, id LIMIT $4'
SQL_RANK_CURSOR='SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = $1 AND (score_key < $2 OR (score_key = $2 AND id > $3)) ORDER BY score_key DESC, id LIMIT $4'
SQL_ACTION='SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = $1 AND score_key >= $2 ORDER BY score_key DESC, id LIMIT $3'
SQL_COUNT='SELECT count(*) FROM contacts WHERE owner_id = $1 AND score_key >= $2 AND score_key < $3'
SQL_TOTALS='SELECT coalesce(sum(interaction_count), 0), max(last_interaction_at) FROM contacts WHERE owner_id = $1'
RECO_COLS='SELECT id, display_name, score_key, in_key, out_key, last_interaction_at, cadence_days FROM contacts'
SQL_RECO_RANGE="$RECO_COLS"' WHERE owner_id = $1 AND score_key >= $2 AND score_key < $3 ORDER BY score_key DESC, id LIMIT $4'
# The cadence branches as network/CandidateQuery.scoreRange writes them: besides the plain conditions, the
# box that lets contacts_owner_cadence_due_idx (GiST, V7) bound both the key and the last touch; without it
# the benchmark measured another plan than the service's. The service binds the box's corners apart,
# clamped to +-1e300 (here $5 and $6; the open range: $4 and $5), and the cut-off twice (here $4, or $3, reused).
CADENCE_BOX=' AND last_interaction_at IS NOT NULL AND score_key > '"'-Infinity'"' AND point(score_key, threshold_epoch(last_interaction_at)) <@ box'
SQL_RECO_CADENCE="$RECO_COLS"' WHERE owner_id = $1 AND score_key >= $2 AND score_key < $3 AND cadence_days IS NULL AND last_interaction_at < $4'"$CADENCE_BOX"'(point($5, -1e300), point($6, threshold_epoch(CAST($4 AS timestamptz)))) ORDER BY score_key DESC, id LIMIT $7'
SQL_RECO_CADENCE_OPEN="$RECO_COLS"' WHERE owner_id = $1 AND score_key >= $2 AND cadence_days IS NULL AND last_interaction_at < $3'"$CADENCE_BOX"'(point($4, -1e300), point($5, threshold_epoch(CAST($3 AS timestamptz)))) ORDER BY score_key DESC, id LIMIT $6'
SQL_PERSONAL="$RECO_COLS"' WHERE owner_id = $1 AND cadence_days IS NOT NULL AND (last_interaction_at IS NULL OR last_interaction_at < CAST($2 AS timestamptz) - make_interval(days => cadence_days)) ORDER BY last_interaction_at NULLS FIRST LIMIT $3'
# Proposed replacements (not what the service issues today; see docs/scoring.md):
# the keyset cursor with a range bound the index can use, the summary's nine counts as one pass, and the
# last touch through contacts_owner_last_idx.
SQL_RANK_CURSOR_PROPOSED='SELECT id, display_name, score_key, last_interaction_at FROM contacts WHERE owner_id = $1 AND score_key <= $2 AND (score_key < $2 OR (score_key = $2 AND id > $3)) ORDER BY score_key DESC, id LIMIT $4'
SQL_BUCKETS_PROPOSED='SELECT width_bucket(score_key, $2) AS bucket, count(*) FROM contacts WHERE owner_id = $1 GROUP BY 1'
SQL_LAST_PROPOSED='SELECT max(last_interaction_at) FROM contacts WHERE owner_id = $1'
SQL_LIST='SELECT * FROM contacts c WHERE c.owner_id = $1 AND c.score_key >= $2 AND c.score_key < $3 ORDER BY c.score_key DESC, c.id LIMIT $4'

# A cursor in the middle of B's ranking (page 1000 of 50): the key and id of the 50,000th contact.
read -r CUR_KEY CUR_ID < <("${PSQL[@]}" -At -F' ' -c "SELECT score_key, id FROM contacts WHERE owner_id = '$B' ORDER BY score_key DESC, id OFFSET 49999 LIMIT 1")
read -r CUR_KEY_A CUR_ID_A < <("${PSQL[@]}" -At -F' ' -c "SELECT score_key, id FROM contacts WHERE owner_id = '$A' ORDER BY score_key DESC, id OFFSET 49 LIMIT 1")

# ---------------------------------------------------------------- EXPLAIN (ANALYZE, BUFFERS)
# explain NAME SIZE TYPES SQL ARGS...: the statement is PREPAREd as pgjdbc does, run once to warm the
# cache, then explained with the planner's choice (custom plan) and with a forced generic plan.
explain() {
    local name=$1 size=$2 types=$3 sql=$4; shift 4
    local args="" a
    for a in "$@"; do args+="${args:+, }'$a'"; done
    local out="$RESULTS/explain-$name-$size.txt"
    {
        echo "-- $name, $size"
        echo "-- $sql"
        echo "-- parameters: $args"
        echo
        "${PSQL[@]}" -A -t <<EOF
PREPARE q($types) AS $sql;
\o /dev/null
EXECUTE q($args);
\o
\echo '-- plan (custom plan, what the planner picks for the first executions)'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q($args);
SET plan_cache_mode = force_generic_plan;
\echo
\echo '-- plan (forced generic plan, what a prepared statement may switch to)'
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q($args);
EOF
    } >"$out"
}

log "EXPLAIN plans"
explain score-read a100-i10 'varchar, uuid' "$SQL_READ" "$A" "$A_LIGHT"
explain score-read a100-i100k 'varchar, uuid' "$SQL_READ" "$A" "$A_HEAVY"
explain score-read b100k-i10 'varchar, uuid' "$SQL_READ" "$B" "$B_LIGHT"
explain score-read b100k-i100k 'varchar, uuid' "$SQL_READ" "$B" "$B_HEAVY"
for s in a100 b100k; do
    o=$A; [ $s = b100k ] && o=$B
    ck=$CUR_KEY_A; ci=$CUR_ID_A; [ $s = b100k ] && { ck=$CUR_KEY; ci=$CUR_ID; }
    explain rank-tier-acquaintance $s 'varchar, float8, float8, int' "$SQL_RANK_TIER" "$o" "$KF10" "$KF40" 51
    explain rank-cursor $s 'varchar, float8, uuid, int' "$SQL_RANK_CURSOR" "$o" "$ck" "$ci" 51
    explain action-list-t60 $s 'varchar, float8, int' "$SQL_ACTION" "$o" "$KF60" 51
    explain tier-count-stranger $s 'varchar, float8, float8' "$SQL_COUNT" "$o" -Infinity "$KF10"
    explain tier-count-friend $s 'varchar, float8, float8' "$SQL_COUNT" "$o" "$KF40" "$KF75"
    explain summary-totals $s 'varchar' "$SQL_TOTALS" "$o"
    explain reco-drop-soon-friend $s 'varchar, float8, float8, int' "$SQL_RECO_RANGE" "$o" "$KF40" "$DROP_FRI_MAX" 50
    explain reco-cadence-friend $s 'varchar, float8, float8, timestamptz, float8, float8, int' "$SQL_RECO_CADENCE" "$o" "$KF40" "$KF75" "$BEFORE30" "$KF40" "$KF75" 50
    explain reco-cadence-stranger-none-due $s 'varchar, float8, float8, timestamptz, float8, float8, int' "$SQL_RECO_CADENCE" "$o" -Infinity "$KF10" "$BEFORE3650" -1e300 "$KF10" 50
    explain personal-cadence $s 'varchar, timestamptz, int' "$SQL_PERSONAL" "$o" "$NOW" 50
    explain contact-list-strength-acquaintance $s 'varchar, float8, float8, int' "$SQL_LIST" "$o" "$KF10" "$KF40" 51
    explain proposed-rank-cursor $s 'varchar, float8, uuid, int' "$SQL_RANK_CURSOR_PROPOSED" "$o" "$ck" "$ci" 51
    explain proposed-summary-buckets $s 'varchar, float8[]' "$SQL_BUCKETS_PROPOSED" "$o" "$FLOORS"
    explain proposed-summary-last-touch $s 'varchar' "$SQL_LAST_PROPOSED" "$o"
done

# ---------------------------------------------------------------- pgbench
# pgb NAME SIZE SQL ARGS...: writes results/pgbench-NAME-SIZE.sql with a \set (numbers) or a -D
# (text) per parameter, runs it and appends "name size tps latency" to $TIMINGS.
TIMINGS=$BASE/timings.txt; : >"$TIMINGS"
PGBENCH=("$PGBIN/pgbench" -n -M prepared -c 2 -j 2 -T "$SECS" -h 127.0.0.1 -p "$PORT" -U postgres)
pgb_script() { # SQL ARGS... -> script text on stdout, -D options in DOPTS
    local sql=$1; shift
    local i=0 a body
    body=$sql
    for a in "$@"; do
        i=$((i + 1))
        if [[ $a =~ ^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$ ]]; then
            echo "\\set p$i $a"
        else
            DOPTS+=(-D "p$i=$a")
        fi
    done
    for ((; i >= 1; i--)); do body=${body//\$$i/:p$i}; done
    echo "$body;"
}
run_pgbench() { # NAME SIZE SCRIPTFILE
    local out tps lat
    out=$("${PGBENCH[@]}" "${DOPTS[@]}" -f "$3" "$DB" 2>&1) || { echo "$out" >&2; exit 1; }
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out")
    lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
    echo "$1 $2 $tps $lat" >>"$TIMINGS"
    log "  $1 $2: $tps tps, $lat ms"
}
pgb() {
    local name=$1 size=$2 sql=$3; shift 3
    local f="$RESULTS/pgbench-$name-$size.sql"
    DOPTS=()
    pgb_script "$sql" "$@" >"$f"
    run_pgbench "$name" "$size" "$f"
}

# Whole endpoints: GET /network/summary (4 tier counts, one count per default action, totals) and
# GET /network/recommendations (the branches of network/CandidateQuery as separate statements, default cadences).
write_endpoint_scripts() {
    local o=$1 size=$2 f
    f="$RESULTS/pgbench-summary-endpoint-$size.sql"
    {
        local c=${SQL_COUNT//\$1/:owner}
        for pair in "ninf kf10" "kf10 kf40" "kf40 kf75" "kf75 pinf" "ninf pinf" "kf25 pinf" "kf40 pinf" "kf60 pinf" "kf80 pinf"; do
            set -- $pair
            local s=${c//\$2/:$1}; echo "${s//\$3/:$2};"
        done
        echo "${SQL_TOTALS//\$1/:owner};"
    } >"$f"
    f="$RESULTS/pgbench-recommendations-endpoint-$size.sql"
    {
        local r=${SQL_RECO_RANGE//\$1/:owner}
        local cr=${SQL_RECO_CADENCE//\$1/:owner} co=${SQL_RECO_CADENCE_OPEN//\$1/:owner}
        range() { local s=${r//\$2/:$1}; s=${s//\$3/:$2}; echo "${s//\$4/:lim};"; }
        cadence() { local s=${cr//\$2/:$1}; s=${s//\$3/:$2}; s=${s//\$4/:$3}; s=${s//\$5/:$1}; s=${s//\$6/:$2}; echo "${s//\$7/:lim};"; }
        # ACQUAINTANCE: drop soon, next tier close (5 points below 10), cadence 90 days
        range kf10 drop_acq; range kf5 kf10; cadence kf10 kf40 before90
        # FRIEND: drop soon, close (35..40), cadence 30 days
        range kf40 drop_fri; range kf35 kf40; cadence kf40 kf75 before30
        # ALLY: drop soon (no upper tier), close (70..75), cadence 14 days
        range kf75 drop_ally; range kf70 kf75
        s=${co//\$2/:kf75}; s=${s//\$3/:before14}; s=${s//\$4/:kf75}; s=${s//\$5/:boxmax}; echo "${s//\$6/:lim};"
        s=${SQL_PERSONAL//\$1/:owner}; s=${s//\$2/:now}; echo "${s//\$3/:lim};"
    } >"$f"
}
ENDPOINT_DOPTS=(-D lim=50 -D ninf=-Infinity -D pinf=Infinity -D boxmax=1e300 -D now="$NOW" -D before14="$BEFORE14" -D before30="$BEFORE30"
                -D before90="$BEFORE90" -D kf5="$KF5" -D kf10="$KF10" -D kf25="$KF25" -D kf35="$KF35" -D kf40="$KF40"
                -D kf60="$KF60" -D kf70="$KF70" -D kf75="$KF75" -D kf80="$KF80" -D drop_acq="$DROP_ACQ_MAX"
                -D drop_fri="$DROP_FRI_MAX" -D drop_ally="$DROP_ALLY_MAX")

log "pgbench, ${SECS}s per run, 2 clients; each query at both sizes back to back (the machine's load varies)"
pgb score-read a100-i10 "$SQL_READ" "$A" "$A_LIGHT"
pgb score-read b100k-i10 "$SQL_READ" "$B" "$B_LIGHT"
pgb score-read a100-i100k "$SQL_READ" "$A" "$A_HEAVY"
pgb score-read b100k-i100k "$SQL_READ" "$B" "$B_HEAVY"
# both NAME SQL ARGS...: pgb at a100 and at b100k; @O is the owner, @CK/@CI the mid-ranking cursor.
both() {
    local name=$1 sql=$2 s a; shift 2
    for s in a100 b100k; do
        local args=()
        for a in "$@"; do
            case $a in
                @O) [ $s = a100 ] && args+=("$A") || args+=("$B") ;;
                @CK) [ $s = a100 ] && args+=("$CUR_KEY_A") || args+=("$CUR_KEY") ;;
                @CI) [ $s = a100 ] && args+=("$CUR_ID_A") || args+=("$CUR_ID") ;;
                *) args+=("$a") ;;
            esac
        done
        pgb "$name" $s "$sql" "${args[@]}"
    done
}
both rank-tier-acquaintance "$SQL_RANK_TIER" @O "$KF10" "$KF40" 51
both rank-cursor "$SQL_RANK_CURSOR" @O @CK @CI 51
both action-list-t60 "$SQL_ACTION" @O "$KF60" 51
both contact-list-strength-acquaintance "$SQL_LIST" @O "$KF10" "$KF40" 51
both reco-drop-soon-friend "$SQL_RECO_RANGE" @O "$KF40" "$DROP_FRI_MAX" 50
both reco-cadence-friend "$SQL_RECO_CADENCE" @O "$KF40" "$KF75" "$BEFORE30" "$KF40" "$KF75" 50
both reco-cadence-stranger-none-due "$SQL_RECO_CADENCE" @O -Infinity "$KF10" "$BEFORE3650" -1e300 "$KF10" 50
both personal-cadence "$SQL_PERSONAL" @O "$NOW" 50
both tier-count-friend "$SQL_COUNT" @O "$KF40" "$KF75"
both tier-count-stranger "$SQL_COUNT" @O -Infinity "$KF10"
both summary-totals "$SQL_TOTALS" @O
for endpoint in summary recommendations; do
    for s in a100 b100k; do
        o=$A; [ $s = b100k ] && o=$B
        write_endpoint_scripts "$o" $s
        DOPTS=(-D owner="$o" "${ENDPOINT_DOPTS[@]}")
        run_pgbench $endpoint-endpoint $s "$RESULTS/pgbench-$endpoint-endpoint-$s.sql"
    done
done
both proposed-rank-cursor "$SQL_RANK_CURSOR_PROPOSED" @O @CK @CI 51
both proposed-summary-buckets "$SQL_BUCKETS_PROPOSED" @O "$FLOORS"
both proposed-summary-last-touch "$SQL_LAST_PROPOSED" @O

# ---------------------------------------------------------------- report
plan_facts() { # FILE -> "access-path rows buffers ms" of the custom plan
    awk '
        /^-- plan \(forced generic/ { exit }
        /Index Only Scan|Index Scan|Bitmap Heap Scan|Seq Scan/ && !node {
            node = ($0 ~ /Index Only Scan/) ? "index-only" : ($0 ~ /Index Scan/) ? "index" : ($0 ~ /Bitmap/) ? "bitmap" : "SEQ"
            if (match($0, /using [a-z_]+/)) node = node " " substr($0, RSTART + 6, RLENGTH - 6)
            match($0, /rows=[0-9]+ loops/); rows = substr($0, RSTART + 5, RLENGTH - 11)
        }
        /Buffers: shared/ && !buf { buf = $0; sub(/.*shared /, "", buf); gsub(/ /, ",", buf) }
        /Execution Time/ { ms = $3 }
        END { printf "%s|%s|%s|%s\n", node, rows, buf, ms }' "$1"
}
{
    echo "| query | data | access path (custom plan) | rows out of the scan node | buffers | EXPLAIN ms | TPS (2 clients) | mean latency ms |"
    echo "|---|---|---|---:|---|---:|---:|---:|"
    while read -r name size tps lat; do
        f="$RESULTS/explain-$name-$size.txt"
        if [ -f "$f" ]; then IFS='|' read -r node rows buf ms < <(plan_facts "$f"); else node="(several statements)"; rows=""; buf=""; ms=""; fi
        echo "| $name | $size | $node | $rows | $buf | $ms | $tps | $lat |"
    done <"$TIMINGS"
} >"$RESULTS/summary.md"

{
    echo "date: $(date -u +%FT%TZ)"
    echo "nproc: $(nproc)"
    echo "uptime: $(uptime)"
    echo "memory: $(free -m | awk '/^Mem/ {print $2 " MiB total, " $7 " MiB available"}')"
    echo "postgres: $("$PGBIN/postgres" --version)"
    echo "settings: shared_buffers=256MB, fsync=off (load only; all measured statements are reads), other defaults"
    echo "pgbench: -n -M prepared -c 2 -j 2 -T $SECS"
    echo "rows: $(q1 "SELECT string_agg(owner_id || '=' || n, ', ' ORDER BY owner_id) FROM (SELECT owner_id, count(*) n FROM contacts GROUP BY 1) x") contacts;" \
         "$(q1 "SELECT count(*) FROM interactions") interactions"
    echo "visibility map: $(q1 "SELECT string_agg(relname || ' ' || relallvisible || '/' || relpages || ' pages all-visible', ', ') FROM pg_class WHERE relname IN ('contacts', 'interactions')")"
    echo "sizes: contacts $(q1 "SELECT pg_size_pretty(pg_total_relation_size('contacts'))"), interactions $(q1 "SELECT pg_size_pretty(pg_total_relation_size('interactions'))")"
    echo "tiers of bench-owner-b: $(q1 "SELECT string_agg(t || '=' || n, ', ') FROM (SELECT CASE WHEN score_key >= $KF75 THEN 'ALLY' WHEN score_key >= $KF40 THEN 'FRIEND' WHEN score_key >= $KF10 THEN 'ACQUAINTANCE' ELSE 'STRANGER' END t, count(*) n FROM contacts WHERE owner_id = '$B' GROUP BY 1 ORDER BY 1) x")"
    echo "heavy contacts: $(q1 "SELECT string_agg(owner_id || ' ' || interaction_count || ' interactions', ', ') FROM contacts WHERE interaction_count >= 10 AND id IN ('$A_HEAVY', '$A_LIGHT', '$B_HEAVY', '$B_LIGHT')")"
} >"$RESULTS/environment.txt"

# Every plan must be an index scan on contacts, never a sequential scan, never interactions.
bad=0
for f in "$RESULTS"/explain-*.txt; do
    if grep -q "Seq Scan\|interactions" "$f"; then echo "NOT AN INDEX PLAN: $f" >&2; bad=1; fi
done
cat "$RESULTS/environment.txt"
echo
cat "$RESULTS/summary.md"
if [ $bad = 0 ]; then
    echo "all plans: index scans on contacts, no sequential scan, no scan of interactions"
else
    echo "some plans are not index scans (see above); BENCH_STRICT=1 makes this an exit status of 1"
fi
[ "${BENCH_STRICT:-0}" = 1 ] && exit $bad
exit 0
