#!/usr/bin/env bash
# Lints the OpenAPI document Passerelle serves with Spectral's OpenAPI ruleset (.spectral.yaml): any finding, a hint
# included, fails. The document is taken from the real binary, started on a free port over a throwaway SQLite
# database, so what is linted is what clients get. Expects a build: the Release one .ci/run makes, or PASSERELLE_DLL.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dll=${PASSERELLE_DLL:-$root/src/Passerelle/bin/Release/net10.0/passerelle.dll}
work=$(mktemp -d /tmp/passerelle-contract-XXXXXX)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Spectral, pinned by package-lock.json; its dependencies' install scripts are not needed and are not run.
if [ ! -x "$here/node_modules/.bin/spectral" ]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
fi

# Development needs no certificate for the data-protection keys; the database and files stay in the work folder.
(
  cd "$work"
  ASPNETCORE_ENVIRONMENT=Development Https__Required=false \
    ConnectionStrings__Passerelle="Data Source=$work/passerelle.db" Blobs__Path="$work/blobs" \
    Audit__CheckpointPath="$work/audit/checkpoints.log" Audit__CheckpointKeyPath="$work/audit/checkpoint.key" \
    exec dotnet "$dll" serve --urls http://127.0.0.1:0
) > "$work/server.log" 2>&1 &
server=$!

url=
for _ in $(seq 1 600); do
  kill -0 "$server" 2> /dev/null || { cat "$work/server.log"; echo "The server stopped before it listened." >&2; exit 1; }
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/server.log" | head -n 1 || true)
  if [ -n "$url" ] && curl -sf --max-time 10 -o "$work/openapi.json" "$url/openapi/v1.json"; then break; fi
  url=
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log"; echo "No OpenAPI document within 60 s." >&2; exit 1; }

"$here/node_modules/.bin/spectral" lint --ruleset "$here/.spectral.yaml" --fail-severity hint "$work/openapi.json"
