#!/usr/bin/env bash
# AOT smoke test: builds the demo with ahead-of-time processing (the `aot` profile runs spring-boot:process-aot),
# starts the jar with -Dspring.aot.enabled=true on a free port of 127.0.0.1, checks that it logs the AOT start-up
# and that GET /json answers {"message":"Hello, World!"}, then stops it with SIGTERM. Exit code 0 when all holds.
#   demo-app/aot-smoke.sh            (build + check; run from anywhere, builds offline when MAVEN_OFFLINE=-o)
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q ${MAVEN_OFFLINE:-} -pl demo-app -am -Paot package -DskipTests

work=$(mktemp -d)
log="$work/demo.log"
java -Dspring.aot.enabled=true -jar demo-app/target/demo-app.jar --tornado.server.port=0 \
  --tornado.server.address=127.0.0.1 --tornado.access-log=false --tornado-demo.download-dir="$work" \
  >"$log" 2>&1 &
pid=$!
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT

port=""
for _ in $(seq 1 600); do
  port=$(grep -o 'Tornado server started on port [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "AOT smoke: the demo did not start" >&2
  cat "$log" >&2
  exit 1
fi
if ! grep -q 'Starting AOT-processed' "$log"; then
  echo "AOT smoke: the demo did not start in AOT mode" >&2
  cat "$log" >&2
  exit 1
fi
body=$(curl -s --max-time 10 "http://127.0.0.1:$port/json")
if [ "$body" != '{"message":"Hello, World!"}' ]; then
  echo "AOT smoke: GET /json answered '$body'" >&2
  exit 1
fi
echo "AOT smoke: AOT-processed demo answered /json on port $port"
