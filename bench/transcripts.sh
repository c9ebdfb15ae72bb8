#!/usr/bin/env bash
# Transcript benchmark (tickets issue): a ticket of MESSAGES archived messages in an H2 file database, and the time
# and heap it takes to write its HTML and text transcripts as a close does. Target: under 2 s and under 50 MB of
# extra heap for 10,000 messages.
# The JVM gets 64 MB of heap, so that what the writing keeps alive shows rather than uncollected garbage.
# Usage: bench/transcripts.sh [MESSAGES] [ROUNDS] (defaults 10000, 10).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f bench/target/bench.jar ] || mvn -B -q install -DskipTests
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx64m -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.TranscriptBenchmark "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
