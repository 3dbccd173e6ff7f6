#!/usr/bin/env bash
# End-to-end checks of the published Function App under a real Azure Functions host: the request goes
# client -> Functions host -> isolated worker -> gateway engine -> a loopback upstream, as in Azure.
# Not part of ./test.sh, since most machines have no Functions host; see the README ("End-to-end run").
#
#   tests/FunctionGateway.EndToEnd/run.sh
#
# The host, in this order:
#   FUNCTIONS_HOST_DIR  a folder holding Microsoft.Azure.WebJobs.Script.WebHost.dll (a build of the host,
#                       github.com/Azure/azure-functions-host), started the way Core Tools starts it;
#   func                Azure Functions Core Tools v4 on PATH, started in the published app's folder.
# Needs the .NET 10 SDK, Node.js and npm (Azurite and the upstream), curl and openssl.
# KEEP_WORK=1 keeps the work folder (app, config, host and Azurite logs) and prints where it is.
# Exit code: 0 every check passed, 1 a check failed, 2 no host or the setup failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tests/FunctionGateway.EndToEnd

say() { echo "==> $*"; }
die() { echo "run.sh: $*" >&2; exit 2; }

for tool in dotnet node npm curl openssl; do
  command -v "$tool" >/dev/null || die "$tool is not on PATH"
done

host_kind=
if [ -n "${FUNCTIONS_HOST_DIR:-}" ]; then
  [ -f "$FUNCTIONS_HOST_DIR/Microsoft.Azure.WebJobs.Script.WebHost.dll" ] \
    || die "FUNCTIONS_HOST_DIR ($FUNCTIONS_HOST_DIR) holds no Microsoft.Azure.WebJobs.Script.WebHost.dll"
  host_kind=webhost
elif command -v func >/dev/null; then
  host_kind=func
else
  die "no Functions host: install Azure Functions Core Tools v4 ('func'), or set FUNCTIONS_HOST_DIR to a folder holding Microsoft.Azure.WebJobs.Script.WebHost.dll"
fi

# Settings of the caller's shell must not reach the app under test.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^Gateway__' || true)

# Every process started here gets its own process group (job control), so stopping one stops its children too
# (the host's worker).
set -m
work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

wait_port() { # port pid name log
  local _
  for _ in $(seq 1 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || { tail -n 40 "$4" >&2; die "$3 exited before listening on port $1 (log above)"; }
    sleep 0.1
  done
  tail -n 40 "$4" >&2
  die "$3 is not listening on port $1 after 60 s (log above)"
}

# ---- Build and start everything ------------------------------------------------------------------------

say "Publishing src/FunctionGateway"
dotnet publish src/FunctionGateway -c Release -o "$work/app" -nologo -v quiet >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; die "dotnet publish failed"; }

say "Starting Azurite and the upstream"
(cd tools/azurite && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
blob_port=$(free_port) queue_port=$(free_port) table_port=$(free_port)
mkdir -p "$work/azurite"
tools/azurite/node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --disableTelemetry --location "$work/azurite" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >"$work/azurite.log" 2>&1 &
pids+=($!)
wait_port "$blob_port" "$!" Azurite "$work/azurite.log"

upstream_port=$(free_port)
node "$here/upstream.js" "$upstream_port" >"$work/upstream.log" 2>&1 &
pids+=($!)
wait_port "$upstream_port" "$!" "the upstream" "$work/upstream.log"

jwt_secret=end-to-end-secret-at-least-32-bytes-long
status_key=$(openssl rand -hex 32)
config_json() { # the answer of GET /which
  cat <<EOF
{
  "servers": [{ "alias": "upstream", "url": "http://127.0.0.1:$upstream_port", "timeout_seconds": 30 }],
  "authorizer": { "type": "jwt", "secret": "\$secret.JWT_SECRET", "algorithm": "HS256",
                  "issuer": "https://issuer.example.com", "audience": "api-audience" },
  "variables": { "stage": "e2e" },
  "paths": [
    { "method": "GET", "path": "/health", "response": { "status": "ok" } },
    { "method": "GET", "path": "/which", "response": "$1" },
    { "method": "ANY", "path": "/public/{.+}", "integration": { "type": "http_proxy", "server": "upstream" } },
    { "method": "GET", "path": "/orders/{id}", "auth": true,
      "integration": { "type": "http_proxy", "server": "upstream", "path": "/v1/orders/{id}" },
      "mapping": { "headers": { "x-user-id": "\$request.jwt.sub", "x-stage": "\$config.stage" },
                   "query": { "tenant": "\$request.jwt.tenant" } } }
  ]
}
EOF
}
broken_config='{ "paths": [{ "method": "FETCH", "path": "/which", "response": 1 }] }'

# The README's upload without the az CLI: an account SAS signed with Azurite's public development key.
sas='sv=2021-12-02&ss=b&srt=co&sp=rwc&se=2099-01-01T00%3A00%3A00Z&spr=https%2Chttp&sig=SKBEWeL%2BgcR0sTMP8G%2BNA%2F3qQDoY3hY507uXNWwcLGs%3D'
blob_url="http://127.0.0.1:$blob_port/devstoreaccount1"
upload() { # text
  printf '%s' "$1" | curl -fsS -X PUT -H 'x-ms-blob-type: BlockBlob' -H 'Content-Type: application/json' \
    --data-binary @- "$blob_url/gateway/gateway.json?$sas" >/dev/null
}
curl -fsS -X PUT "$blob_url/gateway?restype=container&$sas" || die "could not create the container in Azurite"

azurite_account='AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;$azurite_account;BlobEndpoint=$blob_url;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export FUNCTIONS_WORKER_RUNTIME=dotnet-isolated AZURE_FUNCTIONS_ENVIRONMENT=Development
export Gateway__Config__PollSeconds=1 Gateway__Status__Path=/.gateway/status JWT_SECRET="$jwt_secret"

host_pid=
start_host() { # the app settings of this phase are in the environment
  host_port=$(free_port)
  base="http://127.0.0.1:$host_port"
  say "Starting the Functions host ($host_kind) on $base"
  if [ "$host_kind" = webhost ]; then
    # As Core Tools runs it: the app is the script root and the worker's folder. CONTAINER_NAME would make the host
    # believe it runs in a Linux Consumption container and wait for an assignment that never comes.
    mkdir -p "$FUNCTIONS_HOST_DIR/workers" 2>/dev/null || true   # the host lists this folder at start
    (cd "$FUNCTIONS_HOST_DIR" && exec env -u CONTAINER_NAME AzureWebJobsScriptRoot="$work/app" \
        "languageWorkers__dotnet-isolated__workerDirectory=$work/app" ASPNETCORE_URLS="$base" \
        AzureFunctionsJobHost__Logging__Console__IsEnabled=true \
        dotnet Microsoft.Azure.WebJobs.Script.WebHost.dll) </dev/null >>"$work/host.log" 2>&1 &
  else
    (cd "$work/app" && exec func start --port "$host_port") </dev/null >>"$work/host.log" 2>&1 &
  fi
  host_pid=$!
  pids+=("$host_pid")
  # Only the port is awaited: the first HTTP request is the cold-start check.
  wait_port "$host_port" "$host_pid" "The Functions host" "$work/host.log"
}
stop_host() {
  kill -- "-$host_pid" 2>/dev/null || true
  wait "$host_pid" 2>/dev/null || true
}

# ---- Checks ---------------------------------------------------------------------------------------------

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; echo "     $2"; }
expect() { # name actual expected
  if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "expected: $3 | actual: $2"; fi
}

# send METHOD PATH [curl args...]: status in $code, body in $work/body, headers in $work/headers.
send() {
  local method=$1 path=$2; shift 2
  code=$(curl -sS -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 60 -X "$method" "$@" "$base$path" || echo 000)
}
body() { cat "$work/body"; }
header() { grep -i "^$1:" "$work/headers" | head -n 1 | cut -d: -f2- | tr -d '\r' | sed 's/^ //'; }
json() { node -e "let d=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));console.log(eval(process.argv[2]))" "$work/body" "$1"; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # secret exp-offset-seconds
  local header payload signature
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"sub":"user-1","tenant":"t1","iss":"https://issuer.example.com","aud":"api-audience","exp":%s}' \
    "$(( $(date +%s) + $2 ))" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$1" -binary | b64url)
  echo "$header.$payload.$signature"
}

# ---- Phase 1: the config in a blob, as in Azure; the status endpoint with a key --------------------------

upload "$(config_json v1)"
export Gateway__Config__ConnectionString="$AzureWebJobsStorage" Gateway__Config__Container=gateway Gateway__Config__Blob=gateway.json
export Gateway__Status__Key="$status_key"
start_host
say "Checks: config blob"

# Cold start: the request that reaches a host that has just started gets the route's answer, not a 503, even
# though the config is read from storage after the host starts.
send GET /health
expect "cold start (blob): the first request gets the route's answer" "$code $(body)" '200 {"status":"ok"}'

send GET /nowhere
expect "no route: 404 with the Serverless API Gateway body" "$code $(body)" '404 {"message":"No match found."}'

# JWT error contract, through the host.
send GET /orders/42
expect "JWT: no token is 401 AUTH_ERROR" "$code $(body)" '401 {"error":"No token provided or token format is invalid.","code":"AUTH_ERROR"}'
case "$(header WWW-Authenticate)" in
  Bearer*) ok "JWT: the 401 carries a Bearer challenge" ;;
  *) fail "JWT: the 401 carries a Bearer challenge" "WWW-Authenticate: $(header WWW-Authenticate)" ;;
esac
send GET /orders/42 -H "Authorization: Bearer $(token "$jwt_secret" -3600)"
expect "JWT: an expired token is 401 ERR_JWT_EXPIRED" "$code $(body)" '401 {"error":"Token has expired.","code":"ERR_JWT_EXPIRED"}'
send GET /orders/42 -H "Authorization: Bearer $(token another-secret-that-is-also-32-bytes-long 3600)"
expect "JWT: another key's signature is 401 ERR_JWS_SIGNATURE_VERIFICATION_FAILED" "$code $(body)" \
  '401 {"error":"Signature verification failed","code":"ERR_JWS_SIGNATURE_VERIFICATION_FAILED"}'

# A proxied request with mapping: the upstream sees the mapped values, never the client's spoofed ones.
send GET '/orders/42?x=1' -H "Authorization: Bearer $(token "$jwt_secret" 3600)" -H 'x-user-id: attacker'
expect "proxy: authorized request reaches the upstream" "$code" 200
if [ "$code" = 200 ]; then
  expect "proxy: backend path and query" "$(json d.url)" '/v1/orders/42?x=1&tenant=t1'
  expect "mapping: x-user-id from the token, the client's value dropped" "$(json 'd.headers["x-user-id"]')" user-1
  expect "mapping: x-stage from the config" "$(json 'd.headers["x-stage"]')" e2e
fi

# The host hop (host -> worker) must not leak into the upstream request.
send POST /public/echo -H 'Content-Type: application/json' --data '{"n":1}'
if [ "$code" = 200 ]; then
  leaked=$(json 'Object.keys(d.headers).filter(h => /^(x-ms-|x-original-|x-arr-|x-functions-)/.test(h)).join(" ")')
  expect "host hop: no x-ms-*/x-original-* header reaches the upstream" "${leaked:-none}" none
  expect "host hop: X-Forwarded-Host is the host the client called" "$(json 'd.headers["x-forwarded-host"]')" "127.0.0.1:$host_port"
  expect "host hop: X-Forwarded-Proto is the client's scheme" "$(json 'd.headers["x-forwarded-proto"]')" http
  expect "host hop: X-Forwarded-For is the client's address" "$(json 'd.headers["x-forwarded-for"]')" 127.0.0.1
  expect "proxy: the request body arrives whole" "$(json d.bodyLength)" 7
else
  fail "host hop: proxied POST" "status $code: $(body)"
fi

# A 16 MiB response streams through the host hop whole.
code=$(curl -sS -o "$work/big" -D "$work/headers" -w '%{http_code}' --max-time 120 "$base/public/big" || echo 000)
expect "16 MiB response: status" "$code" 200
expect "16 MiB response: size" "$(wc -c <"$work/big" | tr -d ' ')" 16777216
expect "16 MiB response: content" "$(openssl dgst -sha256 -r "$work/big" | cut -d' ' -f1)" "$(header x-body-sha256)"

# Paths under /admin and /runtime: the host keeps its own endpoints; the others reach the gateway.
send GET /admin/users
expect "reserved paths: /admin/users reaches the gateway" "$code $(body)" '404 {"message":"No match found."}'
send GET /runtime/foo
expect "reserved paths: /runtime/foo reaches the gateway" "$code $(body)" '404 {"message":"No match found."}'
send GET /admin/host/status
if [ "$(body)" != '{"message":"No match found."}' ]; then ok "reserved paths: /admin/host/status is the host's ($code)"; else fail "reserved paths: /admin/host/status is the host's" "the gateway answered it"; fi

# The status endpoint: a key, compared by the gateway; never a secret in what it shows.
send GET /.gateway/status
expect "status: no key is 401 ERR_STATUS_KEY" "$code $(json d.code)" '401 ERR_STATUS_KEY'
send GET /.gateway/status -H "X-Gateway-Status-Key: ${status_key:0:63}"
expect "status: a wrong key is 401" "$code" 401
send GET /.gateway/status -H "X-Gateway-Status-Key: $status_key"
expect "status: the key opens it" "$code $(json d.serving)" '200 true'
if grep -qF -e "$status_key" -e "$jwt_secret" "$work/body"; then
  fail "status: shows no key or secret value" "the body holds the status key or JWT_SECRET"
else
  ok "status: shows no key or secret value"
fi

# Hot reload: a new version is served within a few polls; a broken one is refused and the last good one keeps
# serving.
check_reload() { # phase, a command that writes the config given as its argument
  local answer= rejected= _
  "$2" "$(config_json v2)"
  for _ in $(seq 1 80); do
    send GET /which
    answer="$code $(body)"
    [ "$answer" = '200 "v2"' ] && break
    sleep 0.25
  done
  expect "hot reload ($1): the new version is served" "$answer" '200 "v2"'
  "$2" "$broken_config"
  if [ -n "${Gateway__Status__Key:-}" ]; then
    for _ in $(seq 1 80); do
      send GET /.gateway/status -H "X-Gateway-Status-Key: $Gateway__Status__Key"
      rejected=$(json '(d.config.lastRejected?.errors ?? []).join(" | ")')
      [ -n "$rejected" ] && break
      sleep 0.25
    done
    case "$rejected" in
      *"paths[0].method: unknown method 'FETCH'"*) ok "hot reload ($1): a broken version is rejected with its error" ;;
      *) fail "hot reload ($1): a broken version is rejected with its error" "lastRejected: ${rejected:-none}" ;;
    esac
  else
    sleep 3   # three polls
  fi
  send GET /which
  expect "hot reload ($1): the last good version keeps serving" "$code $(body)" '200 "v2"'
}
check_reload blob upload
stop_host

# ---- Phase 2: the config in a file, as 'func start' reads it; no status key ---------------------------------

# A published app resolves a relative Gateway:Config:Path against its own folder.
write_file() { printf '%s' "$1" >"$work/app/gateway.json.tmp" && mv "$work/app/gateway.json.tmp" "$work/app/gateway.json"; }
write_file "$(config_json v1)"
unset Gateway__Config__ConnectionString Gateway__Config__Container Gateway__Config__Blob Gateway__Status__Key
export Gateway__Config__Path=gateway.json
start_host
say "Checks: config file"

send GET /health
expect "cold start (file): the first request gets the route's answer" "$code $(body)" '200 {"status":"ok"}'
if [ -e "$work/app/gateway-project-folder.txt" ]; then
  fail "file: the published app names no project folder" "dotnet publish copied gateway-project-folder.txt"
else
  ok "file: the published app names no project folder"
fi
send GET /which
expect "file: a relative path is read from the published app's folder" "$code $(body)" '200 "v1"'
send GET /.gateway/status
expect "status: without a key under Functions it is not served" "$code $(body)" '404 {"message":"No match found."}'
check_reload file write_file
stop_host

echo "$passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
  echo "---- last lines of the host log ----"
  tail -n 30 "$work/host.log"
  exit 1
fi
