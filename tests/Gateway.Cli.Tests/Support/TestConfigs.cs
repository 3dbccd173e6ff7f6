namespace FunctionGateway.Cli.Tests.Support;

/// <summary>Gateway configs for the command tests, written with an appsettings.json that holds their secret.</summary>
public static class TestConfigs
{
    /// <summary>
    /// An HS256 default authorizer (secret from <c>$secret.JWT_SECRET</c>), and, when <paramref name="jwksUri"/> is
    /// given, an RS256 authorizer named <c>partners</c> on that key set.
    /// </summary>
    public static string Gateway(string? jwksUri = null)
    {
        var partners = jwksUri is null ? "" : $$"""
            {"name": "partners", "type": "jwt", "algorithm": "RS256", "jwks_uri": "{{jwksUri}}", "issuer": "{{TestJwt.Issuer}}", "audience": "{{TestJwt.Audience}}"}
            """;
        var partnerPath = jwksUri is null ? "" : """
            , {"method": "GET", "path": "/partner", "auth": "partners", "response": {"partner": true}}
            """;
        return $$$"""
            {
              "authorizer": {"type": "jwt", "secret": "$secret.JWT_SECRET", "issuer": "{{{TestJwt.Issuer}}}", "audience": "{{{TestJwt.Audience}}}"},
              "authorizers": [{{{partners}}}],
              "paths": [
                {"method": "GET", "path": "/health", "response": {"status": "ok"}},
                {"method": "GET", "path": "/orders", "auth": true, "response": {"orders": []}},
                {"method": "POST", "path": "/orders", "auth": true, "response": {"created": true}},
                {"method": "GET", "path": "/manage", "auth": true, "authorization": {"require_all": [{"claim": "scope", "values": ["orders:admin"]}]}, "response": {"admin": true}}
                {{{partnerPath}}}
              ]
            }
            """;
    }

    /// <summary>Writes the config as gateway.json and an appsettings.json with its secret; returns the config's path.</summary>
    public static string Write(TempDir dir, string config)
    {
        dir.Write("appsettings.json", $$"""{"JWT_SECRET": "{{TestJwt.Secret}}"}""");
        return dir.Write("gateway.json", config);
    }
}
