#!/usr/bin/env bash
# The whole test suite, from a fresh clone: restores what it needs, builds every project that can be
# built here, runs every test project, and ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

configuration=${CONFIGURATION:-Release}
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

echo "==> Building ($configuration)"
dotnet build FunctionGateway.sln -c "$configuration" -nologo -v quiet

# The Functions app is not in the solution: its Worker packages come from nuget.org, which some package
# sources do not mirror. Build it wherever they restore; say so plainly where they do not.
if dotnet restore src/FunctionGateway -nologo -v quiet >"$log_dir/functions-restore.log" 2>&1; then
  echo "==> Building FunctionGateway (Azure Functions app)"
  dotnet build src/FunctionGateway -c "$configuration" --no-restore -nologo -v quiet
else
  echo "FunctionGateway (Azure Functions adapter) skipped: its Microsoft.Azure.Functions.Worker packages cannot be restored from the configured NuGet sources"
fi

passed=0 failed=0 skipped=0 status=0
for project in tests/*/*.csproj; do
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
