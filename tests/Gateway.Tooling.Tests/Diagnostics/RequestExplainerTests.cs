using FunctionGateway.Tooling.Diagnostics;

namespace FunctionGateway.Tooling.Tests.Diagnostics;

public class RequestExplainerTests
{
    private static Dictionary<string, object> With(string claim, object value)
    {
        var claims = TestTokens.Claims();
        claims[claim] = value;
        return claims;
    }

    [Theory]
    [InlineData("/old", "static 301")]
    [InlineData("/health", "static")]
    [InlineData("/users/7", "users -> https://u.example.com/v1 /api/users/{id} (as POST)")]
    [InlineData("/files/a", "files -> https://f.example.com")]
    public async Task Explain_Integration_DescribedAsTheRoutesCommandDoes(string path, string expected)
    {
        const string Config = """
            { "servers": [{ "alias": "users", "url": "https://u.example.com/v1" }, { "alias": "files", "url": "https://f.example.com" }],
              "paths": [
                { "method": "GET", "path": "/old", "integration": { "type": "static", "status": 301, "headers": { "Location": "https://example.com/new" } } },
                { "method": "GET", "path": "/health", "response": { "ok": true } },
                { "method": "GET", "path": "/users/{id}", "integration": { "type": "http_proxy", "server": "users", "path": "/api/users/{id}", "method": "POST" } },
                { "method": "GET", "path": "/files/{.+}", "integration": { "type": "http_proxy", "server": "files" } } ] }
            """;

        var explanation = await ExplainFixture.ExplainAsync(Config, new ExplainRequest { Method = "GET", Path = path }, offline: true);

        Assert.Equal(expected, explanation.Integration);
    }

    [Fact]
    public async Task Explain_ValidToken_AllowedAndEveryCheckPasses()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256());

        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
        Assert.True(explanation.Answer.PassedThrough);
        Assert.Equal("GET /orders", explanation.Route);
        Assert.All(explanation.Authorizers.Single().Checks, c => Assert.Equal(CheckStatus.Passed, c.Status));
        Assert.Equal("'Authorization: Bearer' header", explanation.TokenPlacement);
        Assert.Empty(explanation.Disagreements);
    }

    [Theory]
    [InlineData("exp", "ERR_JWT_EXPIRED")]
    [InlineData("aud", "ERR_JWT_CLAIM_VALIDATION_FAILED")]
    [InlineData("iss", "ERR_JWT_CLAIM_VALIDATION_FAILED")]
    [InlineData("sub", null)]
    [InlineData("nbf", "ERR_JWT_CLAIM_VALIDATION_FAILED")]
    [InlineData("iat", "ERR_JWT_CLAIM_VALIDATION_FAILED")]
    public async Task Explain_OneBadClaim_FailsThatCheckWithTheEnginesCode(string claim, string? code)
    {
        object value = claim switch
        {
            "exp" => TestTokens.Now.AddMinutes(-5).ToUnixTimeSeconds(),
            "nbf" or "iat" => TestTokens.Now.AddMinutes(5).ToUnixTimeSeconds(),
            _ => "https://other.test",
        };

        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(With(claim, value)));

        var check = explanation.Check(claim);
        if (code is null)
        {
            // No subject is configured: any sub passes.
            Assert.Equal((CheckStatus.Passed, ExplainVerdict.Allowed), (check.Status, explanation.Verdict));
            return;
        }

        Assert.Equal((CheckStatus.Failed, code), (check.Status, check.Error?.Code));
        Assert.Equal((ExplainVerdict.Refused, 401, code), (explanation.Verdict, explanation.Answer.Status, explanation.Answer.Error?.Code));
        Assert.Empty(explanation.Disagreements);
    }

    [Fact]
    public async Task Explain_ExpiredAndWrongAudience_ReportsBothAndTheEngineAnswersTheFirst()
    {
        var claims = With("aud", "api://payments");
        claims["exp"] = TestTokens.Now.AddHours(-1).ToUnixTimeSeconds();

        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(claims));

        Assert.Equal(CheckStatus.Failed, explanation.Check("aud").Status);
        Assert.Equal(CheckStatus.Failed, explanation.Check("exp").Status);
        Assert.Equal("ERR_JWT_CLAIM_VALIDATION_FAILED", explanation.Answer.Error?.Code);
        Assert.Empty(explanation.Disagreements);
    }

    [Fact]
    public async Task Explain_IssuerWithTrailingSlash_NotesTheSlash()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(With("iss", "https://issuer.test/")));

        var check = explanation.Check("iss");
        Assert.Equal(("\"https://issuer.test\"", "\"https://issuer.test/\""), (check.Expected, check.Actual));
        Assert.Equal("differs from \"https://issuer.test\" only by a trailing '/': the comparison is exact", check.Note);
    }

    [Fact]
    public async Task Explain_AudienceWithoutApiPrefix_NotesTheApplicationIdForms()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(With("aud", "orders")));

        Assert.Contains("with and without 'api://'", explanation.Check("aud").Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_WrongSecret_SignatureFails()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(secret: "another-secret-of-at-least-32-bytes-long!"));

        var check = explanation.Check("signature");
        Assert.Equal((CheckStatus.Failed, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"), (check.Status, check.Error?.Code));
        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", explanation.Answer.Error?.Code);
        Assert.Empty(explanation.Disagreements);
    }

    [Fact]
    public async Task Explain_Hs384TokenOnHs256Authorizer_AlgorithmFails()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(alg: "HS384"));

        var check = explanation.Check("algorithm");
        Assert.Equal(("one of HS256", "HS384", "ERR_JOSE_ALG_NOT_ALLOWED"), (check.Expected, check.Actual, check.Error?.Code));
        Assert.Equal("ERR_JOSE_ALG_NOT_ALLOWED", explanation.Answer.Error?.Code);
    }

    [Fact]
    public async Task Explain_NoToken_TokenSourceFailsAndChallengeIsBare()
    {
        var explanation = await ExplainFixture.ExplainAsync(token: null);

        var check = explanation.Check("token source");
        Assert.Equal(("no 'Authorization' header", "AUTH_ERROR"), (check.Actual, check.Error?.Code));
        Assert.Equal((401, "Bearer"), (explanation.Answer.Status, explanation.Answer.WwwAuthenticate));
        Assert.Single(explanation.Authorizers.Single().Checks);
    }

    [Fact]
    public async Task Explain_TokenWithoutBearerPrefix_SaysToAddThePrefix()
    {
        var request = new ExplainRequest { Path = "/orders", Headers = [KeyValuePair.Create("Authorization", TestTokens.Hs256())] };

        var explanation = await ExplainFixture.ExplainAsync(ExplainFixture.Config(), request);

        Assert.Equal("'Authorization' does not start with 'Bearer' (it holds a bare token: add the prefix)", explanation.Check("token source").Actual);
        Assert.Equal("AUTH_ERROR", explanation.Answer.Error?.Code);
    }

    [Fact]
    public async Task Explain_NotAJwt_TokenFormatFailsWithJwsInvalid()
    {
        var explanation = await ExplainFixture.ExplainAsync("not-a-jwt");

        var check = explanation.Check("token format");
        Assert.Equal(("the token has 1 parts; a signed JWT has three separated by dots", "ERR_JWS_INVALID"), (check.Actual, check.Error?.Code));
        Assert.Equal("ERR_JWS_INVALID", explanation.Answer.Error?.Code);
    }

    [Fact]
    public async Task Explain_ClaimRuleFails_403WithInsufficientScope()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(With("scope", "orders:read")), "/admin-area/x");

        var rule = Assert.Single(explanation.ClaimRules);
        Assert.Equal((CheckStatus.Failed, "\"orders:read\""), (rule.Status, rule.Actual));
        Assert.Equal((403, "ERR_INSUFFICIENT_SCOPE"), (explanation.Answer.Status, explanation.Answer.Error?.Code));
        Assert.StartsWith("Bearer error=\"insufficient_scope\"", explanation.Answer.WwwAuthenticate, StringComparison.Ordinal);
        Assert.Empty(explanation.Disagreements);
    }

    [Fact]
    public async Task Explain_ClaimRulePasses_Allowed()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256(With("scope", "orders:read orders:admin")), "/admin-area/x");

        Assert.Equal(CheckStatus.Passed, Assert.Single(explanation.ClaimRules).Status);
        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
    }

    [Fact]
    public async Task Explain_MaxLifetimeExceeded_LifetimeFails()
    {
        var config = ExplainFixture.Config(""", "max_lifetime_seconds": 600""");

        var explanation = await ExplainFixture.ExplainAsync(config, new ExplainRequest { Path = "/orders", Token = TestTokens.Hs256() });

        var check = explanation.Check("lifetime");
        Assert.Equal(("at most 600 s (max_lifetime_seconds)", "1800 s (exp - iat)"), (check.Expected, check.Actual));
        Assert.Equal("ERR_JWT_CLAIM_VALIDATION_FAILED", explanation.Answer.Error?.Code);
    }

    [Fact]
    public async Task Explain_ClockSkewCoversALateClock_Allowed()
    {
        var config = ExplainFixture.Config(""", "clock_skew_seconds": 120""");
        var token = TestTokens.Hs256(With("exp", TestTokens.Now.AddSeconds(-60).ToUnixTimeSeconds()));

        var explanation = await ExplainFixture.ExplainAsync(config, new ExplainRequest { Path = "/orders", Token = token });

        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
        Assert.Contains("clock_skew_seconds", explanation.Check("exp").Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_AtMovesTheClock_TheEngineUsesIt()
    {
        var explanation = await ExplainFixture.ExplainAsync(ExplainFixture.Config(),
            new ExplainRequest { Path = "/orders", Token = TestTokens.Hs256() }, at: TestTokens.Now.AddHours(1));

        Assert.Equal("ERR_JWT_EXPIRED", explanation.Answer.Error?.Code);
        Assert.Equal(TestTokens.Now.AddHours(1), explanation.Clock);
    }

    [Fact]
    public async Task Explain_TokenForAHeaderAlsoGiven_IsBadInput()
    {
        var request = new ExplainRequest { Path = "/orders", Token = TestTokens.Hs256(), Headers = [KeyValuePair.Create("authorization", "Bearer x")] };

        var error = await Assert.ThrowsAsync<DiagnosticInputException>(() => ExplainFixture.ExplainAsync(ExplainFixture.Config(), request));

        Assert.Equal("the token goes in the 'Authorization' header, which the request already sets with --header; give one or the other", error.Message);
    }

    [Fact]
    public async Task Explain_CustomTokenSource_TokenPlacedThere()
    {
        var config = ExplainFixture.Config(""", "token_sources": [{"cookie": "access"}]""");

        var explanation = await ExplainFixture.ExplainAsync(config, new ExplainRequest { Path = "/orders", Token = TestTokens.Hs256() });

        Assert.Equal("cookie 'access'", explanation.TokenPlacement);
        Assert.Equal("found in the cookie 'access' (token_sources[0])", explanation.Check("token source").Actual);
        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
    }

    [Fact]
    public async Task Explain_SecretDescribedByLengthAndReference_NeverByValue()
    {
        var explanation = await ExplainFixture.ExplainAsync(TestTokens.Hs256());

        var key = explanation.Check("key");
        Assert.Equal($"secret, {TestKeys.Secret.Length} bytes, from $secret.JWT_SECRET (app settings and environment variables)", key.Actual);
        Assert.DoesNotContain(TestKeys.Secret, explanation.Authorizers.Single().Summary, StringComparison.Ordinal);
    }

    private static string TwoAuthorizers(string partnersAudience) => $$$"""
        {
          "authorizers": [
            {"name": "internal", "type": "jwt", "secret": "another-secret-of-at-least-32-bytes-long!", "token_sources": [{"header": "X-Internal-Token"}]},
            {"name": "partners", "type": "jwt", "secret": "$secret.JWT_SECRET", "audience": "{{{partnersAudience}}}"}
          ],
          "paths": [{"method": "GET", "path": "/orders", "auth": ["internal", "partners"], "response": {"ok": true}}]
        }
        """;

    private static readonly ExplainRequest BearerRequest = new() { Path = "/orders", Headers = [KeyValuePair.Create("Authorization", "Bearer " + TestTokens.Hs256())] };

    [Fact]
    public async Task Explain_SecondOfTwoAuthorizersAccepts_AllowedWithBothReported()
    {
        var explanation = await ExplainFixture.ExplainAsync(TwoAuthorizers("api://orders"), BearerRequest);

        Assert.Equal(ExplainVerdict.Allowed, explanation.Verdict);
        Assert.Equal(["internal", "partners"], explanation.RouteAuthorizers);
        Assert.Equal(("no 'X-Internal-Token' header", "AUTH_ERROR"), (explanation.Authorizers[0].Checks[0].Actual, explanation.Authorizers[0].EngineError?.Code));
        Assert.Null(explanation.Authorizers[1].EngineError);
        Assert.Empty(explanation.Disagreements);
    }

    [Fact]
    public async Task Explain_NeitherOfTwoAuthorizersAccepts_TheCodeOfTheOneThatFoundAToken()
    {
        var explanation = await ExplainFixture.ExplainAsync(TwoAuthorizers("api://payments"), BearerRequest);

        Assert.Equal((401, "ERR_JWT_CLAIM_VALIDATION_FAILED"), (explanation.Answer.Status, explanation.Answer.Error?.Code));
        Assert.Empty(explanation.Disagreements);
    }
}
