using System.Net;
using FunctionGateway.Tests.Support;

namespace FunctionGateway.Tests.Integration;

/// <summary>Static integrations on the wire: status, headers and body as a client receives them.</summary>
public sealed class StaticResponseTests : IAsyncLifetime
{
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _gateway = await RunningGateway.StartAsync("""
            {
              "cors": { "allow_origins": ["https://app.test"] },
              "paths": [
                { "method": "GET", "path": "/old", "integration": { "type": "static", "status": 301, "headers": { "Location": "https://example.com/new" } } },
                { "method": "ANY", "path": "/orders/{id}", "integration": { "type": "static", "status": 201,
                  "headers": { "X-Mock": "yes", "Cache-Control": "no-store", "Vary": "Accept" }, "body": { "status": "created", "id": 7 } } },
                { "method": "GET", "path": "/hello", "integration": { "type": "static", "body_text": "Hello, world" } },
                { "method": "GET", "path": "/page", "integration": { "type": "static", "body_text": "<p>hi</p>", "headers": { "Content-Type": "text/html; charset=utf-8" } } },
                { "method": "GET", "path": "/gone", "integration": { "type": "static", "status": 204 } },
                { "method": "GET", "path": "/legacy", "response": { "status": "ok" } }
              ]
            }
            """);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Static_Redirect_StatusAndLocationWithEmptyBody()
    {
        using var response = await _gateway.Client.GetAsync("/old");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://example.com/new", response.Headers.Location?.ToString());
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_JsonBodyWithHeaders_SentAsConfigured()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders/7");
        request.Headers.Add("Origin", "https://app.test");

        using var response = await _gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("""{"status":"created","id":7}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("yes", Assert.Single(response.Headers.GetValues("X-Mock")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // The configured Vary is added to the one CORS sets, not put in its place.
        Assert.Equal(["Origin", "Accept"], response.Headers.Vary);
        Assert.Equal("https://app.test", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Static_TextBody_SentAsIsAsPlainText()
    {
        using var response = await _gateway.Client.GetAsync("/hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Hello, world", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_ContentTypeHeader_ReplacesDefault()
    {
        using var response = await _gateway.Client.GetAsync("/page");

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("<p>hi</p>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_NoContent_NoBodyNoLength()
    {
        using var response = await _gateway.Client.GetAsync("/gone");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Static_Head_HeadersWithoutBody()
    {
        using var response = await _gateway.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/orders/1"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(27, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Response_ObjectWithStatusKey_StillABodyWith200()
    {
        using var response = await _gateway.Client.GetAsync("/legacy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }
}
