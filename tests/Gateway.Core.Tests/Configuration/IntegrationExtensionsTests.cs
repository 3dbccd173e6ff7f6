using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Configuration;

/// <summary>Validation of the format's extensions: an http_proxy's backend path and method, and the static integration.</summary>
public class IntegrationExtensionsTests
{
    private static async Task<List<string>> IssuesOf(string paths, string extra = "")
    {
        var result = await TestServices.LoadAsync($$"""
            { "servers": [{ "alias": "svc", "url": "http://127.0.0.1:5000" }], {{extra}} "paths": [{{paths}}] }
            """);
        return [.. result.Issues.Select(e => e.ToString())];
    }

    [Fact]
    public async Task LoadAsync_ValidExtensions_NoIssues()
    {
        var issues = await IssuesOf("""
            { "method": "GET", "path": "/users/{id}", "integration": { "type": "http_proxy", "server": "svc", "path": "/api/users/{id}", "method": "POST" } },
            { "method": "ANY", "path": "/legacy/{.+}", "integration": { "type": "http", "server": "svc", "path": "/app/{.+}" } },
            { "method": "GET", "path": "/old", "integration": { "type": "static", "status": 301, "headers": { "Location": "https://example.com/new" } } },
            { "method": "GET", "path": "/mock", "integration": { "type": "static", "status": 201, "body": { "status": "created" } } },
            { "method": "GET", "path": "/text", "integration": { "type": "static", "body_text": "hello", "headers": { "Content-Type": "text/html", "Cache-Control": "no-store" } } }
            """);

        Assert.Empty(issues);
    }

    [Theory]
    [InlineData("""{ "type": "http_proxy", "server": "svc", "path": "/api/{user}" }""", "paths[0].integration.path: '{user}' is not a parameter of the route '/users/{id}'; its parameters: {id}")]
    [InlineData("""{ "type": "http_proxy", "server": "svc", "path": "/api/{.+}" }""", "paths[0].integration.path: '/api/{.+}' uses '{.+}', but the route '/users/{id}' has no trailing '{.+}'")]
    [InlineData("""{ "type": "http_proxy", "server": "svc", "path": 7 }""", "paths[0].integration.path: must be a string, not the number 7")]
    [InlineData("""{ "type": "http_proxy", "server": "svc", "method": "ANY" }""", "paths[0].integration.method: 'ANY' is not a method the gateway sends")]
    [InlineData("""{ "type": "http_proxy", "server": "svc", "method": "post" }""", "paths[0].integration.method: 'post' is not a method the gateway sends")]
    [InlineData("""{ "type": "http_proxy", "server": "svc", "status": 200 }""", "paths[0].integration.status: applies to 'static' integrations only; this one is 'http_proxy'")]
    [InlineData("""{ "type": "http", "server": "svc", "body": {} }""", "paths[0].integration.body: applies to 'static' integrations only; this one is 'http'")]
    [InlineData("""{ "type": "static", "server": "svc" }""", "paths[0].integration.server: applies to 'http_proxy' integrations only; this one is 'static'")]
    [InlineData("""{ "type": "static", "path": "/x" }""", "paths[0].integration.path: applies to 'http_proxy' integrations only; this one is 'static'")]
    [InlineData("""{ "type": "static", "status": 99 }""", "paths[0].integration.status: 99 is not an HTTP status the gateway sends; use 200 to 599")]
    [InlineData("""{ "type": "static", "status": 600 }""", "paths[0].integration.status: 600 is not an HTTP status the gateway sends; use 200 to 599")]
    [InlineData("""{ "type": "static", "status": 101 }""", "paths[0].integration.status: 101 is an interim (1xx) status, which cannot end a request")]
    [InlineData("""{ "type": "static", "status": "301" }""", "paths[0].integration.status: must be a whole number")]
    [InlineData("""{ "type": "static", "status": 204, "body": {} }""", "paths[0].integration.status: a 204 response has no body")]
    [InlineData("""{ "type": "static", "status": 304, "body_text": "x" }""", "paths[0].integration.status: a 304 response has no body")]
    [InlineData("""{ "type": "static", "body": 1, "body_text": "x" }""", "paths[0].integration.body_text: is given together with 'body'; keep one")]
    [InlineData("""{ "type": "static", "headers": { "Bad Name": "x" } }""", "paths[0].integration.headers.Bad Name: 'Bad Name' is not a valid header name")]
    [InlineData("""{ "type": "static", "headers": { "Connection": "close" } }""", "paths[0].integration.headers.Connection: 'Connection' is a hop-by-hop header")]
    [InlineData("""{ "type": "static", "headers": { "transfer-encoding": "chunked" } }""", "paths[0].integration.headers.transfer-encoding: 'transfer-encoding' is a hop-by-hop header")]
    [InlineData("""{ "type": "static", "headers": { "Content-Length": "5" } }""", "paths[0].integration.headers.Content-Length: is computed by the gateway from the body")]
    [InlineData("""{ "type": "static", "headers": { "X-A": "line\nbreak" } }""", "paths[0].integration.headers.X-A: the value must be printable ASCII without line breaks")]
    [InlineData("""{ "type": "static", "headers": { "X-A": "café" } }""", "paths[0].integration.headers.X-A: the value must be printable ASCII")]
    [InlineData("""{ "type": "static", "headers": { "X-A": {} } }""", "paths[0].integration.headers.X-A: must be a string, number or boolean, not an object")]
    [InlineData("""{ "type": "static", "body_text": 5 }""", "paths[0].integration.body_text: must be a string, not the number 5")]
    [InlineData("""{ "type": "static", "extra": 1 }""", "paths[0].integration.extra: unknown key 'extra'")]
    [InlineData("""{ "type": "lambda" }""", "paths[0].integration.type: unknown integration type 'lambda'; use 'http_proxy' (or its alias 'http') or 'static', or a 'response' on the path")]
    public async Task LoadAsync_InvalidIntegration_ReportsLocationAndReason(string integration, string expected)
    {
        var issues = await IssuesOf($$"""{ "method": "GET", "path": "/users/{id}", "integration": {{integration}} }""");

        Assert.Contains(issues, i => i.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_MappingReadsUnknownRouteParameter_IsAnErrorNamingIt()
    {
        var issues = await IssuesOf("""
            { "method": "GET", "path": "/users/{id}", "integration": { "type": "http_proxy", "server": "svc" },
              "mapping": { "headers": { "x-user": "$request.path.user" }, "query": { "id": "$request.path.id" } } }
            """);

        Assert.Equal(["paths[0].mapping.headers.x-user: reads '$request.path.user' but the route '/users/{id}' has no '{user}'; its parameters: {id}"], issues);
    }

    [Fact]
    public async Task LoadAsync_StaticCorsHeaderWithCorsPolicy_IsAnError()
    {
        var issues = await IssuesOf("""{ "method": "GET", "path": "/a", "integration": { "type": "static", "headers": { "Access-Control-Allow-Origin": "*" } } }""",
            """ "cors": { "allow_origins": ["https://app.test"] }, """);

        Assert.Equal(["paths[0].integration.headers.Access-Control-Allow-Origin: is set by the config's 'cors' policy, which is the only one; remove it or change 'cors'"], issues);
    }

    [Fact]
    public async Task LoadAsync_StaticCorsHeaderWithoutCorsPolicy_Accepted()
    {
        var issues = await IssuesOf("""{ "method": "GET", "path": "/a", "integration": { "type": "static", "headers": { "Access-Control-Allow-Origin": "*" } } }""");

        Assert.Empty(issues);
    }

    [Fact]
    public async Task LoadAsync_MappingOnStaticIntegration_WarnsItHasNoEffect()
    {
        var issues = await IssuesOf("""{ "method": "GET", "path": "/a", "integration": { "type": "static" }, "mapping": { "headers": { "x": "y" } } }""");

        Assert.Equal(["warning: paths[0].mapping: has no effect: mapping applies to http_proxy integrations only"], issues);
    }

    [Fact]
    public async Task LoadAsync_StaticIntegrationAndResponse_BothIsAnError()
    {
        var issues = await IssuesOf("""{ "method": "GET", "path": "/a", "integration": { "type": "static" }, "response": 1 }""");

        Assert.Equal(["paths[0]: has both 'integration' and 'response': keep one"], issues);
    }
}
