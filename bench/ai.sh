#!/usr/bin/env bash
# AI streaming benchmark (AI issue): the real JDA client against a local Discord, the AI module's provider client
# against the local OpenAI-compatible provider, and its answer stream writing paced edits. Reports the time from a
# provider's first token to the first visible edit (target: under 300 ms), and 50 answers streaming at once (each
# whole, at most one edit a second, CPU and heap).
# Usage: bench/ai.sh; environment: ASKS (100), CONVERSATIONS (50), WORDS (150), TOKEN_MS (20).
# Build first, in one reactor: mvn -o -q package -DskipTests -pl lib.jda,bot.api,bot.emulator,feature.economy,feature.tickets,feature.ai,bench
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.AiStreamBenchmark
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
