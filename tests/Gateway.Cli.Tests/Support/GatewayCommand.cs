using System.Diagnostics;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>
/// Runs the built <c>gateway</c> command in its own process, with redirected output (so it prints plain
/// text, as in a pipeline) and no standard input.
/// </summary>
public static class GatewayCommand
{
    private static readonly string GatewayDll = Path.Combine(AppContext.BaseDirectory, "gateway.dll");

    public static async Task<CliResult> RunAsync(params string[] args) => await RunInAsync(null, args);

    /// <summary>Runs the command with extra environment variables, such as the secrets a config references.</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        await RunInAsync(null, environment, args);

    /// <summary>Runs the command with <paramref name="workingDirectory"/> as its current folder.</summary>
    public static async Task<CliResult> RunInAsync(string? workingDirectory, params string[] args) =>
        await RunInAsync(workingDirectory, new Dictionary<string, string>(), args);

    private static async Task<CliResult> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(GatewayDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Settings of the machine running the tests must not leak into the command under test.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Gateway__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"gateway {string.Join(' ', args)} did not exit within 60 s");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
