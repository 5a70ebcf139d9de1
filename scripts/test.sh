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

# The storage suites of fhir-server and auth-server run a second time against a real MariaDB
# (Maven profile mariadb): a throwaway server in a folder of this run, stopped and deleted on
# exit, failure included. The tests create their own databases (ccs_*), a fresh one per server.
MARIADB_DIR=$(mktemp -d -t careconnect-mariadb.XXXXXX)
trap 'bash scripts/mariadb.sh stop "$MARIADB_DIR" || true; rm -rf "$MARIADB_DIR"' EXIT
echo "== Starting MariaDB (MySQL suites) in $MARIADB_DIR"
MARIADB_PORT=$(bash scripts/mariadb.sh start "$MARIADB_DIR")
bash scripts/mariadb.sh testuser "$MARIADB_DIR"
echo "MariaDB on 127.0.0.1:$MARIADB_PORT"

# -B -ntp, never -q: Surefire's "Tests run:" lines must stay visible.
status=0
mvn -B -ntp verify -Pmariadb -Dmariadb.port="$MARIADB_PORT" || status=$?

# Counts per module and suite, the MariaDB runs apart; printed after a failure too.
bash scripts/test-summary.sh || true
exit "$status"
