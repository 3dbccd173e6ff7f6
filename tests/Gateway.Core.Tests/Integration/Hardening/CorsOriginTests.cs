using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Integration.Hardening;

/// <summary>Origin patterns through a running gateway: a '*' is DNS labels only, and a malformed Origin gets no CORS headers.</summary>
public sealed class CorsOriginTests : IAsyncLifetime
{
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await RunningGateway.StartAsync("""
        {
          "cors": { "allow_origins": ["https://*.example.org"], "allow_credentials": true, "allow_methods": ["GET"] },
          "paths": [ { "method": "GET", "path": "/data", "response": { "ok": true } } ]
        }
        """);

    public Task DisposeAsync() => _gateway.DisposeAsync().AsTask();

    [Theory]
    [InlineData("https://.example.org")]
    [InlineData("https://evil.com/.example.org")]
    [InlineData("https://evil.com#.example.org")]
    [InlineData("https://<svg>.example.org")]
    [InlineData("https://evil.com?.example.org")]
    [InlineData("null")]
    public async Task Request_OriginOutsideThePattern_NoCorsHeaders(string origin)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Options })
        {
            using var request = new HttpRequestMessage(method, "/data");
            request.Headers.TryAddWithoutValidation("Origin", origin);
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "GET");

            using var response = await _gateway.Client.SendAsync(request);

            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), $"{method} {origin}");
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"), $"{method} {origin}");
        }
    }

    [Fact]
    public async Task Request_SubdomainOrigin_EchoedWithCredentials()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data");
        request.Headers.TryAddWithoutValidation("Origin", "https://app.eu.example.org");

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal("https://app.eu.example.org", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }
}
