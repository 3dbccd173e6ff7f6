using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Configuration;

public class MappingRuleTests
{
    private static async Task<List<string>> ErrorsOfHeaders(string headersJson)
    {
        var result = await TestServices.LoadAsync($$"""
            { "servers": [{ "alias": "svc", "url": "http://127.0.0.1:5000" }],
              "variables": { "stage": "test" },
              "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http_proxy", "server": "svc" } },
                        { "method": "GET", "path": "/b", "integration": { "type": "http_proxy", "server": "svc" },
                          "mapping": { "headers": {{headersJson}} } }] }
            """);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    [Theory]
    [InlineData("content-length")]
    [InlineData("Transfer-Encoding")]
    [InlineData("host")]
    [InlineData("connection")]
    [InlineData("upgrade")]
    public async Task Check_MappedFramingHeader_IsAnError(string name)
    {
        var errors = await ErrorsOfHeaders($$"""{ "{{name}}": "$request.query.x" }""");

        Assert.Equal([$"paths[1].mapping.headers.{name}: is set by the gateway for each connection and cannot be mapped"], errors);
    }

    [Theory]
    [InlineData("x val")]
    [InlineData("x:val")]
    [InlineData("")]
    public async Task Check_MappedHeaderNameNotAToken_IsAnError(string name)
    {
        var errors = await ErrorsOfHeaders($$"""{ "{{name}}": "v" }""");

        Assert.Equal([$"paths[1].mapping.headers.{name}: is not a header name: use letters, digits and !#$%&'*+-.^_`|~"], errors);
    }

    [Theory]
    [InlineData("$request.headers.x", "$request.headers.x")]
    [InlineData("$request.foo.bar", "$request.foo.bar")]
    [InlineData("Bearer $request.heder.token", "$request.heder.token")]
    [InlineData("$request.header.", "$request.header.")]
    [InlineData("$request.jwt", "$request.jwt")]
    [InlineData("$Request.header.x", "$Request.header.x")]
    [InlineData("$request.query.a $request.jwts.x", "$request.jwts.x")]
    [InlineData("$request.query.a/$config.", "$config.")]
    public async Task Check_UnknownMappingSource_IsAnErrorWithItsLocation(string value, string unknown)
    {
        var errors = await ErrorsOfHeaders($$"""{ "x-lit": "{{value}}" }""");

        Assert.Equal([$"paths[1].mapping.headers.x-lit: unknown mapping source '{unknown}'; known: $request.header.NAME, $request.query.NAME, $request.path.NAME, $request.jwt.CLAIM, $config.NAME"], errors);
    }

    [Fact]
    public async Task Check_UnknownQuerySource_IsAnErrorWithItsLocation()
    {
        var result = await TestServices.LoadAsync("""
            { "servers": [{ "alias": "svc", "url": "http://127.0.0.1:5000" }],
              "paths": [{ "method": "GET", "path": "/a", "integration": { "type": "http_proxy", "server": "svc" },
                          "mapping": { "query": { "q": "$request.params.id" } } }] }
            """);

        Assert.Equal(["paths[0].mapping.query.q: unknown mapping source '$request.params.id'; known: $request.header.NAME, $request.query.NAME, $request.path.NAME, $request.jwt.CLAIM, $config.NAME"],
            result.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("$request.header.x-token")]
    [InlineData("Bearer $request.query.t")]
    [InlineData("$config.stage/$request.header.a")]
    [InlineData("price: $5, $requests")]
    public async Task Check_KnownSourcesAndPlainDollars_Accepted(string value)
    {
        Assert.Empty(await ErrorsOfHeaders($$"""{ "x-ok": "{{value}}" }"""));
    }

    [Fact]
    public async Task Check_UndefinedConfigVariable_IsAnError()
    {
        var errors = await ErrorsOfHeaders("""{ "x-v": "$config.nope" }""");

        Assert.Equal(["paths[1].mapping.headers.x-v: '$config.nope' is not defined in the route's variables nor the global variables"], errors);
    }
}
