using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FunctionGateway.Load.Driver;

/// <summary>
/// The HS256 tokens of the run, valid for an hour: the one sent on every request of most scenarios, and the many
/// of the fresh-token scenarios, one per subject.
/// </summary>
internal static class TokenFactory
{
    public const string Issuer = "https://issuer.load.test";
    public const string Audience = "load-api";

    public static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public static string Create(string secret, TimeProvider time, string subject = "load-user")
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var header = Encode("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        }));
        var signed = $"{header}.{payload}";
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed));
        return $"{signed}.{Encode(signature)}";
    }

    public static string[] CreateMany(string secret, TimeProvider time, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Create(secret, time, $"load-user-{i}"))];

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
