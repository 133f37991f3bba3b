#!/usr/bin/env bash
# Capture sources' parser-only throughput (docs/importing.md, "Figures"): a generated 200 MB WhatsApp chat and a
# 500 MB Telegram result.json (target/bench, made-up data), each read by its source (WhatsAppChat reads its file
# twice: day/month order and owner first) into a counting sink, in JVMs with a 256 MB heap (BENCH_HEAP, through JAVA_TOOL_OPTIONS: the pom's argLine wins over -DargLine), so that a
# parser that held the file would fail. Prints time, MB/s, items and the JVM's peak RSS (VmHWM).
# The end-to-end figure (matching, exchanges, recording) waits for the capture pipeline.
#
#   bash bench/chats.sh            # figures in target/chats-bench.txt
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
HEAP=${BENCH_HEAP:-256m}
JAVA_TOOL_OPTIONS="-Xmx$HEAP" ./mvnw -B -ntp -q test -Dtest=CaptureSourceBenchmark -Dcapture.bench=true \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none -DskipITs
cat target/chats-bench.txt
