using FunctionGateway.Mapping;

namespace FunctionGateway.Configuration.Validation;

/// <summary>Mapping values refer to defined variables, and read token claims only on routes that check a token.</summary>
internal sealed class MappingRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var path = config.Paths[i];
            if (path.Mapping is null)
            {
                continue;
            }

            var location = $"paths[{i}].mapping";
            if (path.Integration is not { IsHttpProxy: true })
            {
                issues.Add(new ConfigIssue(location, "has no effect: mapping applies to http_proxy integrations only", ConfigSeverity.Warning));
            }

            Check(path, path.Mapping.Headers, $"{location}.headers", config, issues);
            Check(path, path.Mapping.Query, $"{location}.query", config, issues);
        }
    }

    private static void Check(PathConfig path, IReadOnlyDictionary<string, string> values, string location,
        GatewayConfig config, List<ConfigIssue> issues)
    {
        foreach (var (name, value) in values)
        {
            var template = MappingTemplate.Compile(value, path.Variables, config.Variables, out var error);
            if (error is not null)
            {
                issues.Add(new ConfigIssue($"{location}.{name}", error));
            }

            if (template.UsesJwt && !path.Auth)
            {
                issues.Add(new ConfigIssue($"{location}.{name}",
                    "reads '$request.jwt' but the route has no auth, so there is never a token: set 'auth: true'"));
            }
        }
    }
}
