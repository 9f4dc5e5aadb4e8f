#!/usr/bin/env bash
# A soak, by hand and never in CI: on PostgreSQL (fsync on) with RECORDS records (default 100,000), the maximum
# screening throughput is measured for MAX_SECONDS (default 20) by the drill's own client, closed loop (wrk's figure
# is printed beside it when wrk is installed), then half of it is sent in an open loop for MINUTES (default 10).
# Zero failed requests, and the server's RSS in the last minute within 10 % of minute 2; p50/p95/p99, RSS, the
# managed heap and database contexts (the server's own counters) are printed for every minute.
source "$(dirname "$0")/lib.sh"
build
drill soak --minutes "${MINUTES:-10}" --max-seconds "${MAX_SECONDS:-20}" --records "${RECORDS:-100000}"
