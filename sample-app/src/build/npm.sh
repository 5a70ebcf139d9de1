#!/bin/sh
# Runs npm for the Maven build, after checking that Node.js 18+ and npm are there: without this
# check a missing npm shows up as "Cannot run program" deep in Maven's output.
set -e
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "sample-app: Node.js (18 or newer) and npm are needed to bundle fhirclient and Chart.js." >&2
  echo "  Debian: apt-get install -y nodejs npm   (or build without this module: mvn -pl '!sample-app' ...)" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "sample-app: Node.js $(node --version) is too old; 18 or newer is needed." >&2
  exit 1
fi
exec npm "$@"
