using FunctionGateway.Authorization;
using FunctionGateway.Configuration;
using FunctionGateway.Cors;
using FunctionGateway.Routing;

namespace FunctionGateway.Model;

/// <summary>
/// Everything one config version needs at request time, built once and never changed: a reload builds a
/// new runtime and swaps it in, and a request keeps the runtime it started with.
/// </summary>
public sealed class GatewayRuntime
{
    private Action? _release;

    internal GatewayRuntime(GatewayConfig config, ConfigVersion version, RouteTable<GatewayRoute> routes, CorsPolicy? cors,
        IReadOnlyList<JwtAuthorizer> authorizers, Action? release = null)
    {
        _release = release;
        Authorizers = authorizers;
        Config = config;
        Version = version;
        Routes = routes;
        Cors = cors;
    }

    public GatewayConfig Config { get; }

    public ConfigVersion Version { get; }

    public RouteTable<GatewayRoute> Routes { get; }

    internal CorsPolicy? Cors { get; }

    internal IReadOnlyList<JwtAuthorizer> Authorizers { get; }

    /// <summary>
    /// Gives back what this version shares with others (authorizers, key sources) once it is no longer served.
    /// Requests still running on it finish with it; only the registry forgets what no version uses any more.
    /// </summary>
    internal void Release() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
