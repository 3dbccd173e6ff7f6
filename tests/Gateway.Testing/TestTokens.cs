using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Testing;

/// <summary>
/// Mints tokens by hand, byte by byte, so that tests can also build the malformed and hostile ones a real
/// library refuses to produce (alg none, repeated names, stray headers).
/// </summary>
public static class TestTokens
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, object> Claims(TimeSpan? lifetime = null) => new()
    {
        ["iss"] = "https://issuer.test",
        ["aud"] = "api://orders",
        ["sub"] = "user-1",
        ["iat"] = Now.ToUnixTimeSeconds(),
        ["exp"] = (Now + (lifetime ?? TimeSpan.FromMinutes(30))).ToUnixTimeSeconds(),
    };

    public static Dictionary<string, object> Header(string alg, string? kid = null)
    {
        var header = new Dictionary<string, object> { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    public static string Hs256(Dictionary<string, object>? claims = null, string secret = TestKeys.Secret, string alg = "HS256") =>
        Sign(Header(alg), claims ?? Claims(), Encoding.UTF8.GetBytes(secret));

    public static string Sign(object header, object claims, byte[] secret) =>
        SignRaw(Json(header), Json(claims), signingInput => HMACSHA256.HashData(secret, signingInput));

    public static string Rs256(TestKeys key, Dictionary<string, object>? claims = null, string? kid = "") =>
        SignRaw(Json(Header("RS256", kid == "" ? key.KeyId : kid)), Json(claims ?? Claims()),
            input => key.Rsa!.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string RsWithHeader(TestKeys key, object header, Dictionary<string, object>? claims = null) =>
        SignRaw(Json(header), Json(claims ?? Claims()),
            input => key.Rsa!.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string Es256(TestKeys key, Dictionary<string, object>? claims = null) =>
        SignRaw(Json(Header("ES256", key.KeyId)), Json(claims ?? Claims()),
            input => key.Ec!.SignData(input, HashAlgorithmName.SHA256));

    /// <summary>Signs exactly these header and payload texts (which may repeat names or be otherwise odd).</summary>
    public static string SignRaw(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
    {
        var signingInput = $"{B64(headerJson)}.{B64(payloadJson)}";
        return $"{signingInput}.{Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public static string HsRaw(string headerJson, string payloadJson, string secret = TestKeys.Secret) =>
        SignRaw(headerJson, payloadJson, input => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), input));

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string B64(string text) => Base64UrlEncoder.Encode(text);
}
