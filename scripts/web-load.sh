#!/usr/bin/env bash
# Load test of the triage web app's queue page: ITEMS triage items (default 100,000), CONNECTIONS
# concurrent signed-in users (default 50), wrk in a second process on loopback. A WARMUP run
# (default 60s, not reported) brings the server to its steady state (the JIT compiles the request
# path; 10s was not enough: p99 120–290 ms then, against 71–85 ms after 60s) before DURATION.
# Needs: the jar built, wrk (apt-get install wrk), psql, and a PostgreSQL given as
#   PGURL=postgresql://triage:triage@127.0.0.1:5432/triage_load
# (e.g. pg_ctlcluster 15 main start; createuser/createdb). Prints wrk's throughput and latency.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGURL:?set PGURL=postgresql://user:password@host:port/database}"
ITEMS=${ITEMS:-100000}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60s}
PORT=${PORT:-18080}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=bot/target/triage-bot.jar
CONFIG=config/demo/triage.yml

rest=${PGURL#postgresql://}
export TRIAGE_DB_USER=${rest%%:*}
rest=${rest#*:}
export TRIAGE_DB_PASSWORD=${rest%%@*}
export TRIAGE_DB_URL="jdbc:postgresql://${rest#*@}"

"$JAVA" -jar "$JAR" migrate --config "$CONFIG"
psql -q -v ON_ERROR_STOP=1 "$PGURL" -v items="$ITEMS" -f scripts/seed-items.sql
TRIAGE_USER_PASSWORD=load-test-password "$JAVA" -jar "$JAR" user add --config "$CONFIG" \
  --username loadtest --role comms

"$JAVA" -jar "$JAR" run --config "$CONFIG" --port "$PORT" --instance load-test >/tmp/web-load-run.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 1
done

jar=$(mktemp)
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
cookie=$(curl -s -b "$jar" -D - -o /dev/null \
  --data "username=loadtest&password=load-test-password&_csrf=$csrf" "http://127.0.0.1:$PORT/login" \
  | awk -F'[=;]' 'tolower($0) ~ /^set-cookie: triage_session/ {print $2; exit}')
[ -n "$cookie" ] || { echo "could not sign in" >&2; exit 1; }

if [ "$WARMUP" != 0 ]; then
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: triage_session=$cookie" \
    "http://127.0.0.1:$PORT/queue" >/dev/null
fi
echo "queue page, $ITEMS items, $CONNECTIONS connections, $DURATION after $WARMUP warm-up; $(uptime)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: triage_session=$cookie" \
  "http://127.0.0.1:$PORT/queue"
echo "after: $(uptime)"
