using System.Net;
using FunctionGateway.Redis.Tests.Support;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Redis.Tests;

/// <summary>Two gateway instances sharing one Redis enforce one limit between them.</summary>
public sealed class SharedLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(LimitedConfig.Start);
    private GatewayInstance _a = null!;
    private GatewayInstance _b = null!;

    public async Task InitializeAsync()
    {
        _a = await GatewayInstance.StartAsync(LimitedConfig.Json, RedisServer.Shared, _time);
        _b = await GatewayInstance.StartAsync(LimitedConfig.Json, RedisServer.Shared, _time);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    private static Action<HttpRequest> Client(string client) => r => r.Headers["X-Client"] = client;

    [Theory]
    [InlineData("/fixed")]
    [InlineData("/sliding")]
    [InlineData("/bucket")]
    public async Task TwoInstances_ConcurrentRequests_SumOfAllowedIsTheLimit(string path)
    {
        var client = Guid.NewGuid().ToString("N");

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? _a : _b).SendAsync(path, Client(client))));

        Assert.Equal(10, answers.Count(a => a.Response.StatusCode == 200));
        Assert.Equal(30, answers.Count(a => a.Response.StatusCode == 429));
    }

    [Fact]
    public async Task FixedWindow_NextWindow_BothInstancesAllowedAgain()
    {
        var client = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 10; i++)
        {
            await (i % 2 == 0 ? _a : _b).SendAsync("/fixed", Client(client));
        }

        var refused = await _b.SendAsync("/fixed", Client(client));
        _time.Advance(TimeSpan.FromSeconds(55));
        var next = await _b.SendAsync("/fixed", Client(client));

        Assert.Equal(429, refused.Response.StatusCode);
        Assert.Equal(200, next.Response.StatusCode);
        Assert.Equal("\"fixed\";r=9;t=60", next.Response.Headers["RateLimit"]);
    }

    [Fact]
    public async Task TokenBucket_Refill_SharedByBothInstances()
    {
        var client = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, (await (i % 2 == 0 ? _a : _b).SendAsync("/bucket", Client(client))).Response.StatusCode);
        }

        var empty = await _a.SendAsync("/bucket", Client(client));
        _time.Advance(TimeSpan.FromSeconds(60));
        var refilled = new[] { await _a.SendAsync("/bucket", Client(client)), await _b.SendAsync("/bucket", Client(client)), await _a.SendAsync("/bucket", Client(client)) };

        Assert.Equal("60", empty.Response.Headers.RetryAfter);
        Assert.Equal([200, 200, 429], refilled.Select(r => r.Response.StatusCode));
    }

    [Fact]
    public async Task Over_Limit_429WithRetryAfterRateLimitHeadersAndBody()
    {
        var client = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 10; i++)
        {
            await _a.SendAsync("/fixed", Client(client));
        }

        var (response, body) = await _b.SendAsync("/fixed", Client(client));

        Assert.Equal(429, response.StatusCode);
        Assert.Equal("55", response.Headers.RetryAfter);
        Assert.Equal("\"fixed\";r=0;t=55", response.Headers["RateLimit"]);
        Assert.Equal("\"fixed\";q=10;w=60", response.Headers["RateLimit-Policy"]);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal("""{"error":"Rate limit exceeded","code":"ERR_RATE_LIMITED","detail":"policy 'fixed' allows 10 requests per 60 s (fixed_window); retry after 55 s"}""", body);
    }

    [Fact]
    public async Task Claim_EachUserHasOneBudgetAcrossInstances()
    {
        var alice = "alice-" + Guid.NewGuid().ToString("N");
        var bob = "bob-" + Guid.NewGuid().ToString("N");
        Action<HttpRequest> As(string subject) => r => r.Headers.Authorization = "Bearer " + Tokens.Hs256(new() { ["sub"] = subject }, now: _time.GetUtcNow());

        var aliceStatuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            aliceStatuses.Add((await (i % 2 == 0 ? _a : _b).SendAsync("/user", As(alice))).Response.StatusCode);
        }

        var bobStatus = (await _a.SendAsync("/user", As(bob))).Response.StatusCode;

        Assert.Equal([200, 200, 200, 429], aliceStatuses);
        Assert.Equal(200, bobStatus);
    }

    [Fact]
    public async Task Address_BeforeAuth_CountsUnauthenticatedRequestsAcrossInstances()
    {
        var address = IPAddress.Parse($"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await (i % 2 == 0 ? _a : _b).SendAsync("/ip", r => r.HttpContext.Connection.RemoteIpAddress = address)).Response.StatusCode);
        }

        Assert.Equal([401, 401, 401, 429], statuses);
    }

    [Fact]
    public async Task MissingKey_Shared_RequestsWithoutItShareOneCounterAcrossInstances()
    {
        // The shared key is one for the whole deployment: start from a window no other test has counted in.
        _time.Advance(TimeSpan.FromDays(Random.Shared.Next(1, 100_000)));
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await (i % 2 == 0 ? _a : _b).SendAsync("/tenant")).Response.StatusCode);
        }

        var keyed = await _b.SendAsync("/tenant", r => r.Headers["X-Tenant"] = Guid.NewGuid().ToString("N"));

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal(200, keyed.Response.StatusCode);
    }

    [Fact]
    public async Task MissingKey_Reject_400()
    {
        var (response, body) = await _a.SendAsync("/user", r => r.Headers.Authorization = "Bearer " + Tokens.Hs256(new() { ["sub"] = "" }, now: _time.GetUtcNow()));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("\"code\":\"ERR_RATE_LIMIT_KEY_MISSING\"", body, StringComparison.Ordinal);
    }
}
