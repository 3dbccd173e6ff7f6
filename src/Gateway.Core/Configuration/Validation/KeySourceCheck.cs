using FunctionGateway.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Configuration.Validation;

/// <summary>A public-key authorizer has exactly one key source, and a remote one is HTTPS (or on loopback).</summary>
internal static class KeySourceCheck
{
    public static void Check(AuthorizerConfig authorizer, IReadOnlyList<string> algorithms, List<ConfigIssue> issues)
    {
        var at = authorizer.Location;
        if (authorizer.Secret is not null)
        {
            issues.Add(new ConfigIssue($"{at}.secret",
                $"is for HS256/384/512, but {string.Join("/", algorithms)} verifies with public keys; use 'jwks', 'jwks_uri' or 'openid_configuration_uri'"));
        }

        var sources = new[] { ("jwks", authorizer.Jwks), ("jwks_uri", authorizer.JwksUri), ("openid_configuration_uri", authorizer.OpenIdConfigurationUri) }
            .Where(s => s.Item2 is not null).ToList();
        if (sources.Count == 0)
        {
            issues.Add(new ConfigIssue(at,
                $"has no key source for {string.Join("/", algorithms)}: set one of 'jwks', 'jwks_uri' or 'openid_configuration_uri'"));
            return;
        }

        if (sources.Count > 1)
        {
            issues.Add(new ConfigIssue($"{at}.{sources[1].Item1}", $"is given together with '{sources[0].Item1}'; keep one key source"));
        }

        foreach (var (key, value) in sources)
        {
            if (key == "jwks")
            {
                CheckInlineJwks(value!, $"{at}.jwks", issues);
            }
            else
            {
                CheckRemote(value!, $"{at}.{key}", issues);
            }
        }
    }

    private static void CheckInlineJwks(string jwks, string location, List<ConfigIssue> issues)
    {
        try
        {
            if (new JsonWebKeySet(jwks).GetSigningKeys().Count == 0)
            {
                issues.Add(new ConfigIssue(location, "has no usable signing key (RSA or EC keys with 'kty', 'n'/'e' or 'crv'/'x'/'y')"));
            }
        }
        catch (ArgumentException)
        {
            issues.Add(new ConfigIssue(location, "is not a valid JWKS: expected a JSON object with a 'keys' array"));
        }
    }

    private static void CheckRemote(string address, string location, List<ConfigIssue> issues)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            issues.Add(new ConfigIssue(location, $"'{address}' is not an absolute https:// URL"));
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && !RemoteKeySource.IsLoopback(address))
        {
            issues.Add(new ConfigIssue(location,
                $"'{address}' is not HTTPS; keys fetched over plain HTTP can be replaced in transit (only loopback hosts may use http://)"));
        }
    }
}
