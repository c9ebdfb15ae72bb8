#!/usr/bin/env bash
# Live status benchmark (Pterodactyl issue): target/hotcog.jar connected to a local Discord and two local panels with
# SERVERS servers and a live status message each; the servers' load moves. Reports Discord edits a minute against
# the changes made (target: only the changes, at most 12 edits a minute of one message), panel requests a minute
# (target: within 240 a minute per key), the bot's CPU, memory and heap.
# Usage: bench/ptero.sh; environment: SERVERS (200), MINUTES (3).
# Needs bench/target/bench.jar with its lib/ and target/hotcog.jar (built in one reactor, see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.PanelBenchmark "$work"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
