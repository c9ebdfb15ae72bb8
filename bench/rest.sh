#!/usr/bin/env bash
# REST benchmark: GET /api/modules with a valid token under wrk, on loopback, against
# `java -jar target/hotcog.jar` on its defaults (offline, H2). Installs wrk (Debian) when missing.
# Prints wrk's report and one summary line "requests/s, p50, p99".
# Usage: bench/rest.sh [SECONDS] [CONNECTIONS] (defaults 30 and 32). Builds the jar if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-32}
jar=target/hotcog.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
pid=
# The bot is stopped by its pid: its command line does not name the work folder.
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export HOTCOG_HTTP_PORT=$port HOTCOG_DATA_DIR="$work/data"
java -jar "$jar" >"$work/out.log" 2>&1 </dev/null &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/api/health"; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/out.log" >&2; exit 1; }
  sleep 0.1
done
# A token of its own, with a rate limit far above what one machine can send.
token=$(java -jar "$jar" token create bench read-only --rate 1000000 | head -1)
url="http://127.0.0.1:$port/api/modules"
curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $token" "$url" >/dev/null   # warm-up (JIT)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url" | tee "$work/wrk.txt"
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
awk -v non2xx="${non2xx:-0}" '
  /Requests\/sec/ { rps = $2 }
  $1 == "50%" { p50 = $2 }
  $1 == "99%" { p99 = $2 }
  END { printf "GET /api/modules: %s requests/s, p50 %s, p99 %s, non-2xx %s\n", rps, p50, p99, non2xx }' "$work/wrk.txt"
echo "response size: $(curl -s -H "Authorization: Bearer $token" "$url" | wc -c) bytes; bot CPU time: $(awk '{print ($14+$15)/100 " s"}' /proc/$pid/stat)"
