#!/usr/bin/env bash
# OTLP ingest benchmark (not a test): spans/s the AppHost's collector accepts from concurrent OTLP/HTTP
# exporters (wrk posting protobuf trace exports, 100 spans each, from 5 services), and the AppHost's peak
# memory (/usr/bin/time -v) while its stores retain their configured maximum. Results in docs/BENCHMARKS.md.
# Usage: bench/otlp-ingest.sh [duration-seconds=20] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}; connections=${2:-16}; services=5; spans=100
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
dotnet build MyService.AppHost -c Release -v q -nologo >/dev/null

work=$(mktemp -d); trap 'pkill -TERM -f "MyService.AppHost/bin/Release/net10.0/MyService.AppHost --AppHost:OtlpApiKey=bench" 2>/dev/null || true; rm -rf "$work"' EXIT
node bench/otlp-payload.js "$work" "$services" "$spans"
port=$((20000 + RANDOM % 20000))
/usr/bin/time -v -o "$work/time.txt" MyService.AppHost/bin/Release/net10.0/MyService.AppHost \
  --AppHost:OtlpApiKey=bench --AppHost:DataDirectory="$work/data" --Dashboard:Port=0 \
  >"$work/apphost.log" 2>&1 &
timer=$!
# Signal the AppHost itself, not /usr/bin/time: time must live on to write the peak RSS.
stop_apphost() { pkill -TERM -P "$timer" 2>/dev/null || true; wait "$timer" 2>/dev/null || true; }
until grep -q "resources are up" "$work/apphost.log"; do sleep 0.2; done
otlp=$(grep -o 'otel-collector *Healthy *http://localhost:[0-9]*' "$work/apphost.log" | grep -o 'http://.*')

cat >"$work/post.lua" <<LUA
local bodies = {}
for i = 0, $services - 1 do
  local f = io.open("$work/traces-" .. i .. ".pb", "rb"); bodies[i + 1] = f:read("*all"); f:close()
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/v1/traces", { ["Content-Type"] = "application/x-protobuf", ["x-otlp-api-key"] = "bench" }, bodies[(n % $services) + 1])
end
done = function(summary, latency)
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
LUA
read -r _ rps p50 p99 errors < <(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "$otlp" | grep '^RESULT')
stop_apphost
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
spans_per_s=$((rps * spans)); peak_mb=$((peak_kb / 1024))
{
  echo "## OTLP ingest (bench/otlp-ingest.sh)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores; wrk 2 threads, $connections connections, ${duration} s, loopback; each request an"
  echo "OTLP/HTTP protobuf trace export of $spans spans from one of $services services; the whole AppHost (API, DynamoDB Local,"
  echo "dashboard) running, Release build, default store limits (10,000 spans per resource, so $((services * 10000)) retained)."
  echo
  echo "| measure | value | target |"
  echo "|---|---:|---|"
  echo "| spans accepted per second | $spans_per_s | ≥ 50,000 |"
  echo "| export requests per second (p50 / p99 ms) | $rps ($p50 / $p99) | |"
  echo "| errors | $errors | 0 |"
  echo "| AppHost peak memory (max RSS) | $peak_mb MB | < 300 MB |"
} >"$work/section.md"
doc=docs/BENCHMARKS.md
awk -v section="$work/section.md" '
  /^## OTLP ingest \(bench\/otlp-ingest.sh\)/ { while ((getline line < section) > 0) print line; skip=1; next }
  /^## / && skip { skip=0 }
  !skip { print }
' "$doc" >"$work/doc.md"
grep -q '^## OTLP ingest (bench/otlp-ingest.sh)' "$doc" || { echo >>"$work/doc.md"; cat "$work/section.md" >>"$work/doc.md"; }
mv "$work/doc.md" "$doc"
cat "$work/section.md"
