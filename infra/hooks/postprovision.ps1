# azd post-provision hook for Windows: the same steps as postprovision.sh (read it for the why).
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
$config = if ($env:GATEWAY_SAMPLE_CONFIG) { $env:GATEWAY_SAMPLE_CONFIG } else { Join-Path $root 'samples' 'gateway.json' }
$gateway = if ($env:GATEWAY_CLI) { $env:GATEWAY_CLI -split ' ' } else { @('dotnet', 'run', '--project', (Join-Path $root 'src' 'Gateway.Cli'), '-c', 'Release', '--') }
$arguments = @('push', '--config', $config, '--if-absent')
if ($env:GATEWAY_CONFIG_BLOB_URI) { $arguments += @('--blob-uri', $env:GATEWAY_CONFIG_BLOB_URI) }
$attempts = if ($env:GATEWAY_PUSH_ATTEMPTS) { [int]$env:GATEWAY_PUSH_ATTEMPTS } else { 10 }
$delay = if ($env:GATEWAY_PUSH_RETRY_SECONDS) { [int]$env:GATEWAY_PUSH_RETRY_SECONDS } else { 30 }
for ($attempt = 1; $attempt -le $attempts; $attempt++) {
    & $gateway[0] @($gateway[1..($gateway.Length - 1)] + $arguments)
    $status = $LASTEXITCODE
    if ($status -ne 2 -or $attempt -eq $attempts) { exit $status }
    Write-Warning "postprovision: push failed (attempt $attempt of $attempts); retrying in $delay s"
    Start-Sleep -Seconds $delay
}
