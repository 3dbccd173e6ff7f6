using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionGateway.Authorization;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Tests.Authorization;

/// <summary>
/// The gateway's own signature, issuer and audience check against <c>JsonWebTokenHandler</c> with the same
/// parameters: each token gets the verdict expected of it, and whatever the gateway decides, the handler decides too.
/// </summary>
public class ParsedTokenValidatorTests
{
    private static readonly TestKeys First = TestKeys.NewRsa("k1");
    private static readonly TestKeys Second = TestKeys.NewRsa("k2");
    private static readonly TestKeys Curve = TestKeys.NewEc("e1");
    private static readonly TestKeys Unnamed = TestKeys.NewRsa("unnamed");

    private readonly FakeTimeProvider _time = new(TestTokens.Now);

    private JwtAuthorizer Hs256(string extra = "") => TestConfig.Authorizer(TestConfig.Hs256Authorizer(extra), _time);

    private JwtAuthorizer Jwks(string algorithm, string jwks) => TestConfig.Authorizer(TestConfig.JwksAuthorizer(algorithm, jwks), _time);

    private JwtAuthorizer TwoRsaKeys() => Jwks("RS256", TestKeys.Jwks(First, Second));

    private static string SignRs(TestKeys key, object header, object? claims = null) =>
        TestTokens.SignRaw(TestTokens.Json(header), TestTokens.Json(claims ?? TestTokens.Claims()),
            input => key.Rsa!.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    private static Dictionary<string, object> Claims(string name, object value)
    {
        var claims = TestTokens.Claims();
        claims[name] = value;
        return claims;
    }

    [Fact]
    public async Task Validate_ValidTokens_AcceptedAsByTheHandler()
    {
        await AssertVerdict(Hs256(), TestTokens.Hs256(), ParsedTokenVerdict.Accepted);
        await AssertVerdict(Jwks("RS256", TestKeys.Jwks(First)), TestTokens.Rs256(First), ParsedTokenVerdict.Accepted);
        await AssertVerdict(Jwks("ES256", TestKeys.Jwks(Curve)), TestTokens.Es256(Curve), ParsedTokenVerdict.Accepted);
    }

    [Fact]
    public async Task Validate_KidNamesAnotherKeyThanTheSigner_SignatureMismatch()
    {
        var token = SignRs(Second, TestTokens.Header("RS256", First.KeyId));

        await AssertVerdict(TwoRsaKeys(), token, ParsedTokenVerdict.SignatureMismatch);
    }

    [Fact]
    public async Task Validate_NoKid_EveryKeyTried()
    {
        await AssertVerdict(TwoRsaKeys(), SignRs(Second, TestTokens.Header("RS256")), ParsedTokenVerdict.Accepted);
        await AssertVerdict(TwoRsaKeys(), SignRs(TestKeys.NewRsa("k3"), TestTokens.Header("RS256")), ParsedTokenVerdict.NoKeyVerifies);
    }

    [Fact]
    public async Task Validate_X5tNamesTheKey_OnlyThatKeyTried()
    {
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["x5t"] = Second.KeyId };

        await AssertVerdict(TwoRsaKeys(), SignRs(Second, header), ParsedTokenVerdict.Accepted);
        await AssertVerdict(TwoRsaKeys(), SignRs(First, header), ParsedTokenVerdict.NoKeyVerifies);
    }

    [Fact]
    public async Task Validate_KidUnknownAndX5tNamesAKey_SignatureMismatch()
    {
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["kid"] = "unknown", ["x5t"] = Second.KeyId };
        var withKeylessKey = Jwks("RS256", JsonSerializer.Serialize(new { keys = new object[] { First.Jwk(), Second.Jwk(), KeyWithoutId() } }));

        await AssertVerdict(TwoRsaKeys(), SignRs(Second, header), ParsedTokenVerdict.Accepted);
        await AssertVerdict(TwoRsaKeys(), SignRs(First, header), ParsedTokenVerdict.SignatureMismatch);
        await AssertVerdict(withKeylessKey, SignRs(Second, header), ParsedTokenVerdict.Accepted);
        await AssertVerdict(withKeylessKey, SignRs(First, header), ParsedTokenVerdict.Undecided);
    }

    [Fact]
    public async Task Validate_NamedKeyFailsBesideAKeyWithoutId_LeftToTheHandler()
    {
        var authorizer = Jwks("RS256", JsonSerializer.Serialize(new { keys = new object[] { First.Jwk(), KeyWithoutId() } }));

        await AssertVerdict(authorizer, SignRs(Second, TestTokens.Header("RS256", First.KeyId)), ParsedTokenVerdict.Undecided);
    }

    [Fact]
    public async Task Validate_KidUnknownAndAKeyWithoutId_EveryKeyTried()
    {
        var authorizer = Jwks("RS256", JsonSerializer.Serialize(new { keys = new object[] { First.Jwk(), KeyWithoutId() } }));

        await AssertVerdict(authorizer, SignRs(Unnamed, TestTokens.Header("RS256", "unknown")), ParsedTokenVerdict.Accepted);
        await AssertVerdict(authorizer, SignRs(First, TestTokens.Header("RS256", "unknown")), ParsedTokenVerdict.Accepted);
        await AssertVerdict(authorizer, SignRs(Second, TestTokens.Header("RS256", "unknown")), ParsedTokenVerdict.NoKeyVerifies);
    }

    private static Dictionary<string, string> KeyWithoutId()
    {
        var jwk = Unnamed.Jwk();
        jwk.Remove("kid");
        return jwk;
    }

    [Fact]
    public async Task Validate_SecretAndAKid_TheSecretTriedAnyway()
    {
        var header = TestTokens.Header("HS256", "some-kid");
        var secret = Encoding.UTF8.GetBytes(TestKeys.Secret);

        await AssertVerdict(Hs256(), TestTokens.Sign(header, TestTokens.Claims(), secret), ParsedTokenVerdict.Accepted);
        await AssertVerdict(Hs256(), TestTokens.Sign(header, TestTokens.Claims(), Encoding.UTF8.GetBytes(TestKeys.Secret + "x")),
            ParsedTokenVerdict.NoKeyVerifies);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Validate_SignatureOfTheWrongLength_NotVerified(string signature)
    {
        var token = TestTokens.Hs256();
        token = token[..(token.LastIndexOf('.') + 1)] + signature;

        await AssertVerdict(Hs256(), token, signature.Length == 0 ? ParsedTokenVerdict.Undecided : ParsedTokenVerdict.NoKeyVerifies);
    }

    [Theory]
    [InlineData("api://orders")]
    [InlineData("api://orders/")]
    [InlineData(" |api://orders")]
    [InlineData("other|api://orders")]
    public async Task Validate_AnAudienceMatches_Accepted(string audience)
    {
        // An array where the text lists several.
        object aud = audience.Contains('|', StringComparison.Ordinal) ? audience.Split('|') : audience;

        await AssertVerdict(Hs256(), TestTokens.Hs256(Claims("aud", aud)), ParsedTokenVerdict.Accepted);
    }

    [Theory]
    [InlineData("aud", "api://other")]
    [InlineData("aud", "api://orders//")]
    [InlineData("aud", "API://ORDERS")]
    [InlineData("aud", " ")]
    [InlineData("iss", "https://issuer.test/")]
    [InlineData("iss", "https://other.test")]
    [InlineData("iss", " ")]
    public async Task Validate_WrongIssuerOrAudience_LeftToTheHandler(string claim, string value)
    {
        await AssertVerdict(Hs256(), TestTokens.Hs256(Claims(claim, value)), ParsedTokenVerdict.Undecided);
    }

    [Fact]
    public async Task Validate_NoIssuerOrAudience_LeftToTheHandler()
    {
        var claims = TestTokens.Claims();
        claims.Remove("iss");
        await AssertVerdict(Hs256(), TestTokens.Hs256(claims), ParsedTokenVerdict.Undecided);

        claims = TestTokens.Claims();
        claims.Remove("aud");
        await AssertVerdict(Hs256(), TestTokens.Hs256(claims), ParsedTokenVerdict.Undecided);
    }

    [Theory]
    [InlineData("typ", 1)]
    [InlineData("cty", true)]
    [InlineData("zip", 2)]
    public async Task Validate_HeaderMemberTheHandlerCannotRead_LeftToTheHandler(string member, object value)
    {
        var header = TestTokens.Header("HS256");
        header[member] = value;

        await AssertVerdict(Hs256(), TestTokens.Sign(header, TestTokens.Claims(), Encoding.UTF8.GetBytes(TestKeys.Secret)), ParsedTokenVerdict.Undecided);
    }

    [Theory]
    [InlineData("""{"alg":"HS256","typ":null}""", """{"iss":"https://issuer.test","aud":"api://orders","exp":1768482000.5}""")]
    [InlineData("""{"alg":"HS256","enc":5,"x":[1,{"y":null}]}""", """{"iss":"https://issuer.test","aud":["api://orders"],"n":12345678901234567890123,"f":1.5e300,"o":{"a":[true,false,null]}}""")]
    [InlineData("""{"alg":"HS256"}""", """{"iss":"https://issuer.test","aud":"api://orders","big":1e400,"neg":-0.0,"s":"\u00e9\ud83d\ude00"}""")]
    public async Task Validate_UnusualButReadableJson_AcceptedAsByTheHandler(string header, string payload)
    {
        await AssertVerdict(Hs256(), TestTokens.HsRaw(header, payload), ParsedTokenVerdict.Accepted);
    }

    [Fact]
    public async Task ValidateAsync_BadSignatures_TheReasonsTheValidatorGives()
    {
        // With a key without id the validator's answer depends on the keys' order (its message reads every key's id).
        var keylessLast = Jwks("RS256", JsonSerializer.Serialize(new { keys = new object[] { First.Jwk(), KeyWithoutId() } }));
        var keylessFirst = Jwks("RS256", JsonSerializer.Serialize(new { keys = new object[] { KeyWithoutId(), First.Jwk() } }));

        await AssertRefused(TwoRsaKeys(), SignRs(Second, TestTokens.Header("RS256", First.KeyId)), JwtErrorMap.SignatureMismatch);
        await AssertRefused(TwoRsaKeys(), SignRs(TestKeys.NewRsa("k3"), TestTokens.Header("RS256")), JwtErrorMap.NoKeyVerifies);
        await AssertRefused(Hs256(), TestTokens.Hs256(secret: TestKeys.Secret + "x"), JwtErrorMap.NoKeyVerifies);
        await AssertRefused(keylessLast, SignRs(Second, TestTokens.Header("RS256", First.KeyId)), JwtErrorMap.SignatureMismatch);
        await AssertRefused(keylessFirst, SignRs(Second, TestTokens.Header("RS256", First.KeyId)), JwtErrorMap.NoKeyVerifies);
    }

    [Fact]
    public async Task ValidateAsync_ValidTokenTwice_CachedWithItsClaims()
    {
        var authorizer = TwoRsaKeys();
        var token = SignRs(Second, TestTokens.Header("RS256", Second.KeyId));
        await authorizer.ValidateAsync(token);

        var outcome = await authorizer.ValidateAsync(token);

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal("user-1", outcome.Claims!.Value.GetProperty("sub").GetString());
        Assert.Equal(1, authorizer.Cache.Count);
        Assert.Same(outcome, await authorizer.ValidateAsync(token));
    }

    private static async Task AssertRefused(JwtAuthorizer authorizer, string token, string reason)
    {
        var outcome = await authorizer.ValidateAsync(token);

        Assert.Equal(("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", reason), (outcome.Error?.Code, outcome.Reason));
    }

    /// <summary>The verdict, and the handler's answer for the same token with the authorizer's parameters.</summary>
    private static async Task AssertVerdict(JwtAuthorizer authorizer, string token, ParsedTokenVerdict expected)
    {
        var keys = await authorizer.KeySource.GetAsync(default);
        Assert.True(JwtShape.TryParse(token, out var header, out var payload, out _, out var reason), reason);
        Assert.Null(JwtHeaderCheck.Check(header, authorizer.Algorithms));
        Assert.Null(RegisteredClaims.Problem(payload));
        var parameters = authorizer.ParametersFor(keys);

        var verdict = ParsedTokenValidator.Validate(token, header, payload, keys, [.. parameters.ValidIssuers ?? []], authorizer.Config.Audiences);
        var handler = await JwtAuthorizer.TokenHandler.ValidateTokenAsync(token, parameters);

        Assert.Equal(expected, verdict);
        switch (verdict)
        {
            case ParsedTokenVerdict.Accepted:
                Assert.True(handler.IsValid, handler.Exception?.Message);
                break;
            case ParsedTokenVerdict.SignatureMismatch:
                Assert.IsType<SecurityTokenInvalidSignatureException>(handler.Exception);
                break;
            case ParsedTokenVerdict.NoKeyVerifies:
                Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(handler.Exception);
                break;
            default:
                Assert.False(handler.IsValid);
                break;
        }
    }
}
