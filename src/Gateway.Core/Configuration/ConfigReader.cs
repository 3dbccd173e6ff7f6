using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionGateway.Configuration;

/// <summary>Reads a config's JSON tree into the model, recording every shape problem with its location.</summary>
internal static class ConfigReader
{
    // The key lists of the readers are internal so that the schema tests hold schema/gateway.schema.json to them.
    internal static readonly IReadOnlyList<string> TopLevelKeys =
        ["$schema", "title", "description", "servers", "cors", "authorizer", "authorizers", "variables", "rate_limits", "paths"];

    internal static readonly IReadOnlyList<string> ServerKeys = ["alias", "url", "timeout_seconds", "send_forwarded", "forward_override_headers"];

    internal static readonly IReadOnlyList<string> PathKeys =
        ["method", "path", "auth", "authorization", "rate_limit", "integration", "response", "mapping", "variables"];

    internal static readonly IReadOnlyList<string> IntegrationKeys = ["type", "server", "path", "method", "status", "headers", "body", "body_text"];

    internal static readonly IReadOnlyList<string> MappingKeys = ["headers", "query"];

    internal static readonly IReadOnlyList<string> CorsKeys =
        ["allow_origins", "allow_methods", "allow_headers", "expose_headers", "allow_credentials", "max_age"];

    public static GatewayConfig Read(JsonObject root, List<ConfigIssue> issues)
    {
        var reader = new ConfigNodeReader(issues);
        reader.RejectUnknownKeys(root, "", TopLevelKeys, UnsupportedTopLevelKey);

        return new GatewayConfig
        {
            Title = reader.String(root, "title", ""),
            Description = reader.String(root, "description", ""),
            Servers = ReadServers(reader, root),
            Cors = ReadCors(reader, root),
            Authorizer = AuthorizerReader.ReadDefault(reader, root),
            Authorizers = AuthorizerReader.ReadNamed(reader, root),
            Variables = reader.ScalarMap(root, "variables", ""),
            RateLimits = RateLimitReader.ReadPolicies(reader, root),
            Paths = ReadPaths(reader, root),
        };
    }

    private static List<ServerConfig> ReadServers(ConfigNodeReader reader, JsonObject root)
    {
        var servers = new List<ServerConfig>();
        var array = reader.Array(root, "servers", "");
        for (var i = 0; array is not null && i < array.Count; i++)
        {
            var location = $"servers[{i}]";
            if (array[i] is not JsonObject obj)
            {
                reader.Issues.Add(new ConfigIssue(location, $"must be an object with 'alias' and 'url', not {ConfigNodeReader.Describe(array[i])}"));
                continue;
            }

            reader.RejectUnknownKeys(obj, location, ServerKeys);
            var alias = reader.String(obj, "alias", location, required: true);
            var url = reader.String(obj, "url", location, required: true);
            var timeout = reader.Int(obj, "timeout_seconds", location, 1, 3600);
            // Kept when 'alias' or 'url' is missing (already reported), so that paths naming it are not also
            // told the alias is unknown, and the other key is still checked.
            servers.Add(new ServerConfig
            {
                Alias = alias ?? "", Url = url ?? "", TimeoutSeconds = timeout,
                SendForwarded = reader.Bool(obj, "send_forwarded", location) ?? false,
                ForwardOverrideHeaders = reader.Bool(obj, "forward_override_headers", location) ?? false,
            });
        }

        return servers;
    }

    private static CorsConfig? ReadCors(ConfigNodeReader reader, JsonObject root)
    {
        var obj = reader.Object(root, "cors", "");
        if (obj is null)
        {
            return null;
        }

        reader.RejectUnknownKeys(obj, "cors", CorsKeys);
        return new CorsConfig
        {
            AllowOrigins = reader.StringList(obj, "allow_origins", "cors"),
            AllowMethods = reader.StringList(obj, "allow_methods", "cors"),
            AllowHeaders = reader.StringList(obj, "allow_headers", "cors"),
            ExposeHeaders = reader.StringList(obj, "expose_headers", "cors"),
            AllowCredentials = reader.Bool(obj, "allow_credentials", "cors") ?? false,
            MaxAge = reader.Int(obj, "max_age", "cors", 0, int.MaxValue) ?? 0,
        };
    }

    private static List<PathConfig> ReadPaths(ConfigNodeReader reader, JsonObject root)
    {
        var paths = new List<PathConfig>();
        var array = reader.Array(root, "paths", "");
        if (array is null)
        {
            reader.Issues.Add(new ConfigIssue("paths", "is required: the config must list its routes"));
            return paths;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var location = $"paths[{i}]";
            if (array[i] is not JsonObject obj)
            {
                reader.Issues.Add(new ConfigIssue(location, $"must be an object with 'method' and 'path', not {ConfigNodeReader.Describe(array[i])}"));
                continue;
            }

            paths.Add(ReadPath(reader, obj, location));
        }

        return paths;
    }

    private static PathConfig ReadPath(ConfigNodeReader reader, JsonObject obj, string location)
    {
        reader.RejectUnknownKeys(obj, location, PathKeys, UnsupportedPathKey);
        var integration = reader.Object(obj, "integration", location);
        var mapping = reader.Object(obj, "mapping", location);
        var hasResponse = obj.ContainsKey("response");
        var (auth, authorizerNames) = PathAuthReader.ReadPathAuth(reader, obj, location);

        return new PathConfig
        {
            // An empty method or path is reported by the validator, which knows the route's location.
            Method = reader.String(obj, "method", location, required: true) ?? "",
            Path = reader.String(obj, "path", location, required: true) ?? "",
            Auth = auth,
            AuthorizerNames = authorizerNames,
            Authorization = PathAuthReader.ReadAuthorization(reader, obj, location),
            RateLimitNames = RateLimitReader.ReadPathPolicies(reader, obj, location),
            Integration = integration is null ? null : ReadIntegration(reader, integration, $"{location}.integration"),
            Response = hasResponse ? obj["response"]?.DeepClone() : null,
            HasResponse = hasResponse,
            Mapping = mapping is null ? null : ReadMapping(reader, mapping, $"{location}.mapping"),
            Variables = reader.ScalarMap(obj, "variables", location),
        };
    }

    // Kept without a type (already reported), so the path is not also said to have no integration.
    private static IntegrationConfig ReadIntegration(ConfigNodeReader reader, JsonObject obj, string location)
    {
        reader.RejectUnknownKeys(obj, location, IntegrationKeys);
        return new IntegrationConfig
        {
            Type = reader.String(obj, "type", location, required: true),
            Server = reader.String(obj, "server", location),
            Path = reader.String(obj, "path", location),
            Method = reader.String(obj, "method", location),
            // The range is the validator's: it explains why 1xx and 600+ are refused.
            Status = reader.Int(obj, "status", location, int.MinValue, int.MaxValue),
            Headers = obj.ContainsKey("headers") ? reader.ScalarMap(obj, "headers", location) : null,
            Body = obj["body"]?.DeepClone(),
            HasBody = obj.ContainsKey("body"),
            BodyText = reader.String(obj, "body_text", location),
        };
    }

    private static MappingConfig ReadMapping(ConfigNodeReader reader, JsonObject obj, string location)
    {
        reader.RejectUnknownKeys(obj, location, MappingKeys);
        return new MappingConfig
        {
            Headers = reader.ScalarMap(obj, "headers", location),
            Query = reader.ScalarMap(obj, "query", location),
        };
    }

    private static string? UnsupportedTopLevelKey(string key) => key switch
    {
        "serviceBindings" or "servicesBindings" or "services" =>
            "Cloudflare service bindings are not supported: expose the service over HTTP and route to it with an http_proxy integration",
        _ => null,
    };

    private static string? UnsupportedPathKey(string key) => key switch
    {
        "pre_process" or "post_process" =>
            $"'{key}' runs a Cloudflare service binding, which is not supported: put that logic in the upstream service",
        _ => null,
    };
}
