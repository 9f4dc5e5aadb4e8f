#!/usr/bin/env bash
# Screening over HTTP against PostgreSQL's own throughput for the same work.
#  1. starts a throwaway PostgreSQL cluster and loads RECORDS generated records with 'passerelle documents import';
#  2. starts 'passerelle serve' and drives POST /api/v1/documents/screen with wrk (CONNECTIONS, DURATION s);
#  3. runs the same work straight on PostgreSQL with pgbench: one indexed SELECT and one audit INSERT per
#     transaction, at the same concurrency;
#  4. prints requests per second, p50 and p99, pgbench's transactions per second, and the ratio.
# Everything listens on 127.0.0.1 and stops by itself.
source "$(dirname "$0")/lib.sh"
RECORDS=${RECORDS:-1000000}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-20}
HTTP_PORT=${HTTP_PORT:-5480}
trap stop_all EXIT

build
start_postgres
$PASSERELLE db migrate > /dev/null
$PASSERELLE agencies add --code BENCH-POLICE --name "Bench police" --kind police --country FRA > /dev/null
$PASSERELLE agencies add --code BENCH-BORDER --name "Bench border guard" --kind border-guard --country FRA > /dev/null
echo 'Bench-Password-2026!' | $PASSERELLE users add --agency BENCH-BORDER --login bench.officer --role officer --password-stdin > /dev/null
$BENCH generate "$RECORDS" "$WORK/records.csv"
start=$(date +%s.%N)
$PASSERELLE documents import "$WORK/records.csv" --agency BENCH-POLICE 2> /dev/null
import_seconds=$(seconds_since "$start")
echo "import: $RECORDS records in $(printf %.1f "$import_seconds") s = $(echo "$RECORDS / $import_seconds" | bc) records/s (PostgreSQL)"

export TOKEN RECORDS
TOKEN=$($PASSERELLE tokens create --user bench.officer --scope documents:screen 2> /dev/null)
export RateLimits__PerTokenPerMinute=1000000
serve_until_ready "$HTTP_PORT"
echo "start-up: ready in $(printf %.1f "$READY") s with $RECORDS records"
# A short warm-up, then the measured run.
wrk -t 2 -c "$CONNECTIONS" -d 3s -s "$ROOT/bench/screen.lua" "http://127.0.0.1:$HTTP_PORT/api/v1/documents/screen" > /dev/null
wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --latency -s "$ROOT/bench/screen.lua" "http://127.0.0.1:$HTTP_PORT/api/v1/documents/screen" | tee "$WORK/wrk.txt"
rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.txt")
kill "$SERVER_PID"; wait "$SERVER_PID" 2> /dev/null || true; SERVER_PID=

psql_run -c 'CREATE TABLE bench_audit (id bigserial PRIMARY KEY, at timestamptz, login text, target text, purpose text, details text)'
cat > "$WORK/pgbench.sql" <<SQL
\set n random(0, $RECORDS * 1000 - 1)
SELECT "Id" FROM travel_documents WHERE "NormalizedNumber" = 'P' || lpad((:n % 100000000)::text, 8, '0') AND "IssuingState" = 'FRA' AND "DeletedAt" IS NULL;
INSERT INTO bench_audit (at, login, target, purpose, details) VALUES (now(), 'bench.officer', 'document:FRA/' || :n, 'border-check', 'result=clear');
SQL
pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -f "$WORK/pgbench.sql" postgres | tee "$WORK/pgbench.txt"
tps=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.txt")

echo
echo "passerelle: $rps requests/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}"
echo "pgbench:    $tps transactions/s"
echo "ratio:      $(echo "$rps / $tps" | bc -l | xargs printf %.2f)x PostgreSQL's throughput"
