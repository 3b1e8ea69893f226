#!/usr/bin/env bash
# API throughput benchmark (not a test). Starts the API in Release on a fresh SQLite file, seeds users,
# runs wrk on loopback against GET / (the machine's ceiling), GET /users/{id}, GET /users?limit=100 and
# POST /users, and writes requests/s and latency percentiles to docs/BENCHMARKS.md.
# Usage: bench/api.sh [duration-seconds=10] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}; connections=${2:-64}; threads=2; seed=1000

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build MyService.Api -c Release -v q -nologo >/dev/null

work=$(mktemp -d); trap 'kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning ConnectionStrings__db="Data Source=$work/bench.db"
dotnet MyService.Api/bin/Release/net10.0/MyService.Api.dll --urls http://127.0.0.1:0 --Logging:LogLevel:Microsoft.Hosting.Lifetime=Information >"$work/api.log" 2>&1 &
api_pid=$!
# The port the OS chose, from the app's own readiness line.
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/api.log" | head -1 || true)
  [ -n "$url" ] && curl -fs "$url/health" >/dev/null 2>&1 && break
  sleep 0.1
done
[ -n "$url" ] || { echo "API did not start:"; cat "$work/api.log"; exit 1; }

cat >"$work/seed.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("POST", "/users", {["Content-Type"]="application/json"}, '{"email":"seed' .. counter .. '@example.com","name":"Seed"}')
end
LUA
wrk -t1 -c1 -d60s -s "$work/seed.lua" "$url" >/dev/null & seed_pid=$!
until [ "$(curl -fs "$url/users?limit=1000" | grep -o '"id"' | wc -l)" -ge "$seed" ]; do sleep 0.2; done
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true

cat >"$work/get.lua" <<LUA
request = function() return wrk.format("GET", "/users/" .. math.random(1, $seed)) end
LUA
cat >"$work/post.lua" <<'LUA'
local counter = 0
local thread_id = 0
local threads = {}
function setup(thread) thread:set("tid", #threads + 1); table.insert(threads, thread) end
request = function()
  counter = counter + 1
  return wrk.format("POST", "/users", {["Content-Type"]="application/json"},
    '{"email":"b' .. tid .. '-' .. counter .. '-' .. os.time() .. '@example.com","name":"Bench"}')
end
LUA
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.2f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
LUA

run() { # name path [script]
  local script="$work/report.lua"
  if [ -n "${3:-}" ]; then cat "$3" "$work/report.lua" >"$work/combined.lua"; script="$work/combined.lua"; fi
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$script" "$url$2" | grep '^RESULT' | sed "s|^RESULT|$1|"
}

results="$work/results.txt"
run "GET /" "/" >>"$results"
run "GET /users/{id}" "" "$work/get.lua" >>"$results"
run "GET /users?limit=100" "/users?limit=100" >>"$results"
run "POST /users" "" "$work/post.lua" >>"$results"
cat "$results"

ceiling=$(awk '$1=="GET" && $2=="/" {print $3}' "$results")
{
  echo "## API (bench/api.sh)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk ${threads} threads, ${connections} connections, ${duration} s per endpoint, loopback,"
  echo "API in Release on a fresh SQLite file (WAL, synchronous=NORMAL) seeded with $seed users; wrk shares the machine's cores with the API."
  echo
  echo "| endpoint | requests/s | % of GET / | p50 ms | p99 ms | max ms | errors | target |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  while read -r method path rps p50 p99 max errors _; do
    name="$method $path"
    case "$name" in
      "GET /users/{id}") target="≥ 60% of GET /, p99 < 10 ms" ;;
      "POST /users") target="≥ 25% of GET /, p99 < 10 ms" ;;
      "GET /") target="ceiling" ;;
      *) target="p99 < 10 ms" ;;
    esac
    printf '| `%s` | %s | %s%% | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {printf "%.0f", 100*a/b}')" "$p50" "$p99" "$max" "$errors" "$target"
  done <"$results"
} >"$work/section.md"

# Replace this benchmark's section in docs/BENCHMARKS.md, keeping the others.
doc=docs/BENCHMARKS.md
[ -f "$doc" ] || printf '# Benchmarks\n\nResults of the scripts in bench/. They are measurements, not tests: nothing here gates CI.\n\n' >"$doc"
awk -v section="$work/section.md" '
  /^## API \(bench\/api.sh\)/ { while ((getline line < section) > 0) print line; skip=1; next }
  /^## / && skip { skip=0 }
  !skip { print }
  END { if (!found) {} }
' "$doc" >"$work/doc.md"
grep -q '^## API (bench/api.sh)' "$doc" || { echo >>"$work/doc.md"; cat "$work/section.md" >>"$work/doc.md"; }
mv "$work/doc.md" "$doc"
echo "wrote $doc"
