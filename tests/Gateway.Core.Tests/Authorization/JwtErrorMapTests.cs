using FunctionGateway.Authorization;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.Authorization;

/// <summary>Every row of <see cref="JwtErrorMap"/>, fired by a real token through the validator.</summary>
public class JwtErrorMapTests
{
    private static readonly TestKeys Rsa = TestKeys.NewRsa("rsa-1");

    // The same key id, another key: what a forger without the private key can do at best.
    private static readonly TestKeys Impostor = TestKeys.NewRsa("rsa-1");

    private static readonly Dictionary<Type, (string Authorizer, Func<string> Token, string Code, string Reason)> Scenarios = new()
    {
        [typeof(SecurityTokenInvalidIssuerException)] = (TestConfig.Hs256Authorizer(), () => TestTokens.Hs256(With("iss", "https://other.test")),
            "ERR_JWT_CLAIM_VALIDATION_FAILED", "the token's 'iss' \"https://other.test\" is not one of the authorizer's issuers"),
        [typeof(SecurityTokenInvalidAudienceException)] = (TestConfig.Hs256Authorizer(), () => TestTokens.Hs256(With("aud", "api://other")),
            "ERR_JWT_CLAIM_VALIDATION_FAILED", "the token's 'aud' \"api://other\" is not one of the authorizer's audiences"),
        [typeof(SecurityTokenSignatureKeyNotFoundException)] = (TestConfig.Hs256Authorizer(), () => TestTokens.Hs256(secret: "another-secret-of-at-least-32-bytes!!"),
            "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "no key of the authorizer verifies the token's signature"),
        [typeof(SecurityTokenInvalidSignatureException)] = (TestConfig.JwksAuthorizer("RS256", TestKeys.Jwks(Rsa)), () => TestTokens.Rs256(Impostor),
            "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "the signature does not match the authorizer's key"),
    };

    private readonly FakeTimeProvider _time = new(TestTokens.Now);

    public static TheoryData<string> Rows()
    {
        var rows = new TheoryData<string>();
        foreach (var (exception, _) in JwtErrorMap.Rows)
        {
            rows.Add(exception.Name);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task ValidateAsync_EachMapRow_YieldsItsCode(string exception)
    {
        var row = JwtErrorMap.Rows.Single(r => r.Exception.Name == exception);
        Assert.True(Scenarios.TryGetValue(row.Exception, out var scenario), $"no token in this test fires the row for {exception}");
        var authorizer = TestConfig.Authorizer(scenario.Authorizer, _time);

        var outcome = await authorizer.ValidateAsync(scenario.Token());

        Assert.Equal((scenario.Code, scenario.Reason), (outcome.Error?.Code, outcome.Reason));
        Assert.Equal(scenario.Code, row.Error.Code);
    }

    [Theory]
    [InlineData("""{"iss":5,"aud":"api://orders","exp":1800000000}""", "iss")]
    [InlineData("""{"iss":"https://issuer.test","aud":"api://orders","exp":1800000000,"azp":5}""", "azp")]
    [InlineData("""{"iss":"https://issuer.test","aud":"api://orders","exp":1800000000,"sub":["a"]}""", "sub")]
    [InlineData("""{"iss":"https://issuer.test","aud":"api://orders","exp":1800000000,"nbf":"soon"}""", "nbf")]
    public async Task ValidateAsync_ClaimOfWrongType_ClaimValidationFailedNamingIt(string payload, string name)
    {
        var authorizer = TestConfig.Authorizer(TestConfig.Hs256Authorizer(), _time);
        var token = TestTokens.HsRaw("""{"alg":"HS256","typ":"JWT"}""", payload);

        var outcome = await authorizer.ValidateAsync(token);

        Assert.Equal("ERR_JWT_CLAIM_VALIDATION_FAILED", outcome.Error?.Code);
        Assert.StartsWith($"the token's '{name}' is ", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnmappedFailure_NeverNamesTheExceptionType()
    {
        var reason = JwtErrorMap.Describe(new ArgumentException("IDX14101: Unable to decode the payload"), default);

        Assert.Equal("the token was not accepted", reason);
    }

    private static Dictionary<string, object> With(string claim, object value)
    {
        var claims = TestTokens.Claims();
        claims[claim] = value;
        return claims;
    }
}
