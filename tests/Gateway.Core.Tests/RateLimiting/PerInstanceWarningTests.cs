using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionGateway.Tests.RateLimiting;

/// <summary>Under Azure Functions, limits counted in memory are per instance: every config load says so, until Redis is set.</summary>
public class PerInstanceWarningTests
{
    private const string Config = """
        { "rate_limits": { "p": { "key": "k", "algorithm": "fixed_window", "limit": 1, "window_seconds": 60 } },
          "paths": [{ "method": "GET", "path": "/a", "rate_limit": "p", "response": {} }] }
        """;

    private static Task<ConfigLoadResult> LoadAsync(GatewayHostKind host, string? redis, string config = Config)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:RateLimit:Redis"] = redis }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(settings)
            .Configure<GatewayHostOptions>(o => o.Kind = host).AddGatewayEngine().BuildServiceProvider();
        return services.GetRequiredService<GatewayConfigLoader>().LoadAsync(config, "test", "v1");
    }

    [Fact]
    public async Task Load_FunctionsWithoutRedis_WarnsLimitsArePerInstance()
    {
        var result = await LoadAsync(GatewayHostKind.AzureFunctions, null);

        Assert.NotNull(result.Runtime);
        Assert.Equal("warning: rate_limits: are counted in memory on each instance, so every instance the platform starts allows the full limit; set Gateway:RateLimit:Redis to share the counters",
            Assert.Single(result.Issues).ToString());
    }

    [Theory]
    [InlineData(GatewayHostKind.AzureFunctions, "cache.redis.azure.net")]
    [InlineData(GatewayHostKind.Standalone, null)]
    public async Task Load_RedisSetOrServe_NoWarning(GatewayHostKind host, string? redis) =>
        Assert.Empty((await LoadAsync(host, redis)).Issues);

    [Fact]
    public async Task Load_FunctionsConfigWithoutLimits_NoWarning() =>
        Assert.Empty((await LoadAsync(GatewayHostKind.AzureFunctions, null, """{ "paths": [{ "method": "GET", "path": "/a", "response": {} }] }""")).Issues);
}
