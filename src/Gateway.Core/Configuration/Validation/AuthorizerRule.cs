using System.Text;
using FunctionGateway.Authorization;

namespace FunctionGateway.Configuration.Validation;

/// <summary>Every authorizer (the default one and the named ones) can verify tokens: its algorithms, keys and claims.</summary>
internal sealed class AuthorizerRule : IConfigRule
{
    public void Check(GatewayConfig config, List<ConfigIssue> issues)
    {
        foreach (var authorizer in config.Authorizers.Prepend(config.Authorizer))
        {
            if (authorizer is not null)
            {
                CheckAuthorizer(authorizer, issues);
            }
        }
    }

    private static void CheckAuthorizer(AuthorizerConfig authorizer, List<ConfigIssue> issues)
    {
        var at = authorizer.Location;
        if (authorizer.Type != AuthorizerConfig.JwtType)
        {
            issues.Add(new ConfigIssue($"{at}.type", $"unknown authorizer type '{authorizer.Type}'; use 'jwt'"));
            return;
        }

        var algorithms = JwtAlgorithms.Effective(authorizer.Algorithms);
        if (!CheckAlgorithms(authorizer, algorithms, issues))
        {
            return;
        }

        if (JwtAlgorithms.IsHmac(algorithms[0]))
        {
            CheckSecret(authorizer, algorithms, issues);
        }
        else
        {
            KeySourceCheck.Check(authorizer, algorithms, issues);
        }

        CheckNonEmpty(authorizer.Issuers, $"{at}.issuer", "omit it to accept any issuer", issues);
        CheckNonEmpty(authorizer.Audiences, $"{at}.audience", "omit it to accept any audience", issues);
        if (authorizer.Subject is { Length: 0 })
        {
            issues.Add(new ConfigIssue($"{at}.subject", "must not be empty; omit it to accept any subject"));
        }

        TokenSourceCheck.Check(authorizer, issues);
    }

    private static bool CheckAlgorithms(AuthorizerConfig authorizer, IReadOnlyList<string> algorithms, List<ConfigIssue> issues)
    {
        var at = authorizer.Algorithms.Count > 1 ? $"{authorizer.Location}.algorithms" : $"{authorizer.Location}.algorithm";

        var valid = true;
        foreach (var algorithm in algorithms)
        {
            if (!JwtAlgorithms.IsHmac(algorithm) && !JwtAlgorithms.PublicKey.Contains(algorithm))
            {
                issues.Add(new ConfigIssue(at, algorithm.Equals("none", StringComparison.OrdinalIgnoreCase)
                    ? "'none' is never accepted: unsigned tokens prove nothing"
                    : algorithm == "EdDSA"
                        ? "EdDSA is not supported by the gateway's token library; use ES256 or RS256"
                        : $"unsupported algorithm '{algorithm}'; use HS256/384/512, RS256/384/512, PS256/384/512 or ES256/384/512"));
                valid = false;
            }
        }

        if (valid && algorithms.Any(JwtAlgorithms.IsHmac) && !algorithms.All(JwtAlgorithms.IsHmac))
        {
            issues.Add(new ConfigIssue(at,
                "mixes HMAC (HS*) and public-key algorithms, which lets a public key be used as an HMAC secret; use two authorizers"));
            valid = false;
        }

        return valid;
    }

    private static void CheckSecret(AuthorizerConfig authorizer, IReadOnlyList<string> algorithms, List<ConfigIssue> issues)
    {
        var at = authorizer.Location;
        foreach (var (key, value) in new[] { ("jwks", authorizer.Jwks), ("jwks_uri", authorizer.JwksUri), ("openid_configuration_uri", authorizer.OpenIdConfigurationUri) })
        {
            if (value is not null)
            {
                issues.Add(new ConfigIssue($"{at}.{key}",
                    $"is a public-key source, but {string.Join("/", algorithms)} verifies with 'secret'; set 'algorithms' to RS256, ES256... or remove it"));
            }
        }

        var minimum = algorithms.Max(a => JwtAlgorithms.Hmac[a]);
        if (string.IsNullOrEmpty(authorizer.Secret))
        {
            issues.Add(new ConfigIssue($"{at}.secret", $"is required for {string.Join("/", algorithms)}; use a reference such as '$secret.JWT_SECRET'"));
        }
        else if (Encoding.UTF8.GetByteCount(authorizer.Secret) < minimum)
        {
            // The length only: the value is a secret.
            issues.Add(new ConfigIssue($"{at}.secret",
                $"is {Encoding.UTF8.GetByteCount(authorizer.Secret)} bytes; {string.Join("/", algorithms)} needs a secret of at least {minimum} bytes"));
        }
    }

    private static void CheckNonEmpty(IReadOnlyList<string> values, string location, string hint, List<ConfigIssue> issues)
    {
        if (values.Any(v => v.Length == 0))
        {
            issues.Add(new ConfigIssue(location, $"must not be empty; {hint}"));
        }
    }
}
