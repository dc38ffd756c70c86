#!/usr/bin/env bash
# bench/soak.sh [minutes]
#
# Soak test of the demo jar under a mixed load for [minutes] (default 10): wrk on /plaintext, SOAK_WAITERS long
# polls on /a/message/updates fed by one chat message per second, SOAK_SOCKETS WebSockets on /ws/echo (one message
# per second each, echo checked) and SOAK_DOWNLOADERS clients downloading /download/sample.bin in a loop (SHA-256
# checked). The demo runs with -Dio.netty.leakDetection.level=paranoid (SOAK_LEAK_LEVEL). Reports, per minute, the
# wrk requests, errors and p99 and the server's RSS, direct memory (Native Memory Tracking), open fds and
# threads; before and after the load (idle, after a
# full GC via jcmd GC.run) the live heap (jcmd GC.heap_info), fds and threads; and the LEAK/ERROR lines of the
# server log. Ends with one line:
#
#   SOAK minutes=N requests=N errors=N lost=N leaks=N fd_growth=N heap_growth_kib=N
#
# requests: wrk's plus the mixed clients'; errors: wrk socket errors and non-2xx/3xx answers, the mixed clients'
# failures (wrong status, echo or hash) and ERROR lines in the server log; lost: long polls or echoes without an
# answer within 30 s, or connections the server dropped; leaks: LEAK lines (Netty's leak detector) in the server
# log; fd_growth and heap_growth_kib: idle after the load minus idle before it (after a warm-up that fills the
# chat's message cache).
#
# Environment (all optional): SOAK_WAITERS (500), SOAK_SOCKETS (100), SOAK_DOWNLOADERS (2), SOAK_WRK_CONNECTIONS
# (64), SOAK_HEAP (-Xmx256m), SOAK_LEAK_LEVEL (paranoid; advanced is lighter), SOAK_START_TIMEOUT (300 s for the
# demo to answer), SOAK_RESULTS_DIR
# (bench/results/soak-<timestamp>), SOAK_NO_BUILD=1 (use demo-app/target/demo-app.jar as it is).
#
# Binds and loads 127.0.0.1 only, on a free port; every step is bounded by a timeout; the demo it starts is
# stopped (SIGTERM, SIGKILL after 20 s) also when the script is interrupted.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"

MINUTES=${1:-10}
[[ $MINUTES =~ ^[0-9]+$ ]] && ((MINUTES > 0)) || { echo "usage: bench/soak.sh [minutes >= 1]" >&2; exit 2; }
WAITERS=${SOAK_WAITERS:-500}
SOCKETS=${SOAK_SOCKETS:-100}
DOWNLOADERS=${SOAK_DOWNLOADERS:-2}
WRK_CONNECTIONS=${SOAK_WRK_CONNECTIONS:-64}
HEAP=${SOAK_HEAP:--Xmx256m}
LEAK_LEVEL=${SOAK_LEAK_LEVEL:-paranoid}
START_TIMEOUT=${SOAK_START_TIMEOUT:-300}
RESULTS_DIR=${SOAK_RESULTS_DIR:-$BENCH_DIR/results/soak-$(date +%Y%m%d-%H%M%S)}
DEMO_JAR=demo-app/target/demo-app.jar
SERVER_PID=""
WRK_PID=""
MIXED_PID=""

log() { printf '%s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $state != Z* ]]
}

stop_pid() {
  local pid=$1 deadline
  [[ -n $pid ]] && alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + 20))
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  stop_pid "$WRK_PID"
  stop_pid "$MIXED_PID"
  stop_pid "$SERVER_PID"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in java jcmd wrk curl python3 sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
if [[ ${SOAK_NO_BUILD:-0} != 1 ]]; then
  log "building $DEMO_JAR (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package -pl demo-app -am >/dev/null || die "build failed"
fi
[[ -f $DEMO_JAR ]] || die "$DEMO_JAR is missing"

mkdir -p "$RESULTS_DIR/downloads"
head -c $((10 * 1024 * 1024)) /dev/urandom >"$RESULTS_DIR/downloads/sample.bin"
SAMPLE_SHA=$(sha256sum "$RESULTS_DIR/downloads/sample.bin" | cut -d' ' -f1)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SERVER_LOG="$RESULTS_DIR/server.log"

java $HEAP -XX:NativeMemoryTracking=summary "-Dio.netty.leakDetection.level=$LEAK_LEVEL" -jar "$DEMO_JAR" \
  "--tornado.server.port=$PORT" \
  --tornado.server.address=127.0.0.1 --tornado.access-log=false \
  "--tornado-demo.download-dir=$RESULTS_DIR/downloads" >"$SERVER_LOG" 2>&1 </dev/null &
SERVER_PID=$!
deadline=$((SECONDS + START_TIMEOUT))
until curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/plaintext"; do
  alive "$SERVER_PID" || { tail -n 20 "$SERVER_LOG" >&2; die "the demo exited"; }
  ((SECONDS < deadline)) || die "the demo did not answer within $START_TIMEOUT s"
  sleep 0.2
done
log "demo pid $SERVER_PID on 127.0.0.1:$PORT (leak detection $LEAK_LEVEL, $HEAP); raw output in $RESULTS_DIR"

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status"; }
threads() { awk '/^Threads:/ {print $2}' "/proc/$SERVER_PID/status"; }
fds() { ls "/proc/$SERVER_PID/fd" | wc -l; }
# Direct memory in KiB: Native Memory Tracking's "Other" (Netty's direct buffers and NIO's), committed.
direct_kib() {
  timeout 60 jcmd "$SERVER_PID" VM.native_memory summary \
    | sed -n 's/^- *Other (reserved=[0-9]*KB, committed=\([0-9]*\)KB).*/\1/p' | head -n 1
}
# Live heap in KiB: used after a full GC.
live_heap_kib() {
  timeout 60 jcmd "$SERVER_PID" GC.run >/dev/null
  timeout 60 jcmd "$SERVER_PID" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -n 1
}
# Waits until the server's fd count stops changing (connections of the previous phase closed), at most 30 s.
settle() {
  local last=-1 now deadline=$((SECONDS + 30))
  while ((SECONDS < deadline)); do
    now=$(fds)
    [[ $now == "$last" ]] && return 0
    last=$now
    sleep 2
  done
}

# Warm-up: JIT, the chat's message cache filled (more messages than tornado-demo.message-cache keeps), every
# kind of connection used once, so the idle baseline below is the steady state.
log "== warm-up (20 s)"
timeout 60 wrk -t2 -c"$WRK_CONNECTIONS" -d10s "http://127.0.0.1:$PORT/plaintext" >"$RESULTS_DIR/wrk-warmup.txt" 2>&1
timeout 120 python3 - "$PORT" <<'PY' >"$RESULTS_DIR/warmup.txt" 2>&1
import http.client, sys
port = int(sys.argv[1])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
conn.request("POST", "/login", "username=warmup", {"Content-Type": "application/x-www-form-urlencoded"})
response = conn.getresponse(); response.read()
cookie = response.getheader("Set-Cookie").split(";")[0]
for i in range(250):
    conn.request("POST", "/a/message/new", "body=warm-up+%d" % i,
                 {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    conn.getresponse().read()
print("posted 250")
PY
timeout 120 python3 "$BENCH_DIR/soak/mixed.py" "$PORT" 8 50 20 1 "$SAMPLE_SHA" >>"$RESULTS_DIR/warmup.txt" 2>&1 || true
settle
HEAP0=$(live_heap_kib); FDS0=$(fds); THREADS0=$(threads); RSS0=$(rss_kib)
log "idle before: live_heap_kib=$HEAP0 direct_kib=$(direct_kib) fds=$FDS0 threads=$THREADS0 rss_kib=$RSS0"

log "== load: $MINUTES minute(s): wrk -c$WRK_CONNECTIONS /plaintext, $WAITERS long polls, $SOCKETS WebSockets, $DOWNLOADERS downloaders"
timeout $((MINUTES * 60 + 180)) python3 "$BENCH_DIR/soak/mixed.py" "$PORT" "$((MINUTES * 60))" "$WAITERS" "$SOCKETS" \
  "$DOWNLOADERS" "$SAMPLE_SHA" >"$RESULTS_DIR/mixed.txt" 2>&1 &
MIXED_PID=$!
WRK_REQUESTS=0
WRK_ERRORS=0
printf '%-6s %10s %8s %10s %10s %10s %6s %8s\n' minute requests errors p99_ms rss_kib direct_kib fds threads
for ((minute = 1; minute <= MINUTES; minute++)); do
  out="$RESULTS_DIR/wrk-minute-$minute.txt"
  timeout 120 wrk -t2 -c"$WRK_CONNECTIONS" -d60s --latency "http://127.0.0.1:$PORT/plaintext" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || true
  WRK_PID=""
  requests=$(awk '/requests in/ {print $1}' "$out"); requests=${requests:-0}
  errors=$(awk '/Socket errors/ {gsub(/[^0-9 ]/, " "); s = 0; for (i = 1; i <= NF; i++) s += $i; print s}' "$out")
  non2xx=$(awk '/Non-2xx or 3xx/ {print $NF}' "$out")
  errors=$((${errors:-0} + ${non2xx:-0}))
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; print v}' "$out")
  WRK_REQUESTS=$((WRK_REQUESTS + requests))
  WRK_ERRORS=$((WRK_ERRORS + errors))
  printf '%-6s %10s %8s %10s %10s %10s %6s %8s\n' "$minute" "$requests" "$errors" "${p99:-?}" "$(rss_kib)" \
    "$(direct_kib)" "$(fds)" "$(threads)"
done
wait "$MIXED_PID" || true
MIXED_PID=""
grep -E '^(MINUTE|ERROR-SAMPLE)' "$RESULTS_DIR/mixed.txt" || true
mixed=$(grep '^MIXED' "$RESULTS_DIR/mixed.txt" || true)
[[ -n $mixed ]] || { tail -n 20 "$RESULTS_DIR/mixed.txt" >&2; die "the mixed clients did not finish"; }
log "$mixed"
value() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<" ${mixed#MIXED}"; }

settle
HEAP1=$(live_heap_kib); FDS1=$(fds); THREADS1=$(threads); RSS1=$(rss_kib)
log "idle after: live_heap_kib=$HEAP1 direct_kib=$(direct_kib) fds=$FDS1 threads=$THREADS1 rss_kib=$RSS1"
alive "$SERVER_PID" || die "the demo died during the soak"

LEAKS=$(grep -c 'LEAK:' "$SERVER_LOG" || true)
LOG_ERRORS=$(grep -cE '^\[E |ERROR' "$SERVER_LOG" || true)
log "server log: $LEAKS LEAK line(s), $LOG_ERRORS ERROR line(s)"
grep -E 'LEAK:|^\[E |ERROR' "$SERVER_LOG" | head -n 20 || true

stop_pid "$SERVER_PID"
SERVER_PID=""
log "SOAK minutes=$MINUTES requests=$((WRK_REQUESTS + $(value requests))) errors=$((WRK_ERRORS + $(value errors) + LOG_ERRORS)) lost=$(value lost) leaks=$LEAKS fd_growth=$((FDS1 - FDS0)) heap_growth_kib=$((HEAP1 - HEAP0))"
