using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.RateLimiting;
using FunctionGateway.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.RateLimiting;

/// <summary>A shared store that does not answer: fail open counts on the instance, fail closed answers 503, one log line per outage.</summary>
public class RateLimitStoreDownTests
{
    private sealed class SwitchableStore(MemoryRateLimitStore inner) : IRateLimitStore
    {
        public bool Down { get; set; }

        public string Name => "shared";

        public bool IsShared => true;

        public ValueTask<RateLimitDecision> AcquireAsync(RateLimitPolicy policy, string key, CancellationToken cancellationToken) =>
            Down ? throw new RateLimitStoreException("connection refused") : inner.AcquireAsync(policy, key, cancellationToken);
    }

    private static async Task<(int Status, string Body)> SendAsync(GatewayEngine engine, string path)
    {
        var (context, body) = await EngineRequest.SendAsync(engine, "GET", path);
        return (context.Response.StatusCode, body);
    }

    [Fact]
    public async Task StoreDown_OpenCountsLocally_ClosedAnswers503_LoggedOncePerOutage()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 / 60 * 60));
        var store = new SwitchableStore(new MemoryRateLimitStore(time));
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IRateLimitStore>(store)
            .AddGatewayEngine()
            .BuildServiceProvider();
        var result = await services.GetRequiredService<GatewayConfigLoader>().LoadAsync("""
            { "rate_limits": {
                "open": { "key": "k", "algorithm": "fixed_window", "limit": 2, "window_seconds": 60 },
                "closed": { "key": "k", "algorithm": "fixed_window", "limit": 2, "window_seconds": 60, "on_store_error": "closed" } },
              "paths": [ { "method": "GET", "path": "/open", "rate_limit": "open", "response": {} },
                         { "method": "GET", "path": "/closed", "rate_limit": "closed", "response": {} } ] }
            """, "test", "v1");
        services.GetRequiredService<GatewayRuntimeHolder>().Publish(result.Runtime!);
        var engine = services.GetRequiredService<GatewayEngine>();

        store.Down = true;
        var open = new[] { await SendAsync(engine, "/open"), await SendAsync(engine, "/open"), await SendAsync(engine, "/open") };
        var closed = await SendAsync(engine, "/closed");
        store.Down = false;
        var recovered = await SendAsync(engine, "/closed");

        Assert.Equal([200, 200, 429], open.Select(o => o.Status));
        Assert.Equal(503, closed.Status);
        Assert.Equal("""{"error":"Rate limit store is unavailable","code":"ERR_RATE_LIMIT_UNAVAILABLE","detail":"policy 'closed' fails closed and the rate limit store 'shared' did not answer"}""", closed.Body);
        Assert.Equal(200, recovered.Status);
        Assert.Single(logs.Lines, l => l.Contains("Rate limit store 'shared' is unavailable: connection refused.", StringComparison.Ordinal));
        Assert.Single(logs.Lines, l => l.Contains("Rate limit store 'shared' answers again", StringComparison.Ordinal));
    }
}
