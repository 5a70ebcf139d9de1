#!/usr/bin/env bash
# What SMART enforcement costs (issue 4: at most 10 %): the same read and search workloads as
# scripts/bench/fhir-server.sh against two FHIR servers of the same build, same heap, same demo
# data (one database loaded, then copied), one with security on (tokens from the real
# authorisation server) and one with CARECONNECT_FHIR_SECURITY_ENABLED=false, all in one run.
#
#   bash scripts/bench/security-overhead.sh                  # 1,000 patients, 2 forks of 3 rounds
#   FORKS=3 ROUNDS=5 DURATION=10s bash scripts/bench/security-overhead.sh
#   DATA_DIR=/tmp/ccs-secbench bash ...                      # keep (and reuse) the loaded database
#
# Noise: the machine is shared, so each workload runs as on/off pairs back to back, the order
# alternating from round to round, and the table gives the medians over all rounds of all forks.
# A fork is a fresh pair of FHIR server JVMs, warmed up and measured ROUNDS times: how well C2
# compiles one hot method differs from one JVM to the next (Tomcat's header parser took about 5 times
# as long per request in one secured server as in its open twin given the same bytes,
# docs/benchmarks.md, twelfth round), so one pair measures one draw of that lottery, and FORKS
# pairs (2 by default, like JMH's forks) keep one unlucky JVM from deciding the figure; besides req/s
# and p99 it gives each server's CPU time per request (from /proc), which depends far less on the
# neighbours. The draw is not always fair: the secured JVM, with more to compile when the load
# starts, got the slow header parser in five runs of five (docs/benchmarks.md, fourteenth round).
# So each fork also says which parser code each JVM got (from its compile log, parser_code below),
# the last row of the table of forks: "unprofiled" is the slow code (fifteenth round).
# Tokens: a backend-services token (system/*.rs, scripts/backend-token.sh, fetched again before
# each run: it lives 5 minutes) and a patient-scoped token of patient1 (sample-app,
# authorization-code flow, launch/patient patient/*.rs) for the patient's own read and search.
# Both servers audit every request (the audit filter does not depend on security), so the
# difference is token checks, scope rules, search narrowing and the granular-scope consent.
#
# The open server is measured twice in each round: with the very requests the secured one gets,
# token included (face "offtok": the issue's figure, "the same workloads, with a valid token,
# against the same build with security off"; the open server ignores the header), and without
# the Authorization header (face "off"), so that the second table shows what carrying the token
# costs on top: Tomcat parses a header byte by byte, about 7 us for a 763-byte RS256 token on this
# machine (docs/benchmarks.md, eleventh round; 1-2 ns a byte with C2's fast code for the parser,
# about 13 with its slow code, fourteenth round); access tokens are ES256 since the thirteenth
# round (decision 0018), 506 bytes for the backend token.
#
# Bounded: every wrk run lasts DURATION (default 10 s; warm-up WARMUP, 10 s, per workload and
# server in each warm-up round, at most MAX_WARMUP_ROUNDS, 10) with CONNECTIONS (16)
# connections, only against 127.0.0.1; every server is stopped at the end, whatever happens.
# JAVA_OPTS defaults to the project's small heap (README).
set -euo pipefail
cd "$(dirname "$0")/../.."

PATIENTS="${PATIENTS:-1000}"
ROUNDS="${ROUNDS:-3}"
FORKS="${FORKS:-2}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
STEADY_COMPILES="${STEADY_COMPILES:-100}"
MAX_WARMUP_ROUNDS="${MAX_WARMUP_ROUNDS:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
AUTH_PORT="${AUTH_PORT:-19000}"
ON_PORT="${ON_PORT:-18082}"
OFF_PORT="${OFF_PORT:-18081}"
FHIR_JAR="${FHIR_JAR:-fhir-server/target/fhir-server-0.1.0-SNAPSHOT-exec.jar}"
AUTH_JAR="${AUTH_JAR:-auth-server/target/auth-server-0.1.0-SNAPSHOT-exec.jar}"
JAVA_OPTS="${JAVA_OPTS:--Xmx400m -XX:NewRatio=5 -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=10000}"
# JFR=1: a flight recording of the secured server (DATA_DIR/on.jfr), for profiling.
JFR_OPTS=()
DB_OPTIONS=";MODE=MySQL;WRITE_DELAY=0;MAX_COMPACT_TIME=30000"
DATA_DIR="${DATA_DIR:-$(mktemp -d /tmp/ccs-secbench.XXXXXX)}"
mkdir -p "$DATA_DIR/on" "$DATA_DIR/off"
[ -n "${JFR:-}" ] && JFR_OPTS=("-XX:FlightRecorderOptions:stackdepth=256" "-XX:StartFlightRecording=filename=${DATA_DIR}/on.jfr,settings=profile")
ISSUER="http://127.0.0.1:${AUTH_PORT}"
ON_BASE="http://127.0.0.1:${ON_PORT}/fhir/STU3"
OFF_BASE="http://127.0.0.1:${OFF_PORT}/fhir/STU3"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[ -f "$FHIR_JAR" ] && [ -f "$AUTH_JAR" ] || mvn -B -ntp -pl fhir-server,auth-server -am -DskipTests package
for port in "$AUTH_PORT" "$ON_PORT" "$OFF_PORT"; do
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:${port}/"; then
    echo "port ${port} is in use: set AUTH_PORT, ON_PORT, OFF_PORT" >&2
    exit 1
  fi
done

PIDS=()
stop() { for pid in "$@"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done; }
stop_all() { stop "${PIDS[@]}"; }
trap stop_all EXIT

start_fhir() { # on|off port [args...]
  local face=$1 port=$2
  shift 2
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  MALLOC_ARENA_MAX=2 SPRING_PROFILES_ACTIVE=demo CARECONNECT_DEMO_PATIENTS="$PATIENTS" \
    java $JAVA_OPTS "$@" -jar "$FHIR_JAR" --server.port="$port" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:h2:file:${DATA_DIR}/${face}/fhir${DB_OPTIONS}" \
    >> "${DATA_DIR}/${face}/server.log" 2>&1 &
  PIDS+=($!)
}
await() { # url pid log
  until curl -fs -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { tail -40 "$3"; exit 1; }
    sleep 0.2
  done
}
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

echo "== Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "== Data: ${DATA_DIR}; patients: ${PATIENTS}; ${FORKS} forks of ${ROUNDS} rounds of ${DURATION}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -f "${DATA_DIR}/off/fhir.mv.db" ]; then
  echo "== Loading the demo population once (progress in ${DATA_DIR}/off/server.log)"
  start_fhir off "$OFF_PORT" -Dcareconnect.fhir.security.enabled=false
  until grep -q "Demo data loaded\|Demo data: the store already" "${DATA_DIR}/off/server.log"; do
    kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -40 "${DATA_DIR}/off/server.log"; exit 1; }
    sleep 2
  done
  stop_all
  PIDS=()
  rm -f "${DATA_DIR}/on/fhir.mv.db"
fi
# the same data on both sides
[ -f "${DATA_DIR}/on/fhir.mv.db" ] || cp "${DATA_DIR}/off/fhir.mv.db" "${DATA_DIR}/on/fhir.mv.db"

echo "== Starting the authorisation server"
rm -rf "${DATA_DIR}/auth"
SPRING_PROFILES_ACTIVE=demo AUTH_ISSUER="$ISSUER" AUTH_FHIR_BASE_URLS="$ON_BASE" \
  AUTH_DB_URL="jdbc:h2:file:${DATA_DIR}/auth/auth;MODE=MySQL" \
  java -Xmx256m -XX:+UseSerialGC -jar "$AUTH_JAR" --server.port="$AUTH_PORT" --server.address=127.0.0.1 \
  > "${DATA_DIR}/auth-server.log" 2>&1 &
PIDS+=($!)
AUTH_PID=$!
await "${ISSUER}/actuator/health/readiness" "$AUTH_PID" "${DATA_DIR}/auth-server.log"

# A fresh pair of FHIR servers for each fork: the open one, then the secured one. Each logs what
# its JIT compiles (a line a compilation), so that the fork can say which code Tomcat's header
# parser got in each JVM (parser_code below).
compile_log() { echo "${DATA_DIR}/$1/jit-$2.log"; } # face fork
start_fhir_pair() { # fork
  start_fhir off "$OFF_PORT" -Xlog:jit+compilation=debug:file="$(compile_log off "$1")" \
    -Dcareconnect.fhir.security.enabled=false
  OFF_PID=${PIDS[-1]}
  start_fhir on "$ON_PORT" "${JFR_OPTS[@]}" -Xlog:jit+compilation=debug:file="$(compile_log on "$1")" \
    -Dcareconnect.fhir.security.issuer="$ISSUER" \
    -Dcareconnect.fhir.security.jwks-uri="${ISSUER}/oauth2/jwks" \
    -Dcareconnect.fhir.security.smart-configuration-uri="${ISSUER}/.well-known/smart-configuration" \
    -Dcareconnect.fhir.security.audience="$ON_BASE"
  ON_PID=${PIDS[-1]}
  await "http://127.0.0.1:${OFF_PORT}/actuator/health/readiness" "$OFF_PID" "${DATA_DIR}/off/server.log"
  await "http://127.0.0.1:${ON_PORT}/actuator/health/readiness" "$ON_PID" "${DATA_DIR}/on/server.log"
}
# Stopped and waited for: H2 compacts its file on close, which can take half a minute.
stop_fhir_pair() {
  stop "$ON_PID" "$OFF_PID"
  PIDS=("$AUTH_PID")
}
start_fhir_pair 1

backend_token() {
  TOKEN_URL="${ISSUER}/oauth2/token" SCOPE='system/*.rs' bash scripts/backend-token.sh | json 'd["access_token"]'
}
patient_token() {
  java scripts/bench/AuthBenchClient.java access-token "$ISSUER" "$ON_BASE" \
    patient1 patient-demo-password "openid fhirUser launch/patient patient/*.rs"
}
PATIENT_TOKEN=$(patient_token)
OWN=demo-pat-1
TOKEN_PATIENT=$(echo "$PATIENT_TOKEN" | python3 -c 'import base64,json,sys; p=sys.stdin.read().split(".")[1]; print(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))).get("patient"))')
[ "$TOKEN_PATIENT" = "$OWN" ] || { echo "the patient token is for ${TOKEN_PATIENT}, not ${OWN}" >&2; exit 1; }

# The sample: a fixed demo patient, as in scripts/bench/fhir-server.sh
SAMPLE=$(curl -fs "${OFF_BASE}/Patient?_id=demo-pat-$(( (PATIENTS + 1) / 2 ))")
PATIENT_ID=$(echo "$SAMPLE" | json 'd["entry"][0]["resource"]["id"]')
NHS=$(echo "$SAMPLE" | json '[i["value"] for i in d["entry"][0]["resource"]["identifier"] if i["system"].endswith("nhs-number")][0]')
FAMILY=$(echo "$SAMPLE" | json 'd["entry"][0]["resource"]["name"][0]["family"]')
echo "sample patient: ${PATIENT_ID} (NHS ${NHS}, ${FAMILY}); patient token of ${OWN}"

# name | token kind | path (relative to the base)
WORKLOADS=(
  "Patient read by id|backend|/Patient/${PATIENT_ID}"
  "Patient search by identifier|backend|/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C${NHS}"
  "Patient search by family|backend|/Patient?family=${FAMILY}&_count=20"
  "Observation search by patient+category|backend|/Observation?patient=${PATIENT_ID}&category=vital-signs&_count=20"
  "own Patient read (patient token)|patient|/Patient/${OWN}"
  "own Observation search (patient token)|patient|/Observation?category=vital-signs&_count=20"
)
RESULTS="${DATA_DIR}/results.tsv"
: > "$RESULTS"
JIT="${DATA_DIR}/jit.tsv"
: > "$JIT"

# The patient's own search without a patient parameter is narrowed by the token on the secured
# side; the open side is given the same query explicitly.
open_path() { # path
  if [[ "$1" == /Observation\?category* ]]; then echo "${1}&patient=${OWN}"; else echo "$1"; fi
}

measure() { # face (on, offtok: open with the token, off: open without) name token path fork.round
  local face=$1 name=$2 token=$3 path=$4 round=$5 base pid
  if [ "$face" = on ]; then base=$ON_BASE; pid=$ON_PID; else base=$OFF_BASE; pid=$OFF_PID; fi
  [ "$face" != on ] && path=$(open_path "$path")
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ "$face" != off ] && args+=(-H "Authorization: Bearer ${token}")
  local cpu0 cpu1 out
  cpu0=$(cpu_ms "$pid")
  out=$(wrk "${args[@]}" "${base}${path}")
  cpu1=$(cpu_ms "$pid")
  local rps p99 requests non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  requests=$(echo "$out" | awk '/requests in/{print $1}')
  non2xx=$(echo "$out" | awk '/Non-2xx/{print $NF}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$face" "$round" "$rps" "$p99" \
    "$(awk -v c=$(( cpu1 - cpu0 )) -v n="$requests" 'BEGIN{printf "%.3f", n ? c / n : 0}')" "${non2xx:-0}" >> "$RESULTS"
  printf '  round %s %-3s %-42s %9s req/s  p99 %8s  non-2xx %s\n' "$round" "$face" "$name" "$rps" "$p99" "${non2xx:-0}"
}

# Steady state before measuring: on two cores the JIT compilers share the CPU with sixteen busy
# request threads, so a server keeps compiling for several minutes of load (about 7,000 methods in
# the first round, hundreds in each of the next few), the secured one for longer, and a figure
# taken before then depends on how far each JIT got (docs/benchmarks.md, "Warm-up"). So the
# warm-up goes round all workloads on both servers, WARMUP each, until a round in which neither
# JVM compiled more than STEADY_COMPILES methods (jstat), at most MAX_WARMUP_ROUNDS rounds.
compiled() { jstat -compiler "$1" | awk 'NR == 2 {print $1}'; }
# Which C2 code Tomcat's header parser (Http11InputBuffer.parseHeader) runs in a JVM, from its
# compile log: "profiled" if its C2 compilation in use followed a level-3 one (C1 code that
# gathers the full profile), "unprofiled" if it followed level 2 only (counters, no profile: chosen
# while C2's queue was long, so C2 worked from what the interpreter had profiled). The unprofiled
# kind was the slow one in three profiles of three, whichever JVM drew it (docs/benchmarks.md,
# fourteenth and fifteenth rounds). Then the history: each compilation's level, % for on-stack
# replacement, x when it was thrown away.
parser_code() { # face fork
  awk '/Http11InputBuffer::parseHeader / && !/made zombie/ {
      id = $2; osr = / % /; gone = /made not entrant/; level = ""
      for (i = 3; i <= NF; i++) if ($i ~ /^[0-4]$/) { level = $i; break }
      history = history level (osr ? "%" : "") (gone ? "x" : "") " "
      if (osr || level == "") next
      if (gone) { delete kind[id]; next }
      if (level == 4) { kind[id] = (last == 3 ? "profiled" : "unprofiled"); newest = id } else last = level
    }
    END { printf "%s\t%s\n", (newest in kind ? kind[newest] : "none"), history }' "$(compile_log "$1" "$2")"
}
record_parser_code() { # fork when
  local face code
  for face in on off; do
    code=$(parser_code "$face" "$1")
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$face" "$code" >> "$JIT"
    printf '  %s: Tomcat header parser C2 code %-10s (compilations: %s)\n' "$face" "${code%%$'\t'*}" "${code#*$'\t'}"
  done
}
for fork in $(seq 1 "$FORKS"); do
  if (( fork > 1 )); then
    echo "== Fork ${fork}: a fresh pair of FHIR servers"
    stop_fhir_pair
    start_fhir_pair "$fork"
    PATIENT_TOKEN=$(patient_token)
  fi
  echo "== Fork ${fork}: warming both servers on every workload (${WARMUP} each) until their JIT compilers settle"
  for warm_round in $(seq 1 "$MAX_WARMUP_ROUNDS"); do
    on_before=$(compiled "$ON_PID")
    off_before=$(compiled "$OFF_PID")
    TOKEN=$(backend_token) # a backend token lives 5 minutes
    for workload in "${WORKLOADS[@]}"; do
      IFS='|' read -r name kind path <<< "$workload"
      token=$TOKEN; [ "$kind" = patient ] && token=$PATIENT_TOKEN
      off_path=$(open_path "$path")
      # the open server warms on the requests the secured one gets, token included (see "offtok")
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer ${token}" "${OFF_BASE}${off_path}" > /dev/null
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer ${token}" "${ON_BASE}${path}" > /dev/null
      # a wrong answer would measure the wrong thing: both sides must answer 200
      [ "$(curl -s -o /dev/null -w '%{http_code}' "${OFF_BASE}${off_path}")" = 200 ] \
        && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${token}" "${ON_BASE}${path}")" = 200 ] \
        || { echo "workload ${name} does not answer 200 on both servers" >&2; exit 1; }
    done
    on_new=$(( $(compiled "$ON_PID") - on_before ))
    off_new=$(( $(compiled "$OFF_PID") - off_before ))
    echo "  warm-up round ${warm_round}: methods compiled in the round: on ${on_new}, off ${off_new}"
    if (( on_new <= STEADY_COMPILES && off_new <= STEADY_COMPILES )); then
      break
    fi
    (( warm_round < MAX_WARMUP_ROUNDS )) || echo "  not settled after ${MAX_WARMUP_ROUNDS} rounds: measuring anyway" >&2
  done

  record_parser_code "$fork" warm
  echo "== Fork ${fork}: measuring ${ROUNDS} rounds, on / open with the token / open without it, in alternating order"
  for round in $(seq 1 "$ROUNDS"); do
    for workload in "${WORKLOADS[@]}"; do
      IFS='|' read -r name kind path <<< "$workload"
      TOKEN=$(backend_token) # a backend token lives 5 minutes
      token=$TOKEN; [ "$kind" = patient ] && token=$PATIENT_TOKEN
      if (( round % 2 )); then order=(offtok on off); else order=(off on offtok); fi
      for face in "${order[@]}"; do
        measure "$face" "$name" "$token" "$path" "${fork}.${round}"
      done
    done
  done
  record_parser_code "$fork" end
done
echo
echo "Medians over ${FORKS} forks of ${ROUNDS} rounds; overhead = 1 - on/open of req/s, and on/open - 1 of CPU per request"
python3 - "$RESULTS" "$JIT" <<'PY'
import statistics, sys
from collections import OrderedDict
rows = OrderedDict()
forks = OrderedDict()
def ms(v):
    for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if v.endswith(unit):
            return float(v[:-len(unit)]) * f
    return float(v)
for line in open(sys.argv[1]):
    name, face, rnd, rps, p99, cpu, non2xx = line.rstrip("\n").split("\t")
    r = rows.setdefault(name, {"on": [], "off": [], "offtok": [], "bad": 0})
    r[face].append((float(rps), ms(p99), float(cpu)))
    r["bad"] += int(non2xx)
    forks.setdefault(rnd.split(".")[0], OrderedDict()).setdefault(name, {"on": [], "offtok": []}).get(face, []).append(float(rps))
for open_face, title in (("offtok", "Security's cost: the open server gets the same requests, token included (issue 4's figure)"),
                         ("off", "Security and carrying the token: the open server gets no Authorization header")):
    print()
    print(title)
    print("| workload | req/s open | req/s on | req/s overhead | p99 open | p99 on | CPU ms/req open | CPU ms/req on | CPU overhead | non-2xx |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        med = lambda face, i: statistics.median(x[i] for x in r[face])
        off_rps, on_rps = med(open_face, 0), med("on", 0)
        off_cpu, on_cpu = med(open_face, 2), med("on", 2)
        print(f"| {name} | {off_rps:,.0f} | {on_rps:,.0f} | {100 * (1 - on_rps / off_rps):+.1f} % | "
              f"{med(open_face, 1):.1f} ms | {med('on', 1):.1f} ms | {off_cpu:.3f} | {on_cpu:.3f} | "
              f"{100 * (on_cpu / off_cpu - 1):+.1f} % | {r['bad']} |")
if len(forks) > 1:
    print()
    print("Each fork on its own (req/s overhead, the open server given the same requests; medians over its rounds)")
    print("| workload | " + " | ".join(f"fork {f}" for f in forks) + " |")
    print("|---|" + "---|" * len(forks))
    for name in rows:
        cells = []
        for f in forks.values():
            off_rps, on_rps = statistics.median(f[name]["offtok"]), statistics.median(f[name]["on"])
            cells.append(f"{100 * (1 - on_rps / off_rps):+.1f} %")
        print(f"| {name} | " + " | ".join(cells) + " |")
    # which code the header parser ran in each fork: the JIT's draw that the figures carry
    code = {}
    for line in open(sys.argv[2]):
        fork, when, face, kind = line.rstrip("\n").split("\t")[:4]
        code[(fork, when, face)] = kind
    def drawn(f):
        at = lambda face: code.get((f, "warm", face), "?") + (
            "" if code.get((f, "end", face)) == code.get((f, "warm", face)) else " then " + code.get((f, "end", face), "?"))
        return f"{at('on')} / {at('off')}"
    print("| Tomcat's header parser, C2 code on / open | " + " | ".join(drawn(f) for f in forks) + " |")
PY
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw figures: ${RESULTS}"
