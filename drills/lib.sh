# Shared by the drill scripts: builds the drill tool (and with it passerelle) in Release, runs drills in a temporary
# folder of their own, and on any exit (an interrupted drill included) stops what they left running there: servers,
# PostgreSQL clusters, tmpfs mounts. Each drill prints its figures and exits 0 when its properties hold, 1 when one
# fails, 2 when this machine cannot run it, 3 when it broke off before it could judge.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DRILLS="$ROOT/drills/Passerelle.Drills/bin/Release/net10.0/Passerelle.Drills.dll"
PG_BIN=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2> /dev/null | sort | tail -n 1 || echo /none/x)")

# Everything a drill writes goes under TMPDIR (.NET's temporary folder); PostgreSQL's account must be able to pass.
export TMPDIR
TMPDIR=$(mktemp -d /tmp/passerelle-drills-XXXXXX)
chmod 711 "$TMPDIR"
export PASSERELLE_DRILL_PIDS="$TMPDIR/pids"

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local status=$?
  # The drill tool writes down every process it starts; a process of an interrupted drill may still run. A number
  # reused since by another process is left alone: only a process that inherited this drill's own list is killed.
  for pid in $(cat "$PASSERELLE_DRILL_PIDS" 2> /dev/null); do
    grep -qzxF "PASSERELLE_DRILL_PIDS=$PASSERELLE_DRILL_PIDS" "/proc/$pid/environ" 2> /dev/null \
      && kill -9 "$pid" 2> /dev/null || true
  done
  for data in "$TMPDIR"/passerelle-drill-pg-*/data; do
    [ -f "$data/postmaster.pid" ] || continue
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -m immediate stop > /dev/null 2>&1 || true
  done
  for disk in "$TMPDIR"/passerelle-drill-disk-*; do
    mountpoint -q "$disk" 2> /dev/null && { umount "$disk" 2> /dev/null || umount -l "$disk"; }
  done
  rm -rf "$TMPDIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build() {
  local log="$TMPDIR/build.log"
  dotnet build -c Release "$ROOT/drills/Passerelle.Drills" -v q -nologo > "$log" 2>&1 || { cat "$log"; exit 3; }
}

# Runs one drill: drill NAME [ARGUMENT] [--option value ...]
drill() {
  local load
  load=$(cut -d ' ' -f 1-3 /proc/loadavg)
  echo "$ dotnet Passerelle.Drills.dll $*   ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $load)"
  dotnet "$DRILLS" "$@"
}
