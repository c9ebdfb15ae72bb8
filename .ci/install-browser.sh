#!/usr/bin/env bash
# Installs what the browser tests (itest/browser) drive: Debian's Chromium and its matching
# ChromeDriver, /usr/bin/chromium and /usr/bin/chromedriver. Does nothing when both are there.
# Installing the two together keeps their versions equal, which ChromeDriver requires.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "The browser tests need Debian's chromium and chromium-driver; install them as root:" >&2
  echo "  apt-get install chromium chromium-driver" >&2
  exit 1
fi

echo "Installing chromium and chromium-driver for the browser tests"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Waits for another apt to finish rather than failing on its lock.
if ! { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq \
       && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
            chromium chromium-driver; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "Installing chromium and chromium-driver failed" >&2
  exit 1
fi
