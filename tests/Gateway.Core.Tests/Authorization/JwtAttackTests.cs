using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FunctionGateway.Authorization;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.Authorization;

/// <summary>One test per known JWT attack; each asserts the exact status and code the client gets.</summary>
public class JwtAttackTests
{
    private static readonly TestKeys Signer = TestKeys.NewRsa("key-1");
    private static readonly TestKeys Attacker = TestKeys.NewRsa("attacker");

    private readonly FakeTimeProvider _time = new(TestTokens.Now);

    private JwtAuthorizer Hs256(string extra = "") => TestConfig.Authorizer(TestConfig.Hs256Authorizer(extra), _time);

    private JwtAuthorizer Rs256(string extra = "") => TestConfig.Authorizer(TestConfig.JwksAuthorizer("RS256", TestKeys.Jwks(Signer), extra), _time);

    private static async Task AssertRejected(JwtAuthorizer authorizer, string token, int status, string code)
    {
        var outcome = await authorizer.ValidateAsync(token);

        Assert.False(outcome.Succeeded, "the token was accepted");
        Assert.Equal((status, code), (outcome.Error!.Status, outcome.Error.Code));
    }

    [Fact]
    public async Task Baseline_ValidTokens_AreAccepted()
    {
        Assert.True((await Hs256().ValidateAsync(TestTokens.Hs256())).Succeeded);
        Assert.True((await Rs256().ValidateAsync(TestTokens.Rs256(Signer))).Succeeded);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("nOnE")]
    public async Task AlgNone_AnyCasing_AlgorithmNotAllowed(string alg)
    {
        var unsigned = $"{TestTokens.B64(TestTokens.Json(TestTokens.Header(alg)))}.{TestTokens.B64(TestTokens.Json(TestTokens.Claims()))}.";

        await AssertRejected(Hs256(), unsigned, 401, "ERR_JOSE_ALG_NOT_ALLOWED");
        await AssertRejected(Rs256(), unsigned, 401, "ERR_JOSE_ALG_NOT_ALLOWED");
    }

    [Fact]
    public async Task KeyConfusion_Hs256SignedWithRsaPublicKey_AlgorithmNotAllowed()
    {
        var token = TestTokens.Sign(TestTokens.Header("HS256", Signer.KeyId), TestTokens.Claims(), Signer.PublicKeyBytes());

        await AssertRejected(Rs256(), token, 401, "ERR_JOSE_ALG_NOT_ALLOWED");
    }

    [Fact]
    public async Task KeyConfusion_PublicKeyAsHmacSecret_AlsoFailsWithPemText()
    {
        var pem = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(Signer.Rsa!.ExportSubjectPublicKeyInfoPem()));
        var token = TestTokens.Sign(TestTokens.Header("HS256", Signer.KeyId), TestTokens.Claims(), Encoding.UTF8.GetBytes(pem));

        await AssertRejected(Rs256(), token, 401, "ERR_JOSE_ALG_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("../../../../../../dev/null")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\..\\windows\\win.ini")]
    public async Task KidPathTraversal_SignedWithEmptyKey_SignatureVerificationFailed(string kid)
    {
        var token = TestTokens.Sign(TestTokens.Header("HS256", kid), TestTokens.Claims(), []);

        await AssertRejected(Hs256(), token, 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Theory]
    [InlineData("../../../../../../dev/null")]
    [InlineData("key-1/../key-1")]
    public async Task KidPathTraversal_AgainstJwks_NoMatchingKey(string kid)
    {
        var token = TestTokens.Rs256(Attacker, kid: kid);

        await AssertRejected(Rs256(), token, 401, "ERR_JWKS_NO_MATCHING_KEY");
    }

    [Theory]
    [InlineData("x' UNION SELECT 'attacker-chosen-secret-of-32-bytes!!' --")]
    [InlineData("key-1\"; DROP TABLE keys; --")]
    [InlineData("key-1\r\nX-Injected: 1")]
    public async Task KidInjection_SignedWithInjectedValue_SignatureVerificationFailed(string kid)
    {
        var token = TestTokens.Sign(TestTokens.Header("HS256", kid), TestTokens.Claims(),
            Encoding.UTF8.GetBytes("attacker-chosen-secret-of-32-bytes!!"));

        await AssertRejected(Hs256(), token, 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Fact]
    public async Task KidInjection_Reason_IsSanitizedForLogsAndHeaders()
    {
        var outcome = await Rs256().ValidateAsync(TestTokens.Rs256(Attacker, kid: "evil\r\nX-Injected: 1\"\\"));

        Assert.Equal("ERR_JWKS_NO_MATCHING_KEY", outcome.Error!.Code);
        Assert.DoesNotContain("\n", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("evil??X-Injected: 1??", outcome.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jku", "https://attacker.test/jwks.json")]
    [InlineData("x5u", "https://attacker.test/cert.pem")]
    public async Task HeaderKeyUrl_PointingAtAttackerKey_SignatureVerificationFailed(string parameter, string url)
    {
        var header = TestTokens.Header("RS256", Signer.KeyId);
        header[parameter] = url;

        await AssertRejected(Rs256(), TestTokens.RsWithHeader(Attacker, header), 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Fact]
    public async Task EmbeddedJwk_AttackerKey_SignatureVerificationFailed()
    {
        var header = TestTokens.Header("RS256");
        header["jwk"] = Attacker.Jwk();

        await AssertRejected(Rs256(), TestTokens.RsWithHeader(Attacker, header), 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Fact]
    public async Task EmbeddedX5c_AttackerCertificate_SignatureVerificationFailed()
    {
        using var certificate = new CertificateRequest("CN=attacker", Attacker.Rsa!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(TestTokens.Now.AddDays(-1), TestTokens.Now.AddDays(1));
        var header = TestTokens.Header("RS256");
        header["x5c"] = new[] { Convert.ToBase64String(certificate.RawData) };

        await AssertRejected(Rs256(), TestTokens.RsWithHeader(Attacker, header), 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Fact]
    public async Task StrippedSignature_SignatureVerificationFailed()
    {
        var token = TestTokens.Hs256();

        await AssertRejected(Hs256(), token[..(token.LastIndexOf('.') + 1)], 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Fact]
    public async Task SignatureOfAnotherToken_SignatureVerificationFailed()
    {
        var mine = TestTokens.Hs256();
        var claims = TestTokens.Claims();
        claims["sub"] = "admin";
        var forged = TestTokens.Hs256(claims);
        var spliced = forged[..forged.LastIndexOf('.')] + mine[mine.LastIndexOf('.')..];

        await AssertRejected(Hs256(), spliced, 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
    }

    [Fact]
    public async Task WrongSecret_SignatureVerificationFailed() =>
        await AssertRejected(Hs256(), TestTokens.Hs256(secret: "another-secret-that-is-32-bytes-long!"), 401, "ERR_JWS_SIGNATURE_VERIFICATION_FAILED");

    [Fact]
    public async Task Expired_TokenExpired()
    {
        var authorizer = Hs256();
        var token = TestTokens.Hs256();
        _time.Advance(TimeSpan.FromMinutes(31));

        await AssertRejected(authorizer, token, 401, "ERR_JWT_EXPIRED");
    }

    [Theory]
    [InlineData("nbf")]
    [InlineData("iat")]
    public async Task TimeClaimInTheFuture_ClaimValidationFailed(string claim)
    {
        var claims = TestTokens.Claims();
        claims[claim] = TestTokens.Now.AddMinutes(5).ToUnixTimeSeconds();

        await AssertRejected(Hs256(), TestTokens.Hs256(claims), 401, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    }

    [Fact]
    public async Task LifetimeOverTheLimit_ClaimValidationFailed() =>
        await AssertRejected(Hs256(""", "max_lifetime_seconds": 3600"""), TestTokens.Hs256(TestTokens.Claims(TimeSpan.FromHours(2))),
            401, "ERR_JWT_CLAIM_VALIDATION_FAILED");

    [Fact]
    public async Task MissingExp_WhenRequired_ClaimValidationFailed()
    {
        var claims = TestTokens.Claims();
        claims.Remove("exp");

        await AssertRejected(Hs256(), TestTokens.Hs256(claims), 401, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    }

    [Theory]
    [InlineData("iss", "https://evil.test")]
    [InlineData("iss", null)]
    [InlineData("aud", "api://payments")]
    [InlineData("aud", null)]
    [InlineData("sub", "user-2")]
    [InlineData("sub", null)]
    public async Task WrongOrMissingRegisteredClaim_ClaimValidationFailed(string claim, string? value)
    {
        var claims = TestTokens.Claims();
        if (value is null)
        {
            claims.Remove(claim);
        }
        else
        {
            claims[claim] = value;
        }

        await AssertRejected(Hs256(""", "subject": "user-1" """), TestTokens.Hs256(claims), 401, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    }

    [Fact]
    public async Task AudArrayWithoutOurAudience_ClaimValidationFailed()
    {
        var claims = TestTokens.Claims();
        claims["aud"] = new[] { "api://payments", "api://billing" };

        await AssertRejected(Hs256(), TestTokens.Hs256(claims), 401, "ERR_JWT_CLAIM_VALIDATION_FAILED");
    }

    [Fact]
    public async Task AudArrayContainingOurAudience_IsAccepted()
    {
        var claims = TestTokens.Claims();
        claims["aud"] = new[] { "api://payments", "api://orders" };

        Assert.True((await Hs256().ValidateAsync(TestTokens.Hs256(claims))).Succeeded);
    }

    [Fact]
    public async Task DuplicateKeyInHeader_JwsInvalid() =>
        await AssertRejected(Hs256(), TestTokens.HsRaw("""{"alg":"HS256","typ":"JWT","alg":"none"}""", TestTokens.Json(TestTokens.Claims())),
            401, "ERR_JWS_INVALID");

    [Fact]
    public async Task DuplicateKeyInPayload_JwtInvalid()
    {
        var payload = TestTokens.Json(TestTokens.Claims()).TrimEnd('}') + ""","sub":"admin"}""";

        await AssertRejected(Hs256(), TestTokens.HsRaw(TestTokens.Json(TestTokens.Header("HS256")), payload), 401, "ERR_JWT_INVALID");
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData(' ')]
    [InlineData('!')]
    public async Task NonBase64UrlCharacter_JwsInvalid(char bad)
    {
        var token = TestTokens.Hs256();

        await AssertRejected(Hs256(), token.Insert(10, bad.ToString()), 401, "ERR_JWS_INVALID");
        await AssertRejected(Hs256(), token + bad, 401, "ERR_JWS_INVALID");
    }

    [Fact]
    public async Task FivePartJwe_JweInvalid() =>
        await AssertRejected(Hs256(), "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn", 401, "ERR_JWE_INVALID");

    [Fact]
    public async Task HundredKilobyteToken_JwsInvalid()
    {
        var claims = TestTokens.Claims();
        claims["padding"] = new string('a', 100 * 1024);

        await AssertRejected(Hs256(), TestTokens.Hs256(claims), 401, "ERR_JWS_INVALID");
    }

    [Fact]
    public async Task UnknownCrit_JwsInvalid()
    {
        var header = TestTokens.Header("HS256");
        header["crit"] = new[] { "exp-extension" };
        header["exp-extension"] = true;

        await AssertRejected(Hs256(), TestTokens.Sign(header, TestTokens.Claims(), Encoding.UTF8.GetBytes(TestKeys.Secret)), 401, "ERR_JWS_INVALID");
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("PS256")]
    public async Task AlgorithmNotConfigured_AlgorithmNotAllowed(string alg)
    {
        var token = TestTokens.RsWithHeader(Signer, TestTokens.Header(alg, Signer.KeyId));

        await AssertRejected(Hs256(), token, 401, "ERR_JOSE_ALG_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("...")]
    public async Task NotAJws_JwsInvalid(string token) => await AssertRejected(Hs256(), token, 401, "ERR_JWS_INVALID");
}
