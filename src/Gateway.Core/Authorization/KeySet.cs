using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>
/// The keys an authorizer verifies with at one moment. A new instance whenever the keys change, so that
/// whatever was derived from the old keys (validation parameters, cached tokens) can tell it is stale.
/// </summary>
internal sealed class KeySet
{
    private readonly HashSet<string> _keyIds;

    public KeySet(IReadOnlyList<SecurityKey> keys, bool selectByKeyId, string? discoveredIssuer = null, string? unavailableReason = null)
    {
        Keys = keys;
        SelectByKeyId = selectByKeyId;
        DiscoveredIssuer = discoveredIssuer;
        UnavailableReason = unavailableReason;
        _keyIds = new HashSet<string>(keys.Where(k => k.KeyId is not null).Select(k => k.KeyId), StringComparer.Ordinal);
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    /// <summary>True for key sets (JWKS): a token's <c>kid</c> must name one of them. A shared secret has no key id.</summary>
    public bool SelectByKeyId { get; }

    /// <summary>The <c>issuer</c> of the discovery document, when the keys came from one.</summary>
    public string? DiscoveredIssuer { get; }

    /// <summary>Why there are no keys at all: the key set was never fetched or is not a valid JWKS.</summary>
    public string? UnavailableReason { get; }

    public bool HasKeyId(string keyId) => _keyIds.Contains(keyId);

    public static KeySet Unavailable(string reason) => new([], selectByKeyId: true, unavailableReason: reason);
}
