using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace FunctionGateway.Tests.Support;

/// <summary>A real HTTP server on a free loopback port, standing in for the services behind the gateway.</summary>
internal sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly ConcurrentQueue<string> _received;

    private TestUpstream(WebApplication app, ConcurrentQueue<string> received)
    {
        _app = app;
        _received = received;
    }

    public string Url => _app.Urls.First();

    /// <summary>The path of every request that reached this server, as it came on the wire.</summary>
    public IReadOnlyCollection<string> ReceivedPaths => _received;

    public static async Task<TestUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var received = new ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            received.Enqueue(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget.Split('?')[0]);
            return next(context);
        });

        // /stream/**: the request body straight back, so a large body can be checked both ways.
        app.Map("/base/stream/{**rest}", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Request.Body.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        app.Map("/base/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        app.Map("/base/connection", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "X-Hop, X-Other-Hop";
            context.Response.Headers["X-Hop"] = "upstream-connection-only";
            context.Response.Headers["X-Other-Hop"] = "upstream-connection-only";
            context.Response.Headers["X-End"] = "kept";
            return Results.Json(new { ok = true });
        });
        app.Map("/base/cors", (HttpContext context) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Json(new { ok = true });
        });

        // Everything else: what the upstream received, as JSON; the path as it came on the wire.
        app.MapFallback(async context =>
        {
            var request = context.Request;
            var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            var echo = new EchoedRequest(
                request.Method,
                rawTarget.Split('?')[0],
                request.QueryString.Value ?? "",
                request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
            await context.Response.WriteAsJsonAsync(echo);
        });

        await app.StartAsync();
        return new TestUpstream(app, received);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record EchoedRequest(string Method, string Path, string Query, Dictionary<string, string> Headers)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<EchoedRequest> ReadAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<EchoedRequest>(await response.Content.ReadAsStringAsync(), Web)!;
}
