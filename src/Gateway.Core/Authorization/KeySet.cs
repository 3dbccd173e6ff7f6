using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>
/// The keys an authorizer verifies with at one moment. A new instance whenever the keys change, so that
/// whatever was derived from the old keys (validation parameters, cached tokens) can tell it is stale.
/// </summary>
public sealed class KeySet
{
    private readonly HashSet<string> _keyIds;
    private readonly bool _hasKeysWithoutId;

    public KeySet(IReadOnlyList<SecurityKey> keys, bool selectByKeyId, string? discoveredIssuer = null, string? unavailableReason = null)
    {
        Keys = keys;
        SelectByKeyId = selectByKeyId;
        DiscoveredIssuer = discoveredIssuer;
        UnavailableReason = unavailableReason;
        _keyIds = new HashSet<string>(keys.Where(k => !string.IsNullOrEmpty(k.KeyId)).Select(k => k.KeyId), StringComparer.Ordinal);
        _hasKeysWithoutId = keys.Any(k => string.IsNullOrEmpty(k.KeyId));
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    /// <summary>True for key sets (JWKS): a token's <c>kid</c> must name one of them. A shared secret has no key id.</summary>
    public bool SelectByKeyId { get; }

    /// <summary>The <c>issuer</c> of the discovery document, when the keys came from one.</summary>
    public string? DiscoveredIssuer { get; }

    /// <summary>Why there are no keys at all: the key set was never fetched or is not a valid JWKS.</summary>
    public string? UnavailableReason { get; }

    /// <summary>
    /// Whether a token with this <c>kid</c> may verify: a key has that id, or some key has no id at all (a JWKS
    /// may omit them), in which case the signature check tries those keys.
    /// </summary>
    public bool MayHaveKeyId(string keyId) => _keyIds.Contains(keyId) || _hasKeysWithoutId;

    public static KeySet Unavailable(string reason) => new([], selectByKeyId: true, unavailableReason: reason);
}
