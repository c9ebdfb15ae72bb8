#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar target/hotcog.jar` to ready (every bundle active and
# /api/health answering 200), and resident memory once idle. Runs the jar RUNS times on kept
# storage (the usual restart) after one first start on an empty data folder, which is reported
# on its own. Also the CPU time the process spent until ready (user + system, all threads), which
# depends less than wall time on what else runs on the machine, and the load average before and
# after. Usage: bench/startup.sh [RUNS] (default 5). Needs curl; builds the jar if missing.
# Environment: JAR, another jar to measure (an older build, to tell how fast the machine is today);
# STOP_MODULES, module names (e.g. "ai pterodactyl") that the first start stops through the REST API,
# so the restarts measure the runtime without them (stopped modules stay stopped over restarts).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
idle_seconds=10
jar=${JAR:-target/hotcog.jar}
if [ ! -f "$jar" ]; then
  [ -z "${JAR:-}" ] || { echo "no jar at $jar" >&2; exit 2; }
  mvn -B -q package -DskipTests
fi

work=$(mktemp -d)
trap 'pkill -f "$work" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
now_ms() { date +%s%3N; }

clock_ticks=$(getconf CLK_TCK)
# CPU time of a process so far in ms: utime + stime, fields 14 and 15 of /proc/PID/stat (the
# command name in field 2 has no spaces here: "java").
cpu_ms() { awk -v hz="$clock_ticks" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

# Waits until GET /api/health answers 200 and prints the ms since $1 (epoch ms). One process
# probes every 10 ms: a curl started per probe would take a good part of a core from the 2 the
# bot starts on.
await_ready() {
  python3 - "$1" "$port" "$2" <<'PY'
import os, socket, sys, time
start_ms, port, pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
while True:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        sys.exit(1)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as probe:
            probe.sendall(b"GET /api/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            if probe.recv(32).split(b" ")[1:2] == [b"200"]:
                print(int(time.time() * 1000) - start_ms)
                break
    except OSError:
        pass
    time.sleep(0.01)
PY
}

# Stops the modules named in STOP_MODULES through the REST API, with the admin token of the data folder.
# curl reads the header from its standard input, so the token never shows in the process list.
stop_modules() {
  local module
  for module in ${STOP_MODULES:-}; do
    printf 'header = "Authorization: Bearer %s"\n' "$(cat "$work/data/admin-token")" \
      | curl -sf -o /dev/null -K - -X POST "http://127.0.0.1:$port/api/modules/$module/stop" \
      || { echo "cannot stop module $module" >&2; exit 1; }
  done
}

# Starts Hotcog, waits for health 200, prints "<ms to ready> <idle RSS in kB> <CPU ms to ready>",
# stops it. With "first", also stops the STOP_MODULES before stopping Hotcog.
measure() {
  local start pid ready rss cpu
  start=$(now_ms)
  HOTCOG_HTTP_PORT=$port HOTCOG_DATA_DIR="$work/data" java -jar "$jar" >"$work/out.log" 2>&1 </dev/null &
  pid=$!
  ready=$(await_ready "$start" "$pid") || { cat "$work/out.log" >&2; exit 1; }
  cpu=$(cpu_ms "$pid")
  sleep "$idle_seconds"
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  [[ "${1:-}" != first ]] || stop_modules
  kill -TERM "$pid"; wait "$pid" || true
  echo "$ready $rss $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
read -r first_ms first_rss first_cpu < <(measure first)
: >"$work/results"
for _ in $(seq "$runs"); do measure >>"$work/results"; done

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "java: $(java -version 2>&1 | head -1)"
echo "jar: $jar${STOP_MODULES:+, restarts without the modules: $STOP_MODULES}"
echo "load average (1, 5, 15 min): before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
echo "first start (empty data folder): ready in ${first_ms} ms (CPU ${first_cpu} ms), idle RSS $((first_rss / 1024)) MB"
echo "restarts (kept storage), $runs runs: ready in ms: $(cut -d' ' -f1 "$work/results" | tr '\n' ' ')"
echo "  median ready: $(cut -d' ' -f1 "$work/results" | median) ms"
echo "  median CPU time to ready: $(cut -d' ' -f3 "$work/results" | median) ms"
echo "  median idle RSS after ${idle_seconds} s: $(( $(cut -d' ' -f2 "$work/results" | median) / 1024 )) MB"
