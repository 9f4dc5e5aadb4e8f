# Shared by the load scripts: a throwaway PostgreSQL cluster, the release build, and a token.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/passerelle-bench-XXXXXX)
PG_PORT=${PG_PORT:-5433}
PG_BIN=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | sort | tail -n 1)")
PASSERELLE="dotnet $ROOT/src/Passerelle/bin/Release/net10.0/passerelle.dll"
BENCH="dotnet $ROOT/bench/Passerelle.Benchmarks/bin/Release/net10.0/Passerelle.Benchmarks.dll"

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  [ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
  as_postgres "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --no-locale > /dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=512MB" start > /dev/null
  export Database__Provider=PostgreSql
  export ConnectionStrings__Passerelle="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=100"
}

stop_all() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2> /dev/null && wait "$SERVER_PID" 2> /dev/null || true
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$WORK"
}

build() {
  dotnet build -c Release "$ROOT/src/Passerelle" -v q -nologo > /dev/null
  dotnet build -c Release "$ROOT/bench/Passerelle.Benchmarks" -v q -nologo > /dev/null
}

psql_run() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"; }

seconds_since() { echo "$(date +%s.%N) - $1" | bc -l; }

# Starts the server on $1; sets SERVER_PID, and READY to how many seconds it took to be ready.
serve_until_ready() {
  local port=$1 start
  start=$(date +%s.%N)
  $PASSERELLE serve --urls "http://127.0.0.1:$port" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" | grep -q 200; do
    kill -0 "$SERVER_PID" 2> /dev/null || { cat "$WORK/server.log"; return 1; }
    sleep 0.1
  done
  READY=$(seconds_since "$start")
}
