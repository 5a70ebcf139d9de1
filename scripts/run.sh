#!/usr/bin/env bash
# Builds what is needed and starts the CareConnect SMART stack on the embedded H2 databases with
# demo data (profile `demo`), then prints its URLs. Stop it with Ctrl-C: every service stops.
set -euo pipefail
cd "$(dirname "$0")/.."

FHIR_PORT="${FHIR_PORT:-8080}"
AUTH_PORT="${AUTH_PORT:-9000}"
LAUNCHER_PORT="${LAUNCHER_PORT:-9100}"
APP_PORT="${APP_PORT:-9200}"
VERSION=0.1.0-SNAPSHOT

echo "== Building (the first build downloads dependencies, about 3 minutes) =="
mvn -B -ntp -DskipTests package

mkdir -p data
PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT INT TERM

# start NAME PORT JAVA_OPTIONS: runs NAME's executable jar with the demo profile, log in data/NAME.log.
start() {
  local name=$1 port=$2 jvm=$3
  local jar="${name}/target/${name}-${VERSION}-exec.jar"
  [ -f "$jar" ] || return 0
  echo "== Starting ${name} on port ${port} (log: data/${name}.log)"
  # Small heaps, serial collector and two malloc arenas keep the stack's memory modest
  # (docs/benchmarks.md); JAVA_OPTS replaces them for every service.
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-demo}" PORT="${port}" \
    java ${JAVA_OPTS:-$jvm} -jar "$jar" > "data/${name}.log" 2>&1 &
  PIDS+=($!)
  STARTED+=("${name}:${port}:$!")
}

wait_ready() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null "http://localhost:${port}/actuator/health/readiness" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "${name} stopped; see data/${name}.log" >&2
      tail -n 40 "data/${name}.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "${name} was not ready after 3 minutes; see data/${name}.log" >&2
  exit 1
}

STARTED=()
SMALL="-XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:ReservedCodeCacheSize=64m"
start fhir-server "$FHIR_PORT" "-Xmx400m -XX:NewRatio=5 $SMALL"
start auth-server "$AUTH_PORT" "-Xmx256m $SMALL"
start smart-launcher "$LAUNCHER_PORT" "-Xmx128m $SMALL"
start sample-app "$APP_PORT" "-Xmx96m $SMALL"
for service in "${STARTED[@]}"; do
  IFS=: read -r name port pid <<< "$service"
  wait_ready "$name" "$port" "$pid"
done

echo
echo "CareConnect SMART is running (logs in ./data):"
[ -f "smart-launcher/target/smart-launcher-${VERSION}-exec.jar" ] && \
  echo "  Start here: EHR launcher          http://localhost:${LAUNCHER_PORT}/"
[ -f "sample-app/target/sample-app-${VERSION}-exec.jar" ] && \
  echo "  Sample SMART app                  http://localhost:${APP_PORT}/launch.html?iss=http://localhost:${FHIR_PORT}/fhir/STU3"
cat <<TXT
  FHIR server (Care Connect, STU3)  http://localhost:${FHIR_PORT}/fhir/STU3   (Bearer token required)
  CapabilityStatement               http://localhost:${FHIR_PORT}/fhir/STU3/metadata
  SMART configuration               http://localhost:${FHIR_PORT}/fhir/STU3/.well-known/smart-configuration
  Authorisation server              http://localhost:${AUTH_PORT}/.well-known/openid-configuration
  Admin (user admin)                http://localhost:${AUTH_PORT}/admin
  Demo users and clients            README.md, "Demo users and clients"
  A backend-services token          bash scripts/backend-token.sh
  A native app (RFC 8252)           java -jar native-client/target/native-client-${VERSION}-exec.jar

Press Ctrl-C to stop.
TXT
wait
