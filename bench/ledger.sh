#!/usr/bin/env bash
# Ledger benchmark: payments per second through the economy's ledger on an H2 file database behind
# HikariCP, as the runtime runs it on its defaults. Prints one line: payments/s, p50, p99, and
# whether the coins still add up.
# Usage: bench/ledger.sh [PAYMENTS] [THREADS] [MEMBERS] (defaults 100000, 8, 100).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f bench/target/bench.jar ] || mvn -B -q install -DskipTests
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.LedgerBenchmark "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
