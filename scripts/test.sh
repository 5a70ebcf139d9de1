#!/usr/bin/env bash
# Runs every test of CareConnect SMART. Installs what the tests need when it is missing, starts
# the services they need and stops them again. Used by the README's test command and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== CareConnect SMART tests =="
# sed, not head: head closing the pipe early can kill the writer with SIGPIPE, and pipefail
# would then stop the script before any test ran.
java -version 2>&1 | sed -n 1p
mvn -v 2>&1 | sed -n 1p

# Browser tests drive Debian's headless Chromium; install it when this machine lacks it.
if ! command -v chromedriver >/dev/null || [ ! -x /usr/lib/chromium/chromium ]; then
  echo "== Installing chromium and chromium-driver (browser tests)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi
# Selenium must never try to download a browser or driver.
export SE_OFFLINE=true

# -B -ntp, never -q: Surefire's "Tests run:" lines must stay visible.
mvn -B -ntp verify
