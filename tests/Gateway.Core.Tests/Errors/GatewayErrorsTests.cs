using System.Text.Json;
using FunctionGateway.Errors;
using FunctionGateway.Tests.Authorization;
using FunctionGateway.Tests.Engine;
using FunctionGateway.Tests.Hosting;
using FunctionGateway.Tests.Integration;
using FunctionGateway.Tests.Integration.Jwt;
using FunctionGateway.Tests.RateLimiting;

namespace FunctionGateway.Tests.Errors;

public class GatewayErrorsTests
{
    // The contract of shared docs: every JWT code with its exact message.
    [Theory]
    [InlineData("ERR_JOSE_ALG_NOT_ALLOWED", "Algorithm not allowed")]
    [InlineData("ERR_JWE_INVALID", "Invalid JWE")]
    [InlineData("ERR_JWT_EXPIRED", "Token has expired.")]
    [InlineData("ERR_JWT_CLAIM_VALIDATION_FAILED", "JWT claim validation failed")]
    [InlineData("ERR_JWT_INVALID", "Invalid JWT")]
    [InlineData("ERR_JWKS_NO_MATCHING_KEY", "No matching key found in JWKS.")]
    [InlineData("ERR_JWKS_INVALID", "Invalid JWKS")]
    [InlineData("ERR_JWS_INVALID", "Invalid JWS")]
    [InlineData("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "Signature verification failed")]
    [InlineData("AUTH_ERROR", "JWT verification failed")]
    [InlineData("AUTH_ERROR", "No token provided or token format is invalid.")]
    public void All_JwtContractRow_HasExactMessageAnd401(string code, string message)
    {
        var row = Assert.Single(GatewayErrors.All, e => e.Code == code && e.Message == message);

        Assert.Equal(401, row.Status);
        using var body = JsonDocument.Parse(row.Body);
        Assert.Equal(message, body.RootElement.GetProperty("error").GetString());
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        Assert.Equal(2, body.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void NoMatch_KeepsServerlessApiGatewayBody()
    {
        Assert.Equal("""{"message":"No match found."}""", System.Text.Encoding.UTF8.GetString(GatewayErrors.NoMatch.Body.Span));
        Assert.Equal(404, GatewayErrors.NoMatch.Status);
    }

    [Fact]
    public void All_EveryRow_IsDocumentedAndUnique()
    {
        Assert.All(GatewayErrors.All, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Cause), e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.FirstCheck), e.Code);
            Assert.InRange(e.Status, 400, 599);
        });
        Assert.Equal(GatewayErrors.All.Count, GatewayErrors.All.Select(e => (e.Code, e.Message)).Distinct().Count());
    }

    [Fact]
    public void All_ListsEveryPublicField()
    {
        var fields = typeof(GatewayErrors).GetFields().Where(f => f.FieldType == typeof(GatewayError)).Select(f => f.GetValue(null));

        Assert.Equal(fields.Count(), GatewayErrors.All.Count);
        Assert.All(fields, f => Assert.Contains(f, GatewayErrors.All));
    }

    // A test that makes the gateway send each row, by name (a rename breaks the build), or why no test can.
    private static readonly Dictionary<GatewayError, string> ProducedBy = new()
    {
        [GatewayErrors.TokenMissing] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        // The validator refusing a token for a reason no row of JwtErrorMap covers, once the signature and every
        // registered claim's type have been checked by the gateway itself: no token known to the tests does that.
        [GatewayErrors.AuthFailed] = "no test: a validator failure that JwtErrorMap does not map, after the gateway's own checks passed",
        [GatewayErrors.AlgorithmNotAllowed] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        [GatewayErrors.JweInvalid] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        [GatewayErrors.TokenExpired] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        [GatewayErrors.ClaimValidationFailed] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        [GatewayErrors.JwtInvalid] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        [GatewayErrors.JwksNoMatchingKey] = nameof(JwtGatewayTests.UnknownKid_AfterOneRefresh_NoMatchingKeyAndRefreshIsThrottled),
        [GatewayErrors.JwksInvalid] = nameof(JwtGatewayTests.JwksNeverFetched_JwksInvalid),
        [GatewayErrors.JwsInvalid] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        [GatewayErrors.SignatureVerificationFailed] = nameof(Hs256ErrorTableTests.Authorize_BadToken_Answers401WithContractBody),
        [GatewayErrors.InsufficientScope] = nameof(JwtGatewayTests.ClaimRules_Failing_403InsufficientScopeWithJsonBody),
        [GatewayErrors.NoMatch] = nameof(GatewayEngineTests.NoRoute_Answers404WithServerlessApiGatewayBody),
        [GatewayErrors.BadPath] = nameof(GatewayEngineTests.DotSegments_Rejected400WithoutReachingAnyRoute),
        [GatewayErrors.BadContentLength] = nameof(Integration.Hardening.UpstreamRequestTests.Request_ContentLengthNotDigits_400BeforeForwarding),
        [GatewayErrors.BadMappedValue] = nameof(MappedValueTests.MappedHeader_ValueNoFieldMayCarry_400AndNothingForwarded),
        [GatewayErrors.UpstreamUnreachable] = nameof(ProxyTests.Proxy_UpstreamRefuses_Answers502NamingTheServer),
        [GatewayErrors.UpstreamTimeout] = nameof(ProxyTests.Proxy_UpstreamTooSlow_Answers504NamingTheServer),
        // Sent when YARP fails to copy the upstream's status and headers to the client (ForwarderError.ResponseHeaders),
        // after the upstream answered: no loopback upstream can make that happen on demand.
        [GatewayErrors.UpstreamResponseFailed] = "no test: YARP's ForwarderError.ResponseHeaders",
        [GatewayErrors.ConfigUnavailable] = nameof(GatewayEngineTests.NoConfig_Answers503NamingTheCause),
        [GatewayErrors.StatusKeyRequired] = nameof(StatusEndpointTests.Status_KeySetAndHeaderMissing_Answers401NamingTheHeader),
        [GatewayErrors.RateLimited] = nameof(RateLimitEngineTests.Claim_OverLimit_429WithHeadersBodyAndCors),
        [GatewayErrors.RateLimitKeyMissing] = nameof(RateLimitEngineTests.Header_MissingWithReject_400NamingThePolicy),
        [GatewayErrors.RateLimitUnavailable] = nameof(RateLimitStoreDownTests.StoreDown_OpenCountsLocally_ClosedAnswers503_LoggedOncePerOutage),
    };

    [Fact]
    public void All_EveryRow_IsProducedByANamedTest()
    {
        Assert.Empty(GatewayErrors.All.Where(e => !ProducedBy.ContainsKey(e)).Select(e => $"{e.Code}: {e.Message}"));
        Assert.Equal(GatewayErrors.All.Count, ProducedBy.Count);
    }
}
