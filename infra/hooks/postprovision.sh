#!/usr/bin/env bash
# azd post-provision hook: uploads the sample config to the config blob the template just created, so the
# first `azd up` ends with a gateway that answers. It never replaces a config that is already there
# (`gateway push --if-absent`): re-running `azd up` leaves your own config alone.
#
# The blob comes from the deployment output GATEWAY_CONFIG_BLOB_URI, which azd puts in the environment;
# without it, from the Gateway__Config__* settings (as the Function App reads them). The push signs in
# with DefaultAzureCredential, which includes your `azd auth login`. GATEWAY_CLI overrides how the
# gateway command is started (default: run it from the source tree).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
config=${GATEWAY_SAMPLE_CONFIG:-$root/samples/gateway.json}
if [ -n "${GATEWAY_CLI:-}" ]; then
  read -r -a gateway <<<"$GATEWAY_CLI"
else
  gateway=(dotnet run --project "$root/src/Gateway.Cli" -c Release --)
fi

args=(push --config "$config" --if-absent)
if [ -n "${GATEWAY_CONFIG_BLOB_URI:-}" ]; then
  args+=(--blob-uri "$GATEWAY_CONFIG_BLOB_URI")
fi

# The data role this deployment granted you can take a few minutes to apply: retry while storage
# refuses (exit 2); a config the gateway would reject (exit 1) is not retried.
attempts=${GATEWAY_PUSH_ATTEMPTS:-10}
for attempt in $(seq 1 "$attempts"); do
  status=0
  "${gateway[@]}" "${args[@]}" || status=$?
  if [ "$status" -ne 2 ] || [ "$attempt" -eq "$attempts" ]; then
    exit "$status"
  fi
  echo "postprovision: push failed (attempt $attempt of $attempts); retrying in ${GATEWAY_PUSH_RETRY_SECONDS:-30} s" >&2
  sleep "${GATEWAY_PUSH_RETRY_SECONDS:-30}"
done
