#!/usr/bin/env bash
# kill -9 of 'passerelle documents import' in the middle of a file of RECORDS generated records (default 200,000),
# then the same import again: whole batches only after the kill, no document twice, every record saying who made
# it and counted by the import's audit entries, the re-run creates exactly what is missing, the unique index
# holds, and 'passerelle audit verify' passes.
# Usage: drills/kill9-import.sh [sqlite|postgres]   (both when not named)
source "$(dirname "$0")/lib.sh"
build
status=0
for db in ${1:-sqlite postgres}; do
  drill kill9-import "$db" --records "${RECORDS:-200000}" || status=$?
done
exit "$status"
