#!/usr/bin/env bash
# Measures the demo's start-up: launches the jar, polls /plaintext until it answers, prints the elapsed time, then
# stops it with SIGTERM and prints its exit code (0 or 143 is a clean stop). Build the jar first:
#   mvn -B -q -DskipTests package && demo-app/startup-time.sh [port] [runs]
set -uo pipefail
cd "$(dirname "$0")/.."
port=${1:-18888}
runs=${2:-5}
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java -jar demo-app/target/demo-app.jar --tornado.server.port="$port" --tornado.access-log=false >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    curl -s -o /dev/null "http://127.0.0.1:$port/plaintext" && break
    sleep 0.01
  done
  end=$(date +%s%N)
  kill -TERM "$pid"
  wait "$pid"
  echo "run $run: first answered request after $(( (end - start) / 1000000 )) ms, exit code $?"
done
