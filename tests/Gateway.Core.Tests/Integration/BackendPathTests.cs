using System.Net;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Integration;

/// <summary>An http_proxy's backend path and method, through the real gateway to a real upstream on loopback.</summary>
public sealed class BackendPathTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _gateway = await RunningGateway.StartAsync($$"""
            {
              "servers": [{ "alias": "svc", "url": "{{_upstream.Url}}/base/" }, { "alias": "svc-no-slash", "url": "{{_upstream.Url}}/base/endpoint" }],
              "paths": [
                { "method": "GET", "path": "/users/{id}", "integration": { "type": "http_proxy", "server": "svc", "path": "/api/users/{id}" } },
                { "method": "GET", "path": "/t/{tenant}/docs/{doc}", "integration": { "type": "http_proxy", "server": "svc", "path": "/v2/{doc}.json/{tenant}" },
                  "mapping": { "query": { "via": "gateway" } } },
                { "method": "ANY", "path": "/legacy/{.+}", "integration": { "type": "http_proxy", "server": "svc", "path": "/old-app/{.+}" } },
                { "method": "GET", "path": "/exact", "integration": { "type": "http_proxy", "server": "svc-no-slash", "path": "" } },
                { "method": "GET", "path": "/search", "integration": { "type": "http_proxy", "server": "svc", "path": "/find", "method": "POST" } },
                { "method": "GET", "path": "/accounts/{account}", "integration": { "type": "http_proxy", "server": "svc", "path": "/lookup" },
                  "mapping": { "headers": { "x-account": "$request.path.account" }, "query": { "account": "acct-$request.path.account" } } }
              ]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("/users/42", "/base/api/users/42", "")]
    [InlineData("/users/42?expand=1&x=%20y", "/base/api/users/42", "?expand=1&x=%20y")]
    [InlineData("/t/acme/docs/readme", "/base/v2/readme.json/acme", "?via=gateway")]
    [InlineData("/legacy/a/b?c=d", "/base/old-app/a/b", "?c=d")]
    [InlineData("/legacy", "/base/old-app", "")]
    [InlineData("/legacy/a%20b", "/base/old-app/a%20b", "")]
    [InlineData("/exact?x=1", "/base/endpoint", "?x=1")]
    public async Task Proxy_BackendPath_TargetIsServerPlusTemplate(string requestPath, string upstreamPath, string upstreamQuery)
    {
        using var response = await _gateway.Client.GetAsync(requestPath);
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(upstreamPath, echoed.Path);
        Assert.Equal(upstreamQuery, echoed.Query);
    }

    [Theory]
    [InlineData("/users/a%2Fb", "/base/api/users/a%2Fb")]
    [InlineData("/users/a%3Fadmin=1", "/base/api/users/a%3Fadmin%3D1")]
    [InlineData("/users/a%23frag", "/base/api/users/a%23frag")]
    [InlineData("/users/a..b", "/base/api/users/a..b")]
    public async Task Proxy_ParameterWithReservedCharacters_NeverChangesTargetShape(string requestPath, string upstreamPath)
    {
        using var response = await RawGetAsync(requestPath);
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(upstreamPath, echoed.Path);
        Assert.Equal("", echoed.Query);
    }

    [Theory]
    [InlineData("/users/%2E%2E")]
    [InlineData("/users/.%2E")]
    [InlineData("/users/%2e")]
    [InlineData("/users/..%2F..%2Fadmin")]
    [InlineData("/users/%2E%2E%2Fadmin")]
    public async Task Proxy_DotSegmentParameter_400NeverReachesUpstream(string requestPath)
    {
        // Kestrel would resolve some of these before routing; the gateway refuses them all, so no route ever sees
        // '..' or '.' as a value and no upstream gets a path it could resolve out of its base.
        using var response = await RawGetAsync(requestPath);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ERR_BAD_PATH", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_MethodOverride_UpstreamSeesConfiguredMethod()
    {
        using var response = await _gateway.Client.GetAsync("/search?q=x");
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal("POST", echoed.Method);
        Assert.Equal("/base/find", echoed.Path);
        Assert.Equal("?q=x", echoed.Query);
    }

    [Fact]
    public async Task Mapping_RouteParameter_SetsHeaderAndQuery()
    {
        using var response = await _gateway.Client.GetAsync("/accounts/a%20b?account=spoofed");
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal("/base/lookup", echoed.Path);
        Assert.Equal("a b", echoed.Headers["x-account"]);
        Assert.Equal("?account=acct-a%20b", echoed.Query);
    }

    [Fact]
    public async Task Proxy_NoMethodOverride_UpstreamSeesClientMethod()
    {
        using var response = await _gateway.Client.DeleteAsync("/legacy/x");
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal("DELETE", echoed.Method);
    }

    /// <summary>Sends the path exactly as written: HttpClient would otherwise resolve '%2E%2E' itself before sending.</summary>
    private Task<HttpResponseMessage> RawGetAsync(string path) =>
        _gateway.Client.GetAsync(new Uri(_gateway.Address.GetLeftPart(UriPartial.Authority) + path,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
}
