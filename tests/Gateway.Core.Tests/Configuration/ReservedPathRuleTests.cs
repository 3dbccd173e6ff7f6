using FunctionGateway.Configuration;
using FunctionGateway.Configuration.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionGateway.Engine;

namespace FunctionGateway.Tests.Configuration;

public class ReservedPathRuleTests
{
    private static List<ConfigIssue> Check(GatewayHostKind host, params string[] paths)
    {
        var config = new GatewayConfig
        {
            Paths = [.. paths.Select(p => new PathConfig { Method = "GET", Path = p, HasResponse = true })],
        };
        var issues = new List<ConfigIssue>();
        new ReservedPathRule(host).Check(config, issues);
        return issues;
    }

    [Theory]
    [InlineData("/admin", "paths[0].path: '/admin' is under /admin, which the Azure Functions host reserves for itself: requests to it never reach the gateway; move the route to another path")]
    [InlineData("/admin/users/{id}", "paths[0].path: '/admin/users/{id}' is under /admin, which the Azure Functions host reserves for itself: requests to it never reach the gateway; move the route to another path")]
    [InlineData("/Admin/{.+}", "paths[0].path: '/Admin/{.+}' is under /admin, which the Azure Functions host reserves for itself: requests to it never reach the gateway; move the route to another path")]
    [InlineData("/runtime/webhooks/x", "paths[0].path: '/runtime/webhooks/x' is under /runtime, which the Azure Functions host reserves for itself: requests to it never reach the gateway; move the route to another path")]
    public void Check_ReservedPathInFunctions_ReportsError(string path, string expected)
    {
        var issue = Assert.Single(Check(GatewayHostKind.AzureFunctions, path));

        Assert.Equal(ConfigSeverity.Error, issue.Severity);
        Assert.Equal(expected, issue.ToString());
    }

    [Fact]
    public void Check_ReservedPathStandalone_ReportsWarning()
    {
        var issue = Assert.Single(Check(GatewayHostKind.Standalone, "/health", "/runtime/status"));

        Assert.Equal(ConfigSeverity.Warning, issue.Severity);
        Assert.Equal(
            "warning: paths[1].path: '/runtime/status' is under /runtime, which the Azure Functions host reserves for itself: " +
            "it works under gateway serve but can never be served when the gateway runs as an Azure Function",
            issue.ToString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/administration")]
    [InlineData("/runtimes/x")]
    [InlineData("/api/admin")]
    [InlineData("/{section}/users")]
    [InlineData("/{.+}")]
    [InlineData("admin")]
    public void Check_PathNotUnderReservedSegment_NoIssue(string path)
    {
        Assert.Empty(Check(GatewayHostKind.AzureFunctions, path));
    }

    private const string AdminRouteConfig = """{ "paths": [ { "method": "GET", "path": "/admin/ping", "response": { "ok": true } } ] }""";

    private static GatewayConfigLoader Loader(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddGatewayEngine();
        configure?.Invoke(services);
        return services.BuildServiceProvider().GetRequiredService<GatewayConfigLoader>();
    }

    [Fact]
    public async Task LoadAsync_AzureFunctionsHost_RejectsReservedRoute()
    {
        var loader = Loader(s => s.Configure<GatewayHostOptions>(o => o.Kind = GatewayHostKind.AzureFunctions));

        var result = await loader.LoadAsync(AdminRouteConfig, "test.json", "1");

        Assert.Null(result.Runtime);
        Assert.Equal(ConfigSeverity.Error, Assert.Single(result.Issues).Severity);
    }

    [Fact]
    public async Task LoadAsync_DefaultHost_ServesReservedRouteWithWarning()
    {
        var result = await Loader().LoadAsync(AdminRouteConfig, "test.json", "1");

        Assert.NotNull(result.Runtime);
        Assert.Equal(ConfigSeverity.Warning, Assert.Single(result.Issues).Severity);
    }
}
