using System.Text;

namespace FunctionGateway.Configuration.Validation;

/// <summary>The authorizer is a usable JWT authorizer, and every <c>auth: true</c> path has one.</summary>
internal sealed class AuthorizerRule : IConfigRule
{
    // RFC 7518 3.2: an HMAC key must be at least as long as the hash it feeds.
    private static readonly Dictionary<string, int> MinimumSecretBytes = new(StringComparer.Ordinal)
    {
        ["HS256"] = 32,
        ["HS384"] = 48,
        ["HS512"] = 64,
    };

    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        if (config.Authorizer is { } authorizer)
        {
            CheckAuthorizer(authorizer, issues);
        }
        else
        {
            for (var i = 0; i < config.Paths.Count; i++)
            {
                if (config.Paths[i].Auth)
                {
                    issues.Add(new ConfigIssue($"paths[{i}].auth", "is true but the config has no 'authorizer'"));
                }
            }
        }
    }

    private static void CheckAuthorizer(AuthorizerConfig authorizer, List<ConfigIssue> issues)
    {
        if (authorizer.Type != AuthorizerConfig.JwtType)
        {
            issues.Add(new ConfigIssue("authorizer.type", $"unknown authorizer type '{authorizer.Type}'; use 'jwt'"));
            return;
        }

        var algorithm = authorizer.Algorithm ?? "HS256";
        if (!MinimumSecretBytes.TryGetValue(algorithm, out var minimum))
        {
            issues.Add(new ConfigIssue("authorizer.algorithm", $"unsupported algorithm '{algorithm}'; use HS256, HS384 or HS512"));
            return;
        }

        if (string.IsNullOrEmpty(authorizer.Secret))
        {
            issues.Add(new ConfigIssue("authorizer.secret", $"is required for {algorithm}; use a reference such as '$secret.JWT_SECRET'"));
        }
        else if (Encoding.UTF8.GetByteCount(authorizer.Secret) < minimum)
        {
            // The length only: the value is a secret.
            issues.Add(new ConfigIssue("authorizer.secret",
                $"is {Encoding.UTF8.GetByteCount(authorizer.Secret)} bytes; {algorithm} needs a secret of at least {minimum} bytes"));
        }

        if (authorizer.Issuer is { Length: 0 })
        {
            issues.Add(new ConfigIssue("authorizer.issuer", "must not be empty; omit it to accept any issuer"));
        }

        if (authorizer.Audience is { Length: 0 })
        {
            issues.Add(new ConfigIssue("authorizer.audience", "must not be empty; omit it to accept any audience"));
        }
    }
}
