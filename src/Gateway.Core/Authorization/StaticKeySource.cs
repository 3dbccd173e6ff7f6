using System.Text;
using FunctionGateway.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Authorization;

/// <summary>Keys written in the config: an HMAC secret or an inline JWKS. They change only with the config.</summary>
public sealed class StaticKeySource : ISigningKeySource
{
    private readonly KeySet _keys;

    private StaticKeySource(KeySet keys, string kind)
    {
        _keys = keys;
        State = new KeySourceState(kind, null, keys.Keys.Count, null, keys.UnavailableReason);
    }

    public KeySourceState State { get; }

    public static StaticKeySource FromSecret(string secret) =>
        new(new KeySet([new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret))], selectByKeyId: false), "secret");

    /// <summary>The validator has parsed this JWKS already; a failure here is reported as an unavailable key set all the same.</summary>
    public static StaticKeySource FromJwks(string jwks)
    {
        try
        {
            var set = new JsonWebKeySet(jwks);
            return new StaticKeySource(new KeySet([.. set.GetSigningKeys()], selectByKeyId: true), "jwks");
        }
        catch (ArgumentException e)
        {
            return new StaticKeySource(KeySet.Unavailable($"the authorizer's inline jwks is not a valid JWKS ({e.GetType().Name})"), "jwks");
        }
    }

    public static StaticKeySource For(AuthorizerConfig config) =>
        config.Secret is { } secret ? FromSecret(secret) : FromJwks(config.Jwks!);

    public ValueTask<KeySet> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);

    public ValueTask<KeySet> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);
}
