#!/usr/bin/env bash
# Dispatcher overhead (Discord issue): runs the Hotcog interaction benchmark with a flight recording,
# then reports the p50/p99 of the dispatcher's hand-off (JDA's event to the handler starting), from
# the org.hotcog.HandOff events bot.core emits. Environment as for interactions.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
recording=$(mktemp --suffix=.jfr)
trap 'rm -f "$recording"' EXIT
BOT_JAVA_OPTS="-XX:StartFlightRecording=filename=$recording,settings=default" bench/interactions.sh hotcog
java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.HandOffStats "$recording" "${INTERACTIONS:-20000}"
