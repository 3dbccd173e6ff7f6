using System.Net;
using System.Text.Json;
using FunctionGateway.Tests.Authorization;
using FunctionGateway.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using FunctionGateway.Engine;

namespace FunctionGateway.Tests.Integration.Jwt;

/// <summary>The gateway against a loopback identity provider: remote keys, discovery, rotation, outage, claim rules.</summary>
public class JwtGatewayTests
{
    private static readonly TestKeys Rsa1 = TestKeys.NewRsa("rsa-1");
    private static readonly TestKeys Rsa2 = TestKeys.NewRsa("rsa-2");
    private static readonly TestKeys Ec1 = TestKeys.NewEc("ec-1");

    // The gateway checks times against the real clock here, so tokens are minted around now.
    private static Dictionary<string, object> Claims(string issuer = "https://issuer.test", string? scope = null)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = "api://orders",
            ["sub"] = "user-1",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        if (scope is not null)
        {
            claims["scope"] = scope;
        }

        return claims;
    }

    private static string Config(string authorizer, string extraPaths = "") => $$$"""
        {
          "authorizer": {{{authorizer}}},
          "paths": [
            {"method": "GET", "path": "/orders", "auth": true, "response": {"ok": true}}{{{extraPaths}}}
          ]
        }
        """;

    private static string RemoteAuthorizer(string key, string uri, string algorithm = "RS256", string issuer = "\"issuer\": \"https://issuer.test\",") =>
        $$"""{"type": "jwt", "algorithm": "{{algorithm}}", "{{key}}": "{{uri}}", {{issuer}} "audience": "api://orders"}""";

    private static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((status, code), (response.StatusCode, body.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Rs256_ViaJwksUri_AcceptedAndKeysFetchedOnce()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        await using var gateway = await RunningGateway.StartAsync(Config(RemoteAuthorizer("jwks_uri", idp.JwksUri)));

        for (var i = 0; i < 5; i++)
        {
            var response = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, idp.JwksRequests);
    }

    [Fact]
    public async Task Es256_ViaDiscovery_IssuerComesFromTheDiscoveryDocument()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Ec1);
        await using var gateway = await RunningGateway.StartAsync(Config(RemoteAuthorizer("openid_configuration_uri", idp.DiscoveryUri, "ES256", issuer: "")));

        var accepted = await gateway.GetAsync("/orders", TestTokens.Es256(Ec1, Claims(issuer: idp.BaseUrl)));
        var otherIssuer = await gateway.GetAsync("/orders", TestTokens.Es256(Ec1, Claims(issuer: "https://evil.test")));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertError(otherIssuer, HttpStatusCode.Unauthorized, "ERR_JWT_CLAIM_VALIDATION_FAILED");
        Assert.Equal(1, idp.JwksRequests);
    }

    [Fact]
    public async Task KeyRotation_NewKid_PickedUpWithoutRestart()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        await using var gateway = await RunningGateway.StartAsync(Config(RemoteAuthorizer("jwks_uri", idp.JwksUri)));
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()))).StatusCode);

        idp.Publish(Rsa2);
        var rotated = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa2, Claims()));

        Assert.True(rotated.StatusCode == HttpStatusCode.OK, rotated.Headers.WwwAuthenticate.ToString());
        Assert.Equal(2, idp.JwksRequests);
    }

    [Fact]
    public async Task UnknownKid_AfterOneRefresh_NoMatchingKeyAndRefreshIsThrottled()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        await using var gateway = await RunningGateway.StartAsync(Config(RemoteAuthorizer("jwks_uri", idp.JwksUri)));
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()))).StatusCode);

        var first = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa2, Claims()));
        var second = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa2, Claims(), kid: "rsa-3"));

        await AssertError(first, HttpStatusCode.Unauthorized, "ERR_JWKS_NO_MATCHING_KEY");
        await AssertError(second, HttpStatusCode.Unauthorized, "ERR_JWKS_NO_MATCHING_KEY");
        Assert.StartsWith("Bearer error=\"invalid_token\"", first.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        // The first fetch, then one refresh for the unknown kid; the second unknown kid is inside jwks_refresh_min_seconds.
        Assert.Equal(2, idp.JwksRequests);
    }

    [Fact]
    public async Task JwksOutage_LastGoodKeysKeepWorkingAndTheLogSaysSo()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        await using var gateway = await RunningGateway.StartAsync(Config(RemoteAuthorizer("jwks_uri", idp.JwksUri)));
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()))).StatusCode);

        idp.Down = true;
        var unknown = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa2, Claims()));
        var known = await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims()));

        await AssertError(unknown, HttpStatusCode.Unauthorized, "ERR_JWKS_NO_MATCHING_KEY");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains(gateway.Logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal)
            && l.Contains("Authorizer authorizer: could not fetch keys from " + idp.JwksUri, StringComparison.Ordinal)
            && l.Contains("keeping the last keys fetched", StringComparison.Ordinal));
        var state = gateway.Services.GetRequiredService<GatewayRuntimeHolder>().Current!.Authorizers.Single().KeyState;
        Assert.Equal(("jwks_uri", idp.JwksUri.ToString(), 1), (state.Kind, state.Address, state.KeyCount));
        Assert.NotNull(state.LastFetchedAt);
        Assert.NotNull(state.LastFailure);
    }

    [Fact]
    public async Task JwksNeverFetched_JwksInvalid()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        idp.Down = true;
        await using var gateway = await RunningGateway.StartAsync(Config(RemoteAuthorizer("jwks_uri", idp.JwksUri)));

        await AssertError(await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims())), HttpStatusCode.Unauthorized, "ERR_JWKS_INVALID");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"keys": "none"}""")]
    [InlineData("""{"keys": []}""")]
    public async Task JwksNotAKeySet_JwksInvalid(string jwks)
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync();
        idp.PublishRaw(jwks);
        await using var gateway = await RunningGateway.StartAsync(Config(RemoteAuthorizer("jwks_uri", idp.JwksUri)));

        await AssertError(await gateway.GetAsync("/orders", TestTokens.Rs256(Rsa1, Claims())), HttpStatusCode.Unauthorized, "ERR_JWKS_INVALID");
    }

    [Fact]
    public async Task NoToken_401WithBareBearerChallenge()
    {
        await using var gateway = await RunningGateway.StartAsync(Config(TestConfig.Hs256Authorizer()));

        var response = await gateway.GetAsync("/orders", null);

        await AssertError(response, HttpStatusCode.Unauthorized, "AUTH_ERROR");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task ClaimRules_Failing_403InsufficientScopeWithJsonBody()
    {
        const string rules = """
            , {"method": "POST", "path": "/orders", "auth": true, "response": {"ok": true},
               "authorization": {"require_all": [{"claim": "scope", "values": ["orders:write"]}]}}
            """;
        await using var gateway = await RunningGateway.StartAsync(Config(
            $$"""{"type": "jwt", "secret": "{{TestKeys.Secret}}", "issuer": "https://issuer.test", "audience": "api://orders"}""", rules));

        using var denied = new HttpRequestMessage(HttpMethod.Post, "/orders");
        denied.Headers.Authorization = new("Bearer", TestTokens.Hs256(Claims(scope: "orders:read")));
        var deniedResponse = await gateway.Client.SendAsync(denied);
        using var allowed = new HttpRequestMessage(HttpMethod.Post, "/orders");
        allowed.Headers.Authorization = new("Bearer", TestTokens.Hs256(Claims(scope: "orders:read orders:write")));
        var allowedResponse = await gateway.Client.SendAsync(allowed);
        // The same token is valid on a route without rules: rules are per route, not per token.
        var readResponse = await gateway.GetAsync("/orders", TestTokens.Hs256(Claims(scope: "orders:read")));

        Assert.Equal(HttpStatusCode.Forbidden, deniedResponse.StatusCode);
        Assert.Equal("""{"error":"Token does not grant access to this route","code":"ERR_INSUFFICIENT_SCOPE"}""",
            await deniedResponse.Content.ReadAsStringAsync());
        Assert.StartsWith("Bearer error=\"insufficient_scope\"", deniedResponse.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);
    }

    [Fact]
    public async Task SeveralAuthorizers_TokenOfAnyOneIsAccepted()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        await using var gateway = await RunningGateway.StartAsync($$$"""
            {
              "authorizers": [
                {"name": "internal", "type": "jwt", "secret": "{{{TestKeys.Secret}}}"},
                {"name": "partners", "type": "jwt", "algorithm": "RS256", "jwks_uri": "{{{idp.JwksUri}}}",
                 "token_sources": [{"header": "X-Partner-Token"}]}
              ],
              "paths": [
                {"method": "GET", "path": "/orders", "auth": ["internal", "partners"], "response": {"ok": true}},
                {"method": "GET", "path": "/internal", "auth": "internal", "response": {"ok": true}}
              ]
            }
            """);

        var internalToken = await gateway.GetAsync("/orders", TestTokens.Hs256(Claims()));
        using var partner = new HttpRequestMessage(HttpMethod.Get, "/orders");
        partner.Headers.Add("X-Partner-Token", TestTokens.Rs256(Rsa1, Claims()));
        var partnerToken = await gateway.Client.SendAsync(partner);
        using var partnerOnInternal = new HttpRequestMessage(HttpMethod.Get, "/internal");
        partnerOnInternal.Headers.Add("X-Partner-Token", TestTokens.Rs256(Rsa1, Claims()));
        var partnerOnInternalResponse = await gateway.Client.SendAsync(partnerOnInternal);
        var forged = await gateway.GetAsync("/orders", TestTokens.Hs256(Claims(), secret: "another-secret-that-is-32-bytes-long!"));

        Assert.Equal(HttpStatusCode.OK, internalToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, partnerToken.StatusCode);
        await AssertError(partnerOnInternalResponse, HttpStatusCode.Unauthorized, "AUTH_ERROR");
        await AssertError(forged, HttpStatusCode.Unauthorized, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Fact]
    public async Task QueryTokenSource_AcceptsTokenFromTheQuery()
    {
        await using var gateway = await RunningGateway.StartAsync(Config(
            $$"""{"type": "jwt", "secret": "{{TestKeys.Secret}}", "token_sources": [{"query": "access_token"}]}"""));

        var response = await gateway.GetAsync($"/orders?access_token={TestTokens.Hs256(Claims())}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
