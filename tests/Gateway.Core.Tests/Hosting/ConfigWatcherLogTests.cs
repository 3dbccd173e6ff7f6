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
}
