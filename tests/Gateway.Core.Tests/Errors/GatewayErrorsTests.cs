using System.Text.Json;
using FunctionGateway.Errors;

namespace FunctionGateway.Tests.Errors;

public class GatewayErrorsTests
{
    // The contract of shared docs: every JWT code with its exact message.
    [Theory]
    [InlineData("ERR_JOSE_ALG_NOT_ALLOWED", "Algorithm not allowed")]
    [InlineData("ERR_JWE_DECRYPTION_FAILED", "Decryption failed")]
    [InlineData("ERR_JWE_INVALID", "Invalid JWE")]
    [InlineData("ERR_JWT_EXPIRED", "Token has expired.")]
    [InlineData("ERR_JWT_CLAIM_VALIDATION_FAILED", "JWT claim validation failed")]
    [InlineData("ERR_JWT_INVALID", "Invalid JWT")]
    [InlineData("ERR_JWKS_NO_MATCHING_KEY", "No matching key found in JWKS.")]
    [InlineData("ERR_JWKS_INVALID", "Invalid JWKS")]
    [InlineData("ERR_JWKS_MULTIPLE_MATCHING_KEYS", "Multiple matching keys found in JWKS.")]
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
}
