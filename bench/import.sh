#!/usr/bin/env bash
# Import benchmark (docs/importing.md, "Figures"): a generated LinkedIn Connections.csv of 20,000 and of
# 100,000 rows, posted as text/csv to a running Threshold (Quarkus test mode, embedded PostgreSQL 17):
# import, re-import (all unchanged), dry run, CSV export, and the peak heap of the JVM during the import.
# The JVM runs with a small heap (BENCH_HEAP, default 256m) so that an import that held the file in memory
# would fail instead of passing unnoticed.
#
#   bash bench/import.sh          # about 2-4 minutes on 2 cores; figures in target/import-bench.txt
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
HEAP=${BENCH_HEAP:-256m}
./mvnw -B -ntp -q test -Dtest=ImportBenchmark -Dimport.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Xmx$HEAP -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=target/import-bench.hprof" -Dit.test=none -DskipITs
cat target/import-bench.txt
