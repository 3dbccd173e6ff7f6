using System.Net;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Integration;

/// <summary>Authorization through the real gateway on Kestrel: error codes on the wire, path tricks, CORS, logs.</summary>
public sealed class AuthOverHttpTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _gateway = await RunningGateway.StartAsync($$"""
            {
              "servers": [{ "alias": "svc", "url": "{{_upstream.Url}}/base" }],
              "cors": { "allow_origins": ["https://app.test"], "allow_headers": ["Authorization"], "allow_methods": ["GET"] },
              "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256",
                              "issuer": "{{Tokens.Issuer}}", "audience": "{{Tokens.Audience}}" },
              "paths": [
                { "method": "GET", "path": "/public/{.+}", "integration": { "type": "http_proxy", "server": "svc" } },
                { "method": "GET", "path": "/private", "auth": true, "integration": { "type": "http_proxy", "server": "svc" } }
              ]
            }
            """, new Dictionary<string, string?> { ["JWT_SECRET"] = Tokens.Secret });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    public static TheoryData<string, string, string> BadTokens() => new()
    {
        { Tokens.Hs256(new() { ["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds() }), "ERR_JWT_EXPIRED", "Token has expired." },
        { Tokens.Hs256(secret: "another-secret-another-secret-0123456789"), "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "Signature verification failed" },
        { Tokens.Hs256(new() { ["aud"] = "someone-else" }), "ERR_JWT_CLAIM_VALIDATION_FAILED", "JWT claim validation failed" },
        { Tokens.Unsigned("""{"alg":"none"}""", """{"sub":"x"}"""), "ERR_JOSE_ALG_NOT_ALLOWED", "Algorithm not allowed" },
        { "not-a-jwt", "ERR_JWS_INVALID", "Invalid JWS" },
        { "a.b.c.d.e", "ERR_JWE_INVALID", "Invalid JWE" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Private_BadToken_401WithCodeAndChallenge(string token, string code, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($$"""{"error":"{{message}}","code":"{{code}}"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task Private_ValidToken_Proxied()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private");
        request.Headers.Authorization = new("Bearer", Tokens.Hs256());

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/base/private", (await EchoedRequest.ReadAsync(response)).Path);
    }

    [Fact]
    public async Task Unauthorized_CarriesCorsHeadersForAllowedOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private");
        request.Headers.Add("Origin", "https://app.test");

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("https://app.test", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Unauthorized_ExposesWwwAuthenticateToBrowsers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private");
        request.Headers.Add("Origin", "https://app.test");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not-a-jwt");

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("WWW-Authenticate", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    // Kestrel resolves dot segments, escaped or not, before routing; the gateway refuses them from the raw request
    // target all the same (a server behind it could resolve them differently), so none reaches any route.
    [Theory]
    [InlineData("/public/../private")]
    [InlineData("/public/%2e%2e/private")]
    [InlineData("/public/%2E%2E/private")]
    [InlineData("/public/./../private")]
    public async Task DotSegments_NeverEscapeTheProtectedRoutesAuthorization(string rawPath)
    {
        // HttpClient would resolve the dots itself, so the request line is written by hand.
        var (status, response) = await _gateway.SendRawAsync($"GET {rawPath} HTTP/1.1\r\nHost: gateway.test\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, status);
        Assert.EndsWith("""{"error":"Request path is not valid","code":"ERR_BAD_PATH"}""", response);
        Assert.Empty(_upstream.ReceivedPaths);
    }

    [Fact]
    public async Task Logs_NeverContainTokenOrSecret()
    {
        var token = Tokens.Hs256(new() { ["aud"] = "someone-else" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private?access_token=" + token);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(_gateway.Logs.Lines, l => l.Contains("ERR_JWT_CLAIM_VALIDATION_FAILED", StringComparison.Ordinal));
        Assert.Contains(_gateway.Logs.Lines, l => l.Contains("status=401", StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.Contains(token.Split('.')[2], StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.Contains(Tokens.Secret, StringComparison.Ordinal));
    }
}
