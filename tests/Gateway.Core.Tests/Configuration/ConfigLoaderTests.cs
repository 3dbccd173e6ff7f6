using FunctionGateway.Configuration;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Configuration;

public class ConfigLoaderTests
{
    private const string Servers = """ "servers": [{ "alias": "orders", "url": "http://127.0.0.1:5000" }] """;

    private static async Task<List<string>> ErrorsOf(string json, IDictionary<string, string?>? settings = null)
    {
        var result = await TestServices.LoadAsync(json, settings);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    [Fact]
    public async Task LoadAsync_ValidConfig_BuildsRuntime()
    {
        var result = await TestServices.LoadAsync($$"""
            { "$schema": "x", "title": "t", "description": "d", {{Servers}},
              "paths": [{ "method": "GET", "path": "/orders/{id}", "integration": { "type": "http", "server": "orders" } },
                        { "method": "GET", "path": "/health", "response": { "status": "ok" } }] }
            """);

        Assert.Empty(result.Issues);
        Assert.NotNull(result.Runtime);
        Assert.Equal("GET /orders/{id}", result.Runtime.Routes.Match("GET", "/orders/1")?.Route.ToString());
    }

    [Theory]
    [InlineData("""{ "paths": [], "extra": 1 }""", "extra: unknown key 'extra'; allowed keys: $schema, title, description, servers, cors, authorizer, authorizers, variables, rate_limits, paths")]
    [InlineData("""{ "paths": [{ "path": "/a", "response": 1 }] }""", "paths[0].method: is required")]
    [InlineData("""{ "paths": [{ "method": "GET", "response": 1 }] }""", "paths[0].path: is required")]
    [InlineData("""{ "paths": [{ "method": "get", "path": "/a", "response": 1 }] }""", "paths[0].method: unknown method 'get'")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "lambda" } }] }""", "paths[0].integration.type: unknown integration type 'lambda'")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http_proxy", "server": "orders" } }] }""", "paths[0].integration.server: unknown server alias 'orders'; the config has no servers")]
    [InlineData("""{ "servers": [{ "alias": "a", "url": "ftp://x" }], "paths": [] }""", "servers[0].url: must be an absolute http:// or https:// URL")]
    [InlineData("""{ "servers": [{ "alias": "a", "url": "/relative" }], "paths": [] }""", "servers[0].url: must be an absolute http:// or https:// URL")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "auth": true, "response": 1 }] }""", "paths[0].auth: is true but the config has no 'authorizer'")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a" }] }""", "paths[0]: has neither 'integration' nor 'response'")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "a", "response": 1 }] }""", "paths[0].path: 'a' must start with '/'")]
    [InlineData("""{ "paths": "nope" }""", "paths: must be an array, not a string")]
    [InlineData("""{ }""", "paths: is required")]
    [InlineData("""[1]""", "(root): the config must be a JSON object, not an array")]
    [InlineData("""{ "serviceBindings": [], "paths": [] }""", "serviceBindings: Cloudflare service bindings are not supported")]
    [InlineData("""{ "servicesBindings": [], "paths": [] }""", "servicesBindings: Cloudflare service bindings are not supported")]
    [InlineData("""{ "services": [], "paths": [] }""", "services: Cloudflare service bindings are not supported")]
    [InlineData("""{ "paths": [{ "method": "GET", "path": "/a", "response": 1, "pre_process": {} }] }""", "paths[0].pre_process: 'pre_process' runs a Cloudflare service binding")]
    [InlineData("""{ "cors": { "allow_origins": ["https://app.example.com/"] }, "paths": [] }""", "cors.allow_origins[0]: 'https://app.example.com/' is not an origin")]
    public async Task LoadAsync_InvalidConfig_ReportsLocationAndReason(string json, string expected)
    {
        var errors = await ErrorsOf(json);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_DuplicateRoute_NamesBothPlaces()
    {
        var errors = await ErrorsOf("""
            { "paths": [{ "method": "GET", "path": "/a/{id}", "response": 1 },
                        { "method": "GET", "path": "/a/{x}", "response": 2 }] }
            """);

        Assert.Equal(["paths[1]: duplicate route: GET /a/{x} is already defined at paths[0] (/a/{id}), " +
            "with the same method and the same template up to parameter names; the first one declared wins, so this one can never match"], errors);
    }

    [Fact]
    public async Task LoadAsync_ManyProblems_ReportsEveryOne()
    {
        var errors = await ErrorsOf("""
            { "servers": [{ "alias": "a", "url": "nope" }],
              "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http_proxy", "server": "b" } },
                        { "method": "FETCH", "path": "/b", "response": 1 },
                        { "method": "GET", "path": "/c", "auth": true, "response": 1 }] }
            """);

        Assert.Equal(4, errors.Count);
    }

    [Theory]
    [InlineData("{\n  \"paths\": [\n    { \"method\": \"GET\" \"path\": \"/a\" }\n  ]\n}", "line 3, column 23: expected ',' or '}' after a property value")]
    [InlineData("{ \"paths\": [1 2] }", "line 1, column 15: expected ',' or ']' after an array item")]
    [InlineData("{ \"é\": 1 \"paths\": [] }", "line 1, column 10: expected ',' or '}' after a property value")]
    [InlineData("{ \"paths\": [1,] }", "line 1, column 15: a comma before ']' has no item after it: remove the comma")]
    [InlineData("{ \"paths\": [],\n}", "line 2, column 1: a comma before '}' has no property after it: remove the comma")]
    [InlineData("{ \"paths\": [ ", "line 1, column 14: the text ends inside an object or array: a closing '}' or ']' is missing")]
    [InlineData("{ paths: [] }", "line 1, column 3: expected a property name in double quotes, found 'p'")]
    [InlineData("{ \"paths\" [] }", "line 1, column 11: expected ':' after a property name")]
    [InlineData("{ \"paths\": tru }", "line 1, column 15: expected true, false or null; a text value needs double quotes")]
    [InlineData("{ \"paths\": 'x' }", "line 1, column 12: expected a value (a string in double quotes, a number, true, false, null, an object or an array), found '''")]
    [InlineData("{ \"paths\": [] } }", "line 1, column 17: unexpected '}' after the end of the config's JSON object")]
    [InlineData("", "line 1, column 1: the config is empty: expected a JSON object")]
    public async Task LoadAsync_MalformedJson_ReportsOneBasedLineColumnAndPlainReason(string json, string expected)
    {
        var errors = await ErrorsOf(json);

        Assert.Equal([expected], errors);
    }

    [Fact]
    public async Task LoadAsync_DuplicateJsonKey_ReportsItsPathAndPosition()
    {
        var errors = await ErrorsOf("""
            { "paths": [
              { "method": "GET", "path": "/a",
                "method": "POST", "response": 1 } ] }
            """);

        Assert.Equal(["line 3, column 5: duplicate key 'paths[0].method' (first given at line 2, column 5); a key may appear only once in an object"], errors);
    }

    [Fact]
    public async Task LoadAsync_ByteOrderMark_IsIgnored()
    {
        var result = await TestServices.LoadAsync("\uFEFF{ \"paths\": [] }");

        Assert.Empty(result.Issues);
        Assert.NotNull(result.Runtime);
    }

    [Fact]
    public async Task LoadAsync_EnvAndSecretReferences_ResolvedAnywhereInStrings()
    {
        var result = await TestServices.LoadAsync("""
            { "servers": [{ "alias": "orders", "url": "http://$env.ORDERS_HOST/v1" }],
              "authorizer": { "type": "jwt", "secret": "$secrets.JWT_SECRET", "algorithm": "HS256", "audience": "api" },
              "paths": [{ "method": "GET", "path": "/a", "response": { "env": "$env.STAGE" } }] }
            """, new Dictionary<string, string?> { ["ORDERS_HOST"] = "127.0.0.1:5000", ["STAGE"] = "prod", ["JWT_SECRET"] = Tokens.Secret });

        Assert.Empty(result.Issues);
        Assert.Equal("http://127.0.0.1:5000/v1", result.Runtime!.Config.Servers[0].Url);
        Assert.Equal("""{"env":"prod"}""", result.Runtime.Config.Paths[0].Response!.ToJsonString());
        Assert.Equal(3, result.References.Count);
        Assert.All(result.References, r => Assert.True(r.Resolved));
    }

    [Fact]
    public async Task LoadAsync_UnresolvedReference_IsAnErrorNamingIt()
    {
        var errors = await ErrorsOf("""
            { "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET" },
              "servers": [{ "alias": "a", "url": "$env.MISSING_URL" }], "paths": [] }
            """);

        Assert.Contains("authorizer.secret: unresolved reference '$secret.JWT_SECRET': no secret named 'JWT_SECRET' in app settings and environment variables", errors);
        Assert.Contains("servers[0].url: unresolved reference '$env.MISSING_URL': no app setting or environment variable named 'MISSING_URL'", errors);
    }

    [Fact]
    public async Task LoadAsync_UnresolvedSecret_ReportsOnlyTheReference()
    {
        var errors = await ErrorsOf("""
            { "authorizer": { "type": "jwt", "secret": "$secret.NOPE", "audience": "api" },
              "cors": { "allow_origins": ["$secret.NOPE_ORIGIN"] },
              "paths": [{ "method": "GET", "path": "$secret.NOPE_PATH", "response": 1 }] }
            """);

        Assert.Equal(
        [
            "authorizer.secret: unresolved reference '$secret.NOPE': no secret named 'NOPE' in app settings and environment variables",
            "cors.allow_origins[0]: unresolved reference '$secret.NOPE_ORIGIN': no secret named 'NOPE_ORIGIN' in app settings and environment variables",
            "paths[0].path: unresolved reference '$secret.NOPE_PATH': no secret named 'NOPE_PATH' in app settings and environment variables",
        ], errors);
    }

    [Fact]
    public async Task LoadAsync_IncompleteServers_ReportsEachMissingKeyAndTheRest()
    {
        var errors = await ErrorsOf("""
            { "servers": [{ "url": "ftp://orders" }, { "alias": "orders" }],
              "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http_proxy", "server": "orders" } }] }
            """);

        Assert.Equal(
        [
            "servers[0].alias: is required",
            "servers[1].url: is required",
            "servers[0].url: must be an absolute http:// or https:// URL, such as 'https://orders.internal.example.com'",
        ], errors);
    }

    [Fact]
    public async Task LoadAsync_IntegrationProblems_ReportsEveryOne()
    {
        var errors = await ErrorsOf("""
            { "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "lambda", "server": "nope" } },
                        { "method": "GET", "path": "/b", "integration": { "server": "nope" } }] }
            """);

        Assert.Equal(
        [
            "paths[1].integration.type: is required",
            "paths[0].integration.type: unknown integration type 'lambda'; use 'http_proxy' (or its alias 'http') or 'static', or a 'response' on the path",
            "paths[0].integration.server: unknown server alias 'nope'; the config has no servers",
            "paths[1].integration.server: unknown server alias 'nope'; the config has no servers",
        ], errors);
    }

    [Fact]
    public async Task LoadAsync_ShortSecret_ReportsLengthNeverValue()
    {
        var errors = await ErrorsOf("""
            { "authorizer": { "type": "jwt", "secret": "$secret.S", "algorithm": "HS256" }, "paths": [] }
            """, new Dictionary<string, string?> { ["S"] = "short-secret" });

        var error = Assert.Single(errors);
        Assert.Equal("authorizer.secret: is 12 bytes; HS256 needs a secret of at least 32 bytes", error);
        Assert.DoesNotContain("short-secret", error);
    }

    [Theory]
    [InlineData("$config.missing", "'$config.missing' is not defined in the route's variables nor the global variables")]
    [InlineData("$request.jwt.sub", "reads '$request.jwt' but the route has no auth")]
    public async Task LoadAsync_BadMapping_ReportsIt(string value, string expected)
    {
        var errors = await ErrorsOf($$"""
            { {{Servers}}, "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http_proxy", "server": "orders" },
              "mapping": { "headers": { "x-v": "{{value}}" } } }] }
            """);

        var error = Assert.Single(errors);
        Assert.StartsWith($"paths[0].mapping.headers.x-v: {expected}", error);
    }

    [Fact]
    public async Task LoadAsync_MappingOnStaticResponse_IsAWarningOnly()
    {
        var result = await TestServices.LoadAsync("""
            { "paths": [{ "method": "GET", "path": "/a", "response": 1, "mapping": { "headers": { "x": "y" } } }] }
            """);

        Assert.NotNull(result.Runtime);
        Assert.Equal(ConfigSeverity.Warning, Assert.Single(result.Issues).Severity);
    }
}
