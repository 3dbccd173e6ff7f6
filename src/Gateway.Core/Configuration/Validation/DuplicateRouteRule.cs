using FunctionGateway.Routing;

namespace FunctionGateway.Configuration.Validation;

/// <summary>No two paths share a method and template (parameter names aside): the later one could never match.</summary>
internal sealed class DuplicateRouteRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var seen = new Dictionary<(string Method, string Shape), int>();
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            if (!RouteTemplate.TryParse(path.Path, out var template, out _) || path.Method.Length == 0)
            {
                continue;
            }

            var key = (path.Method, template!.Shape);
            if (seen.TryGetValue(key, out var first))
            {
                issues.Add(new ConfigIssue($"paths[{i}]",
                    $"duplicate route: {path.Method} {path.Path} is already defined at paths[{first}] ({config.Paths[first].Path}), " +
                    "with the same method and the same template up to parameter names; the first one declared wins, so this one can never match"));
            }
            else
            {
                seen[key] = i;
            }
        }
    }
}
