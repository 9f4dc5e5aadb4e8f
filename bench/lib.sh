# Shared by the load scripts: a throwaway PostgreSQL cluster, the release build, servers started until ready, CPU
# time read from /proc, the check that a baseline query uses its index, and the lines bench/all.sh collects.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/passerelle-bench-XXXXXX)
PG_PORT=${PG_PORT:-5433}
PG_BIN=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | sort | tail -n 1)")
PASSERELLE="dotnet $ROOT/src/Passerelle/bin/Release/net10.0/passerelle.dll"
BENCH="dotnet $ROOT/bench/Passerelle.Benchmarks/bin/Release/net10.0/Passerelle.Benchmarks.dll"
CEILING="dotnet $ROOT/bench/Ceiling/bin/Release/net10.0/Ceiling.dll"
CLK_TCK=$(getconf CLK_TCK)

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

use_postgres() {
  export Database__Provider=PostgreSql
  export ConnectionStrings__Passerelle="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=100"
}

use_sqlite() {
  export Database__Provider=Sqlite ConnectionStrings__Passerelle="Data Source=$WORK/passerelle.db"
}

start_postgres() {
  [ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
  as_postgres "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --no-locale > /dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=512MB" start > /dev/null
  use_postgres
}

stop_all() {
  local pid
  for pid in "${SERVER_PID:-}" "${CEILING_PID:-}"; do
    [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null || true
  done
  [ -f "$WORK/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop > /dev/null 2>&1
  rm -rf "$WORK"
}
# An interrupted run stops what it started too.
trap stop_all EXIT
trap 'exit 130' INT TERM

build() {
  local project
  for project in src/Passerelle bench/Passerelle.Benchmarks bench/Ceiling; do
    dotnet build -c Release "$ROOT/$project" -v q -nologo > "$WORK/build.log" 2>&1 \
      || { cat "$WORK/build.log"; return 1; }
  done
}

psql_run() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

seconds_since() { echo "$(date +%s.%N) - $1" | bc -l; }

# Prints its arguments; under bench/all.sh (REPORT set) also keeps them for RESULTS.md. report_lines does the same
# for its standard input.
report() { echo "$*"; [ -z "${REPORT:-}" ] || echo "$*" >> "$REPORT"; }
report_lines() { tee -a "${REPORT:-/dev/null}"; }

# Runs COMMAND... in the background, its output in LOG, until http://127.0.0.1:PORT/health/ready answers 200; sets
# STARTED_PID, and READY to how many seconds it took.
start_until_ready() {
  local port=$1 log=$2 start
  shift 2
  start=$(date +%s.%N)
  "$@" > "$log" 2>&1 &
  STARTED_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" | grep -q 200; do
    kill -0 "$STARTED_PID" 2> /dev/null || { cat "$log"; return 1; }
    if [ "$(printf %.0f "$(seconds_since "$start")")" -ge "${READY_SECONDS:-900}" ]; then
      tail -n 20 "$log"
      echo "Not ready on port $port after ${READY_SECONDS:-900} s (READY_SECONDS)." >&2
      return 1
    fi
    sleep 0.1
  done
  READY=$(seconds_since "$start")
}

# Starts 'passerelle serve' on $1; sets SERVER_PID and READY. It runs as in production behind a proxy that ends TLS
# (Https:Required=false), with what production asks for made here and thrown away after: a certificate to encrypt
# the data-protection keys kept in the database, and a key to sign the audit checkpoints with.
serve_until_ready() {
  if [ -z "${DataProtection__CertificatePath:-}" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=passerelle-bench -keyout "$WORK/keys.pem" \
      -out "$WORK/keys.crt" 2> /dev/null
    openssl pkcs12 -export -inkey "$WORK/keys.pem" -in "$WORK/keys.crt" -out "$WORK/keys.pfx" -passout pass:
    head -c 32 /dev/urandom > "$WORK/audit-checkpoint.key"
    chmod 600 "$WORK/audit-checkpoint.key"
    export DataProtection__CertificatePath="$WORK/keys.pfx" Https__Required=false \
      Audit__CheckpointKeyPath="$WORK/audit-checkpoint.key" Audit__CheckpointPath="$WORK/audit-checkpoints.log"
  fi
  # A profile names .NET's compiled methods through the map the runtime writes when asked, which needs the code
  # mapped once rather than twice (write xor execute).
  [ -z "${TRACE:-}" ] || export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  # shellcheck disable=SC2086 # PASSERELLE is a command and its first argument.
  start_until_ready "$1" "$WORK/server.log" $PASSERELLE serve --urls "http://127.0.0.1:$1"
  SERVER_PID=$STARTED_PID
}

# CPU time a process has used so far, user and system, in clock ticks: fields 14 and 15 of /proc/PID/stat, counted
# after the command name, which may hold blanks.
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }

# CPU time of the whole PostgreSQL cluster in clock ticks: the postmaster and every process it started, each with its
# user and system time and that of its own children. A backend that ends is counted by the postmaster, which
# collects it, so connections closed between two samples are not lost. Sample when no connection opens or closes.
cluster_ticks() {
  local postmaster
  postmaster=$(head -n 1 "$WORK/data/postmaster.pid")
  cat /proc/[0-9]*/stat 2> /dev/null | awk -v pm="$postmaster" '
    { pid = $1; sub(/^.*\) /, ""); if (pid == pm || $2 == pm) ticks += $12 + $13 + $14 + $15 }
    END { print ticks + 0 }'
}

# Microseconds of CPU per unit of work: ticks before, ticks after, how many units.
micros_each() { echo "($2 - $1) * 1000000 / $CLK_TCK / $3" | bc -l | xargs printf %.0f; }

# check_baseline SCRIPT NAME=VALUE...: for each SQL statement of the pgbench SCRIPT, its variables replaced by the
# values given, prints EXPLAIN (ANALYZE, BUFFERS) (in a transaction rolled back, so an INSERT leaves nothing behind),
# and fails unless every table is read through an index whose Index Cond names each column listed on the
# '-- index:' line above the statement. A Seq Scan always fails. A baseline that misses its index measures a slower
# query than the one it stands for, and every ratio to it flatters Passerelle.
explain() { printf 'BEGIN;\nEXPLAIN (%s) %s\nROLLBACK;\n' "$1" "$2" | psql_run -At; }
check_baseline() {
  local script=$1 columns="" line sql assignment faults failed=0
  shift
  while IFS= read -r line; do
    case $line in
      '-- index:'*) columns=${line#-- index: }; continue ;;
      '\'* | '--'* | '') continue ;;
    esac
    sql=$line
    for assignment in "$@"; do
      sql=$(NAME=${assignment%%=*} VALUE=${assignment#*=} \
        perl -pe 's/(?<!:):$ENV{NAME}(?![A-Za-z0-9_])/$ENV{VALUE}/g' <<< "$sql")
    done
    report "plan of: $sql"
    explain "ANALYZE, BUFFERS" "$sql" | sed 's/^/  /' | report_lines
    faults=$(explain "FORMAT JSON" "$sql" | jq -r --arg columns "$columns" '
      [.. | objects | select(has("Node Type"))] as $nodes
      | ($columns | split(" ") | map(select(. != ""))) as $need
      | ([$nodes[] | select(.["Node Type"] == "Seq Scan") | "a Seq Scan on \(.["Relation Name"])"]
        + if ($need | length) == 0 then []
          else ([$nodes[] | select(has("Index Cond"))] as $scans
            | if ($scans | length) == 0 then ["no index scan"]
              else [$scans[] | . as $scan | $need[] as $column
                | select($scan["Index Cond"] | test("(^|[^A-Za-z0-9_])" + $column + "([^A-Za-z0-9_]|$)") | not)
                | "the Index Cond of \($scan["Index Name"]) lacks \($column)"]
              end)
          end)
      | .[]')
    if [ -n "$faults" ]; then
      report "FAILED: this baseline query does not use an index on all of its equality columns ($columns):"
      report "$(sed 's/^/  - /' <<< "$faults")"
      failed=1
    elif [ -n "$columns" ]; then
      report "  index check: passed, the Index Cond names $columns"
    fi
    columns=""
  done < "$script"
  return "$failed"
}

# Reads wrk's output in $1 into RPS, P50, P99 (wrk's own units), P99_MS, REQUESTS, NON2XX and ERRORS.
read_wrk() {
  RPS=$(awk '/^Requests\/sec/ {print $2}' "$1")
  P50=$(awk '$1 == "50%" {print $2}' "$1")
  P99=$(awk '$1 == "99%" {print $2}' "$1")
  P99_MS=$(awk '$1 == "99%" { v = $2; m = 1; if (v ~ /us$/) m = 0.001; else if (v ~ /[^m]s$/) m = 1000
    sub(/[a-z]+$/, "", v); printf "%.2f", v * m }' "$1")
  REQUESTS=$(awk '/ requests in / {print $1}' "$1")
  NON2XX=$(awk '/Non-2xx/ {print $5}' "$1")
  NON2XX=${NON2XX:-0}
  ERRORS=$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$1")
  ERRORS=${ERRORS:-0}
}
