#!/usr/bin/env bash
# Telemetry benchmark (not a test): memory of the AppHost (with its in-process collector), the Aspire dashboard and
# DCP at idle and after 50,000 spans sent through the otel-collector resource, and the rate at which the collector
# accepts OTLP/HTTP trace exports (wrk, 100 spans a request, from 5 services). Results in docs/BENCHMARKS.md.
# Usage: bench/otlp-ingest.sh [duration-seconds=15] [connections=16]
set -euo pipefail
set -m
cd "$(dirname "$0")/.."
duration=${1:-15}; connections=${2:-16}; services=5; spans=100; total_spans=50000
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build MyService.AppHost -c Release -v q -nologo >/dev/null

work=$(mktemp -d)
cleanup() { [ -n "${cmd:-}" ] && kill -INT -- "-$cmd" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
node bench/otlp-payload.js "$work" "$services" "$spans"
dotnet run --project MyService.AppHost -c Release --no-build -- --AppHost:DataDirectory="$work/data" >"$work/run.log" 2>&1 & cmd=$!
until curl -fs -o /dev/null http://localhost:8081/health; do kill -0 "$cmd" 2>/dev/null || { cat "$work/run.log"; exit 1; }; sleep 0.2; done
sleep 10 # let start-up settle: this is "idle"

apphost=$(pgrep -f -P "$cmd" "MyService.AppHost/bin/")
tree() { local p=$1; echo "$p"; for c in $(pgrep -P "$p"); do tree "$c"; done; }
dcp_tree() { for d in $(pgrep -f "dcp start-apiserver --monitor $apphost "); do tree "$d"; done; }
kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$2/status" 2>/dev/null || echo 0; }
sum() { local field=$1; shift; local t=0; for p in "$@"; do t=$((t + $(kb "$field" "$p"))); done; echo $((t / 1024)); }
mapfile -t all < <(dcp_tree)
# The processes of DCP's tree whose command line contains $1 (no `head`: with pipefail, its early exit would end the script).
matching() { for p in "${all[@]}"; do grep -q -- "$1" "/proc/$p/cmdline" 2>/dev/null && echo "$p"; done; }
mapfile -t dashboard < <(matching "Aspire.Dashboard")
mapfile -t dcp < <(matching "/dcp")
mapfile -t api < <(matching "MyService.Api/bin/")
snapshot() { echo "$(sum VmRSS "$apphost") $(sum VmRSS "${dashboard[0]}") $(sum VmRSS "${dcp[@]}")"; }
read -r idle_apphost idle_dashboard idle_dcp < <(snapshot)

# The collector's address and key, as the API got them.
otlp=$(tr '\0' '\n' <"/proc/${api[0]}/environ" | sed -n 's/^OTEL_EXPORTER_OTLP_ENDPOINT=//p')
key=$(tr '\0' '\n' <"/proc/${api[0]}/environ" | sed -n 's/^OTEL_EXPORTER_OTLP_HEADERS=x-otlp-api-key=//p')

requests=$((total_spans / spans))
seq 1 "$requests" | xargs -P 4 -I{} sh -c 'curl -fs -o /dev/null -H "Content-Type: application/x-protobuf" -H "x-otlp-api-key: '"$key"'" --data-binary @'"$work"'/traces-$(( {} % '"$services"' )).pb '"$otlp"'/v1/traces'
sleep 10 # the dashboard ingests what the collector forwarded
read -r after_apphost after_dashboard after_dcp < <(snapshot)

cat >"$work/post.lua" <<LUA
local bodies = {}
for i = 0, $services - 1 do
  local f = io.open("$work/traces-" .. i .. ".pb", "rb"); bodies[i + 1] = f:read("*all"); f:close()
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/v1/traces", { ["Content-Type"] = "application/x-protobuf", ["x-otlp-api-key"] = "$key" }, bodies[(n % $services) + 1])
end
done = function(summary, latency)
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA
read -r _ rps p50 p99 errors < <(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "$otlp" | grep '^RESULT')
sleep 5
read -r load_apphost load_dashboard load_dcp < <(snapshot)
peak_apphost=$(sum VmHWM "$apphost"); peak_dashboard=$(sum VmHWM "${dashboard[0]}")

{
  echo "## Telemetry: collector ingest and memory (bench/otlp-ingest.sh)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores; the whole app on Aspire 13.6.5 (Release), the collector inside the AppHost"
  echo "forwarding every payload to the Aspire dashboard. Memory is resident set size (MB) of the AppHost, the dashboard and"
  echo "DCP's processes; 50,000 spans = $requests OTLP/HTTP protobuf exports of $spans spans from $services services; then wrk"
  echo "(2 threads, $connections connections, ${duration} s) for the ingest rate. The dashboard keeps its own bounded telemetry"
  echo "(Aspire's defaults); the old engine kept everything in the AppHost (253 MB peak with every store full)."
  echo
  echo "| measure | AppHost | dashboard | DCP | total |"
  echo "|---|---:|---:|---:|---:|"
  echo "| idle | $idle_apphost | $idle_dashboard | $idle_dcp | $((idle_apphost + idle_dashboard + idle_dcp)) |"
  echo "| after 50,000 spans | $after_apphost | $after_dashboard | $after_dcp | $((after_apphost + after_dashboard + after_dcp)) |"
  echo "| after the ingest run | $load_apphost | $load_dashboard | $load_dcp | $((load_apphost + load_dashboard + load_dcp)) |"
  echo "| peak (VmHWM) | $peak_apphost | $peak_dashboard | | |"
  echo
  echo "| ingest | value |"
  echo "|---|---:|"
  echo "| spans accepted per second by the collector | $((rps * spans)) |"
  echo "| export requests per second (p50 / p99 ms) | $rps ($p50 / $p99) |"
  echo "| errors | $errors |"
} >"$work/section.md"
doc=docs/BENCHMARKS.md
awk -v section="$work/section.md" '
  /^## (OTLP ingest|Telemetry: collector ingest and memory) \(bench\/otlp-ingest.sh\)/ { while ((getline line < section) > 0) print line; print ""; skip=1; next }
  /^## / && skip { skip=0 }
  !skip { print }
' "$doc" >"$work/doc.md"
grep -q '^## Telemetry: collector ingest and memory' "$work/doc.md" || { echo >>"$work/doc.md"; cat "$work/section.md" >>"$work/doc.md"; }
mv "$work/doc.md" "$doc"
cat "$work/section.md"
