namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// An integration has a known type and only the keys of that type, and an http_proxy names a server of the config.
/// </summary>
internal sealed class IntegrationRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var aliases = config.Servers.Select(s => s.Alias).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < config.Paths.Count; i++)
        {
            var integration = config.Paths[i].Integration;
            var location = $"paths[{i}].integration";
            if (integration is null)
            {
                continue;
            }

            if (integration.IsStatic)
            {
                RejectKeys(integration, location, IntegrationConfig.HttpProxy, issues,
                    ("server", integration.Server is not null), ("path", integration.Path is not null), ("method", integration.Method is not null));
                continue;
            }

            if (integration.Type is { } type && !integration.IsHttpProxy)
            {
                issues.Add(new ConfigIssue($"{location}.type", UnknownType(type)));
            }

            // Without a type (already reported) which keys belong is unknown; the server is still checked.
            if (integration.Type is not null)
            {
                RejectKeys(integration, location, IntegrationConfig.Static, issues,
                    ("status", integration.Status is not null), ("headers", integration.Headers is not null),
                    ("body", integration.HasBody), ("body_text", integration.BodyText is not null));
            }

            if (string.IsNullOrEmpty(integration.Server))
            {
                if (integration.IsHttpProxy)
                {
                    issues.Add(new ConfigIssue($"{location}.server", "is required for an http_proxy integration: name one of the servers' aliases"));
                }
            }
            else if (!aliases.Contains(integration.Server))
            {
                var known = aliases.Count == 0 ? "the config has no servers" : $"known aliases: {string.Join(", ", aliases)}";
                issues.Add(new ConfigIssue($"{location}.server", $"unknown server alias '{integration.Server}'; {known}"));
            }
        }
    }

    private static void RejectKeys(IntegrationConfig integration, string location, string owner, List<ConfigIssue> issues,
        params (string Key, bool Present)[] keys)
    {
        foreach (var (key, present) in keys)
        {
            if (present)
            {
                issues.Add(new ConfigIssue($"{location}.{key}",
                    $"applies to '{owner}' integrations only; this one is '{integration.Type}'"));
            }
        }
    }

    private static string UnknownType(string type) => type switch
    {
        "service" or "service_binding" =>
            $"integration type '{type}' is a Cloudflare service binding, which is not supported: expose the service over HTTP and use 'http_proxy'",
        _ when type.StartsWith("auth0", StringComparison.Ordinal) || type.StartsWith("supabase", StringComparison.Ordinal) =>
            $"integration type '{type}' is not supported: protect the route with a 'jwt' authorizer for that identity provider instead",
        _ => $"unknown integration type '{type}'; use 'http_proxy' (or its alias 'http') or 'static', or a 'response' on the path",
    };
}
