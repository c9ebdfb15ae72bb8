#!/usr/bin/env bash
# Interaction benchmark (Discord issue): a local Discord sends /pong interactions to the bot under test,
# a separate process, and times each from just before INTERACTION_CREATE is sent to the bot's type-4 callback.
# "baseline" is plain JDA without OSGi (bench/.../JdaBaselineBot), "hotcog" is target/hotcog.jar with the
# /pong feature bundle installed through the web console; "both" runs them one after the other, never at once.
# Usage: bench/interactions.sh [baseline|hotcog|both] (default both).
# Environment: INTERACTIONS (20000), IN_FLIGHT (32), WARMUP (4000), BOT_JAVA_OPTS (extra JVM options of the bot),
# STOP_MODULES (Hotcog's modules to stop before the run, e.g. all six: the same gateway traffic as the baseline),
# JAR (the Hotcog jar to run, target/hotcog.jar by default: another build's, to compare two by turns).
# Needs bench/target (mvn -o -q package -DskipTests -pl bench -am) and target/hotcog.jar for "hotcog".
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
case "$which" in
  baseline|hotcog) bots=("$which") ;;
  both) bots=(baseline hotcog) ;;
  *) echo "usage: $0 [baseline|hotcog|both]" >&2; exit 2 ;;
esac
[ -f bench/target/bench.jar ] || mvn -o -q package -DskipTests -pl bench -am
[[ "$which" == baseline ]] || [ -n "${JAR:-}" ] || [ -f target/hotcog.jar ] || mvn -o -q package -DskipTests -pl .

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "java: $(java -version 2>&1 | head -1)"
for bot in "${bots[@]}"; do
  mkdir -p "$work/$bot"
  # Other work on the machine skews every figure: say how busy it was.
  echo "load average before $bot: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.InteractionBenchmark "$bot" "$work/$bot"
done
