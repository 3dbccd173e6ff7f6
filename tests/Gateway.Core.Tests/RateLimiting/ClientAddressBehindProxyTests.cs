using System.Net;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.RateLimiting;

/// <summary>
/// A <c>$client.address</c> limit under <c>gateway serve</c> behind a load balancer: with the balancer in
/// Gateway:Forwarding:TrustedProxies each client behind it has its own budget; without it, the balancer is the
/// client, and a forged X-Forwarded-For never buys a new budget.
/// </summary>
public sealed class ClientAddressBehindProxyTests
{
    private const string Config = """
        {
          "rate_limits": { "per-ip": { "key": "$client.address", "algorithm": "fixed_window", "limit": 2, "window_seconds": 3600 } },
          "paths": [ { "method": "GET", "path": "/limited", "rate_limit": "per-ip", "response": { "ok": true } } ]
        }
        """;

    private static async Task<HttpStatusCode> GetAsync(RunningGateway gateway, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/limited");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        using var response = await gateway.Client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Limit_TrustedProxy_EachClientBehindItHasItsOwnBudget()
    {
        await using var gateway = await RunningGateway.StartAsync(Config,
            new Dictionary<string, string?> { ["Gateway:Forwarding:TrustedProxies"] = "127.0.0.1" });

        var alice = new[] { await GetAsync(gateway, "203.0.113.9"), await GetAsync(gateway, "203.0.113.9"), await GetAsync(gateway, "203.0.113.9") };
        var bob = await GetAsync(gateway, "198.51.100.7");
        // A client that prepends a made-up address is still counted as the address the proxy saw.
        var aliceForging = await GetAsync(gateway, "10.9.9.9, 203.0.113.9");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], alice);
        Assert.Equal(HttpStatusCode.OK, bob);
        Assert.Equal(HttpStatusCode.TooManyRequests, aliceForging);
    }

    [Fact]
    public async Task Limit_NoTrustedProxy_ForwardedForIsIgnoredAndThePeerIsTheKey()
    {
        await using var gateway = await RunningGateway.StartAsync(Config);

        var statuses = new[] { await GetAsync(gateway, "203.0.113.9"), await GetAsync(gateway, "198.51.100.7"), await GetAsync(gateway, "192.0.2.1") };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
