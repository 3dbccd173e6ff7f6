using System.Text.Json;
using FunctionGateway.Authorization;
using Microsoft.AspNetCore.Http;
using FunctionGateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.Authorization;

public class JwtAuthorizerTests
{
    private static readonly TestKeys Rsa = TestKeys.NewRsa("rsa-1");
    private static readonly TestKeys Ec = TestKeys.NewEc("ec-1");

    private readonly FakeTimeProvider _time = new(TestTokens.Now);

    private static HttpRequest Request(Action<HttpRequest> setup)
    {
        var context = new DefaultHttpContext();
        setup(context.Request);
        return context.Request;
    }

    [Fact]
    public async Task ValidateAsync_Rs256FromInlineJwks_Succeeds()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.JwksAuthorizer("RS256", TestKeys.Jwks(Rsa)), _time);

        var outcome = await authorizer.ValidateAsync(TestTokens.Rs256(Rsa));

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal("user-1", outcome.Claims!.Value.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task ValidateAsync_Es256FromInlineJwksAsString_Succeeds()
    {
        var jwksAsString = JsonSerializer.Serialize(TestKeys.Jwks(Ec, Rsa));
        var authorizer = TestConfig.Authorizer(TestConfig.JwksAuthorizer("ES256", jwksAsString), _time);

        var outcome = await authorizer.ValidateAsync(TestTokens.Es256(Ec));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task ValidateAsync_JwksKeysWithoutKid_TokenWithKidIsCheckedAgainstThem()
    {
        var jwk = Rsa.Jwk();
        jwk.Remove("kid");
        var jwks = JsonSerializer.Serialize(new Dictionary<string, object> { ["keys"] = new[] { jwk } });
        var authorizer = TestConfig.Authorizer(TestConfig.JwksAuthorizer("RS256", jwks), _time);

        Assert.True((await authorizer.ValidateAsync(TestTokens.Rs256(Rsa))).Succeeded);
        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", (await authorizer.ValidateAsync(TestTokens.Rs256(TestKeys.NewRsa("rsa-1")))).Error!.Code);
    }

    [Theory]
    [InlineData("\"api://payments\"", "the token's 'aud' \"api://payments\" is not one of the authorizer's audiences")]
    [InlineData("[\"a\", \"b\"]", "the token's 'aud' \"a, b\" is not one of the authorizer's audiences")]
    [InlineData(null, "the token has no 'aud' claim; the authorizer requires one of its audiences")]
    public async Task ValidateAsync_WrongAudience_ReasonNamesTheTokensAudience(string? audJson, string reason)
    {
        var authorizer = TestConfig.Authorizer($$"""{"type": "jwt", "secret": "{{TestKeys.Secret}}", "audience": "api://orders"}""", _time);
        var claims = TestTokens.Claims();
        claims.Remove("aud");
        if (audJson is not null)
        {
            claims["aud"] = JsonDocument.Parse(audJson).RootElement;
        }

        var outcome = await authorizer.ValidateAsync(TestTokens.Hs256(claims));

        Assert.Equal(("ERR_JWT_CLAIM_VALIDATION_FAILED", reason), (outcome.Error?.Code, outcome.Reason));
    }

    [Fact]
    public async Task ValidateAsync_IssuerList_AcceptsAnyListedIssuer()
    {
        var authorizer = TestConfig.Authorizer(
            $$"""{"type": "jwt", "secret": "{{TestKeys.Secret}}", "issuer": ["https://a.test", "https://issuer.test"]}""", _time);

        Assert.True((await authorizer.ValidateAsync(TestTokens.Hs256())).Succeeded);
    }

    [Fact]
    public async Task ValidateAsync_RequireExpirationFalse_AcceptsTokenWithoutExp()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(""", "require_expiration": false"""), _time);
        var claims = TestTokens.Claims();
        claims.Remove("exp");

        Assert.True((await authorizer.ValidateAsync(TestTokens.Hs256(claims))).Succeeded);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task ValidateAsync_ClockSkew_ToleratesExpiryWithinSkew(int secondsPastExpiry, bool accepted)
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(""", "clock_skew_seconds": 30"""), _time);
        var token = TestTokens.Hs256();
        _time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(secondsPastExpiry));

        Assert.Equal(accepted, (await authorizer.ValidateAsync(token)).Succeeded);
    }

    [Fact]
    public async Task ValidateAsync_MaxLifetimeWithoutIatOrNbf_ClaimValidationFailed()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(""", "max_lifetime_seconds": 3600"""), _time);
        var claims = TestTokens.Claims();
        claims.Remove("iat");

        var outcome = await authorizer.ValidateAsync(TestTokens.Hs256(claims));

        Assert.Equal("ERR_JWT_CLAIM_VALIDATION_FAILED", outcome.Error!.Code);
        Assert.Contains("max_lifetime_seconds", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeAsync_NoToken_TokenMissingNamingEverySource()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(
            """, "token_sources": [{"header": "X-Token"}, {"query": "access_token"}, {"cookie": "session"}]"""), _time);

        var outcome = await authorizer.AuthorizeAsync(Request(_ => { }));

        Assert.Equal(("AUTH_ERROR", "No token provided or token format is invalid."), (outcome.Error!.Code, outcome.Error.Message));
        Assert.False(outcome.TokenPresented);
        Assert.Equal("no token in the 'X-Token' header or the query parameter 'access_token' or the cookie 'session'", outcome.Reason);
    }

    [Theory]
    [InlineData("header")]
    [InlineData("query")]
    [InlineData("cookie")]
    public async Task AuthorizeAsync_EachTokenSource_ReadsTheToken(string source)
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(
            """, "token_sources": [{"header": "X-Token", "prefix": "Token "}, {"query": "access_token"}, {"cookie": "session"}]"""), _time);
        var token = TestTokens.Hs256();

        var outcome = await authorizer.AuthorizeAsync(Request(r =>
        {
            switch (source)
            {
                case "header": r.Headers["X-Token"] = $"token {token}"; break;
                case "query": r.QueryString = new QueryString($"?access_token={token}"); break;
                default: r.Headers.Cookie = $"session={token}"; break;
            }
        }));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task AuthorizeAsync_FirstPresentSourceWins_EvenWhenALaterOneHoldsAGoodToken()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(
            """, "token_sources": [{"query": "access_token"}, {"header": "Authorization", "prefix": "Bearer "}]"""), _time);

        var outcome = await authorizer.AuthorizeAsync(Request(r =>
        {
            r.QueryString = new QueryString("?access_token=not-a-jwt");
            r.Headers.Authorization = $"Bearer {TestTokens.Hs256()}";
        }));

        Assert.Equal("ERR_JWS_INVALID", outcome.Error!.Code);
    }

    [Theory]
    [InlineData("Bearer", false)]
    [InlineData("Bearer ", false)]
    [InlineData("Bearertoken", false)]
    [InlineData("Basic dXNlcjpwYXNz", false)]
    [InlineData("bearer {0}", true)]
    [InlineData("Bearer   {0}  ", true)]
    public async Task AuthorizeAsync_DefaultSource_OnlyTheBearerScheme(string header, bool accepted)
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);

        var outcome = await authorizer.AuthorizeAsync(Request(r => r.Headers.Authorization = string.Format(
            System.Globalization.CultureInfo.InvariantCulture, header, TestTokens.Hs256())));

        Assert.Equal(accepted, outcome.Succeeded);
        Assert.Equal(accepted, outcome.TokenPresented);
    }

    [Fact]
    public async Task ValidateAsync_TokenSeenOnce_IsNotCached()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);

        Assert.True((await authorizer.ValidateAsync(TestTokens.Hs256())).Succeeded);

        Assert.Equal(0, authorizer.Cache.Count);
    }

    [Fact]
    public async Task ValidateAsync_SameTokenThrice_ThirdComesFromTheCache()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);
        var token = TestTokens.Hs256();

        var first = await authorizer.ValidateAsync(token);
        var second = await authorizer.ValidateAsync(token);
        var third = await authorizer.ValidateAsync(token);

        Assert.True(first.Succeeded);
        Assert.NotSame(first, second);
        Assert.Same(second, third);
        Assert.Equal(1, authorizer.Cache.Count);
    }

    [Fact]
    public async Task AuthorizeAsync_SameBearerTokenInAnotherSpelling_ComesFromTheCache()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);
        var token = TestTokens.Hs256();
        await authorizer.ValidateAsync(token);
        var kept = await authorizer.ValidateAsync(token);

        var first = await authorizer.AuthorizeAsync(Request(r => r.Headers.Authorization = $"Bearer {token}"));
        var second = await authorizer.AuthorizeAsync(Request(r => r.Headers.Authorization = $"bearer  {token} "));

        Assert.True(kept.Succeeded, kept.Reason);
        Assert.Same(kept, first);
        Assert.Same(kept, second);
        Assert.Equal(1, authorizer.Cache.Count);
    }

    [Fact]
    public async Task AuthorizeAsync_CachedTokenWithACharacterMore_IsCheckedAgainAndRefused()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);
        var token = TestTokens.Hs256();
        await authorizer.ValidateAsync(token);
        Assert.True((await authorizer.AuthorizeAsync(Request(r => r.Headers.Authorization = $"Bearer {token}"))).Succeeded);
        Assert.Equal(1, authorizer.Cache.Count);

        var outcome = await authorizer.AuthorizeAsync(Request(r => r.Headers.Authorization = $"Bearer {token}x"));

        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", outcome.Error!.Code);
    }

    [Fact]
    public async Task ValidateAsync_CachedToken_NeverOutlivesExp()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);
        var token = TestTokens.Hs256(TestTokens.Claims(TimeSpan.FromMinutes(2)));
        await authorizer.ValidateAsync(token);
        Assert.True((await authorizer.ValidateAsync(token)).Succeeded);
        Assert.Equal(1, authorizer.Cache.Count);

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("ERR_JWT_EXPIRED", (await authorizer.ValidateAsync(token)).Error!.Code);
    }

    [Fact]
    public async Task ValidateAsync_CachedToken_RecheckedAfterMaxAge()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);
        var token = TestTokens.Hs256();
        await authorizer.ValidateAsync(token);
        var kept = await authorizer.ValidateAsync(token);
        Assert.Same(kept, await authorizer.ValidateAsync(token));

        _time.Advance(ValidatedTokenCache.MaxAge);
        var later = await authorizer.ValidateAsync(token);

        Assert.True(later.Succeeded);
        Assert.NotSame(kept, later);
    }

    [Fact]
    public async Task ValidateAsync_RejectedToken_IsNotCached()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);

        await authorizer.ValidateAsync(TestTokens.Hs256(secret: "another-secret-that-is-32-bytes-long!"));

        Assert.Equal(0, authorizer.Cache.Count);
    }

    [Fact]
    public async Task ValidateAsync_KeysChange_CacheIsFlushed()
    {
        var (config, _) = TestConfig.Read($$"""{"authorizer": {{TestConfig.JwksAuthorizer("RS256", TestKeys.Jwks(Rsa))}}, "paths": []}""");
        var keys = new SwitchableKeySource(TestKeys.Jwks(Rsa));
        var authorizer = new JwtAuthorizer(config.Authorizer!, keys, _time);
        var token = TestTokens.Rs256(Rsa);
        await authorizer.ValidateAsync(token);
        Assert.True((await authorizer.ValidateAsync(token)).Succeeded);
        Assert.Equal(1, authorizer.Cache.Count);

        keys.Publish(TestKeys.Jwks(TestKeys.NewRsa("rsa-2")));
        var outcome = await authorizer.ValidateAsync(token);

        Assert.Equal("ERR_JWKS_NO_MATCHING_KEY", outcome.Error!.Code);
        Assert.Equal(0, authorizer.Cache.Count);
    }

    /// <summary>A key source whose keys the test replaces, as an identity provider's rotation would.</summary>
    private sealed class SwitchableKeySource(string jwks) : ISigningKeySource
    {
        private KeySet _keys = Parse(jwks);

        public void Publish(string jwks) => _keys = Parse(jwks);

        public ValueTask<KeySet> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);

        public ValueTask<KeySet> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);

        public KeySourceState State => new("jwks", null, _keys.Keys.Count, null, null);

        private static KeySet Parse(string jwks) =>
            new([.. new Microsoft.IdentityModel.Tokens.JsonWebKeySet(jwks).GetSigningKeys()], selectByKeyId: true);
    }
}
