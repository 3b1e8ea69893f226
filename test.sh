#!/usr/bin/env bash
# The test command: installs what the tests need and is missing, runs every test project,
# and ends with one line "N passed, N failed, N skipped" taken from the TRX results.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need() { command -v "$1" >/dev/null 2>&1 || { echo "test.sh: '$1' is required: $2" >&2; exit 2; }; }
need dotnet "install the .NET 10 SDK (https://dot.net)"

results=TestResults
rm -rf "$results"

status=0
dotnet test MyService.sln --configuration Release \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# Sum the counters of every TRX file (one per test project).
sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
total=$(sum total); passed=$(sum passed); failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) ))
skipped=$(( total - passed - failed ))
(( skipped < 0 )) && skipped=0

echo "$passed passed, $failed failed, $skipped skipped"
if (( status != 0 || failed > 0 || passed == 0 )); then
  exit 1
fi
