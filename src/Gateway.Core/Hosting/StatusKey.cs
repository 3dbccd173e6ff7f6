using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FunctionGateway.Hosting;

/// <summary>
/// The key that opens the status endpoint (<c>Gateway:Status:Key</c>), sent by the caller in
/// <see cref="HeaderName"/>. Only its SHA-256 hash is kept, and a caller's key is compared hash to hash in
/// constant time: neither the timing nor the length of the key can be learnt from the answers.
/// </summary>
internal sealed class StatusKey
{
    public const string HeaderName = "X-Gateway-Status-Key";

    /// <summary>Long enough that guessing it over HTTP is hopeless; a hex-encoded 32-byte key has 64.</summary>
    public const int MinimumLength = 16;

    private readonly byte[] _hash;

    private StatusKey(byte[] hash, bool isTooShort)
    {
        _hash = hash;
        IsTooShort = isTooShort;
    }

    public bool IsTooShort { get; }

    public static StatusKey From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new StatusKey(Hash(value), value.Length < MinimumLength);
    }

    /// <summary>Whether the request carries the key: exactly one header value, equal to the key.</summary>
    public StatusKeyCheck Check(HttpRequest request)
    {
        var sent = request.Headers[HeaderName];
        if (sent.Count == 0 || string.IsNullOrEmpty(sent[0]))
        {
            return StatusKeyCheck.Missing;
        }

        return sent.Count == 1 && CryptographicOperations.FixedTimeEquals(Hash(sent[0]!), _hash)
            ? StatusKeyCheck.Accepted
            : StatusKeyCheck.Wrong;
    }

    public override string ToString() => "(status key, not shown)";

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
