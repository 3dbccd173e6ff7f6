using FunctionGateway.Configuration;

namespace FunctionGateway.Inspection;

/// <summary>How the tools describe a route's protection and target, the same way in every command.</summary>
internal static class RouteDescription
{
    /// <summary><c>none</c>, <c>default</c> (the config's <c>authorizer</c>) or the named authorizers.</summary>
    public static string Auth(PathConfig path) =>
        !path.Auth ? "none" : path.AuthorizerNames.Count == 0 ? "default" : string.Join(", ", path.AuthorizerNames);

    /// <summary><c>static</c> for a response, or <c>alias -> url</c> for a proxy.</summary>
    public static string Target(PathConfig path, GatewayConfig config)
    {
        if (path.Integration is not { } integration)
        {
            return "static";
        }

        var url = config.Servers.FirstOrDefault(s => s.Alias == integration.Server)?.Url ?? "(unknown server)";
        return $"{integration.Server} -> {url}";
    }
}
