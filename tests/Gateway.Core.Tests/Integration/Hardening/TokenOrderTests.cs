using System.Net;
using System.Text.Json;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Integration.Hardening;

/// <summary>
/// The documented order of token checks, through a running gateway: header, then signature, then claims. A forged
/// signature is refused as such whatever the payload holds; a signed token with a malformed claim is refused naming
/// that claim; no answer names a .NET type.
/// </summary>
public sealed class TokenOrderTests : IAsyncLifetime
{
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await RunningGateway.StartAsync("""
        {
          "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256",
                          "issuer": "https://issuer.example.com", "audience": "api-audience" },
          "paths": [
            { "method": "GET", "path": "/private", "auth": true, "response": { "ok": true } },
            { "method": "GET", "path": "/subject", "auth": true, "response": { "ok": true },
              "mapping": { "headers": { "x-user": "$request.jwt.sub" } } }
          ]
        }
        """, new Dictionary<string, string?> { ["JWT_SECRET"] = Tokens.Secret });

    public Task DisposeAsync() => _gateway.DisposeAsync().AsTask();

    private const string Header = """{"alg":"HS256","typ":"JWT"}""";

    // Payloads the token library cannot read as claims: each beside a valid iss and aud.
    public static TheoryData<string, string> MalformedClaims => new()
    {
        { "\"exp\": null", "exp" },
        { "\"exp\": true", "exp" },
        { "\"exp\": []", "exp" },
        { "\"exp\": {}", "exp" },
        { "\"exp\": \"tomorrow\"", "exp" },
        { "\"exp\": 1e300", "exp" },
        { "\"exp\": 18446744073709551616", "exp" },
        { "\"exp\": -1e300", "exp" },
        { "\"exp\": -1", "exp" },
        { "\"nbf\": 1e300", "nbf" },
        { "\"nbf\": null", "nbf" },
        { "\"iat\": \"yesterday\"", "iat" },
        { "\"iat\": [1]", "iat" },
        { "\"sub\": 42", "sub" },
        { "\"sub\": [\"a\", \"b\"]", "sub" },
        { "\"sub\": {\"id\": 1}", "sub" },
        { "\"sub\": null", "sub" },
        { "\"iss\": 7", "iss" },
        { "\"iss\": [\"https://issuer.example.com\"]", "iss" },
        { "\"aud\": 7", "aud" },
        { "\"aud\": [7]", "aud" },
        { "\"jti\": 7", "jti" },
    };

    private static string Payload(string claim)
    {
        var name = claim[1..claim.IndexOf('"', 1)];
        var defaults = new List<string>();
        if (name != "iss")
        {
            defaults.Add("\"iss\": \"https://issuer.example.com\"");
        }

        if (name != "aud")
        {
            defaults.Add("\"aud\": \"api-audience\"");
        }

        if (name != "exp")
        {
            defaults.Add($"\"exp\": {DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}");
        }

        return "{" + string.Join(", ", defaults.Append(claim)) + "}";
    }

    [Theory]
    [MemberData(nameof(MalformedClaims))]
    public async Task Authorize_MalformedClaimWithForgedSignature_SignatureVerificationFailed(string claim, string name)
    {
        _ = name;
        var token = Tokens.Raw(Header, Payload(claim), secret: "another-secret-another-secret-another-0");

        var (body, challenge) = await SendAsync(token);

        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", body.GetProperty("code").GetString());
        AssertNoTypeName(body.GetRawText(), challenge);
    }

    [Theory]
    [MemberData(nameof(MalformedClaims))]
    public async Task Authorize_MalformedClaimWithValidSignature_ClaimValidationFailedNamingTheClaim(string claim, string name)
    {
        var token = Tokens.Raw(Header, Payload(claim));

        var (body, challenge) = await SendAsync(token);

        Assert.Equal("ERR_JWT_CLAIM_VALIDATION_FAILED", body.GetProperty("code").GetString());
        Assert.Contains($"'{name}'", challenge, StringComparison.Ordinal);
        AssertNoTypeName(body.GetRawText(), challenge);
    }

    [Fact]
    public async Task Authorize_StringSubject_MappedAsSent()
    {
        var token = Tokens.Raw(Header, Payload("\"sub\": \"user-7\""));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/subject");
        request.Headers.Authorization = new("Bearer", token);

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(JsonElement Body, string Challenge)> SendAsync(string token)
    {
        using var response = await _gateway.GetAsync("/private", token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (body, response.Headers.WwwAuthenticate.ToString());
    }

    private static void AssertNoTypeName(string body, string challenge)
    {
        foreach (var text in new[] { body, challenge })
        {
            Assert.DoesNotMatch(@"Exception|System\.|Microsoft\.|IDX\d", text);
        }
    }
}
