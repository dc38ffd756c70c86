#!/usr/bin/env bash
# bench/cpu-per-request.sh NAME PORT PATH SECONDS -- server command...
#
# Starts a server, warms it up, loads PATH with wrk for SECONDS and prints the server's CPU time per request
# (user + system, from /proc), which depends far less on what else runs on the machine than req/s does. Used to
# compare implementations while the machine is shared. Loads 127.0.0.1 only; every run is bounded in time.
set -euo pipefail
name=$1 port=$2 path=$3 seconds=$4
shift 5
"$@" > "/tmp/cpu-per-request-$name.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$port$path" && break
  sleep 0.1
done
timeout $((seconds + 10)) wrk -t2 -c128 -d"${seconds}s" "http://127.0.0.1:$port$path" > /dev/null
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
out=$(timeout $((seconds + 10)) wrk -t2 -c128 -d"${seconds}s" "http://127.0.0.1:$port$path")
after=$(ticks)
requests=$(awk '/requests in/ {print $1}' <<< "$out")
hz=$(getconf CLK_TCK)
awk -v n="$name" -v t=$((after - before)) -v r="$requests" -v hz="$hz" \
  'BEGIN { printf "%s %s: %.2f us CPU per request (%d requests)\n", n, ENVIRON["P"], t * 1e6 / hz / r, r }'
