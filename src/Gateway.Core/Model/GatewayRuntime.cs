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
    internal GatewayRuntime(GatewayConfig config, ConfigVersion version, RouteTable<GatewayRoute> routes, CorsPolicy? cors,
        IReadOnlyList<JwtAuthorizer> authorizers)
    {
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
}
