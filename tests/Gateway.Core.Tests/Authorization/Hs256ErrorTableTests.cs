using FunctionGateway.Tests.Support;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace FunctionGateway.Tests.Authorization;

/// <summary>Each JWT row of the error table, produced by a real token and checked on the wire: status, exact body, challenge.</summary>
public class Hs256ErrorTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private const string Config = $$"""
        { "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256",
                          "issuer": "{{Tokens.Issuer}}", "audience": "{{Tokens.Audience}}" },
          "paths": [{ "method": "GET", "path": "/private", "auth": true, "response": { "ok": true } },
                    { "method": "GET", "path": "/public", "response": { "ok": true } }] }
        """;

    private static readonly Dictionary<string, string?> Settings = new() { ["JWT_SECRET"] = Tokens.Secret };

    public static TheoryData<string, string?, string, string> Cases()
    {
        var exp = Now.AddHours(1).ToUnixTimeSeconds();
        return new()
        {
            { "missing header", null, "AUTH_ERROR", "No token provided or token format is invalid." },
            { "basic scheme", "Basic dXNlcjpwYXNz", "AUTH_ERROR", "No token provided or token format is invalid." },
            { "empty bearer", "Bearer ", "AUTH_ERROR", "No token provided or token format is invalid." },
            { "expired", "Bearer " + Tokens.Hs256(new() { ["exp"] = Now.AddMinutes(-1).ToUnixTimeSeconds() }, now: Now), "ERR_JWT_EXPIRED", "Token has expired." },
            { "wrong secret", "Bearer " + Tokens.Hs256(secret: "another-secret-another-secret-0123456789", now: Now), "ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "Signature verification failed" },
            { "wrong issuer", "Bearer " + Tokens.Hs256(new() { ["iss"] = "https://other" }, now: Now), "ERR_JWT_CLAIM_VALIDATION_FAILED", "JWT claim validation failed" },
            { "wrong audience", "Bearer " + Tokens.Hs256(new() { ["aud"] = "other" }, now: Now), "ERR_JWT_CLAIM_VALIDATION_FAILED", "JWT claim validation failed" },
            { "not yet valid", "Bearer " + Tokens.Hs256(new() { ["nbf"] = Now.AddMinutes(5).ToUnixTimeSeconds() }, now: Now), "ERR_JWT_CLAIM_VALIDATION_FAILED", "JWT claim validation failed" },
            { "no exp", "Bearer " + Tokens.Raw("""{"alg":"HS256","typ":"JWT"}""", $$"""{"iss":"{{Tokens.Issuer}}","aud":"{{Tokens.Audience}}"}"""), "ERR_JWT_CLAIM_VALIDATION_FAILED", "JWT claim validation failed" },
            { "HS384 token", "Bearer " + Tokens.Hs256(algorithm: SecurityAlgorithms.HmacSha384, secret: Tokens.Secret + "-longer-for-hs384-keys", now: Now), "ERR_JOSE_ALG_NOT_ALLOWED", "Algorithm not allowed" },
            { "alg none", "Bearer " + Tokens.Unsigned("""{"alg":"none"}""", $$"""{"exp":{{exp}}}"""), "ERR_JOSE_ALG_NOT_ALLOWED", "Algorithm not allowed" },
            { "two parts", "Bearer abc.def", "ERR_JWS_INVALID", "Invalid JWS" },
            { "not base64", "Bearer a$b.c.d", "ERR_JWS_INVALID", "Invalid JWS" },
            { "header not json", "Bearer bm90LWpzb24.e30.sig", "ERR_JWS_INVALID", "Invalid JWS" },
            { "payload not json", "Bearer eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.sig", "ERR_JWT_INVALID", "Invalid JWT" },
            { "five parts", "Bearer a.b.c.d.e", "ERR_JWE_INVALID", "Invalid JWE" },
            { "oversized", "Bearer " + new string('a', 20_000) + ".b.c", "ERR_JWS_INVALID", "Invalid JWS" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Authorize_BadToken_Answers401WithContractBody(string scenario, string? authorization, string code, string message)
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings, new FakeTimeProvider(Now));

        var (context, body) = await engine.SendAsync("GET", "/private", r =>
        {
            if (authorization is not null)
            {
                r.Headers.Authorization = authorization;
            }
        });

        Assert.True(context.Response.StatusCode == 401, scenario);
        Assert.Equal($$"""{"error":"{{message}}","code":"{{code}}"}""", body);
        Assert.Equal("application/json", context.Response.ContentType);
        var challenge = context.Response.Headers.WWWAuthenticate.ToString();
        Assert.StartsWith("Bearer", challenge);
        Assert.Equal(code != "AUTH_ERROR", challenge.Contains("error=\"invalid_token\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authorize_ValidToken_LetsRequestThrough()
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings, new FakeTimeProvider(Now));

        var (context, body) = await engine.SendAsync("GET", "/private", r => r.Headers.Authorization = "Bearer " + Tokens.Hs256(now: Now));

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("""{"ok":true}""", body);
    }

    [Fact]
    public async Task Authorize_PublicRoute_NeedsNoToken()
    {
        var engine = await EngineHarness.CreateAsync(Config, Settings, new FakeTimeProvider(Now));

        var (context, _) = await engine.SendAsync("GET", "/public");

        Assert.Equal(200, context.Response.StatusCode);
    }

    [Fact]
    public async Task Authorize_TokenExpiresWhileClockMoves_RejectedAfterExp()
    {
        var clock = new FakeTimeProvider(Now);
        var engine = await EngineHarness.CreateAsync(Config, Settings, clock);
        var token = "Bearer " + Tokens.Hs256(new() { ["exp"] = Now.AddSeconds(30).ToUnixTimeSeconds() }, now: Now);

        var (before, _) = await engine.SendAsync("GET", "/private", r => r.Headers.Authorization = token);
        clock.SetUtcNow(Now.AddSeconds(30));
        var (after, body) = await engine.SendAsync("GET", "/private", r => r.Headers.Authorization = token);

        Assert.Equal(200, before.Response.StatusCode);
        Assert.Equal(401, after.Response.StatusCode);
        Assert.Contains("ERR_JWT_EXPIRED", body);
    }
}
