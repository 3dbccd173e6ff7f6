using FunctionGateway.Redis.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Redis.Tests;

/// <summary>Redis killed under two instances, then started again: fail open, fail closed, one log line, recovery.</summary>
public sealed class OutageTests
{
    private static Action<HttpRequest> Client(string client) => r => r.Headers["X-Client"] = client;

    [Fact]
    public async Task RedisKilledThenRestarted_OpenCountsLocally_ClosedAnswers503_BothRecover()
    {
        var time = new FakeTimeProvider(LimitedConfig.Start);
        await using var redis = await RedisServer.StartOwnAsync();
        await using var a = await GatewayInstance.StartAsync(LimitedConfig.Json, redis.Address, time);
        await using var b = await GatewayInstance.StartAsync(LimitedConfig.Json, redis.Address, time);
        Assert.Equal(200, (await a.SendAsync("/open", Client("warm-up"))).Response.StatusCode);
        Assert.Equal(200, (await b.SendAsync("/closed", Client("warm-up"))).Response.StatusCode);

        await redis.KillAsync();

        // Fail open: each instance now counts alone, from zero, still limited.
        var open = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            open.Add((await a.SendAsync("/open", Client("outage"))).Response.StatusCode);
        }

        var (closed, closedBody) = await a.SendAsync("/closed", Client("outage"));
        var otherInstance = await b.SendAsync("/open", Client("outage"));

        Assert.Equal([200, 200, 200, 429], open);
        Assert.Equal(503, closed.StatusCode);
        Assert.Equal("""{"error":"Rate limit store is unavailable","code":"ERR_RATE_LIMIT_UNAVAILABLE","detail":"policy 'closed' fails closed and the rate limit store 'redis' did not answer"}""", closedBody);
        Assert.Equal(200, otherInstance.Response.StatusCode);
        Assert.Single(a.Logs.Lines, l => l.Contains("Rate limit store 'redis' is unavailable", StringComparison.Ordinal));

        await redis.StartAsync();
        await WaitUntilServedAsync(a);
        await WaitUntilServedAsync(b);

        // Shared again: one budget of three between the two instances.
        var client = Guid.NewGuid().ToString("N");
        var shared = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            shared.Add((await (i % 2 == 0 ? a : b).SendAsync("/closed", Client(client))).Response.StatusCode);
        }

        Assert.Equal([200, 200, 200, 429], shared);
        Assert.Single(a.Logs.Lines, l => l.Contains("Rate limit store 'redis' answers again", StringComparison.Ordinal));
    }

    // The client reconnects on its own schedule: poll (a bound, not a timing assertion) until a closed policy is served.
    private static async Task WaitUntilServedAsync(GatewayInstance instance)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await instance.SendAsync("/closed", Client(Guid.NewGuid().ToString("N")))).Response.StatusCode == 200)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The gateway did not use Redis again within 30 s of its restart");
    }

    [Fact]
    public async Task RedisNeverReachable_OpenServesAndClosedAnswers503()
    {
        var time = new FakeTimeProvider(LimitedConfig.Start);
        await using var redis = await RedisServer.StartOwnAsync();
        await redis.KillAsync();
        await using var a = await GatewayInstance.StartAsync(LimitedConfig.Json, redis.Address, time);

        var open = await a.SendAsync("/open", Client("x"));
        var closed = await a.SendAsync("/closed", Client("x"));

        Assert.Equal(200, open.Response.StatusCode);
        Assert.Equal(503, closed.Response.StatusCode);
    }
}
