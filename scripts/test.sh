#!/usr/bin/env bash
# Runs every test of CareConnect SMART. Installs what the tests need when it is missing, starts
# the services they need and stops them again. Used by the README's test command and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== CareConnect SMART tests =="
java -version 2>&1 | head -1
mvn -v 2>&1 | head -1

# -B -ntp, never -q: Surefire's "Tests run:" lines must stay visible.
mvn -B -ntp verify
