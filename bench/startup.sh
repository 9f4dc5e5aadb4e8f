#!/usr/bin/env bash
# Start-up with a large register: RECORDS records (10 million by default) are written straight into a throwaway
# PostgreSQL cluster with generate_series, then 'passerelle serve' is started and timed until /health/ready answers
# 200, which is after the screening index has loaded. Also prints the server's own line about the index load.
source "$(dirname "$0")/lib.sh"
RECORDS=${RECORDS:-10000000}
HTTP_PORT=${HTTP_PORT:-5481}
build
report "start-up: RECORDS=$RECORDS"
start_postgres
$PASSERELLE db migrate > /dev/null
$PASSERELLE agencies add --code BENCH-POLICE --name "Bench police" --kind police --country FRA > /dev/null
start=$(date +%s.%N)
psql_run <<SQL
INSERT INTO travel_documents ("Id", "OwnerAgencyId", "Number", "NormalizedNumber", "FoldedNumber", "IssuingState", "Type", "Status",
  "ReportedOn", "ReviewOn", "Version", "CreatedAt", "UpdatedAt", "ChangeSequence")
SELECT gen_random_uuid(), a."Id", n, n, n, (ARRAY['FRA','D','BEL','ITA','ESP','NLD','UTO','GBR'])[i % 8 + 1], 'Passport', 'Stolen',
  DATE '2026-01-01', DATE '2036-01-01', 1, now(), now(), 0
FROM generate_series(0, $RECORDS - 1) AS i, LATERAL (SELECT 'P' || lpad(i::text, 8, '0') AS n) AS number,
  (SELECT "Id" FROM agencies WHERE "Code" = 'BENCH-POLICE') AS a;
ANALYZE travel_documents;
SQL
report "seeded $RECORDS records in $(printf %.0f "$(seconds_since "$start")") s"
for run in 1 2 3; do
  serve_until_ready "$HTTP_PORT"
  report "run $run: ready in $(printf %.1f "$READY") s; $(grep -o 'Screening index loaded.*' "$WORK/server.log" | head -n 1)"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2> /dev/null || true; SERVER_PID=
done
