using System.Text;
using System.Buffers.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Tests.Support;

internal static class Tokens
{
    public const string Secret = "test-secret-test-secret-test-secret-0123";
    public const string Issuer = "https://issuer.example.com";
    public const string Audience = "api-audience";

    /// <summary>An HS256 token; claims override the defaults (iss, aud, sub, exp in one hour).</summary>
    public static string Hs256(Dictionary<string, object>? claims = null, string secret = Secret, string algorithm = SecurityAlgorithms.HmacSha256, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "user-1",
            ["exp"] = at.AddHours(1).ToUnixTimeSeconds(),
        };
        foreach (var (key, value) in claims ?? [])
        {
            payload[key] = value;
        }

        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(JsonSerializer.Serialize(payload),
            new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm));
    }

    /// <summary>An unsigned token ("alg": "none" style): header, payload and an empty signature.</summary>
    public static string Unsigned(string headerJson, string payloadJson) =>
        $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson))}.";

    /// <summary>A token with hand-made header and payload JSON and an HS256 signature over them.</summary>
    public static string Raw(string headerJson, string payloadJson, string secret = Secret)
    {
        var signingInput = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson))}";
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return $"{signingInput}.{Base64Url.EncodeToString(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)))}";
    }
}
