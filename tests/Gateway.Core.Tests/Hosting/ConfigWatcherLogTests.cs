using FunctionGateway.Engine;
using FunctionGateway.Hosting;
using FunctionGateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.Hosting;

public class ConfigWatcherLogTests
{
    [Fact]
    public async Task CheckAsync_ConfigWithWarning_LogsItOnceWithItsLocation()
    {
        var logs = new CapturingLoggerProvider();
        using var services = WatcherServices.Create("""
            { "paths": [{ "method": "GET", "path": "/a", "response": 1, "mapping": { "headers": { "x": "y" } } }] }
            """, new Dictionary<string, string?>(), logs);

        await services.GetRequiredService<ConfigWatcher>().CheckAsync(CancellationToken.None);

        Assert.Equal(
            ["Warning FunctionGateway.Hosting.ConfigWatcher: Config warning: paths[0].mapping: has no effect: mapping applies to http_proxy integrations only"],
            logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CheckAsync_ConfigWithOverlappingRoutes_ServesFirstThenLogsTheOverlapWarning()
    {
        var logs = new CapturingLoggerProvider();
        using var services = WatcherServices.Create("""
            { "paths": [{ "method": "GET", "path": "/a/{x}", "response": 1 }, { "method": "GET", "path": "/{y}/b", "response": 2 }] }
            """, new Dictionary<string, string?>(), logs);
        var watcher = services.GetRequiredService<ConfigWatcher>();

        var result = await watcher.CheckAsync(CancellationToken.None);
        await watcher.LaterWarningsLogged;

        Assert.NotNull(result?.Runtime);
        Assert.NotNull(services.GetRequiredService<GatewayRuntimeHolder>().Current);
        Assert.DoesNotContain(result!.Warnings, w => w.Message.Contains("overlaps", StringComparison.Ordinal));
        var lines = logs.Lines.ToList();
        var loaded = lines.FindIndex(l => l.Contains("Config loaded from", StringComparison.Ordinal));
        var warning = lines.FindIndex(l => l.StartsWith(
            "Warning FunctionGateway.Hosting.ConfigWatcher: Config warning: paths[1]: GET /{y}/b overlaps paths[0] (GET /a/{x})", StringComparison.Ordinal));
        Assert.InRange(loaded, 0, int.MaxValue);
        Assert.True(warning > loaded, string.Join(Environment.NewLine, lines));
    }

    [Fact]
    public async Task CheckAsync_ConfigWithErrorAndOverlap_RejectsItAndStillLogsTheOverlapWarning()
    {
        var logs = new CapturingLoggerProvider();
        using var services = WatcherServices.Create("""
            { "paths": [{ "method": "GET", "path": "/a/{x}", "response": 1 }, { "method": "GET", "path": "/{y}/b", "response": 2 },
                        { "method": "FETCH", "path": "/c", "response": 3 }] }
            """, new Dictionary<string, string?>(), logs);
        var watcher = services.GetRequiredService<ConfigWatcher>();

        var result = await watcher.CheckAsync(CancellationToken.None);
        await watcher.LaterWarningsLogged;

        Assert.Null(result?.Runtime);
        Assert.Null(services.GetRequiredService<GatewayRuntimeHolder>().Current);
        Assert.Contains(logs.Lines, l => l.Contains("Config warning: paths[1]: GET /{y}/b overlaps paths[0]", StringComparison.Ordinal));
    }
}
