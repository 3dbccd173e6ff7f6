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
}
