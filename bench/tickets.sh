#!/usr/bin/env bash
# Ticket open benchmark (tickets issue): target/hotcog.jar connected to a local Discord; a member clicks a ticket
# panel's button and the clock stops when the bot answers with the ready channel (stored, made with its overwrites,
# opening message posted and pinned). Target: well under 2 s; the bot's CPU per ticket is reported too.
# Usage: bench/tickets.sh; environment: TICKETS (200), WARMUP (20).
# Needs the modules installed (mvn -o -q install -DskipTests) and target/hotcog.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f bench/target/bench.jar ] || mvn -o -q package -f bench/pom.xml
[ -f target/hotcog.jar ] || mvn -o -q package -DskipTests -pl .
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.TicketOpenBenchmark "$work"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
