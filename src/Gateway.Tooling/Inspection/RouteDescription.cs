using System.Globalization;
using FunctionGateway.Configuration;

namespace FunctionGateway.Tooling.Inspection;

/// <summary>How the tools describe a route's protection and target, the same way in every command.</summary>
public static class RouteDescription
{
    /// <summary><c>none</c>, <c>default</c> (the config's <c>authorizer</c>) or the named authorizers.</summary>
    public static string Auth(PathConfig path) =>
        !path.Auth ? "none" : path.AuthorizerNames.Count == 0 ? "default" : string.Join(", ", path.AuthorizerNames);

    /// <summary>
    /// <c>static</c> for a <c>response</c>, <c>static 301</c> for a static integration, or
    /// <c>alias -> url</c> for a proxy, followed by its backend path and <c>(as POST)</c> when they are set.
    /// </summary>
    public static string Target(PathConfig path, GatewayConfig config)
    {
        if (path.Integration is not { } integration)
        {
            return "static";
        }

        if (integration.IsStatic)
        {
            return $"static {(integration.Status ?? 200).ToString(CultureInfo.InvariantCulture)}";
        }

        var url = config.Servers.FirstOrDefault(s => s.Alias == integration.Server)?.Url ?? "(unknown server)";
        return $"{integration.Server} -> {url}"
            + (integration.Path is null ? "" : $" {integration.Path}")
            + (integration.Method is null ? "" : $" (as {integration.Method})");
    }
}
