using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Schema;

/// <summary>The schema and the loader agree: what one accepts the other accepts, and what one rejects the other rejects.</summary>
public class SchemaAgreementTests
{
    private static readonly TestKeys Rsa = TestKeys.NewRsa("rsa-1");

    /// <summary>The app settings and secrets the configs below (and the samples) reference.</summary>
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["JWT_SECRET"] = TestKeys.Secret,
        ["JWKS"] = TestKeys.Jwks(TestKeys.NewEc("ec-1")),
        ["ORDERS_URL"] = "http://127.0.0.1:5000/v1",
        ["ROUTE_METHOD"] = "POST",
        ["JWT_ALGORITHM"] = "HS384",
        ["LONG_SECRET"] = new string('s', 64),
    };

    private const string Servers = """ "servers": [{ "alias": "orders", "url": "http://127.0.0.1:5000" }] """;

    private const string Hs256 = """ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET" } """;

    [Theory]
    [InlineData("""{ "paths": [] }""")]
    [InlineData($$"""
        { "$schema": "../schema/gateway.schema.json", "title": "t", "description": "d",
          "servers": [{ "alias": "orders", "url": "https://orders.example.com/v1", "timeout_seconds": 3600 },
                      { "alias": "local", "url": "$env.ORDERS_URL", "timeout_seconds": 1 }],
          "paths": [{ "method": "ANY", "path": "/orders/{.+}", "integration": { "type": "http_proxy", "server": "orders" } },
                    { "method": "GET", "path": "/local/{id}", "integration": { "type": "http", "server": "local" } },
                    { "method": "GET", "path": "/null", "response": null },
                    { "method": "HEAD", "path": "/list", "response": [1, "two", { "three": 3 }] },
                    { "method": "DELETE", "path": "/", "response": 42 }] }
        """)]
    [InlineData($$"""
        { {{Servers}},
          "paths": [{ "method": "GET", "path": "/users/{id}", "integration": { "type": "http_proxy", "server": "orders", "path": "/api/users/{id}", "method": "POST" },
                      "mapping": { "headers": { "x-user": "$request.path.id" } } },
                    { "method": "ANY", "path": "/legacy/{.+}", "integration": { "type": "http", "server": "orders", "path": "/v1/{.+}" } },
                    { "method": "GET", "path": "/root", "integration": { "type": "http", "server": "orders", "path": "" } },
                    { "method": "GET", "path": "/old", "integration": { "type": "static", "status": 301, "headers": { "Location": "https://example.com/new" } } },
                    { "method": "GET", "path": "/teapot", "integration": { "type": "static", "status": 418, "body": { "error": "teapot" } } },
                    { "method": "GET", "path": "/robots.txt", "integration": { "type": "static", "body_text": "User-agent: *", "headers": { "Cache-Control": "max-age=60" } } }] }
        """)]
    [InlineData("""
        { "cors": { "allow_origins": ["*", "https://app.example.com", "https://*.example.org", "http://localhost:3000"],
                    "allow_methods": ["GET", "POST"], "allow_headers": ["Authorization"], "expose_headers": ["X-Request-Id"],
                    "allow_credentials": true, "max_age": 0 },
          "paths": [{ "method": "OPTIONS", "path": "/preflight", "response": {} }] }
        """)]
    [InlineData($$"""
        { {{Servers}}, {{Hs256}}, "variables": { "stage": "prod", "replicas": 3, "beta": false },
          "paths": [{ "method": "GET", "path": "/me", "auth": true, "integration": { "type": "http_proxy", "server": "orders" },
                      "variables": { "region": "westeurope" },
                      "mapping": { "headers": { "x-user-id": "$request.jwt.sub", "x-client": "$request.header.X-Client",
                                                "x-where": "$config.stage/$config.region", "x-version": 2, "x-internal": true },
                                   "query": { "tenant": "$request.jwt.tenant", "page": "$request.query.p" } } },
                    { "method": "GET", "path": "/public", "auth": false, "response": {} }] }
        """)]
    [InlineData("""
        { "authorizers": [
            { "name": "partners", "type": "jwt", "algorithms": ["RS256", "PS256"], "jwks": RSA_JWKS },
            { "name": "mobile.v2", "type": "jwt", "algorithm": "ES256", "jwks": "$secret.JWKS" },
            { "name": "idp", "type": "jwt", "algorithm": "RS256", "jwks_uri": "http://127.0.0.1:5001/keys", "jwks_refresh_min_seconds": 86400 },
            { "name": "entra", "type": "jwt", "algorithm": "RS256",
              "openid_configuration_uri": "https://login.example.com/tenant/v2.0/.well-known/openid-configuration" }],
          "paths": [{ "method": "GET", "path": "/a", "auth": "partners", "response": {} },
                    { "method": "GET", "path": "/b", "auth": ["mobile.v2", "idp", "entra"], "response": {},
                      "authorization": { "require_all": [{ "claim": "scope", "values": ["orders:read"] }],
                                         "require_any": [{ "claim": "tier", "values": [1, true, "gold"] }] } }] }
        """)]
    [InlineData("""
        { "authorizer": { "type": "jwt", "algorithm": "HS512", "secret": "$secrets.LONG_SECRET",
                          "issuer": ["https://a.example.com", "https://b.example.com"], "audience": "api", "subject": "svc",
                          "require_expiration": false, "max_lifetime_seconds": 3600, "clock_skew_seconds": 3600,
                          "token_sources": [{ "header": "Authorization", "prefix": "Bearer " }, { "header": "X-Api-Token" },
                                            { "query": "access_token" }, { "cookie": "session" }] },
          "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": {},
                      "authorization": { "require_any": [{ "claim": "roles", "values": ["admin"] }] } }] }
        """)]
    [InlineData("""
        { "authorizer": { "type": "jwt", "algorithm": "$env.JWT_ALGORITHM", "secret": "$secret.LONG_SECRET" },
          "paths": [{ "method": "$env.ROUTE_METHOD", "path": "/from-settings", "auth": true, "response": {} }] }
        """)]
    public async Task Config_AcceptedByLoader_AlsoValidatesAgainstSchema(string json)
    {
        json = json.Replace("RSA_JWKS", TestKeys.Jwks(Rsa), StringComparison.Ordinal);

        var loaded = await TestServices.LoadAsync(json, Settings);
        var schemaErrors = await GatewaySchema.ErrorsOf(json);

        Assert.Empty(loaded.Errors);
        Assert.Empty(schemaErrors);
    }

    [Theory]
    [InlineData("""{ "paths": [], "extra": 1 }""", "extra", "#/extra")]
    [InlineData("""{ "paths": [], "serviceBindings": [] }""", "serviceBindings", "#/serviceBindings")]
    [InlineData("""{ }""", "paths", "#/paths")]
    [InlineData("""{ "paths": "nope" }""", "paths", "#/paths")]
    [InlineData("""{ "paths": [{ "method": "FETCH", "path": "/a", "response": 1 }] }""", "paths[0].method", "#/paths[0].method")]
    [InlineData("""{ "paths": [{ "method": "get", "path": "/a", "response": 1 }] }""", "paths[0].method", "#/paths[0].method")]
    [InlineData("""{ "paths": [{ "path": "/a", "response": 1 }] }""", "paths[0].method", "#/paths[0].method")]
    [InlineData("""{ "paths": [{ "method": "GET", "response": 1 }] }""", "paths[0].path", "#/paths[0].path")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "a", "response": 1 }] }""", "paths[0].path", "#/paths[0].path")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "response": 1, "pre_process": {} }] }""", "paths[0].pre_process", "#/paths[0].pre_process")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a" }] }""", "paths[0]", "#/paths[0]")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "response": 1, "integration": { "type": "http", "server": "orders" } }] }""", "paths[0]", "#/paths[0]")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "lambda", "server": "orders" } }] }""", "paths[0].integration.type", "#/paths[0].integration.type")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http_proxy" } }] }""", "paths[0].integration.server", "#/paths[0].integration.server")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http", "server": "orders", "timeout": 5 } }] }""", "paths[0].integration.timeout", "#/paths[0].integration.timeout")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": "orders" }] }""", "paths[0].integration", "#/paths[0].integration")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "static", "server": "orders" } }] }""", "paths[0].integration.server", "#/paths[0].integration")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http", "server": "orders", "status": 201 } }] }""", "paths[0].integration.status", "#/paths[0].integration")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "static", "status": 100 } }] }""", "paths[0].integration.status", "#/paths[0].integration.status")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "static", "body": 1, "body_text": "x" } }] }""", "paths[0].integration.body_text", "#/paths[0].integration")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http", "server": "orders", "path": "/x?y=1" } }] }""", "paths[0].integration.path", "#/paths[0].integration.path")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http", "server": "orders", "method": "TRACE" } }] }""", "paths[0].integration.method", "#/paths[0].integration.method")]
    [InlineData("""{ "servers": [{ "alias": "a", "url": "ftp://x" }], "paths": [] }""", "servers[0].url", "#/servers[0].url")]
    [InlineData("""{ "servers": [{ "url": "http://x" }], "paths": [] }""", "servers[0].alias", "#/servers[0].alias")]
    [InlineData("""{ "servers": [{ "alias": "a", "url": "http://x", "timeout_seconds": 0 }], "paths": [] }""", "servers[0].timeout_seconds", "#/servers[0].timeout_seconds")]
    [InlineData("""{ "servers": [{ "alias": "a", "url": "http://x", "timeout_seconds": 3601 }], "paths": [] }""", "servers[0].timeout_seconds", "#/servers[0].timeout_seconds")]
    [InlineData("""{ "servers": [{ "alias": "a", "url": "http://x", "timeout_seconds": "10" }], "paths": [] }""", "servers[0].timeout_seconds", "#/servers[0].timeout_seconds")]
    [InlineData("""{ "servers": { "alias": "a", "url": "http://x" }, "paths": [] }""", "servers", "#/servers")]
    [InlineData("""{ "cors": { "allow_origins": ["https://app.example.com/"] }, "paths": [] }""", "cors.allow_origins[0]", "#/cors.allow_origins[0]")]
    [InlineData("""{ "cors": { "allow_origins": "*" }, "paths": [] }""", "cors.allow_origins", "#/cors.allow_origins")]
    [InlineData("""{ "cors": { "allow_credentials": "yes" }, "paths": [] }""", "cors.allow_credentials", "#/cors.allow_credentials")]
    [InlineData("""{ "cors": { "max_age": -1 }, "paths": [] }""", "cors.max_age", "#/cors.max_age")]
    [InlineData("""{ "cors": { "allow_origin": ["*"] }, "paths": [] }""", "cors.allow_origin", "#/cors.allow_origin")]
    [InlineData("""{ "authorizer": { "type": "oauth", "secret": "$secret.JWT_SECRET" }, "paths": [] }""", "authorizer.type", "#/authorizer.type")]
    [InlineData("""{ "authorizer": { "secret": "$secret.JWT_SECRET" }, "paths": [] }""", "authorizer.type", "#/authorizer.type")]
    [InlineData("""{ "authorizer": { "type": "jwt", "algorithm": "none", "secret": "$secret.JWT_SECRET" }, "paths": [] }""", "authorizer.algorithm", "#/authorizer.algorithm")]
    [InlineData("""{ "authorizer": { "type": "jwt", "algorithm": "EdDSA", "jwks_uri": "https://idp.example.com/keys" }, "paths": [] }""", "authorizer.algorithm", "#/authorizer.algorithm")]
    [InlineData("""{ "authorizer": { "type": "jwt", "algorithm": "HS256", "algorithms": ["HS256"], "secret": "$secret.JWT_SECRET" }, "paths": [] }""", "authorizer.algorithms", "#/authorizer")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "issuers": ["x"] }, "paths": [] }""", "authorizer.issuers", "#/authorizer.issuers")]
    [InlineData("""{ "authorizer": { "name": "main", "type": "jwt", "secret": "$secret.JWT_SECRET" }, "paths": [] }""", "authorizer.name", "#/authorizer")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "issuer": 1 }, "paths": [] }""", "authorizer.issuer", "#/authorizer.issuer")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "require_expiration": "no" }, "paths": [] }""", "authorizer.require_expiration", "#/authorizer.require_expiration")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "max_lifetime_seconds": 0 }, "paths": [] }""", "authorizer.max_lifetime_seconds", "#/authorizer.max_lifetime_seconds")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "clock_skew_seconds": 3601 }, "paths": [] }""", "authorizer.clock_skew_seconds", "#/authorizer.clock_skew_seconds")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "jwks_refresh_min_seconds": 86401 }, "paths": [] }""", "authorizer.jwks_refresh_min_seconds", "#/authorizer.jwks_refresh_min_seconds")]
    [InlineData("""{ "authorizer": { "type": "jwt", "algorithm": "RS256", "jwks": 5 }, "paths": [] }""", "authorizer.jwks", "#/authorizer.jwks")]
    [InlineData("""{ "authorizer": { "type": "jwt", "algorithm": "RS256", "jwks_uri": "idp.example.com/keys" }, "paths": [] }""", "authorizer.jwks_uri", "#/authorizer.jwks_uri")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "token_sources": [{ "header": "X-Token", "query": "t" }] }, "paths": [] }""", "authorizer.token_sources[0]", "#/authorizer.token_sources[0]")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "token_sources": [{}] }, "paths": [] }""", "authorizer.token_sources[0]", "#/authorizer.token_sources[0]")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "token_sources": [{ "query": "t", "prefix": "Bearer " }] }, "paths": [] }""", "authorizer.token_sources[0].prefix", "#/authorizer.token_sources[0]")]
    [InlineData("""{ "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "token_sources": [{ "headers": "X-Token" }] }, "paths": [] }""", "authorizer.token_sources[0].headers", "#/authorizer.token_sources[0].headers")]
    [InlineData("""{ "authorizers": [{ "type": "jwt", "secret": "$secret.JWT_SECRET" }], "paths": [] }""", "authorizers[0].name", "#/authorizers[0]")]
    [InlineData("""{ "authorizers": [{ "name": "two words", "type": "jwt", "secret": "$secret.JWT_SECRET" }], "paths": [] }""", "authorizers[0].name", "#/authorizers[0].name")]
    [InlineData("""{ "authorizers": { "name": "a" }, "paths": [] }""", "authorizers", "#/authorizers")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": [], "response": 1 }] }""", "paths[0].auth", "#/paths[0].auth")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": 1, "response": 1 }] }""", "paths[0].auth", "#/paths[0].auth")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": 1, "authorization": {} }] }""", "paths[0].authorization", "#/paths[0].authorization")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": 1, "authorization": { "require_all": [{ "claim": "scope" }] } }] }""", "paths[0].authorization.require_all[0].values", "#/paths[0].authorization.require_all[0].values")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": 1, "authorization": { "require_any": [{ "claim": "scope", "values": [] }] } }] }""", "paths[0].authorization.require_any[0].values", "#/paths[0].authorization.require_any[0].values")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": 1, "authorization": { "require_any": [{ "values": ["x"] }] } }] }""", "paths[0].authorization.require_any[0].claim", "#/paths[0].authorization.require_any[0].claim")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": 1, "authorization": { "require_any": [{ "claim": "scope", "values": ["x"], "match": "all" }] } }] }""", "paths[0].authorization.require_any[0].match", "#/paths[0].authorization.require_any[0].match")]
    [InlineData($$"""{ {{Hs256}}, "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": 1, "authorization": { "require_one": [] } }] }""", "paths[0].authorization.require_one", "#/paths[0].authorization.require_one")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http", "server": "orders" }, "mapping": { "body": {} } }] }""", "paths[0].mapping.body", "#/paths[0].mapping.body")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http", "server": "orders" }, "mapping": { "headers": { "x-a": { "from": "jwt" } } } }] }""", "paths[0].mapping.headers.x-a", "#/paths[0].mapping.headers.x-a")]
    [InlineData($$"""{ {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http", "server": "orders" }, "mapping": { "query": ["tenant"] } }] }""", "paths[0].mapping.query", "#/paths[0].mapping.query")]
    [InlineData("""{ "variables": { "list": [1, 2] }, "paths": [] }""", "variables.list", "#/variables.list")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "response": 1, "variables": { "v": null } }] }""", "paths[0].variables.v", "#/paths[0].variables.v")]
    public async Task Config_RejectedByLoader_AlsoRejectedBySchema(string json, string loaderLocation, string schemaPath)
    {
        var loaded = await TestServices.LoadAsync(json, Settings);
        var schemaErrors = await GatewaySchema.ErrorsOf(json);

        Assert.Contains(loaded.Errors, e => e.ToString().StartsWith($"{loaderLocation}: ", StringComparison.Ordinal));
        Assert.Contains(schemaErrors, e => e.StartsWith($"{schemaPath}: ", StringComparison.Ordinal));
    }
}
