#!/usr/bin/env bash
# Builds what is needed and starts the CareConnect SMART stack on the embedded H2 database with
# demo data, then prints its URLs. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

FHIR_PORT="${FHIR_PORT:-8080}"
JAR=fhir-server/target/fhir-server-0.1.0-SNAPSHOT-exec.jar

echo "== Building (first build downloads dependencies, about 2 minutes) =="
mvn -B -ntp -DskipTests package

mkdir -p data
echo "== Starting the FHIR server on port ${FHIR_PORT} (data under ./data) =="
# Small heap (old generation sized for the validator's ~280 MB), serial collector, two malloc
# arenas: about 700 MB resident (docs/benchmarks.md).
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-demo}" PORT="${FHIR_PORT}" \
  java ${JAVA_OPTS:--Xmx400m -XX:NewRatio=5 -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:ReservedCodeCacheSize=64m} -jar "$JAR" > data/fhir-server.log 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://localhost:${FHIR_PORT}/actuator/health/readiness"; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "The FHIR server stopped; see data/fhir-server.log" >&2
    tail -n 40 data/fhir-server.log >&2
    exit 1
  fi
  sleep 1
done

cat <<TXT

CareConnect SMART is running (log: data/fhir-server.log):
  FHIR server (Care Connect, STU3)  http://localhost:${FHIR_PORT}/fhir/STU3
  CapabilityStatement               http://localhost:${FHIR_PORT}/fhir/STU3/metadata
  Demo patients                     http://localhost:${FHIR_PORT}/fhir/STU3/Patient?_count=10
  Health                            http://localhost:${FHIR_PORT}/actuator/health

Press Ctrl-C to stop.
TXT
wait "$SERVER_PID"
