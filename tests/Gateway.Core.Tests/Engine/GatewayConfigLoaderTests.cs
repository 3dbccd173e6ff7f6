using FunctionGateway.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.Engine;

public class GatewayConfigLoaderTests
{
    // An overlap, a wildcard declared first, a route reachable without a token, and a mapping on a static route.
    private const string Linted = """
        { "servers": [{ "alias": "orders", "url": "https://orders.example.com" }],
          "authorizer": { "type": "jwt", "secret": "0123456789abcdef0123456789abcdef" },
          "paths": [
            { "method": "ANY", "path": "/o/{.+}", "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/o/{id}", "auth": true, "integration": { "type": "http_proxy", "server": "orders" } },
            { "method": "GET", "path": "/a/{x}", "response": 1 },
            { "method": "GET", "path": "/{y}/b", "response": 2, "mapping": { "headers": { "x": "y" } } }] }
        """;

    [Fact]
    public async Task LoadToServeAsync_ConfigWithLintWarnings_ServesAndGivesTheSameWarningsLater()
    {
        using var services = Services();
        var loader = services.GetRequiredService<GatewayConfigLoader>();

        var full = await loader.LoadAsync(Linted, "test", "v1");
        var served = await loader.LoadToServeAsync(Linted, "test", "v1");
        var later = await served.LaterWarnings;

        Assert.NotNull(served.Runtime);
        Assert.Equal(["authorizer.audience", "paths[3].mapping"], served.Issues.Select(i => i.Location));
        Assert.Equal(["paths[3]", "paths[3]", "paths[0]", "paths[1]"], later.Select(i => i.Location));
        Assert.Equal(full.Issues.Select(i => i.ToString()).Order(StringComparer.Ordinal),
            served.Issues.Concat(later).Select(i => i.ToString()).Order(StringComparer.Ordinal));
        Assert.Empty(await full.LaterWarnings);
    }

    [Fact]
    public async Task LoadToServeAsync_ConfigWithAnError_NoRuntime()
    {
        using var services = Services();
        var text = Linted.Replace("\"method\": \"ANY\"", "\"method\": \"FETCH\"", StringComparison.Ordinal);

        var served = await services.GetRequiredService<GatewayConfigLoader>().LoadToServeAsync(text, "test", "v1");

        Assert.Null(served.Runtime);
        Assert.Contains(served.Errors, e => e.Location == "paths[0].method");
    }

    [Fact]
    public async Task LaterWarnings_AskedTwice_ComputedOnce()
    {
        using var services = Services();

        var served = await services.GetRequiredService<GatewayConfigLoader>().LoadToServeAsync(Linted, "test", "v1");

        Assert.Same(served.LaterWarnings, served.LaterWarnings);
    }

    private static ServiceProvider Services() => new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddGatewayEngine()
        .BuildServiceProvider();
}
