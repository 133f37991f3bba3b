#!/usr/bin/env bash
# The summary before and after the score histogram (migration V8), database side, in about two minutes:
#   bash bench/summary-histogram.sh
# Starts a throwaway PostgreSQL 15 as `postgres` (BENCH_WORK, default /tmp/threshold-bench-histogram,
# port BENCH_PG_PORT, default 55499), applies V1..V7, generates bench/scale.sh's contacts (owner B with
# 100,000, five noise owners with 20,000, owner A with 100), and prints:
#   - EXPLAIN (ANALYZE, BUFFERS) and pgbench latency of the one-pass summary of V6/V7 (width_bucket);
#   - the time of V8 itself (backfill and triggers);
#   - the same for the histogram summary that NetworkService.summary issues now, also with 21 stripes;
#   - the trigger's cost on a 1,000-row and a one-row UPDATE of contacts (EXPLAIN's "Trigger" line), and
#     a 1,000-row UPDATE as one statement against 1,000 one-row statements, with and without the trigger;
#   - a check that the histogram still equals the contacts per bucket.
# Removes the PostgreSQL at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_WORK:-/tmp/threshold-bench-histogram}
PORT=${BENCH_PG_PORT:-55499}
PGBIN=/usr/lib/postgresql/15/bin
DB=histogram
log() { printf '\n== %s\n' "$*"; }

cleanup() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK" && chown postgres "$WORK"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
PGBENCH=("$PGBIN/pgbench" -h 127.0.0.1 -p "$PORT" -U postgres -n -M prepared)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
PSQL+=(-d "$DB")

log "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $("$PGBIN/postgres" --version)"
for f in $(ls "$ROOT"/src/main/resources/db/migration/V*__*.sql | sort -V | grep -v '/V8__'); do
    "${PSQL[@]}" -1 -f "$f"
done
# bench/scale.sh's clock and contact generator, as they are there
sed -n '/^CREATE TABLE bench_clock/,/^\$\$;/p' "$ROOT/bench/scale.sh" > "$WORK/gen.sql"
"${PSQL[@]}" -f "$WORK/gen.sql"
"${PSQL[@]}" -o /dev/null -c "SELECT bench_contacts('bench-owner-b', 100000)" \
    -c "SELECT bench_contacts('noise-' || i, 20000) FROM generate_series(1, 5) i" \
    -c "SELECT bench_contacts('bench-owner-a', 100)"
"${PSQL[@]}" -c "VACUUM (ANALYZE, FREEZE)"
# the floors of the default tiers (10, 40, 75) and actions (25, 40, 60, 80) at now, H = 90, K = 30;
# hi = the end of each floor's bucket, (floor(lo * 16) + 1) / 16
LO=$("${PSQL[@]}" -At -c "SELECT array_agg(ln(-30 * ln(1 - t / 100.0)) / ln(2::float8) + d / 90 ORDER BY t)
                           FROM bench_clock, unnest(ARRAY[10, 25, 40, 60, 75, 80]::float8[]) t")
HI=$("${PSQL[@]}" -At -c "SELECT array_agg((floor(x * 16) + 1) / 16.0 ORDER BY i) FROM unnest('$LO'::float8[]) WITH ORDINALITY u(x, i)")

OLD="SELECT width_bucket(score_key, CAST(\$2 AS float8[])) AS bucket, count(*), coalesce(sum(interaction_count), 0),
  max(last_interaction_at) FROM contacts WHERE owner_id = \$1 GROUP BY 1"
NEW="SELECT (SELECT max(last_interaction_at) FROM contacts WHERE owner_id = \$1) AS last_at,
  ARRAY(SELECT (SELECT count(*) FROM contacts c WHERE c.owner_id = \$1 AND c.score_key >= f.lo AND c.score_key < f.hi)
        FROM unnest(CAST(\$2 AS float8[]), CAST(\$3 AS float8[])) WITH ORDINALITY AS f(lo, hi, i) ORDER BY f.i) AS edges,
  h.buckets, h.contacts, h.interactions
  FROM (SELECT array_agg(g.bucket ORDER BY g.bucket) AS buckets, array_agg(g.n ORDER BY g.bucket) AS contacts,
               array_agg(g.i ORDER BY g.bucket) AS interactions
        FROM (SELECT bucket, sum(contacts)::bigint AS n, sum(interactions)::bigint AS i FROM score_histogram
              WHERE owner_id = \$1 GROUP BY bucket) g) h"
explain() { # name prepare-statement execute-args
  printf -- '-- %s\n' "$1"
  "${PSQL[@]}" <<SQL | grep -E 'Index Only Scan|Seq Scan|Bitmap Heap|rows=|Buffers|Execution Time' | sed -n '1,40p'
PREPARE q AS $2;
EXECUTE q($3);
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q($3);
SQL
}
pgb() { # name sql
  printf '%s\n' "$2;" > "$WORK/pgb.sql"
  printf '%-48s %s\n' "$1" "$("${PGBENCH[@]}" -c 2 -j 2 -T 10 -f "$WORK/pgb.sql" "$DB" 2>&1 | grep -E '^latency average' )"
}

log "before: the one-pass summary (V6/V7), owner B (100,000 contacts)"
explain "one pass, B" "$OLD" "'bench-owner-b', '$LO'"
pgb "one pass, B" "$(echo "$OLD" | sed "s/\\\$1/'bench-owner-b'/; s/\\\$2/'$LO'/")"

log "V8 (backfill of $("${PSQL[@]}" -At -c 'SELECT count(*) FROM contacts') contacts, triggers), in one transaction as Flyway runs it"
( echo '\timing on'; cat "$ROOT/src/main/resources/db/migration/V8__score_histogram.sql" ) | "${PSQL[@]}" -1 | grep -E '^Time' | sort -t: -k2 -rn | head -1
"${PSQL[@]}" -c "VACUUM ANALYZE score_histogram"
"${PSQL[@]}" -At -c "SELECT 'histogram rows of owner B: ' || count(*) FROM score_histogram WHERE owner_id = 'bench-owner-b'"

log "after: the histogram summary (NetworkService.summary), owner B"
explain "histogram, B" "$NEW" "'bench-owner-b', '$LO', '$HI'"
SUB=$(echo "$NEW" | sed "s/\\\$1/'bench-owner-b'/g; s/\\\$2/'$LO'/; s/\\\$3/'$HI'/")
pgb "histogram, B" "$SUB"
explain "histogram, A (100 contacts)" "$NEW" "'bench-owner-a', '$LO', '$HI'"
printf -- '-- histogram, B, with 20 more stripes on every bucket (21 x the rows)\n'
"${PSQL[@]}" <<SQL | grep -E 'Execution Time|^   Buffers' | sed -n '1p;$p'
BEGIN;
INSERT INTO score_histogram SELECT owner_id, bucket, s, 0, 0 FROM score_histogram, generate_series(1, 20) s
  WHERE owner_id = 'bench-owner-b' AND stripe = 0;
ANALYZE score_histogram;
PREPARE q AS $NEW;
EXECUTE q('bench-owner-b', '$LO', '$HI');
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q('bench-owner-b', '$LO', '$HI');
ROLLBACK;
SQL

log "write side: the trigger in EXPLAIN ANALYZE (5 runs, each rolled back)"
for i in 1 2 3 4 5; do
  "${PSQL[@]}" <<SQL | grep -E 'Trigger contacts_hist|Execution Time' | tr -s ' ' | paste -sd' '
BEGIN;
EXPLAIN (ANALYZE) UPDATE contacts SET score_key = score_key + 0.01, interaction_count = interaction_count + 1
 WHERE owner_id = 'bench-owner-b' AND id = ANY (ARRAY(SELECT md5('bench-owner-b/' || g)::uuid FROM generate_series(${i}0001, ${i}1000) g));
EXPLAIN (ANALYZE) UPDATE contacts SET score_key = score_key + 0.01, interaction_count = interaction_count + 1
 WHERE owner_id = 'bench-owner-b' AND id = md5('bench-owner-b/${i}77')::uuid;
EXPLAIN (ANALYZE) UPDATE contacts SET display_name = display_name WHERE owner_id = 'bench-owner-b' AND id = md5('bench-owner-b/${i}78')::uuid;
ROLLBACK;
SQL
done
echo "(per run: 1,000-row update, one-row update, a no-score edit; each 'Trigger … time' is the histogram upsert)"

log "write side: 1,000 contacts updated as one statement (storeAll now) or as 1,000 one-row statements (a JDBC batch before), pgbench -c 1"
cat > "$WORK/one.sql" <<'SQL'
\set start random(1, 99000)
\set sign random(0, 1)
UPDATE contacts SET score_key = score_key + (:sign * 2 - 1) * 0.01, interaction_count = interaction_count + 1
 WHERE owner_id = 'bench-owner-b' AND id = ANY (ARRAY(SELECT md5('bench-owner-b/' || g)::uuid FROM generate_series(:start, :start + 999) g));
SQL
{ echo '\set start random(1, 99000)'; echo '\set sign random(0, 1)'; echo 'BEGIN;'
  for i in $(seq 0 999); do
    echo "UPDATE contacts SET score_key = score_key + (:sign * 2 - 1) * 0.01, interaction_count = interaction_count + 1 WHERE owner_id = 'bench-owner-b' AND id = md5('bench-owner-b/' || (:start + $i))::uuid;"
  done; echo 'COMMIT;'; } > "$WORK/many.sql"
for mode in ENABLE DISABLE ENABLE; do
  "${PSQL[@]}" -c "ALTER TABLE contacts $mode TRIGGER contacts_histogram_update"
  for s in one many; do
    printf '%-8s trigger %-8s %s\n' "$s" "$mode" "$("${PGBENCH[@]}" -c 1 -j 1 -T 10 -f "$WORK/$s.sql" "$DB" 2>&1 | grep -E '^latency average')"
  done
  # the DISABLE round leaves the histogram stale: rebuild it as V8 does
  "${PSQL[@]}" -c "BEGIN; LOCK contacts IN SHARE ROW EXCLUSIVE MODE; TRUNCATE score_histogram;
    INSERT INTO score_histogram SELECT owner_id, threshold_bucket(score_key), 0, count(*), sum(interaction_count) FROM contacts GROUP BY 1, 2; COMMIT;"
done

log "check: histogram (stripes summed) minus contacts, per owner and bucket, after a trigger-on run"
"${PGBENCH[@]}" -c 2 -j 2 -T 5 -f "$WORK/one.sql" "$DB" >/dev/null 2>&1
"${PSQL[@]}" -At -c "WITH h AS (SELECT owner_id, bucket, sum(contacts) c, sum(interactions) i FROM score_histogram GROUP BY 1, 2
                                HAVING sum(contacts) <> 0 OR sum(interactions) <> 0),
                          c AS (SELECT owner_id, threshold_bucket(score_key) bucket, count(*) c, sum(interaction_count) i FROM contacts GROUP BY 1, 2)
                     SELECT 'buckets that differ: ' || count(*) FROM h FULL JOIN c USING (owner_id, bucket)
                     WHERE h.c IS DISTINCT FROM c.c OR h.i IS DISTINCT FROM c.i"
log "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
