using System.Diagnostics;

namespace FunctionGateway.Infra.Tests.Infrastructure;

/// <summary>Runs the bicep executable shipped in the Azure.Bicep.CommandLine NuGet package.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static Task<BicepResult> BuildAsync(string bicepFile) => RunAsync("build", bicepFile, "--stdout");

    public static Task<BicepResult> BuildParamsAsync(string bicepParamFile) => RunAsync("build-params", bicepParamFile, "--stdout");

    public static Task<BicepResult> LintAsync(string bicepFile) => RunAsync("lint", bicepFile);

    public static async Task<BicepResult> RunAsync(params string[] args)
    {
        EnsureExecutable(BicepPaths.Executable);
        var startInfo = new ProcessStartInfo(BicepPaths.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BicepPaths.Root,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {BicepPaths.Executable}.");
        // Both streams are drained together: a full stderr pipe would otherwise stall the build.
        var stdOut = process.StandardOutput.ReadToEndAsync();
        var stdErr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, await stdOut, await stdErr);
    }

    // NuGet extracts package files without their Unix permissions on some setups.
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The bicep executable was not found; restore the test project.", path);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }
}
