#!/usr/bin/env bash
# Swap-time benchmark (Discord issue): target/hotcog.jar runs connected to a local Discord in the benchmark's JVM,
# with the /pong feature bundle installed through the web console; while a steady stream of /pong interactions
# goes on, the bundle is updated SWAPS times through the console's upload form, alternately to two builds whose
# answers name their version. Each swap is timed from the upload being sent to the first answer of the new version.
# Usage: bench/swap.sh. Environment: SWAPS (20), IN_FLIGHT (4), WARMUP (4000), PAUSE_MS (1000), BOT_JAVA_OPTS.
# Needs the modules installed (mvn -o -q install -DskipTests) and target/hotcog.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f bench/target/bench-pong-swap-b.jar ] || mvn -o -q package -f bench/pom.xml
[ -f target/hotcog.jar ] || mvn -o -q package -DskipTests -pl .

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "java: $(java -version 2>&1 | head -1)"
# Other work on the machine skews every figure: say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.SwapBenchmark "$work"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
