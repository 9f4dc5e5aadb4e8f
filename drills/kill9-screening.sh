#!/usr/bin/env bash
# kill -9 of the server under screening load, ROUNDS times (default 3), each after LOAD_SECONDS (default 10) of load
# from WORKERS (default 16) connections: after a restart, every screening answered 200 has its audit entry (looked up
# by the unique location each request carried) and 'passerelle audit verify' passes.
# Usage: drills/kill9-screening.sh [sqlite|postgres]   (both when not named)
source "$(dirname "$0")/lib.sh"
build
status=0
for db in ${1:-sqlite postgres}; do
  drill kill9-screening "$db" --rounds "${ROUNDS:-3}" --seconds "${LOAD_SECONDS:-10}" --workers "${WORKERS:-16}" \
    || status=$?
done
exit "$status"
