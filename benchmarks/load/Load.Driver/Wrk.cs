using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace FunctionGateway.Load.Driver;

/// <summary>
/// Runs wrk with the JSON-printing Lua hook and reads its one result line; with fresh tokens, through the script
/// that sends a different token on every request.
/// </summary>
internal sealed class Wrk(string scriptPath, string? freshTokenScriptPath, int threads)
{
    private const string Marker = "WRK_JSON ";

    public static string WriteScript(string directory)
    {
        var path = Path.Combine(directory, "report.lua");
        using var resource = typeof(Wrk).Assembly.GetManifestResourceStream("report.lua")
            ?? throw new InvalidOperationException("report.lua is not embedded in the driver.");
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    public Task<WrkResult> RunAsync(Scenario scenario, int connections, TimeSpan duration, string token, CancellationToken cancellationToken) =>
        scenario.FreshTokens
            ? RunAsync(scenario.Url, connections, duration, token: null,
                freshTokenScriptPath ?? throw new InvalidOperationException($"'{scenario.Label}' needs the fresh-token script, which this run did not write."),
                cancellationToken)
            : RunAsync(scenario.Url, connections, duration, token, scriptPath, cancellationToken);

    public Task<WrkResult> RunAsync(string url, int connections, TimeSpan duration, string token, CancellationToken cancellationToken) =>
        RunAsync(url, connections, duration, token, scriptPath, cancellationToken);

    private async Task<WrkResult> RunAsync(string url, int connections, TimeSpan duration, string? token, string script,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", Math.Min(threads, connections).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", "5s",
            "-s", script,
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (token is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {token}");
        }

        start.ArgumentList.Add(url);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"wrk against {url} exited with {process.ExitCode} and no result line: {(await stderr).Trim()} {output.Trim()}");
        }

        return JsonSerializer.Deserialize<WrkResult>(line[Marker.Length..])
            ?? throw new InvalidOperationException($"wrk printed an empty result for {url}.");
    }
}
