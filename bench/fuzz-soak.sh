#!/usr/bin/env bash
# Fuzz soak (not a test of its own: the suite in MyService.Tests/Fuzz, made bigger). Runs the four fuzz suites with
# FUZZ_COUNT requests in all (default 100,000; ./test.sh runs 3,000) from FUZZ_SEED, and prints each suite's summary
# line: requests, seed, violations, statuses. Any 5xx, hang, leaked exception or error log fails it. Results in
# docs/ARCHITECTURE.md (Reliability).
# Usage: bench/fuzz-soak.sh [count=100000] [seed=20261201]
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_COUNT=${1:-100000} FUZZ_SEED=${2:-20261201}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
start=$(date +%s)
status=0
dotnet test MyService.Tests -c Release --filter "FullyQualifiedName~MyService.Tests.Fuzz" \
  --logger "trx;LogFileName=fuzz.trx" --results-directory "$out" >"$out/console.txt" 2>&1 || status=$?
grep -ho '<StdOut>[^<]*' "$out"/*.trx | sed 's/<StdOut>/  /'
grep -aE "Passed!|Failed!" "$out/console.txt" || tail -20 "$out/console.txt"
echo "FUZZ_COUNT=$FUZZ_COUNT FUZZ_SEED=$FUZZ_SEED: $(( $(date +%s) - start )) s in all (build included)"
exit $status
