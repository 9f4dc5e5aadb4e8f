#!/usr/bin/env bash
# The whole suite RUNS times in a row (default 5), with PostgreSQL and Chromium required as in CI, while a second
# build of the same commit runs beside it in a loop. A test that fails by chance on a busy machine fails here first.
# Prints one line per run and the number of builds finished beside them; exits non-zero if any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
export PASSERELLE_REQUIRE_POSTGRES=1 PASSERELLE_REQUIRE_BROWSER=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
git worktree add --detach "$work/tree" HEAD >/dev/null 2>&1
cleanup() {
  if [ -n "${builder:-}" ]; then kill -- "-$builder" 2>/dev/null || true; wait "$builder" 2>/dev/null || true; fi
  git worktree remove --force "$work/tree" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The browser tests' accessibility checks need axe-core, as in .ci/run; a fresh clone or worktree lacks it.
if [ ! -f tests/Passerelle.BrowserTests/axe/node_modules/axe-core/axe.min.js ]; then
  (cd tests/Passerelle.BrowserTests/axe && npm ci --no-audit --no-fund >/dev/null)
fi
dotnet build -v q -nologo >/dev/null
# The build beside the suite: a clean rebuild of the copy, over and over, in a process group of its own.
setsid bash -c "cd '$work/tree' && while true; do dotnet build --no-incremental -v q -nologo >/dev/null 2>&1; echo >> '$work/builds'; done" &
builder=$!

failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if dotnet test --no-build > "$work/run-$i.log" 2>&1; then status=passed; else status=FAILED; failed=$((failed + 1)); fi
  totals=$(awk '/^(Passed|Failed)! +- +Failed:/ { gsub(/,/, ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) } }
    END { print p + 0 " passed, " f + 0 " failed, " s + 0 " skipped" }' "$work/run-$i.log")
  echo "run $i: $status in $(( $(date +%s) - start )) s ($totals)"
  if [ "$status" = FAILED ]; then grep -E "^\s+Failed |Error Message" -A3 "$work/run-$i.log" | head -40; fi
done
echo "builds finished beside the suite: $(wc -l < "$work/builds" 2>/dev/null || echo 0)"
exit "$failed"
