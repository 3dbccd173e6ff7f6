using FunctionGateway.Tooling.Diagnostics;

namespace FunctionGateway.Tooling.Tests.Diagnostics;

/// <summary>Explain against a loopback identity provider: keys fetched as the gateway fetches them, or not at all offline.</summary>
public class RemoteKeyExplainTests
{
    private static readonly TestKeys Rsa1 = TestKeys.NewRsa("rsa-1");
    private static readonly TestKeys Rsa2 = TestKeys.NewRsa("rsa-2");

    private static string Config(string keySource, string uri, string issuer = "\"issuer\": \"https://issuer.test\",") => $$$"""
        {
          "authorizer": {"type": "jwt", "algorithm": "RS256", "{{{keySource}}}": "{{{uri}}}", {{{issuer}}} "audience": "api://orders"},
          "paths": [{"method": "GET", "path": "/orders", "auth": true, "response": {"ok": true}}]
        }
        """;

    private static Task<Explanation> Explain(string config, string token, bool offline = false) =>
        ExplainFixture.ExplainAsync(config, new ExplainRequest { Path = "/orders", Token = token }, offline);

    [Fact]
    public async Task Explain_JwksUri_KeyFoundByKidAndVerified()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1, Rsa2);

        var explanation = await Explain(Config("jwks_uri", idp.JwksUri), TestTokens.Rs256(Rsa2));

        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
        Assert.Equal(("a 'kid' of the set (rsa-1, rsa-2)", "kid \"rsa-2\""), (explanation.Check("key").Expected, explanation.Check("key").Actual));
        Assert.Equal("verified with key \"rsa-2\"", explanation.Check("signature").Actual);
        Assert.Contains($"jwks_uri {idp.JwksUri}, 2 key(s)", explanation.Authorizers.Single().Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_KidNotInJwks_NoMatchingKeyAfterARefresh()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);

        var explanation = await Explain(Config("jwks_uri", idp.JwksUri), TestTokens.Rs256(Rsa2));

        var key = explanation.Check("key");
        Assert.Equal((CheckStatus.Failed, "ERR_JWKS_NO_MATCHING_KEY"), (key.Status, key.Error?.Code));
        Assert.Equal("ERR_JWKS_NO_MATCHING_KEY", explanation.Answer.Error?.Code);
        Assert.Equal(CheckStatus.NotRun, explanation.Check("signature").Status);
        Assert.Empty(explanation.Disagreements);
    }

    [Fact]
    public async Task Explain_Discovery_IssuerFromTheDocument()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        var claims = TestTokens.Claims();
        claims["iss"] = idp.BaseUrl;

        var explanation = await Explain(Config("openid_configuration_uri", idp.DiscoveryUri, issuer: ""), TestTokens.Rs256(Rsa1, claims));

        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
        Assert.Equal($"\"{idp.BaseUrl}\"", explanation.Check("iss").Expected);
    }

    [Fact]
    public async Task Explain_ProviderDown_JwksInvalidWithTheFetchFailure()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);
        idp.Down = true;

        var explanation = await Explain(Config("jwks_uri", idp.JwksUri), TestTokens.Rs256(Rsa1));

        var key = explanation.Check("key");
        Assert.Equal("ERR_JWKS_INVALID", key.Error?.Code);
        Assert.StartsWith($"the keys at {idp.JwksUri} could not be fetched", key.Actual, StringComparison.Ordinal);
        Assert.Equal("ERR_JWKS_INVALID", explanation.Answer.Error?.Code);
    }

    [Fact]
    public async Task Explain_OfflineWithGoodToken_UndeterminedAndNothingFetched()
    {
        await using var idp = await LoopbackIdentityProvider.StartAsync(Rsa1);

        var explanation = await Explain(Config("jwks_uri", idp.JwksUri), TestTokens.Rs256(Rsa1), offline: true);

        Assert.Equal(ExplainVerdict.Undetermined, explanation.Verdict);
        Assert.Equal(0, idp.JwksRequests);
        Assert.Equal((CheckStatus.NotRun, $"offline: the keys at {idp.JwksUri} were not fetched"), (explanation.Check("key").Status, explanation.Check("key").Note));
        Assert.Equal(CheckStatus.NotRun, explanation.Check("signature").Status);
        Assert.Equal(CheckStatus.Passed, explanation.Check("aud").Status);
        Assert.Contains(explanation.Notes, n => n.StartsWith("offline: the verdict depends on the key and signature checks of 'authorizer'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_OfflineWithExpiredToken_RefusedButNotExact()
    {
        var claims = TestTokens.Claims();
        claims["exp"] = TestTokens.Now.AddMinutes(-1).ToUnixTimeSeconds();

        var explanation = await Explain(Config("jwks_uri", "http://127.0.0.1:9/keys"), TestTokens.Rs256(Rsa1, claims), offline: true);

        Assert.Equal((ExplainVerdict.Refused, false), (explanation.Verdict, explanation.AnswerIsExact));
        Assert.Contains(explanation.Notes, n => n.Contains("ERR_JWT_EXPIRED unless the signature check", StringComparison.Ordinal));
    }
}
