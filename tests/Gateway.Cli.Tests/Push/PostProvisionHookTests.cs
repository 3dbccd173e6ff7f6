using System.Diagnostics;
using FunctionGateway.Cli.Tests.Support;

namespace FunctionGateway.Cli.Tests.Push;

/// <summary>infra/hooks/postprovision.sh, the hook azd runs after provisioning, against Azurite.</summary>
public sealed class PostProvisionHookTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task Hook_NewConfigContainer_UploadsTheSampleConfig()
    {
        await using var target = await PushTarget.CreateAsync();

        var result = await RunHookAsync(target);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Root, "samples", "gateway.json")), await target.ReadAsync());
    }

    [Fact]
    public async Task Hook_ConfigAlreadyThere_LeavesItAlone()
    {
        await using var target = await PushTarget.CreateAsync();
        await FunctionGateway.Azure.Tests.Azurite.Azurite.UploadAsync(target.Container, PushTarget.BlobName, PushConfigs.First);

        var result = await RunHookAsync(target);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(PushConfigs.First, await target.ReadAsync());
        Assert.Contains("exists: --if-absent leaves it as it is", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_StorageRefuses_GivesUpAfterTheAttemptsWithTheReason()
    {
        await using var target = await PushTarget.CreateAsync();
        var settings = target.Settings;
        settings["Gateway__Config__Container"] = "missing-" + Guid.NewGuid().ToString("N");

        var result = await RunHookAsync(target, settings);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the container does not exist (404 ContainerNotFound)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("postprovision: push failed (attempt 1 of 2); retrying in 0 s", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunHookAsync(PushTarget target, Dictionary<string, string?>? settings = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Root, "infra", "hooks", "postprovision.sh"));
        foreach (var (name, value) in settings ?? target.Settings)
        {
            start.Environment[name] = value;
        }

        start.Environment["GATEWAY_CLI"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "gateway.dll")}";
        start.Environment["GATEWAY_PUSH_ATTEMPTS"] = "2";
        start.Environment["GATEWAY_PUSH_RETRY_SECONDS"] = "0";
        start.Environment.Remove("GATEWAY_CONFIG_BLOB_URI");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FunctionGateway.sln not found above " + AppContext.BaseDirectory);
    }
}
