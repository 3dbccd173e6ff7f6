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
    /// <c>none</c>, or the route's rate limit policies in the order they are counted: <c>per-ip (before auth)</c>,
    /// then the others, each with its numbers: <c>per-user 100/60s</c>, <c>bucket 50+10/1s</c>.
    /// </summary>
    public static string Limits(PathConfig path, GatewayConfig config)
    {
        var policies = path.RateLimitNames
            .Select(n => config.RateLimits.FirstOrDefault(p => p.Name == n))
            .OfType<RateLimitConfig>()
            .OrderBy(p => p.BeforeAuth ? 0 : 1)
            .Select(p => (p.Algorithm == RateLimitConfig.TokenBucket
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Limit}+{p.TokensPerPeriod}/{p.PeriodSeconds}s")
                : string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Limit}/{p.WindowSeconds}s")) + (p.BeforeAuth ? " (before auth)" : ""))
            .ToList();
        return policies.Count == 0 ? "none" : string.Join(", ", policies);
    }

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
