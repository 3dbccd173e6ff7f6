namespace FunctionGateway.Configuration.Validation;

/// <summary>Each token source names exactly one place: a header (with an optional prefix), a query parameter or a cookie.</summary>
internal static class TokenSourceCheck
{
    public static void Check(AuthorizerConfig authorizer, List<ConfigIssue> issues)
    {
        for (var i = 0; i < authorizer.TokenSources.Count; i++)
        {
            var source = authorizer.TokenSources[i];
            var at = $"{authorizer.Location}.token_sources[{i}]";
            var places = new[] { source.Header, source.Query, source.Cookie }.Count(p => p is not null);
            if (places != 1)
            {
                issues.Add(new ConfigIssue(at, places == 0
                    ? "names no place: set one of 'header', 'query' or 'cookie'"
                    : "names more than one place: set only one of 'header', 'query' or 'cookie'"));
            }

            if (source.Prefix is not null && source.Header is null)
            {
                issues.Add(new ConfigIssue($"{at}.prefix", "only applies to a 'header' source"));
            }

            if (source.Header is { Length: 0 } || source.Query is { Length: 0 } || source.Cookie is { Length: 0 })
            {
                issues.Add(new ConfigIssue(at, "has an empty name"));
            }
        }
    }
}
