#!/usr/bin/env bash
# bench/run.sh [seconds]
#
# Side-by-side HTTP benchmark on 127.0.0.1 with wrk: tornado-java (the demo jar) against raw Netty, Vert.x,
# Spring WebFlux and Python Tornado. Ends with one line per scenario (format fixed by shared/CONTRACT.md):
#
#   RESULT <scenario> tornado-java=<req/s> netty=<req/s> vertx=<req/s> webflux=<req/s> tornado-py=<req/s> ratio_netty=<x.xx> ratio_best=<x.xx>
#
# [seconds]  length of each measured wrk run (default 10).
#
# Environment (all optional):
#   BENCH_SERVERS        servers to run, default "tornado-java netty vertx webflux tornado-py"; a server left out
#                        prints 0 in its RESULT slot
#   BENCH_SCENARIOS      default "plaintext json plaintext-logged blocking-mix longpoll-fanout accept-under-load upload
#                        h2c-plaintext" (h2c-plaintext: BENCH_H2_CONNECTIONS, default 64, BENCH_H2_STREAMS, default 10);
#                        also available: fortunes (tornado-java and webflux only)
#   BENCH_UPLOAD_MB      size of the file scenario upload sends with curl -F; default 1024
#   BENCH_WAITERS        long polls parked in longpoll-fanout; default 5000
#   BENCH_BLOCKING_CLIENTS  concurrent 1 s /blocking requests in blocking-mix; default 30; scenario X runs function scenario_X ('-' -> '_')
#   BENCH_ROUNDS         rounds of interleaved runs (A B C D E, A B C D E, ...); medians are reported; default 2
#   BENCH_WARMUP         seconds of wrk before the measured runs of each server start; default 5 (0 = none)
#   BENCH_CONNECTIONS    connection counts measured per scenario; default "64 256"
#   BENCH_RESULT_CONNECTIONS  which of them the RESULT lines use; default 256 (or the last one listed)
#   BENCH_WRK_THREADS    wrk threads; default 2
#   BENCH_JAVA_OPTS      extra JVM options given to every JVM server alike; default none
#   BENCH_PORT_BASE      first port tried; every server start takes the next free one; default 18080
#   BENCH_START_TIMEOUT  seconds a server may take to answer its first request; default 90
#   BENCH_STOP_TIMEOUT   seconds between SIGTERM and SIGKILL; default 20
#   BENCH_OTHER_CPU_LIMIT  percent of all cores that other processes may use during a run before the table marks
#                        it "busy machine"; default 10
#   BENCH_RESULTS_DIR    where wrk outputs, server logs and raw.csv go; default bench/results/<timestamp>
#   BENCH_NO_BUILD=1     use the jars as they are (no staleness check, no mvn); a missing jar is an error
#   TORNADO_JAVA_CMD     replaces the tornado-java command (to test the harness before the demo jar exists, or to
#                        try variants). Run with bash -c "exec ..."; "{port}" in it is replaced by the port, which is
#                        also exported as PORT. Example: TORNADO_JAVA_CMD='java -jar bench/netty-server/target/netty-server.jar {port}'
#   TORNADO_JAVA_LOGGED_CMD  the same for scenario plaintext-logged (default: TORNADO_JAVA_CMD)
#
# Only 127.0.0.1 is ever loaded; every load is bounded (wrk -d plus timeout); every server started is stopped
# (SIGTERM, then SIGKILL after BENCH_STOP_TIMEOUT), also when the script is interrupted.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"

DURATION=${1:-10}
ROUNDS=${BENCH_ROUNDS:-2}
WARMUP=${BENCH_WARMUP:-5}
CONNECTIONS=${BENCH_CONNECTIONS:-"64 256"}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
SERVERS=${BENCH_SERVERS:-"tornado-java netty vertx webflux tornado-py"}
SCENARIOS=${BENCH_SCENARIOS:-"plaintext json plaintext-logged blocking-mix longpoll-fanout accept-under-load upload h2c-plaintext"}
NEXT_PORT=${BENCH_PORT_BASE:-18080}
START_TIMEOUT=${BENCH_START_TIMEOUT:-90}
STOP_TIMEOUT=${BENCH_STOP_TIMEOUT:-20}
# A run during which other processes used more than this percent of all cores gets the note "busy machine".
OTHER_CPU_LIMIT=${BENCH_OTHER_CPU_LIMIT:-10}
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"
RESULTS_DIR=${BENCH_RESULTS_DIR:-$BENCH_DIR/results/$(date +%Y%m%d-%H%M%S)}

# Fixed order of the RESULT slots (CONTRACT.md).
ALL_SERVERS="tornado-java netty vertx webflux tornado-py"
# Debian's interpreter: it is the one python3-tornado installs into.
PYTHON=/usr/bin/python3

DEMO_JAR=demo-app/target/demo-app.jar
NETTY_JAR=bench/netty-server/target/netty-server.jar
VERTX_JAR=bench/vertx-server/target/vertx-server.jar
WEBFLUX_JAR=bench/webflux-server/target/webflux-server.jar

log() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
in_list() { local x=$1; shift; [[ " $* " == *" $x "* ]]; }
is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }

is_uint "$DURATION" && ((DURATION > 0)) || die "seconds must be a positive integer, got '$DURATION'"
is_uint "$ROUNDS" && ((ROUNDS > 0)) || die "BENCH_ROUNDS must be a positive integer, got '$ROUNDS'"
is_uint "$WARMUP" || die "BENCH_WARMUP must be an integer, got '$WARMUP'"
for c in $CONNECTIONS; do is_uint "$c" && ((c >= WRK_THREADS)) || die "bad connection count '$c'"; done
for s in $SERVERS; do in_list "$s" $ALL_SERVERS || die "unknown server '$s' (known: $ALL_SERVERS)"; done
if [[ -n ${BENCH_RESULT_CONNECTIONS:-} ]]; then
  RESULT_CONNS=$BENCH_RESULT_CONNECTIONS
elif in_list 256 $CONNECTIONS; then
  RESULT_CONNS=256
else
  RESULT_CONNS=${CONNECTIONS##* }
fi
in_list "$RESULT_CONNS" $CONNECTIONS || die "BENCH_RESULT_CONNECTIONS=$RESULT_CONNS is not in BENCH_CONNECTIONS"

# ---------------------------------------------------------------------------------------------------------------
# Tools and builds

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v ps >/dev/null || missing+=(procps)
  if in_list tornado-py $SERVERS && ! "$PYTHON" -c 'import tornado' 2>/dev/null; then
    missing+=(python3-tornado)
  fi
  if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || die "missing packages: ${missing[*]} (run as root or: sudo apt-get install -y ${missing[*]})"
    log "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# True when $1 is missing or a file under the other arguments (build output excluded) is newer than it.
stale() {
  local artifact=$1; shift
  [[ -f $artifact ]] || return 0
  [[ -n $(find "$@" -name target -prune -o -type f -newer "$artifact" -print -quit 2>/dev/null) ]]
}

build_if_needed() {
  local jar=$1 pom=$2; shift 2
  if stale "$jar" "$@"; then
    log "building $jar (mvn -B -q -f $pom package)"
    mvn -B -q -f "$pom" package || die "build of $jar failed"
    [[ -f $jar ]] || die "build finished but $jar is missing"
  fi
}

build_all() {
  if [[ ${BENCH_NO_BUILD:-0} == 1 ]]; then
    local s jar
    for s in $SERVERS; do
      case $s in
        tornado-java) [[ -n ${TORNADO_JAVA_CMD:-} ]] && continue; jar=$DEMO_JAR ;;
        netty) jar=$NETTY_JAR ;; vertx) jar=$VERTX_JAR ;; webflux) jar=$WEBFLUX_JAR ;; *) continue ;;
      esac
      [[ -f $jar ]] || die "BENCH_NO_BUILD=1 but $jar is missing"
    done
    return 0
  fi
  if in_list tornado-java $SERVERS && [[ -z ${TORNADO_JAVA_CMD:-} ]]; then
    # What goes into the jar: the poms and every module's src/main (tests do not change it).
    local inputs=(pom.xml) dir
    for dir in */; do
      [[ $dir == bench/ ]] && continue
      [[ -f ${dir}pom.xml ]] && inputs+=("${dir}pom.xml")
      [[ -d ${dir}src/main ]] && inputs+=("${dir}src/main")
    done
    if stale "$DEMO_JAR" "${inputs[@]}"; then
      log "building $DEMO_JAR (mvn -B -q -DskipTests package)"
      mvn -B -q -DskipTests package || die "build of $DEMO_JAR failed (leave tornado-java out with BENCH_SERVERS=...)"
      [[ -f $DEMO_JAR ]] || die "build finished but $DEMO_JAR is missing"
    fi
  fi
  if in_list netty $SERVERS; then build_if_needed "$NETTY_JAR" bench/netty-server/pom.xml bench/netty-server; fi
  if in_list vertx $SERVERS; then build_if_needed "$VERTX_JAR" bench/vertx-server/pom.xml bench/vertx-server; fi
  if in_list webflux $SERVERS; then build_if_needed "$WEBFLUX_JAR" bench/webflux-server/pom.xml bench/webflux-server; fi
}

# ---------------------------------------------------------------------------------------------------------------
# Servers

# Fills CMD with the command line of server $1 on port $2; variant $3: "" or "logged" (tornado-java access log on).
server_command() {
  local name=$1 port=$2 variant=${3:-} override=""
  case $name in
    tornado-java)
      override=${TORNADO_JAVA_CMD:-}
      if [[ $variant == logged && -n ${TORNADO_JAVA_LOGGED_CMD:-} ]]; then override=$TORNADO_JAVA_LOGGED_CMD; fi
      if [[ -n $override ]]; then
        CMD=(bash -c "exec ${override//\{port\}/$port}")
      else
        local access_log=false
        [[ $variant == logged ]] && access_log=true
        CMD=(java "${JAVA_OPTS[@]}" -jar "$DEMO_JAR" "--tornado.server.port=$port"
          --tornado.server.address=127.0.0.1 "--tornado.access-log=$access_log" "${DEMO_ARGS[@]}")
      fi ;;
    netty) CMD=(java "${JAVA_OPTS[@]}" -jar "$NETTY_JAR" "$port") ;;
    vertx) CMD=(java "${JAVA_OPTS[@]}" -jar "$VERTX_JAR" "$port") ;;
    webflux) CMD=(java "${JAVA_OPTS[@]}" -jar "$WEBFLUX_JAR" "--server.port=$port" --server.address=127.0.0.1) ;;
    tornado-py) CMD=("$PYTHON" bench/tornado_py/server.py "$port") ;;
    *) die "unknown server $name" ;;
  esac
}

SERVER_PID=""
# Extra demo arguments of the scenario being run (scenario upload sets them).
DEMO_ARGS=()

alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $state != Z* ]]
}

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }

# Picks the next free port into PORT.
take_port() {
  local tries=0
  while ! port_free "$NEXT_PORT"; do
    NEXT_PORT=$((NEXT_PORT + 1)); tries=$((tries + 1))
    ((tries < 50)) || die "no free port found from ${BENCH_PORT_BASE:-18080} on"
  done
  PORT=$NEXT_PORT
  NEXT_PORT=$((NEXT_PORT + 1))
}

now_us() { local t=$EPOCHREALTIME; printf '%s' "${t/./}"; }

# start_server NAME PORT VARIANT LOGFILE PROBE_PATH: starts it in its own session and waits until it answers an
# HTTP request (any status). Sets SERVER_PID and STARTUP_MS (process start to first answer). Returns 1 on failure.
start_server() {
  local name=$1 port=$2 variant=$3 logfile=$4 probe=$5
  server_command "$name" "$port" "$variant"
  printf '%s\n' "${CMD[*]}" >"$logfile.cmd"
  local t0 deadline=$((SECONDS + START_TIMEOUT))
  t0=$(now_us)
  PORT=$port BIND_ADDRESS=127.0.0.1 setsid "${CMD[@]}" >"$logfile" 2>&1 </dev/null &
  SERVER_PID=$!
  while ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port$probe"; do
    if ! alive "$SERVER_PID"; then
      warn "$name exited before answering; last lines of $logfile:"
      tail -n 20 "$logfile" >&2 || true
      stop_server
      return 1
    fi
    if ((SECONDS >= deadline)); then
      warn "$name did not answer within ${START_TIMEOUT}s; last lines of $logfile:"
      tail -n 20 "$logfile" >&2 || true
      stop_server
      return 1
    fi
    sleep 0.05
  done
  STARTUP_MS=$((($(now_us) - t0) / 1000))
}

# SIGTERM (to the server's process group when it leads one), SIGKILL after STOP_TIMEOUT, then reap it.
stop_server() {
  local pid=$SERVER_PID target
  [[ -n $pid ]] || return 0
  SERVER_PID=""
  target=$pid
  [[ $(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') == "$pid" ]] && target=-$pid
  if alive "$pid"; then
    kill -TERM -- "$target" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    if alive "$pid"; then
      warn "server pid $pid still running ${STOP_TIMEOUT}s after SIGTERM: SIGKILL"
      kill -KILL -- "$target" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

WRK_PID=""

# On any exit (also Ctrl-C or SIGTERM while wrk runs): end the running wrk, then stop the server.
cleanup() {
  if [[ -n $WRK_PID ]]; then
    kill -TERM "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" 2>/dev/null || true
    WRK_PID=""
  fi
  stop_server
  [[ -z ${TIMES_FILE:-} ]] || rm -f "$TIMES_FILE"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# check_response PORT PATH EXPECTED_BODY EXPECTED_TYPE: warns (and returns 1) when the answer differs from the
# TechEmpower definition. Media types are compared without spaces and case.
check_response() {
  local port=$1 path=$2 want_body=$3 want_type=$4 got headers type status
  headers=$(mktemp)
  got=$(curl -s --max-time 5 -D "$headers" "http://127.0.0.1:$port$path") || true
  status=$(head -n 1 "$headers" | awk '{print $2}')
  type=$(awk 'tolower($1) == "content-type:" {sub(/^[^:]*:[ ]*/, ""); sub(/\r$/, ""); print}' "$headers")
  rm -f "$headers"
  local norm_type norm_want
  norm_type=$(tr -d ' ' <<<"${type,,}")
  norm_want=$(tr -d ' ' <<<"${want_type,,}")
  if [[ $status != 200 || "$(tr -d ' \n' <<<"$got")" != "$(tr -d ' \n' <<<"$want_body")" || $norm_type != "$norm_want" ]]; then
    warn "GET $path answered status=${status:-none} type='$type' body='$(tr '\n' ' ' <<<"${got:0:80}")' (want 200 '$want_type' '$want_body')"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Load and figures

# Figures: VALS["scenario|server|conns|metric"] = one value per round, space-separated.
declare -A VALS=()
declare -A NOTES=()
record() { local key="$1|$2|$3|$4"; VALS[$key]="${VALS[$key]:-}${VALS[$key]:+ }$5"; }
# note SCENARIO SERVER TEXT: remembers a problem for the table (each text once).
note() {
  local key="$1|$2" old=${NOTES["$1|$2"]:-}
  [[ ", $old, " == *", $3, "* ]] || NOTES[$key]="${old}${old:+, }$3"
}

median() {
  printf '%s\n' $1 | sort -g | awk 'NF {a[++n] = $1}
    END { if (n == 0) print 0; else if (n % 2) print a[(n + 1) / 2]; else print (a[n / 2] + a[n / 2 + 1]) / 2 }'
}
fig() { median "${VALS["$1|$2|$3|$4"]:-}"; }
has_fig() { [[ -n ${VALS["$1|$2|$3|rps"]:-} ]]; }

# CPU accounting, so that a figure taken while something else used the machine can be told apart.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
# "busy total" jiffies of all cores.
cpu_jiffies() { awk '$1 == "cpu" {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit}' /proc/stat; }
# user+system jiffies of one process (all its threads); 0 when it is gone.
proc_jiffies() { { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null || echo; } | awk '{print ($12 + $13) + 0}'; }
# user+system seconds of this shell's reaped children (wrk, via timeout), into KIDS_CPU. `times` must run in this
# shell itself (in a $(...) subshell it would report the subshell's children), hence the file.
TIMES_FILE=$(mktemp)
children_seconds() {
  times >"$TIMES_FILE"
  KIDS_CPU=$(awk 'NR == 2 {t = 0; for (i = 1; i <= 2; i++) {split($i, a, /[ms]/); t += a[1] * 60 + a[2]} print t}' "$TIMES_FILE")
}

# run_wrk URL CONNECTIONS SECONDS OUTFILE: one bounded wrk run with keep-alive connections (no pipelining).
# Sets SRV_CPU and OTHER_CPU: percent of all cores used during the run by the server and by anything that is
# neither the server nor wrk (other work on a shared machine; high values make the figure unreliable).
run_wrk() {
  local url=$1 conns=$2 secs=$3 out=$4
  local busy0 total0 busy1 total1 srv0 srv1 kids0 kids1
  read -r busy0 total0 < <(cpu_jiffies)
  srv0=$(proc_jiffies "$SERVER_PID")
  children_seconds; kids0=$KIDS_CPU
  # In the background plus `wait`, so that an interrupt is handled at once rather than after wrk ends.
  timeout -k 5 $((secs + 30)) wrk -t"$WRK_THREADS" -c"$conns" -d"${secs}s" --timeout 5s --latency \
    -H 'Connection: keep-alive' "$url" >"$out" 2>&1 </dev/null &
  WRK_PID=$!
  local rc=0
  wait "$WRK_PID" || rc=$?
  WRK_PID=""
  ((rc == 0)) || warn "wrk exited with $rc (see $out)"
  read -r busy1 total1 < <(cpu_jiffies)
  srv1=$(proc_jiffies "$SERVER_PID")
  children_seconds; kids1=$KIDS_CPU
  read -r SRV_CPU OTHER_CPU < <(awk -v b="$((busy1 - busy0))" -v t="$((total1 - total0))" -v s="$((srv1 - srv0))" \
    -v w0="$kids0" -v w1="$kids1" -v hz="$CLK_TCK" 'BEGIN {
      if (t <= 0) { print 0, 0; exit }
      other = b - s - (w1 - w0) * hz; if (other < 0) other = 0; if (s < 0) s = 0
      printf "%.0f %.0f\n", 100 * s / t, 100 * other / t }')
}

# parse_wrk FILE -> "req/s p50_ms p99_ms socket_errors non_2xx_3xx"
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0
      if (v ~ /s$/) return v * 1000;  if (v ~ /m$/) return v * 60000
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(",", ""); errs = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.3f %.3f %d %d\n", rps, p50, p99, errs, bad }' "$1"
}

# measure_http SCENARIO SERVER PATH VARIANT ROUND WANT_BODY WANT_TYPE: start SERVER, check its answer, warm up,
# measure every connection count, record the figures, stop it.
measure_http() {
  local scenario=$1 server=$2 path=$3 variant=$4 round=$5 want_body=$6 want_type=$7
  local tag="${scenario}_${server}_r${round}" logfile
  logfile="$RESULTS_DIR/logs/$tag.log"
  take_port
  if ! start_server "$server" "$PORT" "$variant" "$logfile" "$path"; then
    note "$scenario" "$server" "failed to start"
    log "  [round $round] $scenario $server: FAILED to start (see $logfile)"
    return 0
  fi
  local url="http://127.0.0.1:$PORT$path"
  check_response "$PORT" "$path" "$want_body" "$want_type" || note "$scenario" "$server" "bad response"
  if [[ $server == tornado-java && -z ${TORNADO_JAVA_CMD:-} ]] && ! grep -q 'Tornado server started on port' "$logfile"; then
    warn "tornado-java answers but its log has no 'Tornado server started on port' line (CONTRACT.md)"
  fi
  if ((WARMUP > 0)); then run_wrk "$url" "$RESULT_CONNS" "$WARMUP" "$RESULTS_DIR/wrk/${tag}_warmup.txt"; fi
  local conns out rps p50 p99 errs bad rss
  for conns in $CONNECTIONS; do
    out="$RESULTS_DIR/wrk/${tag}_c${conns}.txt"
    run_wrk "$url" "$conns" "$DURATION" "$out"
    read -r rps p50 p99 errs bad < <(parse_wrk "$out")
    rss=$(ps -o rss= -p "$SERVER_PID" 2>/dev/null | tr -d ' ') || rss=0
    [[ -n $rss ]] || rss=0
    if ! alive "$SERVER_PID"; then
      warn "$server died during the $scenario run (see $logfile)"
      note "$scenario" "$server" "died"
    fi
    ((bad == 0)) || note "$scenario" "$server" "non-2xx answers"
    record "$scenario" "$server" "$conns" rps "$rps"
    record "$scenario" "$server" "$conns" p50 "$p50"
    record "$scenario" "$server" "$conns" p99 "$p99"
    record "$scenario" "$server" "$conns" start "$STARTUP_MS"
    record "$scenario" "$server" "$conns" rss "$rss"
    record "$scenario" "$server" "$conns" errs "$((errs + bad))"
    record "$scenario" "$server" "$conns" srvcpu "$SRV_CPU"
    record "$scenario" "$server" "$conns" othercpu "$OTHER_CPU"
    ((OTHER_CPU <= OTHER_CPU_LIMIT)) || note "$scenario" "$server" "busy machine"
    printf '%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n' "$round" "$scenario" "$server" "$conns" "$rps" "$p50" "$p99" \
      "$STARTUP_MS" "$rss" "$errs" "$bad" "$SRV_CPU" "$OTHER_CPU" >>"$RESULTS_DIR/raw.csv"
    printf '  [round %d] %-16s %-12s c=%-4s %9s req/s  p50 %6.2f ms  p99 %7.2f ms  start %5s ms  rss %4d MB  cpu %3s%%  other %3s%%%s\n' \
      "$round" "$scenario" "$server" "$conns" "$rps" "$p50" "$p99" "$STARTUP_MS" "$((rss / 1024))" "$SRV_CPU" "$OTHER_CPU" \
      "$( ((errs + bad == 0)) || printf '  errors %d' $((errs + bad)) )"
  done
  if [[ $variant == logged ]]; then
    log "  [round $round] $scenario $server: $(wc -l <"$logfile") lines in $logfile"
  fi
  stop_server
}

PLAINTEXT_BODY='Hello, World!'
PLAINTEXT_TYPE='text/plain; charset=UTF-8'
JSON_BODY='{"message":"Hello, World!"}'
JSON_TYPE='application/json'
# TechEmpower's fortunes page: 12 fortunes + 1 added at request time, sorted, escaped (compared without spaces and
# line breaks, so only the markup and the escaping must match).
FORTUNES_BODY='<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>'\
'<tr><td>11</td><td>&lt;script&gt;alert(&quot;This should not be displayed in a browser alert box.&quot;);&lt;/script&gt;</td></tr>'\
'<tr><td>4</td><td>A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1</td></tr>'\
'<tr><td>5</td><td>A computer program does what you tell it to do, not what you want it to do.</td></tr>'\
'<tr><td>2</td><td>A computer scientist is someone who fixes things that aren&#39;t broken.</td></tr>'\
'<tr><td>8</td><td>A list is only as strong as its weakest link. — Donald Knuth</td></tr>'\
'<tr><td>0</td><td>Additional fortune added at request time.</td></tr>'\
'<tr><td>3</td><td>After enough decimal places, nobody gives a damn.</td></tr>'\
'<tr><td>7</td><td>Any program that runs right is obsolete.</td></tr>'\
'<tr><td>10</td><td>Computers make very fast, very accurate mistakes.</td></tr>'\
'<tr><td>6</td><td>Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen</td></tr>'\
'<tr><td>9</td><td>Feature: A bug with seniority.</td></tr>'\
'<tr><td>1</td><td>fortune: No such file or directory</td></tr>'\
'<tr><td>12</td><td>フレームワークのベンチマーク</td></tr></table></body></html>'
FORTUNES_TYPE='text/html; charset=UTF-8'

# ---------------------------------------------------------------------------------------------------------------
# Scenarios: scenario_<name with '-' as '_'> ROUND runs one round of it over the selected servers.
# To add one (e.g. longpoll-fanout, blocking-mix): write its function (using measure_http or its own load, then
# `record SCENARIO SERVER CONNS rps|p50|p99|start|rss|errs VALUE`), add its name to the default BENCH_SCENARIOS,
# and, if servers other than tornado-java borrow another scenario's figures, set RESULT_FALLBACK for it.

declare -A RESULT_FALLBACK=([plaintext-logged]=plaintext)

scenario_plaintext() {
  local s
  for s in $SERVERS; do measure_http plaintext "$s" /plaintext "" "$1" "$PLAINTEXT_BODY" "$PLAINTEXT_TYPE"; done
}

scenario_json() {
  local s
  for s in $SERVERS; do measure_http json "$s" /json "" "$1" "$JSON_BODY" "$JSON_TYPE"; done
}

# fortunes: TechEmpower's fortunes through a template engine with escaping, the in-memory table of both servers:
# tornado-java's /fortunes (Pebble) against WebFlux's (Spring Boot's Mustache view). Other servers have no page.
scenario_fortunes() {
  local s
  for s in $SERVERS; do
    case $s in
      tornado-java | webflux) measure_http fortunes "$s" /fortunes "" "$1" "$FORTUNES_BODY" "$FORTUNES_TYPE" ;;
    esac
  done
}

# tornado-java with its access log on (stdout goes to the log file); the other servers never log per request, so
# their slots on this RESULT line show their plain plaintext figures from the same run.
scenario_plaintext_logged() {
  if in_list tornado-java $SERVERS; then
    measure_http plaintext-logged tornado-java /plaintext logged "$1" "$PLAINTEXT_BODY" "$PLAINTEXT_TYPE"
  fi
}

# Scenarios only tornado-java can run (no comparable endpoint elsewhere): shown in the table and as MEASURE lines,
# never on RESULT lines.
declare -A SINGLE_SERVER=([blocking-mix]=1 [longpoll-fanout]=1)

# blocking-mix: the executor (10 threads by default) is kept saturated by BENCH_BLOCKING_CLIENTS concurrent
# /blocking?seconds=1 requests while /plaintext latency is measured on the same server at 64 connections. The
# IOLoops must keep answering in milliseconds while every executor thread sleeps.
scenario_blocking_mix() {
  in_list tornado-java $SERVERS || return 0
  local round=$1 tag="blocking-mix_tornado-java_r$1" logfile clients=${BENCH_BLOCKING_CLIENTS:-30}
  logfile="$RESULTS_DIR/logs/$tag.log"
  take_port
  if ! start_server tornado-java "$PORT" "" "$logfile" /plaintext; then
    note blocking-mix tornado-java "failed to start"
    return 0
  fi
  local base="http://127.0.0.1:$PORT"
  if ((WARMUP > 0)); then run_wrk "$base/plaintext" 64 "$WARMUP" "$RESULTS_DIR/wrk/${tag}_warmup.txt"; fi
  timeout $((DURATION + 20)) wrk -t1 -c"$clients" -d"$((DURATION + 4))s" --timeout 30s "$base/blocking?seconds=1" \
    >"$RESULTS_DIR/wrk/${tag}_blocking.txt" 2>&1 &
  local blocker=$!
  sleep 2
  local out="$RESULTS_DIR/wrk/${tag}_c64.txt" rps p50 p99 errs bad blocked
  run_wrk "$base/plaintext" 64 "$DURATION" "$out"
  read -r rps p50 p99 errs bad < <(parse_wrk "$out")
  wait "$blocker" || true
  blocked=$(awk '/requests in/ {print $1}' "$RESULTS_DIR/wrk/${tag}_blocking.txt")
  record blocking-mix tornado-java 64 rps "$rps"
  record blocking-mix tornado-java 64 p50 "$p50"
  record blocking-mix tornado-java 64 p99 "$p99"
  record blocking-mix tornado-java 64 start "$STARTUP_MS"
  record blocking-mix tornado-java 64 rss "$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')"
  record blocking-mix tornado-java 64 errs "$((errs + bad))"
  record blocking-mix tornado-java 64 srvcpu "$SRV_CPU"
  record blocking-mix tornado-java 64 othercpu "$OTHER_CPU"
  BLOCKING_DONE[$round]=${blocked:-0}
  printf '  [round %d] blocking-mix     tornado-java c=64   %9s req/s  p50 %6.2f ms  p99 %7.2f ms  (%s blocking requests of 1 s done meanwhile by %s clients)\n' \
    "$round" "$rps" "$p50" "$p99" "${blocked:-0}" "$clients"
  stop_server
}
declare -A BLOCKING_DONE=()

# longpoll-fanout: BENCH_WAITERS (default 5000) long polls parked on the demo's chat, one message posted, time until
# all have their answer; also the server's RSS per parked waiter. Client: bench/longpoll/fanout.py (stdlib only).
scenario_longpoll_fanout() {
  in_list tornado-java $SERVERS || return 0
  local round=$1 tag="longpoll-fanout_tornado-java_r$1" logfile waiters=${BENCH_WAITERS:-5000} out
  logfile="$RESULTS_DIR/logs/$tag.log"
  take_port
  if ! start_server tornado-java "$PORT" "" "$logfile" /plaintext; then
    note longpoll-fanout tornado-java "failed to start"
    return 0
  fi
  out=$(timeout 300 python3 "$BENCH_DIR/longpoll/fanout.py" "$PORT" "$SERVER_PID" "$waiters" 2>&1) || {
    warn "longpoll-fanout failed: $out"
    note longpoll-fanout tornado-java "client failed"
    stop_server
    return 0
  }
  FANOUT[$round]=$out
  log "  [round $round] longpoll-fanout  tornado-java $out"
  stop_server
}
declare -A FANOUT=()

# accept-under-load: wrk keeps 256 keep-alive connections busy on /plaintext while bench/accept/ttfb.py opens 20 new
# connections a second and times each until the first byte of its answer (connect + accept + first request): a
# server whose acceptor waits behind keep-alive work lets new connections queue in the backlog. Every server runs
# it; the RESULT line has each one's median p99 in ms (lower is better).
scenario_accept_under_load() {
  local round=$1 server tag logfile base out line p99
  for server in $SERVERS; do
    tag="accept-under-load_${server}_r$round"
    logfile="$RESULTS_DIR/logs/$tag.log"
    take_port
    if ! start_server "$server" "$PORT" "" "$logfile" /plaintext; then
      note accept-under-load "$server" "failed to start"
      continue
    fi
    base="http://127.0.0.1:$PORT"
    if ((WARMUP > 0)); then run_wrk "$base/plaintext" 256 "$WARMUP" "$RESULTS_DIR/wrk/${tag}_warmup.txt"; fi
    out="$RESULTS_DIR/wrk/${tag}_c256.txt"
    timeout -k 5 $((DURATION + 30)) wrk -t"$WRK_THREADS" -c256 -d"$((DURATION + 2))s" --timeout 5s \
      -H 'Connection: keep-alive' "$base/plaintext" >"$out" 2>&1 </dev/null &
    local loader=$!
    sleep 1
    line=$(timeout $((DURATION + 60)) python3 "$BENCH_DIR/accept/ttfb.py" "$PORT" "$DURATION" 2>&1) || line=""
    wait "$loader" || true
    p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$line")
    if [[ -n $p99 ]]; then
      ACCEPT_P99["$server"]="${ACCEPT_P99[$server]:-}${ACCEPT_P99[$server]:+ }$p99"
      log "  [round $round] accept-under-load $(printf '%-13s' "$server") new connections under 256 keep-alive: $line"
    else
      note accept-under-load "$server" "probe failed"
      warn "accept-under-load probe failed for $server: $line"
    fi
    stop_server
  done
}
declare -A ACCEPT_P99=()

# upload: one multipart upload of a BENCH_UPLOAD_MB file with curl -F, to the demo's POST /upload (a JVM of
# -Xmx64m and 64 MB direct memory: the body spills to disk, the part is hashed and moved into the upload folder) and
# to nginx writing the same body to a file (client_body_in_file_only clean; the request is then answered by a
# second server block without the body). MB/s = file size / curl's total time; also the JVM's peak RSS (VmHWM).
UPLOAD_FILE=""
scenario_upload() {
  local round=$1 mb=${BENCH_UPLOAD_MB:-1024} tag logfile out secs rss expected got
  if [[ -z $UPLOAD_FILE ]]; then
    UPLOAD_FILE="$RESULTS_DIR/upload-${mb}MB.bin"
    head -c "$((mb * 1024 * 1024))" /dev/urandom >"$UPLOAD_FILE"
    UPLOAD_SHA=$(sha256sum "$UPLOAD_FILE" | cut -d' ' -f1)
  fi
  expected=$UPLOAD_SHA
  if in_list tornado-java $SERVERS; then
    tag="upload_tornado-java_r$round"
    logfile="$RESULTS_DIR/logs/$tag.log"
    mkdir -p "$RESULTS_DIR/uploads"
    take_port
    local saved_opts=("${JAVA_OPTS[@]}")
    JAVA_OPTS+=(-Xmx64m -XX:MaxDirectMemorySize=64m)
    DEMO_ARGS=(--tornado.server.max-body-size=2047MB --tornado.server.body-timeout=600s
      "--tornado-demo.upload-dir=$RESULTS_DIR/uploads")
    if start_server tornado-java "$PORT" "" "$logfile" /plaintext; then
      out=$(timeout 600 curl -s -F "file=@$UPLOAD_FILE" --max-time 600 -w '\n%{time_total}' \
        "http://127.0.0.1:$PORT/upload" 2>&1 || true)
      got=$(head -n 1 <<<"$out"); secs=$(tail -n 1 <<<"$out")
      rss=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
      if [[ $got == *"\"sha256\":\"$expected\""* ]]; then
        UPLOAD_MBS[tornado-java]+="$(awk -v mb="$mb" -v s="$secs" 'BEGIN {printf "%.1f", mb / s}') "
        log "  [round $round] upload           tornado-java ${mb} MB in ${secs}s, peak RSS $((rss / 1024)) MB (-Xmx64m)"
      else
        warn "upload to tornado-java failed or answered a wrong hash: ${got:0:300}"
        note upload tornado-java "wrong answer"
      fi
      rm -f "$RESULTS_DIR"/uploads/*
    else
      note upload tornado-java "failed to start"
    fi
    JAVA_OPTS=("${saved_opts[@]}")
    DEMO_ARGS=()
    stop_server
  fi
  if command -v nginx >/dev/null; then
    local dir="$RESULTS_DIR/nginx-upload" back
    mkdir -p "$dir/body"
    take_port; back=$PORT
    take_port
    cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
error_log $dir/error.log warn;
pid $dir/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server {
    listen 127.0.0.1:$back;
    location / { return 200 "stored\n"; }
  }
  server {
    listen 127.0.0.1:$PORT;
    client_max_body_size 0;
    location /plaintext { return 200 "ok\n"; }
    location /upload {
      client_body_in_file_only clean;
      client_body_buffer_size 128k;
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_pass http://127.0.0.1:$back/;
    }
  }
}
CONF
    SERVER_PID=""
    setsid nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$dir/stdout.log" 2>&1 </dev/null &
    SERVER_PID=$!
    local deadline=$((SECONDS + 20))
    while ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/plaintext" && ((SECONDS < deadline)); do sleep 0.1; done
    out=$(timeout 600 curl -s -F "file=@$UPLOAD_FILE" --max-time 600 -w '\n%{time_total}' "http://127.0.0.1:$PORT/upload" 2>&1 || true)
    got=$(head -n 1 <<<"$out"); secs=$(tail -n 1 <<<"$out")
    if [[ $got == stored ]]; then
      UPLOAD_MBS[nginx]+="$(awk -v mb="$mb" -v s="$secs" 'BEGIN {printf "%.1f", mb / s}') "
      log "  [round $round] upload           nginx ${mb} MB in ${secs}s"
    else
      warn "upload to nginx failed: ${got:0:300}"
    fi
    stop_server
  fi
}
declare -A UPLOAD_MBS=()

# h2c-plaintext: GET /plaintext over cleartext HTTP/2 with prior knowledge, loaded by h2load (nghttp2-client) with
# BENCH_H2_CONNECTIONS connections (default 64) of BENCH_H2_STREAMS concurrent streams each (default 10), against
# tornado-java and Vert.x (h2c on by default in both). RESULT: req/s of each and tornado-java / Vert.x.
scenario_h2c_plaintext() {
  local round=$1 server tag logfile out rps conns=${BENCH_H2_CONNECTIONS:-64} streams=${BENCH_H2_STREAMS:-10}
  command -v h2load >/dev/null || { warn "h2c-plaintext needs h2load (apt-get install nghttp2-client)"; return 0; }
  for server in tornado-java vertx; do
    in_list "$server" $SERVERS || continue
    tag="h2c-plaintext_${server}_r$round"
    logfile="$RESULTS_DIR/logs/$tag.log"
    take_port
    if ! H2C=true start_server "$server" "$PORT" "" "$logfile" /plaintext; then
      note h2c-plaintext "$server" "failed to start"
      continue
    fi
    if ((WARMUP > 0)); then
      timeout $((WARMUP + 30)) h2load -c "$conns" -m "$streams" -t "$WRK_THREADS" -D "$WARMUP" \
        "http://127.0.0.1:$PORT/plaintext" >"$RESULTS_DIR/wrk/${tag}_warmup.txt" 2>&1 || true
    fi
    out="$RESULTS_DIR/wrk/${tag}_c${conns}.txt"
    timeout $((DURATION + 60)) h2load -c "$conns" -m "$streams" -t "$WRK_THREADS" -D "$DURATION" \
      "http://127.0.0.1:$PORT/plaintext" >"$out" 2>&1 || true
    rps=$(awk '/^finished in/ {gsub(/,/, "", $4); printf "%.0f", $4}' "$out")
    if [[ -n $rps ]] && grep -q '^requests:.* 0 failed' "$out" && grep -q '^status codes: [1-9][0-9]* 2xx' "$out"; then
      H2C_RPS[$server]+="$rps "
      log "  [round $round] h2c-plaintext    $(printf '%-13s' "$server") c=$conns m=$streams $rps req/s"
    else
      warn "h2load against $server failed or saw errors (see $out)"
      note h2c-plaintext "$server" "h2load failed"
    fi
    stop_server
  done
}
declare -A H2C_RPS=()

# ---------------------------------------------------------------------------------------------------------------
# Report

print_machine() {
  local cpu
  cpu=$(lscpu 2>/dev/null | awk -F: '/^Model name/ {sub(/^[ \t]+/, "", $2); print $2; exit}') || true
  [[ -n $cpu ]] || cpu=$(awk -F: '/^model name/ {sub(/^[ \t]+/, "", $2); print $2; exit}' /proc/cpuinfo)
  log "== machine"
  log "cores (nproc): $(nproc)"
  log "cpu: $cpu"
  log "memory: $(free -h | awk '/^Mem:/ {print $2}')   kernel: $(uname -r)"
  log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  local busy0 total0 busy1 total1 idle_use
  read -r busy0 total0 < <(cpu_jiffies)
  sleep 1
  read -r busy1 total1 < <(cpu_jiffies)
  idle_use=$(awk -v b="$((busy1 - busy0))" -v t="$((total1 - total0))" 'BEGIN {printf "%.0f", (t > 0 ? 100 * b / t : 0)}')
  log "CPU used by other processes before the run (1 s sample): ${idle_use}% of all cores"
  if ((idle_use > OTHER_CPU_LIMIT)); then
    warn "the machine is busy: other work competes with the servers and wrk, so the figures will be noisy;"
    warn "the table's other_% column shows it per run. More rounds (BENCH_ROUNDS) help, a quiet machine helps more"
  fi
  java -version 2>&1 | sed 's/^/java: /'
  log "wrk: $(wrk -v 2>&1 | head -n 1 || true)"
  if in_list tornado-py $SERVERS; then log "python: $("$PYTHON" -c 'import sys, tornado; print(sys.version.split()[0], "tornado", tornado.version)')"; fi
  log "NOTE: client (wrk, $WRK_THREADS threads) and servers share the same $(nproc) cores on 127.0.0.1: the figures"
  log "      compare servers under identical conditions; they are not any server's capacity on its own machine."
  log ""
  log "== settings"
  log "measured run: ${DURATION}s per connection count ($CONNECTIONS; RESULT uses $RESULT_CONNS), warm-up ${WARMUP}s,"
  log "rounds: $ROUNDS (medians), wrk -t$WRK_THREADS keep-alive, no pipelining"
  log "servers: $SERVERS"
  log "scenarios: $SCENARIOS"
  [[ -z ${TORNADO_JAVA_CMD:-} ]] || log "tornado-java replaced by TORNADO_JAVA_CMD: $TORNADO_JAVA_CMD"
  [[ -z ${BENCH_JAVA_OPTS:-} ]] || log "JVM options (all JVM servers): $BENCH_JAVA_OPTS"
  log "raw output: $RESULTS_DIR"
  log ""
}

print_table() {
  local scenario server conns note
  log ""
  log "== medians over $ROUNDS round(s)"
  printf '%-18s %-13s %6s %11s %9s %9s %9s %8s %7s %7s %7s  %s\n' \
    scenario server conns req/s p50_ms p99_ms start_ms rss_MB errors cpu_% other_% note
  for scenario in $SCENARIOS; do
    for server in $ALL_SERVERS; do
      note=${NOTES["$scenario|$server"]:-}
      if ! has_fig "$scenario" "$server" "${CONNECTIONS%% *}"; then
        [[ -z $note ]] || printf '%-18s %-13s %6s %11s %9s %9s %9s %8s %7s %7s %7s  %s\n' \
          "$scenario" "$server" - - - - - - - - - "$note"
        continue
      fi
      for conns in $CONNECTIONS; do
        printf '%-18s %-13s %6s %11.0f %9.3f %9.3f %9.0f %8.0f %7.0f %7.0f %7.0f  %s\n' "$scenario" "$server" "$conns" \
          "$(fig "$scenario" "$server" "$conns" rps)" "$(fig "$scenario" "$server" "$conns" p50)" \
          "$(fig "$scenario" "$server" "$conns" p99)" "$(fig "$scenario" "$server" "$conns" start)" \
          "$(awk -v kb="$(fig "$scenario" "$server" "$conns" rss)" 'BEGIN {print kb / 1024}')" \
          "$(fig "$scenario" "$server" "$conns" errs)" "$(fig "$scenario" "$server" "$conns" srvcpu)" \
          "$(fig "$scenario" "$server" "$conns" othercpu)" "$note"
      done
    done
  done
  log ""
}

# Median req/s of SERVER in SCENARIO at RESULT_CONNS, borrowing the fallback scenario's figure when it has none.
result_rps() {
  local scenario=$1 server=$2
  if ! has_fig "$scenario" "$server" "$RESULT_CONNS" && [[ -n ${RESULT_FALLBACK[$scenario]:-} ]]; then
    scenario=${RESULT_FALLBACK[$scenario]}
  fi
  if has_fig "$scenario" "$server" "$RESULT_CONNS"; then
    awk -v v="$(fig "$scenario" "$server" "$RESULT_CONNS" rps)" 'BEGIN {printf "%.0f", v}'
  else
    printf 0
  fi
}

# RESULT accept-under-load tornado-java=<p99 ms> netty=... unit=ms ratio_best=<best peer / tornado-java>
print_accept_result() {
  local server line value tj best=""
  line="RESULT accept-under-load"
  for server in $ALL_SERVERS; do
    value=$(median "${ACCEPT_P99[$server]:-}")
    [[ -n $value ]] || value=0
    line+=" $server=$value"
    if [[ $server == tornado-java ]]; then
      tj=$value
    elif [[ $value != 0 ]] && { [[ -z $best ]] || awk -v a="$value" -v b="$best" 'BEGIN {exit !(a < b)}'; }; then
      best=$value
    fi
  done
  line+=$(awk -v tj="${tj:-0}" -v b="${best:-0}" 'BEGIN { printf " unit=ms ratio_best=%.2f", (tj > 0 ? b / tj : 0) }')
  log "$line"
}

print_results() {
  local scenario server line tj netty vertx
  for scenario in $SCENARIOS; do
    if [[ $scenario == accept-under-load ]]; then
      print_accept_result
      continue
    fi
    if [[ $scenario == upload ]]; then
      tj=$(median "${UPLOAD_MBS[tornado-java]:-}"); netty=$(median "${UPLOAD_MBS[nginx]:-}")
      log "RESULT upload tornado-java=${tj:-0} nginx=${netty:-0} unit=MB/s ratio_best=$(awk -v t="${tj:-0}" -v n="${netty:-0}" 'BEGIN {printf "%.2f", (n > 0 ? t / n : 0)}')"
      continue
    fi
    if [[ $scenario == fortunes ]]; then
      tj=$(result_rps fortunes tornado-java); netty=$(result_rps fortunes webflux)
      log "RESULT fortunes tornado-java=$tj webflux=$netty unit=req/s ratio_best=$(awk -v t="$tj" -v w="$netty" 'BEGIN {printf "%.2f", (w > 0 ? t / w : 0)}')"
      continue
    fi
    if [[ $scenario == h2c-plaintext ]]; then
      tj=$(median "${H2C_RPS[tornado-java]:-}"); vertx=$(median "${H2C_RPS[vertx]:-}")
      log "RESULT h2c-plaintext tornado-java=${tj:-0} vertx=${vertx:-0} unit=req/s ratio_best=$(awk -v t="${tj:-0}" -v v="${vertx:-0}" 'BEGIN {printf "%.2f", (v > 0 ? t / v : 0)}')"
      continue
    fi
    if [[ $scenario == longpoll-fanout ]]; then
      local r
      for r in "${!FANOUT[@]}"; do log "MEASURE longpoll-fanout round=$r ${FANOUT[$r]}"; done
      continue
    fi
    if [[ -n ${SINGLE_SERVER[$scenario]:-} ]]; then
      has_fig "$scenario" tornado-java 64 || continue
      log "MEASURE $scenario tornado-java rps=$(fig "$scenario" tornado-java 64 rps) p50_ms=$(fig "$scenario" tornado-java 64 p50) p99_ms=$(fig "$scenario" tornado-java 64 p99)"
      continue
    fi
    line="RESULT $scenario"
    for server in $ALL_SERVERS; do line+=" $server=$(result_rps "$scenario" "$server")"; done
    tj=$(result_rps "$scenario" tornado-java)
    netty=$(result_rps "$scenario" netty)
    vertx=$(result_rps "$scenario" vertx)
    line+=$(awk -v tj="$tj" -v n="$netty" -v v="$vertx" 'BEGIN {
      best = n > v ? n : v
      printf " ratio_netty=%.2f ratio_best=%.2f", (n > 0 ? tj / n : 0), (best > 0 ? tj / best : 0) }')
    log "$line"
  done
}

# ---------------------------------------------------------------------------------------------------------------

main() {
  for scenario in $SCENARIOS; do
    declare -F "scenario_${scenario//-/_}" >/dev/null || die "unknown scenario '$scenario' (no function scenario_${scenario//-/_})"
  done
  ensure_tools
  build_all
  mkdir -p "$RESULTS_DIR/logs" "$RESULTS_DIR/wrk"
  echo "round,scenario,server,connections,rps,p50_ms,p99_ms,startup_ms,rss_kb,socket_errors,non_2xx_3xx,server_cpu_pct,other_cpu_pct" >"$RESULTS_DIR/raw.csv"
  exec > >(tee "$RESULTS_DIR/summary.txt") 2>&1
  print_machine
  local round scenario
  for ((round = 1; round <= ROUNDS; round++)); do
    log "== round $round/$ROUNDS"
    for scenario in $SCENARIOS; do
      "scenario_${scenario//-/_}" "$round"
    done
  done
  log "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  print_table
  print_results
}

main "$@"
