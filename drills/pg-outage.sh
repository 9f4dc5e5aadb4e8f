#!/usr/bin/env bash
# PostgreSQL stopped with 'pg_ctl -m immediate stop' for OUTAGE seconds (default 5) under screening load from WORKERS
# connections (default 16), then started again: no 500 at all, the outage answered 503 database.unavailable, and the
# first 200 within BOUND seconds (default 5) of the database accepting connections again. The server runs on a
# throwaway cluster of the drill's own.
source "$(dirname "$0")/lib.sh"
build
drill pg-outage --outage "${OUTAGE:-5}" --workers "${WORKERS:-16}" --bound "${BOUND:-5}"
