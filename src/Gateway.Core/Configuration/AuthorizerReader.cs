using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

/// <summary>Reads the config's <c>authorizer</c> and <c>authorizers</c>.</summary>
internal static class AuthorizerReader
{
    internal static readonly IReadOnlyList<string> AuthorizerKeys =
    [
        "type", "secret", "algorithm", "algorithms", "jwks", "jwks_uri", "openid_configuration_uri", "issuer", "audience",
        "subject", "require_expiration", "max_lifetime_seconds", "clock_skew_seconds", "jwks_refresh_min_seconds", "token_sources",
    ];

    internal static readonly IReadOnlyList<string> NamedAuthorizerKeys = ["name", .. AuthorizerKeys];

    internal static readonly IReadOnlyList<string> TokenSourceKeys = ["header", "prefix", "query", "cookie"];

    public static AuthorizerConfig? ReadDefault(ConfigNodeReader reader, JsonObject root)
    {
        var obj = reader.Object(root, "authorizer", "");
        return obj is null ? null : Read(reader, obj, "authorizer", named: false);
    }

    public static List<AuthorizerConfig> ReadNamed(ConfigNodeReader reader, JsonObject root)
    {
        var authorizers = new List<AuthorizerConfig>();
        var array = reader.Array(root, "authorizers", "");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var location = $"authorizers[{i}]";
            if (array[i] is not JsonObject obj)
            {
                reader.Issues.Add(new ConfigIssue(location, $"must be an object with 'name' and 'type', not {ConfigNodeReader.Describe(array[i])}"));
                continue;
            }

            authorizers.Add(Read(reader, obj, location, named: true));
        }

        return authorizers;
    }

    /// <summary>
    /// Serverless API Gateway's provider-specific authorizer types, each with what to write instead. Such an
    /// authorizer gets this one error: its other keys ('domain', 'client_id'...) belong to that type, not to 'jwt'.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> UnsupportedTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["auth0"] = "authorizer type 'auth0' is not supported: use a 'jwt' authorizer with 'openid_configuration_uri' " +
            "set to 'https://<your-tenant>.auth0.com/.well-known/openid-configuration', 'algorithm' RS256 and 'audience' " +
            "the API identifier (see docs/authorization.md, Auth0)",
        ["supabase"] = "authorizer type 'supabase' is not supported: use a 'jwt' authorizer with 'openid_configuration_uri' " +
            "or 'jwks_uri' of the project ('https://<project-ref>.supabase.co/auth/v1/.well-known/jwks.json', 'algorithm' ES256 or RS256), " +
            "or with 'secret' set to the project's JWT secret and 'algorithm' HS256 (see docs/authorization.md, Supabase)",
    };

    private static AuthorizerConfig Read(ConfigNodeReader reader, JsonObject obj, string location, bool named)
    {
        if (obj["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var declared)
            && UnsupportedTypes.TryGetValue(declared, out var instead))
        {
            reader.Issues.Add(new ConfigIssue(ConfigNodeReader.Join(location, "type"), instead));
            return new AuthorizerConfig
            {
                Name = named ? reader.String(obj, "name", location, required: true) : null,
                Type = declared,
                Location = location,
                Algorithms = [],
            };
        }

        reader.RejectUnknownKeys(obj, location, named ? NamedAuthorizerKeys : AuthorizerKeys);
        var name = named ? reader.String(obj, "name", location, required: true) : null;
        var type = reader.String(obj, "type", location, required: true);
        var algorithms = ReadAlgorithms(reader, obj, location);

        // Kept when 'name' or 'type' is missing (already reported) so that the validator reports the rest too.
        return new AuthorizerConfig
        {
            Name = name,
            Type = type,
            Location = location,
            Secret = reader.String(obj, "secret", location),
            Algorithms = algorithms,
            AlgorithmsKey = obj.ContainsKey("algorithm") || !obj.ContainsKey("algorithms") ? "algorithm" : "algorithms",
            Jwks = ReadJwks(reader, obj, location),
            JwksUri = reader.String(obj, "jwks_uri", location),
            OpenIdConfigurationUri = reader.String(obj, "openid_configuration_uri", location),
            Issuers = StringOrList(reader, obj, "issuer", location),
            Audiences = StringOrList(reader, obj, "audience", location),
            Subject = reader.String(obj, "subject", location),
            RequireExpiration = reader.Bool(obj, "require_expiration", location) ?? true,
            MaxLifetimeSeconds = reader.Int(obj, "max_lifetime_seconds", location, 1, int.MaxValue),
            ClockSkewSeconds = reader.Int(obj, "clock_skew_seconds", location, 0, 3600) ?? 0,
            JwksRefreshMinSeconds = reader.Int(obj, "jwks_refresh_min_seconds", location, 1, 86400)
                ?? AuthorizerConfig.DefaultJwksRefreshMinSeconds,
            TokenSources = ReadTokenSources(reader, obj, location),
        };
    }

    private static IReadOnlyList<string> ReadAlgorithms(ConfigNodeReader reader, JsonObject obj, string location)
    {
        if (obj.ContainsKey("algorithm") && obj.ContainsKey("algorithms"))
        {
            reader.Issues.Add(new ConfigIssue(ConfigNodeReader.Join(location, "algorithms"),
                "is given together with 'algorithm'; keep one of them"));
        }

        return reader.String(obj, "algorithm", location) is { } single ? [single] : reader.StringList(obj, "algorithms", location);
    }

    /// <summary>An inline JWKS may be written as an object or as its JSON text (which a <c>$secret</c> reference yields).</summary>
    private static string? ReadJwks(ConfigNodeReader reader, JsonObject obj, string location)
    {
        if (!obj.TryGetPropertyValue("jwks", out var node) || node is null)
        {
            return null;
        }

        return node is JsonObject ? node.ToJsonString() : reader.String(obj, "jwks", location);
    }

    private static IReadOnlyList<string> StringOrList(ConfigNodeReader reader, JsonObject obj, string key, string location)
    {
        if (obj.TryGetPropertyValue(key, out var node) && node?.GetValueKind() == JsonValueKind.Array)
        {
            return reader.StringList(obj, key, location);
        }

        return reader.String(obj, key, location) is { } single ? [single] : [];
    }

    private static List<TokenSourceConfig> ReadTokenSources(ConfigNodeReader reader, JsonObject obj, string location)
    {
        var sources = new List<TokenSourceConfig>();
        var array = reader.Array(obj, "token_sources", location);
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var itemLocation = $"{ConfigNodeReader.Join(location, "token_sources")}[{i}]";
            if (array[i] is not JsonObject item)
            {
                reader.Issues.Add(new ConfigIssue(itemLocation,
                    $"must be an object such as {{\"header\": \"Authorization\", \"prefix\": \"Bearer \"}}, not {ConfigNodeReader.Describe(array[i])}"));
                continue;
            }

            reader.RejectUnknownKeys(item, itemLocation, TokenSourceKeys);
            sources.Add(new TokenSourceConfig
            {
                Header = reader.String(item, "header", itemLocation),
                Prefix = reader.String(item, "prefix", itemLocation),
                Query = reader.String(item, "query", itemLocation),
                Cookie = reader.String(item, "cookie", itemLocation),
            });
        }

        return sources;
    }
}
