#!/usr/bin/env bash
# Capture benchmark (docs/benchmarks.md, "Capture"): a generated 1 GB Takeout-like mbox (about 200,000 messages) and a
# ten-year calendar of 5,000 events with recurring series, captured from files on disk through CaptureService (as an
# import job calls it) in Quarkus test mode against the embedded PostgreSQL 17, in a JVM of the image's heap budget
# (BENCH_HEAP, default 192m): time, MB/s, interactions/s and the JVM's peak RSS.
#
#   bash bench/capture.sh            # BENCH_MB=1024 by default; figures in target/capture-bench.txt
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
HEAP=${BENCH_HEAP:-192m}
MB=${BENCH_MB:-1024}
# the pom fixes the surefire argLine, so the heap limit reaches the test JVM (and Maven) through JAVA_TOOL_OPTIONS
JAVA_TOOL_OPTIONS="-Xmx$HEAP" ./mvnw -B -ntp -q test -Dtest=CaptureBenchmark -Dcapture.bench=true -Dcapture.bench.mb="$MB" \
    -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=none -DskipITs
cat target/capture-bench.txt
