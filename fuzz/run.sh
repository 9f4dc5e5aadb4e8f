#!/usr/bin/env bash
# Fuzzes one of Passerelle's parsers with AFL++ through SharpFuzz: fuzz/run.sh TARGET [EXECUTIONS]
# TARGET is mrz, gs1 or csv; EXECUTIONS defaults to 1,000,000. Builds the harness, instruments its copy of
# Passerelle.Core.dll, fuzzes from fuzz/corpus/TARGET, prints the figures of fuzzer_stats, copies any crash or hang
# into fuzz/crashes/TARGET and keeps a minimised corpus (at most 200 files) in fuzz/corpus/TARGET. A dictionary of
# the format's tokens, fuzz/dict/TARGET.dict, is handed to afl-fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh mrz|gs1|csv [EXECUTIONS]}
executions=${2:-1000000}
case "$target" in mrz | gs1 | csv) ;; *) echo "unknown target '$target': mrz, gs1 or csv" >&2; exit 2 ;; esac
command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install -y afl++" >&2; exit 1; }

work=fuzz/.work/$target
corpus=fuzz/corpus/$target
rm -rf "$work"
mkdir -p "$work"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
# A fresh output folder each time: SharpFuzz rewrites the DLL in place and refuses one it has already instrumented.
nice -n 15 dotnet build fuzz/Passerelle.Fuzz -c Release -o "$work/bin" -v quiet -nologo
# Only the parsers are instrumented, so that coverage is not drowned in EF Core and Identity.
dotnet sharpfuzz "$work/bin/Passerelle.Core.dll" Passerelle.Core.Standards Passerelle.Core.Common

# dotnet is not compiled with AFL's instrumentation, SharpFuzz's fork server speaks for it (AFL_SKIP_BIN_CHECK);
# the machine is shared, so no core is pinned and CPU frequency scaling is left as it is.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=60000
dotnet=$(command -v dotnet)
dictionary=()
[ -f "fuzz/dict/$target.dict" ] && dictionary=(-x "fuzz/dict/$target.dict")
start=$(date +%s)
# One second per input: far above a parse's tens of microseconds, far enough for a garbage collection.
nice -n 15 afl-fuzz -i "$corpus" -o "$work/findings" -E "$executions" -t 1000 -m none "${dictionary[@]}" \
  -- "$dotnet" "$work/bin/Passerelle.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || {
  tail -40 "$work/afl.log" >&2
  exit 1
}
wall=$(($(date +%s) - start))

stats=$work/findings/default/fuzzer_stats
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "target:      $target"
echo "date:        $(date -u +%Y-%m-%d)"
echo "executions:  $(stat execs_done)"
echo "execs/s:     $(stat execs_per_sec)"
echo "wall time:   ${wall}s"
echo "corpus:      $(stat corpus_count) inputs, edges found $(stat edges_found)"
echo "crashes:     $(stat saved_crashes)"
echo "hangs:       $(stat saved_hangs)"

found=0
for kind in crashes hangs; do
  for input in "$work/findings/default/$kind"/id:*; do
    [ -e "$input" ] || continue
    mkdir -p "fuzz/crashes/$target"
    cp "$input" "fuzz/crashes/$target/$kind-$(sha1sum "$input" | cut -c1-12)"
    found=$((found + 1))
  done
done
[ "$found" -eq 0 ] || echo "copied $found inputs into fuzz/crashes/$target; replay one with:" \
  "dotnet $work/bin/Passerelle.Fuzz.dll $target < FILE"

# Keep what afl-cmin says covers the same edges as the whole queue; if it cannot run the target, the smallest
# inputs instead. Either way at most 200 small files, named by content so that reruns do not duplicate them.
minimised=$work/minimised
if ! nice -n 15 afl-cmin -i "$work/findings/default/queue" -o "$minimised" -t 5000 \
  -- "$dotnet" "$work/bin/Passerelle.Fuzz.dll" "$target" >"$work/cmin.log" 2>&1; then
  echo "afl-cmin failed (see $work/cmin.log); keeping the smallest inputs of the queue"
  rm -rf "$minimised"
  mkdir -p "$minimised"
  find "$work/findings/default/queue" -maxdepth 1 -type f -name 'id:*' -size -4k -printf '%s %p\n' \
    | sort -n | head -200 | cut -d' ' -f2- | xargs -r cp -t "$minimised" || true
fi
find "$corpus" -maxdepth 1 -type f -name 'grown-*' -delete
seeds=$(find "$corpus" -maxdepth 1 -type f | wc -l)
find "$minimised" -maxdepth 1 -type f -size -4k -printf '%s %p\n' | sort -n | head -$((200 - seeds)) | cut -d' ' -f2- \
  | while read -r input; do cp "$input" "$corpus/grown-$(sha1sum "$input" | cut -c1-12)"; done || true
echo "corpus kept: $(find "$corpus" -maxdepth 1 -type f | wc -l) files in $corpus"
