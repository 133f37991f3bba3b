#!/usr/bin/env bash
# Webhook and nudge figures of docs/benchmarks.md ("Webhooks"):
#   deliveries per second to a local receiver, the decay sweep at 100,000 contacts with 0, 100 and 10,000 due
#   (with the claim's EXPLAIN ANALYZE), and single writes with and without a subscribed endpoint.
#
#   bash bench/webhooks.sh        # a few minutes; needs only Java 17 (the tests start their own PostgreSQL)
#
# Runs src/test/java/dev/threshold/nudge/webhooks/WebhookBenchmark.java (skipped in the normal suite) and keeps
# its BENCH lines in bench/results/webhooks.txt.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
mkdir -p "$HERE/results"
cd "$ROOT"
./mvnw -B -ntp test -Dtest="${BENCH_TESTS:-WebhookBenchmark}" -Dsurefire.failIfNoSpecifiedTests=false -Dwebhooks.bench=true \
    | tee /tmp/threshold-webhooks-bench.log | grep -E "Tests run:|BUILD" || true
grep -E "^BENCH" /tmp/threshold-webhooks-bench.log > "$HERE/results/webhooks.txt"
cat "$HERE/results/webhooks.txt"
