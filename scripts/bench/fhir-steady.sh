#!/usr/bin/env bash
# Steady-state latency and garbage collection of the FHIR server (issue 2's p99 target): one
# server start on an already loaded database, a long mixed warm-up, then each search and read
# workload with what the collector did during that very window (young and full pauses, bytes
# surviving a young collection, bytes promoted to the old generation).
#
#   DATA_DIR=/tmp/ccs-1k bash scripts/bench/fhir-steady.sh          # a database fhir-server.sh loaded
#   JAVA_EXTRA='-Dserver.tomcat.threads.max=4' DATA_DIR=... bash scripts/bench/fhir-steady.sh
#
# Why a second script: on two cores, sixteen busy request threads leave the JIT compiler threads
# a small share of the CPU, so the server takes minutes, not seconds, to reach its steady speed
# (docs/benchmarks.md, "Warm-up"); fhir-server.sh warms each workload for WARMUP only.
#
# Bounded: WARMUP_ROUNDS (2) x 3 workloads x WARMUP (20 s), then 3 x DURATION (15 s), 16
# connections, only 127.0.0.1; the server is stopped at the end. The database in DATA_DIR is used
# as it is (copy it first to keep the original).
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA_DIR="${DATA_DIR:?DATA_DIR: a database directory that scripts/bench/fhir-server.sh loaded}"
PORT="${PORT:-18080}"
WARMUP="${WARMUP:-20s}"
WARMUP_ROUNDS="${WARMUP_ROUNDS:-2}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-16}"
JAR="${JAR:-fhir-server/target/fhir-server-0.1.0-SNAPSHOT-exec.jar}"
JAVA_OPTS="${JAVA_OPTS:--Xmx400m -XX:NewRatio=5 -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=10000}"
GC_LOG="${DATA_DIR}/steady-gc.log"
BASE="http://127.0.0.1:${PORT}/fhir/STU3"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -f "$JAR" ] || mvn -B -ntp -pl fhir-server -am -DskipTests package

# shellcheck disable=SC2086 # JAVA_OPTS and JAVA_EXTRA are lists of flags
MALLOC_ARENA_MAX=2 SPRING_PROFILES_ACTIVE=demo CARECONNECT_FHIR_SECURITY_ENABLED=false \
  java $JAVA_OPTS ${JAVA_EXTRA:-} "-Xlog:gc*,gc+age=trace:file=${GC_LOG}:uptime" -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:h2:file:${DATA_DIR}/fhir;MODE=MySQL;WRITE_DELAY=0;MAX_COMPACT_TIME=30000;DB_CLOSE_ON_EXIT=FALSE" \
  > "${DATA_DIR}/steady-server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:${PORT}/actuator/health/readiness"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "${DATA_DIR}/steady-server.log"; exit 1; }
  sleep 0.3
done

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
SAMPLE=$(curl -fs "${BASE}/Patient?_id=demo-pat-500")
FAMILY=$(echo "$SAMPLE" | json 'd["entry"][0]["resource"]["name"][0]["family"]')
declare -A URLS=(
  [family]="${BASE}/Patient?family=${FAMILY}&_count=20"
  [observation]="${BASE}/Observation?patient=demo-pat-500&category=vital-signs&_count=20"
  [read]="${BASE}/Patient/demo-pat-500"
)
ORDER=(family observation read)

echo "== $(nproc) cores; JVM: ${JAVA_OPTS} ${JAVA_EXTRA:-}"
echo "== warm-up: ${WARMUP_ROUNDS} x (${ORDER[*]}) x ${WARMUP}"
for _ in $(seq "$WARMUP_ROUNDS"); do
  for name in "${ORDER[@]}"; do wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${URLS[$name]}" > /dev/null; done
done

uptime_s() { jcmd "$SERVER_PID" VM.uptime | awk 'NR==2{print $1}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/${SERVER_PID}/stat"; }
echo
echo "| workload (${CONNECTIONS} connections, ${DURATION}) | req/s | p50 | p90 | p99 | CPU ms/req | young GCs (mean, max pause) | survived per young GC | promoted per young GC | full GCs |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for name in "${ORDER[@]}"; do
  t0=$(uptime_s); c0=$(cpu_ticks)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${URLS[$name]}")
  c1=$(cpu_ticks); t1=$(uptime_s)
  python3 - "$GC_LOG" "$t0" "$t1" "$name" "$(( c1 - c0 ))" "$(getconf CLK_TCK)" "$out" <<'PY'
import re, statistics, sys
log, t0, t1, name, ticks, hz, out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
young, full, survived, promoted = [], [], [], []
for line in open(log):
    m = re.match(r'\[(\d+\.\d+)s\] GC\(\d+\) (.*)', line)
    if not m or not t0 <= float(m.group(1)) <= t1:
        continue
    rest = m.group(2)
    if p := re.match(r'Pause (Young|Full) .* ([\d.]+)ms$', rest):
        (young if p.group(1) == 'Young' else full).append(float(p.group(2)))
    elif p := re.match(r'DefNew: \d+K\(\d+K\)->(\d+)K', rest):
        survived.append(int(p.group(1)) / 1024)
    elif p := re.match(r'Tenured: (\d+)K\(\d+K\)->(\d+)K', rest):
        promoted.append(max(0, int(p.group(2)) - int(p.group(1))) / 1024)
def field(label):
    return next((l.split()[1] for l in out.splitlines() if l.strip().startswith(label)), '?')
requests = int(next(l.split()[0] for l in out.splitlines() if 'requests in' in l))
mean = lambda xs: statistics.mean(xs) if xs else 0
print(f"| {name} | {field('Requests/sec:')} | {field('50%')} | {field('90%')} | {field('99%')} | "
      f"{ticks * 1000 / hz / requests:.3f} | {len(young)} ({mean(young):.1f} ms, {max(young, default=0):.1f} ms) | "
      f"{mean(survived):.1f} MB | {mean(promoted):.2f} MB | {len(full)} {' '.join(f'{x:.0f} ms' for x in full)} |")
PY
done
echo
echo "RSS: $(( $(ps -o rss= -p "$SERVER_PID") / 1024 )) MB"
