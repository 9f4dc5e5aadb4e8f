#!/usr/bin/env bash
# Freshness across nodes: two 'passerelle serve' nodes on one throwaway PostgreSQL database (fsync on). ROUNDS times
# (default 20), a document is registered on node A through the API and screened on node B every 10 ms until B
# answers hit; then it is withdrawn on A and screened on B until B answers clear. Prints the median and p95 of each
# delay, from A's answer to B's first answer showing the change; the goal (DESIGN.md) is within 2 seconds.
# FOLLOW_MS sets Register:FollowMilliseconds on both nodes (default 500).
source "$(dirname "$0")/../drills/lib.sh"
build
# Under bench/all.sh (REPORT set) the drill's figures go into RESULTS.md too.
drill follow --rounds "${ROUNDS:-20}" --follow-ms "${FOLLOW_MS:-500}" | tee -a "${REPORT:-/dev/null}"
