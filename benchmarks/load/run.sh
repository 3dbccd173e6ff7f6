#!/usr/bin/env bash
# The load harness: publishes the gateway and builds the load apps in Release, then drives them with wrk.
#   benchmarks/load/run.sh            full run (about 10 minutes)
#   benchmarks/load/run.sh --quick    smoke run (about 4 minutes)
#   benchmarks/load/run.sh --limits   the rate limit rows alone: one route unlimited, limited in memory, in Redis
#                                     (with --quick: one concurrency, 3 s each)
#   benchmarks/load/run.sh --soak     5 minutes of constant load on the gateway's JWT route
#   benchmarks/load/run.sh --functions
#                                     adds the Function App under a Functions host (FUNCTIONS_HOST_DIR: Core Tools'
#                                     install folder, or a build of the host holding
#                                     Microsoft.Azure.WebJobs.Script.WebHost.dll): its static, JWT and proxied
#                                     routes and its cold start, beside an app of one function under the same host;
#                                     --function-app DIR measures another publish of the Function App
# Results: a table on stdout, raw JSON and server logs in benchmarks/load/results/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$here/results"
mkdir -p "$results"
pids="$results/.pids"
: > "$pids"

stop_servers() {
  # The driver stops its servers itself; this catches the ones left if the driver was killed outright.
  if [[ -s "$pids" ]]; then
    while read -r pid; do
      [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
    done < "$pids"
    : > "$pids"
  fi
}
trap stop_servers EXIT INT TERM

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed: installing it with apt-get (Debian package 'wrk')."
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

publish() {
  for project in "$@"; do
    if ! out="$(dotnet publish "$root/$project" -c Release -o "$root/$project/bin/Release/publish" -nologo -v quiet 2>&1)"; then echo "$out"; exit 1; fi
  done
}

echo "Building in Release..."
for project in benchmarks/load/Load.Upstream benchmarks/load/Load.Baseline benchmarks/load/Load.BareProxy benchmarks/load/Load.Driver; do
  if ! out="$(dotnet build "$root/$project" -c Release -nologo -v quiet 2>&1)"; then echo "$out"; exit 1; fi
done

# The gateway runs as it is deployed, from its publish (ReadyToRun); the minimal endpoint is published the same way.
echo "Publishing the gateway and the minimal endpoint in Release..."
publish src/Gateway.Cli benchmarks/load/Load.Minimal

for arg in "$@"; do
  if [[ "$arg" == --functions ]]; then
    echo "Publishing the Function Apps in Release..."
    publish src/FunctionGateway benchmarks/load/Load.EmptyFunction
  fi
done

dotnet "$root/benchmarks/load/Load.Driver/bin/Release/net10.0/Load.Driver.dll" --root "$root" "$@"
