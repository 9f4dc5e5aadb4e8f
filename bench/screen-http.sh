#!/usr/bin/env bash
# Screening over HTTP, side by side in one run with what the same machine does without Passerelle:
#  1. loads RECORDS generated records into a throwaway PostgreSQL cluster with 'passerelle documents import', and,
#     with PROVIDER=Sqlite, into the embedded SQLite default as well, which Passerelle then serves from;
#  2. starts 'passerelle serve' and the ceiling (bench/Ceiling: the same JSON answered from a dictionary, no
#     authentication, no audit), checks that both answer a registered and a clear number alike, and drives each
#     in turn with wrk (CONNECTIONS, DURATION s, after WARMUP s of the same load, 30 by default), reading each one's
#     CPU time from /proc;
#  3. runs the same work straight on PostgreSQL with pgbench at the same concurrency: per transaction, a SELECT on
#     the register's unique index and an INSERT of Passerelle's own audit entry into a table with the audit table's
#     columns and indexes. It prints each baseline query's plan first, and stops if one misses its index;
#  4. prints throughput, latency and CPU per request for each, Passerelle's ratio to pgbench and its share of the
#     ceiling, and each against its goal.
# Everything listens on 127.0.0.1 and stops by itself.
source "$(dirname "$0")/lib.sh"
RECORDS=${RECORDS:-1000000}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-20}
# Seconds of the same load before anything is measured, so a server is measured as it runs for days: compiled by
# the JIT's last tier, not while it still compiles.
WARMUP=${WARMUP:-30}
PROVIDER=${PROVIDER:-PostgreSql}
HTTP_PORT=${HTTP_PORT:-5480}
CEILING_PORT=${CEILING_PORT:-5484}
case $PROVIDER in
  PostgreSql | Sqlite) ;;
  *) echo "PROVIDER is PostgreSql or Sqlite, not '$PROVIDER'." >&2; exit 2 ;;
esac

# What screen.lua asks, as Passerelle.Benchmarks generates the register: for a draw n, passport P + (n mod 10^8) on
# 8 digits, of state n mod 8; so a registered number is always asked with its own state, as often in both loads.
STATE_NAMES=(FRA D BEL ITA ESP NLD UTO GBR)
STATES=$(printf "'%s'," "${STATE_NAMES[@]}")
state_of() { echo "(ARRAY[${STATES%,}])[CAST($1 % 8 AS int) + 1]"; }
number_of() { echo "'P' || lpad(CAST($1 % 100000000 AS text), 8, '0')"; }

prepare_store() {
  local start seconds
  $PASSERELLE db migrate > /dev/null
  $PASSERELLE agencies add --code BENCH-POLICE --name "Bench police" --kind police --country FRA > /dev/null
  $PASSERELLE agencies add --code BENCH-BORDER --name "Bench border guard" --kind border-guard --country FRA > /dev/null
  echo 'Bench-Password-2026!' | $PASSERELLE users add --agency BENCH-BORDER --login bench.officer --role officer \
    --password-stdin > /dev/null
  start=$(date +%s.%N)
  $PASSERELLE documents import "$WORK/records.csv" --agency BENCH-POLICE 2> /dev/null
  seconds=$(seconds_since "$start")
  report "import into $1: $RECORDS records in $(printf %.1f "$seconds") s" \
    "= $(echo "$RECORDS / $seconds" | bc) records/s"
}

# Runs one query on the database Passerelle serves from; columns joined by ', '.
store_sql() {
  if [ "$PROVIDER" = Sqlite ]; then
    sqlite3 -separator ', ' "$WORK/passerelle.db" "$1"
  else
    psql_run -At -F ', ' -c "$1"
  fi
}

screen() {
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"documentNumber\":\"$2\",\"issuingState\":\"$3\",\"purpose\":\"border-check\"}" \
    "http://127.0.0.1:$1/api/v1/documents/screen"
}
shape() { jq -c '[paths | map(if type == "number" then "[]" else . end) | join(".")] | unique'; }

# Drives port $1 with screen.lua, reading the CPU time of process $2 and of the PostgreSQL cluster just before and
# just after the measured run. Sets what read_wrk sets, CPU_US and PG_US (microseconds a request).
drive() {
  local url="http://127.0.0.1:$1/api/v1/documents/screen" cpu0 cpu1 pg0 pg1
  wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" -s "$ROOT/bench/screen.lua" "$url" > /dev/null
  cpu0=$(cpu_ticks "$2") pg0=$(cluster_ticks)
  wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --latency -s "$ROOT/bench/screen.lua" "$url" > "$WORK/wrk.txt"
  cpu1=$(cpu_ticks "$2") pg1=$(cluster_ticks)
  cat "$WORK/wrk.txt"
  read_wrk "$WORK/wrk.txt"
  CPU_US=$(micros_each "$cpu0" "$cpu1" "$REQUESTS") PG_US=$(micros_each "$pg0" "$pg1" "$REQUESTS")
}

verdict() { if [ "$(echo "$1" | bc -l)" -eq 1 ]; then echo met; else echo "NOT met"; fi; }

build
start_postgres
$BENCH generate "$RECORDS" "$WORK/records.csv"
report "screening over HTTP, Passerelle on $PROVIDER: RECORDS=$RECORDS CONNECTIONS=$CONNECTIONS DURATION=$DURATION"
prepare_store PostgreSQL
if [ "$PROVIDER" = Sqlite ]; then
  use_sqlite
  prepare_store SQLite
fi
export TOKEN RECORDS
TOKEN=$($PASSERELLE tokens create --user bench.officer --scope documents:screen 2> /dev/null)
export RateLimits__PerTokenPerMinute=1000000
serve_until_ready "$HTTP_PORT"
report "start-up: ready in $(printf %.1f "$READY") s with $RECORDS records"
# shellcheck disable=SC2086 # CEILING is a command and its first argument.
start_until_ready "$CEILING_PORT" "$WORK/ceiling.log" $CEILING --urls "http://127.0.0.1:$CEILING_PORT" \
  --records "$WORK/records.csv" --owner BENCH-POLICE
CEILING_PID=$STARTED_PID

# Both servers must answer alike, or the ceiling measures something else.
registered=$((RECORDS / 2)) unregistered=$((RECORDS % 100000000))
for probe in "$registered hit" "$unregistered clear"; do
  read -r n expected <<< "$probe"
  number=$(printf 'P%08d' $((n % 100000000))) state=${STATE_NAMES[n % 8]}
  ours=$(screen "$HTTP_PORT" "$number" "$state") ceiling=$(screen "$CEILING_PORT" "$number" "$state")
  echo "probe $state/$number, passerelle: $ours"
  echo "probe $state/$number, ceiling:    $ceiling"
  if [ "$(jq -r .result <<< "$ours")/$(jq -r .result <<< "$ceiling")" != "$expected/$expected" ] \
    || [ "$(shape <<< "$ours")" != "$(shape <<< "$ceiling")" ]; then
    report "FAILED: Passerelle and the ceiling should both answer $state/$number '$expected', with the same fields."
    exit 1
  fi
done
report "probes: Passerelle and the ceiling answer a registered number 'hit' and another 'clear', with the same fields"

# The baseline's audit row is Passerelle's entry for the last probe, with its target and hash made per transaction,
# in a table with the audit table's columns and indexes.
psql_run <<'SQL'
CREATE TABLE bench_audit_template (LIKE audit_entries);
CREATE TABLE bench_audit (LIKE audit_entries INCLUDING ALL);
CREATE SEQUENCE bench_audit_sequence OWNED BY bench_audit."Sequence";
ALTER TABLE bench_audit ALTER "Sequence" SET DEFAULT nextval('bench_audit_sequence');
SQL
columns='"Sequence", "OccurredAt", "EventCode", "Operation", "Outcome", "UserId", "Login", "AgencyCode", "TokenId",
  "Target", "Purpose", "Details", "Source", "PreviousHash", "Hash"'
quote=$([ "$PROVIDER" = Sqlite ] && echo quote || echo quote_nullable)
entry=$(store_sql "SELECT $(sed -E "s/(\"[A-Za-z]+\")/$quote(\1)/g" <<< "$columns") FROM audit_entries
  WHERE \"Operation\" = 'document.screened' ORDER BY \"Sequence\" DESC LIMIT 1")
psql_run -c "INSERT INTO bench_audit_template ($columns) VALUES ($entry)"
report "Passerelle's audit entry for that screening ($(psql_run -At -c \
  'SELECT pg_column_size(t.*) FROM bench_audit_template t') bytes as a PostgreSQL row), the baseline's template:"
psql_run -x -c 'SELECT * FROM bench_audit_template' | sed -n 's/^/  /; /|/p' | report_lines
report "bench_audit has audit_entries' columns and indexes:"
psql_run -At -c "SELECT indexdef FROM pg_indexes WHERE tablename = 'bench_audit' ORDER BY 1" | sed 's/^/  /' \
  | report_lines
target="'document:' || $(state_of :n) || '/' || $(number_of :n)"
insert=$(psql_run -At <<SQL
SELECT format('INSERT INTO bench_audit ("OccurredAt", "EventCode", "Operation", "Outcome", "UserId", "Login", '
  || '"AgencyCode", "TokenId", "Target", "Purpose", "Details", "Source", "PreviousHash", "Hash") VALUES (now(), '
  || '%L, %L, %L, %L, %L, %L, %L, %s, %L, %L, %L, %L, encode(sha256(convert_to(%s || clock_timestamp(), ''UTF8'')), '
  || '''hex''));', "EventCode", "Operation", "Outcome", "UserId", "Login", "AgencyCode", "TokenId", \$\$$target\$\$,
  "Purpose", "Details", "Source", "PreviousHash", \$\$$target\$\$)
FROM bench_audit_template
SQL
)
cat > "$WORK/pgbench.sql" <<SQL
\set n random(0, $RECORDS * 1000 - 1)
-- index: IssuingState Type NormalizedNumber
SELECT "Id" FROM travel_documents WHERE "IssuingState" = $(state_of :n) AND "Type" = 'Passport' AND "NormalizedNumber" = $(number_of :n) AND "DeletedAt" IS NULL;
$insert
SQL
report "pgbench's script, one transaction each:"
sed 's/^/  /' "$WORK/pgbench.sql" | report_lines
check_baseline "$WORK/pgbench.sql" "n=$registered"
baseline_share=$(psql_run -At -c "SELECT round(100.0 * count(d.\"Id\") / count(*), 2)
  FROM (SELECT floor(random() * $RECORDS * 1000)::bigint AS n FROM generate_series(1, 20000)) AS s
  LEFT JOIN travel_documents d ON d.\"IssuingState\" = $(state_of s.n) AND d.\"Type\" = 'Passport'
    AND d.\"NormalizedNumber\" = $(number_of s.n) AND d.\"DeletedAt\" IS NULL")

if [ -n "${TRACE:-}" ]; then
  # A CPU profile of the whole machine under the same load, in a run of its own so the sampling does not slow the
  # measured one: where the cycles go by process, then Passerelle's functions (named through the perf map .NET
  # writes when DOTNET_PerfMapEnabled is set, as serve_until_ready does under TRACE).
  wrk -t 2 -c "$CONNECTIONS" -d "$((TRACE + WARMUP + 1))s" -s "$ROOT/bench/screen.lua" \
    "http://127.0.0.1:$HTTP_PORT/api/v1/documents/screen" > /dev/null &
  load=$!
  sleep "$WARMUP"
  perf record -q -F 499 -g -a -o "$WORK/perf.data" -- sleep "$TRACE" 2> /dev/null
  wait "$load"
  cp "$WORK/perf.data" "${TRACE_OUT:-/tmp/screen.perf.data}"
  top() { perf report -i "$WORK/perf.data" --stdio --no-children -g none "$@" 2> /dev/null | grep '%' \
    | awk -v n="${TRACE_LINES:-40}" 'NR <= n' | cut -c 1-160 | report_lines; }
  report "profile over ${TRACE} s of the same load (perf, every process), CPU samples by thread name:"
  top --sort comm || true
  report "Passerelle's functions by CPU samples (self, share of all samples):"
  top --pid "$SERVER_PID" --sort dso,symbol || true
fi
drive "$HTTP_PORT" "$SERVER_PID"
OURS_RPS=$RPS OURS_P50=$P50 OURS_P99=$P99 OURS_P99_MS=$P99_MS OURS_NON2XX=$NON2XX OURS_ERRORS=$ERRORS
OURS_CPU_US=$CPU_US OURS_PG_US=$PG_US
kill "$SERVER_PID"; wait "$SERVER_PID" 2> /dev/null || true; SERVER_PID=
found="\"Details\" LIKE '%\"result\":\"hit\"%' OR \"Details\" LIKE '%\"result\":\"possible\"%'"
ours_share=$(store_sql "SELECT round(100.0 * count(CASE WHEN $found THEN 1 END) / count(*), 2) FROM audit_entries
  WHERE \"Operation\" = 'document.screened'")
drive "$CEILING_PORT" "$CEILING_PID"
kill "$CEILING_PID"; wait "$CEILING_PID" 2> /dev/null || true; CEILING_PID=

pgbench_run() {
  pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -c "$CONNECTIONS" -j 2 -T "$1" -f "$WORK/pgbench.sql" postgres
}
pgbench_run 3 > /dev/null
postmaster=$(head -n 1 "$WORK/data/postmaster.pid")
processes=$(pgrep -c -P "$postmaster") pg0=$(cluster_ticks)
pgbench_run "$DURATION" | tee "$WORK/pgbench.txt"
# The backends pgbench leaves end on their own; their time counts once the postmaster has collected them.
for _ in $(seq 50); do [ "$(pgrep -c -P "$postmaster")" -le "$processes" ] && break; sleep 0.1; done
pg1=$(cluster_ticks)
tps=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench.txt")
transactions=$(awk '/actually processed/ {sub(/\/.*/, "", $NF); print $NF}' "$WORK/pgbench.txt")
latency=$(awk '/^latency average/ {print $4}' "$WORK/pgbench.txt")
audit_row=$(psql_run -At -c 'SELECT round(avg(pg_column_size(b.*))) FROM bench_audit b')

ratio=$(echo "$OURS_RPS / $tps" | bc -l | xargs printf %.2f)
fraction=$(echo "100 * $OURS_RPS / $RPS" | bc -l | xargs printf %.1f)
range=$((RECORDS * 1000 < 100000000 ? RECORDS * 1000 : 100000000))
expected=$(echo "100 * $RECORDS / $range" | bc -l | xargs printf %.2f)
template_row=$(psql_run -At -c 'SELECT pg_column_size(t.*) FROM bench_audit_template t')
pgbench_us=$(micros_each "$pg0" "$pg1" "$transactions")
ours_cpu="server $OURS_CPU_US µs"
[ "$PROVIDER" = PostgreSql ] && ours_cpu+=", PostgreSQL $OURS_PG_US µs, both $((OURS_CPU_US + OURS_PG_US)) µs"
report ""
report "registered numbers asked: by Passerelle's load $ours_share % (its audit trail), by pgbench's SELECT" \
  "$baseline_share % (20,000 draws); expected $expected %"
report "audit rows: Passerelle's $template_row bytes, pgbench's $audit_row bytes on average"
report "passerelle: $OURS_RPS requests/s, p50 $OURS_P50, p99 $OURS_P99, non-2xx $OURS_NON2XX," \
  "socket errors $OURS_ERRORS; CPU a screening: $ours_cpu"
report "ceiling:    $RPS requests/s, p50 $P50, p99 $P99, non-2xx $NON2XX, socket errors $ERRORS;" \
  "CPU a request: server $CPU_US µs"
report "pgbench:    $tps transactions/s, latency average $latency ms; CPU a transaction: PostgreSQL $pgbench_us µs"
report "ratio:      Passerelle on $PROVIDER does ${ratio}x pgbench's throughput (goal ≥ 3x: $(verdict "$ratio >= 3"))"
report "ceiling:    Passerelle on $PROVIDER does $fraction % of the ceiling's throughput"
report "p99:        $OURS_P99_MS ms (goal ≤ 10 ms: $(verdict "$OURS_P99_MS <= 10"))"
report "CPU:        $OURS_CPU_US µs of Passerelle's process a screening" \
  "(goal ≤ 60 µs: $(verdict "$OURS_CPU_US <= 60"))"
if [ "$OURS_NON2XX" != 0 ] || [ "$NON2XX" != 0 ]; then
  report "FAILED: some answers were not 2xx, so the rates above are not rates of screenings."
  exit 1
fi
