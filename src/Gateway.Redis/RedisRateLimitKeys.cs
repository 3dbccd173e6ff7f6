using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using FunctionGateway.RateLimiting;
using StackExchange.Redis;

namespace FunctionGateway.Redis;

/// <summary>
/// The Redis keys of a policy's counter for one client: <c>gw:rl:{hash}:window</c>. The hash of the policy and
/// the client's key keeps user ids and header values out of Redis, bounds the key's length whatever a client
/// sends, and (in braces) puts a sliding window's two counters in one cluster slot.
/// </summary>
internal static class RedisRateLimitKeys
{
    public const string Prefix = "gw:rl:";

    public static RedisKey[] For(RateLimitPolicy policy, string key, long now)
    {
        var hashed = Hash(policy.StoreId, key);
        var window = now / policy.PeriodMilliseconds;
        return policy.Algorithm switch
        {
            RateLimitAlgorithm.FixedWindow => [Window(hashed, window)],
            RateLimitAlgorithm.SlidingWindow => [Window(hashed, window), Window(hashed, window - 1)],
            _ => [$"{Prefix}{{{hashed}}}"],
        };
    }

    private static RedisKey Window(string hashed, long window) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{{{hashed}}}:{window}");

    private static string Hash(string storeId, string key)
    {
        // A newline cannot be in a policy's name, so no policy and key can run into another's.
        var length = Encoding.UTF8.GetMaxByteCount(storeId.Length + 1 + key.Length);
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> buffer = rented ?? stackalloc byte[512];
        try
        {
            var written = Encoding.UTF8.GetBytes(storeId, buffer);
            buffer[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(key, buffer[written..]);
            Span<byte> hash = stackalloc byte[16];
            XxHash128.Hash(buffer[..written], hash);
            return Base64Url.EncodeToString(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
