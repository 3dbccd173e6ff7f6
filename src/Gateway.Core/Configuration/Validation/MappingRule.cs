using FunctionGateway.Integrations;
using FunctionGateway.Mapping;
using FunctionGateway.Routing;

namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Mapped headers are ones a mapping may own; mapping values refer to defined variables, and read token claims
/// only on routes that check a token.
/// </summary>
internal sealed class MappingRule : IConfigRule
{
    // These frame the message or belong to one connection: a value from the request written into them
    // would let a client choose where the upstream thinks the request ends.
    private static readonly HashSet<string> GatewayOwnedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Host", "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Upgrade",
    };

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

            CheckHeaderNames(path.Mapping.Headers, $"{location}.headers", issues);
            Check(path, path.Mapping.Headers, $"{location}.headers", config, issues);
            Check(path, path.Mapping.Query, $"{location}.query", config, issues);
        }
    }

    private static void CheckHeaderNames(IReadOnlyDictionary<string, string> headers, string location, List<ConfigIssue> issues)
    {
        foreach (var name in headers.Keys)
        {
            if (!FieldName.IsValid(name))
            {
                issues.Add(new ConfigIssue($"{location}.{name}", $"is not a header name: use letters, digits and {FieldName.Symbols}"));
            }
            else if (GatewayOwnedHeaders.Contains(name))
            {
                issues.Add(new ConfigIssue($"{location}.{name}", "is set by the gateway for each connection and cannot be mapped"));
            }
        }
    }

    private static void Check(PathConfig path, IReadOnlyDictionary<string, string> values, string location,
        GatewayConfig config, List<ConfigIssue> issues)
    {
        foreach (var (name, value) in values)
        {
            if (MappingTemplate.FindUnknownSource(value) is { } unknown)
            {
                issues.Add(new ConfigIssue($"{location}.{name}", $"unknown mapping source '{unknown}'; known: {MappingTemplate.KnownSources}"));
                continue;
            }

            var template = MappingTemplate.Compile(value, path.Variables, config.Variables, out var error);
            if (error is not null)
            {
                issues.Add(new ConfigIssue($"{location}.{name}", error));
            }

            foreach (var parameter in template.RouteParameters)
            {
                if (!RouteTemplate.TryParse(path.Path, out var route, out _))
                {
                    break;
                }

                if (!route!.Segments.Any(s => s.IsParameter && s.Value == parameter))
                {
                    var defined = route.Segments.Where(s => s.IsParameter).Select(s => "{" + s.Value + "}").ToList();
                    issues.Add(new ConfigIssue($"{location}.{name}", $"reads '$request.path.{parameter}' but the route '{path.Path}' has no '{{{parameter}}}'; " +
                        (defined.Count == 0 ? "it has no parameters" : $"its parameters: {string.Join(", ", defined)}")));
                }
            }

            if (template.UsesJwt && !path.Auth)
            {
                issues.Add(new ConfigIssue($"{location}.{name}",
                    "reads '$request.jwt' but the route has no auth, so there is never a token: set 'auth: true'"));
            }
        }
    }
}
