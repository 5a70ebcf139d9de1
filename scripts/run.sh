#!/usr/bin/env bash
# Builds what is needed and starts the CareConnect SMART stack on the embedded H2 databases with
# demo data (profile `demo`), then prints its URLs. Stop it with Ctrl-C: every service stops.
# Each service answers on http and on https, with a certificate of the demo CA that
# scripts/demo-tls.sh makes in ./data/tls on the first run (README "https").
# CARECONNECT_SCHEME=https makes the https URLs the stack's public ones (issuer, FHIR base, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

FHIR_PORT="${FHIR_PORT:-8080}"
AUTH_PORT="${AUTH_PORT:-9000}"
LAUNCHER_PORT="${LAUNCHER_PORT:-9100}"
APP_PORT="${APP_PORT:-9200}"
FHIR_HTTPS_PORT="${FHIR_HTTPS_PORT:-8443}"
AUTH_HTTPS_PORT="${AUTH_HTTPS_PORT:-9443}"
LAUNCHER_HTTPS_PORT="${LAUNCHER_HTTPS_PORT:-9543}"
APP_HTTPS_PORT="${APP_HTTPS_PORT:-9643}"
SCHEME="${CARECONNECT_SCHEME:-http}"
VERSION=0.1.0-SNAPSHOT

echo "== Building (the first build downloads dependencies, about 3 minutes) =="
mvn -B -ntp -DskipTests package

mkdir -p data
TLS_DIR="data/tls"
bash scripts/demo-tls.sh "$TLS_DIR"

# The stack's public URLs (README "The stack's URLs"): every service derives its defaults from them.
public_url() { # NAME HTTP_PORT HTTPS_PORT
  if [ "$SCHEME" = https ]; then echo "https://localhost:$3"; else echo "http://localhost:$2"; fi
}
export CARECONNECT_FHIR_URL="${CARECONNECT_FHIR_URL:-$(public_url fhir "$FHIR_PORT" "$FHIR_HTTPS_PORT")}"
export CARECONNECT_AUTH_URL="${CARECONNECT_AUTH_URL:-$(public_url auth "$AUTH_PORT" "$AUTH_HTTPS_PORT")}"
export CARECONNECT_LAUNCHER_URL="${CARECONNECT_LAUNCHER_URL:-$(public_url launcher "$LAUNCHER_PORT" "$LAUNCHER_HTTPS_PORT")}"
export CARECONNECT_APP_URL="${CARECONNECT_APP_URL:-$(public_url app "$APP_PORT" "$APP_HTTPS_PORT")}"
# The demo keeps serving plain http (the README's http URLs and the e2e tests use it).
export CARECONNECT_HTTP_MODE="${CARECONNECT_HTTP_MODE:-serve}"
PIDS=()
stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT INT TERM

# start NAME PORT HTTPS_PORT JAVA_OPTIONS: runs NAME's executable jar with the demo profile, http
# on PORT, https on HTTPS_PORT with NAME's demo certificate (SSL bundle "server"), its calls to
# the other services trusting the demo CA (SSL bundle "client"); log in data/NAME.log.
start() {
  local name=$1 port=$2 https_port=$3 jvm=$4
  local jar="${name}/target/${name}-${VERSION}-exec.jar"
  [ -f "$jar" ] || return 0
  echo "== Starting ${name} on ports ${port} (http) and ${https_port} (https) (log: data/${name}.log)"
  # Small heaps, serial collector and two malloc arenas keep the stack's memory modest
  # (docs/benchmarks.md); JAVA_OPTS replaces them for every service.
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-demo}" PORT="${port}" \
    HTTPS_PORT="${https_port}" CARECONNECT_TLS_SERVER_BUNDLE=server CARECONNECT_TLS_CLIENT_BUNDLE=client \
    SPRING_SSL_BUNDLE_PEM_SERVER_KEYSTORE_CERTIFICATE="file:${TLS_DIR}/${name}.crt" \
    SPRING_SSL_BUNDLE_PEM_SERVER_KEYSTORE_PRIVATE_KEY="file:${TLS_DIR}/${name}.key" \
    SPRING_SSL_BUNDLE_PEM_CLIENT_TRUSTSTORE_CERTIFICATE="file:${TLS_DIR}/ca.crt" \
    java ${JAVA_OPTS:-$jvm} -jar "$jar" > "data/${name}.log" 2>&1 &
  PIDS+=($!)
  STARTED+=("${name}:${port}:$!")
}

# READY_TIMEOUT (seconds, default 180): more on a loaded machine, where a start can take minutes.
wait_ready() {
  local name=$1 port=$2 pid=$3
  for _ in $(seq 1 "${READY_TIMEOUT:-180}"); do
    curl -fs -o /dev/null "http://localhost:${port}/actuator/health/readiness" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "${name} stopped; see data/${name}.log" >&2
      tail -n 40 "data/${name}.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "${name} was not ready after ${READY_TIMEOUT:-180} s (READY_TIMEOUT); see data/${name}.log" >&2
  exit 1
}

STARTED=()
SMALL="-XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=10000"
start fhir-server "$FHIR_PORT" "$FHIR_HTTPS_PORT" "-Xmx400m -XX:NewRatio=5 $SMALL"
start auth-server "$AUTH_PORT" "$AUTH_HTTPS_PORT" "-Xmx256m $SMALL"
start smart-launcher "$LAUNCHER_PORT" "$LAUNCHER_HTTPS_PORT" "-Xmx128m $SMALL"
start sample-app "$APP_PORT" "$APP_HTTPS_PORT" "-Xmx96m $SMALL"
for service in "${STARTED[@]}"; do
  IFS=: read -r name port pid <<< "$service"
  wait_ready "$name" "$port" "$pid"
done

echo
echo "CareConnect SMART is running (logs in ./data):"
[ -f "smart-launcher/target/smart-launcher-${VERSION}-exec.jar" ] && \
  echo "  Start here: EHR launcher          ${CARECONNECT_LAUNCHER_URL}/"
[ -f "sample-app/target/sample-app-${VERSION}-exec.jar" ] && \
  echo "  Sample SMART app                  ${CARECONNECT_APP_URL}/launch.html?iss=${CARECONNECT_FHIR_URL}/fhir/STU3"
cat <<TXT
  FHIR server (Care Connect, STU3)  ${CARECONNECT_FHIR_URL}/fhir/STU3   (Bearer token required)
  CapabilityStatement               ${CARECONNECT_FHIR_URL}/fhir/STU3/metadata
  SMART configuration               ${CARECONNECT_FHIR_URL}/fhir/STU3/.well-known/smart-configuration
  Authorisation server              ${CARECONNECT_AUTH_URL}/.well-known/openid-configuration
  Admin (user admin)                ${CARECONNECT_AUTH_URL}/admin
  Demo users and clients            README.md, "Demo users and clients"
  A backend-services token          bash scripts/backend-token.sh
  A native app (RFC 8252)           java -jar native-client/target/native-client-${VERSION}-exec.jar

  https (certificates of the demo CA ${TLS_DIR}/ca.crt; curl --cacert ${TLS_DIR}/ca.crt):
  FHIR server                       https://localhost:${FHIR_HTTPS_PORT}/fhir/STU3
  Authorisation server              https://localhost:${AUTH_HTTPS_PORT}/.well-known/openid-configuration
  EHR launcher                      https://localhost:${LAUNCHER_HTTPS_PORT}/
  Sample SMART app                  https://localhost:${APP_HTTPS_PORT}/
  The URLs at the top are the stack's public ones (tokens' iss and aud); CARECONNECT_SCHEME=https
  makes them the https ones (README "https").

Press Ctrl-C to stop.
TXT
wait
