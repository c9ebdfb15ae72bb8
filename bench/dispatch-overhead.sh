#!/usr/bin/env bash
# Dispatcher overhead (Discord issue): runs the Hotcog interaction benchmark with a flight recording,
# then reports the p50/p99 of the dispatcher's hand-off (JDA's event to the handler starting), from
# the org.hotcog.HandOff events bot.core emits. Two loads, each on a fresh bot:
#   saturated  32 interactions in flight, one sent as soon as another is answered: the cores are busy, so
#              the hand-off includes waiting for a core;
#   rate       RATE interactions per second (default 500), sent on schedule whatever the bot does: what the
#              dispatcher adds to an interaction when the machine is not saturated.
# Usage: bench/dispatch-overhead.sh [saturated|rate|both] (default both). Environment as for interactions.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-both}" in
  saturated|rate) loads=("$1") ;;
  both) loads=(saturated rate) ;;
  *) echo "usage: $0 [saturated|rate|both]" >&2; exit 2 ;;
esac
rate=${RATE:-500}
recording=$(mktemp --suffix=.jfr)
trap 'rm -f "$recording"' EXIT
for load in "${loads[@]}"; do
  echo "== $load"
  if [[ "$load" == rate ]]; then
    export RATE=$rate
  else
    unset RATE
  fi
  BOT_JAVA_OPTS="-XX:StartFlightRecording=filename=$recording,settings=default" bench/interactions.sh hotcog
  java -cp "bench/target/bench.jar:bench/target/lib/*" org.hotcog.bench.HandOffStats "$recording" "${INTERACTIONS:-20000}"
done
