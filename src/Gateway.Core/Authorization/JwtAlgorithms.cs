namespace FunctionGateway.Authorization;

/// <summary>The algorithms an authorizer may accept: HMAC with a shared secret, or public keys from a JWKS.</summary>
public static class JwtAlgorithms
{
    public const string Default = "HS256";

    /// <summary>RFC 7518 3.2: an HMAC key must be at least as long as the hash it feeds.</summary>
    public static readonly IReadOnlyDictionary<string, int> Hmac = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["HS256"] = 32,
        ["HS384"] = 48,
        ["HS512"] = 64,
    };

    public static readonly IReadOnlySet<string> PublicKey = new HashSet<string>(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    };

    public static bool IsHmac(string algorithm) => Hmac.ContainsKey(algorithm);

    public static IReadOnlyList<string> Effective(IReadOnlyList<string> configured) => configured.Count == 0 ? [Default] : configured;
}
