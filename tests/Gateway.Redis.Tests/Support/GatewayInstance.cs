using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Redis.Tests.Support;

/// <summary>
/// One gateway instance: the engine with the Redis store, as a host registers them, run on
/// <see cref="DefaultHttpContext"/>. Two of them with one Redis are two instances of one deployment.
/// </summary>
internal sealed class GatewayInstance : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly GatewayEngine _engine;

    private GatewayInstance(ServiceProvider services, CapturingLoggerProvider logs)
    {
        _services = services;
        _engine = services.GetRequiredService<GatewayEngine>();
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    public static async Task<GatewayInstance> StartAsync(string configJson, string redis, TimeProvider time)
    {
        var logs = new CapturingLoggerProvider();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["JWT_SECRET"] = Tokens.Secret,
            ["Gateway:RateLimit:Redis"] = redis,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton<IConfiguration>(settings)
            .AddSingleton(time)
            .AddGatewayEngine()
            .AddGatewayRedisRateLimits(settings)
            .BuildServiceProvider();
        var result = await services.GetRequiredService<GatewayConfigLoader>().LoadAsync(configJson, "test", "v1");
        Assert.True(result.Runtime is not null, string.Join("\n", result.Issues));
        services.GetRequiredService<GatewayRuntimeHolder>().Publish(result.Runtime!);
        return new GatewayInstance(services, logs);
    }

    public async Task<(HttpResponse Response, string Body)> SendAsync(string path, Action<HttpRequest>? configure = null)
    {
        var (context, body) = await EngineRequest.SendAsync(_engine, "GET", path, configure);
        return (context.Response, body);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
