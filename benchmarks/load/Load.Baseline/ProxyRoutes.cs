using Yarp.ReverseProxy.Configuration;

namespace FunctionGateway.Load.Baseline;

/// <summary>One route forwarding every path, as is, to the upstream: the same target URL the gateway's exact routes forward to.</summary>
internal static class ProxyRoutes
{
    public const string ClusterId = "upstream";

    public static RouteConfig Route(bool withJwt) => new()
    {
        RouteId = "all",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "/{**catch-all}" },
        AuthorizationPolicy = withJwt ? "default" : null,
    };

    public static ClusterConfig Cluster(string upstream) => new()
    {
        ClusterId = ClusterId,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            ["upstream"] = new() { Address = upstream },
        },
    };
}
