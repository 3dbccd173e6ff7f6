using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>Tokens for the CLI tests, signed with the test secret or an identity provider's key.</summary>
public static class TestJwt
{
    public const string Secret = "cli-test-secret-of-at-least-32-bytes-long";
    public const string Issuer = "https://issuer.test";
    public const string Audience = "api://orders";

    public static Dictionary<string, object> Claims(DateTimeOffset? expires = null, string audience = Audience, string issuer = Issuer) => new()
    {
        ["iss"] = issuer,
        ["aud"] = audience,
        ["sub"] = "user-1",
        ["exp"] = (expires ?? DateTimeOffset.UtcNow.AddHours(1)).ToUnixTimeSeconds(),
    };

    public static string Hs256(Dictionary<string, object>? claims = null, string secret = Secret) =>
        Create(claims ?? Claims(), new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256));

    public static string Rs256(RSA key, string kid, Dictionary<string, object>? claims = null) =>
        Create(claims ?? Claims(), new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256));

    private static string Create(Dictionary<string, object> claims, SigningCredentials credentials) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(JsonSerializer.Serialize(claims), credentials);
}
