#!/usr/bin/env bash
# Installs what the PostgreSQL tests start a throwaway server from: Debian's postgresql package
# (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin). Does nothing when it is there. The
# tests start and stop their own server in a temporary folder; no system service is used.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "The PostgreSQL tests need Debian's postgresql package; install it as root:" >&2
  echo "  apt-get install postgresql" >&2
  exit 1
fi

echo "Installing postgresql for the PostgreSQL tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Waits for another apt to finish rather than failing on its lock.
if ! { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq \
       && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
            postgresql; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "Installing postgresql failed" >&2
  exit 1
fi
