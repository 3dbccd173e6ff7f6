using System.Net;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Integration;

/// <summary>Rate limits through the real gateway on Kestrel: the headers survive the proxy, and a 429 never reaches the upstream.</summary>
public sealed class RateLimitOverHttpTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _gateway = await RunningGateway.StartAsync($$"""
            {
              "servers": [{ "alias": "svc", "url": "{{_upstream.Url}}" }],
              "cors": { "allow_origins": ["https://app.test"], "expose_headers": ["RateLimit", "RateLimit-Policy", "Retry-After"] },
              "rate_limits": { "per-client": { "key": "$request.header.X-Client", "algorithm": "fixed_window", "limit": 2, "window_seconds": 3600 } },
              "paths": [{ "method": "GET", "path": "/orders", "rate_limit": "per-client", "integration": { "type": "http_proxy", "server": "svc" } }]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders");
        request.Headers.Add("X-Client", client);
        request.Headers.Add("Origin", "https://app.test");
        return await _gateway.Client.SendAsync(request);
    }

    [Fact]
    public async Task Proxied_UnderAndOverLimit_HeadersOnBothAnd429NotForwarded()
    {
        var client = Guid.NewGuid().ToString("N");

        using var first = await SendAsync(client);
        using var second = await SendAsync(client);
        var forwarded = _upstream.ReceivedPaths.Count;
        using var third = await SendAsync(client);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"per-client\";q=2;w=3600", Assert.Single(first.Headers.GetValues("RateLimit-Policy")));
        Assert.StartsWith("\"per-client\";r=1;t=", Assert.Single(first.Headers.GetValues("RateLimit")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.StartsWith("\"per-client\";r=0;t=", Assert.Single(third.Headers.GetValues("RateLimit")), StringComparison.Ordinal);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        Assert.Equal("https://app.test", Assert.Single(third.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(forwarded, _upstream.ReceivedPaths.Count);
        Assert.Contains("ERR_RATE_LIMITED", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
