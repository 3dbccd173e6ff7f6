using FunctionGateway.Integrations;
using FunctionGateway.Routing;

namespace FunctionGateway.Configuration.Validation;

/// <summary>An http_proxy's backend <c>path</c> uses only the route's own parameters, and its <c>method</c> is one the gateway can send.</summary>
internal sealed class BackendRequestRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            if (path.Integration is not { IsHttpProxy: true } integration)
            {
                continue;
            }

            var location = $"paths[{i}].integration";
            // A route that does not parse is reported by PathRule; its backend path cannot be checked against it.
            if (integration.Path is not null && RouteTemplate.TryParse(path.Path, out var route, out _)
                && !BackendPathTemplate.TryParse(integration.Path, route!, out _, out var error))
            {
                issues.Add(new ConfigIssue($"{location}.path", error!));
            }

            if (integration.Method is { } method
                && (!RouteMethods.TryParse(method, out var parsed) || parsed == RouteMethod.Any))
            {
                issues.Add(new ConfigIssue($"{location}.method",
                    $"'{method}' is not a method the gateway sends; use GET, POST, PUT, PATCH, DELETE, OPTIONS or HEAD (upper case), or omit it to send the client's"));
            }
        }
    }
}
