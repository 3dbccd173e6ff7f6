using FunctionGateway.Routing;

namespace FunctionGateway.Configuration.Validation;

/// <summary>Each path has a valid method and template, and exactly one of <c>integration</c> and <c>response</c>.</summary>
internal sealed class PathRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            var location = $"paths[{i}]";
            if (path.Method.Length > 0 && !RouteMethods.TryParse(path.Method, out _))
            {
                issues.Add(new ConfigIssue($"{location}.method",
                    $"unknown method '{path.Method}'; use GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD or ANY (upper case)"));
            }

            if (path.Path.Length > 0 && !RouteTemplate.TryParse(path.Path, out _, out var error))
            {
                issues.Add(new ConfigIssue($"{location}.path", $"'{path.Path}' {error}"));
            }

            if (path.Integration is null && !path.HasResponse)
            {
                issues.Add(new ConfigIssue(location, "has neither 'integration' nor 'response': say where the request goes"));
            }
            else if (path.Integration is not null && path.HasResponse)
            {
                issues.Add(new ConfigIssue(location, "has both 'integration' and 'response': keep one"));
            }
        }
    }
}
