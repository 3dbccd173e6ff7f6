using System.Text.RegularExpressions;

namespace FunctionGateway.Configuration.Validation;

/// <summary>Named authorizers have unique names, and every path's <c>auth</c> names authorizers that exist.</summary>
internal sealed partial class AuthorizerReferenceRule : IConfigRule
{
    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var authorizer in config.Authorizers)
        {
            if (authorizer.Name is null)
            {
                // A missing name has been reported by the reader.
                continue;
            }

            if (!NamePattern().IsMatch(authorizer.Name))
            {
                issues.Add(new ConfigIssue($"{authorizer.Location}.name",
                    $"'{authorizer.Name}' is not a valid name; use letters, digits, '_', '.' and '-'"));
            }
            else if (!names.Add(authorizer.Name))
            {
                issues.Add(new ConfigIssue($"{authorizer.Location}.name", $"'{authorizer.Name}' is already the name of another authorizer"));
            }
        }

        for (var i = 0; i < config.Paths.Count; i++)
        {
            CheckPath(config, config.Paths[i], $"paths[{i}]", names, issues);
        }
    }

    private static void CheckPath(GatewayConfig config, PathConfig path, string at, HashSet<string> names, List<ConfigIssue> issues)
    {
        if (path.Auth && path.AuthorizerNames.Count == 0 && config.Authorizer is null)
        {
            issues.Add(new ConfigIssue($"{at}.auth", config.Authorizers.Count == 0
                ? "is true but the config has no 'authorizer'"
                : $"is true but the config has no default 'authorizer'; name one of: {string.Join(", ", names)}"));
        }

        for (var n = 0; n < path.AuthorizerNames.Count; n++)
        {
            var name = path.AuthorizerNames[n];
            if (!names.Contains(name))
            {
                var location = path.AuthorizerNames.Count == 1 ? $"{at}.auth" : $"{at}.auth[{n}]";
                issues.Add(new ConfigIssue(location, names.Count == 0
                    ? $"unknown authorizer '{name}': the config has no 'authorizers'"
                    : $"unknown authorizer '{name}'; defined: {string.Join(", ", names)}"));
            }
        }

        if (path.Authorization is not null && !path.Auth)
        {
            issues.Add(new ConfigIssue($"{at}.authorization", "has claim rules but the path has no 'auth': there would be no token to check them on"));
        }
    }
}
