#!/usr/bin/env bash
# Start-up A/B: two jars started by turns, each on its own kept data folder, so that both meet the same
# moments of a machine whose speed drifts (medians of separate runs minutes apart differ by more than
# most changes). After one first start each, ROUNDS restarts of each jar, alternating which goes first;
# prints per jar the median time to ready (GET /api/health answering 200, probed every 10 ms by one
# process) and the median CPU time of the process until then (user + system, all threads).
# Usage: bench/startup-ab.sh JAR_A JAR_B [ROUNDS] (default 6).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 JAR_A JAR_B [ROUNDS]" >&2; exit 2; }
for jar in "$1" "$2"; do
  [ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 2; }
done
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$1" "$2" "${3:-6}" <<'PY'
import os, shutil, socket, statistics, subprocess, sys, tempfile, time

jars, rounds = sys.argv[1:3], int(sys.argv[3])
clock_ticks = os.sysconf("SC_CLK_TCK")

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def start(jar, data):
    """Starts the jar, waits until /api/health answers 200, stops it; returns (ms to ready, CPU ms)."""
    port = free_port()
    env = dict(os.environ, HOTCOG_DATA_DIR=data, HOTCOG_HTTP_PORT=str(port))
    began = time.time()
    bot = subprocess.Popen(["java", "-jar", jar], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if bot.poll() is not None:
                sys.exit(f"{jar} exited with {bot.returncode} before it was ready")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=2) as probe:
                    probe.sendall(b"GET /api/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                    if probe.recv(32).split(b" ")[1:2] == [b"200"]:
                        break
            except OSError:
                pass
            time.sleep(0.01)
        ready = int((time.time() - began) * 1000)
        # utime and stime are fields 14 and 15 of /proc/PID/stat, 12 and 13 after the command name
        stat = open(f"/proc/{bot.pid}/stat").read().rsplit(")", 1)[1].split()
        return ready, int((int(stat[11]) + int(stat[12])) * 1000 / clock_ticks)
    finally:
        bot.terminate()
        bot.wait()

folders = {jar: tempfile.mkdtemp() for jar in jars}
try:
    for jar in jars:
        start(jar, folders[jar])
    results = {jar: [] for jar in jars}
    for round_ in range(rounds):
        for jar in jars if round_ % 2 == 0 else reversed(jars):
            results[jar].append(start(jar, folders[jar]))
    for jar in jars:
        ready = [r for r, _ in results[jar]]
        cpu = [c for _, c in results[jar]]
        print(f"{jar}: ready median {statistics.median(ready):.0f} ms ({min(ready)}-{max(ready)}), "
              f"CPU to ready median {statistics.median(cpu):.0f} ms")
finally:
    for folder in folders.values():
        shutil.rmtree(folder, ignore_errors=True)
PY
