#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the REKINDLE branch of CandidateQuery at 100,000 contacts of one owner (plus
# 200,000 of ten others), PostgreSQL 15 (as bench/scale.sh; run as root: it uses the postgres user), port 55499.
# Synthetic scores: 30 % untouched; log2 S now = -4 + 11u^2; log2 S at the peak = max(now, -2 + 8v).
#   bash bench/rekindle-explain.sh > bench/results/explain-rekindle-b100k.txt
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
BASE=/tmp/threshold-rekindle-pg
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rm -rf $BASE/data; mkdir -p $BASE; chown postgres: $BASE
runuser -u postgres -- $PGBIN/initdb -D $BASE/data -A trust -U postgres >/dev/null
runuser -u postgres -- $PGBIN/pg_ctl -D $BASE/data -o "-p 55499 -k $BASE -c shared_buffers=256MB" -l $BASE/log start >/dev/null
trap 'runuser -u postgres -- $PGBIN/pg_ctl -D $BASE/data -m immediate stop >/dev/null; rm -rf $BASE/data' EXIT
P="psql -h $BASE -p 55499 -U postgres -v ON_ERROR_STOP=1 -q"
$P -c "CREATE DATABASE t"
for f in $(ls $ROOT/src/main/resources/db/migration/V*.sql | sort -V); do $P -d t -1 -f $f >/dev/null; done
NOW_D=$(python3 -c "import time; print(time.time()/86400)")
$P -d t <<SQL
INSERT INTO contacts (owner_id, id, display_name, created_at, updated_at, version, score_key, last_interaction_at,
                      interaction_count, peak_log2_points, peak_at)
SELECT o, gen_random_uuid(), 'c' || g, now(), now(), 0,
       CASE WHEN r < 0.3 THEN '-Infinity' ELSE (-4 + 11 * u * u) + $NOW_D / 90.0 END,
       CASE WHEN r < 0.3 THEN NULL ELSE now() - make_interval(days => (1000 * (1 - u))::int) END,
       CASE WHEN r < 0.3 THEN 0 ELSE 5 END,
       CASE WHEN r < 0.3 THEN '-Infinity' ELSE greatest(-4 + 11 * u * u, -2 + 8 * v) END,
       CASE WHEN r < 0.3 THEN NULL ELSE now() - interval '900 days' END
FROM (SELECT CASE WHEN g <= 100000 THEN 'bench-owner-b' ELSE 'noise-' || (g % 10) END AS o, g,
             random() AS r, random() AS u, random() AS v FROM generate_series(1, 300000) g) x;
VACUUM (ANALYZE, FREEZE) contacts;
SQL
FRIEND=$(python3 -c "import math; print(math.log2(-30*math.log(0.6)))")
ACQ=$(python3 -c "import math; print(math.log2(-30*math.log(0.9)) + $NOW_D/90)")
$P -d t -c "SELECT count(*) FILTER (WHERE peak_log2_points >= $FRIEND AND score_key < $ACQ) AS dormant_former_friends, count(*) AS contacts FROM contacts WHERE owner_id = 'bench-owner-b'"
$P -d t <<SQL
PREPARE q(text, float8, float8, timestamptz, text, float8, float8, float8, int) AS
SELECT 0 AS branch, id, display_name, score_key, in_key, out_key, last_interaction_at, cadence_days, peak_log2_points, peak_at
FROM contacts WHERE owner_id = \$1 AND peak_log2_points >= \$2 AND score_key < \$3
 AND peak_log2_points > '-Infinity' AND score_key > '-Infinity'
 AND point(peak_log2_points, score_key) <@ box(point(\$2, -1e300), point(1e300, \$3))
 AND (snoozed_until IS NULL OR snoozed_until <= \$4)
 AND NOT EXISTS (SELECT 1 FROM recommendation_dismissals d WHERE d.owner_id = contacts.owner_id AND d.contact_id = contacts.id
   AND d.reason = \$5 AND d.score_key = contacts.score_key AND d.interaction_count = contacts.interaction_count
   AND d.tier = CASE WHEN contacts.score_key >= \$6 THEN 'ALLY' WHEN contacts.score_key >= \$7 THEN 'FRIEND'
                     WHEN contacts.score_key >= \$8 THEN 'ACQUAINTANCE' ELSE 'STRANGER' END)
ORDER BY peak_log2_points DESC, id LIMIT \$9;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE q('bench-owner-b', $FRIEND, $ACQ, now(), 'REKINDLE', 1e9, 1e9, $ACQ, 51);
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE q('bench-owner-b', $FRIEND, $ACQ, now(), 'REKINDLE', 1e9, 1e9, $ACQ, 51);
SQL
