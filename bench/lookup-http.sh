#!/usr/bin/env bash
# Product lookup by GTIN over HTTP: SHEETS published product sheets with GTINS_PER_SHEET GTINs each (1,000,000 GTINs by
# default) are copied into a throwaway PostgreSQL cluster; 'passerelle serve' is started and GET
# /api/v1/products/lookup?q=<GTIN> is driven by wrk with CONNECTIONS connections for DURATION s. wrk keeps that many
# requests in flight (a closed loop), so the printed rate is what the server sustained and the latencies are those
# at that rate. Then RATE requests/s (1,000 by default) are sent for DURATION s in an open loop, whatever the
# server's pace, with each latency counted from when the request was due: that is the goal's measurement.
# The same open loop on GET /api/v1/me, which reads nothing and audits nothing, gives the floor under any route on
# this machine; the two are run RUNS times (3 by default), each lookup run held to the floor run after it.
# BASELINE=path/to/another/passerelle.dll repeats the lookup loop against that build on the same
# database, right after.
source "$(dirname "$0")/lib.sh"
SHEETS=${SHEETS:-10000}
GTINS_PER_SHEET=${GTINS_PER_SHEET:-100}
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-20}
RATE=${RATE:-1000}
HTTP_PORT=${HTTP_PORT:-5482}
build
start_postgres
$PASSERELLE db migrate > /dev/null
$PASSERELLE agencies add --code RH-BENCH --name "Bench brand" --kind rights-holder --country FRA > /dev/null
$PASSERELLE agencies verify RH-BENCH --evidence "Bench." > /dev/null
$PASSERELLE agencies add --code BENCH-DOUANE --name "Bench customs" --kind customs --country FRA > /dev/null
echo 'Bench-Password-2026!' | $PASSERELLE users add --agency BENCH-DOUANE --login bench.officer --role officer --password-stdin > /dev/null
owner=$(psql_run -At -c "SELECT \"Id\" FROM agencies WHERE \"Code\" = 'RH-BENCH'")
[ "$(id -u)" -eq 0 ] && chmod 777 "$WORK"
$BENCH products "$SHEETS" "$GTINS_PER_SHEET" "$owner" "$WORK"
psql_run -c "\copy product_sheets (\"Id\", \"OwnerAgencyId\", \"Brand\", \"Name\", \"SearchKey\", \"ManufacturingCountries\", \"Version\", \"CreatedAt\", \"UpdatedAt\", \"PublishedAt\") FROM '$WORK/sheets.csv' WITH (FORMAT csv)"
psql_run -c "\copy product_gtins (\"Gtin\", \"SheetId\") FROM '$WORK/gtins.csv' WITH (FORMAT csv)"
export TOKEN GTINS=$((SHEETS * GTINS_PER_SHEET))
TOKEN=$($PASSERELLE tokens create --user bench.officer --scope products:lookup 2> /dev/null)
export RateLimits__PerTokenPerMinute=1000000
serve_until_ready "$HTTP_PORT"
report "product lookup: SHEETS=$SHEETS GTINS_PER_SHEET=$GTINS_PER_SHEET CONNECTIONS=$CONNECTIONS DURATION=$DURATION RATE=$RATE"
report "catalogue: $SHEETS sheets, $GTINS GTINs; server ready in $(printf %.1f "$READY") s"
wrk -t 2 -c "$CONNECTIONS" -d 3s -s "$ROOT/bench/lookup.lua" "http://127.0.0.1:$HTTP_PORT" > /dev/null
wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --latency -s "$ROOT/bench/lookup.lua" "http://127.0.0.1:$HTTP_PORT" | tee "$WORK/wrk.txt"
echo
report "lookup, wrk: $(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt") requests/s, p50 $(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt"), p99 $(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt"), non-2xx $(awk '/Non-2xx/ {n = $5} END {print n + 0}' "$WORK/wrk.txt")"

open_loop() {
  report "open loop, $1:"
  $BENCH lookups "http://127.0.0.1:$HTTP_PORT" "$TOKEN" "$RATE" "$DURATION" "$GTINS" | sed 's/^/  /' \
    | tee "$WORK/open.txt" | report_lines
}
floor() {
  report "open loop, GET /api/v1/me (the floor):"
  $BENCH requests "http://127.0.0.1:$HTTP_PORT" "$TOKEN" "$RATE" "$DURATION" /api/v1/me | sed 's/^/  /' \
    | tee "$WORK/floor.txt" | report_lines
}
p99_of() { sed -n 's/.* p99 \([0-9.]*\)ms.*/\1/p' "$1"; }
# The goal is relative: this machine's latency varies 2x from day to day, so each run of the lookup is held to the
# floor measured right after it, RUNS times (3 by default).
for run in $(seq "${RUNS:-3}"); do
  open_loop "this build, run $run"
  floor
  lookup=$(p99_of "$WORK/open.txt") under=$(p99_of "$WORK/floor.txt")
  ratio=$(echo "$lookup / $under" | bc -l | xargs printf %.2f)
  verdict=$([ "$(echo "$ratio <= 1.2" | bc -l)" -eq 1 ] && echo met || echo "NOT met")
  report "run $run: lookup p99 $lookup ms, floor p99 $under ms, ${ratio}x the floor (goal ≤ 1.2x: $verdict)"
done
if [ -n "${BASELINE:-}" ]; then
  kill "$SERVER_PID" && wait "$SERVER_PID" 2> /dev/null || true
  PASSERELLE="dotnet $BASELINE" serve_until_ready "$HTTP_PORT"
  open_loop "baseline $BASELINE"
fi
