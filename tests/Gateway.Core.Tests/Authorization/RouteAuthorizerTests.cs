using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Engine;
using FunctionGateway.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.Authorization;

public class RouteAuthorizerTests
{
    private readonly FakeTimeProvider _time = new(TestTokens.Now);

    private RouteAuthorizer TwoAuthorizers(AuthorizationConfig? rules = null) => new(
        [
            TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time),
            TestConfig.Authorizer($$"""{"type": "jwt", "secret": "another-secret-that-is-32-bytes-long!", "token_sources": [{"header": "X-Partner-Token"}]}""", _time),
        ],
        rules is null ? null : new ClaimRuleSet(rules));

    private static HttpRequest Request(string header, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[header] = value;
        return context.Request;
    }

    [Fact]
    public async Task AuthorizeAsync_SecondAuthorizerAccepts_Succeeds()
    {
        var outcome = await TwoAuthorizers().AuthorizeAsync(Request("X-Partner-Token", TestTokens.Hs256(secret: "another-secret-that-is-32-bytes-long!")));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task AuthorizeAsync_NoneAccepts_CodeOfTheFirstThatFoundATokenAndEveryReason()
    {
        var outcome = await TwoAuthorizers().AuthorizeAsync(Request("X-Partner-Token", TestTokens.Hs256()));

        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", outcome.Error!.Code);
        Assert.Equal("authorizer: no token in the 'Authorization: Bearer' header; authorizer: no key of the authorizer verifies the token's signature",
            outcome.Reason);
    }

    [Fact]
    public async Task AuthorizeAsync_NoTokenAnywhere_TokenMissingWithBareChallenge()
    {
        var outcome = await TwoAuthorizers().AuthorizeAsync(new DefaultHttpContext().Request);

        Assert.Same(GatewayErrors.TokenMissing, outcome.Error);
        Assert.Equal("Bearer", Challenge.Bearer(outcome));
    }

    [Fact]
    public async Task AuthorizeAsync_ClaimRuleFails_InsufficientScopeChallenge()
    {
        var rules = new AuthorizationConfig { RequireAll = [new ClaimRuleConfig { Claim = "scope", Values = ["orders:write"] }] };

        var outcome = await TwoAuthorizers(rules).AuthorizeAsync(Request("Authorization", $"Bearer {TestTokens.Hs256()}"));

        Assert.Equal((403, "ERR_INSUFFICIENT_SCOPE"), (outcome.Error!.Status, outcome.Error.Code));
        Assert.Equal("Bearer error=\"insufficient_scope\", error_description=\"the route requires claim 'scope' with one of [orders:write] (require_all)\"",
            Challenge.Bearer(outcome));
    }

    [Fact]
    public async Task AuthorizeAsync_CachedToken_ClaimRulesStillChecked()
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);
        var open = new RouteAuthorizer([authorizer], null);
        var guarded = new RouteAuthorizer([authorizer],
            new ClaimRuleSet(new AuthorizationConfig { RequireAny = [new ClaimRuleConfig { Claim = "sub", Values = ["admin"] }] }));
        var request = Request("Authorization", $"Bearer {TestTokens.Hs256()}");

        Assert.True((await open.AuthorizeAsync(request)).Succeeded);
        Assert.Equal("ERR_INSUFFICIENT_SCOPE", (await guarded.AuthorizeAsync(request)).Error!.Code);
    }

    [Fact]
    public async Task ChallengeBearer_InvalidToken_DescriptionIsPrintableAscii()
    {
        var outcome = await TwoAuthorizers().AuthorizeAsync(Request("Authorization", "Bearer not-a-jwt"));

        Assert.Equal("Bearer error=\"invalid_token\", error_description=\"authorizer: the token has 1 parts; a signed JWT has three separated by dots; " +
            "authorizer: no token in the 'X-Partner-Token' header\"", Challenge.Bearer(outcome));
    }
}
