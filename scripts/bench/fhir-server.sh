#!/usr/bin/env bash
# Benchmark of the FHIR server on loopback with wrk (Debian package), against a same-run baseline
# (a trivial endpoint of the same server). Loads the demo population first.
#
#   bash scripts/bench/fhir-server.sh                 # 1,000 patients, all workloads
#   PATIENTS=50000 bash scripts/bench/fhir-server.sh  # another population size
#   DATA_DIR=/tmp/ccs-50k PATIENTS=50000 ...          # keep (and reuse) the database between runs
#
# Bounded: each workload runs WARMUP (default 15 s, not measured) then DURATION (default 15 s) with
# CONNECTIONS (default 16) connections,
# only against 127.0.0.1; the server is stopped at the end. JAR, JAVA_OPTS and DB_OPTIONS (H2 URL
# options) default to the project's jar and settings. ONLY (a regular expression) runs only the
# workloads whose names match it, e.g. ONLY='baseline|Observation'.
set -euo pipefail
cd "$(dirname "$0")/../.."

PATIENTS="${PATIENTS:-1000}"
DURATION="${DURATION:-15s}"
# Warm-up per workload, not measured: C2 takes tens of seconds to compile the request path of a
# freshly started server (the first 5 s of reads ran at a fifth of the steady rate).
WARMUP="${WARMUP:-15s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18080}"
JAR="${JAR:-fhir-server/target/fhir-server-0.1.0-SNAPSHOT-exec.jar}"
# The heap settings of the RSS target (docs/benchmarks.md); override to compare others.
JAVA_OPTS="${JAVA_OPTS:--Xmx400m -XX:NewRatio=5 -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=10000}"
# The H2 options of the server's default URL (application.yaml).
DB_OPTIONS="${DB_OPTIONS:-;MODE=MySQL;WRITE_DELAY=0;MAX_COMPACT_TIME=30000;DB_CLOSE_ON_EXIT=FALSE}"
DATA_DIR="${DATA_DIR:-$(mktemp -d /tmp/ccs-bench.XXXXXX)}"
mkdir -p "$DATA_DIR"
BASE="http://127.0.0.1:${PORT}/fhir/STU3"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -f "$JAR" ] || mvn -B -ntp -DskipTests package

JFR_OPTS=""
[ -n "${JFR:-}" ] && JFR_OPTS="-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=${DATA_DIR}/fhir.jfr,settings=profile"
start_server() {
  # The FHIR server on its own (issue 2): SMART enforcement has its own benchmark,
  # scripts/bench/security-overhead.sh, which measures this same server with and without it.
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" SPRING_PROFILES_ACTIVE=demo CARECONNECT_DEMO_PATIENTS="$PATIENTS" \
    CARECONNECT_FHIR_SECURITY_ENABLED=false \
    java $JAVA_OPTS $JFR_OPTS -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:h2:file:${DATA_DIR}/fhir${DB_OPTIONS}" \
    >> "${DATA_DIR}/server.log" 2>&1 &
  SERVER_PID=$!
}
stop_server() { kill "${SERVER_PID:-}" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; }
trap stop_server EXIT

# The server's CPU time (user + system, ms) from /proc: per request it depends far less on what
# else runs on the machine than req/s does.
server_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/${SERVER_PID}/stat"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

echo "== Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== Data: ${DATA_DIR}; patients: ${PATIENTS}"

echo "== Loading the demo population if the database is new (progress in ${DATA_DIR}/server.log)"
# Only this start's lines count: the log is appended to by every run on the same DATA_DIR.
touch "${DATA_DIR}/server.log"
LOG_FROM=$(( $(wc -l < "${DATA_DIR}/server.log") + 1 ))
start_server
until tail -n +"$LOG_FROM" "${DATA_DIR}/server.log" | grep -q "Demo data loaded\|Demo data: the store already"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "${DATA_DIR}/server.log"; exit 1; }
  sleep 2
done
tail -n +"$LOG_FROM" "${DATA_DIR}/server.log" | grep "Demo data loaded\|Demo data: the store already" | tail -1
stop_server

echo "== Restarting on the loaded database: start to ready"
t0=$(date +%s%N)
start_server
until curl -fs -o /dev/null "http://127.0.0.1:${PORT}/actuator/health/readiness"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "${DATA_DIR}/server.log"; exit 1; }
  sleep 0.05
done
t1=$(date +%s%N)
echo "start to ready: $(( (t1 - t0) / 1000000 )) ms (JVM start included; validator warm-up goes on in the background)"

# The sample is a fixed demo patient, so reruns on a kept database measure the same queries.
PATIENT_JSON=$(curl -fs "${BASE}/Patient?_id=demo-pat-$(( (PATIENTS + 1) / 2 ))")
PATIENT_ID=$(echo "$PATIENT_JSON" | json 'd["entry"][0]["resource"]["id"]')
NHS=$(echo "$PATIENT_JSON" | json '[i["value"] for i in d["entry"][0]["resource"]["identifier"] if i["system"].endswith("nhs-number")][0]')
FAMILY=$(echo "$PATIENT_JSON" | json 'd["entry"][0]["resource"]["name"][0]["family"]')
echo "sample patient: ${PATIENT_ID} (NHS ${NHS}, ${FAMILY})"

# Warm the validator (and JIT) before measuring, so RSS is "with the validator warm".
# Created patients get their own family name and no NHS number, so that they never match the
# searches measured here, on this run or on a later one over the same database.
CREATE_BODY=$(echo "$PATIENT_JSON" | python3 -c 'import json,sys; p=json.load(sys.stdin)["entry"][0]["resource"]; p.pop("id"); p.pop("meta"); p.pop("identifier", None); p["name"][0]["family"]="Benchmarkcreated"; print(json.dumps(p))')
curl -fs -o /dev/null -X POST "${BASE}/Patient" -H 'Content-Type: application/fhir+json' -d "$CREATE_BODY"
cat > "${DATA_DIR}/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/fhir+json"
wrk.body = [[${CREATE_BODY}]]
LUA

run() { # name url [lua]
  local name=$1 url=$2 lua=${3:-}
  [[ "$name" =~ ${ONLY:-.} ]] || return 0
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP")
  [ -n "$lua" ] && args+=(-s "$lua")
  wrk "${args[@]}" "$url" >/dev/null   # warm-up
  args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$lua" ] && args+=(-s "$lua")
  local cpu0; cpu0=$(server_cpu_ms)
  local out; out=$(wrk "${args[@]}" "$url")
  local cpu1; cpu1=$(server_cpu_ms)
  local rps p50 p99 non2xx requests
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  printf '| %-42s | %9s | %8s | %8s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" \
    "$(awk -v c=$(( cpu1 - cpu0 )) -v n="$requests" 'BEGIN{printf "%.3f", n ? c / n : 0}')"
}

echo
echo "| workload (${CONNECTIONS} connections, ${DURATION}) | req/s | p50 | p99 | non-2xx | server CPU ms/request |"
echo "|---|---|---|---|---|---|"
run "baseline: GET /actuator/health/liveness" "http://127.0.0.1:${PORT}/actuator/health/liveness"
run "Patient read by id" "${BASE}/Patient/${PATIENT_ID}"
run "Patient search by identifier" "${BASE}/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C${NHS}"
run "Patient search by family" "${BASE}/Patient?family=${FAMILY}&_count=20"
run "Observation search by patient+category" "${BASE}/Observation?patient=${PATIENT_ID}&category=vital-signs&_count=20"
run "Patient create (validated)" "${BASE}/Patient" "${DATA_DIR}/create.lua"
echo
echo "RSS after the run (validator warm): $(( $(ps -o rss= -p "$SERVER_PID") / 1024 )) MB"
stop_server
echo "database file after a stop: $(( $(stat -c %s "${DATA_DIR}/fhir.mv.db") / 1048576 )) MB"
