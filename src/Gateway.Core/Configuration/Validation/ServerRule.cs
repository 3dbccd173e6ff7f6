namespace FunctionGateway.Configuration.Validation;

/// <summary>Each server has a unique alias and an absolute http(s) URL.</summary>
internal sealed class ServerRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Servers.Count; i++)
        {
            var server = config.Servers[i];
            if (string.IsNullOrWhiteSpace(server.Alias))
            {
                issues.Add(new ConfigIssue($"servers[{i}].alias", "must not be empty"));
            }
            else if (!aliases.Add(server.Alias))
            {
                issues.Add(new ConfigIssue($"servers[{i}].alias", $"duplicate server alias '{server.Alias}'"));
            }

            if (!Uri.TryCreate(server.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                issues.Add(new ConfigIssue($"servers[{i}].url", "must be an absolute http:// or https:// URL, such as 'https://orders.internal.example.com'"));
            }
            else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
            {
                issues.Add(new ConfigIssue($"servers[{i}].url", "must not have a query or fragment: the request's query is forwarded"));
            }
        }
    }
}
