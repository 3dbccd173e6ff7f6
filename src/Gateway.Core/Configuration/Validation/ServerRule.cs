namespace FunctionGateway.Configuration.Validation;

/// <summary>Each server has a unique alias and an absolute http(s) URL.</summary>
internal sealed class ServerRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Servers.Count; i++)
        {
            // A key the reader found missing or of the wrong type has its issue already.
            if (!Reported(issues, $"servers[{i}].alias"))
            {
                CheckAlias(config.Servers[i].Alias, $"servers[{i}].alias", aliases, issues);
            }

            if (!Reported(issues, $"servers[{i}].url"))
            {
                CheckUrl(config.Servers[i].Url, $"servers[{i}].url", issues);
            }
        }
    }

    private static void CheckAlias(string alias, string location, HashSet<string> aliases, List<ConfigIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(alias))
        {
            issues.Add(new ConfigIssue(location, "must not be empty"));
        }
        else if (!aliases.Add(alias))
        {
            issues.Add(new ConfigIssue(location, $"duplicate server alias '{alias}'"));
        }
    }

    private static void CheckUrl(string address, string location, List<ConfigIssue> issues)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            issues.Add(new ConfigIssue(location, "must be an absolute http:// or https:// URL, such as 'https://orders.internal.example.com'"));
        }
        else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            issues.Add(new ConfigIssue(location, "must not have a query or fragment: the request's query is forwarded"));
        }
    }

    private static bool Reported(List<ConfigIssue> issues, string location) => issues.Exists(i => i.Location == location);
}
