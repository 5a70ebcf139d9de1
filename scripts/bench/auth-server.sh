#!/usr/bin/env bash
# Benchmark of the authorisation server on loopback with wrk (Debian package), against a same-run
# baseline (a trivial endpoint of the same server): client_credentials with private_key_jwt,
# refresh with rotation, and full password logins (docs/benchmarks.md, issue 3).
#
#   bash scripts/bench/auth-server.sh
#   DURATION=30s bash scripts/bench/auth-server.sh
#   JAVA_OPTS='-Xmx1g' bash scripts/bench/auth-server.sh   # other JVM settings
#   JFR=1 bash scripts/bench/auth-server.sh                # flight recording in DATA_DIR
#   H2_OPTIONS='' ...                                      # H2 URL options after WRITE_DELAY=0
#                                                          # (default: the server's, MAX_LENGTH_INPLACE_LOB=8192;PAGE_SIZE=1024)
#   LOGINS=0 bash scripts/bench/auth-server.sh             # token workloads only
#
# The server runs the demo profile on an H2 file database in a new temporary DATA_DIR, with the
# production password hashing (Argon2id m=7168 KiB t=5 p=1, the default), bound to 127.0.0.1.
# Bounded: each workload runs DURATION (default 15 s, after WARMUP of 10 s: the JIT needs it) with CONNECTIONS
# (default 16) connections; the server is stopped at the end. What a client pays (signing client
# assertions, getting refresh tokens through the authorization code flow) is done before the
# timed runs by scripts/bench/AuthBenchClient.java.
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-19300}"
# Client assertions per second of run: more than the server can take, so none repeats (a repeat
# is a replay, refused).
ASSERTION_RATE="${ASSERTION_RATE:-1500}"
# Live refresh tokens per wrk run: at least CONNECTIONS, so every connection always has one.
REFRESH_TOKENS="${REFRESH_TOKENS:-48}"
LOGIN_CONNECTIONS="${LOGIN_CONNECTIONS:-$CONNECTIONS}"
JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -XX:TrimNativeHeapInterval=10000}"
JAR="${JAR:-auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar}"
DATA_DIR="${DATA_DIR:-$(mktemp -d /tmp/ccs-authbench.XXXXXX)}"
mkdir -p "$DATA_DIR"
BASE="http://127.0.0.1:${PORT}"
TOKEN_URL="${BASE}/oauth2/token"
AUD=http://localhost:8080/fhir/STU3
DEMO=auth-server/src/main/resources/demo
CLIENT="java scripts/bench/AuthBenchClient.java"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -f "$JAR" ] || mvn -B -ntp -pl auth-server -am -DskipTests package

# another server on the port would be measured instead of this one
if curl -s -o /dev/null --max-time 2 "${BASE}/actuator/health/liveness"; then
  echo "port ${PORT} is in use: set PORT" >&2
  exit 1
fi

JFR_OPTS=()
[ -n "${JFR:-}" ] && JFR_OPTS=("-XX:FlightRecorderOptions:stackdepth=256" "-XX:StartFlightRecording=filename=${DATA_DIR}/auth.jfr,settings=profile")

# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
# MALLOC_ARENA_MAX as the run script and the images set it (libargon2 mallocs 7 MiB per check).
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" SPRING_PROFILES_ACTIVE=demo AUTH_ISSUER="$BASE" \
  AUTH_DB_URL="jdbc:h2:file:${DATA_DIR}/auth;MODE=MySQL;WRITE_DELAY=0${H2_OPTIONS-;MAX_LENGTH_INPLACE_LOB=8192;PAGE_SIZE=1024}" \
  java $JAVA_OPTS "${JFR_OPTS[@]}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  > "${DATA_DIR}/server.log" 2>&1 &
SERVER_PID=$!
stop_server() { kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; }
trap stop_server EXIT

echo "== Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== Data: ${DATA_DIR}; JVM: ${JAVA_OPTS} ${JFR_OPTS[*]}"
t0=$(date +%s%N)
until curl -fs -o /dev/null "${BASE}/actuator/health/readiness"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "${DATA_DIR}/server.log"; exit 1; }
  sleep 0.1
done
echo "start to ready: $(( ($(date +%s%N) - t0) / 1000000 )) ms"

seconds() { echo "${1%s}"; }
# The server's CPU time (user + system, ms) from /proc: per request, it does not depend on what
# else runs on the machine nearly as much as req/s does.
server_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/${SERVER_PID}/stat"; }
KID=$(sed -n 's/.*"kid": *"\([^"]*\)".*/\1/p' "$DEMO/careconnect-backend.jwks.json" | head -1)
PEM="$DEMO/careconnect-backend.DEMO-ONLY.private-key.pem"

run() { # name url [lua [lua args...]]
  local name=$1 url=$2 lua=${3:-}
  shift 2; shift || true
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$lua" ] && args+=(-s "$lua" "$url" -- "$@") || args+=("$url")
  local cpu0; cpu0=$(server_cpu_ms)
  local out; out=$(wrk "${args[@]}")
  local cpu1; cpu1=$(server_cpu_ms)
  local rps p50 p99 non2xx errors requests
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  # connect, read, write errors and timeouts (wrk's timeout is 2 s)
  errors=$(echo "$out" | awk '/Socket errors/{gsub(",","");print $4+$6+$8+$10}')
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  printf '| %-44s | %9s | %8s | %8s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:-0}" \
    "$(awk -v c=$(( cpu1 - cpu0 )) -v n="$requests" 'BEGIN{printf "%.2f", n ? c / n : 0}')"
}
warm() { # url [lua [lua args...]]: WARMUP seconds, not reported
  local url=$1 lua=${2:-}
  shift; shift || true
  if [ -n "$lua" ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$lua" "$url" -- "$@" >/dev/null
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  fi
}
assertions() { # file seconds: signed before the run, used within their 5-minute lifetime
  $CLIENT assertions $(( ASSERTION_RATE * $2 )) "$TOKEN_URL" "$PEM" "$KID" "$1"
}

echo "== Preparing: refresh tokens through the authorization code flow"
$CLIENT refresh-tokens "$REFRESH_TOKENS" "$BASE" "$AUD" "${DATA_DIR}/refresh-warm.txt"
$CLIENT refresh-tokens "$REFRESH_TOKENS" "$BASE" "$AUD" "${DATA_DIR}/refresh.txt"

echo
echo "| workload (${CONNECTIONS} connections, ${DURATION}) | req/s | p50 | p99 | non-2xx | socket errors | server CPU ms/request |"
echo "|---|---|---|---|---|---|---|"
warm "${BASE}/actuator/health/liveness"
run "baseline: GET /actuator/health/liveness" "${BASE}/actuator/health/liveness"

assertions "${DATA_DIR}/cc-warm.txt" "$(seconds "$WARMUP")"
warm "$TOKEN_URL" scripts/bench/auth-server.lua "${DATA_DIR}/cc-warm.txt" "$THREADS" bodies
assertions "${DATA_DIR}/cc.txt" "$(seconds "$DURATION")"
run "client_credentials, private_key_jwt (RS384)" "$TOKEN_URL" scripts/bench/auth-server.lua "${DATA_DIR}/cc.txt" "$THREADS" bodies

warm "$TOKEN_URL" scripts/bench/auth-server.lua "${DATA_DIR}/refresh-warm.txt" "$THREADS" refresh
run "refresh_token with rotation (public client)" "$TOKEN_URL" scripts/bench/auth-server.lua "${DATA_DIR}/refresh.txt" "$THREADS" refresh

run "baseline again: GET /actuator/health/liveness" "${BASE}/actuator/health/liveness"
echo
if [ "${LOGINS:-1}" != 0 ]; then
$CLIENT logins "$BASE" "$(seconds "$WARMUP")" "$LOGIN_CONNECTIONS" >/dev/null
cpu0=$(server_cpu_ms)
logins=$($CLIENT logins "$BASE" "$(seconds "$DURATION")" "$LOGIN_CONNECTIONS")
cpu1=$(server_cpu_ms)
echo "full password login (${LOGIN_CONNECTIONS} concurrent, ${DURATION}): ${logins}; server CPU ms/login $(echo "$logins" | awk -v c=$(( cpu1 - cpu0 )) '{printf "%.1f", $8 ? c / $8 : 0}')"
fi
echo
echo "RSS after the run: $(( $(ps -o rss= -p "$SERVER_PID") / 1024 )) MB"
