#!/usr/bin/env bash
# Import speed: RECORDS generated records into a new SQLite file and into a throwaway PostgreSQL cluster, each with
# 'passerelle documents import' (batches of 10,000, each matched in one query; PostgreSQL by binary COPY, SQLite by
# statements prepared per batch), then the same file again, which must change nothing. Prints records per second.
source "$(dirname "$0")/lib.sh"
RECORDS=${RECORDS:-1000000}
build
report "import: RECORDS=$RECORDS"
$BENCH generate "$RECORDS" "$WORK/records.csv"

measure() {
  local label=$1 start seconds
  $PASSERELLE db migrate > /dev/null
  $PASSERELLE agencies add --code BENCH-POLICE --name "Bench police" --kind police --country FRA > /dev/null
  start=$(date +%s.%N)
  $PASSERELLE documents import "$WORK/records.csv" --agency BENCH-POLICE 2> /dev/null
  seconds=$(seconds_since "$start")
  report "$label: $RECORDS records in $(printf %.1f "$seconds") s = $(echo "$RECORDS / $seconds" | bc) records/s"
  start=$(date +%s.%N)
  $PASSERELLE documents import "$WORK/records.csv" --agency BENCH-POLICE 2> /dev/null
  report "$label re-run: $(printf %.1f "$(seconds_since "$start")") s"
}

export Database__Provider=Sqlite ConnectionStrings__Passerelle="Data Source=$WORK/passerelle.db"
measure "SQLite"
start_postgres
measure "PostgreSQL"
