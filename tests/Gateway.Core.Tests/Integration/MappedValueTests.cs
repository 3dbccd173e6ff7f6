using System.Net;
using FunctionGateway.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionGateway.Tests.Integration;

/// <summary>Values a mapping copies from the request or token into upstream headers and query parameters.</summary>
public sealed class MappedValueTests : IAsyncLifetime
{
    private const string RejectedBody =
        """{"error":"Request value cannot be forwarded","code":"ERR_BAD_MAPPED_VALUE","detail":"mapping header 'x-val'"}""";

    private TestUpstream _upstream = null!;
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _gateway = await RunningGateway.StartAsync($$"""
            {
              "servers": [{ "alias": "svc", "url": "{{_upstream.Url}}/base" }],
              "authorizer": { "type": "jwt", "secret": "$secret.JWT_SECRET", "algorithm": "HS256" },
              "paths": [
                { "method": "GET", "path": "/m", "integration": { "type": "http_proxy", "server": "svc" },
                  "mapping": { "headers": { "x-val": "$request.query.x" } } },
                { "method": "GET", "path": "/q", "integration": { "type": "http_proxy", "server": "svc" },
                  "mapping": { "query": { "v": "$request.query.x" } } },
                { "method": "GET", "path": "/claim", "auth": true, "integration": { "type": "http_proxy", "server": "svc" },
                  "mapping": { "headers": { "x-val": "$request.jwt.name" } } }
              ]
            }
            """, new Dictionary<string, string?> { ["JWT_SECRET"] = Tokens.Secret });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Theory]
    [InlineData("a%0d%0aContent-Length:%205%0d%0a%0d%0aXXXXX")]
    [InlineData("a%0aX-Injected:%201")]
    [InlineData("a%0db")]
    [InlineData("a%00b")]
    [InlineData("a%01b")]
    [InlineData("a%7fb")]
    [InlineData("%C3%A9")]
    public async Task MappedHeader_ValueNoFieldMayCarry_400AndNothingForwarded(string query)
    {
        using var response = await _gateway.Client.GetAsync("/m?x=" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RejectedBody, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("/base/m", _upstream.ReceivedPaths);
    }

    [Fact]
    public async Task MappedHeader_ClaimWithLineBreak_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/claim");
        request.Headers.Authorization = new("Bearer", Tokens.Hs256(new() { ["name"] = "alice\r\nX-Admin: true" }));

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RejectedBody, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("/base/claim", _upstream.ReceivedPaths);
    }

    [Fact]
    public async Task MappedHeader_Rejected_LogNamesHeaderNotValue()
    {
        using var response = await _gateway.Client.GetAsync("/m?x=secret-looking%0d%0avalue");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_gateway.Logs.Lines, l => l.Contains("GET /m", StringComparison.Ordinal) && l.Contains("header 'x-val'", StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Logs.Lines, l => l.Contains("secret-looking", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bearer%20abc", "Bearer abc")]
    [InlineData("a%09b", "a\tb")]
    [InlineData("%21%22%23%24%25%26'()*%2B,-./:;%3C%3D%3E?@[\\]^_`{|}~", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")]
    public async Task MappedHeader_VisibleAsciiSpaceAndTab_ForwardedAsIs(string query, string expected)
    {
        using var response = await _gateway.Client.GetAsync("/m?x=" + query);
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, echoed.Headers["x-val"]);
    }

    [Theory]
    [InlineData("a%0d%0aContent-Length:%205", "a\r\nContent-Length: 5")]
    [InlineData("%C3%A9", "é")]
    [InlineData("a%26b%3Dc%23d", "a&b=c#d")]
    public async Task MappedQuery_AnyValue_PercentEncodedIntoOneParameter(string query, string expected)
    {
        using var response = await _gateway.Client.GetAsync("/q?x=" + query);
        var echoed = await EchoedRequest.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstreamQuery = QueryHelpers.ParseQuery(echoed.Query);
        Assert.Equal(expected, upstreamQuery["v"].ToString());
        Assert.Equal(["v", "x"], upstreamQuery.Keys.Order(StringComparer.Ordinal));
        Assert.True(echoed.Query.AsSpan().IndexOfAnyExceptInRange('!', '~') < 0, echoed.Query);
    }
}
