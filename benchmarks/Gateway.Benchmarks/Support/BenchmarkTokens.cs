using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Benchmarks.Support;

/// <summary>Signed tokens for the benchmarks, valid for six hours from now, for issuer <see cref="Issuer"/> and audience <see cref="Audience"/>.</summary>
internal static class BenchmarkTokens
{
    public const string Issuer = "https://issuer.test";

    public const string Audience = "api://orders";

    public const string HmacSecret = "a-benchmark-secret-of-at-least-32-bytes";

    public static string Hs256() =>
        Mint("HS256", kid: null, input => HMACSHA256.HashData(Encoding.UTF8.GetBytes(HmacSecret), input));

    public static string Mint(string algorithm, string? kid, Func<byte[], byte[]> sign) => Mint(algorithm, kid, sign, Payload());

    public static string Mint(string algorithm, string? kid, Func<byte[], byte[]> sign, string payload)
    {
        var header = new Dictionary<string, object> { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        var input = $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(header))}.{Base64UrlEncoder.Encode(payload)}";
        return $"{input}.{Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(input)))}";
    }

    /// <summary>
    /// The claims every benchmark token carries, valid for six hours unless <paramref name="lifetime"/> says
    /// otherwise; a <c>jti</c> when given, so that each token is a new one.
    /// </summary>
    public static string Payload(string? jti = null, TimeSpan? lifetime = null)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "user-1",
            ["tenant"] = "tenant-42",
            ["scope"] = "orders:read orders:write",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? TimeSpan.FromHours(6))).ToUnixTimeSeconds(),
        };
        if (jti is not null)
        {
            claims["jti"] = jti;
        }

        return JsonSerializer.Serialize(claims);
    }
}
