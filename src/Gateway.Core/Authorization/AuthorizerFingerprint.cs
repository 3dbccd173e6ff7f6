using System.Security.Cryptography;
using System.Text.Json;
using FunctionGateway.Configuration;

namespace FunctionGateway.Authorization;

/// <summary>
/// Identifies an authorizer's settings across config versions: equal fingerprints validate every token the same
/// way, so a reload may keep the authorizer and its token cache. Every property takes part, so a setting added
/// later cannot be missed; the value is a hash, so the fingerprint holds no copy of a secret.
/// </summary>
internal static class AuthorizerFingerprint
{
    public static string Of(AuthorizerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        // Where the authorizer is written changes no token's outcome: moving it in the file keeps its cache.
        var json = JsonSerializer.SerializeToUtf8Bytes(config with { Location = "", AlgorithmsKey = "" });
        return Convert.ToHexString(SHA256.HashData(json));
    }
}
