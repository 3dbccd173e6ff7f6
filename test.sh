#!/usr/bin/env bash
# The whole test suite, from a fresh clone: restores what it needs, builds every project of the solution
# (the Azure Functions app included), runs every test project, and ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

configuration=${CONFIGURATION:-Release}
log_dir=$(mktemp -d)
azurite_dir=$(mktemp -d)
azurite_pid=
redis_pid=
cleanup() {
  if [ -n "$azurite_pid" ]; then kill "$azurite_pid" 2>/dev/null || true; wait "$azurite_pid" 2>/dev/null || true; fi
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$log_dir" "$azurite_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "==> Building ($configuration)"
dotnet build FunctionGateway.sln -c "$configuration" -nologo -v quiet

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Waits until the server started as pid $2 listens on loopback port $3 (up to 20 s); its log is $4.
wait_listening() {
  local name=$1 pid=$2 port=$3 log=$4
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "$name exited before listening on port $port" >&2; exit 1; }
    sleep 0.2
  done
  echo "$name is not listening on port $port after 20 s" >&2
  exit 1
}

# Azurite (the Azure Storage emulator) from the committed lock file, on a free loopback port, for the
# blob config tests; stopped by the trap above however the tests end.
echo "==> Starting Azurite"
(cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error)
blob_port=$(free_port)
tools/azurite/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$blob_port" --location "$azurite_dir" \
  --skipApiVersionCheck --loose --silent --disableTelemetry >"$log_dir/azurite.log" 2>&1 &
azurite_pid=$!
wait_listening Azurite "$azurite_pid" "$blob_port" "$log_dir/azurite.log"
# Azurite's well-known development account and key (public, emulator only).
export GATEWAY_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"

# redis-server (Debian package) on a free loopback port, for the shared rate limit tests; the outage tests
# start and kill servers of their own from the same binary. Installed only when missing.
if ! command -v redis-server >/dev/null 2>&1; then
  echo "==> Installing redis-server"
  apt-get update -qq >"$log_dir/apt.log" 2>&1 && apt-get install -y -qq redis-server >>"$log_dir/apt.log" 2>&1 \
    || { cat "$log_dir/apt.log" >&2; echo "redis-server could not be installed" >&2; exit 1; }
fi
echo "==> Starting Redis"
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$log_dir/redis.log" 2>&1 &
redis_pid=$!
wait_listening redis-server "$redis_pid" "$redis_port" "$log_dir/redis.log"
export GATEWAY_TEST_REDIS="127.0.0.1:$redis_port"

passed=0 failed=0 skipped=0 status=0
for project in tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "==> Testing $name"
  if ! dotnet test "$project" -c "$configuration" --no-build -nologo 2>&1 | tee "$log_dir/$name.log"; then
    status=1
  fi
  # dotnet test ends with "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..." (or "Failed!").
  summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log_dir/$name.log" | tail -n 1 || true)
  if [ -z "$summary" ]; then
    echo "$name: no test summary found" >&2
    status=1
    continue
  fi
  read -r f p s <<<"$(echo "$summary" | grep -Eo '[0-9]+' | tr '\n' ' ')"
  failed=$((failed + f)) passed=$((passed + p)) skipped=$((skipped + s))
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || status=1
exit "$status"
