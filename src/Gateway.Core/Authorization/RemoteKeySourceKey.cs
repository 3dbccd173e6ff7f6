using FunctionGateway.Configuration;

namespace FunctionGateway.Authorization;

/// <summary>
/// What defines a remote key source: its address, whether that is a discovery document or a bare JWKS, and its
/// refresh throttle. The HTTP settings follow from the address (one client for every source; HTTPS except on
/// loopback), so authorizers and config versions with equal keys share one source and the keys it has fetched.
/// </summary>
internal sealed record RemoteKeySourceKey(string Address, bool Discovery, int RefreshMinSeconds)
{
    public static RemoteKeySourceKey For(AuthorizerConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(config.OpenIdConfigurationUri ?? config.JwksUri!, config.OpenIdConfigurationUri is not null, config.JwksRefreshMinSeconds);
    }
}
