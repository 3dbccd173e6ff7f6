using FunctionGateway.Routing;

namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Flags routes under <c>/admin</c> or <c>/runtime</c>. The Azure Functions host answers those paths itself
/// (its admin API, extension webhooks) before any function runs, so such a route can never be served there:
/// an error in the Functions app, a warning under <c>gateway serve</c> so the config does not break when deployed.
/// </summary>
internal sealed class ReservedPathRule(GatewayHostKind host) : IConfigRule
{
    private static readonly string[] ReservedSegments = ["admin", "runtime"];

    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            if (!RouteTemplate.TryParse(path.Path, out var template, out _)
                || template!.Segments.Count == 0
                || template.Segments[0] is not { IsParameter: false } first
                || Array.Find(ReservedSegments, r => string.Equals(r, first.Value, StringComparison.OrdinalIgnoreCase)) is not { } reserved)
            {
                continue;
            }

            var location = $"paths[{i}].path";
            issues.Add(host == GatewayHostKind.AzureFunctions
                ? new ConfigIssue(location,
                    $"'{path.Path}' is under /{reserved}, which the Azure Functions host reserves for itself: " +
                    "requests to it never reach the gateway; move the route to another path")
                : new ConfigIssue(location,
                    $"'{path.Path}' is under /{reserved}, which the Azure Functions host reserves for itself: " +
                    "it works under gateway serve but can never be served when the gateway runs as an Azure Function",
                    ConfigSeverity.Warning));
        }
    }
}
