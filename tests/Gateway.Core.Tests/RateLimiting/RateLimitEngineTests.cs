using System.Net;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.RateLimiting;

/// <summary>Rate limits on the engine's request path: order, keys, the 429's headers and body, missing keys.</summary>
public class RateLimitEngineTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 / 60 * 60).AddSeconds(15);

    private static Task<EngineHarness> CreateAsync(FakeTimeProvider time) => EngineHarness.CreateAsync($$"""
        {
          "cors": { "allow_origins": ["https://app.test"] },
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "issuer": "{{Tokens.Issuer}}", "audience": "{{Tokens.Audience}}" },
          "rate_limits": {
            "per-user": { "key": "$request.jwt.sub", "algorithm": "fixed_window", "limit": 2, "window_seconds": 60 },
            "per-ip": { "key": "$client.address", "algorithm": "fixed_window", "limit": 3, "window_seconds": 60, "before_auth": true },
            "per-client": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 1, "window_seconds": 60, "on_missing_key": "reject" },
            "shared": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 1, "window_seconds": 60 },
            "quiet": { "key": "all", "algorithm": "fixed_window", "limit": 5, "window_seconds": 60, "headers": false }
          },
          "paths": [
            { "method": "GET", "path": "/user", "auth": true, "rate_limit": "per-user", "response": { "ok": true } },
            { "method": "GET", "path": "/ip", "auth": true, "rate_limit": "per-ip", "response": { "ok": true } },
            { "method": "GET", "path": "/client", "rate_limit": "per-client", "response": { "ok": true } },
            { "method": "GET", "path": "/shared", "rate_limit": "shared", "response": { "ok": true } },
            { "method": "GET", "path": "/quiet", "rate_limit": "quiet", "response": { "ok": true } },
            { "method": "GET", "path": "/both", "auth": true, "rate_limit": ["quiet", "per-user"], "response": { "ok": true } },
            { "method": "GET", "path": "/mixed", "rate_limit": ["quiet", "per-client"], "response": { "ok": true } },
            { "method": "GET", "path": "/free", "response": { "ok": true } }
          ]
        }
        """, new Dictionary<string, string?> { ["JWT_SECRET"] = Tokens.Secret }, time);

    private static Action<HttpRequest> As(string? subject, FakeTimeProvider time, string? origin = null) => request =>
    {
        if (subject is not null)
        {
            request.Headers.Authorization = "Bearer " + Tokens.Hs256(new() { ["sub"] = subject }, now: time.GetUtcNow());
        }

        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }
    };

    [Fact]
    public async Task Claim_OverLimit_429WithHeadersBodyAndCors()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);

        var first = await gateway.SendAsync("GET", "/user", As("alice", time));
        await gateway.SendAsync("GET", "/user", As("alice", time));
        var (limited, body) = await gateway.SendAsync("GET", "/user", As("alice", time, "https://app.test"));
        var bob = await gateway.SendAsync("GET", "/user", As("bob", time));

        Assert.Equal(200, first.Context.Response.StatusCode);
        Assert.Equal("\"per-user\";r=1;t=45", first.Context.Response.Headers["RateLimit"]);
        Assert.Equal("\"per-user\";q=2;w=60", first.Context.Response.Headers["RateLimit-Policy"]);
        Assert.Equal(429, limited.Response.StatusCode);
        Assert.Equal("45", limited.Response.Headers.RetryAfter);
        Assert.Equal("\"per-user\";r=0;t=45", limited.Response.Headers["RateLimit"]);
        Assert.Equal("https://app.test", limited.Response.Headers.AccessControlAllowOrigin);
        Assert.Equal("""{"error":"Rate limit exceeded","code":"ERR_RATE_LIMITED","detail":"policy 'per-user' allows 2 requests per 60 s (fixed_window); retry after 45 s"}""", body);
        Assert.Equal(200, bob.Context.Response.StatusCode);

        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(200, (await gateway.SendAsync("GET", "/user", As("alice", time))).Context.Response.StatusCode);
    }

    [Fact]
    public async Task AfterAuth_RejectedTokens_DoNotSpendTheBudget()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);

        for (var i = 0; i < 5; i++)
        {
            var forged = await gateway.SendAsync("GET", "/user", r => r.Headers.Authorization = "Bearer " + Tokens.Hs256(new() { ["sub"] = "alice" }, secret: "another-secret-another-secret-0123456789", now: time.GetUtcNow()));
            Assert.Equal(401, forged.Context.Response.StatusCode);
        }

        Assert.Equal(200, (await gateway.SendAsync("GET", "/user", As("alice", time))).Context.Response.StatusCode);
    }

    [Fact]
    public async Task BeforeAuth_CountsRequestsWithoutToken_ByAddress()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);
        Action<HttpRequest> from(string address) => r => r.HttpContext.Connection.RemoteIpAddress = IPAddress.Parse(address);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await gateway.SendAsync("GET", "/ip", from("203.0.113.7"))).Context.Response.StatusCode);
        }

        var mapped = await gateway.SendAsync("GET", "/ip", from("::ffff:203.0.113.7"));
        var other = await gateway.SendAsync("GET", "/ip", from("203.0.113.8"));

        Assert.Equal([401, 401, 401, 429], statuses);
        Assert.Equal(429, mapped.Context.Response.StatusCode);
        Assert.Equal(401, other.Context.Response.StatusCode);
    }

    [Fact]
    public async Task Header_MissingWithReject_400NamingThePolicy()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);

        var (missing, body) = await gateway.SendAsync("GET", "/client");
        var first = await gateway.SendAsync("GET", "/client", r => r.Headers["X-Client"] = "a");
        var second = await gateway.SendAsync("GET", "/client", r => r.Headers["X-Client"] = "a");
        var other = await gateway.SendAsync("GET", "/client", r => r.Headers["X-Client"] = "b");

        Assert.Equal(400, missing.Response.StatusCode);
        Assert.Equal("""{"error":"Request has no value for the rate limit key","code":"ERR_RATE_LIMIT_KEY_MISSING","detail":"policy 'per-client' counts requests by $request.header.X-Client, which this request does not carry"}""", body);
        Assert.Equal([200, 429, 200], [first.Context.Response.StatusCode, second.Context.Response.StatusCode, other.Context.Response.StatusCode]);
    }

    [Fact]
    public async Task Header_MissingWithReject_NoOtherPolicyCountsTheRequest()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(400, (await gateway.SendAsync("GET", "/mixed")).Context.Response.StatusCode);
        }

        // 'quiet' (5 a minute) counted none of the refused requests.
        Assert.Equal(200, (await gateway.SendAsync("GET", "/quiet")).Context.Response.StatusCode);
    }

    [Fact]
    public async Task Header_MissingWithShared_RequestsWithoutItShareOneCounter()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);

        var first = await gateway.SendAsync("GET", "/shared");
        var second = await gateway.SendAsync("GET", "/shared", r => r.Headers["X-Client"] = "");
        var keyed = await gateway.SendAsync("GET", "/shared", r => r.Headers["X-Client"] = "a");

        Assert.Equal([200, 429, 200], [first.Context.Response.StatusCode, second.Context.Response.StatusCode, keyed.Context.Response.StatusCode]);
    }

    [Fact]
    public async Task HeadersFalse_OnlyTheRefusalCarriesThem()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);

        var allowed = await gateway.SendAsync("GET", "/quiet");
        var both = await gateway.SendAsync("GET", "/both", As("alice", time));
        for (var i = 0; i < 3; i++)
        {
            await gateway.SendAsync("GET", "/quiet");
        }

        var limited = await gateway.SendAsync("GET", "/quiet");
        var free = await gateway.SendAsync("GET", "/free");

        Assert.False(allowed.Context.Response.Headers.ContainsKey("RateLimit"));
        Assert.Equal("\"per-user\";r=1;t=45", both.Context.Response.Headers["RateLimit"]);
        Assert.Equal(429, limited.Context.Response.StatusCode);
        Assert.Equal("\"quiet\";r=0;t=45", limited.Context.Response.Headers["RateLimit"]);
        Assert.Equal("\"quiet\";q=5;w=60", limited.Context.Response.Headers["RateLimit-Policy"]);
        Assert.False(free.Context.Response.Headers.ContainsKey("RateLimit"));
    }

    [Fact]
    public async Task Preflight_IsAnsweredBeforeAnyLimit()
    {
        var time = new FakeTimeProvider(Start);
        var gateway = await CreateAsync(time);

        for (var i = 0; i < 3; i++)
        {
            var preflight = await gateway.SendAsync("OPTIONS", "/client", r =>
            {
                r.Headers.Origin = "https://app.test";
                r.Headers.AccessControlRequestMethod = "GET";
            });
            Assert.Equal(204, preflight.Context.Response.StatusCode);
        }
    }
}
