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
        // Every check runs whatever the others found, so one run shows all that is wrong.
        if (authorizer.Type is { } type && AuthorizerReader.UnsupportedTypes.ContainsKey(type))
        {
            // Reported by the reader with what to write instead; its keys are that type's, not a jwt authorizer's.
            return;
        }

        if (authorizer.Type is { } other && other != AuthorizerConfig.JwtType)
        {
            issues.Add(new ConfigIssue($"{at}.type", $"unknown authorizer type '{other}'; use 'jwt'"));
        }

        var algorithms = JwtAlgorithms.Effective(authorizer.Algorithms);
        var known = CheckAlgorithms(authorizer, algorithms, issues);
        if (known.Count > 0 && known.All(JwtAlgorithms.IsHmac))
        {
            CheckSecret(authorizer, known, issues);
        }
        else if (known.Count > 0 && !known.Any(JwtAlgorithms.IsHmac))
        {
            KeySourceCheck.Check(authorizer, known, issues);
        }

        CheckNonEmpty(authorizer.Issuers, $"{at}.issuer", "omit it to accept any issuer", issues);
        CheckNonEmpty(authorizer.Audiences, $"{at}.audience", "omit it to accept any audience", issues);
        if (authorizer.Audiences.Count == 0)
        {
            // Without an audience, a token the identity provider minted for any other API of its tenant is accepted here.
            issues.Add(new ConfigIssue($"{at}.audience",
                $"not set; any audience of {IssuerText(authorizer)} is accepted. Set audience to this API's identifier.", ConfigSeverity.Warning));
        }
        if (authorizer.Subject is { Length: 0 })
        {
            issues.Add(new ConfigIssue($"{at}.subject", "must not be empty; omit it to accept any subject"));
        }

        TokenSourceCheck.Check(authorizer, issues);
    }

    /// <summary>Reports unsupported and mixed algorithms; returns the supported ones, which decide the key checks.</summary>
    private static List<string> CheckAlgorithms(AuthorizerConfig authorizer, IReadOnlyList<string> algorithms, List<ConfigIssue> issues)
    {
        var key = $"{authorizer.Location}.{authorizer.AlgorithmsKey}";
        var known = new List<string>(algorithms.Count);
        for (var i = 0; i < algorithms.Count; i++)
        {
            var algorithm = algorithms[i];
            if (JwtAlgorithms.IsHmac(algorithm) || JwtAlgorithms.PublicKey.Contains(algorithm))
            {
                known.Add(algorithm);
                continue;
            }

            issues.Add(new ConfigIssue(authorizer.AlgorithmsKey == "algorithms" ? $"{key}[{i}]" : key,
                algorithm.Equals("none", StringComparison.OrdinalIgnoreCase)
                    ? "'none' is never accepted: unsigned tokens prove nothing"
                    : algorithm == "EdDSA"
                        ? "EdDSA is not supported by the gateway's token library; use ES256 or RS256"
                        : $"unsupported algorithm '{algorithm}'; use HS256/384/512, RS256/384/512, PS256/384/512 or ES256/384/512"));
        }

        if (known.Any(JwtAlgorithms.IsHmac) && !known.All(JwtAlgorithms.IsHmac))
        {
            issues.Add(new ConfigIssue(key,
                "mixes HMAC (HS*) and public-key algorithms, which lets a public key be used as an HMAC secret; use two authorizers"));
        }

        return known;
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

    private static string IssuerText(AuthorizerConfig authorizer) => authorizer.Issuers switch
    {
        [var issuer] => $"issuer '{issuer}'",
        { Count: > 1 } issuers => $"issuers {string.Join(", ", issuers.Select(i => $"'{i}'"))}",
        _ when authorizer.OpenIdConfigurationUri is not null => "the issuer of the openid_configuration_uri document",
        _ => "any issuer that signs with the authorizer's keys",
    };

    private static void CheckNonEmpty(IReadOnlyList<string> values, string location, string hint, List<ConfigIssue> issues)
    {
        if (values.Any(v => v.Length == 0))
        {
            issues.Add(new ConfigIssue(location, $"must not be empty; {hint}"));
        }
    }
}
