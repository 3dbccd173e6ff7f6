using FunctionGateway.Authorization;
using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Diagnostics;

/// <summary>
/// Stands in for a remote key source when <c>gateway explain --offline</c> must not touch the network: it has no
/// keys and says why, so the engine refuses with <c>ERR_JWKS_INVALID</c> and the explanation can tell that
/// verdict apart from a real one.
/// </summary>
internal sealed class OfflineKeySource : ISigningKeySource
{
    private readonly KeySet _keys;

    public OfflineKeySource(AuthorizerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var discovery = config.OpenIdConfigurationUri is not null;
        Address = (config.OpenIdConfigurationUri ?? config.JwksUri!).Split('?')[0];
        Kind = discovery ? "openid_configuration_uri" : "jwks_uri";
        _keys = KeySet.Unavailable($"the keys at {Address} were not fetched (offline)");
        State = new KeySourceState(Kind, Address, null, null, _keys.UnavailableReason);
    }

    public string Kind { get; }

    /// <summary>The remote address without its query string, which may carry a key.</summary>
    public string Address { get; }

    public KeySourceState State { get; }

    public ValueTask<KeySet> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);

    public ValueTask<KeySet> RefreshAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_keys);
}
