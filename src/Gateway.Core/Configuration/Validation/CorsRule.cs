namespace FunctionGateway.Configuration.Validation;

/// <summary>
/// Allowed origins are '*', or a scheme and host such as 'https://app.example.com' or 'https://*.example.org';
/// '*' with credentials is a warning.
/// </summary>
internal sealed class CorsRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        if (config.Cors is null)
        {
            return;
        }

        for (var i = 0; i < config.Cors.AllowOrigins.Count; i++)
        {
            var origin = config.Cors.AllowOrigins[i];
            if (origin == "*")
            {
                if (config.Cors.AllowCredentials)
                {
                    // Kept for Serverless API Gateway compatibility, but it lets any site call with the user's cookies.
                    issues.Add(new ConfigIssue("cors.allow_origins",
                        "'*' with allow_credentials echoes any origin with credentials; list the origins instead", ConfigSeverity.Warning));
                }

                continue;
            }

            var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0 || origin.Length == schemeEnd + 3 || origin.EndsWith('/'))
            {
                issues.Add(new ConfigIssue($"cors.allow_origins[{i}]",
                    $"'{origin}' is not an origin: use a scheme and host without a path, such as 'https://app.example.com' or 'https://*.example.org'"));
            }
        }
    }
}
