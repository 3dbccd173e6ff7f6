using FunctionGateway.Authorization;

namespace FunctionGateway.Tests.Authorization;

public class JwtShapeTests
{
    [Theory]
    [InlineData("""{"alg":"HS256","alg":"none"}""", "{}", "ERR_JWS_INVALID", "the token's header repeats a member name, which is refused")]
    [InlineData("""{"alg":"HS256"}""", """{"sub":"a","sub":"b"}""", "ERR_JWT_INVALID", "the token's payload repeats a member name, which is refused")]
    [InlineData("""{"alg":"HS256""", "{}", "ERR_JWS_INVALID", "the token's header is not valid JSON")]
    [InlineData("""{"alg":"HS256"}""", "[1]", "ERR_JWT_INVALID", "the token's payload is JSON array, not an object")]
    [InlineData("""{"alg":"HS256"}""", "\"text\"", "ERR_JWT_INVALID", "the token's payload is JSON string, not an object")]
    public void TryParse_BadHeaderOrPayload_NamesThePartAndTheProblem(string header, string payload, string code, string reason)
    {
        var token = TestTokens.HsRaw(header, payload);

        Assert.False(JwtShape.TryParse(token, out _, out _, out var error, out var why));
        Assert.Equal((code, reason), (error!.Code, why));
    }

    [Fact]
    public void TryParse_ValidToken_HeaderAndPayloadOutliveTheParse()
    {
        Assert.True(JwtShape.TryParse(TestTokens.Hs256(), out var header, out var payload, out _, out _));
        GC.Collect();

        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal("user-1", payload.GetProperty("sub").GetString());
    }
}
